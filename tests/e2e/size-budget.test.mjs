// The size budget of the release build: deterministic, so it is enforced here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DIST } from './lib.mjs';
import { BUDGET as budget, firstLoadSizes } from './sizes.mjs';

test('first-load assets stay within the size budget', () => {
  const s = firstLoadSizes(DIST);
  for (const r of s.rows) console.log(`  ${r.file}: ${r.raw} B, gzip -9 ${r.gzip} B`);
  console.log(`  wasm ${s.wasm} B (ceiling ${budget.wasm.ceiling}, target ${budget.wasm.target}); total ${s.total} B (ceiling ${budget.total.ceiling}, target ${budget.total.target})`);
  assert.ok(s.rows.some((r) => r.file.endsWith('.wasm')), 'the wasm is found');
  assert.ok(s.wasm <= budget.wasm.ceiling, `wasm ${s.wasm} B gzip > ${budget.wasm.ceiling} B`);
  assert.ok(s.total <= budget.total.ceiling, `first load ${s.total} B gzip > ${budget.total.ceiling} B`);
});
