// Three whole keukentafel conversations on a tablet, driven as a professional would.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, tabletPage, screenshot, assertCspAndOrigin, accessibilityProblems } from './lib.mjs';
import * as f from './flow.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); assertCspAndOrigin(); });

const STEPS = ['gesprek', 'vertegenwoordiging', 'uitleg', 'instemming', 'bijzonder', 'uitzonderingen', 'controle'];

async function axe(page, label) {
  assert.deepEqual(await accessibilityProblems(page), [], `accessibility on ${label}`);
}

async function finish(page, problems, expectedSigners, name, expectedStatement = null) {
  await f.step(page, 'controle');
  if (expectedStatement) {
    // What is signed, in words, before anyone touches a pad.
    assert.deepEqual(await page.getByTestId('verklaring').locator('li').allTextContents(), expectedStatement);
  }
  const signers = page.getByTestId('ondertekenaar');
  assert.equal(await signers.count(), expectedSigners.length, 'exactly the signers art. 12 requires');
  for (let i = 0; i < expectedSigners.length; i++) {
    assert.match(await signers.nth(i).locator('h4').textContent(), new RegExp(expectedSigners[i]));
  }
  // Before drawing: the form is not complete, and each empty pad has its one finding beside it.
  await page.getByTestId('status-open').waitFor();
  const signing = page.locator('section[aria-labelledby="onderteken-kop"]');
  assert.equal(await signing.locator('.kt-melding').count(), expectedSigners.length, 'one finding per missing signature');
  for (let i = 0; i < expectedSigners.length; i++) {
    assert.match(await signers.nth(i).locator('.kt-melding').textContent(), /^Nog nodig \(art\. 4 lid 4\): De handtekening van .* ontbreekt/);
  }
  for (let i = 0; i < expectedSigners.length; i++) {
    const id = `veld-consent-signers-${i}-signature`;
    const pad = page.locator(`#${id}`);
    await pad.scrollIntoViewIfNeeded();
    assert.equal(await pad.evaluate((el) => getComputedStyle(el).touchAction), 'none');
    if (i % 2 === 0) {
      const { before, during } = await f.drawTouch(page, id);
      assert.deepEqual(during, before, 'a stroke does not scroll the page');
    } else {
      await f.drawMouse(page, id);
    }
    assert.ok(Number(await page.locator(`#${id}`).getAttribute('data-strokes')) >= 1);
  }
  await page.getByTestId('status-compleet').waitFor({ timeout: 5000 });
  await screenshot(page, `${name}-controle`);
}

/** Signs, and checks the signed file with npm jose and `keukentafel verify` (signature and
 * every rule); the record as signed. */
async function signed(page, problems, name) {
  const { record } = await f.signAndVerify(page, `${name}.jws.json`);
  assert.deepEqual(problems.pageErrors, []);
  assert.deepEqual(problems.consoleErrors, []);
  assert.deepEqual(problems.foreignRequests, []);
  return record;
}

