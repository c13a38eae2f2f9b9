// The vault (issue: per-professional vault): nothing readable at rest — not in localStorage,
// IndexedDB or Cache Storage, not anywhere in the profile folder on disk; two professionals on
// one tablet see and sign only their own; a save reported as saved survives the browser being
// killed; the app locks after the idle time, when hidden, never mid-stroke, and returns to the
// same field; wrong passphrases are counted and five wipe that professional's drafts while the
// sealed record stays, opened by npm jose, PyPI jwcrypto and the CLI; vanished keys are said;
// the tablet can be wiped; the passphrase can be changed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import * as jose from 'jose';
import { serve, launch, tabletPage, launchProfile, screenshot, ARTIFACTS, assertCspAndOrigin } from './lib.mjs';
import * as f from './flow.mjs';

const DEMO_KEY = join(f.ROOT, 'examples', 'keys', 'municipality-demo.private.jwk.json');
const EVA = { name: 'Eva Jansen', organisation: 'Centrum voor Jeugd en Gezin', role: 'Jeugdprofessional', secret: 'een heel ander wachtwoord' };

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); assertCspAndOrigin(); });

/** Every file under `dir`. */
function files(dir) {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    let st;
    try { st = statSync(p); } catch { return []; }
    return st.isDirectory() ? files(p) : st.isFile() ? [p] : [];
  });
}

/** The files of `dir` in which `needle` occurs as UTF-8 or UTF-16 text (or as bytes). */
function grep(dir, needle) {
  const forms = typeof needle === 'string'
    ? [Buffer.from(needle, 'utf8'), Buffer.from(needle, 'utf16le')]
    : [Buffer.from(needle)];
  return files(dir).filter((p) => {
    let b;
    try { b = readFileSync(p); } catch { return false; }
    return forms.some((x) => b.includes(x));
  });
}

/** Everything the page's origin keeps, as text: localStorage, every IndexedDB store (values
 * turned to text, binary as bytes), Cache Storage; and whether any CryptoKey is stored. */
async function originContents(page) {
  return page.evaluate(async () => {
    const out = { local: JSON.stringify({ ...localStorage }), idb: '', cache: '', cryptoKeys: 0 };
    const walk = (v) => {
      if (v instanceof CryptoKey) { out.cryptoKeys++; return '[CryptoKey]'; }
      if (v instanceof ArrayBuffer || ArrayBuffer.isView(v)) return new TextDecoder('latin1').decode(v);
      if (Array.isArray(v)) return v.map(walk).join(' ');
      if (v && typeof v === 'object') return Object.entries(v).map(([k, x]) => `${k}:${walk(x)}`).join(' ');
      return String(v);
    };
    for (const { name } of await indexedDB.databases()) {
      const db = await new Promise((ok, no) => { const r = indexedDB.open(name); r.onsuccess = () => ok(r.result); r.onerror = () => no(r.error); });
      for (const store of db.objectStoreNames) {
        const all = await new Promise((ok, no) => { const g = db.transaction(store).objectStore(store).getAll(); g.onsuccess = () => ok(g.result); g.onerror = () => no(g.error); });
        out.idb += walk(all);
      }
      db.close();
    }
    for (const name of await caches.keys()) {
      const c = await caches.open(name);
      for (const req of await c.keys()) out.cache += await (await c.match(req)).text();
    }
    return out;
  });
}

/** The sealed records the tablet keeps (ciphertext for the municipality). */
async function sealedRecords(page) {
  return page.evaluate(() => new Promise((ok, no) => {
    const r = indexedDB.open('keukentafel');
    r.onsuccess = () => {
      const g = r.result.transaction('sealed').objectStore('sealed').getAll();
      g.onsuccess = () => { ok(g.result); r.result.close(); };
      g.onerror = () => no(g.error);
    };
    r.onerror = () => no(r.error);
  }));
}

/** A consent for a client with these details, signed (one signer: the client, 16+). */
async function signedConsent(page, { dossier, name, birth, purpose }) {
  await f.press(page, page.getByTestId('nieuw-gesprek'));
  await page.locator('.kt-stap-inhoud[data-stap="gesprek"]').waitFor();
  await f.gesprek(page, { dossier, name, birth, domains: ['zorg'] });
  await f.step(page, 'instemming');
  await f.instemming(page, ['huisarts']);
  await f.step(page, 'bijzonder');
  await f.tapLabel(page, 'categorie-health');
  await f.fill(page, 'veld-consent-categories-0-purpose', purpose);
  await f.chips(page, 'veld-consent-categories-0-partners', ['huisarts']);
  await f.tapLabel(page, 'toestemming-given');
  await f.step(page, 'controle');
  await f.drawTouch(page, 'veld-consent-signers-0-signature');
  await page.getByTestId('status-compleet').waitFor();
  await f.press(page, page.getByTestId('ondertekenen'));
  await page.getByTestId('ondertekend-kop').waitFor();
  const file = await f.signedFile(page);
  await f.press(page, page.getByRole('button', { name: 'Terug naar het overzicht' }));
  return file;
}

