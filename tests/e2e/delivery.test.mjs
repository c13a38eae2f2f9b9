// From the kitchen table into the dossier: records signed offline wait in the outbox, sealed,
// and reach `keukentafel serve` by themselves once the tablet is online — exactly once, with a
// receipt; only then does the tablet forget them. Faults are real: the server process aborts
// before or after its commit, is stopped for days (a faked clock), two tabs send at once.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import * as jose from 'jose';
import { serve, launch, tabletPage, screenshot, assertCspAndOrigin, inbox, backOffice, BIN } from './lib.mjs';
import * as f from './flow.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); assertCspAndOrigin(); });

/** An adult's consent, complete, on the control step. */
async function adultConsent(page, dossier) {
  await f.newConversation(page, null);
  await f.gesprek(page, { dossier, name: 'Ahmed El Amrani', birth: '1981-06-30', domains: ['zorg'] });
  await f.adultConsentFromStep1(page);
}

async function signConsent(page, dossier) {
  await adultConsent(page, dossier);
  await f.press(page, page.getByTestId('ondertekenen'));
  await page.getByTestId('ondertekend-kop').waitFor();
}

/** Withdraws the signed consent on screen, wholly, by the client himself. */
async function withdrawShown(page) {
  await f.press(page, page.getByTestId('intrekken-dit'));
  await page.getByTestId('origineel').waitFor();
  await f.fill(page, 'veld-date', '2026-11-27');
  await page.locator('#veld-date').dispatchEvent('change');
  await f.drawTouch(page, 'veld-signers-0-signature');
  await page.getByTestId('intrekken-compleet').waitFor();
  await f.press(page, page.getByTestId('intrekking-ondertekenen'));
  await page.getByTestId('intrekking-klaar').waitFor();
  await f.press(page, page.getByTestId('intrekken-terug'));
}

async function signRequest(page) {
  await f.press(page, page.getByTestId('verzoeken'));
  await f.press(page, page.getByTestId('nieuw-verzoek'));
  await f.correctionRequest(page);
  await f.tapLabel(page, 'beslissing-rejected');
  await f.fill(page, 'veld-decision-date', '2026-11-25');
  await page.locator('#veld-decision-date').dispatchEvent('change');
  await f.fill(page, 'veld-decision-reasons', 'De vastgelegde gegevens zijn juist.');
  await page.getByTestId('verzoek-compleet').waitFor();
  await f.press(page, page.getByTestId('verzoek-ondertekenen'));
  await page.getByTestId('verzoek-ondertekend').waitFor();
}

/** Back to the start screen, through whatever screens lie between. */
async function toStart(page) {
  for (let i = 0; i < 4 && !(await page.getByTestId('nieuw-gesprek').count()); i++) {
    await page.getByRole('button', { name: /^Terug/ }).first().click();
    await page.waitForTimeout(100);
  }
  await page.getByTestId('nieuw-gesprek').waitFor();
}

/** What the tablet keeps, counted straight from IndexedDB. */
function stored(page) {
  return page.evaluate(() => new Promise((resolve, reject) => {
    const req = indexedDB.open('keukentafel');
    req.onerror = () => reject(req.error);
    req.onsuccess = () => {
      const db = req.result;
      const t = db.transaction(['records', 'sealed', 'log']);
      const out = {};
      let left = 3;
      for (const name of ['records', 'sealed', 'log']) {
        const r = t.objectStore(name).getAll();
        r.onsuccess = () => {
          out[name] = r.result.map((x) => ({ kind: x.kind, hash: x.hash, state: x.state }));
          if (--left === 0) { db.close(); resolve(out); }
        };
      }
    };
  }));
}

async function openOutbox(page) {
  if (await page.getByTestId('naar-versturen').count()) await f.press(page, page.getByTestId('naar-versturen'));
}

/** The key set the back office enrols: as the settings screen shows it. */
async function enrolKeyOf(page, file) {
  await f.press(page, page.getByTestId('instellingen'));
  writeFileSync(file, await page.getByTestId('publieke-sleutel').textContent());
  await toStart(page);
}

