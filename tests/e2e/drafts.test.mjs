// Drafts: nothing typed is lost across a reload; deleting needs confirmation; listed newest
// first; drafts of the version before the vault are taken over, encrypted, and nothing is
// lost; two tabs do not overwrite each other; a full disk is reported in Dutch while the form
// keeps working.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve, launch, tabletPage, screenshot, assertCspAndOrigin } from './lib.mjs';
import * as f from './flow.mjs';

const EXAMPLES = new URL('../../examples/records/', import.meta.url).pathname;

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); assertCspAndOrigin(); });

test('a draft survives a reload in the middle of step 5, and deleting needs confirmation', async () => {
  const { context, page, problems } = await tabletPage(browser, server.url);
  await f.newConversation(page, server.url);
  await f.gesprek(page, { dossier: 'LM-2026-2001', name: 'Sara Visser', birth: '1990-04-04', domains: ['werk'] });
  await f.step(page, 'bijzonder');
  await f.tapLabel(page, 'categorie-health');
  await f.fill(page, 'veld-consent-categories-0-purpose', 'Halverwege getypt');
  await f.saved(page);
  await page.reload();
  await f.enter(page);
  // Unlocked again, the professional continues where they were: step 5, what was typed there.
  await page.locator('.kt-stap-inhoud[data-stap="bijzonder"]').waitFor();
  assert.equal(await page.locator('#veld-consent-categories-0-purpose').inputValue(), 'Halverwege getypt');
  assert.equal(await page.locator('#categorie-health').isChecked(), true);
  // The start screen lists the draft with its reference, date and step.
  await page.getByRole('button', { name: 'Terug naar het overzicht' }).tap();
  const item = page.getByTestId('concept');
  await item.waitFor();
  const text = await item.textContent();
  assert.match(text, /LM-2026-2001/);
  assert.match(text, /Gesprek 20 november 2026/);
  assert.match(text, /Stap 5\. Bijzondere persoonsgegevens/);
  // Back to the overview, a reload starts there.
  await page.reload();
  await f.enter(page);
  await item.waitFor();
  await item.getByRole('button', { name: 'Verder' }).tap();
  await page.locator('.kt-stap-inhoud[data-stap="bijzonder"]').waitFor();
  await f.step(page, 'gesprek');
  assert.equal(await page.locator('#veld-client-name').inputValue(), 'Sara Visser');
  assert.equal(await page.locator('#veld-client-birthDate').inputValue(), '1990-04-04');

  await page.getByRole('button', { name: 'Terug naar het overzicht' }).tap();
  await item.getByRole('button', { name: 'Verwijderen' }).tap();
  // Asked first; nothing is gone yet.
  await page.getByTestId('bevestig-verwijderen').waitFor();
  await screenshot(page, 'concept-verwijderen-bevestigen');
  await page.getByRole('button', { name: 'Annuleren' }).tap();
  assert.equal(await page.getByTestId('concept').count(), 1);
  await item.getByRole('button', { name: 'Verwijderen' }).tap();
  await page.getByTestId('bevestig-verwijderen').tap();
  await page.getByText('Er zijn geen concepten.').waitFor();
  // Gone from the vault too, not only from the screen.
  await page.reload();
  await f.enter(page);
  await page.getByText('Er zijn geen concepten.').waitFor();
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

test('drafts of the version before the vault are taken over, newest first, and their plaintext is gone', async () => {
  const { context, page } = await tabletPage(browser, server.url);
  await page.goto(server.url);
  const record = JSON.parse(readFileSync(join(EXAMPLES, 'valid-16-plus.json'), 'utf8'));
  // What the version before the vault left in localStorage: drafts, one damaged, one of an
  // older schema version, a request, and the professional.
  await page.evaluate(({ record }) => {
    const put = (n, savedAt) => {
      const id = `0f0e0d0c-0000-4000-8000-00000000010${n}`;
      const r = { ...record, recordId: id, client: { ...record.client, dossierReference: `LM-ORDE-${n}` } };
      localStorage.setItem(`keukentafel:concept:${id}`, JSON.stringify({ schemaVersion: 1, rev: 1, savedAt, step: 'bijzonder', record: r }));
    };
    put(1, '2026-11-02T09:00:00Z');
    localStorage.setItem('keukentafel:concept:0f0e0d0c-0000-4000-8000-000000000109', '{"schemaVersion": 1, "rev": 1');
    localStorage.setItem('keukentafel:concept:0f0e0d0c-0000-4000-8000-000000000108', JSON.stringify({ schemaVersion: 0, rev: 3, record: { name: 'oud' } }));
    put(2, '2026-11-20T09:00:00Z');
    put(3, '2026-11-10T09:00:00Z');
    localStorage.setItem('keukentafel:professional', JSON.stringify({ name: 'Sanne de Vries', organisation: 'x', role: 'y' }));
  }, { record });
  await page.reload();
  await f.enter(page);
  await page.getByTestId('kluis-melding').filter({ hasText: 'van vóór de kluis zijn versleuteld overgenomen' }).waitFor();
  await page.getByTestId('concept').nth(2).waitFor();
  const rows = await page.locator('[data-testid="concept"], [data-testid="concept-van-voor-de-kluis"]').allTextContents();
  assert.deepEqual(rows.map((t) => t.match(/LM-ORDE-\d|Van vóór de kluis/)?.[0]), ['LM-ORDE-2', 'LM-ORDE-3', 'LM-ORDE-1', 'Van vóór de kluis', 'Van vóór de kluis']);
  assert.match(rows[0], /Stap 5\. Bijzondere persoonsgegevens/, 'the step is kept');
  // Nothing readable is left in localStorage: only the vault's plain settings.
  const keys = await page.evaluate(() => Object.keys(localStorage).sort());
  assert.deepEqual(keys, ['keukentafel:kluis:ingeschreven', 'keukentafel:kluis:laatste']);
  // A taken-over draft opens like any other.
  await page.getByTestId('concept').first().getByRole('button', { name: 'Verder' }).tap();
  await page.locator('.kt-stap-inhoud[data-stap="bijzonder"]').waitFor();
  await f.step(page, 'gesprek');
  assert.equal(await page.locator('#veld-client-dossierReference').inputValue(), 'LM-ORDE-2');
  await context.close();
});

test('two tabs on the same draft do not silently overwrite each other', async () => {
  const { context, page: a } = await tabletPage(browser, server.url);
  await f.newConversation(a, server.url);
  await f.fill(a, 'veld-client-name', 'Eerste tab');
  await a.getByTestId('opgeslagen').waitFor();
  const b = await context.newPage();
  await f.enter(b, server.url);
  await b.getByTestId('concept').getByRole('button', { name: 'Verder' }).tap();
  await f.fill(b, 'veld-client-name', 'Tweede tab');
  await b.getByTestId('opgeslagen').waitFor();
  // Tab A notices tab B's newer version at once and does not overwrite it.
  await a.getByTestId('opslag-conflict').waitFor();
  await f.fill(a, 'veld-client-dossierReference', 'LM-A');
  // What is stored is tab B's version (a third tab reads it).
  const c = await context.newPage();
  await f.enter(c, server.url);
  await c.getByTestId('concept').getByRole('button', { name: 'Verder' }).tap();
  assert.equal(await c.locator('#veld-client-name').inputValue(), 'Tweede tab');
  assert.equal(await c.locator('#veld-client-dossierReference').inputValue(), '');
  await c.close();
  await a.getByRole('button', { name: 'Laad de nieuwste versie' }).tap();
  await a.waitForFunction(() => document.querySelector('#veld-client-name')?.value === 'Tweede tab');
  await context.close();
});

test('a full disk is reported in Dutch and the form keeps working in memory', async () => {
  const { context, page } = await tabletPage(browser, server.url);
  await f.enter(page, server.url);
  // The disk fills up after enrolment: every write to the vault is refused.
  await page.evaluate(() => {
    IDBObjectStore.prototype.put = function () { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };
  });
  await page.getByTestId('nieuw-gesprek').tap();
  await f.fill(page, 'veld-client-name', 'Geen ruimte');
  const msg = page.getByTestId('opslag-fout');
  await msg.waitFor();
  assert.match(await msg.textContent(), /opslag van deze browser is vol/);
  await f.step(page, 'vertegenwoordiging');
  await f.step(page, 'gesprek');
  assert.equal(await page.locator('#veld-client-name').inputValue(), 'Geen ruimte');
  await context.close();
});
