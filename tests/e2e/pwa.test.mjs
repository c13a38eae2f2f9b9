// Offline: one load with network, then everything without. Updates: a new build offers
// "Nieuwe versie beschikbaar — herladen" and the open draft survives. Installable.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync, readdirSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { serve, launch, tabletPage, screenshot, DIST, ARTIFACTS, assertCspAndOrigin } from './lib.mjs';
import * as f from './flow.mjs';

const ROOT = join(ARTIFACTS, '..', '..', '..');
let browser;
before(async () => { browser = await launch(); mkdirSync(join(ARTIFACTS, 'exports'), { recursive: true }); });
after(async () => { await browser?.close(); assertCspAndOrigin(); });

const controlled = (page) => page.evaluate(async () => {
  await navigator.serviceWorker.ready;
  if (navigator.serviceWorker.controller) return true;
  return new Promise((ok) => navigator.serviceWorker.addEventListener('controllerchange', () => ok(true)));
});

test('after one load with network, a whole form is filled, signed and exported offline', async () => {
  const server = await serve();
  const { context, page, problems } = await tabletPage(browser, server.url);
  await f.enter(page, server.url);
  assert.equal(await controlled(page), true);
  await context.setOffline(true);
  await page.reload();
  await page.getByTestId('municipality').waitFor();
  // Unlocking needs no network either.
  await f.newConversation(page, null);
  await f.gesprek(page, { dossier: 'LM-2026-4001', name: 'Offline Cliënt', birth: '1970-01-01', domains: ['wonen'] });
  await f.step(page, 'instemming');
  await f.instemming(page, ['sociaal-team']);
  await f.step(page, 'bijzonder');
  await f.bijzonder(page, { health: ['sociaal-team'] });
  await f.step(page, 'controle');
  await f.drawTouch(page, 'veld-consent-signers-0-signature');
  await page.getByTestId('status-compleet').waitFor();
  await page.getByTestId('ondertekenen').tap();
  await page.getByTestId('ondertekend-kop').waitFor();
  const { path } = await f.signedFile(page, 'offline.jws.json');
  const out = JSON.parse(execFileSync(f.BIN, ['verify', '--today', '2026-11-30', path], { encoding: 'utf8' }));
  assert.equal(out.valid, true);
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
  await server.close();
});

test('a new build offers to reload, and the open draft survives', async () => {
  const v1 = mkdtempSync(join(tmpdir(), 'kt-v1-'));
  const v2 = mkdtempSync(join(tmpdir(), 'kt-v2-'));
  cpSync(DIST, v1, { recursive: true });
  cpSync(DIST, v2, { recursive: true });
  // The second version: a changed stylesheet (a rule, which the post-build step's minifier
  // keeps, as it would not keep a comment), then the real post-build step (new sw.js).
  const css = readdirSync(v2).find((x) => /^main-.*\.css$/.test(x));
  writeFileSync(join(v2, css), readFileSync(join(v2, css), 'utf8') + '\n.kt-versie-2 { --kt-versie: 2; }\n');
  execFileSync('node', [join(ROOT, 'scripts', 'postbuild.mjs'), v2]);
  assert.notEqual(readFileSync(join(v1, 'sw.js'), 'utf8'), readFileSync(join(v2, 'sw.js'), 'utf8'));

  const server = await serve(v1);
  const { context, page } = await tabletPage(browser, server.url);
  await f.newConversation(page, server.url);
  assert.equal(await controlled(page), true);
  await f.fill(page, 'veld-client-name', 'Blijft bewaard');
  await server.setRoot(v2);
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
  const prompt = page.getByTestId('update-melding');
  await prompt.waitFor({ timeout: 15000 });
  assert.match(await prompt.textContent(), /Nieuwe versie beschikbaar — herladen/);
  // Still typing while the prompt shows: nothing is lost.
  await f.fill(page, 'veld-client-dossierReference', 'LM-V1');
  await screenshot(page, 'update-melding');
  await Promise.all([page.waitForEvent('load'), page.getByTestId('nieuwe-versie').tap()]);
  await f.enter(page);
  // The new version reopens the draft where the professional was.
  await page.locator('#veld-client-name').waitFor();
  const css2 = await page.evaluate(async () => (await (await fetch(document.querySelector('link[rel=stylesheet]').href)).text()).includes('kt-versie-2'));
  assert.equal(css2, true, 'the new version is running');
  assert.equal(await page.locator('#veld-client-name').inputValue(), 'Blijft bewaard');
  assert.equal(await page.locator('#veld-client-dossierReference').inputValue(), 'LM-V1');
  await context.close();
  await server.close();
});

test('installable: manifest with icons, storage persistence shown in the settings', async () => {
  const server = await serve();
  const { context, page } = await tabletPage(browser, server.url);
  await f.enter(page, server.url);
  const manifest = await page.evaluate(async () => {
    const href = document.querySelector('link[rel=manifest]').href;
    return (await fetch(href)).json();
  });
  assert.equal(manifest.display, 'standalone');
  assert.equal(manifest.lang, 'nl');
  for (const icon of manifest.icons) {
    const ok = await page.evaluate(async (src) => (await fetch(src)).ok, icon.src);
    assert.ok(ok, icon.src);
  }
  assert.ok(manifest.icons.some((i) => i.sizes === '512x512' && i.type === 'image/png'));
  await page.getByTestId('instellingen').tap();
  await page.getByTestId('opslag-blijvend').waitFor();
  assert.match(await page.getByTestId('opslag-gebruik').textContent(), /In gebruik: .* van /);
  await context.close();
  await server.close();
});
