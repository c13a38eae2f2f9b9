// The release build loads in a real browser and shows the Dutch start page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve, launch, tabletPage, screenshot, assertCspAndOrigin, accessibilityProblems, DIST } from './lib.mjs';
import * as f from './flow.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); assertCspAndOrigin(); });

test('start page renders the profile municipality from the wasm core', async () => {
  const { context, page, problems } = await tabletPage(browser, server.url);
  await page.goto(server.url);
  const municipality = page.getByTestId('municipality');
  await municipality.waitFor({ timeout: 15000 });
  assert.equal(await municipality.textContent(), 'Gemeente Landsmeer');
  // A fresh tablet asks the professional to enrol first; nothing else is shown.
  assert.equal(await page.locator('h1').textContent(), 'Inschrijven op deze tablet');
  await screenshot(page, 'inschrijven-1024x768');
  await f.enrolHere(page);
  assert.equal(await page.locator('h1').textContent(), 'Toestemming bij het keukentafelgesprek');
  assert.equal(await page.getAttribute('html', 'lang'), 'nl');
  // The rule count comes from the core compiled to wasm.
  assert.match(await page.getByTestId('rules-count').textContent(), /^27 regels uit het protocol/);
  assert.equal(await page.locator('#partners-kop + ul li').count(), 8);
  // The wasm really is optimised and served as wasm.
  const wasm = await page.evaluate(() => performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.wasm')).map((e) => e.name));
  assert.equal(wasm.length, 1, 'one wasm file loaded');
  // Nothing wider than the tablet.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `horizontal overflow of ${overflow}px`);
  await screenshot(page, 'start-1024x768');
  assert.deepEqual(problems.pageErrors, []);
  assert.deepEqual(problems.consoleErrors, []);
  assert.deepEqual(problems.foreignRequests, []);
  await context.close();
});

test('start page fits a portrait tablet', async () => {
  const { context, page, problems } = await tabletPage(browser, server.url, { width: 768, height: 1024 });
  await page.goto(server.url);
  await page.getByTestId('municipality').waitFor({ timeout: 15000 });
  await f.enrolHere(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `horizontal overflow of ${overflow}px`);
  // The start buttons: each label fits its button, and buttons in a row are equally tall.
  const buttons = await page.locator('.kt-start-acties .kt-knop').evaluateAll((bs) => bs.map((b) => {
    const r = b.getBoundingClientRect();
    return { text: b.textContent, top: Math.round(r.top), height: Math.round(r.height), fits: b.scrollWidth <= b.clientWidth };
  }));
  assert.equal(buttons.length, 4);
  for (const b of buttons) assert.ok(b.fits, `"${b.text}" overflows its button`);
  for (const b of buttons) {
    const row = buttons.filter((o) => o.top < b.top + b.height && b.top < o.top + o.height); // overlapping: one row
    assert.ok(row.every((o) => o.height === b.height), `buttons in one row differ in height: ${JSON.stringify(row)}`);
  }
  await screenshot(page, 'start-768x1024');
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

test('the shipped CSP is strict and enforced', async () => {
  const { context, page, problems } = await tabletPage(browser, server.url);
  await page.goto(server.url);
  await page.getByTestId('municipality').waitFor();
  const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
  assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'/);
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/=]+'/);
  assert.match(csp, /object-src 'none'/);
  assert.match(csp, /base-uri 'none'/);
  // The outbox may reach exactly the profile's endpoint (same origin by default) and nothing else.
  assert.match(csp, /(^|; )connect-src 'self'(;|$)/);
  // An injected inline script does not run, and is reported.
  const ran = await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__injected = true';
    document.head.append(s);
    return window.__injected === true;
  });
  assert.equal(ran, false);
  await page.waitForTimeout(100);
  assert.ok(problems.csp.length >= 1, 'the violation was reported');
  problems.csp.length = 0; // this one was provoked on purpose
  await context.close();
});

