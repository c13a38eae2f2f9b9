// The example portal page mounts the module, themes it, completes a form and receives the
// signed event, whose JWS `keukentafel verify` accepts.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve, launch, tabletPage, screenshot, ARTIFACTS, assertCspAndOrigin } from './lib.mjs';
import * as f from './flow.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); mkdirSync(join(ARTIFACTS, 'exports'), { recursive: true }); });
after(async () => { await browser?.close(); await server?.close(); assertCspAndOrigin(); });

const primaryBg = (page) => page.evaluate(() => {
  const b = document.querySelector('[data-testid="nieuw-gesprek"]');
  return getComputedStyle(b).backgroundColor;
});

test('the portal mounts the module, themes it and receives the signed record', async () => {
  const { context, page, problems } = await tabletPage(browser, server.url, { width: 1280, height: 900 });
  await f.enter(page, server.url);
  await page.getByTestId('nieuw-gesprek').waitFor();
  const plain = await primaryBg(page);
  await page.goto(server.url + 'portal/');
  // The vault applies inside the portal too: unlocked with the same professional's passphrase.
  await f.enter(page, null);
  await page.locator('#keukentafel [data-testid="nieuw-gesprek"]').waitFor();
  const themed = await primaryBg(page);
  assert.equal(plain, 'rgb(0, 84, 138)');
  assert.equal(themed, 'rgb(122, 31, 92)', 'the portal theme restyles the module');
  assert.equal(await page.locator('body > .kt-root').count(), 0, 'mounted in the element, not on the body');

  // The standalone functions, served by the same core.
  const findings = await page.evaluate(() => window.keukentafel.validate({ schemaVersion: 1, recordType: 'consent', recordId: '6b1f3c2e-8d4a-4b7e-9c1d-2a3b4c5d6e09' }, '2026-11-30'));
  assert.ok(findings.some((x) => x.code === 'INFO-EXPLAINED' && x.severity === 'error'));
  const bad = await page.evaluate(() => { try { window.keukentafel.validate('{"recordType":"consent","schemaVersion":1,"recordId":"x"}'); return null; } catch (e) { return e.message; } });
  assert.match(bad, /recordId/);

  await page.getByTestId('nieuw-gesprek').tap();
  // Prefilled by the portal.
  assert.equal(await page.locator('#veld-client-name').inputValue(), 'Fatima Yilmaz');
  assert.match(await page.getByTestId('professional').textContent(), /^Sanne de Vries/);
  await f.fill(page, 'veld-conversationDate', f.CONVERSATION);
  await f.tapLabel(page, 'domein-zorg');
  await f.adultConsentFromStep1(page);
  await page.evaluate(() => document.addEventListener('signed', () => { window.portalBubbled = (window.portalBubbled ?? 0) + 1; }));
  await page.getByTestId('ondertekenen').tap();
  await page.waitForFunction(() => (window.portalReceived ?? []).some((e) => e.name === 'signed'));
  assert.equal(await page.evaluate(() => window.portalBubbled ?? 0), 0, 'the signed event (client data) does not bubble to the page');
  const received = await page.evaluate(() => window.portalReceived.find((e) => e.name === 'signed'));
  assert.equal(received.check.valid, true, 'the portal verified it with verify()');
  assert.match(await page.getByTestId('portal-log').textContent(), /draft-saved/);
  await screenshot(page, 'portaal');
  const path = join(ARTIFACTS, 'exports', 'portal-signed.jws.json');
  writeFileSync(path, received.detail.jws);
  const out = JSON.parse(execFileSync(f.BIN, ['verify', '--today', '2026-11-30', path], { encoding: 'utf8' }));
  assert.equal(out.valid, true);
  assert.equal(out.recordId, received.detail.recordId);
  assert.equal(out.hash, received.detail.hash);
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

test('the vault in a portal: the portal prefills the enrolment', async () => {
  const { context, page } = await tabletPage(browser, server.url);
  await page.goto(server.url + 'portal/');
  await page.locator('#keukentafel #kluis-naam').waitFor();
  assert.equal(await page.locator('#kluis-naam').inputValue(), 'Sanne de Vries');
  assert.equal(await page.locator('#kluis-functie').inputValue(), 'Wmo-consulent');
  await context.close();
});

test('unmount removes the module', async () => {
  const { context, page } = await tabletPage(browser, server.url);
  await page.goto(server.url + 'portal/');
  await page.locator('#keukentafel .kt-root').waitFor();
  await page.evaluate(() => window.keukentafel.handle.unmount());
  assert.equal(await page.locator('#keukentafel .kt-root').count(), 0);
  await context.close();
});

test('offline, the service worker serves the portal page itself, not the app', async () => {
  const { context, page } = await tabletPage(browser, server.url);
  await page.goto(server.url);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) await new Promise((ok) => navigator.serviceWorker.addEventListener('controllerchange', ok));
  });
  await context.setOffline(true);
  await page.goto(server.url + 'portal/');
  await page.locator('#keukentafel .kt-root').waitFor();
  assert.equal(await page.locator('.portaal-kop').count(), 1);
  await context.close();
});

const LANDSMEER = JSON.parse(readFileSync(join(f.ROOT, 'crates', 'core', 'profiles', 'landsmeer.json'), 'utf8'));

