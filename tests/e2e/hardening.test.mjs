// Hardening, as a red team found it: a portal module stays in its own box (its own events, bad
// mounts refused in Dutch, a hostile profile refused while a mounted module keeps working), the
// service worker answers only for keukentafel's own files, and a name with a right-to-left
// override cannot reorder the words around it — on screen and on paper.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { serve, launch, tabletPage, screenshot, assertCspAndOrigin, DIST } from './lib.mjs';
import * as f from './flow.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); assertCspAndOrigin(); });

/** The portal page with its module unlocked, and a log of which element heard which event. */
async function portal(page) {
  await f.enter(page, server.url);
  await page.goto(server.url + 'portal/');
  await f.enter(page, null);
  await page.locator('#keukentafel [data-testid="nieuw-gesprek"]').waitFor();
  await page.evaluate(() => {
    window.heard = [];
    window.listen = (el) => {
      for (const name of ['draft-saved', 'signed', 'pending']) el.addEventListener(name, () => window.heard.push(`${el.id}:${name}`));
    };
    window.listen(document.getElementById('keukentafel'));
  });
}

/** Types in a new conversation of module A until it reports a save. */
async function typeInA(page, text) {
  const before = await page.evaluate(() => window.heard.length);
  const a = page.locator('#keukentafel');
  if (await a.getByTestId('nieuw-gesprek').count()) await a.getByTestId('nieuw-gesprek').tap();
  await a.locator('#veld-client-name').fill(text);
  await page.waitForFunction((n) => window.heard.slice(n).includes('keukentafel:draft-saved'), before);
}

const mountError = (page, expr) => page.evaluate((e) => {
  try {
    // eslint-disable-next-line no-new-func
    new Function('k', e)(window.keukentafel);
    return null;
  } catch (err) {
    return err.message;
  }
}, expr);

