// The release build loads in a real browser and shows the Dutch start page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, tabletPage, screenshot, assertCspAndOrigin } from './lib.mjs';
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
