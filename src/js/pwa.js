// Offline support and storage for keukentafel: service worker registration with an update
// prompt, persistent storage, and events for an embedding portal.

let reloadOnUpdate = false;

/** Runs `task` once the page has loaded and the browser is idle: start-up goes first. */
function afterStart(task) {
  const idle = () => (window.requestIdleCallback ? requestIdleCallback(task, { timeout: 2000 }) : setTimeout(task, 0));
  if (document.readyState === 'complete') idle();
  else window.addEventListener('load', idle, { once: true });
}

/**
 * Registers /sw.js after start-up (its install downloads every file again, which would compete
 * with the first start); calls onUpdate() when a new version is installed and waiting.
 */
export function ktRegisterSw(onUpdate) {
  if (!('serviceWorker' in navigator)) return;
  afterStart(() => registerSw(onUpdate));
}

function registerSw(onUpdate) {
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (reloadOnUpdate) {
      reloadOnUpdate = false;
      location.reload();
    }
  });
  navigator.serviceWorker.register('/sw.js', { type: 'module' }).then((reg) => {
    const check = () => {
      if (reg.waiting && navigator.serviceWorker.controller) onUpdate();
    };
    check();
    reg.addEventListener('updatefound', () => {
      const w = reg.installing;
      if (w) w.addEventListener('statechange', () => { if (w.state === 'installed') check(); });
    });
    // Look for a new version now and then while the app is open.
    setInterval(() => reg.update().catch(() => {}), 30 * 60 * 1000);
  }).catch(() => {});
}

/** Lets the waiting version take over; the page reloads when it does. Drafts are saved already. */
export function ktApplyUpdate() {
  reloadOnUpdate = true;
  navigator.serviceWorker.getRegistration().then((reg) => {
    if (reg && reg.waiting) reg.waiting.postMessage('SKIP_WAITING');
    else location.reload();
  });
}

/** Asks for persistent storage after start-up, without blocking; resolves to whether it is granted. */
export async function ktPersist() {
  await new Promise((resolve) => afterStart(resolve));
  try {
    if (!navigator.storage || !navigator.storage.persist) return false;
    if (await navigator.storage.persisted()) return true;
    return await navigator.storage.persist();
  } catch {
    return false;
  }
}

/** {persisted, usage, quota} as JSON text. */
export async function ktStorageInfo() {
  try {
    const persisted = navigator.storage && navigator.storage.persisted ? await navigator.storage.persisted() : false;
    const est = navigator.storage && navigator.storage.estimate ? await navigator.storage.estimate() : {};
    return JSON.stringify({ persisted, usage: est.usage ?? null, quota: est.quota ?? null });
  } catch {
    return JSON.stringify({ persisted: false, usage: null, quota: null });
  }
}

/**
 * Dispatches a CustomEvent on the element a portal mounted the module in. It does not bubble
 * (the detail can hold client data) unless the portal opted in with `bubbles: true`.
 */
export function ktEmit(element, name, detailJson, bubbles) {
  element.dispatchEvent(new CustomEvent(name, { detail: JSON.parse(detailJson), bubbles, composed: bubbles }));
}

// When the wasm traps (a bug, or memory exhausted), every module on the page stops at once and
// no Rust code runs again. Say so in each module's element, in plain JS, instead of leaving a
// screen that looks alive but no longer saves.
const watched = new Set();
let watching = false;
const STOPPED = 'keukentafel is gestopt door een fout en bewaart niets meer. Wat als opgeslagen is gemeld, staat veilig op deze tablet. Laad de pagina opnieuw om verder te gaan.';

function stopped(error) {
  if (!(error instanceof WebAssembly.RuntimeError)) return;
  for (const el of watched) {
    if (!el.isConnected || el.querySelector('[data-testid="module-gestopt"]')) continue;
    const p = document.createElement('p');
    p.className = 'kt-opslag-fout kt-gestopt';
    p.setAttribute('role', 'alert');
    p.dataset.testid = 'module-gestopt';
    p.textContent = STOPPED;
    const reload = document.createElement('button');
    reload.type = 'button';
    reload.className = 'kt-knop';
    reload.textContent = 'Pagina opnieuw laden';
    reload.addEventListener('click', () => location.reload());
    p.append(' ', reload);
    el.prepend(p);
  }
}

/** Shows a Dutch message in `element` when the wasm has trapped. */
export function ktWatchForStop(element) {
  watched.add(element);
  if (watching) return;
  watching = true;
  window.addEventListener('error', (e) => stopped(e.error));
  window.addEventListener('unhandledrejection', (e) => stopped(e.reason));
}