test('signed offline, delivered once online: three rows, receipts, nothing left on the tablet', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kt-delivery-'));
  const keys = join(dir, 'enrolled.jwks');
  writeFileSync(keys, '{"keys":[]}');
  const server = await serve(undefined, { keys });
  const { context, page, problems } = await tabletPage(browser, server.url);
  await f.enter(page, server.url);
  await enrolKeyOf(page, keys);

  // At the kitchen table, without a connection.
  await context.setOffline(true);
  await signConsent(page, 'LM-2026-5001');
  await withdrawShown(page);
  await signRequest(page);
  await toStart(page);
  const before = await stored(page);
  assert.equal(before.sealed.length, 3, 'three sealed records wait');
  assert.deepEqual(before.sealed.map((s) => s.kind).sort(), ['consent', 'request', 'withdrawal']);
  assert.equal(inbox(server).length, 0);
  assert.match(await page.getByTestId('wachtrij').textContent(), /3 ondertekende records nog te versturen/);
  await openOutbox(page);
  assert.equal(await page.getByTestId('te-versturen').count(), 3);
  // Once unlocked, the professional sees which client each is (from their own vault).
  await page.getByTestId('te-versturen').filter({ hasText: 'Toestemming — LM-2026-5001' }).waitFor();
  await page.getByTestId('te-versturen').filter({ hasText: 'LM-2026-0414' }).waitFor();
  await screenshot(page, 'te-versturen-offline');

  // Back online: delivered by themselves.
  await context.setOffline(false);
  await page.getByTestId('niets-te-versturen').waitFor({ timeout: 20000 });
  assert.equal(await page.getByTestId('afgeleverd').count(), 3);
  assert.match(await page.getByTestId('afgeleverd').first().textContent(), /in het dossier sinds \d\d-\d\d-\d{4} \d\d:\d\d/);
  await screenshot(page, 'te-versturen-afgeleverd');
  const after = await stored(page);
  assert.equal(after.sealed.length, 0, 'no sealed copy left');
  // What stays in the vault is the professional's own entry (organisation and role), no record.
  assert.deepEqual(after.records.map((r) => r.kind), ['professional'], 'no copy of any record left');
  assert.equal(after.log.length, 3, 'the delivery log remains');

  const rows = inbox(server);
  assert.equal(rows.length, 3);
  const byKind = Object.fromEntries(rows.map((r) => [r.kind, r]));
  assert.equal(byKind.consent.withdrawnBy, byKind.withdrawal.hash, 'the withdrawal is linked');
  assert.equal(byKind.withdrawal.withdraws, byKind.consent.hash);
  assert.equal(byKind.consent.professional, 'Sanne de Vries');
  assert.deepEqual(after.log.map((l) => l.hash).sort(), rows.map((r) => r.hash).sort(), 'the receipts match');
  for (const row of rows) {
    const jws = backOffice(server, 'inbox', 'export', row.hash);
    const file = join(dir, `${row.kind}.jws.json`);
    writeFileSync(file, jws);
    const v = JSON.parse(execFileSync(BIN, ['verify', '--keys', keys, '--today', '2026-11-30', file], { encoding: 'utf8' }));
    assert.equal(v.valid, true, JSON.stringify(v));
    assert.equal(v.hash, row.hash);
    assert.equal(v.professional, 'Sanne de Vries');
    const { protectedHeader } = await jose.flattenedVerify(JSON.parse(jws), jose.EmbeddedJWK, { algorithms: ['ES256'] });
    assert.equal(protectedHeader.kid, row.kid);
  }
  // The start screen lists nothing signed any more.
  await toStart(page);
  assert.equal(await page.getByTestId('concept').count(), 0);
  assert.equal(await page.getByTestId('wachtrij').count(), 0);
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
  await server.close();
});

test('a key the back office has not enrolled: refused with the reason, kept, accepted once enrolled', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kt-delivery-'));
  const keys = join(dir, 'enrolled.jwks');
  writeFileSync(keys, '{"keys":[]}');
  const server = await serve(undefined, { keys });
  const { context, page } = await tabletPage(browser, server.url);
  await f.enter(page, server.url);
  await signConsent(page, 'LM-2026-5101');
  await toStart(page);
  await openOutbox(page);
  const status = page.getByTestId('verzendstatus');
  await page.waitForFunction(() => /niet ingeschreven/.test(document.querySelector('[data-testid="verzendstatus"]')?.textContent ?? ''));
  assert.match(await status.textContent(), /^De backoffice weigert dit record: de sleutel waarmee is ondertekend \(vingerafdruk [\w-]{43}\) is niet ingeschreven/);
  await screenshot(page, 'te-versturen-geweigerd');
  assert.equal((await stored(page)).sealed.length, 1, 'a refused record stays');
  assert.equal(inbox(server).length, 0);
  await toStart(page);
  await enrolKeyOf(page, keys);
  await openOutbox(page);
  await f.press(page, page.getByTestId('nu-versturen'));
  await page.getByTestId('niets-te-versturen').waitFor({ timeout: 20000 });
  assert.equal(inbox(server).length, 1);
  await context.close();
  await server.close();
});

