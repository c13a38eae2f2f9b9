// Shared helpers for the browser tests: a static server for dist/ and Debian Chromium.
import { createServer } from 'node:http';
import { readFile, stat, mkdir } from 'node:fs/promises';
import { extname, join, normalize, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
export const DIST = process.env.KT_DIST ?? join(here, '..', '..', 'dist');
export const ARTIFACTS = join(here, 'artifacts');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** Serves `root` on 127.0.0.1 at a free port. Returns { url, close, setRoot }. */
export async function serve(initialRoot = DIST) {
  let root = initialRoot;
  await stat(join(root, 'index.html')); // fail early with a clear error when not built
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      let file = normalize(join(root, path));
      if (!file.startsWith(normalize(root))) { res.writeHead(403).end(); return; }
      if (path.endsWith('/')) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('niet gevonden');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((ok) => { server.closeAllConnections?.(); server.close(ok); }),
    setRoot: (r) => { root = r; },
  };
}

/** Debian Chromium, headless, with no background network traffic. */
export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic', '--lang=nl-NL',
    ],
  });
}

/** A tablet context (1024×768, touch), recording console errors, page errors and foreign requests. */
export async function tabletPage(browser, baseUrl, { width = 1024, height = 768 } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, hasTouch: true, isMobile: false, locale: 'nl-NL' });
  const page = await context.newPage();
  const problems = { consoleErrors: [], pageErrors: [], foreignRequests: [], csp: [] };
  ALL_PROBLEMS.push(problems);
  const origin = new URL(baseUrl).origin;
  // Every CSP violation in any page of this context is recorded.
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP-violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  context.on('page', (p) => p.on('console', (m) => { if (/Content Security Policy|CSP-violation/.test(m.text())) problems.csp.push(m.text()); }));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.consoleErrors.push(m.text());
    if (/Content Security Policy|CSP-violation/.test(m.text())) problems.csp.push(m.text());
  });
  page.on('pageerror', (e) => problems.pageErrors.push(String(e)));
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:')) problems.foreignRequests.push(u);
  });
  return { context, page, problems };
}

/** Everything every tablet page of this test file saw. */
export const ALL_PROBLEMS = [];

/** For `after()`: no page ran into the CSP or asked another origin for anything. */
export function assertCspAndOrigin() {
  const csp = ALL_PROBLEMS.flatMap((p) => p.csp);
  const foreign = ALL_PROBLEMS.flatMap((p) => p.foreignRequests);
  if (csp.length || foreign.length) {
    throw new Error(`CSP violations: ${JSON.stringify(csp)}; requests to other origins: ${JSON.stringify(foreign)}`);
  }
}

export async function screenshot(page, name) {
  await mkdir(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/**
 * Chromium as its own process with a persistent profile folder, driven over CDP: a test can
 * read the folder afterwards, or kill the process (SIGKILL) and start it again on the same
 * folder. Returns { proc, browser, context, close, kill }.
 */
export async function launchProfile(dir) {
  const { spawn } = await import('node:child_process');
  const proc = spawn(process.env.CHROMIUM ?? '/usr/bin/chromium', [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic', '--lang=nl-NL',
    '--password-store=basic', `--user-data-dir=${dir}`, '--remote-debugging-port=0', 'about:blank',
  ], { stdio: ['ignore', 'ignore', 'pipe'] });
  const ws = await new Promise((resolve, reject) => {
    let err = '';
    proc.stderr.on('data', (d) => {
      err += d;
      const m = err.match(/DevTools listening on (ws:\/\/\S+)/);
      if (m) resolve(m[1]);
    });
    proc.on('exit', (code) => reject(new Error(`chromium exited (${code}): ${err}`)));
  });
  const browser = await chromium.connectOverCDP(ws);
  const context = browser.contexts()[0];
  const exited = new Promise((ok) => proc.on('exit', ok));
  return {
    proc,
    browser,
    context,
    /** A graceful shutdown: Chromium writes everything out, as when the tablet is switched off properly. */
    close: async () => {
      const cdp = await browser.newBrowserCDPSession();
      await cdp.send('Browser.close').catch(() => {});
      await exited;
    },
    /** The process killed outright (Android kills background browsers this way). */
    kill: async () => {
      proc.kill('SIGKILL');
      await exited;
    },
  };
}
