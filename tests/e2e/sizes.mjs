// First-load asset sizes of a build (gzip -9), shared by the budget check and the benchmark.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/** The size budgets (budget.json): what CI enforces ('ceiling') and issue 17's 'target'. */
export const BUDGET = JSON.parse(readFileSync(fileURLToPath(new URL('./budget.json', import.meta.url)), 'utf8'));

export function firstLoadSizes(dist) {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  // What index.html loads: its own bytes, the stylesheet, the JS loader and snippets, the wasm.
  const refs = [...html.matchAll(/(?:href|src)="\/([^"]+\.(?:css|js|wasm))"/g)].map((m) => m[1]);
  const files = ['index.html', ...new Set(refs)];
  const rows = files.map((f) => {
    const bytes = readFileSync(join(dist, f));
    return { file: f, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
  const wasm = rows.filter((r) => r.file.endsWith('.wasm')).reduce((a, r) => a + r.gzip, 0);
  const total = rows.reduce((a, r) => a + r.gzip, 0);
  return { rows, wasm, total };
}

export function listFiles(dir) {
  return readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? listFiles(join(dir, f)).map((x) => join(f, x)) : [f]));
}
