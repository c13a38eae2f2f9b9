// Requests of the data subject (art. 11): register, decide with reasons, sign, export, verify;
// a stored request reopens as saved, and two tabs on one request do not overwrite each other.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { serve, launch, tabletPage, screenshot, ARTIFACTS, assertCspAndOrigin } from './lib.mjs';
import * as f from './flow.mjs';

const BIN = join(ARTIFACTS, '..', '..', '..', 'target', 'debug', 'keukentafel');
let server, browser;
before(async () => { server = await serve(); browser = await launch(); mkdirSync(join(ARTIFACTS, 'exports'), { recursive: true }); });
after(async () => { await browser?.close(); await server?.close(); assertCspAndOrigin(); });

test('register a correction request, reject it with reasons, sign and export', async () => {
  const { context, page, problems } = await tabletPage(browser, server.url);
  await page.goto(server.url);
  await page.getByTestId('verzoeken').tap();
  await page.getByTestId('nieuw-verzoek').tap();
  await f.fill(page, 'veld-client-dossierReference', 'LM-2026-0414');
  await f.fill(page, 'veld-client-name', 'Ahmed El Amrani');
  await f.fill(page, 'veld-client-birthDate', '1981-06-30');
  await page.locator('#veld-kind').selectOption('correction');
  await f.fill(page, 'veld-received', '2026-11-02');
  await page.locator('#veld-received').dispatchEvent('change');
  await f.fill(page, 'veld-requestedBy-0-name', 'Ahmed El Amrani');
  assert.match(await page.getByTestId('termijn').textContent(), /30 november 2026/);
  await f.tapLabel(page, 'beslissing-afgewezen');
  await f.fill(page, 'veld-decision-date', '2026-11-25');
  await page.locator('#veld-decision-date').dispatchEvent('change');
  // A rejection without reasons is an error: signing is blocked.
  assert.match(await page.getByTestId('verzoek-bevindingen').textContent(), /REQUEST-REJECTION-REASON/);
  assert.equal(await page.getByTestId('verzoek-ondertekenen').isDisabled(), true);
  // … and it is shown beside the field it is about, as in the consent form.
  assert.equal(await page.locator('#veld-decision-reasons-meldingen [data-code="REQUEST-REJECTION-REASON"]').count(), 1);
  assert.equal(await page.locator('#veld-decision-reasons').getAttribute('aria-invalid'), 'true');
  await f.fill(page, 'veld-decision-reasons', 'De vastgelegde gegevens zijn juist: zij komen overeen met de verklaring van de huisarts.');
  await page.getByTestId('verzoek-compleet').waitFor();
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
  assert.deepEqual(axe.violations.map((v) => v.id), []);
  await screenshot(page, 'verzoek');
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('verzoek-ondertekenen').tap()]);
  const path = join(ARTIFACTS, 'exports', dl.suggestedFilename());
  await dl.saveAs(path);
  assert.match(dl.suggestedFilename(), /^keukentafel-2026-11-02-request-/);
  await page.getByTestId('verzoek-ondertekend').waitFor();
  const out = JSON.parse(execFileSync(BIN, ['verify', '--today', '2026-11-30', path], { encoding: 'utf8' }));
  assert.equal(out.valid, true, JSON.stringify(out));
  assert.equal(out.recordType, 'request');
  const record = JSON.parse(Buffer.from(JSON.parse(readFileSync(path, 'utf8')).payload, 'base64url'));
  assert.equal(record.kind, 'correction');
  assert.equal(record.deadline, '2026-11-30');
  assert.equal(record.decision.outcome, 'rejected');
  assert.match(record.decision.reasons, /huisarts/);
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

