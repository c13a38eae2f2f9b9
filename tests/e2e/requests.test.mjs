// Requests of the data subject (art. 11): register, decide with reasons, sign, export, verify;
// a stored request reopens as saved, and two tabs on one request do not overwrite each other.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve, launch, tabletPage, screenshot, ARTIFACTS, assertCspAndOrigin, accessibilityProblems } from './lib.mjs';
import * as f from './flow.mjs';

const { BIN } = f;
let server, browser;
before(async () => { server = await serve(); browser = await launch(); mkdirSync(join(ARTIFACTS, 'exports'), { recursive: true }); });
after(async () => { await browser?.close(); await server?.close(); assertCspAndOrigin(); });

test('register a correction request, reject it with reasons, sign and export', async () => {
  const { context, page, problems } = await tabletPage(browser, server.url);
  await f.enter(page, server.url);
  await page.getByTestId('verzoeken').tap();
  await page.getByTestId('nieuw-verzoek').tap();
  await f.correctionRequest(page);
  assert.match(await page.getByTestId('termijn').textContent(), /30 november 2026/);
  await f.tapLabel(page, 'beslissing-rejected');
  await f.fill(page, 'veld-decision-date', '2026-11-25');
  await page.locator('#veld-decision-date').dispatchEvent('change');
  // A rejection without reasons is an error: signing is blocked.
  assert.equal(await page.locator('[data-testid="verzoek-bevindingen"] [data-code="REQUEST-REJECTION-REASON"]').count(), 1);
  assert.doesNotMatch(await page.getByTestId('verzoek-bevindingen').textContent(), /REQUEST-/, 'codes are not shown, the article is');
  assert.equal(await page.getByTestId('verzoek-ondertekenen').isDisabled(), true);
  // … and it is shown beside the field it is about, as in the consent form.
  assert.equal(await page.locator('#veld-decision-reasons-meldingen [data-code="REQUEST-REJECTION-REASON"]').count(), 1);
  assert.equal(await page.locator('#veld-decision-reasons').getAttribute('aria-invalid'), 'true');
  await f.fill(page, 'veld-decision-reasons', 'De vastgelegde gegevens zijn juist: zij komen overeen met de verklaring van de huisarts.');
  await page.getByTestId('verzoek-compleet').waitFor();
  assert.deepEqual(await accessibilityProblems(page), []);
  await screenshot(page, 'verzoek');
  await page.getByTestId('verzoek-ondertekenen').tap();
  await page.getByTestId('verzoek-ondertekend').waitFor();
  const { path, suggested } = await f.signedFile(page);
  assert.match(suggested, /^keukentafel-2026-11-02-request-/);
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

test('overdue requests stand out in the list (taken over from before the vault)', async () => {
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
  await f.enter(page);
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
  await f.enter(a, server.url);
  await a.getByTestId('verzoeken').tap();
  await a.getByTestId('nieuw-verzoek').tap();
  await f.fill(a, 'veld-client-dossierReference', 'LM-2026-0515');
  await f.fill(a, 'veld-client-name', 'Kees Bakker');
  await a.locator('#veld-kind').selectOption('access');
  await f.fill(a, 'veld-requestedBy-0-name', 'Anna Bakker');
  await a.locator('#veld-requestedBy-0-role').selectOption('mentor');
  await a.getByTestId('opgeslagen').waitFor();
  // What is stored, as another tab opens it.
  const stored = async () => {
    const c = await context.newPage();
    await f.enter(c, server.url);
    await c.getByTestId('verzoeken').tap();
    await c.getByTestId('verzoek').getByRole('button', { name: 'Openen' }).tap();
    await c.locator('#veld-client-name').waitFor();
    const v = {
      name: await c.locator('#veld-client-name').inputValue(),
      dossier: await c.locator('#veld-client-dossierReference').inputValue(),
      role: await c.locator('#veld-requestedBy-0-role').inputValue(),
    };
    await c.close();
    return v;
  };
  // Closed and opened again: every field shows what was saved, the representative's role too.
  await a.getByRole('button', { name: 'Terug naar de verzoeken' }).tap();
  await a.getByTestId('verzoek').getByRole('button', { name: 'Openen' }).tap();
  assert.equal(await a.locator('#veld-requestedBy-0-role').inputValue(), 'mentor');
  assert.equal(await a.locator('#veld-kind').inputValue(), 'access');
  assert.equal(await a.locator('#veld-client-name').inputValue(), 'Kees Bakker');
  // A second tab opens the same request and changes the name; the first tab, behind, does not
  // overwrite that.
  const b = await context.newPage();
  await f.enter(b, server.url);
  await b.getByTestId('verzoeken').tap();
  await b.getByTestId('verzoek').getByRole('button', { name: 'Openen' }).tap();
  await f.fill(b, 'veld-client-name', 'Kees Bakker-de Wit');
  await a.getByTestId('opslag-conflict').waitFor();
  await f.fill(a, 'veld-client-dossierReference', 'LM-2026-0516');
  assert.deepEqual(await stored(), { name: 'Kees Bakker-de Wit', dossier: 'LM-2026-0515', role: 'mentor' });
  await a.getByRole('button', { name: 'Laad de nieuwste versie' }).tap();
  await a.waitForFunction(() => document.querySelector('#veld-client-name')?.value === 'Kees Bakker-de Wit');
  assert.equal(await a.getByTestId('opslag-conflict').count(), 0);
  await f.fill(a, 'veld-client-dossierReference', 'LM-2026-0516');
  await a.getByTestId('opgeslagen').waitFor();
  assert.deepEqual(await stored(), { name: 'Kees Bakker-de Wit', dossier: 'LM-2026-0516', role: 'mentor' });
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});