test('two modules on one page: each hears only its own events, and unmounting one leaves the other working', async () => {
  const { context, page, problems } = await tabletPage(browser, server.url, { width: 1280, height: 900 });
  await portal(page);
  await page.evaluate(() => {
    const b = document.createElement('div');
    b.id = 'tweede';
    document.body.append(b);
    window.listen(b);
    window.second = window.keukentafel.mount(b, {});
  });
  await page.waitForFunction(() => document.getElementById('tweede').children.length > 0);
  await typeInA(page, 'Cliënt van module A');
  assert.ok(!(await page.evaluate(() => window.heard)).some((h) => h.startsWith('tweede:draft-saved')), 'B heard nothing of A');
  await page.evaluate(() => window.second.unmount());
  assert.equal(await page.locator('#tweede *').count(), 0, 'B is gone');
  await typeInA(page, 'Cliënt van module A, na het weghalen van B');
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

test('bad mounts are refused with a Dutch reason, and a 5 000-deep profile does not stop the module already mounted', async () => {
  const { context, page, problems } = await tabletPage(browser, server.url, { width: 1280, height: 900 });
  await portal(page);
  for (const call of ['k.mount(null)', 'k.mount("#keukentafel")', 'k.mount({})']) {
    assert.match(await mountError(page, call) ?? 'geen fout', /geef een HTML-element/, call);
  }
  assert.match(await mountError(page, 'k.mount(document.getElementById("keukentafel"))') ?? 'geen fout', /staat al een keukentafel-module/);
  const typo = await mountError(page, 'const d = document.createElement("div"); document.body.append(d); k.mount(d, { profesional: { name: "X" } })');
  assert.match(typo ?? 'geen fout', /profesional/, 'the unknown key is named');
  assert.doesNotMatch(typo, /unknown field|expected/, 'in Dutch');
  const deep = await mountError(page, `
    let p = {}; const top = p;
    for (let i = 0; i < 5000; i++) { p.x = {}; p = p.x; }
    const d = document.createElement('div'); document.body.append(d);
    k.mount(d, { profile: top })`);
  assert.match(deep ?? 'geen fout', /^keukentafel: ongeldige configuratie: .*(diep|nest)/i, deep);
  // The module mounted before still saves.
  await typeInA(page, 'Nog steeds aan het werk');
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

test('should the wasm trap after all, the module says so in Dutch instead of looking alive', async () => {
  const { context, page } = await tabletPage(browser, server.url, { width: 1280, height: 900 });
  await portal(page);
  // A real trap: an export called with a pointer far outside the wasm's memory, from a task, as
  // a fault in an event handler would be (uncaught).
  await page.evaluate(async () => {
    const { default: init } = await import('/keukentafel.js');
    const wasm = await init();
    setTimeout(() => wasm.handle_unmount(0xfffffff0), 0);
  });
  const notice = page.locator('#keukentafel [data-testid="module-gestopt"]');
  await notice.waitFor();
  assert.match(await notice.textContent(), /^keukentafel is gestopt door een fout en bewaart niets meer\. Wat als opgeslagen is gemeld, staat veilig/);
  assert.equal(await notice.getAttribute('role'), 'alert');
  await screenshot(page, 'module-gestopt');
  await context.close();
});

test('the service worker answers only for keukentafel: a sibling page of the portal on the same origin stays the portal\'s', async () => {
  const sibling = join(DIST, 'portal', 'nieuws.html');
  writeFileSync(sibling, '<!DOCTYPE html><html lang="nl"><title>Nieuws van het portaal</title><h1 id="nieuws">Nieuws</h1></html>');
  try {
    const { context, page } = await tabletPage(browser, server.url);
    await f.enter(page, server.url);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20000 });
    await page.goto(server.url + 'portal/nieuws.html');
    await page.locator('#nieuws').waitFor();
    assert.equal(await page.title(), 'Nieuws van het portaal');
    // A page that does not exist is the server's 404, not the app.
    const res = await page.goto(server.url + 'portal/bestaat-niet.html');
    assert.equal(res.status(), 404);
    assert.equal(await page.locator('#kluis-naam, #kluis-ontgrendel, [data-testid="ontgrendeld-als"]').count(), 0);
    // The app and the portal's own example page still come from the worker offline.
    await context.setOffline(true);
    await page.goto(server.url);
    await page.locator('#kluis-ontgrendel, [data-testid="ontgrendeld-als"]').first().waitFor();
    await context.close();
  } finally {
    rmSync(sibling, { force: true });
  }
});

test('a portal can do without the service worker', async () => {
  const page1 = join(DIST, 'portal', 'zonder-sw.html');
  const script = join(DIST, 'portal', 'zonder-sw.js');
  writeFileSync(page1, '<!DOCTYPE html><html lang="nl"><title>Portaal zonder service worker</title><link rel="stylesheet" href="/keukentafel.css" /><div id="k"></div><script type="module" src="zonder-sw.js"></script></html>');
  writeFileSync(script, "import init, { mount } from '/keukentafel.js';\nawait init();\nmount(document.getElementById('k'), { serviceWorker: false });\nwindow.mounted = true;\n");
  try {
    const { context, page } = await tabletPage(browser, server.url);
    await page.goto(server.url + 'portal/zonder-sw.html');
    await page.waitForFunction(() => window.mounted === true);
    await page.locator('#kluis-naam, #enrol-naam, input').first().waitFor();
    await page.waitForTimeout(3000); // the module registers after start-up, when idle
    assert.equal(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length), 0);
    await context.close();
  } finally {
    rmSync(page1, { force: true });
    rmSync(script, { force: true });
  }
});

/** Whether, on screen, `first` is drawn left of `second` inside `locator`'s text. */
function drawnInOrder(locator, first, second) {
  return locator.evaluate((el, [a, b]) => {
    const rect = (s) => {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const i = n.textContent.indexOf(s);
        if (i >= 0) {
          const r = document.createRange();
          r.setStart(n, i);
          r.setEnd(n, i + 1);
          return r.getBoundingClientRect();
        }
      }
      return null;
    };
    const ra = rect(a);
    const rb = rect(b);
    if (!ra || !rb) return `niet gevonden: ${!ra ? a : b} in ${el.textContent}`;
    return ra.top === rb.top ? ra.left < rb.left : ra.top < rb.top;
  }, [first, second]);
}

