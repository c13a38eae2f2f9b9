// Drafts: nothing typed is lost across a reload; deleting needs confirmation; listed newest
// first; two tabs do not overwrite each other; a full disk is reported in Dutch while the form keeps working.
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
  await page.reload();
  // The start screen lists the draft with its reference, date and step.
  const item = page.getByTestId('concept');
  await item.waitFor();
  const text = await item.textContent();
  assert.match(text, /LM-2026-2001/);
  assert.match(text, /Gesprek 20 november 2026/);
  assert.match(text, /Stap 5\. Bijzondere persoonsgegevens/);
  await item.getByRole('button', { name: 'Verder' }).tap();
  await page.locator('.kt-stap-inhoud[data-stap="bijzonder"]').waitFor();
  assert.equal(await page.locator('#veld-consent-categories-0-purpose').inputValue(), 'Halverwege getypt');
  assert.equal(await page.locator('#categorie-health').isChecked(), true);
  await f.step(page, 'gesprek');
  assert.equal(await page.locator('#veld-client-name').inputValue(), 'Sara Visser');
  assert.equal(await page.locator('#veld-client-birthDate').inputValue(), '1990-04-04');

  await page.getByRole('button', { name: 'Terug naar het overzicht' }).tap();
  await item.getByRole('button', { name: 'Verwijderen' }).tap();
  // Asked first; nothing is gone yet.
  await page.getByTestId('bevestig-verwijderen').waitFor();
  await screenshot(page, 'concept-verwijderen-bevestigen');
  assert.equal((await f.drafts(page)).length, 1);
  await page.getByRole('button', { name: 'Annuleren' }).tap();
  assert.equal((await f.drafts(page)).length, 1);
  await item.getByRole('button', { name: 'Verwijderen' }).tap();
  await page.getByTestId('bevestig-verwijderen').tap();
  await page.getByText('Er zijn geen concepten.').waitFor();
  assert.equal((await f.drafts(page)).length, 0);
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

test('the start page lists drafts newest first, the ones that cannot be opened last', async () => {
  const { context, page } = await tabletPage(browser, server.url);
  await page.goto(server.url);
  const record = JSON.parse(readFileSync(join(EXAMPLES, 'valid-16-plus.json'), 'utf8'));
  await page.evaluate(({ record }) => {
    const put = (n, savedAt) => {
      const id = `0f0e0d0c-0000-4000-8000-00000000010${n}`;
      const r = { ...record, recordId: id, client: { ...record.client, dossierReference: `LM-ORDE-${n}` } };
      localStorage.setItem(`keukentafel:concept:${id}`, JSON.stringify({ schemaVersion: 1, rev: 1, savedAt, step: 'gesprek', record: r }));
    };
    put(1, '2026-11-02T09:00:00Z');
    localStorage.setItem('keukentafel:concept:0f0e0d0c-0000-4000-8000-000000000109', '{"schemaVersion": 1, "rev": 1');
    put(2, '2026-11-20T09:00:00Z');
    put(3, '2026-11-10T09:00:00Z');
  }, { record });
  await page.reload();
  await page.getByTestId('concept').nth(2).waitFor();
  const rows = await page.locator('[data-testid="concept"], [data-testid="concept-beschadigd"]').allTextContents();
  assert.deepEqual(rows.map((t) => t.match(/LM-ORDE-\d|beschadigd/)?.[0]), ['LM-ORDE-2', 'LM-ORDE-3', 'LM-ORDE-1', 'beschadigd']);
  await context.close();
});

test('a draft of another schema version is listed with a message, never dropped', async () => {
  const { context, page } = await tabletPage(browser, server.url);
  await page.goto(server.url);
  await page.evaluate(() => {
    localStorage.setItem('keukentafel:concept:0f0e0d0c-0000-4000-8000-000000000001', JSON.stringify({ schemaVersion: 0, rev: 3, record: { name: 'oud' } }));
    localStorage.setItem('keukentafel:concept:0f0e0d0c-0000-4000-8000-000000000002', '{"schemaVersion": 1, "rev": 1, "record": {"recordType": "consent"');
  });
  await page.reload();
  const old = page.getByTestId('concept-andere-versie');
  await old.waitFor();
  assert.match(await old.textContent(), /schemaversie 0/);
  assert.match(await page.getByTestId('concept-beschadigd').textContent(), /beschadigd/);
  assert.equal(await page.evaluate(() => localStorage.length), 2, 'both kept');
  await context.close();
});

test('two tabs on the same draft do not silently overwrite each other', async () => {
  const { context, page: a } = await tabletPage(browser, server.url);
  await f.newConversation(a, server.url);
  await f.fill(a, 'veld-client-name', 'Eerste tab');
  const b = await context.newPage();
  await b.goto(server.url);
  await b.getByTestId('concept').getByRole('button', { name: 'Verder' }).tap();
  await f.fill(b, 'veld-client-name', 'Tweede tab');
  // Tab A types on: it must notice tab B's newer version and not overwrite it.
  await f.fill(a, 'veld-client-dossierReference', 'LM-A');
  await a.getByTestId('opslag-conflict').waitFor();
  const [draft] = await f.drafts(a);
  assert.equal(draft.record.client.name, 'Tweede tab');
  assert.equal(draft.record.client.dossierReference, '');
  await a.getByRole('button', { name: 'Laad de nieuwste versie' }).tap();
  assert.equal(await a.locator('#veld-client-name').inputValue(), 'Tweede tab');
  await context.close();
});

test('a full disk is reported in Dutch and the form keeps working in memory', async () => {
  const { context, page } = await tabletPage(browser, server.url);
  await page.addInitScript(() => {
    Storage.prototype.setItem = function () { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };
  });
  await f.newConversation(page, server.url);
  await f.fill(page, 'veld-client-name', 'Geen ruimte');
  const msg = page.getByTestId('opslag-fout');
  await msg.waitFor();
  assert.match(await msg.textContent(), /opslag van deze browser is vol/);
  await f.step(page, 'vertegenwoordiging');
  await f.step(page, 'gesprek');
  assert.equal(await page.locator('#veld-client-name').inputValue(), 'Geen ruimte');
  await context.close();
});