/** Mounts the module again with delivery route `route`; records its `pending` events. */
async function remount(page, route) {
  await page.evaluate(({ profile }) => {
    const el = document.getElementById('keukentafel');
    window.keukentafel.handle.unmount();
    window.pendingSeen = [];
    if (!window.pendingListening) {
      el.addEventListener('pending', (e) => window.pendingSeen.push(e.detail));
      window.pendingListening = true;
    }
    window.keukentafel.handle = window.keukentafel.mount(el, {
      profile,
      professional: { name: 'Sanne de Vries', organisation: 'Sociaal Team Landsmeer', role: 'Wmo-consulent' },
      client: { dossierReference: 'LM-2026-7001', name: 'Fatima Yilmaz', birthDate: '1975-09-12' },
    });
  }, { profile: { ...LANDSMEER, delivery: { ...LANDSMEER.delivery, route } } });
  await f.enter(page, null);
  // Mounted again in this tab, the module reopens the screen that was open (as after a reload);
  // these tests go on from the overview.
  const start = page.locator('#keukentafel [data-testid="nieuw-gesprek"]');
  await page.locator('#keukentafel [data-testid="nieuw-gesprek"], #keukentafel [data-testid="ondertekend-kop"]').first().waitFor();
  if (!(await start.count())) await page.locator('#keukentafel').getByRole('button', { name: 'Terug naar het overzicht' }).tap();
  await start.waitFor();
}

async function signPortalConsent(page) {
  await page.getByTestId('nieuw-gesprek').tap();
  await f.fill(page, 'veld-conversationDate', f.CONVERSATION);
  await f.tapLabel(page, 'domein-zorg');
  await f.adultConsentFromStep1(page);
  await page.getByTestId('ondertekenen').tap();
  await page.getByTestId('ondertekend-kop').waitFor();
}

const sealedCount = (page) => page.evaluate(() => new Promise((resolve) => {
  const req = indexedDB.open('keukentafel');
  req.onsuccess = () => {
    const c = req.result.transaction('sealed').objectStore('sealed').count();
    c.onsuccess = () => { req.result.close(); resolve(c.result); };
  };
}));

test('route portal: the portal stores the record, confirms it with delivered(); until then it comes back as pending', async () => {
  const { context, page } = await tabletPage(browser, server.url);
  await page.goto(server.url + 'portal/');
  await f.enter(page, null);
  await remount(page, 'portal');
  assert.deepEqual(await page.evaluate(() => window.pendingSeen), []);
  await signPortalConsent(page);
  await page.waitForFunction(() => (window.portalReceived ?? []).some((e) => e.name === 'signed'));
  const signed = await page.evaluate(() => window.portalReceived.find((e) => e.name === 'signed').detail);
  // The portal did not confirm: mounted again (a reload, the next day), it hears of it.
  await remount(page, 'portal');
  await page.waitForFunction(() => window.pendingSeen.length > 0);
  const pending = await page.evaluate(() => window.pendingSeen);
  assert.equal(pending.length, 1);
  assert.equal(pending[0].hash, signed.hash);
  assert.equal(pending[0].recordType, 'consent');
  // What is pending is sealed: only the back office's key opens it, to the very JWS signed.
  const jwePath = join(ARTIFACTS, 'exports', 'portal-pending.jwe.json');
  writeFileSync(jwePath, pending[0].jwe);
  const opened = execFileSync(f.BIN, ['open', '--key', join(f.ROOT, 'examples', 'keys', 'municipality-demo.private.jwk.json'), jwePath], { encoding: 'utf8' });
  assert.equal(opened, signed.jws);
  // Confirmed: every copy is gone, and it is not pending any more.
  assert.equal(await page.evaluate((h) => window.keukentafel.handle.delivered(h), signed.hash), true);
  assert.equal(await sealedCount(page), 0);
  assert.equal(await page.evaluate((h) => window.keukentafel.handle.delivered(h), signed.hash), false, 'a second confirmation changes nothing');
  await remount(page, 'portal');
  await page.waitForTimeout(500);
  assert.deepEqual(await page.evaluate(() => window.pendingSeen), []);
  await context.close();
});

test('route file: the download, then the professional confirms it is in the dossier', async () => {
  const { context, page } = await tabletPage(browser, server.url);
  await page.goto(server.url + 'portal/');
  await f.enter(page, null);
  await remount(page, 'file');
  const [dl] = await Promise.all([page.waitForEvent('download'), signPortalConsent(page)]);
  assert.match(dl.suggestedFilename(), /^keukentafel-2026-11-20-consent-.*\.jws\.json$/);
  assert.equal(await sealedCount(page), 1, 'kept until handed over');
  await page.getByRole('button', { name: 'Terug naar het overzicht' }).tap();
  await page.getByTestId('naar-versturen').tap();
  assert.match(await page.getByTestId('verzendstatus').textContent(), /bevestigt dat het bestand in het dossier staat/);
  await screenshot(page, 'te-versturen-bestand');
  await page.getByTestId('overgedragen').tap();
  await page.getByTestId('niets-te-versturen').waitFor();
  assert.equal(await sealedCount(page), 0);
  assert.equal(await page.getByTestId('afgeleverd').count(), 1);
  await context.close();
});
