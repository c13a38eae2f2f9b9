// De kluis (the vault): WebCrypto and IndexedDB for keukentafel. What the app keeps is only
// ciphertext here; the keys live in this module's memory while the professional has unlocked,
// as non-extractable CryptoKeys, and are dropped when the app locks.
//
// Per professional: a random AES-256-GCM data key and a P-256 signing key, stored only wrapped
// (AES-GCM) under a key derived from the passphrase (PBKDF2-HMAC-SHA256, a random salt each).
// No passphrase hash is stored: a wrong passphrase simply fails to unwrap. Records are
// AES-256-GCM under the data key with the owner, kind and id as associated data, so a
// ciphertext moved to another entry fails to decrypt. Writes complete with durability
// 'strict' before the app says "opgeslagen". Sealed records (JWE to the municipality's key)
// are kept apart: nobody on the tablet can open them, and a wipe of a professional's keys
// leaves them.
//
// Every failure is an Error with a Dutch message; a save that another tab overtook is an
// Error named 'Conflict'.

const DB_NAME = 'keukentafel';
const DB_VERSION = 2;
const enc = new TextEncoder();
const dec = new TextDecoder();

const NOT_STORABLE = 'Deze browser kan niets veilig bewaren (bijvoorbeeld in een privévenster of met Lockdown-modus). Open keukentafel in een gewoon browservenster.';
const FULL = 'De opslag van deze browser is vol. Het formulier werkt door, maar wordt nu niet bewaard: rond het gesprek af of maak ruimte door oude concepten te verwijderen.';
const LOCKED = 'De kluis is vergrendeld: ontgrendel eerst met uw wachtwoord.';

/** The unlocked professional: { id, name, dataKey, signingKey, jwk } — in memory only. */
let session = null;
let dbPromise = null;
/** This tab's listeners for outbox changes (ktStartDelivery: one per mounted module). */
const selfChange = new Set();
const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel('keukentafel') : null;

function fail(message, name) {
  const e = new Error(message);
  if (name) e.name = name;
  return e;
}

function storageError(err) {
  const name = err && err.name;
  if (name === 'QuotaExceededError') return fail(FULL, 'Quota');
  if (name === 'AbortError') return fail('Opslaan is afgebroken (het tabblad werd gesloten of de opslag was bezet); er is niets verloren van wat al bewaard was.');
  return fail(NOT_STORABLE, 'Unavailable');
}

