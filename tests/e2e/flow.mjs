// Driving the keukentafel form as a professional would: tap, type, draw.
import { execFileSync } from 'node:child_process';
import { writeFileSync, mkdtempSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';

const here = dirname(fileURLToPath(import.meta.url));
const ROOT = join(here, '..', '..');

export const CONVERSATION = '2026-11-20';

export async function step(page, slug) {
  await page.locator(`button[data-stap="${slug}"]`).tap();
  await page.locator(`.kt-stap-inhoud[data-stap="${slug}"]`).waitFor();
}

/** Taps the label of a checkbox or radio (the way a finger does). */
export async function tapLabel(page, forId) {
  await page.locator(`label[for="${forId}"]`).tap();
}

export async function fill(page, id, value) {
  const el = page.locator(`#${id}`);
  await el.tap();
  await el.fill(value);
}

export async function newConversation(page, url) {
  await page.goto(url);
  await page.getByTestId('nieuw-gesprek').tap();
  await page.locator('.kt-stap-inhoud[data-stap="gesprek"]').waitFor();
}

export async function gesprek(page, { dossier, name, birth, domains }) {
  await fill(page, 'veld-conversationDate', CONVERSATION);
  await fill(page, 'veld-professional-name', 'Sanne de Vries');
  await fill(page, 'veld-professional-organisation', 'Sociaal Team Landsmeer');
  await fill(page, 'veld-professional-role', 'Wmo-consulent');
  await fill(page, 'veld-client-dossierReference', dossier);
  await fill(page, 'veld-client-name', name);
  await fill(page, 'veld-client-birthDate', birth);
  for (const d of domains) await tapLabel(page, `domein-${d}`);
  await fill(page, 'veld-helpQuestion-description', 'Ondersteuning thuis en afstemming met school.');
}

export async function addRepresentative(page, index, name, role) {
  await page.getByRole('button', { name: 'Vertegenwoordiger toevoegen' }).tap();
  await fill(page, `veld-representation-representatives-${index}-name`, name);
  await page.locator(`#veld-representation-representatives-${index}-role`).selectOption(role);
}

export async function chips(page, fieldsetId, partners) {
  for (const p of partners) await page.locator(`#${fieldsetId} [data-partner="${p}"]`).tap();
}

export async function instemming(page, partners) {
  await tapLabel(page, 'veld-informing-explained');
  await tapLabel(page, 'informing-uitwisseling');
  await chips(page, 'veld-informing-partners', partners);
  await tapLabel(page, 'instemming-gegeven');
  await fill(page, 'veld-assent-provision-purpose', 'Passende ondersteuning regelen en afstemmen.');
  await chips(page, 'veld-assent-provision-partners', partners);
}

export async function bijzonder(page, categories) {
  for (const [slug, partners] of Object.entries(categories)) {
    await tapLabel(page, `categorie-${slug}`);
    const i = await page.locator('.kt-categorie .kt-ingesprongen').count() - 1;
    await fill(page, `veld-consent-categories-${i}-purpose`, `Nodig om de ondersteuning af te stemmen (${slug}).`);
    await chips(page, `veld-consent-categories-${i}-partners`, partners);
  }
  await tapLabel(page, 'toestemming-gegeven');
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

/** The stored drafts, parsed. */
export async function drafts(page) {
  return page.evaluate(() => {
    const out = [];
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i);
      if (k.startsWith('keukentafel:concept:')) out.push(JSON.parse(localStorage.getItem(k)));
    }
    return out;
  });
}

/** Runs the back-office CLI (built by `cargo test`) on a record: the independent check. */
export function cliValidate(record, today = '2026-11-30') {
  const bin = join(ROOT, 'target', 'debug', 'keukentafel');
  assert.ok(existsSync(bin), `${bin} missing: run cargo build -p keukentafel-cli`);
  const dir = mkdtempSync(join(tmpdir(), 'kt-'));
  const file = join(dir, 'record.json');
  writeFileSync(file, JSON.stringify(record));
  try {
    return JSON.parse(execFileSync(bin, ['validate', '--today', today, file], { encoding: 'utf8' }));
  } catch (e) {
    return JSON.parse(e.stdout);
  }
}
