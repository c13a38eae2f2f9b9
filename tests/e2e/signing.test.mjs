// Signed export: made by the real app in Chromium with the professional's own key, verified by
// an independent JOSE library (npm jose) and by `keukentafel verify` (also against the enrolled
// professionals' keys); tampering detected; signed records are frozen; a withdrawal — of a
// record signed on this tablet, or of a file from elsewhere — after the 16th birthday, which
// survives a reload, tells of a full disk and goes on, and is not overwritten from a second tab;
// a withdrawal signed by representatives changed since the consent.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import * as jose from 'jose';
import { serve, launch, tabletPage, screenshot, ARTIFACTS, assertCspAndOrigin, accessibilityProblems } from './lib.mjs';
import * as f from './flow.mjs';

const EXPORTS = join(ARTIFACTS, 'exports');
const { verifyCli, download } = f;
let server, browser;
before(async () => { server = await serve(); browser = await launch(); mkdirSync(EXPORTS, { recursive: true }); });
after(async () => { await browser?.close(); await server?.close(); assertCspAndOrigin(); });

async function teenConsent(page) {
  await f.newConversation(page, server.url);
  await f.gesprek(page, { dossier: 'LM-2026-3001', name: 'Daan Jansen', birth: '2012-03-15', domains: ['jeugd'] });
  await f.step(page, 'vertegenwoordiging');
  await f.addRepresentative(page, 0, 'Mila Jansen', 'parentWithAuthority');
  await f.step(page, 'instemming');
  await f.instemming(page, ['jeugd-en-gezin']);
  await f.step(page, 'bijzonder');
  await f.bijzonder(page, { health: ['jeugd-en-gezin'] });
  await f.step(page, 'controle');
  await f.drawTouch(page, 'veld-consent-signers-0-signature');
  await f.drawMouse(page, 'veld-consent-signers-1-signature');
  await page.getByTestId('status-compleet').waitFor();
}

/** Signs the record on screen and fetches its file. */
async function signIt(page, name) {
  await page.getByTestId('ondertekenen').tap();
  await page.getByTestId('ondertekend-kop').waitFor();
  return f.signedFile(page, name);
}

/** Opens the withdrawal screen, imports the consent export and sets the withdrawal date. */
async function withdrawalOf(page, path, date) {
  await f.enter(page, server.url);
  await page.getByTestId('intrekken').tap();
  await page.locator('#intrekken-bestand').setInputFiles(path);
  await page.getByTestId('origineel').waitFor();
  await f.fill(page, 'veld-date', date);
  await page.locator('#veld-date').dispatchEvent('change');
}

let exported; // { path, text } of the consent export, shared by later tests

