// The paper version is a consent form (issue 15): printed before signing it says who still has
// to sign and promises the hash; printed after signing it carries the signatures drawn from their
// vectors with name, capacity and date, the record id and the hash; a parent refused under
// art. 12 lid 3 is named with the reason, and gets no line to sign — nor a pad when the consent
// is withdrawn. Removing a representative can be undone. Checked on the printed HTML,
// and on the PDF Chromium prints (as text, and rendered to PNG images to look at).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { serve, launch, tabletPage, screenshot, ARTIFACTS, assertCspAndOrigin } from './lib.mjs';
import * as f from './flow.mjs';

const OUT = join(ARTIFACTS, 'paper');
let server, browser;
before(async () => { server = await serve(); browser = await launch(); mkdirSync(OUT, { recursive: true }); });
after(async () => { await browser?.close(); await server?.close(); assertCspAndOrigin(); });

/** The page printed as Chromium prints it (A4): the PDF's text, its page count and PNGs of it. */
async function printed(page, name) {
  const pdf = join(OUT, `${name}.pdf`);
  writeFileSync(pdf, await page.pdf({ format: 'A4', preferCSSPageSize: true }));
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  execFileSync('pdftoppm', ['-png', '-r', '70', pdf, join(OUT, name)]);
  const pages = readdirSync(OUT).filter((x) => x.startsWith(`${name}-`) && x.endsWith('.png')).length;
  return { text, pages };
}

