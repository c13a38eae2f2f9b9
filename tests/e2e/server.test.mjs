// The app as `keukentafel serve` hands it out: every response carries the security headers,
// hashed files are cached for a year and the rest revalidated, and no other origin can frame
// the signing screen — asserted from a page on another local port, with a positive control.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { serve, launch, tabletPage, assertCspAndOrigin } from './lib.mjs';
import * as f from './flow.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); assertCspAndOrigin(); });

test('every response of the app carries the security headers and the right caching', async () => {
  const server = await serve();
  const { context, page } = await tabletPage(browser, server.url);
  const responses = [];
  page.on('response', (r) => { if (r.url().startsWith(server.url)) responses.push(r); });
  await f.enter(page, server.url);
  await page.getByTestId('nieuw-gesprek').waitFor();
  assert.ok(responses.length >= 4, `${responses.length} responses`);
  for (const r of responses) {
    const h = await r.allHeaders();
    const what = new URL(r.url()).pathname;
    assert.match(h['content-security-policy'] ?? '', /frame-ancestors 'none'/, what);
    assert.match(h['content-security-policy'], /script-src 'self' 'wasm-unsafe-eval'/, what);
    assert.equal(h['x-content-type-options'], 'nosniff', what);
    assert.equal(h['referrer-policy'], 'no-referrer', what);
    assert.match(h['permissions-policy'] ?? '', /camera=\(\)/, what);
    const cache = h['cache-control'];
    if (/-[0-9a-f]{16}(_bg)?\.[a-z0-9]+$/.test(what) || /\/snippets\/keukentafel-app-[0-9a-f]{16}\//.test(what)) {
      assert.equal(cache, 'public, max-age=31536000, immutable', what);
    } else {
      assert.equal(cache, 'no-cache', what);
    }
  }
  // Both kinds were seen: the page itself revalidated, the wasm immutable and precompressed.
  const page0 = responses.find((r) => new URL(r.url()).pathname === '/');
  assert.equal((await page0.allHeaders())['cache-control'], 'no-cache');
  const wasm = responses.find((r) => r.url().endsWith('.wasm'));
  assert.equal((await wasm.allHeaders())['cache-control'], 'public, max-age=31536000, immutable');
  assert.equal((await wasm.allHeaders())['content-encoding'], 'br');
  await context.close();
  await server.close();
});

/** A page on another origin (another port) that frames `target.url`. */
async function framingPage(target) {
  const other = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!DOCTYPE html><title>ander portaal</title><iframe id="f" src="${target.url}" width="800" height="600"></iframe>`);
  });
  await new Promise((ok) => other.listen(0, '127.0.0.1', ok));
  return { origin: `http://127.0.0.1:${other.address().port}`, close: () => new Promise((ok) => other.close(ok)) };
}

/** Whether the app is running inside the frame of the page at `url`. */
async function framedApp(browser, url) {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  const refusals = [];
  page.on('console', (m) => { if (/frame-ancestors|Refused to (frame|display)/.test(m.text())) refusals.push(m.text()); });
  await page.goto(url);
  let inside = false;
  for (let i = 0; i < 40 && !inside; i++) {
    await page.waitForTimeout(250);
    const frame = page.frames().find((fr) => fr !== page.mainFrame());
    inside = frame ? await frame.locator('#kluis-naam').count().then((n) => n > 0).catch(() => false) : false;
    if (refusals.length) break;
  }
  await ctx.close();
  return { inside, refusals };
}

test('another origin cannot frame the app; an origin the municipality allows can', async () => {
  const target = { url: 'about:blank' };
  const other = await framingPage(target);
  const server = await serve();
  target.url = server.url;
  const denied = await framedApp(browser, other.origin + '/');
  assert.equal(denied.inside, false, 'the app ran inside another origin');
  assert.ok(denied.refusals.length > 0, 'Chromium reports the refusal');
  await server.close();

  // The positive control: the same page, with its origin allowed by --frame-ancestors.
  const allowed = await serve(undefined, { args: ['--frame-ancestors', other.origin] });
  target.url = allowed.url;
  const framed = await framedApp(browser, other.origin + '/');
  assert.equal(framed.inside, true, 'an allowed portal frames the app');
  await allowed.close();
  await other.close();
});
