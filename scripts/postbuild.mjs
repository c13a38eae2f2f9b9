// Trunk post_build hook (also runnable by hand: node scripts/postbuild.mjs DIR).
// Makes the build an offline, installable app with a strict Content-Security-Policy:
//  1. the CSP goes into index.html as a <meta>, with the sha256 of Trunk's inline bootstrap
//     (no 'unsafe-inline', no 'unsafe-eval'; only 'wasm-unsafe-eval' for the wasm);
//  2. manifest, icons and stable entry points for embedding (keukentafel.js, keukentafel.css);
//  3. the example portal page;
//  4. sw.js (a module worker), precaching exactly the files of this build, named by a hash of
//     their contents, and sending the outbox by Background Sync;
//  5. precompressed copies (.br, .gz) of the text files, which `keukentafel serve` hands out.
// Before all that, the JavaScript (wasm-bindgen's loader, the app's snippets) and the CSS of the
// build are minified with esbuild, and index.html's integrity hashes are computed again for it.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, readdirSync, statSync, copyFileSync, mkdirSync, existsSync } from 'node:fs';
import { join, relative, dirname } from 'node:path';
import { brotliCompressSync, gzipSync, constants as zlib } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DIR = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!DIR || !existsSync(join(DIR, 'index.html'))) {
  console.error('postbuild: geen build gevonden (geef de map of zet TRUNK_STAGING_DIR)');
  process.exit(1);
}
const sha = (data, alg = 'sha256', enc = 'base64') => createHash(alg).update(data).digest(enc);
/** Every file under the build, as its path on the site ('/snippets/…/kluis.js'), sorted. */
const siteFiles = () => {
  const out = [];
  const walk = (d) => {
    for (const f of readdirSync(d)) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else out.push('/' + relative(DIR, p).split('\\').join('/'));
    }
  };
  walk(DIR);
  return out.sort();
};
const inDir = (site) => join(DIR, site.slice(1));

// Where the outbox sends (connect-src allows exactly that, and the app's own origin it loads
// from): the profile's endpoint, a path on this origin by default.
const profile = JSON.parse(readFileSync(join(ROOT, 'crates', 'core', 'profiles', 'landsmeer.json'), 'utf8'));
const endpoint = profile.delivery?.endpoint ?? '/v1/records';
const connect = /^https:\/\//.test(endpoint) ? `'self' ${endpoint}` : "'self'";

let html = readFileSync(join(DIR, 'index.html'), 'utf8');

// 0. Minified JavaScript and CSS: the same code without comments, whitespace and long local
//    names (about 8 KB gzip less to transfer). Exports, imports and property names stay as they
//    are, so the wasm's imports and the portal API are untouched. esbuild comes with the test
//    tools (tests/e2e, installed by scripts/setup.sh, as wasm-opt is).
let esbuild;
try {
  esbuild = createRequire(join(ROOT, 'tests', 'e2e', 'package.json'))('esbuild');
} catch {
  console.error('postbuild: esbuild ontbreekt (tests/e2e/node_modules); voer eerst ./scripts/setup.sh uit');
  process.exit(1);
}
const minify = siteFiles().flatMap((f) =>
  /^\/keukentafel-app-[0-9a-f]+\.js$/.test(f) || /^\/[0-9a-f]+-laden\.js$/.test(f) || /^\/snippets\/.*\.js$/.test(f) ? [[inDir(f), 'js']]
  : /^\/main-[0-9a-f]+\.css$/.test(f) ? [[inDir(f), 'css']]
  : []);
const minified = (code, loader) => esbuild.transformSync(code, { loader, minify: true, format: loader === 'js' ? 'esm' : undefined, target: loader === 'js' ? 'es2022' : undefined, legalComments: 'none' }).code;
for (const [p, loader] of minify) writeFileSync(p, minified(readFileSync(p, 'utf8'), loader));
// Trunk's inline bootstrap (with its initializer's loader) too; its CSP hash is taken below.
html = html.replace(/(<script type="module">)([\s\S]*?)(<\/script>)/g, (_, open, code, close) => `${open}${minified(code, 'js').trim()}${close}`);
// Subresource integrity of what is now there (Trunk hashed the unminified files).
html = html.replace(/(href="\/([^"]+)"[^>]*?integrity=")sha384-[^"]+"/g, (_, start, file) => `${start}sha384-${sha(readFileSync(join(DIR, file)), 'sha384')}"`);

