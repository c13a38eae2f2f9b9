// axe (wcag2a, wcag2aa, wcag21aa) on the screens outside the seven steps (those are checked in
// scenarios.test.mjs): enrolment, unlock (after a lock), start, settings, withdrawal, requests,
// a signed record.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, tabletPage, assertCspAndOrigin, accessibilityProblems } from './lib.mjs';
import * as f from './flow.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); assertCspAndOrigin(); });

test('every other screen has 0 axe violations and no control below the touch target', async () => {
  const { context, page } = await tabletPage(browser, server.url);
  const check = async (label) => assert.deepEqual(await accessibilityProblems(page), [], label);
  const back = () => page.getByRole('button', { name: 'Terug naar het overzicht' }).tap();
  await page.goto(server.url);
  await page.locator('#kluis-naam').waitFor();
  await check('inschrijven');
  // A refused passphrase shows its message, in the form.
  await page.locator('#kluis-naam').fill('Sanne de Vries');
  await page.locator('#kluis-wachtwoord').fill('kort');
  await page.locator('#kluis-herhaal').fill('kort');
  await page.getByTestId('kluis-inschrijven').tap();
  await page.getByTestId('kluis-fout').waitFor();
  await check('inschrijven met melding');
  await f.enrolHere(page);
  await page.getByTestId('vergrendel').tap();
  await page.locator('#kluis-ontgrendel').waitFor();
  await check('vergrendeld');
  await page.locator('#kluis-ontgrendel').fill('fout wachtwoord 123');
  await page.getByTestId('kluis-ontgrendelen').tap();
  await page.getByTestId('kluis-fout').waitFor();
  await check('ontgrendelen met melding');
  await f.unlockHere(page);
  await page.getByTestId('nieuw-gesprek').waitFor();
  await check('start');
  await page.getByTestId('instellingen').tap();
  await page.getByTestId('vingerafdruk').waitFor();
  await check('instellingen');
  await back();
  await page.getByTestId('intrekken').tap();
  await check('intrekken');
  await back();
  await page.getByTestId('verzoeken').tap();
  await check('verzoeken');
  await page.getByTestId('nieuw-verzoek').tap();
  await check('verzoek');
  await page.getByRole('button', { name: 'Terug naar de verzoeken' }).tap();
  await back();
  await f.newConversation(page, server.url);
  await f.gesprek(page, { dossier: 'LM-2026-5001', name: 'Kees Smit', birth: '1990-03-15', domains: ['werk'] });
  await f.step(page, 'instemming');
  await f.instemming(page, ['participatie']);
  await f.step(page, 'bijzonder');
  await f.bijzonder(page, { health: ['participatie'] });
  await f.step(page, 'controle');
  await f.drawTouch(page, 'veld-consent-signers-0-signature');
  await page.getByTestId('status-compleet').waitFor();
  await page.getByTestId('ondertekenen').tap();
  await page.getByTestId('ondertekend-kop').waitFor();
  await check('ondertekend');
  await page.getByTestId('intrekken-dit').tap();
  await page.getByTestId('origineel').waitFor();
  await check('intrekking van een eigen toestemming');
  await context.close();
});