test('a 10-year-old with two parents with authority (axe on every step)', async () => {
  const { context, page, problems } = await tabletPage(browser, server.url);
  await f.newConversation(page, server.url);
  // The progress bar tells the truth on an empty form: nothing "in orde" but the explanation,
  // which has nothing to fill; untouched steps say so.
  assert.deepEqual((await page.getByTestId('stap-status').allTextContents()).map((t) => t.replace(/^\d+ open$/, 'open')),
    ['open', 'nog niet bekeken', 'in orde', 'nog niet bekeken', 'nog niet bekeken', 'niet van toepassing', 'nog niet bekeken']);
  await f.gesprek(page, { dossier: 'LM-2026-1001', name: 'Noor Bakker', birth: '2016-05-01', domains: ['jeugd', 'zorg'] });
  await screenshot(page, 'stap-1-gesprek');
  await axe(page, 'gesprek');
  await f.step(page, 'vertegenwoordiging');
  assert.match(await page.getByTestId('leeftijd-uitleg').textContent(), /^Cliënt is 10: de wettelijk vertegenwoordiger/);
  await f.addRepresentative(page, 0, 'Eva Bakker', 'parentWithAuthority');
  await f.addRepresentative(page, 1, 'Tim Bakker', 'parentWithAuthority');
  await screenshot(page, 'stap-2-vertegenwoordiging');
  await axe(page, 'vertegenwoordiging');
  await f.step(page, 'uitleg');
  await screenshot(page, 'stap-3-uitleg');
  await axe(page, 'uitleg');
  // Truthful (art. 4 lid 5, art. 10): data can be shared without consent in some cases.
  const uitleg = await page.locator('.kt-uitleg').textContent();
  assert.doesNotMatch(uitleg, /delen we niets/);
  assert.match(uitleg, /Soms delen we gegevens ook als u geen toestemming geeft/);
  assert.match(await page.getByTestId('uitleg-partners').textContent(), /kiezen we zo samen/);
  // Addressed to the parents of a 10-year-old, about her by name; the articles under "Meer weten".
  assert.match(uitleg, /We willen Noor Bakker goed helpen\./);
  const visible = await page.locator('.kt-uitleg').innerText();
  assert.doesNotMatch(visible, /artikel|art\. \d|College|rechter/, 'no legal terms outside "Meer weten"');
  const more = page.locator('.kt-uitleg [data-purpose="zonder-toestemming"] details');
  await more.locator('summary').tap();
  assert.match(await more.innerText(), /Artikel 4 lid 5 van het protocol/);
  await f.step(page, 'instemming');
  await f.instemming(page, ['sociaal-team', 'jeugdhulpaanbieder']);
  // The client hears the actual list: back on the explanation, the chosen partners are named.
  await f.step(page, 'uitleg');
  assert.match(await page.locator('.kt-uitleg').textContent(), /We willen gegevens kunnen delen met:.*Sociaal Team Landsmeer.*jeugdhulpaanbieder/i);
  await f.step(page, 'instemming');
  assert.match(await page.getByTestId('instemming-wie').textContent(), /Eva Bakker, ouder met gezag; Tim Bakker, ouder met gezag/);
  await screenshot(page, 'stap-4-instemming');
  await axe(page, 'instemming');
  await f.step(page, 'bijzonder');
  await f.bijzonder(page, { health: ['jeugdhulpaanbieder'] });
  await screenshot(page, 'stap-5-bijzonder');
  await axe(page, 'bijzonder');
  await f.step(page, 'uitzonderingen');
  await screenshot(page, 'stap-6-uitzonderingen');
  await axe(page, 'uitzonderingen');
  await f.step(page, 'controle');
  await axe(page, 'controle (before signing)');
  await finish(page, problems, ['Eva Bakker, ouder met gezag', 'Tim Bakker, ouder met gezag'], 'scenario-10');
  await axe(page, 'controle (complete)');
  await screenshot(page, 'stap-7-controle');
  // The paper version for the dossier: only the paper form, no navigation, buttons or pads;
  // the signatures redrawn from their vectors.
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('.kt-stappen').evaluate((el) => getComputedStyle(el).display), 'none');
  assert.equal(await page.getByTestId('ondertekenen').evaluate((el) => getComputedStyle(el).display), 'none');
  assert.equal(await page.locator('#veld-consent-signers-0-signature').evaluate((el) => getComputedStyle(el).display), 'none');
  const paper = page.getByTestId('papier');
  assert.equal(await paper.evaluate((el) => getComputedStyle(el).display), 'block');
  assert.match(await paper.textContent(), /Noor Bakker · dossier LM-2026-1001.*Vertegenwoordiger: Tim Bakker, ouder met gezag\./s);
  assert.equal(await paper.locator('svg.kt-papier-krabbel').count(), 2, 'both signatures drawn on paper');
  await screenshot(page, 'stap-7-controle-afdruk');
  await page.emulateMedia({ media: 'screen' });
  const record = await signed(page, problems, 'scenario-10');
  await axe(page, 'ondertekend');
  assert.equal(record.representation.ageBand, 'under12');
  assert.deepEqual(record.professional, { name: 'Sanne de Vries', organisation: 'Sociaal Team Landsmeer', role: 'Wmo-consulent' }, 'the unlocked professional');
  assert.deepEqual(record.consent.signers.map((s) => [s.name, s.role, s.relationship]), [
    ['Eva Bakker', 'representative', 'parentWithAuthority'],
    ['Tim Bakker', 'representative', 'parentWithAuthority'],
  ]);
  assert.ok(record.consent.signers.every((s) => s.signature.strokes.length >= 1 && s.date === f.CONVERSATION));
  assert.deepEqual(record.consent.categories.map((c) => [c.category, c.partners]), [['health', ['jeugdhulpaanbieder']]]);
  assert.equal(record.assent.outcome, 'given');
  assert.deepEqual(record.helpQuestion.domains, ['youth', 'care']);
  for (const s of record.consent.signers) {
    for (const stroke of s.signature.strokes) for (const [x, y] of stroke) assert.ok(x >= 0 && x <= 10000 && y >= 0 && y <= 10000);
  }
  await context.close();
});

