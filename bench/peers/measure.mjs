// keukentafel against its peers, in one interleaved run (scripts/bench.sh --peers; never a test).
// keukentafel is served by `keukentafel serve` (precompressed Brotli/gzip, as in production);
// each peer's page by a static server here that does the same (Brotli 11 and gzip 9 made once
// at start, negotiated on Accept-Encoding), so every engine gets the same best-case transfer.
// Per run, in a rotating order, each page gets a fresh browser context for: a cold start at
// CPU 4× (transfer, requests, time to typing), a cold start on a slow mobile network as well
// (150 ms, 1.6 Mbit/s down, 750 kbit/s up), and (first run) 20 keystrokes. Then Lighthouse
// (mobile, its simulated throttling) on each page, interleaved too.
import { createServer } from 'node:http';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { serve, launch, DIST } from '../../tests/e2e/lib.mjs';
import { keystrokeTimes, median, throttled } from '../../tests/e2e/timing.mjs';
import { buildPeers } from './build.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const LH_RUNS = Number(process.env.BENCH_LH_RUNS ?? 3);
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2', '.woff': 'font/woff', '.ico': 'image/x-icon' };

function files(dir) {
  return readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]));
}

/** A static server for one peer's page, sending precompressed Brotli or gzip as asked. */
async function staticServer(dir) {
  const table = new Map();
  for (const f of files(dir)) {
    const raw = readFileSync(f);
    table.set(`/${relative(dir, f)}`, {
      type: TYPES[extname(f)] ?? 'application/octet-stream', raw,
      br: brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } }),
      gzip: gzipSync(raw, { level: 9 }),
    });
  }
  const server = createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    const file = table.get(path === '/' ? '/index.html' : path);
    if (!file) { res.writeHead(404).end(); return; }
    const accept = req.headers['accept-encoding'] ?? '';
    const enc = /\bbr\b/.test(accept) ? 'br' : /\bgzip\b/.test(accept) ? 'gzip' : null;
    const body = enc ? file[enc] : file.raw;
    res.writeHead(200, { 'Content-Type': file.type, 'Content-Length': body.length, 'Cache-Control': 'no-cache', Vary: 'Accept-Encoding', ...(enc ? { 'Content-Encoding': enc } : {}) });
    res.end(body);
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => new Promise((ok) => server.close(ok)) };
}

// What "ready to type" means on each page: its first text field is on screen and takes typing.
// A fresh context has no state, so keukentafel opens where a new tablet does: enrolment, whose
// first field is the professional's name (a peer's page opens on its form's first field).
const TARGETS = [
  { name: 'keukentafel', field: '#kluis-naam' },
  { name: 'Enketo', peer: 'enketo', field: 'input[name="/data/naam"]' },
  { name: 'SurveyJS', peer: 'surveyjs', field: 'input[type="text"]' },
  { name: 'Form.io', peer: 'formio', field: 'input[name="data[naam]"]' },
  { name: 'ODK Web Forms', peer: 'odk', field: 'input[type="text"], input:not([type])' },
];

/** Waits in the page (no Playwright round trips counted) for a visible element; its time. */
const visibleAt = (page, selector) => page.evaluate((sel) => new Promise((resolve) => {
  const poll = () => {
    const el = document.querySelector(sel);
    if (el && el.getClientRects().length) resolve(performance.now());
    else setTimeout(poll, 4);
  };
  poll();
}), selector);