test('nothing the professional typed is readable at rest: not in the origin\'s storage, not in the profile folder on disk', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kt-profiel-'));
  const chrome = await launchProfile(dir);
  const page = await chrome.context.newPage();
  page.__clicks = true;
  await page.setViewportSize({ width: 1024, height: 768 });
  await f.enter(page, server.url);
  const client = { dossier: 'LM-KLUIS-4242', name: 'Fenna Wijnaldum', birth: '2008-07-23', purpose: 'Astma: gezondheidsgegevens nodig voor de jeugdhulp' };
  // One signed record (kept sealed until delivered) and one draft in progress.
  await signedConsent(page, client);
  await f.press(page, page.getByTestId('nieuw-gesprek'));
  await f.fill(page, 'veld-client-name', 'Jorrit Hoekstra-Zandbergen');
  await f.fill(page, 'veld-client-dossierReference', 'LM-KLUIS-5353');
  await page.getByTestId('opgeslagen').waitFor();
  const needles = [client.name, client.dossier, client.birth, client.purpose, 'Jorrit Hoekstra-Zandbergen', 'LM-KLUIS-5353'];
  const stored = await originContents(page);
  for (const n of needles) {
    assert.ok(!stored.local.includes(n), `${n} in localStorage`);
    assert.ok(!stored.idb.includes(n), `${n} in IndexedDB`);
    assert.ok(!stored.cache.includes(n), `${n} in Cache Storage`);
  }
  assert.equal(stored.cryptoKeys, 0, 'no CryptoKey is stored: the keys are only wrapped bytes');
  // The control: a plaintext marker in localStorage and IndexedDB, and a key stored the way the
  // version before the vault stored its device key — the search below must find those.
  await page.evaluate(async () => {
    localStorage.setItem('controle', 'KLARE-TEKST-CONTROLE-LS');
    const db = await new Promise((ok) => { const r = indexedDB.open('controle', 1); r.onupgradeneeded = () => r.result.createObjectStore('s'); r.onsuccess = () => ok(r.result); });
    const key = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign']);
    await new Promise((ok) => { const t = db.transaction('s', 'readwrite', { durability: 'strict' }); t.objectStore('s').put({ text: 'KLARE-TEKST-CONTROLE-IDB', key: key.privateKey }, 1); t.oncomplete = ok; });
    db.close();
  });
  await chrome.close();
  // The search works: it finds the plaintext markers and the stored key's curve OID.
  const P256_OID = [0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07];
  assert.ok(grep(dir, 'KLARE-TEKST-CONTROLE-LS').length > 0, 'the control marker in localStorage is found on disk');
  assert.ok(grep(dir, 'KLARE-TEKST-CONTROLE-IDB').length > 0, 'the control marker in IndexedDB is found on disk');
  const keyFiles = grep(dir, P256_OID);
  assert.ok(keyFiles.length > 0, 'a stored CryptoKey leaves its key material (and curve OID) on disk');
  // Only the control's database holds key material; nothing of the client is anywhere.
  assert.ok(keyFiles.every((p) => p.includes('controle') || !p.includes('keukentafel')), keyFiles.join(', '));
  for (const n of needles) assert.deepEqual(grep(dir, n), [], `${n} found on disk`);
  console.log(`  searched ${files(dir).length} files of the profile folder`);
});