function b64url(bytes) {
  let s = '';
  for (const b of new Uint8Array(bytes)) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromB64url(s) {
  const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

function subtle() {
  if (!globalThis.crypto || !crypto.subtle) throw fail('keukentafel werkt alleen via een beveiligde verbinding (https of localhost).');
  return crypto.subtle;
}

function openDb() {
  if (dbPromise) return dbPromise;
  dbPromise = new Promise((resolve, reject) => {
    let req;
    try {
      req = indexedDB.open(DB_NAME, DB_VERSION);
    } catch (e) {
      reject(fail(NOT_STORABLE, 'Unavailable'));
      return;
    }
    req.onupgradeneeded = (ev) => {
      const db = req.result;
      if (ev.oldVersion < 1) {
        db.createObjectStore('professionals', { keyPath: 'id' });
        db.createObjectStore('records', { keyPath: ['owner', 'kind', 'id'] });
        db.createObjectStore('sealed', { keyPath: 'hash' });
        db.createObjectStore('log', { keyPath: 'hash' });
      }
      // Version 2: the delivery log knows which stored record each delivered hash was, so a
      // late save of a delivered record cannot bring a copy back.
      if (ev.oldVersion < 2) req.transaction.objectStore('log').createIndex('record', 'record', { unique: false });
    };
    req.onsuccess = () => {
      const db = req.result;
      // Another tab upgrading or deleting the database: let it.
      db.onversionchange = () => { db.close(); dbPromise = null; };
      resolve(db);
    };
    req.onerror = () => reject(fail(NOT_STORABLE, 'Unavailable'));
    req.onblocked = () => reject(fail('De opslag is bezet door een ander tabblad; sluit dat en probeer opnieuw.'));
  });
  dbPromise.catch(() => { dbPromise = null; });
  return dbPromise;
}

/** Runs `fn(stores)` in one transaction; resolves with what `fn` returned once it completed. */
async function tx(names, mode, fn) {
  const db = await openDb();
  return new Promise((resolve, reject) => {
    let t;
    try {
      t = db.transaction(names, mode, mode === 'readwrite' ? { durability: 'strict' } : undefined);
    } catch (e) {
      reject(storageError(e));
      return;
    }
    const stores = Object.fromEntries([].concat(names).map((n) => [n, t.objectStore(n)]));
    let out;
    let refusal = null;
    const refuse = (err) => { refusal = err; try { t.abort(); } catch { /* already done */ } };
    try {
      out = fn(stores, refuse);
    } catch (e) {
      refuse(e);
    }
    t.oncomplete = () => resolve(typeof out === 'function' ? out() : out);
    t.onabort = () => reject(refusal ?? storageError(t.error));
    t.onerror = (ev) => { ev.preventDefault(); };
  });
}

const reqValue = (req) => () => req.result;

function aad(...parts) {
  return enc.encode(['keukentafel', ...parts].join(':'));
}

async function deriveKek(secret, salt, iterations) {
  const s = subtle();
  const base = await s.importKey('raw', enc.encode(secret), 'PBKDF2', false, ['deriveKey']);
  return s.deriveKey({ name: 'PBKDF2', salt, iterations, hash: 'SHA-256' }, base, { name: 'AES-GCM', length: 256 }, false, ['wrapKey', 'unwrapKey']);
}

async function wrap(format, key, kek, id, what) {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const ct = await subtle().wrapKey(format, key, kek, { name: 'AES-GCM', iv, additionalData: aad('kluis', id, what) });
  return { iv, ct: new Uint8Array(ct) };
}

/** Both keys of a professional, unwrapped non-extractable (or extractable, to re-wrap them). */
async function unwrapAll(p, kek, extractable) {
  const s = subtle();
  const dataKey = await s.unwrapKey('raw', p.wrapped.data.ct, kek, { name: 'AES-GCM', iv: p.wrapped.data.iv, additionalData: aad('kluis', p.id, 'data') }, { name: 'AES-GCM' }, extractable, ['encrypt', 'decrypt']);
  const signingKey = await s.unwrapKey('pkcs8', p.wrapped.signing.ct, kek, { name: 'AES-GCM', iv: p.wrapped.signing.iv, additionalData: aad('kluis', p.id, 'signing') }, { name: 'ECDSA', namedCurve: 'P-256' }, extractable, ['sign']);
  return { dataKey, signingKey };
}

function publicOf(p) {
  return { id: p.id, name: p.name, kind: p.kind, failed: p.failed ?? 0 };
}

function announce(msg) {
  try { channel?.postMessage(msg); } catch { /* no other tabs */ }
  // This tab's own screens hear of outbox changes, too (a channel does not echo).
  if (msg.type === 'outbox') for (const f of selfChange) queueMicrotask(f);
}

/** Whether IndexedDB works here, and who is enrolled (names only): JSON. */
export async function ktVaultState() {
  try {
    const list = await tx('professionals', 'readonly', (s) => reqValue(s.professionals.getAll()));
    // In the order they enrolled (the keys are random).
    list.sort((a, b) => (a.created < b.created ? -1 : a.created > b.created ? 1 : 0));
    return JSON.stringify({ available: true, professionals: list.map(publicOf) });
  } catch (e) {
    return JSON.stringify({ available: false, professionals: [], message: e.message });
  }
}

/** Enrols a professional: new keys, wrapped under the passphrase; unlocks. JSON { id, jwk }. */
export async function ktEnrol(name, secret, kind, iterations) {
  const s = subtle();
  const id = crypto.randomUUID();
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const kek = await deriveKek(secret, salt, iterations);
  const data = await s.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);
  const pair = await s.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
  const pub = await s.exportKey('jwk', pair.publicKey);
  const jwk = { kty: pub.kty, crv: pub.crv, x: pub.x, y: pub.y };
  const p = {
    id, name, kind, salt, iterations, jwk, failed: 0, created: new Date().toISOString(),
    wrapped: { data: await wrap('raw', data, kek, id, 'data'), signing: await wrap('pkcs8', pair.privateKey, kek, id, 'signing') },
  };
  await tx('professionals', 'readwrite', (st) => { st.professionals.add(p); });
  // The extractable originals are dropped; the session holds non-extractable ones.
  const keys = await unwrapAll(p, kek, false);
  session = { id, name, jwk, ...keys };
  announce({ type: 'enrolled', owner: id });
  return JSON.stringify({ id, jwk });
}

/**
 * Unlocks professional `id`. A wrong passphrase is counted (persisted); at `maxAttempts` in a
 * row the professional's keys and records are wiped (sealed records stay).
 * JSON { ok: true, jwk } | { ok: false, left } | { ok: false, wiped: true }.
 */
export async function ktUnlock(id, secret, maxAttempts) {
  const p = await tx('professionals', 'readonly', (s) => reqValue(s.professionals.get(id)));
  if (!p) return JSON.stringify({ ok: false, gone: true });
  let keys = null;
  try {
    const kek = await deriveKek(secret, p.salt, p.iterations);
    keys = await unwrapAll(p, kek, false);
  } catch {
    keys = null;
  }
  if (!keys) {
    const failed = (p.failed ?? 0) + 1;
    if (failed >= maxAttempts) {
      await wipeProfessional(id);
      return JSON.stringify({ ok: false, wiped: true });
    }
    await tx('professionals', 'readwrite', (s) => { s.professionals.put({ ...p, failed }); });
    return JSON.stringify({ ok: false, left: maxAttempts - failed });
  }
  if (p.failed) await tx('professionals', 'readwrite', (s) => { s.professionals.put({ ...p, failed: 0 }); });
  session = { id, name: p.name, jwk: p.jwk, ...keys };
  return JSON.stringify({ ok: true, jwk: p.jwk });
}

/** The unlocked professional, JSON { id, name, jwk }, or '' when locked. */
export function ktSession() {
  return session ? JSON.stringify({ id: session.id, name: session.name, jwk: session.jwk }) : '';
}

/** Drops the keys: nothing can be read or signed until the next unlock. */
export function ktLock() {
  session = null;
}

/** Re-wraps the unlocked professional's keys under a new passphrase (nothing is re-encrypted). */
export async function ktChangeSecret(oldSecret, newSecret, kind, iterations) {
  if (!session) throw fail(LOCKED, 'Locked');
  const p = await tx('professionals', 'readonly', (s) => reqValue(s.professionals.get(session.id)));
  let keys;
  try {
    keys = await unwrapAll(p, await deriveKek(oldSecret, p.salt, p.iterations), true);
  } catch {
    throw fail('Het huidige wachtwoord klopt niet; er is niets veranderd.', 'Wrong');
  }
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const kek = await deriveKek(newSecret, salt, iterations);
  const wrapped = { data: await wrap('raw', keys.dataKey, kek, p.id, 'data'), signing: await wrap('pkcs8', keys.signingKey, kek, p.id, 'signing') };
  await tx('professionals', 'readwrite', (s) => { s.professionals.put({ ...p, salt, iterations, kind, wrapped, failed: 0 }); });
}

function need() {
  if (!session) throw fail(LOCKED, 'Locked');
  return session;
}

/**
 * Stores `text` (a record and its envelope) as revision `rev` of (kind, id), encrypted, unless
 * the stored revision is already `rev` or newer (another tab saved meanwhile: 'Conflict').
 * Resolves once the write is durable.
 */
export async function ktPut(kind, id, rev, text) {
  const s = need();
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const ct = new Uint8Array(await subtle().encrypt({ name: 'AES-GCM', iv, additionalData: aad(s.id, kind, id) }, s.dataKey, enc.encode(text)));
  await tx(['records', 'log'], 'readwrite', (st, refuse) => {
    // Delivered already: the tablet has forgotten it, and a late save does not bring it back.
    const gone = st.log.index('record').getKey(`${s.id}:${kind}:${id}`);
    const get = st.records.get([s.id, kind, id]);
    get.onsuccess = () => {
      if (gone.result !== undefined) return;
      if (get.result && get.result.rev >= rev) {
        refuse(fail('Een ander tabblad heeft een nieuwere versie bewaard.', 'Conflict'));
        return;
      }
      try {
        st.records.put({ owner: s.id, kind, id, rev, iv, ct });
      } catch (e) {
        refuse(storageError(e));
      }
    };
  });
  announce({ type: 'saved', owner: s.id, kind, id, rev });
}

async function decrypt(s, row) {
  const plain = await subtle().decrypt({ name: 'AES-GCM', iv: row.iv, additionalData: aad(s.id, row.kind, row.id) }, s.dataKey, row.ct);
  return dec.decode(plain);
}

/** The text of (kind, id) for the unlocked professional, or null. A damaged entry throws. */
export async function ktGet(kind, id) {
  const s = need();
  const row = await tx('records', 'readonly', (st) => reqValue(st.records.get([s.id, kind, id])));
  if (!row) return null;
  try {
    return await decrypt(s, row);
  } catch {
    throw fail('Dit bewaarde record is beschadigd en kan niet worden geopend.', 'Damaged');
  }
}

/** Every entry of `kind` of the unlocked professional: JSON [{ id, rev, text } | { id, rev, damaged }]. */
export async function ktList(kind) {
  const s = need();
  const range = IDBKeyRange.bound([s.id, kind, ''], [s.id, kind, '\uffff']);
  const rows = await tx('records', 'readonly', (st) => reqValue(st.records.getAll(range)));
  const out = [];
  for (const row of rows) {
    try {
      out.push({ id: row.id, rev: row.rev, text: await decrypt(s, row) });
    } catch {
      out.push({ id: row.id, rev: row.rev, damaged: true });
    }
  }
  return JSON.stringify(out);
}

/** Removes (kind, id) of the unlocked professional. */
export async function ktDelete(kind, id) {
  const s = need();
  await tx('records', 'readwrite', (st) => { st.records.delete([s.id, kind, id]); });
  announce({ type: 'deleted', owner: s.id, kind, id });
}

/** Calls `onChange(owner, kind, id, rev)` when another tab saves or removes an entry. */
export function ktOnChange(onChange) {
  channel?.addEventListener('message', (e) => {
    const m = e.data || {};
    if (m.type === 'saved' || m.type === 'deleted') onChange(m.owner, m.kind, m.id, m.type === 'saved' ? m.rev : -1);
    if (m.type === 'wiped') onChange(m.owner, '', '', -1);
  });
}

/** ES256 signature (IEEE P1363 r||s, base64url) of a text with the unlocked professional's key. */
export async function ktSign(text) {
  const s = need();
  return b64url(await subtle().sign({ name: 'ECDSA', hash: 'SHA-256' }, s.signingKey, enc.encode(text)));
}

/** SHA-256 of a text's UTF-8 bytes, base64url. */
export async function ktSha256(text) {
  return b64url(await subtle().digest('SHA-256', enc.encode(text)));
}

/** SHA-256 of base64url-encoded bytes, base64url. */
export async function ktSha256B64(data) {
  return b64url(await subtle().digest('SHA-256', fromB64url(data)));
}

/** Verifies an ES256 signature over a text with a public JWK (JSON); a key that is no P-256 point is a Dutch error. */
export async function ktVerify(jwkJson, text, signature) {
  const jwk = JSON.parse(jwkJson);
  let key;
  try {
    key = await subtle().importKey('jwk', { kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y }, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);
  } catch {
    throw fail('De publieke sleutel in het bestand is geen geldig punt op de curve P-256: het bestand is niet te vertrouwen.');
  }
  return subtle().verify({ name: 'ECDSA', hash: 'SHA-256' }, key, fromB64url(signature), enc.encode(text));
}

const ephemerals = new Map();
let nextEphemeral = 1;

/** A fresh ephemeral ECDH P-256 key for one seal: JSON { handle, epk }. */
export async function ktEphemeral() {
  const pair = await subtle().generateKey({ name: 'ECDH', namedCurve: 'P-256' }, false, ['deriveBits']);
  const pub = await subtle().exportKey('jwk', pair.publicKey);
  const handle = nextEphemeral++;
  ephemerals.set(handle, pair);
  return JSON.stringify({ handle, epk: { kty: pub.kty, crv: pub.crv, x: pub.x, y: pub.y } });
}

/**
 * Seals `plaintext` to `recipient` (ECDH-ES+A256KW, A256GCM) with the ephemeral key `handle`;
 * the protected header and the Concat KDF's OtherInfo come from the core.
 * JSON { encrypted_key, iv, ciphertext, tag } (base64url).
 */
export async function ktSeal(handle, recipientJson, protectedB64, otherInfoB64, plaintext) {
  const s = subtle();
  const pair = ephemerals.get(handle);
  ephemerals.delete(handle);
  if (!pair) throw fail('Verzegelen is niet gelukt (geen tijdelijke sleutel).');
  const r = JSON.parse(recipientJson);
  const recipient = await s.importKey('jwk', { kty: r.kty, crv: r.crv, x: r.x, y: r.y }, { name: 'ECDH', namedCurve: 'P-256' }, false, []);
  const z = new Uint8Array(await s.deriveBits({ name: 'ECDH', public: recipient }, pair.privateKey, 256));
  const info = fromB64url(otherInfoB64);
  const input = new Uint8Array(4 + z.length + info.length);
  input.set([0, 0, 0, 1], 0);
  input.set(z, 4);
  input.set(info, 4 + z.length);
  const kekBytes = await s.digest('SHA-256', input);
  const kek = await s.importKey('raw', kekBytes, 'AES-KW', false, ['wrapKey']);
  const cek = await s.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt']);
  const encryptedKey = await s.wrapKey('raw', cek, kek, 'AES-KW');
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const out = new Uint8Array(await s.encrypt({ name: 'AES-GCM', iv, additionalData: enc.encode(protectedB64), tagLength: 128 }, cek, enc.encode(plaintext)));
  return JSON.stringify({
    encrypted_key: b64url(encryptedKey),
    iv: b64url(iv),
    ciphertext: b64url(out.slice(0, out.length - 16)),
    tag: b64url(out.slice(out.length - 16)),
  });
}

// ---- The outbox: sealed records on their way into the dossier --------------------------------
//
// Every signed record waits here, sealed (a JWE to the municipality's key), until the back
// office (route 'http'), the portal ('portal') or the professional ('file': handed over by
// hand) confirms it. Nothing here needs the professional's keys: delivery goes on while the app
// is locked, and from the service worker (Background Sync). An entry holds no client data
// outside the JWE: its hash, kind, when it was signed, whose it is (the professional's random id
// and the record's id, to forget the professional's copy too) and how delivery goes.

const SEND_LOCK = 'keukentafel-versturen';
const SYNC_TAG = 'keukentafel-versturen';
const FIRST_RETRY_MS = 30 * 1000;
const MAX_RETRY_MS = 60 * 60 * 1000;
const LOG_KEEP = 200;
const UNREACHABLE = 'De backoffice is niet bereikbaar; keukentafel probeert het vanzelf opnieuw.';
const sending = new Set();

/** Keeps a sealed record (JWE text) until it is delivered or handed over. */
export async function ktPutSealed(hash, kind, created, jwe, owner, id, route, endpoint) {
  const to = endpoint ? new URL(endpoint, globalThis.location.href).href : '';
  const entry = { hash, kind, created, jwe, owner, id, route, endpoint: to, state: route === 'file' ? 'download' : 'waiting', attempts: 0, next: 0, error: '' };
  await tx('sealed', 'readwrite', (s) => { s.sealed.put(entry); });
  announce({ type: 'outbox' });
}

/** Every sealed record: JSON [{ hash, kind, created, jwe, owner, id, route, state, attempts, next, error, sending }]. */
export async function ktListSealed() {
  const list = await tx('sealed', 'readonly', (s) => reqValue(s.sealed.getAll()));
  list.sort((a, b) => (a.created < b.created ? -1 : 1));
  return JSON.stringify(list.map((e) => ({ ...e, sending: sending.has(e.hash) })));
}

/** The delivery log's entries, newest first. */
async function logEntries() {
  const list = await tx('log', 'readonly', (s) => reqValue(s.log.getAll()));
  list.sort((a, b) => (a.receipt > b.receipt ? -1 : 1));
  return list;
}

/** The delivery log, newest first: JSON [{ hash, kind, date, receipt, owner, route }]. */
export async function ktDeliveryLog() {
  return JSON.stringify(await logEntries());
}

/**
 * Forgets a delivered record: its sealed copy and the professional's own copy go, in one
 * transaction with the log entry that remains (no client data). `receipt` is when the
 * dossier received it (the receiver's receivedAt, or now when handed over by hand).
 */
export async function ktForget(hash, receipt) {
  let forgotten = null;
  await tx(['sealed', 'records', 'log'], 'readwrite', (s) => {
    const get = s.sealed.get(hash);
    get.onsuccess = () => {
      const e = get.result;
      if (!e) return;
      forgotten = e;
      s.sealed.delete(hash);
      if (e.owner && e.id) s.records.delete([e.owner, e.kind, e.id]);
      s.log.put({ hash, kind: e.kind, date: e.created, receipt, owner: e.owner ?? '', route: e.route ?? '', record: `${e.owner}:${e.kind}:${e.id}` });
    };
  });
  if (forgotten) {
    announce({ type: 'deleted', owner: forgotten.owner, kind: forgotten.kind, id: forgotten.id });
    announce({ type: 'outbox' });
    await pruneLog();
  }
  return forgotten !== null;
}

async function pruneLog() {
  const list = await logEntries();
  if (list.length <= LOG_KEEP) return;
  await tx('log', 'readwrite', (s) => { for (const e of list.slice(LOG_KEEP)) s.log.delete(e.hash); });
}

function backoff(attempts) {
  const base = Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), MAX_RETRY_MS);
  return Math.round(base * (0.8 + 0.4 * Math.random()));
}