test('the paper version before and after signing: a 13-year-old, one parent refused under art. 12 lid 3', async () => {
  const { context, page, problems } = await tabletPage(browser, server.url);
  await f.newConversation(page, server.url);
  await f.gesprek(page, { dossier: 'LM-2026-1501', name: 'Mila de Boer', birth: '2013-06-01', domains: ['jeugd'] });
  await f.step(page, 'vertegenwoordiging');
  await f.addRepresentative(page, 0, 'Eva de Boer', 'parentWithAuthority');
  await f.addRepresentative(page, 1, 'Tom Bakker', 'parentWithAuthority');
  // Removing a representative can be undone: back in their place, with their role.
  await f.press(page, page.getByRole('button', { name: 'Verwijder vertegenwoordiger 2' }));
  assert.match(await page.getByTestId('vertegenwoordiger-verwijderd').textContent(), /^Tom Bakker is verwijderd\./);
  assert.equal(await page.locator('#veld-representation-representatives-1-name').count(), 0);
  await f.press(page, page.getByTestId('ongedaan-maken'));
  assert.equal(await page.locator('#veld-representation-representatives-1-name').inputValue(), 'Tom Bakker');
  assert.equal(await page.locator('#veld-representation-representatives-1-role').inputValue(), 'parentWithAuthority');
  assert.equal(await page.getByTestId('vertegenwoordiger-verwijderd').count(), 0);
  await f.press(page, page.getByRole('button', { name: 'Beperking toevoegen' }));
  await page.locator('#veld-representation-restrictions-0-representative').selectOption('Tom Bakker');
  await page.locator('#veld-representation-restrictions-0-kind').selectOption('refused');
  await f.fill(page, 'veld-representation-restrictions-0-reason', 'Zwaarwegende belangen van Mila verzetten zich tegen zijn optreden.');
  await f.step(page, 'instemming');
  await f.instemming(page, ['jeugd-en-gezin']);
  await f.step(page, 'bijzonder');
  await f.bijzonder(page, { health: ['jeugd-en-gezin'] });
  await f.step(page, 'controle');
  // Tom is refused: two pads, Eva's and Mila's.
  assert.equal(await page.getByTestId('ondertekenaar').count(), 2);

  // Before signing.
  await page.emulateMedia({ media: 'print' });
  const paper = page.getByTestId('papier');
  assert.equal(await paper.evaluate((el) => getComputedStyle(el).display), 'block');
  const before = await paper.innerText();
  assert.match(before, /^Toestemming voor het delen van gegevens\n+Gemeente Landsmeer/);
  assert.match(before, /Wie beslist: Cliënt is 13: ouder\/voogd én cliënt tekenen samen/);
  assert.match(before, /Tom Bakker is als vertegenwoordiger geweigerd \(art\. 12 lid 3\) en beslist en tekent niet mee\. Reden: Zwaarwegende belangen van Mila/);
  assert.match(before, /Wat jullie ondertekenen\nJij en Eva de Boer geven samen toestemming dat .* gegevens over jouw gezondheid deelt met Centrum voor Jeugd en Gezin/);
  assert.doesNotMatch(before, /Ondertekend op/);
  assert.equal(await paper.getByTestId('papier-niet-getekend').count(), 2, 'each signer: nog niet ondertekend');
  assert.deepEqual(await paper.locator('.kt-papier-wie').allInnerTexts(), ['Eva de Boer, ouder met gezag', 'Mila de Boer, cliënt']);
  assert.match(await paper.getByTestId('papier-voet').innerText(), /^Record [0-9a-f-]{36} · nog niet ondertekend: de hash volgt bij ondertekening$/);
  assert.match(before, /Bewaartermijn: tot vijf jaar na het jaar waarin de ondersteuning wordt afgesloten\./);
  // Nothing but the paper is printed: not the pads, not the findings, not the step bar.
  for (const sel of ['.kt-stappen', '#veld-consent-signers-0-signature', '[data-testid="bevindingen"]', '.kt-header']) {
    assert.equal(await page.locator(sel).first().evaluate((el) => getComputedStyle(el).display), 'none', sel);
  }
  const pdf1 = await printed(page, 'voor-ondertekenen');
  assert.ok(pdf1.pages >= 1);
  assert.match(pdf1.text, new RegExp(`Pagina 1 van ${pdf1.pages}`), 'page numbers on A4');
  assert.match(pdf1.text, /Nog niet ondertekend\./);
  assert.doesNotMatch(pdf1.text, /Wat nog moet gebeuren|Afdrukken voor het dossier/, 'no screen controls on paper');
  await page.emulateMedia({ media: 'screen' });

  // Signed.
  await f.drawTouch(page, 'veld-consent-signers-0-signature');
  await f.drawMouse(page, 'veld-consent-signers-1-signature');
  await page.getByTestId('status-compleet').waitFor();
  const { record, hash } = await f.signAndVerify(page, 'papier');
  await page.emulateMedia({ media: 'print' });
  const after = await paper.innerText();
  assert.match(after, /Ondertekend op 20 november 2026 door Eva de Boer, ouder met gezag en Mila de Boer, cliënt\./);
  assert.equal(await paper.getByTestId('papier-niet-getekend').count(), 0);
  const drawn = paper.locator('svg.kt-papier-krabbel');
  assert.equal(await drawn.count(), 2, 'both signatures drawn from their vectors');
  for (let i = 0; i < 2; i++) {
    const lines = await drawn.nth(i).locator('polyline').count();
    assert.equal(lines, record.consent.signers[i].signature.strokes.length, 'one line per stroke');
    const box = await drawn.nth(i).boundingBox();
    assert.ok(box.width > 100 && box.height > 30, `the signature is drawn at a visible size (${box.width}×${box.height})`);
  }
  assert.match(after, /Datum: 20 november 2026/);
  assert.equal(await paper.getByTestId('papier-voet').innerText(), `Record ${record.recordId} · hash (SHA-256) ${hash}`);
  const pdf2 = await printed(page, 'na-ondertekenen');
  assert.match(pdf2.text, new RegExp(`Pagina ${pdf2.pages} van ${pdf2.pages}`));
  assert.ok(pdf2.text.replace(/\s+/g, '').includes(hash), 'the hash on paper');
  await page.emulateMedia({ media: 'screen' });
  await screenshot(page, 'papier-ondertekend-scherm');
  // Withdrawn from the signed record: Tom stays refused there, said, and gets no pad.
  await page.getByTestId('intrekken-dit').tap();
  await page.getByTestId('origineel').waitFor();
  assert.match(await page.getByTestId('intrekken-beperkingen').textContent(), /Tom Bakker is als vertegenwoordiger geweigerd \(art\. 12 lid 3\)/);
  const pads = await page.getByTestId('ondertekenaar').locator('h4').allTextContents();
  assert.deepEqual(pads, ['Handtekening van Eva de Boer, ouder met gezag', 'Handtekening van Mila de Boer, cliënt']);
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});
