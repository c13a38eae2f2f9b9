// Timing helpers shared by the benchmarks (tests/e2e/bench.mjs, bench/peers/measure.mjs).

/** The median (of an even count, the mean of the middle two). */
export const median = (v) => {
  const s = [...v].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** A DevTools session on `page` with its CPU throttled 4×; returned for further emulation. */
export async function throttled(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  return cdp;
}

/**
 * `n` keystrokes in the field `selector`, each timed inside the page from the input event to
 * the next frame (the page's reaction on screen).
 */
export async function keystrokeTimes(page, selector, n = 20) {
  const times = [];
  for (let k = 0; k < n; k++) {
    times.push(await page.evaluate(async ({ selector, k }) => {
      const el = document.querySelector(selector);
      const t0 = performance.now();
      el.value = `LM-${k}`;
      el.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((r) => requestAnimationFrame(() => r()));
      return performance.now() - t0;
    }, { selector, k }));
  }
  return times;
}