test('a 14-year-old with one parent: parent and child both sign', async () => {
  const { context, page, problems } = await tabletPage(browser, server.url, { width: 768, height: 1024 });
  await f.newConversation(page, server.url);
  await f.gesprek(page, { dossier: 'LM-2026-1002', name: 'Daan Jansen', birth: '2012-03-15', domains: ['jeugd'] });
  await f.step(page, 'vertegenwoordiging');
  assert.equal(await page.getByTestId('leeftijd-uitleg').textContent(), 'Cliënt is 14: ouder/voogd én cliënt tekenen samen (art. 12 lid 1).');
  await f.addRepresentative(page, 0, 'Mila Jansen', 'parentWithAuthority');
  await f.step(page, 'instemming');
  await f.instemming(page, ['jeugd-en-gezin']);
  await f.step(page, 'bijzonder');
  await f.bijzonder(page, { health: ['jeugd-en-gezin'], criminal: ['jeugd-en-gezin'] });
  // In portrait the step bar shows each step's status too.
  assert.equal(await page.getByTestId('stap-status').first().isVisible(), true, 'step status visible in portrait');
  assert.equal(await page.getByTestId('stap-status').first().textContent(), 'in orde');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `no horizontal scrolling in portrait (${overflow}px)`);
  await finish(page, problems, ['Mila Jansen, ouder met gezag', 'Daan Jansen, cliënt'], 'scenario-14', [
    'Jij en Mila Jansen geven samen toestemming dat Sociaal Team Landsmeer gegevens over jouw gezondheid deelt met Centrum voor Jeugd en Gezin. Waarvoor: Nodig om de ondersteuning af te stemmen (health).',
    'Jij en Mila Jansen geven samen toestemming dat Sociaal Team Landsmeer gegevens over jouw contacten met politie en justitie deelt met Centrum voor Jeugd en Gezin. Waarvoor: Nodig om de ondersteuning af te stemmen (criminal).',
    'Voor andere gegevens en andere organisaties is er geen toestemming.',
    'Jullie kunnen deze toestemming altijd intrekken, helemaal of voor een deel. Dat kan op een formulier zoals dit.',
  ]);
  const record = await signed(page, problems, 'scenario-14');
  assert.equal(record.representation.ageBand, 'from12To15');
  assert.deepEqual(record.consent.signers.map((s) => s.role), ['representative', 'client']);
  assert.deepEqual(record.consent.categories.map((c) => c.category), ['health', 'criminal']);
  assert.deepEqual(record.assent.givenBy.map((d) => d.name), ['Mila Jansen', 'Daan Jansen']);
  await context.close();
});

test('a 45-year-old judged incapable, represented by a mentor', async () => {
  const { context, page, problems } = await tabletPage(browser, server.url);
  await f.newConversation(page, server.url);
  await f.gesprek(page, { dossier: 'LM-2026-1003', name: 'Wim Kramer', birth: '1981-02-10', domains: ['zorg', 'wonen'] });
  await f.step(page, 'vertegenwoordiging');
  assert.match(await page.getByTestId('leeftijd-uitleg').textContent(), /^Cliënt is 45: de cliënt beslist en tekent zelf/);
  await f.tapLabel(page, 'capaciteit-incapable');
  await f.fill(page, 'veld-representation-capacity-reason', 'Niet-aangeboren hersenletsel; kan de gevolgen van gegevensdeling niet overzien.');
  await f.fill(page, 'veld-representation-capacity-judgedBy', 'Sanne de Vries, Wmo-consulent');
  assert.match(await page.getByTestId('leeftijd-uitleg').textContent(), /^Cliënt is 45 en niet in staat/);
  await f.addRepresentative(page, 0, 'Karin Mulder', 'mentor');
  await f.step(page, 'instemming');
  await f.instemming(page, ['wmo-zorgaanbieder', 'huisarts']);
  await f.step(page, 'bijzonder');
  await f.bijzonder(page, { health: ['wmo-zorgaanbieder', 'huisarts'] });
  await finish(page, problems, ['Karin Mulder, mentor'], 'scenario-45');
  const record = await signed(page, problems, 'scenario-45');
  assert.equal(record.representation.capacity.judgedIncapable, true);
  assert.deepEqual(record.consent.signers.map((s) => [s.name, s.relationship]), [['Karin Mulder', 'mentor']]);
  assert.deepEqual(record.consent.categories[0].partners, ['wmo-zorgaanbieder', 'huisarts']);
  await context.close();
});