async function update(hash, change) {
  await tx('sealed', 'readwrite', (s) => {
    const get = s.sealed.get(hash);
    get.onsuccess = () => { if (get.result) s.sealed.put({ ...get.result, ...change }); };
  });
}

/** One POST; the receipt when it matches, else why not (and whether it was a refusal). */
async function send(e) {
  let res;
  try {
    res = await fetch(e.endpoint, { method: 'POST', headers: { 'Content-Type': 'application/jose+json' }, body: e.jwe, cache: 'no-store', credentials: 'same-origin', redirect: 'error' });
  } catch {
    return { ok: false, error: UNREACHABLE };
  }
  let body = null;
  try { body = await res.json(); } catch { body = null; }
  if (res.status === 200 || res.status === 201) {
    if (body && body.hash === e.hash && typeof body.receivedAt === 'string') return { ok: true, receipt: body.receivedAt };
    return { ok: false, error: 'Het ontvangstbewijs van de backoffice hoort niet bij dit record; keukentafel probeert het opnieuw.' };
  }
  if (res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429) {
    const why = body && typeof body.message === 'string' ? body.message : `weigering ${res.status}`;
    return { ok: false, refused: true, error: `De backoffice weigert dit record: ${why}` };
  }
  const why = body && typeof body.message === 'string' ? ` (${body.message})` : '';
  return { ok: false, error: `De backoffice kan het record nu niet aannemen${why}; keukentafel probeert het vanzelf opnieuw.` };
}