test('a name with a right-to-left override does not reverse the words after it, on screen and on paper', async () => {
  const { context, page, problems } = await tabletPage(browser, server.url);
  await f.newConversation(page, server.url);
  await f.gesprek(page, { dossier: 'LM-2026-0202', name: 'Piet \u202Etekjal', birth: '1981-06-30', domains: ['zorg'] });
  await f.step(page, 'instemming');
  await f.instemming(page, ['wmo-zorgaanbieder']);
  await f.step(page, 'bijzonder');
  await f.bijzonder(page, { health: ['wmo-zorgaanbieder'] });
  await f.step(page, 'controle');
  // The signer's heading: "Handtekening van Piet tekjal, cliënt" — "cliënt" reads c…t, left to right.
  const heading = page.locator('.kt-stap-inhoud[data-stap="controle"] h4').filter({ hasText: 'cliënt' }).first();
  assert.equal(await drawnInOrder(heading, 'Handtekening', 'cliënt'), true);
  assert.equal(await drawnInOrder(heading, 'c', 'ë'), true, 'cliënt is not mirrored');
  // The control: the same text without isolation is drawn mirrored, and the measure sees it.
  await page.evaluate(() => {
    const p = document.createElement('p');
    p.id = 'controle-zonder-isolatie';
    p.textContent = 'Handtekening van Piet \u202Etekjal, cliënt';
    document.querySelector('main').append(p);
  });
  assert.equal(await drawnInOrder(page.locator('#controle-zonder-isolatie'), 'c', 'ë'), false, 'the control is mirrored');
  await page.evaluate(() => document.getElementById('controle-zonder-isolatie').remove());
  // The finding beside the pad names him too: "De handtekening van Piet tekjal ontbreekt: …".
  const finding = page.getByText(/De handtekening van .* ontbreekt/).first();
  assert.equal(await drawnInOrder(finding, 'handtekening', 'ontbreekt'), true);
  assert.equal(await drawnInOrder(finding, 'ontbreekt', 'leeg'), true);
  await screenshot(page, 'bidi-controle');
  // The paper version for the dossier.
  await page.emulateMedia({ media: 'print' });
  const paper = page.locator('.kt-alleen-afdruk');
  const line = paper.locator('li').filter({ hasText: 'dossier LM-2026-0202' }).first();
  assert.equal(await drawnInOrder(line, '·', 'LM-2026-0202'), true, 'the dossier reference follows the name');
  assert.equal(await drawnInOrder(line, 'd', 'L'), true, '"dossier" precedes the reference');
  await page.emulateMedia({ media: 'screen' });
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

test('the strict JWS reader is the same in the browser: the portal\'s verify() refuses what keukentafel verify refuses, with the same code and a Dutch reason', async () => {
  const { readFileSync, mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const jose = await import('jose');
  const record = JSON.parse(readFileSync(join(f.ROOT, 'examples', 'records', 'valid-16-plus.json'), 'utf8'));
  const { privateKey, publicKey } = await jose.generateKeyPair('ES256', { extractable: true });
  const jwk = await jose.exportJWK(publicKey);
  const kid = await jose.calculateJwkThumbprint(jwk);
  const good = await new jose.FlattenedSign(new TextEncoder().encode(JSON.stringify(record))).setProtectedHeader({ alg: 'ES256', jwk, kid }).sign(privateKey);
  const b64 = (text) => Buffer.from(text).toString('base64url');
  const jwkText = JSON.stringify(jwk);
  const offCurve = { ...jwk, x: Buffer.alloc(32, 7).toString('base64url') };
  const cases = {
    'alg twice in the protected header': { ...good, protected: b64(`{"alg":"ES256","jwk":${jwkText},"kid":"${kid}","alg":"none"}`) },
    'a second jwk in the protected header': { ...good, protected: b64(`{"alg":"ES256","jwk":${jwkText},"kid":"${kid}","jwk":${JSON.stringify({ ...jwk, d: 'AAAA' })}}`) },
    'an unprotected header': { ...good, header: { kid: 'iets anders' } },
    'b64 as a string': { ...good, protected: b64(`{"alg":"ES256","jwk":${jwkText},"kid":"${kid}","b64":"false","crit":["b64"]}`) },
    'no alg': { ...good, protected: b64(`{"jwk":${jwkText},"kid":"${kid}"}`) },
    'a key that is not on the curve': { ...good, protected: b64(JSON.stringify({ alg: 'ES256', jwk: offCurve, kid: await jose.calculateJwkThumbprint(offCurve) })) },
    'a file over the size limit': { ...good, payload: 'A'.repeat(5 * 1024 * 1024) },
  };
  const dir = mkdtempSync(join(tmpdir(), 'kt-jws-'));
  const { context, page } = await tabletPage(browser, server.url);
  await page.goto(server.url + 'portal/');
  await page.waitForFunction(() => window.keukentafel?.verify);
  assert.equal((await page.evaluate((t) => window.keukentafel.verify(t), JSON.stringify(good))).valid, true, 'the control verifies');
  for (const [what, jws] of Object.entries(cases)) {
    const text = JSON.stringify(jws);
    const file = join(dir, `${what.replace(/\W+/g, '-')}.jws.json`);
    writeFileSync(file, text);
    const cli = f.verifyCli([file]).lines[0];
    const web = await page.evaluate((t) => window.keukentafel.verify(t), text);
    assert.equal(cli.valid, false, `${what}: the CLI refuses`);
    assert.equal(web.valid, false, `${what}: the browser refuses`);
    assert.equal(web.errorCode, cli.errorCode, `${what}: the same code (${cli.errorCode})`);
    assert.ok(web.error && web.error.length > 10, `${what}: a reason is given: ${web.error}`);
    assert.doesNotMatch(web.error, /missing field|expected|unknown field|invalid type|recursion/i, `${what}: in Dutch: ${web.error}`);
  }
  await context.close();
});