test('the app signs a record that npm jose and keukentafel verify both accept', async () => {
  const { context, page, problems } = await tabletPage(browser, server.url);
  await teenConsent(page);
  exported = await signIt(page);
  assert.match(exported.suggested, /^keukentafel-2026-11-20-consent-[0-9a-f-]{36}\.jws\.json$/);
  assert.ok(!exported.suggested.includes('Daan'), 'no client name in the file name');
  await screenshot(page, 'ondertekend');
  assert.match(await page.getByTestId('samenvatting').textContent(), /Mila Jansen, ouder met gezag en Daan Jansen, cliënt/);

  // An independent implementation: npm jose, with the key embedded in the protected header.
  const jws = JSON.parse(exported.text);
  const { payload, protectedHeader } = await jose.flattenedVerify(jws, jose.EmbeddedJWK, { algorithms: ['ES256'] });
  assert.equal(protectedHeader.alg, 'ES256');
  assert.equal(protectedHeader.typ, 'keukentafel-record+json');
  assert.equal(protectedHeader.kid, await jose.calculateJwkThumbprint(protectedHeader.jwk, 'sha256'));
  assert.equal(protectedHeader.jwk.d, undefined);
  const record = JSON.parse(new TextDecoder().decode(payload));
  assert.equal(record.recordType, 'consent');
  assert.equal(record.client.name, 'Daan Jansen');
  assert.equal(record.consent.signers.length, 2);
  // Canonical (RFC 8785): re-serialising sorted gives the very same bytes for this record.
  const sortKeys = (v) => Array.isArray(v) ? v.map(sortKeys) : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortKeys(v[k])])) : v;
  assert.equal(JSON.stringify(sortKeys(record)), new TextDecoder().decode(payload));

  // The record names the professional who signed, and the key is theirs.
  assert.deepEqual(record.professional, { name: 'Sanne de Vries', organisation: 'Sociaal Team Landsmeer', role: 'Wmo-consulent' });
  // And our own CLI, also with the professional's key enrolled as the settings screen gives it.
  const r = verifyCli([exported.path]);
  assert.equal(r.code, 0, JSON.stringify(r.lines));
  assert.equal(r.lines[0].valid, true);
  assert.equal(r.lines[0].kid, protectedHeader.kid);
  const hashShown = r.lines[0].hash;
  assert.match(await page.locator('main').textContent(), new RegExp(hashShown));
  await page.getByRole('button', { name: 'Terug naar het overzicht' }).tap();
  await page.getByTestId('instellingen').tap();
  assert.equal(await page.getByTestId('vingerafdruk').textContent(), protectedHeader.kid);
  const jwks = join(EXPORTS, 'trusted.jwks');
  writeFileSync(jwks, await page.getByTestId('publieke-sleutel').textContent());
  const enrolled = verifyCli([exported.path], ['--keys', jwks]);
  assert.equal(enrolled.code, 0);
  assert.equal(enrolled.lines[0].professional, 'Sanne de Vries', 'the key set names the professional');
  const other = await jose.exportJWK((await jose.generateKeyPair('ES256')).publicKey);
  writeFileSync(join(EXPORTS, 'other.jwks'), JSON.stringify({ keys: [other] }));
  assert.equal(verifyCli([exported.path], ['--keys', join(EXPORTS, 'other.jwks')]).code, 1);
  assert.deepEqual(problems.pageErrors, []);
  assert.deepEqual(problems.foreignRequests, []);
  await context.close();
});

test('changing any single byte of a real export is rejected', async () => {
  assert.ok(exported, 'needs the export of the first test');
  const jws = JSON.parse(exported.text);
  const dir = join(EXPORTS, 'tampered');
  mkdirSync(dir, { recursive: true });
  const files = [];
  for (const member of ['payload', 'protected', 'signature']) {
    const bytes = Buffer.from(jws[member], 'base64url');
    const positions = new Set([0, 1, bytes.length - 1]);
    for (let i = 0; i < 60; i++) positions.add(Math.floor((i * bytes.length) / 60));
    for (const pos of positions) {
      const b = Buffer.from(bytes);
      b[pos] ^= 0x04;
      const t = { ...jws, [member]: b.toString('base64url') };
      const file = join(dir, `${member}-${pos}.jws.json`);
      writeFileSync(file, JSON.stringify(t));
      files.push(file);
    }
  }
  assert.ok(files.length >= 150, `${files.length} tampered files`);
  const r = verifyCli(files);
  assert.equal(r.code, 1);
  assert.equal(r.lines.length, files.length);
  const accepted = r.lines.filter((l) => l.valid).map((l) => l.file);
  assert.deepEqual(accepted, [], 'no tampered file is accepted');
  // The untouched file still verifies in the same run.
  assert.equal(verifyCli([exported.path]).code, 0);
});