test('a client who cannot draw confirms in the professional\'s presence instead', async () => {
  const { context, page, problems } = await tabletPage(browser, server.url);
  await f.newConversation(page, server.url);
  await f.gesprek(page, { dossier: 'LM-2026-1004', name: 'Els Bakker', birth: '1950-07-01', domains: ['zorg'] });
  await f.step(page, 'instemming');
  await f.instemming(page, ['wmo-zorgaanbieder']);
  await f.step(page, 'bijzonder');
  await f.bijzonder(page, { health: ['wmo-zorgaanbieder'] });
  await f.step(page, 'controle');
  await f.tapLabel(page, 'alternatief-0');
  // The witness is the professional of this conversation; the reason is asked for, beside its field.
  const reason = 'veld-consent-signers-0-signature-alternative-reason';
  assert.equal(await page.locator('#veld-consent-signers-0-signature-alternative-witnessedBy').inputValue(), 'Sanne de Vries');
  await page.locator(`#${reason}-meldingen [data-code]`).waitFor();
  assert.equal(await page.locator(`#${reason}`).getAttribute('aria-invalid'), 'true');
  await page.getByTestId('status-open').waitFor();
  await f.fill(page, reason, 'Kan door een trillende hand niet schrijven; bevestigt mondeling.');
  await page.getByTestId('status-compleet').waitFor({ timeout: 5000 });
  await screenshot(page, 'scenario-bevestiging-controle');
  const record = await signed(page, problems, 'scenario-bevestiging');
  assert.deepEqual(record.consent.signers[0].signature.alternative, {
    reason: 'Kan door een trillende hand niet schrijven; bevestigt mondeling.',
    witnessedBy: 'Sanne de Vries',
  });
  await context.close();
});

test('partners are chosen once, when informing: assent and categories offer those; one added there joins the informing list, visibly', async () => {
  const { context, page, problems } = await tabletPage(browser, server.url);
  await f.newConversation(page, server.url);
  await f.gesprek(page, { dossier: 'LM-2026-1010', name: 'Ahmed El Amrani', birth: '1981-06-30', domains: ['werk'] });
  await f.step(page, 'instemming');
  await f.tapLabel(page, 'veld-informing-explained');
  await f.tapLabel(page, 'informing-uitwisseling');
  await f.chips(page, 'veld-informing-partners', ['participatie', 'huisarts']);
  await f.tapLabel(page, 'instemming-given');
  const shown = (fieldset) => page.locator(`#${fieldset} > .kt-chips [data-partner]`).evaluateAll((bs) => bs.map((b) => b.dataset.partner));
  assert.deepEqual(await shown('veld-assent-provision-partners'), ['participatie', 'huisarts'], 'the assent offers the partners told about');
  await f.step(page, 'bijzonder');
  await f.tapLabel(page, 'categorie-health');
  assert.deepEqual(await shown('veld-consent-categories-0-partners'), ['participatie', 'huisarts']);
  // Another organisation, added for this category: the client is to be told about it too.
  const grid = page.locator('#veld-consent-categories-0-partners');
  await grid.locator('summary').tap();
  await grid.locator('details [data-partner="wmo-zorgaanbieder"]').tap();
  assert.match(await grid.getByTestId('partner-toegevoegd').textContent(), /^Gecontracteerde Wmo-zorgaanbieder staat nu ook bij de partners waarover de cliënt wordt geïnformeerd/);
  assert.deepEqual(await shown('veld-consent-categories-0-partners'), ['wmo-zorgaanbieder', 'participatie', 'huisarts'], 'now offered with the others');
  assert.equal(await grid.locator('[data-partner="wmo-zorgaanbieder"]').first().getAttribute('aria-pressed'), 'true');
  await f.step(page, 'instemming');
  assert.equal(await page.locator('#veld-informing-partners [data-partner="wmo-zorgaanbieder"]').getAttribute('aria-pressed'), 'true', 'on the informing list now');
  // The explanation names it too.
  await f.step(page, 'uitleg');
  assert.match(await page.locator('.kt-uitleg').textContent(), /We willen gegevens kunnen delen met:.*Wmo-zorgaanbieder/s);
  // Taken off the informing list: off the category as well (the client was not told about it).
  await f.step(page, 'instemming');
  await f.chips(page, 'veld-informing-partners', ['huisarts']);
  await f.step(page, 'bijzonder');
  assert.equal(await page.locator('#veld-consent-categories-0-partners > .kt-chips [data-partner="huisarts"]').count(), 0);
  assert.equal(await page.locator('#veld-consent-categories-0-partners [data-partner="huisarts"]').getAttribute('aria-pressed'), 'false');
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});