// 1. CSP with the hashes of the inline scripts Trunk wrote.
// Idempotent: a rerun replaces what an earlier run added.
html = html.replace(/\n?\s*<!-- keukentafel:head -->[\s\S]*?<!-- \/keukentafel:head -->/g, '');
const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => `'sha256-${sha(m[1])}'`);
export const CSP = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${inline.join(' ')}`.trim(),
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  `connect-src ${connect}`,
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
const head = [
  '<!-- keukentafel:head -->',
  `<meta http-equiv="Content-Security-Policy" content="${CSP}" />`,
  '<link rel="manifest" href="/manifest.webmanifest" />',
  '<meta name="theme-color" content="#00548a" />',
  '<link rel="apple-touch-icon" href="/icon-192.png" />',
  '<!-- /keukentafel:head -->',
].join('\n    ');
html = html.replace(/(<meta charset="utf-8" \/>)/, `$1\n    ${head}`);
writeFileSync(join(DIR, 'index.html'), html);

// 2. Manifest, icons, stable entry points.
for (const f of ['manifest.webmanifest', 'icon-192.png', 'icon-512.png']) copyFileSync(join(ROOT, 'assets', f), join(DIR, f));
copyFileSync(join(ROOT, 'assets', 'icon.svg'), join(DIR, 'icon.svg'));
const files = readdirSync(DIR);
const loader = files.find((f) => /^keukentafel-app-[0-9a-f]+\.js$/.test(f));
const css = files.find((f) => /^main-[0-9a-f]+\.css$/.test(f));
const wasmFile = files.find((f) => /^keukentafel-app-[0-9a-f]+_bg\.wasm$/.test(f));
writeFileSync(join(DIR, 'keukentafel.js'), `// Stable entry point for embedding: see docs/EMBEDDING.md.
import init from './${loader}';
export * from './${loader}';
/** Loads the module (the hashed wasm of this build). */
export default function load(options) {
  return init(options ?? { module_or_path: new URL('./${wasmFile}', import.meta.url) });
}
`);
copyFileSync(join(DIR, css), join(DIR, 'keukentafel.css'));

// 3. The example portal page.
mkdirSync(join(DIR, 'portal'), { recursive: true });
for (const f of readdirSync(join(ROOT, 'examples', 'portal'))) copyFileSync(join(ROOT, 'examples', 'portal', f), join(DIR, 'portal', f));

// 4. The service worker: every file of this build, and a version from their contents.
const all = siteFiles().filter((f) => f !== '/sw.js' && !/\.(br|gz)$/.test(f));
const version = sha(all.map((f) => f + ':' + sha(readFileSync(inDir(f)), 'sha256', 'hex')).join('\n'), 'sha256', 'hex').slice(0, 16);
const precache = ['/', ...all];
const kluis = all.find((f) => f.startsWith('/snippets/') && f.endsWith('/kluis.js'));
if (!kluis) {
  console.error('postbuild: kluis.js niet gevonden onder snippets/');
  process.exit(1);
}
writeFileSync(join(DIR, 'sw.js'), `// Generated by scripts/postbuild.mjs — do not edit. A module worker (type: 'module').
import { ktDeliver } from '${kluis}';

const VERSION = '${version}';
const CACHE = 'keukentafel-' + VERSION;
const FILES = ${JSON.stringify(precache, null, 2)};

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES.map((f) => new Request(f, { cache: 'reload' })))));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith('keukentafel-') && key !== CACHE) await caches.delete(key);
    }
    await self.clients.claim();
  })());
});

// Background Sync: the outbox is sent when the tablet is online again, even with the app closed.
// No keys are needed: the records are sealed. Not everything sent yet: the browser tries later.
self.addEventListener('sync', (event) => {
  if (event.tag !== 'keukentafel-versturen') return;
  event.waitUntil(ktDeliver(true).then((r) => {
    if (JSON.parse(r).waiting) throw new Error('nog niet alles verstuurd');
  }));
});

// The app asks the waiting worker to take over when the professional chooses to reload.
self.addEventListener('message', (event) => {
  if (event.data === 'SKIP_WAITING') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  // Only keukentafel's own files and pages ('/portal/' is '/portal/index.html'): every other
  // request and navigation on this origin — another page of the portal, the API — goes to the
  // network untouched, as if there were no service worker.
  const key = url.pathname.endsWith('/') ? url.pathname + 'index.html' : url.pathname;
  if (!FILES.includes(key)) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    const hit = await cache.match(key, { ignoreSearch: true });
    return hit ?? fetch(request);
  })());
});
`);
// 5. Precompressed copies of the text files (brotli and gzip at their best), for the server.
let compressed = 0;
for (const f of [...all, '/sw.js']) {
  if (!/\.(html|js|css|wasm|svg|json|webmanifest)$/.test(f)) continue;
  const data = readFileSync(inDir(f));
  writeFileSync(inDir(f) + '.br', brotliCompressSync(data, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: data.length } }));
  writeFileSync(inDir(f) + '.gz', gzipSync(data, { level: 9 }));
  compressed++;
}
console.log(`postbuild: ${compressed} bestanden voorgecomprimeerd (br, gz)`);
console.log(`postbuild: CSP met ${inline.length} script-hash(es), ${precache.length} bestanden in sw.js (versie ${version})`);