test('two professionals on one tablet: each sees and signs only their own', async () => {
  const { context, page, problems } = await tabletPage(browser, server.url);
  await f.enter(page, server.url);
  await context.setOffline(true); // signed records stay until delivered (delivery.test.mjs)
  const a = await signedConsent(page, { dossier: 'LM-A-1', name: 'Anna Anders', birth: '1980-01-01', purpose: 'Gezondheid, voor de Wmo' });
  await f.press(page, page.getByTestId('nieuw-gesprek'));
  await f.fill(page, 'veld-client-name', 'Concept van Sanne');
  await page.getByTestId('opgeslagen').waitFor();
  await f.press(page, page.getByTestId('vergrendel'));
  // Eva enrols on the same tablet; she sees none of Sanne's drafts or records.
  await f.press(page, page.getByTestId('kluis-nieuw'));
  await f.enrolHere(page, EVA);
  assert.equal(await page.getByTestId('ontgrendeld-als').textContent(), 'Eva Jansen');
  await page.getByText('Er zijn geen concepten.').waitFor();
  const b = await signedConsent(page, { dossier: 'LM-B-1', name: 'Bram Bos', birth: '1979-01-01', purpose: 'Gezondheid, voor de huisarts' });
  await page.getByTestId('concept').waitFor();
  assert.equal(await page.getByTestId('concept').count(), 1, 'only her own record');
  assert.doesNotMatch(await page.locator('main').textContent(), /Concept van Sanne|Anna Anders/);
  // Who is enrolled is shown by name only, on the unlock screen.
  await f.press(page, page.getByTestId('vergrendel'));
  await page.locator('#kluis-ontgrendel').waitFor();
  assert.deepEqual(await page.getByTestId('kluis-naam').allTextContents(), ['Sanne de Vries', 'Eva Jansen']);
  await screenshot(page, 'ontgrendelen-twee-professionals');
  // Eva's passphrase does not open Sanne's vault.
  await f.press(page, page.getByTestId('kluis-naam').filter({ hasText: 'Sanne de Vries' }));
  await page.locator('#kluis-ontgrendel').fill(EVA.secret);
  await f.press(page, page.getByTestId('kluis-ontgrendelen'));
  await page.getByTestId('kluis-fout').waitFor();
  // Each record carries its signer's key and name.
  const ka = f.verifyCli([a.path], ['--today', '2026-11-30']).lines[0];
  const kb = f.verifyCli([b.path], ['--today', '2026-11-30']).lines[0];
  assert.notEqual(ka.kid, kb.kid);
  assert.equal(f.payloadOf(a.text).professional.name, 'Sanne de Vries');
  assert.equal(f.payloadOf(b.text).professional.name, 'Eva Jansen');
  // The back office enrols Sanne's key only: her record is accepted, Eva's refused.
  const { protectedHeader } = await jose.flattenedVerify(JSON.parse(a.text), jose.EmbeddedJWK);
  const jwks = join(f.EXPORTS, 'alleen-sanne.jwks');
  writeFileSync(jwks, JSON.stringify({ keys: [{ ...protectedHeader.jwk, name: 'Sanne de Vries' }] }));
  const r = f.verifyCli([a.path, b.path], ['--today', '2026-11-30', '--keys', jwks]);
  assert.equal(r.code, 1);
  assert.deepEqual(r.lines.map((l) => [l.valid, l.errorCode ?? null, l.professional ?? null]), [[true, null, 'Sanne de Vries'], [false, 'untrusted-key', null]]);
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

test('a change the screen reported as saved survives the browser being killed a second later', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kt-kill-'));
  let chrome = await launchProfile(dir);
  let page = await chrome.context.newPage();
  page.__clicks = true;
  await f.newConversation(page, server.url);
  await f.fill(page, 'veld-client-name', 'Blijft na een crash');
  await page.getByTestId('opgeslagen').waitFor();
  await page.waitForTimeout(1000);
  await chrome.kill();
  chrome = await launchProfile(dir);
  page = await chrome.context.newPage();
  page.__clicks = true;
  await f.enter(page, server.url);
  const item = page.getByTestId('concept');
  await item.waitFor();
  assert.match(await item.textContent(), /Blijft na een crash/);
  await chrome.close();
});

test('a tablet left locked for long locks again after the idle time once unlocked', async () => {
  const { context, page } = await tabletPage(browser, server.url);
  await page.clock.install();
  await f.enter(page, server.url);
  await page.clock.fastForward('05:01');
  await page.locator('#kluis-ontgrendel').waitFor();
  // Locked for hours: the idle time passes again and again while nothing is unlocked.
  await page.clock.fastForward('03:00:00');
  await f.unlockHere(page);
  await page.clock.fastForward('04:00');
  await page.waitForTimeout(300);
  assert.equal(await page.locator('#kluis-ontgrendel').count(), 0, 'not before the idle time');
  await page.clock.fastForward('01:01');
  await page.locator('#kluis-ontgrendel').waitFor();
  await context.close();
});

test('the app locks after the idle time and when hidden, never mid-stroke, and returns to the same field', async () => {
  const { context, page, problems } = await tabletPage(browser, server.url);
  await page.clock.install();
  await f.newConversation(page, server.url);
  await f.fill(page, 'veld-client-name', 'Getypt voor het slot');
  await page.getByTestId('opgeslagen').waitFor();
  // Five minutes without input (the profile's default).
  await page.clock.fastForward('05:01');
  await page.locator('#kluis-ontgrendel').waitFor();
  assert.match(await page.getByTestId('kluis-melding').textContent(), /Vergrendeld/);
  assert.equal(await page.locator('#veld-client-name').count(), 0, 'nothing of the record is on screen while locked');
  await screenshot(page, 'vergrendeld');
  await f.unlockHere(page);
  await page.locator('#veld-client-name').waitFor();
  assert.equal(await page.locator('#veld-client-name').inputValue(), 'Getypt voor het slot');
  await page.waitForFunction(() => document.activeElement?.id === 'veld-client-name');
  // Hidden (another app, the screen off) for more than a minute.
  const visibility = (state) => page.evaluate((s) => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => s });
    document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
  }, state);
  await visibility('hidden');
  await page.clock.fastForward('01:05');
  await visibility('visible');
  await page.locator('#kluis-ontgrendel').waitFor();
  await f.unlockHere(page);
  // Never mid-stroke: a signature being drawn when the idle time passes is finished first.
  await f.step(page, 'gesprek');
  await f.fill(page, 'veld-client-birthDate', '1990-01-01');
  await f.tapLabel(page, 'domein-zorg');
  await f.step(page, 'instemming');
  await f.instemming(page, ['huisarts']);
  await f.step(page, 'bijzonder');
  await f.bijzonder(page, { health: ['huisarts'] });
  await f.step(page, 'controle');
  const pad = page.locator('#veld-consent-signers-0-signature');
  await pad.scrollIntoViewIfNeeded();
  const box = await pad.boundingBox();
  await page.mouse.move(box.x + 20, box.y + 30);
  await page.mouse.down();
  await page.mouse.move(box.x + 120, box.y + 60, { steps: 5 });
  await page.clock.fastForward('06:00');
  await page.waitForTimeout(300);
  assert.equal(await page.locator('#kluis-ontgrendel').count(), 0, 'not locked while the finger is down');
  await page.mouse.move(box.x + 220, box.y + 40, { steps: 5 });
  await page.mouse.up();
  await page.locator('#kluis-ontgrendel').waitFor();
  await f.unlockHere(page);
  await pad.waitFor();
  assert.equal(await pad.getAttribute('data-strokes'), '1', 'the stroke was kept');
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

