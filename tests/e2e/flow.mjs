// Driving keukentafel as a professional would: enrol, unlock, tap, type, draw, sign.
import { execFileSync } from 'node:child_process';
import { writeFileSync, mkdtempSync, existsSync, readFileSync, mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import * as jose from 'jose';

const here = dirname(fileURLToPath(import.meta.url));
export const ROOT = join(here, '..', '..');
import { BIN } from './lib.mjs';
export { BIN };
export const EXPORTS = join(here, 'artifacts', 'exports');
export const CONVERSATION = '2026-11-20';

/** A tap where the page has touch; a click in a Chromium driven over CDP (no touch emulation). */
export function press(page, locator) {
  return page.__clicks ? locator.click() : locator.tap();
}

/** The professional of most tests, and their passphrase. */
export const SANNE = { name: 'Sanne de Vries', organisation: 'Sociaal Team Landsmeer', role: 'Wmo-consulent', secret: 'correct paard batterij nietje' };

/** Enrols a professional on the enrol screen that is showing. */
export async function enrolHere(page, who = SANNE) {
  await page.locator('#kluis-naam').waitFor();
  await page.locator('#kluis-naam').fill(who.name);
  await page.locator('#kluis-organisatie').fill(who.organisation ?? '');
  await page.locator('#kluis-functie').fill(who.role ?? '');
  await page.locator('#kluis-wachtwoord').fill(who.secret);
  await page.locator('#kluis-herhaal').fill(who.secret);
  await press(page, page.getByTestId('kluis-inschrijven'));
  await page.getByTestId('ontgrendeld-als').waitFor({ timeout: 20000 });
}

/** Unlocks as `who` on the unlock screen that is showing. */
export async function unlockHere(page, who = SANNE) {
  await page.locator('#kluis-ontgrendel').waitFor();
  await press(page, page.getByTestId('kluis-naam').filter({ hasText: who.name }).first());
  await page.locator('#kluis-ontgrendel').fill(who.secret);
  await press(page, page.getByTestId('kluis-ontgrendelen'));
  await page.getByTestId('ontgrendeld-als').waitFor({ timeout: 20000 });
}

/** Opens the app and gets past the vault: enrols `who` on a fresh tablet, else unlocks. */
export async function enter(page, url, who = SANNE) {
  if (url) await page.goto(url);
  const gate = page.locator('#kluis-naam, #kluis-ontgrendel, [data-testid="ontgrendeld-als"]').first();
  await gate.waitFor({ timeout: 20000 });
  if (await page.getByTestId('ontgrendeld-als').count()) return;
  if (await page.locator('#kluis-ontgrendel').count()) {
    const names = await page.getByTestId('kluis-naam').allTextContents();
    if (names.includes(who.name)) return unlockHere(page, who);
    await press(page, page.getByTestId('kluis-nieuw'));
  }
  await enrolHere(page, who);
}

export async function step(page, slug) {
  await press(page, page.locator(`button[data-stap="${slug}"]`));
  await page.locator(`.kt-stap-inhoud[data-stap="${slug}"]`).waitFor();
}

/** Taps the label of a checkbox or radio (the way a finger does). */
export async function tapLabel(page, forId) {
  await press(page, page.locator(`label[for="${forId}"]`));
}

export async function fill(page, id, value) {
  const el = page.locator(`#${id}`);
  await press(page, el);
  await el.fill(value);
}

export async function newConversation(page, url, who = SANNE) {
  await enter(page, url, who);
  await press(page, page.getByTestId('nieuw-gesprek'));
  await page.locator('.kt-stap-inhoud[data-stap="gesprek"]').waitFor();
}

export async function gesprek(page, { dossier, name, birth, domains }) {
  await fill(page, 'veld-conversationDate', CONVERSATION);
  await fill(page, 'veld-client-dossierReference', dossier);
  await fill(page, 'veld-client-name', name);
  await fill(page, 'veld-client-birthDate', birth);
  for (const d of domains) await tapLabel(page, `domein-${d}`);
  await fill(page, 'veld-helpQuestion-description', 'Ondersteuning thuis en afstemming met school.');
}

export async function addRepresentative(page, index, name, role) {
  await press(page, page.getByRole('button', { name: 'Vertegenwoordiger toevoegen' }));
  await fill(page, `veld-representation-representatives-${index}-name`, name);
  await page.locator(`#veld-representation-representatives-${index}-role`).selectOption(role);
}

export async function chips(page, fieldsetId, partners) {
  for (const p of partners) await press(page, page.locator(`#${fieldsetId} [data-partner="${p}"]`));
}

export async function instemming(page, partners) {
  await tapLabel(page, 'veld-informing-explained');
  await tapLabel(page, 'informing-uitwisseling');
  await chips(page, 'veld-informing-partners', partners);
  await tapLabel(page, 'instemming-given');
  await fill(page, 'veld-assent-provision-purpose', 'Passende ondersteuning regelen en afstemmen.');
  await chips(page, 'veld-assent-provision-partners', partners);
}

/** From step 1 on: assent and written consent for health data shared with the Wmo provider,
 * one signer (an adult client) drawn on the pad; ends on step 7 with the form complete. */
export async function adultConsentFromStep1(page) {
  await step(page, 'instemming');
  await instemming(page, ['wmo-zorgaanbieder']);
  await step(page, 'bijzonder');
  await bijzonder(page, { health: ['wmo-zorgaanbieder'] });
  await step(page, 'controle');
  await drawTouch(page, 'veld-consent-signers-0-signature');
  await page.getByTestId('status-compleet').waitFor();
}

/** On a new request: Ahmed El Amrani's correction request, received 2026-11-02, by himself. */
export async function correctionRequest(page) {
  await fill(page, 'veld-client-dossierReference', 'LM-2026-0414');
  await fill(page, 'veld-client-name', 'Ahmed El Amrani');
  await fill(page, 'veld-client-birthDate', '1981-06-30');
  await page.locator('#veld-kind').selectOption('correction');
  await fill(page, 'veld-received', '2026-11-02');
  await page.locator('#veld-received').dispatchEvent('change');
  await fill(page, 'veld-requestedBy-0-name', 'Ahmed El Amrani');
}

export async function bijzonder(page, categories) {
  for (const [slug, partners] of Object.entries(categories)) {
    await tapLabel(page, `categorie-${slug}`);
    const i = await page.locator('.kt-categorie .kt-ingesprongen').count() - 1;
    await fill(page, `veld-consent-categories-${i}-purpose`, `Nodig om de ondersteuning af te stemmen (${slug}).`);
    await chips(page, `veld-consent-categories-${i}-partners`, partners);
  }
  await tapLabel(page, 'toestemming-given');
}

/** Waits until every change so far is durably saved: the save status says "opgeslagen" and is
 *  no longer `aria-busy` (a reload before that may lose the last change). */
export async function saved(page) {
  await page.locator('.kt-opslag[aria-busy="false"] [data-testid="opgeslagen"]').waitFor();
}

/** Draws a signature with real touch input (CDP touch events → pointer events). */
export async function drawTouch(page, canvasId) {
  await page.locator(`#${canvasId}`).scrollIntoViewIfNeeded();
  const box = await page.locator(`#${canvasId}`).boundingBox();
  const cdp = await page.context().newCDPSession(page);
  const pts = [[0.1, 0.6], [0.2, 0.3], [0.3, 0.7], [0.45, 0.35], [0.6, 0.65], [0.8, 0.4]];
  const at = ([fx, fy]) => ({ x: box.x + fx * box.width, y: box.y + fy * box.height, id: 1, radiusX: 4, radiusY: 4, force: 1 });
  const scroll = () => page.evaluate(() => [window.scrollX, window.scrollY]);
  const before = await scroll();
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [at(pts[0])] });
  for (const p of pts.slice(1)) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [at(p)] });
    await page.waitForTimeout(16); // a finger, not a fling
  }
  await page.waitForTimeout(150); // the finger rests before lifting
  // The finger is still down: a pad without touch-action: none would have panned the page.
  const during = await scroll();
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
  return { before, during };
}

