// Browser benchmarks of the release build (not a test: prints figures; run via scripts/bench.sh).
// Headless Debian Chromium, CPU throttled 4× through the DevTools protocol, local server.
import { serve, launch, DIST } from './lib.mjs';
import { firstLoadSizes } from './sizes.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const median = (v) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
const kb = (b) => `${(b / 1024).toFixed(1)} KB`;

async function throttled(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  return cdp;
}

/** From navigation start to the first input of a new form accepting typing. */
async function startToForm(page, url) {
  await page.goto(url);
  await page.getByTestId('nieuw-gesprek').waitFor();
  const mounted = await page.evaluate(() => performance.getEntriesByName('keukentafel:mounted')[0]?.startTime ?? performance.now());
  const t0 = await page.evaluate(() => performance.now());
  await page.getByTestId('nieuw-gesprek').click();
  await page.locator('#veld-client-name').waitFor();
  const t1 = await page.evaluate(() => {
    const el = document.getElementById('veld-client-name');
    el.focus();
    return performance.now();
  });
  await page.locator('#veld-client-name').pressSequentially('x');
  return mounted + (t1 - t0);
}

const server = await serve();
const browser = await launch();
const cold = [];
const warm = [];
const keys = [];
for (let i = 0; i < RUNS; i++) {
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 }, hasTouch: true });
  const page = await context.newPage();
  await throttled(context, page);
  cold.push(await startToForm(page, server.url));
  // Installed by the first visit: the next start is served by the service worker.
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  warm.push(await startToForm(page, server.url));
  if (i === 0) {
    // A keystroke in a field to updated findings on screen (20 keystrokes).
    await page.locator('#veld-client-birthDate').waitFor();
    for (let k = 0; k < 20; k++) {
      keys.push(await page.evaluate(async (k) => {
        const el = document.getElementById('veld-client-dossierReference');
        const t0 = performance.now();
        el.value = 'LM-' + k;
        el.dispatchEvent(new Event('input', { bubbles: true }));
        await new Promise((r) => requestAnimationFrame(() => r()));
        return performance.now() - t0;
      }, k));
    }
  }
  await context.close();
}
await browser.close();
await server.close();

const s = firstLoadSizes(DIST);
const rows = [
  ['All first-load assets, gzip -9', kb(s.total), '≤ 150 KB'],
  ['.wasm alone, gzip -9', kb(s.wasm), '≤ 110 KB'],
  ['Cold start to a usable form, CPU 4×', `${median(cold).toFixed(0)} ms`, '≤ 400 ms median'],
  ['Warm start (service worker), CPU 4×', `${median(warm).toFixed(0)} ms`, '≤ 250 ms median'],
  ['Keystroke to updated findings, CPU 4×', `${median(keys).toFixed(1)} ms`, '≤ 16 ms median'],
];
console.log(`\n| What | Measured (median of ${RUNS}) | Budget |\n|---|---|---|`);
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