async function registerSync() {
  try {
    const reg = await navigator.serviceWorker?.getRegistration?.();
    await reg?.sync?.register(SYNC_TAG);
  } catch { /* no Background Sync here: the app sends when it is open */ }
}

async function deliverAll(force) {
  const list = await tx('sealed', 'readonly', (s) => reqValue(s.sealed.getAll()));
  const now = Date.now();
  let delivered = 0;
  let waiting = 0;
  for (const e of list) {
    if (e.route !== 'http' || !e.endpoint) continue;
    if (!force && e.next > now) { waiting++; continue; }
    sending.add(e.hash);
    announce({ type: 'outbox' });
    const r = await send(e);
    sending.delete(e.hash);
    if (r.ok) {
      await ktForget(e.hash, r.receipt);
      delivered++;
    } else {
      const attempts = (e.attempts ?? 0) + 1;
      await update(e.hash, { state: r.refused ? 'refused' : 'waiting', attempts, next: Date.now() + backoff(attempts), error: r.error });
      announce({ type: 'outbox' });
      waiting++;
    }
  }
  if (waiting) await registerSync();
  return { delivered, waiting };
}

/**
 * Sends every sealed record of route 'http' that is due (all of them when `force`): at most
 * one tab (or the service worker) at a time, by a Web Lock. A send interrupted anywhere is just
 * sent again; the receiver knows the record by its hash. JSON { delivered, waiting } or
 * { skipped }.
 */
