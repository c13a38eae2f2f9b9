// Keyboard alone: enrolling, unlocking and the form are reachable and operable, and focus is
// visible.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, tabletPage, assertCspAndOrigin } from './lib.mjs';
import * as f from './flow.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); assertCspAndOrigin(); });

async function tabTo(page, predicate, max = 80) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(predicate)) return true;
  }
  return false;
}

const focusVisible = (page) => page.evaluate(() => {
  const s = getComputedStyle(document.activeElement);
  return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
});

test('enrol and unlock with the keyboard alone', async () => {
  const { context, page } = await tabletPage(browser, server.url);
  await page.goto(server.url);
  await page.locator('#kluis-naam').waitFor();
  assert.ok(await tabTo(page, () => document.activeElement?.id === 'kluis-naam'));
  assert.equal(await focusVisible(page), true);
  await page.keyboard.type('Toetsenbord Professional');
  assert.ok(await tabTo(page, () => document.activeElement?.id === 'kluis-wachtwoord'));
  await page.keyboard.type('een lange zin als wachtwoord');
  await page.keyboard.press('Tab');
  await page.keyboard.type('een lange zin als wachtwoord');
  await page.keyboard.press('Enter');
  await page.getByTestId('ontgrendeld-als').waitFor({ timeout: 20000 });
  // Lock with the keyboard, unlock with the keyboard.
  assert.ok(await tabTo(page, () => document.activeElement?.dataset.testid === 'vergrendel', 200));
  await page.keyboard.press('Enter');
  await page.locator('#kluis-ontgrendel').waitFor();
  assert.ok(await tabTo(page, () => document.activeElement?.id === 'kluis-ontgrendel'));
  assert.equal(await focusVisible(page), true);
  await page.keyboard.type('een lange zin als wachtwoord');
  await page.keyboard.press('Enter');
  await page.getByTestId('nieuw-gesprek').waitFor({ timeout: 20000 });
  await context.close();
});

test('a form can be started and filled with the keyboard alone, with visible focus', async () => {
  const { context, page } = await tabletPage(browser, server.url);
  await f.enter(page, server.url);
  await page.getByTestId('nieuw-gesprek').waitFor();
  assert.ok(await tabTo(page, () => document.activeElement?.dataset.testid === 'nieuw-gesprek'));
  assert.equal(await focusVisible(page), true, 'focus ring on the button');
  await page.keyboard.press('Enter');
  await page.locator('.kt-stap-inhoud[data-stap="gesprek"]').waitFor();
  assert.ok(await tabTo(page, () => document.activeElement?.id === 'veld-client-name'));
  await page.keyboard.type('Toetsenbord Cliënt');
  assert.equal(await page.locator('#veld-client-name').inputValue(), 'Toetsenbord Cliënt');
  // A checkbox with Space.
  assert.ok(await tabTo(page, () => document.activeElement?.id === 'domein-zorg'));
  await page.keyboard.press('Space');
  assert.equal(await page.locator('#domein-zorg').isChecked(), true);
  // The step bar with Enter, then a partner toggle with Space.
  assert.ok(await tabTo(page, () => document.activeElement?.dataset.stap === 'instemming', 200), 'the step bar is reachable');
  await page.keyboard.press('Enter');
  await page.locator('.kt-stap-inhoud[data-stap="instemming"]').waitFor();
  assert.ok(await tabTo(page, () => document.activeElement?.dataset.partner === 'sociaal-team'));
  assert.equal(await focusVisible(page), true, 'focus ring on the partner toggle');
  await page.keyboard.press('Space');
  assert.equal(await page.locator('#veld-informing-partners [data-partner="sociaal-team"]').getAttribute('aria-pressed'), 'true');
  // A radio button with Space.
  assert.ok(await tabTo(page, () => document.activeElement?.name === 'instemming'));
  await page.keyboard.press('Space');
  assert.equal(await page.locator('#instemming-given').isChecked(), true);
  await context.close();
});