test('overdue requests stand out in the list', async () => {
  const { context, page } = await tabletPage(browser, server.url);
  await page.goto(server.url);
  await page.evaluate(() => {
    const rec = (id, received, deadline) => ({ schemaVersion: 1, savedAt: new Date().toISOString(), record: {
      schemaVersion: 1, recordType: 'request', recordId: id, kind: 'deletion', received, deadline,
      client: { dossierReference: 'LM-1', name: 'A', birthDate: '1980-01-01' }, requestedBy: [{ name: 'A', role: 'client' }] } });
    const long = new Date(Date.now() - 40 * 86400000).toISOString().slice(0, 10);
    const recent = new Date().toISOString().slice(0, 10);
    localStorage.setItem('keukentafel:verzoek:aaaaaaaa-0000-4000-8000-000000000001', JSON.stringify(rec('aaaaaaaa-0000-4000-8000-000000000001', long, null)));
    localStorage.setItem('keukentafel:verzoek:aaaaaaaa-0000-4000-8000-000000000002', JSON.stringify(rec('aaaaaaaa-0000-4000-8000-000000000002', recent, null)));
  });
  await page.reload();
  await page.getByTestId('verzoeken').tap();
  const items = page.getByTestId('verzoek');
  await items.first().waitFor();
  assert.equal(await items.count(), 2);
  const overdue = page.locator('[data-testid="verzoek"][data-overdue="true"]');
  assert.equal(await overdue.count(), 1);
  assert.match(await overdue.textContent(), /TE LAAT/);
  assert.match(await page.locator('[data-testid="verzoek"][data-overdue="false"]').textContent(), /nog 28 dagen/);
  await screenshot(page, 'verzoeken-lijst');
  await context.close();
});

test('a stored request opens as it was saved, and two tabs on it do not overwrite each other', async () => {
  const { context, page: a, problems } = await tabletPage(browser, server.url);
  await a.goto(server.url);
  await a.getByTestId('verzoeken').tap();
  await a.getByTestId('nieuw-verzoek').tap();
  await f.fill(a, 'veld-client-dossierReference', 'LM-2026-0515');
  await f.fill(a, 'veld-client-name', 'Kees Bakker');
  await a.locator('#veld-kind').selectOption('access');
  await f.fill(a, 'veld-requestedBy-0-name', 'Anna Bakker');
  await a.locator('#veld-requestedBy-0-role').selectOption('mentor');
  const stored = () => a.evaluate(() => {
    const k = Object.keys(localStorage).find((x) => x.startsWith('keukentafel:verzoek:'));
    return JSON.parse(localStorage.getItem(k));
  });
  assert.deepEqual((await stored()).record.requestedBy, [{ name: 'Anna Bakker', role: 'representative', relationship: 'mentor' }]);
  // Closed and opened again: every field shows what was saved, the representative's role too.
  await a.getByRole('button', { name: 'Terug naar de verzoeken' }).tap();
  await a.getByTestId('verzoek').getByRole('button', { name: 'Openen' }).tap();
  assert.equal(await a.locator('#veld-requestedBy-0-role').inputValue(), 'mentor');
  assert.equal(await a.locator('#veld-kind').inputValue(), 'access');
  assert.equal(await a.locator('#veld-client-name').inputValue(), 'Kees Bakker');
  // A second tab opens the same request and changes the name; the first tab, behind, does not
  // overwrite that.
  const b = await context.newPage();
  await b.goto(server.url);
  await b.getByTestId('verzoeken').tap();
  await b.getByTestId('verzoek').getByRole('button', { name: 'Openen' }).tap();
  await f.fill(b, 'veld-client-name', 'Kees Bakker-de Wit');
  await a.getByTestId('opslag-conflict').waitFor();
  await f.fill(a, 'veld-client-dossierReference', 'LM-2026-0516');
  assert.equal((await stored()).record.client.name, 'Kees Bakker-de Wit');
  assert.equal((await stored()).record.client.dossierReference, 'LM-2026-0515');
  await a.getByRole('button', { name: 'Laad de nieuwste versie' }).tap();
  assert.equal(await a.locator('#veld-client-name').inputValue(), 'Kees Bakker-de Wit');
  assert.equal(await a.getByTestId('opslag-conflict').count(), 0);
  await f.fill(a, 'veld-client-dossierReference', 'LM-2026-0516');
  await a.waitForFunction(() => {
    const k = Object.keys(localStorage).find((x) => x.startsWith('keukentafel:verzoek:'));
    return JSON.parse(localStorage.getItem(k)).record.client.dossierReference === 'LM-2026-0516';
  });
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});
