// Shared helpers for the browser tests: `keukentafel serve` for dist/ and Debian Chromium.
import { spawn, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { stat, mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';

const here = dirname(fileURLToPath(import.meta.url));
export const DIST = process.env.KT_DIST ?? join(here, '..', '..', 'dist');
export const ARTIFACTS = join(here, 'artifacts');

export const ROOT = join(here, '..', '..');
/** The back office's binary (`cargo build -p keukentafel-cli`; `cargo test` builds it). */
export const BIN = process.env.KT_BIN ?? join(ROOT, 'target', 'debug', 'keukentafel');
export const MUNICIPALITY_KEY = join(ROOT, 'examples', 'keys', 'municipality-demo.private.jwk.json');

/**
 * `keukentafel serve` on `root` at a free port (or `port`), with a fresh SQLite database — the
 * same server a municipality runs. `keys`: the enrolled professionals' key set (a file); without
 * it every valid signature is accepted (--accept-unenrolled). Returns { url, db, dir, close,
 * setRoot, stop, start, kill }: `stop`/`kill` end the process (gracefully / SIGKILL), `start`
 * starts it again on the same port and database.
 */
/** Servers still running: killed when the test process exits, so a failed test leaves none. */
const RUNNING = new Set();
process.on('exit', () => { for (const p of RUNNING) p.kill('SIGKILL'); });

export async function serve(initialRoot = DIST, { keys = null, env = {}, port = 0, args: extra = [] } = {}) {
  let root = initialRoot;
  await stat(join(root, 'index.html')); // fail early with a clear error when not built
  if (!existsSync(BIN)) throw new Error(`${BIN} ontbreekt: cargo build -p keukentafel-cli`);
  const dir = await mkdtemp(join(tmpdir(), 'kt-e2e-serve-'));
  const db = join(dir, 'keukentafel.sqlite');
  let proc = null;
  let url = null;
  let log = '';
  /** Starts the server (again); `envNow` replaces the environment given to `serve`. */
  const start = async (envNow = env) => {
    const args = ['serve', '--dist', root, '--db', db, '--listen', `127.0.0.1:${port}`, '--key', MUNICIPALITY_KEY];
    if (keys) args.push('--keys', keys);
    else args.push('--accept-unenrolled');
    args.push(...extra);
    proc = spawn(BIN, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...envNow } });
    proc.stderr.on('data', (d) => { log += d; });
    const self = proc;
    RUNNING.add(self);
    const exited = new Promise((ok) => self.once('exit', (code) => { RUNNING.delete(self); ok(code); }));
    proc.exited = exited;
    const line = await new Promise((resolve, reject) => {
      let out = '';
      proc.stdout.on('data', (d) => {
        out += d;
        const nl = out.indexOf('\n');
        if (nl >= 0) resolve(out.slice(0, nl));
      });
      exited.then((code) => reject(new Error(`keukentafel serve stopte (${code}): ${log}`)));
    });
    url = JSON.parse(line).url;
    port = Number(new URL(url).port);
    // Listening: a test that fails before it stops its server must not keep the test process
    // alive (the exit handler above kills it).
    self.unref();
    self.stdout.unref();
    self.stderr.unref();
  };
  const stop = async (signal = 'SIGTERM') => {
    if (!proc) return;
    const p = proc;
    proc = null;
    if (p.exitCode === null && p.signalCode === null) p.kill(signal);
    await p.exited;
  };
  await start();
  return {
    get url() { return url; },
    db,
    dir,
    log: () => log,
    close: () => stop(),
    stop: () => stop(),
    kill: () => stop('SIGKILL'),
    start,
    /** Another build on the same origin (a new version): the server starts again on it. */
    setRoot: async (r) => { root = r; await stop(); await start(); },
  };
}

/** `keukentafel ...args` on the server's database: standard output. */
export function backOffice(server, ...args) {
  return execFileSync(BIN, [...args, '--db', server.db], { encoding: 'utf8' });
}

/** The rows `keukentafel inbox list` prints for the server's database. */
export function inbox(server) {
  return backOffice(server, 'inbox', 'list').split('\n').filter(Boolean).map((l) => JSON.parse(l));
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

/** The touch target: what every control on a tablet is at least high (style/main.css, --kt-target). */
export const TARGET_PX = 44;

/**
 * What a professional could not use on the screen as it is now: axe's WCAG 2.1 A and AA
 * violations, and every visible control lower than the touch target (a text field, a list, a
 * button; a check box or radio button by its label, which is what a finger taps). Empty when
 * all is well; each entry names the rule and the element.
 */
export async function accessibilityProblems(page) {
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
  const small = await page.evaluate((min) => {
    const name = (e) => e.id ? `#${e.id}` : `${e.tagName.toLowerCase()}${e.dataset.testid ? `[data-testid=${e.dataset.testid}]` : ''} "${(e.textContent ?? '').trim().slice(0, 40)}"`;
    const out = [];
    for (const e of document.querySelectorAll('button, select, textarea, input:not([type=hidden])')) {
      const tapped = (e.type === 'checkbox' || e.type === 'radio') ? (e.closest('label') ?? e.labels?.[0] ?? e) : e;
      const r = tapped.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue; // not on screen (hidden, another step)
      if (r.height < min - 0.5) out.push(`touch-target: ${name(e)} is ${Math.round(r.height)} px high`);
    }
    return out;
  }, TARGET_PX);
  return [...axe.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`), ...small];
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