test('the professional\'s key stays theirs over a reload; signed records are frozen; change and withdraw start from the signed record', async () => {
  const { context, page, problems } = await tabletPage(browser, server.url);
  await teenConsent(page);
  // Without a connection, so the signed record stays on the tablet until it is delivered
  // (online, the outbox would deliver it and the tablet forget it: delivery.test.mjs).
  await context.setOffline(true);
  const first = await signIt(page);
  const { hash, kid } = verifyCli([first.path]).lines[0];
  await page.reload();
  await f.enter(page);
  // Back where the professional was: the signed record.
  await page.getByTestId('ondertekend-kop').waitFor();
  await page.getByRole('button', { name: 'Terug naar het overzicht' }).tap();
  const item = page.getByTestId('concept').filter({ hasText: 'Ondertekend' });
  await item.getByRole('button', { name: 'Bekijken' }).tap();
  await page.getByTestId('ondertekend-kop').waitFor();
  assert.equal(await page.locator('input, textarea, select').count(), 0, 'a signed record shows no inputs');
  // Withdrawing a consent signed on this tablet needs no file: it starts from the record.
  await page.getByTestId('intrekken-dit').tap();
  await page.getByTestId('origineel').waitFor();
  assert.equal(await page.getByTestId('origineel-sleutel').textContent(), 'Handtekening gecontroleerd: ondertekend met de sleutel van Sanne de Vries.');
  await page.getByTestId('intrekken-terug').tap();
  // A change is a new record that references the signed one; signatures are not carried over.
  await page.getByTestId('concept').filter({ hasText: 'Ondertekend' }).getByRole('button', { name: 'Bekijken' }).tap();
  await page.getByTestId('wijzigen').tap();
  await page.locator('.kt-stap-inhoud[data-stap="gesprek"]').waitFor();
  await f.step(page, 'controle');
  await page.getByTestId('status-open').waitFor();
  await f.drawTouch(page, 'veld-consent-signers-0-signature');
  await f.drawMouse(page, 'veld-consent-signers-1-signature');
  await page.getByTestId('status-compleet').waitFor();
  const revision = await signIt(page, 'revision.jws.json');
  const r = verifyCli([revision.path]).lines[0];
  assert.equal(r.kid, kid, 'signed with the same professional\'s key after the reload');
  const record = f.payloadOf(revision.text);
  assert.equal(record.previous.hash, hash, 'the new record references the signed one');
  assert.notEqual(record.recordId, f.payloadOf(first.text).recordId);
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

test('a withdrawal after the 16th birthday is signed by the client alone and survives a reload', async () => {
  assert.ok(exported, 'needs the export of the first test');
  const { context, page, problems } = await tabletPage(browser, server.url);
  // Still 15 on the withdrawal date: parent and child withdraw together.
  await withdrawalOf(page, exported.path, '2027-04-02');
  assert.match(await page.getByTestId('intrekken-wie').textContent(), /^Cliënt is 15: ouder\/voogd én cliënt tekenen samen/);
  assert.equal(await page.getByTestId('ondertekenaar').count(), 2);
  // Said in words before anyone signs, to the child and the parent together.
  assert.match(await page.getByTestId('intrekking-verklaring').textContent(), /^Jij en .+ trekken samen de hele toestemming in\./);
  // After the 16th birthday: the client alone.
  await f.fill(page, 'veld-date', '2028-04-02');
  await page.locator('#veld-date').dispatchEvent('change');
  assert.match(await page.getByTestId('intrekken-wie').textContent(), /^Cliënt is 16: de cliënt beslist en tekent zelf/);
  assert.equal(await page.getByTestId('ondertekenaar').count(), 1);
  assert.match(await page.getByTestId('ondertekenaar').locator('h4').textContent(), /Daan Jansen, cliënt/);
  // A partial withdrawal says what is withdrawn and that the rest remains.
  await page.locator('label[for="intrekken-alles"]').tap();
  await page.locator('[data-testid="intrekken-paren"] [data-category="health"] [data-partner="jeugd-en-gezin"]').tap();
  assert.equal(await page.getByTestId('intrekking-verklaring').textContent(), 'U trekt de toestemming in om gegevens over uw gezondheid te delen met Centrum voor Jeugd en Gezin. Daarmee is de hele toestemming ingetrokken.');
  await page.locator('label[for="intrekken-alles"]').tap();
  assert.match(await page.getByTestId('intrekking-verklaring').textContent(), /^U trekt de hele toestemming in\./);
  await f.drawTouch(page, 'veld-signers-0-signature');
  await page.getByTestId('intrekken-compleet').waitFor();
  // A reload (an update, a crash) once it is saved loses nothing: the withdrawal continues where it was.
  await f.saved(page);
  await page.reload();
  await f.enter(page);
  // Back on the withdrawal at once; the start page lists it, like a draft.
  await page.getByTestId('origineel').waitFor();
  await page.getByTestId('intrekken-terug').tap();
  assert.match(await page.getByTestId('intrekking-bezig').textContent(), /Daan Jansen \(LM-2026-3001\)/);
  await screenshot(page, 'start-intrekking-bezig');
  await page.getByTestId('intrekking-verder').tap();
  await page.getByTestId('origineel').waitFor();
  assert.equal(await page.locator('#veld-date').inputValue(), '2028-04-02');
  assert.equal(await page.getByTestId('ondertekenaar').count(), 1);
  await page.getByTestId('intrekken-compleet').waitFor();
  await screenshot(page, 'intrekking');
  await page.getByTestId('intrekking-ondertekenen').tap();
  await page.getByTestId('intrekking-klaar').waitFor();
  const w = await f.signedFile(page);
  assert.match(w.suggested, /^keukentafel-2028-04-02-withdrawal-/);
  const consentHash = verifyCli([exported.path]).lines[0].hash;
  const r = verifyCli([w.path]);
  assert.equal(r.code, 0, JSON.stringify(r.lines));
  assert.equal(r.lines[0].recordType, 'withdrawal');
  const record = JSON.parse(Buffer.from(JSON.parse(w.text).payload, 'base64url'));
  assert.equal(record.withdrawn.hash, consentHash);
  assert.equal(record.withdrawn.recordId, JSON.parse(Buffer.from(JSON.parse(exported.text).payload, 'base64url')).recordId);
  assert.deepEqual(record.signers.map((s) => s.role), ['client']);
  assert.ok(record.signers[0].signature.strokes.length > 0, 'the signature drawn before the reload is signed');
  // Signed and left: no longer listed as in progress, and the next withdrawal starts empty.
  await page.getByTestId('intrekken-terug').tap();
  await page.getByTestId('nieuw-gesprek').waitFor();
  assert.equal(await page.getByTestId('intrekking-bezig').count(), 0);
  await page.getByTestId('intrekken').tap();
  await page.locator('#intrekken-bestand').waitFor();
  assert.equal(await page.getByTestId('origineel').count(), 0);
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

test('a withdrawal for a client judged incapable since: representatives changed since the consent sign', async () => {
  assert.ok(exported, 'needs the export of the first test');
  const { context, page, problems } = await tabletPage(browser, server.url);
  await withdrawalOf(page, exported.path, '2028-04-02');
  await page.locator('label[for="intrekken-onbekwaam"]').tap();
  // The core's findings appear beside the fields, as in the consent form.
  const reasonMessages = page.locator('#veld-representation-capacity-reason-meldingen [data-code="REP-INCAPABLE-REASON"]');
  await reasonMessages.waitFor();
  assert.equal(await page.locator('#veld-representation-capacity-reason').getAttribute('aria-invalid'), 'true');
  await f.fill(page, 'veld-representation-capacity-reason', 'Ernstige verstandelijke beperking, vastgesteld door de huisarts');
  await f.fill(page, 'veld-representation-capacity-judgedBy', 'S. de Boer, Wmo-consulent');
  assert.equal(await reasonMessages.count(), 0);
  // The representatives of the consent are taken over; the mentor appointed since is added.
  assert.equal(await page.getByTestId('intrekken-vertegenwoordiger').count(), 1);
  assert.equal(await page.locator('#veld-representation-representatives-0-name').inputValue(), 'Mila Jansen');
  await page.getByTestId('intrekken-vertegenwoordiger-toevoegen').tap();
  await f.fill(page, 'veld-representation-representatives-1-name', 'Piet de Vries');
  await page.locator('#veld-representation-representatives-1-role').selectOption({ label: 'mentor' });
  // Art. 12 lid 2: legal representatives come first in the chain — the mother (still with
  // authority at 16) and the mentor both.
  await page.getByTestId('ondertekenaar').nth(1).waitFor();
  assert.equal(await page.getByTestId('ondertekenaar').count(), 2);
  // The court has since taken the mother's authority: she is removed, only the mentor signs.
  await page.getByRole('button', { name: 'Verwijder vertegenwoordiger 1' }).tap();
  assert.equal(await page.getByTestId('intrekken-vertegenwoordiger').count(), 1);
  assert.equal(await page.locator('#veld-representation-representatives-0-name').inputValue(), 'Piet de Vries');
  assert.equal(await page.getByTestId('ondertekenaar').count(), 1);
  assert.match(await page.getByTestId('ondertekenaar').locator('h4').textContent(), /Piet de Vries/);
  await f.drawTouch(page, 'veld-signers-0-signature');
  await page.getByTestId('intrekken-compleet').waitFor();
  await screenshot(page, 'intrekking-mentor');
  assert.deepEqual(await accessibilityProblems(page), []);
  await page.getByTestId('intrekking-ondertekenen').tap();
  await page.getByTestId('intrekking-klaar').waitFor();
  const w = await f.signedFile(page, 'withdrawal-mentor.jws.json');
  const r = verifyCli([w.path]);
  assert.equal(r.code, 0, JSON.stringify(r.lines));
  const record = JSON.parse(Buffer.from(JSON.parse(w.text).payload, 'base64url'));
  assert.deepEqual(record.signers.map((s) => s.name), ['Piet de Vries']);
  assert.deepEqual(record.representation.representatives, [{ name: 'Piet de Vries', role: 'mentor' }]);
  assert.equal(record.representation.capacity.judgedIncapable, true);
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

test('a full disk during a withdrawal is reported in Dutch and the withdrawal goes on', async () => {
  assert.ok(exported, 'needs the export of the first test');
  const { context, page } = await tabletPage(browser, server.url);
  await f.enter(page, server.url);
  // The disk fills up after enrolment: every write to the vault is refused.
  await page.evaluate(() => {
    IDBObjectStore.prototype.put = function () { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };
  });
  await page.getByTestId('intrekken').tap();
  await page.locator('#intrekken-bestand').setInputFiles(exported.path);
  await page.getByTestId('origineel').waitFor();
  await f.fill(page, 'veld-date', '2028-04-02');
  await page.locator('#veld-date').dispatchEvent('change');
  const msg = page.getByTestId('opslag-fout');
  await msg.waitFor();
  assert.match(await msg.textContent(), /opslag van deze browser is vol/);
  // Nothing is lost on screen: the withdrawal can still be completed.
  assert.match(await page.getByTestId('intrekken-wie').textContent(), /^Cliënt is 16/);
  await f.drawTouch(page, 'veld-signers-0-signature');
  await page.getByTestId('intrekken-compleet').waitFor();
  await context.close();
});

test('a client who cannot draw withdraws all the same: confirmed in the professional\'s presence, signed, verified', async () => {
  assert.ok(exported, 'needs the export of the first test');
  const { context, page, problems } = await tabletPage(browser, server.url);
  await withdrawalOf(page, exported.path, '2028-04-02');
  assert.match(await page.getByTestId('intrekken-wie').textContent(), /^Cliënt is 16/);
  // The same choice as on the consent form; the drawing pad gives way to the confirmation.
  await f.tapLabel(page, 'alternatief-0');
  assert.equal(await page.locator('#veld-signers-0-signature').count(), 0);
  assert.equal(await page.locator('#veld-signers-0-signature-alternative-witnessedBy').inputValue(), 'Sanne de Vries');
  // Without a reason it is not complete, and the reason is asked for beside its field.
  const reason = 'veld-signers-0-signature-alternative-reason';
  await page.locator(`#${reason}-meldingen [data-code="WITHDRAWAL-BY"]`).waitFor();
  assert.equal(await page.getByTestId('intrekking-ondertekenen').isDisabled(), true);
  await f.fill(page, reason, 'Kan door verlamming niet schrijven; bevestigt de intrekking mondeling.');
  await page.getByTestId('intrekken-compleet').waitFor();
  assert.deepEqual(await accessibilityProblems(page), []);
  await screenshot(page, 'intrekking-bevestiging');
  await page.getByTestId('intrekking-ondertekenen').tap();
  await page.getByTestId('intrekking-klaar').waitFor();
  const w = await f.signedFile(page, 'withdrawal-confirmed.jws.json');
  const r = verifyCli([w.path]);
  assert.equal(r.code, 0, JSON.stringify(r.lines));
  const record = JSON.parse(Buffer.from(JSON.parse(w.text).payload, 'base64url'));
  assert.deepEqual(record.signers[0].signature, {
    strokes: [],
    alternative: { reason: 'Kan door verlamming niet schrijven; bevestigt de intrekking mondeling.', witnessedBy: 'Sanne de Vries' },
  });
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

test('a consent file just opened for withdrawal is kept over a reload', async () => {
  assert.ok(exported, 'needs the export of the first test');
  const { context, page } = await tabletPage(browser, server.url);
  await f.enter(page, server.url);
  await page.getByTestId('intrekken').tap();
  await page.locator('#intrekken-bestand').setInputFiles(exported.path);
  await page.getByTestId('origineel').waitFor();
  await page.getByTestId('opgeslagen').waitFor();
  await page.reload();
  await f.enter(page);
  await page.getByTestId('origineel').waitFor();
  await context.close();
});

test('two tabs on one withdrawal do not silently overwrite each other', async () => {
  assert.ok(exported, 'needs the export of the first test');
  const { context, page: a, problems } = await tabletPage(browser, server.url);
  await withdrawalOf(a, exported.path, '2028-04-02');
  const b = await context.newPage();
  await f.enter(b, server.url);
  await b.getByTestId('intrekking-verder').tap();
  await b.getByTestId('origineel').waitFor();
  assert.equal(await b.locator('#veld-date').inputValue(), '2028-04-02');
  // Tab B changes the date (and says it saved); tab A, scrolled down to the signature pad,
  // notices at once, before it changes anything itself, and keeps saying so in view; what it
  // changes then is not saved over tab B's version.
  await a.locator('#veld-signers-0-signature').scrollIntoViewIfNeeded();
  await f.fill(b, 'veld-date', '2028-05-01');
  await b.locator('#veld-date').dispatchEvent('change');
  assert.match(await b.getByTestId('opgeslagen').textContent(), /^Intrekking opgeslagen op dit apparaat/);
  const msg = a.getByTestId('opslag-conflict');
  await msg.waitFor();
  assert.match(await msg.textContent(), /^Deze intrekking is in een ander tabblad gewijzigd/);
  const inView = () => msg.evaluate((el) => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; });
  assert.ok(await inView(), 'the message is in view where tab A is scrolled to');
  await a.evaluate(() => scrollTo(0, 0));
  assert.ok(await inView(), 'and at the top of the screen');
  await a.locator('label[for="intrekken-alles"]').tap();
  await screenshot(a, 'intrekking-ander-tabblad');
  // What is stored is tab B's version, not tab A's change (a third tab reads it).
  const stored = async () => {
    const c = await context.newPage();
    await f.enter(c, server.url);
    await c.getByTestId('intrekking-verder').tap();
    await c.getByTestId('origineel').waitFor();
    const v = { date: await c.locator('#veld-date').inputValue(), whole: await c.locator('#intrekken-alles').isChecked() };
    await c.close();
    return v;
  };
  assert.deepEqual(await stored(), { date: '2028-05-01', whole: true }, 'tab B\'s change is kept, tab A did not overwrite it');
  // Tab A loads the newest version and goes on; now tab B is the one that is behind.
  await a.getByRole('button', { name: 'Laad de nieuwste versie' }).tap();
  await a.waitForFunction(() => document.querySelector('#veld-date')?.value === '2028-05-01');
  assert.equal(await msg.count(), 0);
  await a.locator('label[for="intrekken-alles"]').tap();
  await a.getByTestId('opgeslagen').waitFor();
  await b.getByTestId('opslag-conflict').waitFor();
  await f.fill(b, 'veld-date', '2028-06-01');
  await b.locator('#veld-date').dispatchEvent('change');
  assert.deepEqual(await stored(), { date: '2028-05-01', whole: false });
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

/** `text` signed by npm jose with a new key: a flattened JWS with the key embedded and its kid. */
async function joseSign(text) {
  const { privateKey, publicKey } = await jose.generateKeyPair('ES256', { extractable: true });
  const jwk = await jose.exportJWK(publicKey);
  const payload = new TextEncoder().encode(text);
  const jws = await new jose.FlattenedSign(payload).setProtectedHeader({ alg: 'ES256', jwk, kid: await jose.calculateJwkThumbprint(jwk) }).sign(privateKey);
  return { jws, jwk, privateKey, payload };
}

/** Opens `path` on the withdrawal screen of a fresh tablet; the refusal shown, then closes. */
async function importRefusal(path) {
  const { context, page } = await tabletPage(browser, server.url);
  await f.enter(page, server.url);
  await page.getByTestId('intrekken').tap();
  await page.locator('#intrekken-bestand').setInputFiles(path);
  const err = page.getByTestId('intrekken-fout');
  await err.waitFor();
  const text = await err.textContent();
  const started = await page.getByTestId('origineel').count();
  await context.close();
  return { text, started };
}

test('a version-1 consent from elsewhere is withdrawn for one category and partner; the signed withdrawal (version 2) names that pair and what remains', async () => {
  // Signed by another implementation over a version-1 record, as files made before version 2 are.
  const record = JSON.parse(readFileSync(join(f.ROOT, 'examples', 'records', 'valid-16-plus.json'), 'utf8'));
  assert.equal(record.schemaVersion, 1);
  const { jws } = await joseSign(JSON.stringify(record));
  const path = join(EXPORTS, 'import-v1-consent.jws.json');
  writeFileSync(path, JSON.stringify(jws));
  const { context, page, problems } = await tabletPage(browser, server.url);
  await withdrawalOf(page, path, '2026-12-01');
  await page.locator('label[for="intrekken-alles"]').tap();
  const statement = page.getByTestId('intrekking-verklaring');
  assert.match(await statement.textContent(), /^Kies wat wordt ingetrokken/);
  // Every pair of the consent is offered, grouped by category; nothing else.
  const offered = await page.locator('[data-testid="intrekken-paren"] [data-category]').evaluateAll((gs) =>
    gs.map((g) => [g.dataset.category, [...g.querySelectorAll('[data-partner]')].map((b) => b.dataset.partner)]));
  assert.deepEqual(offered, [['health', ['participatie', 'huisarts']], ['criminal', ['participatie']]]);
  const chip = page.locator('[data-testid="intrekken-paren"] [data-category="health"] [data-partner="huisarts"]');
  await chip.tap();
  assert.equal(await chip.getAttribute('aria-pressed'), 'true');
  assert.equal(await statement.textContent(),
    'U trekt de toestemming in om gegevens over uw gezondheid te delen met Huisarts van de cliënt. Wat blijft gelden: gegevens over uw gezondheid delen met Uitvoering Participatiewet (werk en inkomen) en gegevens over uw contacten met politie en justitie delen met Uitvoering Participatiewet (werk en inkomen).');
  await f.drawTouch(page, 'veld-signers-0-signature');
  await page.getByTestId('intrekken-compleet').waitFor();
  await page.getByTestId('intrekking-ondertekenen').tap();
  await page.getByTestId('intrekking-klaar').waitFor();
  const w = await f.signedFile(page);
  const { payload } = await jose.flattenedVerify(JSON.parse(w.text), jose.EmbeddedJWK, { algorithms: ['ES256'] });
  const signed = JSON.parse(new TextDecoder().decode(payload));
  assert.equal(signed.schemaVersion, 2);
  assert.deepEqual(signed.scope, { whole: false, pairs: [{ category: 'health', partner: 'huisarts' }] });
  const r = verifyCli([path, w.path], ['--today', '2026-12-01']);
  assert.equal(r.code, 0, JSON.stringify(r.lines));
  assert.deepEqual(r.lines.map((l) => [l.recordType, l.valid]), [['consent', true], ['withdrawal', true]]);
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

test('a tampered file is refused on import', async () => {
  assert.ok(exported);
  const jws = JSON.parse(exported.text);
  const b = Buffer.from(jws.payload, 'base64url');
  b[40] ^= 0x01;
  const path = join(EXPORTS, 'import-tampered.jws.json');
  writeFileSync(path, JSON.stringify({ ...jws, payload: b.toString('base64url') }));
  assert.match((await importRefusal(path)).text, /klopt niet|geen geldig/);
});

test('a refused consent cannot be withdrawn: the import says there is nothing to withdraw', async () => {
  const record = JSON.parse(readFileSync(join(ARTIFACTS, '..', '..', '..', 'examples', 'records', 'valid-16-plus.json'), 'utf8'));
  record.consent.decision = 'refused';
  record.consent.categories = [];
  record.consent.signers = [];
  const { jws } = await joseSign(JSON.stringify(record));
  const path = join(EXPORTS, 'import-refused.jws.json');
  writeFileSync(path, JSON.stringify(jws));
  const { text, started } = await importRefusal(path);
  assert.match(text, /geen schriftelijke toestemming gegeven .*niets om in te trekken/);
  assert.equal(started, 0, 'no withdrawal is started');
});

test('a JWS made by a standard library (npm jose) over a valid record verifies', async () => {
  const record = JSON.parse(readFileSync(join(ARTIFACTS, '..', '..', '..', 'examples', 'records', 'valid-16-plus.json'), 'utf8'));
  // Not canonical on purpose: indented, in the file's key order.
  const { jws, jwk, privateKey, payload } = await joseSign(JSON.stringify(record, null, 2));
  const general = await new jose.GeneralSign(payload).addSignature(privateKey).setProtectedHeader({ alg: 'ES256', jwk }).sign();
  const dir = join(EXPORTS, 'jose');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'flattened.jws.json'), JSON.stringify(jws));
  writeFileSync(join(dir, 'general.jws.json'), JSON.stringify(general));
  const r = verifyCli([join(dir, 'flattened.jws.json'), join(dir, 'general.jws.json')], ['--today', '2026-11-30']);
  assert.equal(r.code, 0, JSON.stringify(r.lines));
  assert.deepEqual(r.lines.map((l) => [l.valid, l.canonical]), [[true, false], [true, false]]);
  assert.equal(r.lines[0].kid, await jose.calculateJwkThumbprint(jwk));
});

test('a browser that cannot keep a vault says so before anything is typed', async () => {
  const { context, page } = await tabletPage(browser, server.url);
  await page.addInitScript(() => {
    // As in a private window or with Lockdown Mode: IndexedDB refuses.
    Object.defineProperty(window, 'indexedDB', { value: { open() { throw new DOMException('blocked', 'SecurityError'); } } });
  });
  await page.goto(server.url);
  const err = page.getByTestId('kluis-niet-beschikbaar');
  await err.waitFor();
  assert.match(await err.textContent(), /kan niets veilig bewaren/);
  assert.equal(await page.locator('#kluis-naam').count(), 0, 'no enrolment that could not be kept');
  await context.close();
});
