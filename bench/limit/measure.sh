#!/usr/bin/env bash
# The physical limit (scripts/bench.sh --limit): builds bench/limit/page.rs (the smallest Leptos
# page) and bench/limit/rules.rs (that page plus the core's rules and texts) exactly as Trunk
# builds the app — profile wasm-release, wasm-bindgen --target web, wasm-opt -Oz with the
# flags of index.html — and prints each beside the app's own wasm (dist/, built by bench.sh),
# gzip -9 and Brotli 11, plus the app's data section (its texts and tables) on its own.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../../scripts/env.sh"
cd "$KT_ROOT"
OUT="$KT_ROOT/target/limit"
mkdir -p "$OUT"
# The same wasm-opt flags as index.html's data-wasm-opt-params.
params=$(sed -n 's/.*data-wasm-opt-params="\([^"]*\)".*/\1/p' index.html)
for ex in limit-page limit-rules; do
  cargo build -q --locked --offline --profile wasm-release --target wasm32-unknown-unknown --example "$ex"
  wasm-bindgen --target web --no-typescript --out-dir "$OUT/$ex" "target/wasm32-unknown-unknown/wasm-release/examples/$ex.wasm"
  # shellcheck disable=SC2086
  wasm-opt -Oz $params "$OUT/$ex/${ex}_bg.wasm" -o "$OUT/$ex/$ex.wasm"
done
node --input-type=module - "$OUT" "$KT_ROOT/dist" <<'JS'
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
const [out, dist] = process.argv.slice(2);
const gz = (b) => gzipSync(b, { level: 9 }).length;
const br = (b) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
/** The bytes of the wasm's data section (id 11): string literals, tables, constants. */
function dataSection(wasm) {
  let i = 8;
  const leb = () => { let r = 0, s = 0, b; do { b = wasm[i++]; r |= (b & 0x7f) << s; s += 7; } while (b & 0x80); return r >>> 0; };
  while (i < wasm.length) {
    const id = wasm[i++];
    const size = leb();
    if (id === 11) return wasm.subarray(i, i + size);
    i += size;
  }
  return new Uint8Array();
}
const app = readFileSync(join(dist, readdirSync(dist).find((f) => f.endsWith('.wasm'))));
const page = readFileSync(join(out, 'limit-page', 'limit-page.wasm'));
const rules = readFileSync(join(out, 'limit-rules', 'limit-rules.wasm'));
const glue = (ex) => readFileSync(join(out, ex, `${ex}.js`));
const row = (name, b, what) => `| ${name} | ${b.length} | ${gz(b)} | ${br(b)} | ${what} |`;
console.log('| Build | raw B | gzip -9 B | Brotli 11 B | what it is |\n|---|---|---|---|---|');
console.log(row('smallest Leptos page (bench/limit/page.rs)', page, 'one field bound to a signal, one derived line'));
console.log(row('page + the rules (bench/limit/rules.rs)', rules, 'strict JSON reading, validation, findings, statement, summary, paper, explanation'));
console.log(row('keukentafel (dist)', app, 'everything'));
console.log(row('keukentafel, data section only', dataSection(app), 'its texts, tables and constants'));
console.log(`\nJS glue (gzip -9): page ${gz(glue('limit-page'))} B, page + rules ${gz(glue('limit-rules'))} B.`);
console.log(`The app is ${(gz(app) / gz(rules)).toFixed(2)}× the page with the rules; ${gz(app) - gz(rules)} B gzip are its screens, storage, vault, outbox, signing and delivery.`);
JS
