// Browser benchmarks of the release build (not a test: prints figures; run via scripts/bench.sh).
// Headless Debian Chromium, CPU throttled 4× through the DevTools protocol, local server.
import { serve, launch, DIST } from './lib.mjs';
import { BUDGET as budget, firstLoadSizes } from './sizes.mjs';
import { enter } from './flow.mjs';
import { keystrokeTimes, median, throttled } from './timing.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 11);
const kb = (b) => `${(b / 1024).toFixed(1)} KB`;

/**
 * From navigation start to the first input of a new form accepting typing: the app's own
 * `keukentafel:mounted` mark (its first screen shown), plus, once past the vault, measured
 * inside the page, the tap on "Nieuw gesprek" until the first field exists, has focus and the
 * frame with it is painted.
 * Playwright's own actionability checks (waiting for stable frames, IPC) are not counted.
 */
async function startToForm(page, url) {
  await page.goto(url);
  // The first screen: enrolment on a new tablet, the unlock screen after a reload.
  await page.locator('#kluis-naam, #kluis-ontgrendel, [data-testid="nieuw-gesprek"]').first().waitFor();
  const mounted = await page.evaluate(() => performance.getEntriesByName('keukentafel:mounted')[0]?.startTime ?? performance.now());
  // Enrolling or unlocking is the professional's typing and a deliberately slow key
  // derivation, not start-up: not counted.
  await enter(page, null);
  await page.getByTestId('nieuw-gesprek').waitFor();
  const open = await page.evaluate(() => new Promise((resolve) => {
    const t0 = performance.now();
    document.querySelector('[data-testid="nieuw-gesprek"]').click();
    const ready = () => {
      const el = document.getElementById('veld-client-name');
      if (!el) return requestAnimationFrame(ready);
      el.focus();
      // The next frame shows the form with the focused field.
      requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0));
    };
    ready();
  }));
  await page.locator('#veld-client-name').pressSequentially('x');
  if ((await page.locator('#veld-client-name').inputValue()) !== 'x') throw new Error('the first field did not accept typing');
  return { mounted, open, total: mounted + open };
}

// KT_BASELINE_DIST=<another build's dist>: that build is measured too, run for run alternating
// with this one, so that both see the same machine load (on a shared machine the absolute
// figures drift by tens of ms within an hour; an interleaved comparison does not).
const BASELINE = process.env.KT_BASELINE_DIST;
// Playwright's pipe to Chromium does not keep Node running: without this, a page's slow frame
// (CPU 4×) can leave the event loop empty and end the script (exit code 13) mid-measurement.
const keepAlive = setInterval(() => {}, 1000);
const server = await serve();
const baseline = BASELINE ? await serve(BASELINE) : null;
const browser = await launch();
const cold = [];
const warm = [];
const keys = [];
const base = { cold: [], warm: [] };

/** One cold start, then one warm start (from the service worker the first installed). */
async function startTwice(url, into) {
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 }, hasTouch: true });
  const page = await context.newPage();
  await throttled(context, page);
  into.cold.push(await startToForm(page, url));
  if (into.keys) {
    // A keystroke in a field to updated findings on screen (20 keystrokes), on the open form.
    await page.locator('#veld-client-birthDate').waitFor();
    into.keys.push(...(await keystrokeTimes(page, '#veld-client-dossierReference')));
  }
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  // A reload reopens the screen that was open (the form); start from the start screen again.
  await page.evaluate(() => sessionStorage.clear());
  into.warm.push(await startToForm(page, url));
  return { context, page };
}

for (let i = 0; i < RUNS; i++) {
  if (baseline) await (await startTwice(baseline.url, base)).context.close();
  const { context } = await startTwice(server.url, { cold, warm, keys: i === 0 ? keys : null });
  await context.close();
}
await browser.close();
await server.close();
await baseline?.close();
clearInterval(keepAlive);

const s = firstLoadSizes(DIST);
const parts = (runs) => `start page ${median(runs.map((r) => r.mounted)).toFixed(0)} ms + tap to form ${median(runs.map((r) => r.open)).toFixed(0)} ms`;
const rows = [
  ['All first-load assets, gzip -9', kb(s.total), `≤ ${kb(budget.total.target)} (issue 17; CI ceiling ${kb(budget.total.ceiling)})`],
  ['.wasm alone, gzip -9', kb(s.wasm), `≤ ${kb(budget.wasm.target)} (issue 17; CI ceiling ${kb(budget.wasm.ceiling)})`],
  ['Cold start to a usable form, CPU 4×', `${median(cold.map((r) => r.total)).toFixed(0)} ms (${parts(cold)})`, '≤ 400 ms median'],
  ['Warm start (service worker), CPU 4×', `${median(warm.map((r) => r.total)).toFixed(0)} ms (${parts(warm)})`, '≤ 250 ms median'],
  ['Keystroke to updated findings, CPU 4×', `${median(keys).toFixed(1)} ms`, '≤ 16 ms median'],
];
console.log(`\n| What | Measured (median of ${RUNS}) | Budget |\n|---|---|---|`);
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
if (baseline) {
  const b = firstLoadSizes(BASELINE);
  const ms = (runs) => `${median(runs.map((r) => r.total)).toFixed(0)} ms (${parts(runs)})`;
  console.log(`\nAgainst ${BASELINE}, run for run alternately with this build:\n`);
  console.log('| What | This build | Baseline |\n|---|---|---|');
  console.log(`| .wasm alone, gzip -9 | ${kb(s.wasm)} | ${kb(b.wasm)} |`);
  console.log(`| All first-load assets, gzip -9 | ${kb(s.total)} | ${kb(b.total)} |`);
  console.log(`| Cold start, CPU 4× | ${ms(cold)} | ${ms(base.cold)} |`);
  console.log(`| Warm start, CPU 4× | ${ms(warm)} | ${ms(base.warm)} |`);
}