test('five wrong passphrases wipe that professional\'s drafts; the sealed record stays and the back office opens it', async () => {
  const { context, page } = await tabletPage(browser, server.url);
  await f.enter(page, server.url);
  await context.setOffline(true); // signed records stay until delivered (delivery.test.mjs)
  const signed = await signedConsent(page, { dossier: 'LM-W-1', name: 'Wim Wissel', birth: '1970-03-03', purpose: 'Gezondheid, voor de huisarts' });
  await f.press(page, page.getByTestId('nieuw-gesprek'));
  await f.fill(page, 'veld-client-name', 'Concept dat verdwijnt');
  await page.getByTestId('opgeslagen').waitFor();
  const before = await sealedRecords(page);
  assert.equal(before.length, 1, 'the signed record is kept sealed');
  await f.press(page, page.getByTestId('vergrendel'));
  for (let left = 4; left >= 1; left--) {
    await page.locator('#kluis-ontgrendel').fill(`fout ${left} wachtwoord`);
    await f.press(page, page.getByTestId('kluis-ontgrendelen'));
    await page.getByTestId('kluis-fout').filter({ hasText: `Nog ${left} ${left === 1 ? 'poging' : 'pogingen'}` }).waitFor();
    // The count survives a reload.
    if (left === 3) {
      await page.reload();
      await page.locator('#kluis-ontgrendel').waitFor();
    }
  }
  await page.locator('#kluis-ontgrendel').fill('de vijfde fout');
  await f.press(page, page.getByTestId('kluis-ontgrendelen'));
  await page.locator('#kluis-naam').waitFor();
  assert.match(await page.getByTestId('kluis-melding').textContent(), /gewist.*verzegeld bewaard/);
  const after = await sealedRecords(page);
  assert.equal(after.length, 1, 'the sealed record survives the wipe');
  assert.equal(after[0].hash, before[0].hash);
  // Nobody on the tablet can read it; the municipality's key opens it — with npm jose…
  const jwePath = join(f.EXPORTS, 'verzegeld.jwe.json');
  writeFileSync(jwePath, after[0].jwe);
  const jwk = JSON.parse(readFileSync(DEMO_KEY, 'utf8'));
  const { plaintext, protectedHeader } = await jose.flattenedDecrypt(JSON.parse(after[0].jwe), await jose.importJWK(jwk, 'ECDH-ES+A256KW'));
  assert.equal(protectedHeader.alg, 'ECDH-ES+A256KW');
  assert.equal(protectedHeader.enc, 'A256GCM');
  assert.equal(new TextDecoder().decode(plaintext), signed.text, 'the very signed file');
  // … with PyPI jwcrypto …
  const py = execFileSync('python3', ['-c', [
    'import sys, json',
    'from jwcrypto import jwk, jwe',
    'k = jwk.JWK(**{x: y for x, y in json.load(open(sys.argv[1])).items() if x in ("kty", "crv", "x", "y", "d")})',
    't = jwe.JWE()',
    't.deserialize(open(sys.argv[2]).read(), key=k)',
    'sys.stdout.write(t.payload.decode())',
  ].join('\n'), DEMO_KEY, jwePath], { encoding: 'utf8' });
  assert.equal(py, signed.text);
  // … and with `keukentafel open`, after which `keukentafel verify` accepts it.
  const opened = execFileSync(f.BIN, ['open', '--key', DEMO_KEY, jwePath], { encoding: 'utf8' });
  assert.equal(opened, signed.text);
  const openedPath = join(f.EXPORTS, 'verzegeld-geopend.jws.json');
  writeFileSync(openedPath, opened);
  assert.equal(f.verifyCli([openedPath], ['--today', '2026-11-30']).code, 0);
  // Enrolling again gives a new, empty vault.
  await f.enrolHere(page);
  await page.getByText('Er zijn geen concepten.').waitFor();
  await context.close();
});