test('the integrity hashes name the files as shipped (minified after Trunk hashed them), and a changed file is refused', async () => {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const named = [...html.matchAll(/href="\/([^"]+)"[^>]*?integrity="sha384-([^"]+)"/g)];
  // The loader, both snippets, the wasm, the stylesheet and the icon.
  assert.ok(named.length >= 6, `integrity on ${named.length} files`);
  for (const [, file, digest] of named) {
    const data = readFileSync(join(DIST, file));
    assert.equal(digest, createHash('sha384').update(data).digest('base64'), `integrity of ${file}`);
  }
  // Minified: the vault's snippet ships without the comments of src/js/kluis.js.
  const kluis = named.map(([, f]) => f).find((f) => f.endsWith('/kluis.js'));
  assert.ok(kluis, 'kluis.js is preloaded with an integrity hash');
  assert.doesNotMatch(readFileSync(join(DIST, kluis), 'utf8'), /^\s*\/\//m);

  // One byte more in a shipped file, as a tampering proxy or a broken cache would hand it out:
  // the browser refuses it, and the app does not start on it.
  const { context, page } = await tabletPage(browser, server.url);
  const refused = [];
  page.on('console', (m) => { if (/integrity/.test(m.text())) refused.push(m.text()); });
  await page.route(/\/kluis\.js$/, async (route) => {
    const r = await route.fetch();
    await route.fulfill({ response: r, body: `${await r.text()}\n` });
  });
  await page.goto(server.url);
  await page.waitForTimeout(3000);
  assert.equal(await page.getByTestId('municipality').count(), 0, 'the app did not start on a changed file');
  assert.ok(refused.some((t) => t.includes('kluis.js')), `the browser named the file: ${refused}`);
  await context.close();
});

test('while it loads, the professional sees that it loads and how far; a dropped or stalled connection says so in Dutch, and trying again works', async () => {
  // A poor connection: the loading screen comes first, with its progress, and is accessible.
  const { context, page, problems } = await tabletPage(browser, server.url);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: 400e3 / 8, uploadThroughput: 400e3 / 8 });
  await page.goto(server.url, { waitUntil: 'commit' });
  const status = page.locator('#kt-laden-tekst');
  await status.filter({ hasText: 'keukentafel wordt geladen…' }).waitFor({ timeout: 15000 });
  await page.waitForFunction(() => document.getElementById('kt-laden-voortgang')?.value > 0.05, null, { timeout: 30000 });
  assert.deepEqual(await accessibilityProblems(page), []);
  await screenshot(page, 'laden');
  // Once the app is there, the loading screen is gone: one header, one main.
  await page.getByTestId('municipality').waitFor({ timeout: 60000 });
  assert.equal(await page.locator('#kt-laden').count(), 0);
  assert.equal(await page.locator('header').count(), 1);
  assert.equal(await page.locator('main').count(), 1);
  assert.deepEqual(problems.pageErrors, []);
  await context.close();

  // The connection drops: a clear message, nothing else happens until the professional tries again.
  const dropped = await tabletPage(browser, server.url);
  await dropped.page.route('**/*_bg.wasm', (r) => r.abort('internetdisconnected'));
  await dropped.page.goto(server.url);
  await dropped.page.locator('#kt-laden-tekst').filter({ hasText: 'keukentafel kon niet worden geladen: de verbinding viel weg' }).waitFor({ timeout: 15000 });
  assert.equal(await dropped.page.locator('#kt-laden-voortgang').isVisible(), false);
  assert.deepEqual(await accessibilityProblems(dropped.page), []);
  await screenshot(dropped.page, 'laden-mislukt');
  await dropped.page.unroute('**/*_bg.wasm');
  await dropped.page.getByRole('button', { name: 'Opnieuw proberen' }).click();
  await dropped.page.getByTestId('municipality').waitFor({ timeout: 15000 });
  assert.equal(await dropped.page.locator('#kt-laden').count(), 0);
  assert.deepEqual(dropped.problems.pageErrors, []);
  await dropped.context.close();

  // A download that stalls never fails by itself: after 20 s without a byte it says so.
  const stalled = await tabletPage(browser, server.url);
  await stalled.page.clock.install();
  await stalled.page.route('**/*_bg.wasm', () => {}); // never answered
  await stalled.page.goto(server.url, { waitUntil: 'domcontentloaded' });
  await stalled.page.locator('#kt-laden-tekst').filter({ hasText: 'wordt geladen' }).waitFor({ timeout: 15000 });
  await stalled.page.clock.runFor(19000);
  assert.equal(await stalled.page.getByRole('button', { name: 'Opnieuw proberen' }).isVisible(), false);
  await stalled.page.clock.runFor(2000);
  await stalled.page.locator('#kt-laden-tekst').filter({ hasText: 'er komt al een tijd niets meer binnen' }).waitFor({ timeout: 5000 });
  assert.equal(await stalled.page.getByRole('button', { name: 'Opnieuw proberen' }).isVisible(), true);
  await stalled.context.close();
});
