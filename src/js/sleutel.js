// The device signing key: WebCrypto ECDSA P-256, generated non-extractable on first use and
// kept in IndexedDB (a CryptoKey is structured-cloneable, so the private key never leaves the
// browser). Every failure becomes an Error with a Dutch message.
const DB = 'keukentafel-sleutels';
const STORE = 'sleutels';
const ID = 'apparaat';

const NOT_STORABLE = 'Deze browser kan de ondertekensleutel niet bewaren (bijvoorbeeld in een privévenster of met Lockdown-modus). Het formulier blijft bewaard; onderteken op een apparaat dat de sleutel wel kan bewaren.';

function b64url(bytes) {
  let s = '';
  for (const b of new Uint8Array(bytes)) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromB64url(s) {
  const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

function openDb() {
  return new Promise((resolve, reject) => {
    let req;
    try {
      req = indexedDB.open(DB, 1);
    } catch (e) {
      reject(new Error(NOT_STORABLE));
      return;
    }
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(new Error(NOT_STORABLE));
    req.onblocked = () => reject(new Error('De sleutelopslag is bezet door een ander tabblad; sluit dat en probeer opnieuw.'));
  });
}

function request(db, mode, fn) {
  return new Promise((resolve, reject) => {
    const tx = db.transaction(STORE, mode);
    const req = fn(tx.objectStore(STORE));
    tx.oncomplete = () => resolve(req.result);
    tx.onerror = () => reject(new Error(NOT_STORABLE));
    tx.onabort = () => reject(new Error(NOT_STORABLE));
  });
}

async function create(db) {
  if (!globalThis.crypto || !crypto.subtle) {
    throw new Error('Ondertekenen kan alleen via een beveiligde verbinding (https of localhost).');
  }
  const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
  const pub = await crypto.subtle.exportKey('jwk', pair.publicKey);
  const record = {
    privateKey: pair.privateKey,
    publicKey: pair.publicKey,
    jwk: { kty: pub.kty, crv: pub.crv, x: pub.x, y: pub.y },
    created: new Date().toISOString(),
  };
  await request(db, 'readwrite', (s) => s.put(record, ID));
  return record;
}

async function load(createIfMissing) {
  const db = await openDb();
  try {
    let rec = await request(db, 'readonly', (s) => s.get(ID));
    if (!rec && createIfMissing) rec = await create(db);
    return rec;
  } finally {
    db.close();
  }
}

/** The public JWK of the device key (JSON text), creating the key on first use. */
export async function ktPublicKey() {
  const rec = await load(true);
  return JSON.stringify(rec.jwk);
}

/** When the device key was made (ISO text), or '' when there is none yet. */
export async function ktKeyCreated() {
  const rec = await load(false);
  return rec ? rec.created : '';
}

/** ES256 signature (IEEE P1363 r||s, base64url) of a text with the device key. */
export async function ktSign(text) {
  const rec = await load(true);
  const sig = await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, rec.privateKey, new TextEncoder().encode(text));
  return b64url(sig);
}

/** SHA-256 of a text's UTF-8 bytes, base64url. */
export async function ktSha256(text) {
  return b64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
}

/** SHA-256 of base64url-encoded bytes, base64url. */
export async function ktSha256B64(data) {
  return b64url(await crypto.subtle.digest('SHA-256', fromB64url(data)));
}

/** Verifies an ES256 signature (base64url) over a text with a public JWK (JSON text). */
export async function ktVerify(jwkJson, text, signature) {
  const jwk = JSON.parse(jwkJson);
  const key = await crypto.subtle.importKey('jwk', { kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y }, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);
  return crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, key, fromB64url(signature), new TextEncoder().encode(text));
}

/** Replaces the device key by a new one. */
export async function ktRotate() {
  const db = await openDb();
  try {
    await request(db, 'readwrite', (s) => s.delete(ID));
    const rec = await create(db);
    return JSON.stringify(rec.jwk);
  } finally {
    db.close();
  }
}