export async function ktDeliver(force) {
  if (!force && navigator.onLine === false) {
    await registerSync();
    return JSON.stringify({ skipped: 'offline' });
  }
  if (!navigator.locks) return JSON.stringify(await deliverAll(force));
  const out = await navigator.locks.request(SEND_LOCK, { ifAvailable: true }, async (lock) => (lock ? deliverAll(force) : { skipped: 'busy' }));
  return JSON.stringify(out);
}

let started = false;

/**
 * Delivery while the app is open: now, when the tablet comes online, every `intervalMs`; and
 * `onChange()` whenever the outbox changes (here or in another tab).
 */
export function ktStartDelivery(onChange, intervalMs) {
  channel?.addEventListener('message', (e) => { if (e.data && e.data.type === 'outbox') onChange(); });
  selfChange.add(onChange);
  if (started) return;
  started = true;
  const go = () => { ktDeliver(false).catch(() => {}); };
  addEventListener('online', go);
  setInterval(go, intervalMs);
  go();
}

async function wipeProfessional(id) {
  const range = IDBKeyRange.bound([id, '', ''], [id, '\uffff', '\uffff']);
  await tx(['professionals', 'records'], 'readwrite', (s) => {
    s.professionals.delete(id);
    s.records.delete(range);
  });
  if (session && session.id === id) session = null;
  announce({ type: 'wiped', owner: id });
}

/** Removes a professional's wrapped keys and records (sealed records stay). */
export async function ktWipeProfessional(id) {
  await wipeProfessional(id);
}

/** "Tablet wissen": everything but the sealed records not yet handed over. */
export async function ktWipeTablet() {
  await tx(['professionals', 'records', 'log'], 'readwrite', (s) => {
    s.professionals.clear();
    s.records.clear();
    s.log.clear();
  });
  session = null;
  announce({ type: 'wiped', owner: '*' });
}

/** Removes the device key of the version before the vault (a CryptoKey stored in IndexedDB). */
export async function ktRemoveLegacyKey() {
  await new Promise((resolve) => {
    try {
      const req = indexedDB.deleteDatabase('keukentafel-sleutels');
      req.onsuccess = req.onerror = req.onblocked = () => resolve();
    } catch {
      resolve();
    }
  });
}
