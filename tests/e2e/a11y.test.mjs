// axe (wcag2a, wcag2aa, wcag21aa) on the screens outside the seven steps (those are checked in
// scenarios.test.mjs): start, settings, withdrawal, requests, a signed record.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import AxeBuilder from '@axe-core/playwright';
import { serve, launch, tabletPage, assertCspAndOrigin } from './lib.mjs';
import * as f from './flow.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); assertCspAndOrigin(); });

test('every other screen has 0 axe violations', async () => {
  const { context, page } = await tabletPage(browser, server.url);
  const check = async (label) => {
    const r = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
    assert.deepEqual(r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), [], label);
  };
  const back = () => page.getByRole('button', { name: 'Terug naar het overzicht' }).tap();
  await page.goto(server.url);
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
  await f.step(page, 'controle');
  await page.getByTestId('status-compleet').waitFor();
  await page.getByTestId('ondertekenen').tap();
  await page.getByTestId('ondertekend-kop').waitFor();
  await check('ondertekend');
  await context.close();
});