/** Draws with a pen-like mouse (real pointer events), two strokes. */
export async function drawMouse(page, canvasId) {
  await page.locator(`#${canvasId}`).scrollIntoViewIfNeeded();
  const box = await page.locator(`#${canvasId}`).boundingBox();
  const at = (fx, fy) => [box.x + fx * box.width, box.y + fy * box.height];
  await page.mouse.move(...at(0.15, 0.5));
  await page.mouse.down();
  await page.mouse.move(...at(0.5, 0.2), { steps: 6 });
  await page.mouse.move(...at(0.7, 0.8), { steps: 6 });
  await page.mouse.up();
  await page.mouse.move(...at(0.2, 0.8));
  await page.mouse.down();
  await page.mouse.move(...at(0.85, 0.75), { steps: 5 });
  await page.mouse.up();
}

/** Saves the file a tap offers as a download. */
export async function download(page, trigger, name) {
  mkdirSync(EXPORTS, { recursive: true });
  const [dl] = await Promise.all([page.waitForEvent('download'), trigger()]);
  const path = join(EXPORTS, name ?? dl.suggestedFilename());
  await dl.saveAs(path);
  return { path, suggested: dl.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

/** The signed file of the record on screen (its "Bestand downloaden"). */
export async function signedFile(page, name) {
  return download(page, () => press(page, page.getByTestId('opnieuw-downloaden')), name);
}

/** The record inside a signed file. */
export function payloadOf(jwsText) {
  return JSON.parse(Buffer.from(JSON.parse(jwsText).payload, 'base64url'));
}

/** `keukentafel verify` on files: { code, lines }. */
export function verifyCli(files, extra = []) {
  assert.ok(existsSync(BIN), `${BIN} missing: run cargo build -p keukentafel-cli`);
  try {
    const today = extra.includes('--today') ? [] : ['--today', '2028-04-02'];
    const out = execFileSync(BIN, ['verify', ...today, ...extra, ...files], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return { code: 0, lines: out.trim().split('\n').map((l) => JSON.parse(l)) };
  } catch (e) {
    return { code: e.status, lines: e.stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l)) };
  }
}

/** Signs the complete record on screen, fetches its file, and checks it with npm jose and with
 * `keukentafel verify`; returns the signed record and the file. */
export async function signAndVerify(page, name, today = '2026-11-30') {
  await press(page, page.getByTestId('ondertekenen'));
  await page.getByTestId('ondertekend-kop').waitFor();
  const file = await signedFile(page, name);
  const jws = JSON.parse(file.text);
  const { payload, protectedHeader } = await jose.flattenedVerify(jws, jose.EmbeddedJWK, { algorithms: ['ES256'] });
  assert.equal(protectedHeader.kid, await jose.calculateJwkThumbprint(protectedHeader.jwk, 'sha256'));
  const r = verifyCli([file.path], ['--today', today]);
  assert.equal(r.code, 0, JSON.stringify(r.lines));
  return { record: JSON.parse(new TextDecoder().decode(payload)), file, kid: protectedHeader.kid, hash: r.lines[0].hash };
}

/** Runs the back-office CLI's `validate` on a record: the independent check. */
export function cliValidate(record, today = '2026-11-30') {
  const dir = mkdtempSync(join(tmpdir(), 'kt-'));
  const file = join(dir, 'record.json');
  writeFileSync(file, JSON.stringify(record));
  try {
    return JSON.parse(execFileSync(BIN, ['validate', '--today', today, file], { encoding: 'utf8' }));
  } catch (e) {
    return JSON.parse(e.stdout);
  }
}