async function coldStart(browser, target, { slow = false, keystrokes = false } = {}) {
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 }, hasTouch: true, locale: 'nl-NL', serviceWorkers: 'block' });
  const page = await context.newPage();
  const cdp = await throttled(context, page);
  await cdp.send('Network.enable');
  let bytes = 0;
  let requests = 0;
  cdp.on('Network.loadingFinished', (e) => { bytes += e.encodedDataLength; requests += 1; });
  if (slow) await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(target.url, { waitUntil: 'commit' });
  const ready = await Promise.race([
    visibleAt(page, target.field),
    page.waitForTimeout(60_000).then(() => { throw new Error(`${target.name}: no ${target.field} within 60 s`); }),
  ]);
  // It must take typing, or the page is not what we think it is.
  const field = page.locator(target.field).first();
  await field.click();
  await field.pressSequentially('x');
  if ((await field.inputValue()) !== 'x') throw new Error(`${target.name}: the first field did not take typing`);
  await page.waitForLoadState('load');
  await page.waitForTimeout(slow ? 1500 : 500); // late requests (lazy chunks, fonts) count too
  const keys = keystrokes ? await keystrokeTimes(page, target.field) : [];
  await context.close();
  if (errors.length) console.error(`${target.name}: page errors: ${errors.slice(0, 3).join(' | ')}`);
  return { ready, bytes, requests, keys };
}

async function lighthouseRun(url) {
  const chrome = await chromeLauncher.launch({ chromePath: process.env.CHROMIUM ?? '/usr/bin/chromium', chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
  try {
    const { lhr } = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'] });
    const a = (id) => lhr.audits[id].numericValue;
    return { fcp: a('first-contentful-paint'), lcp: a('largest-contentful-paint'), tbt: a('total-blocking-time'), perf: lhr.categories.performance.score * 100, a11y: lhr.categories.accessibility.score * 100 };
  } finally {
    await chrome.kill();
  }
}

console.error('building the peers’ pages …');
const peers = Object.fromEntries((await buildPeers()).map((p) => [p.name, p.dir]));
const closers = [];
for (const t of TARGETS) {
  const s = t.peer ? await staticServer(peers[t.peer]) : await serve(DIST);
  t.url = s.url;
  closers.push(s);
  t.runs = [];
  t.slow = [];
  t.keys = [];
  t.lh = [];
}
// Playwright's pipe to Chromium does not keep Node running; a slow frame must not end the run.
const keepAlive = setInterval(() => {}, 1000);
const browser = await launch();
for (let i = 0; i < RUNS; i++) {
  const order = TARGETS.map((_, j) => TARGETS[(i + j) % TARGETS.length]);
  for (const t of order) {
    const r = await coldStart(browser, t, { keystrokes: i === 0 });
    t.runs.push(r);
    if (i === 0) t.keys = r.keys;
    t.slow.push((await coldStart(browser, t, { slow: true })).ready);
  }
  console.error(`run ${i + 1}/${RUNS}: ${order.map((t) => `${t.name} ${t.runs.at(-1).ready.toFixed(0)} ms`).join(', ')}`);
}
await browser.close();
for (let i = 0; i < LH_RUNS; i++) {
  for (const t of TARGETS.map((_, j) => TARGETS[(i + j) % TARGETS.length])) t.lh.push(await lighthouseRun(t.url));
  console.error(`lighthouse ${i + 1}/${LH_RUNS}`);
}
for (const c of closers) await c.close();
clearInterval(keepAlive);

const kib = (b) => `${(b / 1024).toFixed(0)} KiB`;
const ms = (v) => `${v.toFixed(0)} ms`;
console.log(`\n| Engine | Transferred | Requests | Cold start to typing, CPU 4× | Slow network (150 ms, 1.6 Mbit/s) | Keystroke | Lighthouse FCP | LCP | TBT | Performance | Accessibility |`);
console.log('|---|---|---|---|---|---|---|---|---|---|---|');
for (const t of TARGETS) {
  const m = (f) => median(t.lh.map(f));
  console.log(`| ${t.name} | ${kib(median(t.runs.map((r) => r.bytes)))} | ${median(t.runs.map((r) => r.requests))} | ${ms(median(t.runs.map((r) => r.ready)))} | ${ms(median(t.slow))} | ${median(t.keys).toFixed(1)} ms | ${ms(m((l) => l.fcp))} | ${ms(m((l) => l.lcp))} | ${ms(m((l) => l.tbt))} | ${m((l) => l.perf).toFixed(0)} | ${m((l) => l.a11y).toFixed(0)} |`);
}
console.log(`\nMedians: ${RUNS} interleaved runs (cold starts), ${LH_RUNS} Lighthouse runs per page. ${new Date().toISOString().slice(0, 10)}.`);