test('the server dies before and after its commit: after the retry exactly one row each', async () => {
  const server = await serve(undefined, { env: { KEUKENTAFEL_TEST_FAULT: 'before-commit' } });
  const { context, page } = await tabletPage(browser, server.url);
  await f.enter(page, server.url);
  await signConsent(page, 'LM-2026-5201');
  // The first send killed the server before its commit: no receipt, the record waits.
  await toStart(page);
  await openOutbox(page);
  await page.waitForFunction(() => /niet bereikbaar|niet aannemen/.test(document.querySelector('[data-testid="verzendstatus"]')?.textContent ?? ''), null, { timeout: 20000 });
  assert.equal((await stored(page)).sealed.length, 1);
  await server.stop();
  await server.start({});
  assert.equal(inbox(server).length, 0, 'nothing was committed');
  await f.press(page, page.getByTestId('nu-versturen'));
  await page.getByTestId('niets-te-versturen').waitFor({ timeout: 20000 });
  assert.equal(inbox(server).length, 1);

  // Now the server dies after its commit, before its answer.
  await server.stop();
  await server.start({ KEUKENTAFEL_TEST_FAULT: 'after-commit' });
  await toStart(page);
  await signConsent(page, 'LM-2026-5202');
  await toStart(page);
  await openOutbox(page);
  await page.waitForFunction(() => /niet bereikbaar|niet aannemen/.test(document.querySelector('[data-testid="verzendstatus"]')?.textContent ?? ''), null, { timeout: 20000 });
  await server.stop();
  await server.start({});
  assert.equal(inbox(server).length, 2, 'committed before it died');
  await f.press(page, page.getByTestId('nu-versturen'));
  await page.getByTestId('niets-te-versturen').waitFor({ timeout: 20000 });
  assert.equal(inbox(server).length, 2, 'the retry got the same receipt, no second row');
  assert.match(server.log(), /received-again/);
  assert.equal((await stored(page)).sealed.length, 0);
  await context.close();
  await server.close();
});

test('two tabs online at once: one sender at a time, no duplicate row', async () => {
  const server = await serve();
  const { context, page } = await tabletPage(browser, server.url);
  await f.enter(page, server.url);
  await context.setOffline(true);
  for (const d of ['LM-2026-5301', 'LM-2026-5302', 'LM-2026-5303']) {
    await signConsent(page, d);
    await toStart(page);
  }
  const second = await context.newPage();
  await f.enter(second, server.url);
  await openOutbox(page);
  await openOutbox(second);
  assert.equal(await second.getByTestId('te-versturen').count(), 3);
  await context.setOffline(false);
  // Both tabs push "Nu versturen" as well as reacting to `online`.
  // (The button may be gone already when the other tab was quicker: then there is nothing to press.)
  const push = (p) => p.getByTestId('nu-versturen').click({ timeout: 3000 }).catch(() => {});
  await Promise.all([push(page), push(second)]);
  await page.getByTestId('niets-te-versturen').waitFor({ timeout: 20000 });
  await second.getByTestId('niets-te-versturen').waitFor({ timeout: 20000 });
  const rows = inbox(server);
  assert.equal(rows.length, 3);
  assert.equal(new Set(rows.map((r) => r.hash)).size, 3);
  // The receiver would store a second send once anyway; the lock means there was none.
  assert.equal((server.log().match(/"event":"received"/g) ?? []).length, 3, server.log());
  assert.equal((server.log().match(/"event":"received-again"/g) ?? []).length, 0, 'no record was sent twice');
  await context.close();
  await server.close();
});

test('the back office down for days: the start screen warns, and it is delivered when it returns', async () => {
  const server = await serve();
  const { context, page } = await tabletPage(browser, server.url);
  await page.clock.install({ time: new Date('2026-12-02T10:00:00') });
  await f.enter(page, server.url);
  await server.stop();
  await signConsent(page, 'LM-2026-5401');
  await toStart(page);
  await page.getByTestId('wachtrij').waitFor();
  // Four days of failed sends (the app retries with backoff, at most hourly).
  for (let h = 0; h < 4 * 24; h += 6) await page.clock.fastForward('06:00:00');
  await f.enter(page, null);
  const alarm = page.getByTestId('te-lang-niet-verstuurd');
  await alarm.waitFor();
  assert.match(await alarm.textContent(), /^1 ondertekend record staat al langer dan 3 dagen op deze tablet en is nog niet in het dossier/);
  await screenshot(page, 'start-te-lang-niet-verstuurd');
  const waiting = await page.evaluate(() => new Promise((resolve) => {
    const req = indexedDB.open('keukentafel');
    req.onsuccess = () => {
      const g = req.result.transaction('sealed').objectStore('sealed').getAll();
      g.onsuccess = () => resolve(g.result.map((e) => e.attempts));
    };
  }));
  assert.ok(waiting[0] >= 3, `it kept trying (${waiting[0]} attempts)`);
  await server.start();
  // Past the longest backoff (an hour, +20 % jitter) the app has locked itself (idle); delivery
  // needs no keys and goes on, on the app's two-minute tick.
  await page.clock.fastForward('01:15:00');
  await page.locator('#kluis-ontgrendel').waitFor();
  const until = Date.now() + 20000;
  while (inbox(server).length === 0 && Date.now() < until) {
    await page.clock.fastForward('00:02:00');
    await new Promise((r) => setTimeout(r, 300));
  }
  assert.equal(inbox(server).length, 1, 'delivered while locked');
  await f.enter(page, null);
  await page.getByTestId('nieuw-gesprek').waitFor();
  assert.equal(await page.getByTestId('te-lang-niet-verstuurd').count() + await page.getByTestId('wachtrij').count(), 0);
  await context.close();
  await server.close();
});