test('vanished keys are said, and nothing is signed with a new key silently', async () => {
  const { context, page } = await tabletPage(browser, server.url);
  await f.enter(page, server.url);
  // The site's IndexedDB is cleared (the browser's "clear site data" for storage).
  await page.evaluate(() => new Promise((ok) => { const r = indexedDB.deleteDatabase('keukentafel'); r.onsuccess = r.onerror = r.onblocked = ok; }));
  await page.reload();
  const msg = page.getByTestId('kluis-melding');
  await msg.waitFor();
  assert.match(await msg.textContent(), /sleutels op deze tablet zijn verdwenen.*opnieuw in/);
  assert.equal(await page.locator('#kluis-naam').count(), 1, 'the professional is asked to enrol again');
  await context.close();
});

test('the passphrase can be changed, and "Tablet wissen" leaves only the sealed records', async () => {
  const { context, page } = await tabletPage(browser, server.url);
  await f.enter(page, server.url);
  await context.setOffline(true); // signed records stay until delivered (delivery.test.mjs)
  await signedConsent(page, { dossier: 'LM-T-1', name: 'Tineke Tablet', birth: '1960-06-06', purpose: 'Gezondheid' });
  await f.press(page, page.getByTestId('instellingen'));
  await page.locator('#wachtwoord-oud').fill(f.SANNE.secret);
  await page.locator('#wachtwoord-nieuw').fill('een nieuw en lang wachtwoord');
  await page.locator('#wachtwoord-herhaal').fill('een nieuw en lang wachtwoord');
  await f.press(page, page.getByRole('button', { name: 'Wachtwoord wijzigen' }));
  assert.match(await page.getByTestId('wachtwoord-melding').textContent(), /gewijzigd/);
  await f.press(page, page.getByTestId('vergrendel'));
  await page.locator('#kluis-ontgrendel').fill(f.SANNE.secret);
  await f.press(page, page.getByTestId('kluis-ontgrendelen'));
  await page.getByTestId('kluis-fout').waitFor();
  await f.unlockHere(page, { ...f.SANNE, secret: 'een nieuw en lang wachtwoord' });
  // Back where the professional was.
  await page.getByTestId('tablet-wissen').waitFor();
  await f.press(page, page.getByTestId('tablet-wissen'));
  await f.press(page, page.getByTestId('bevestig-wissen'));
  await page.locator('#kluis-naam').waitFor();
  assert.equal((await sealedRecords(page)).length, 1, 'the sealed record not yet handed over stays');
  const left = await originContents(page);
  assert.doesNotMatch(left.idb, /Sanne de Vries/, 'no professional is enrolled any more');
  await context.close();
});
