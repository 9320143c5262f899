// The navigation pages' probe, inlined as a classic script at the top of <head> (candidates.mjs
// writes its source with the candidate's functions from forms.js), so it watches from the first
// frame and adds no request of its own. Self-contained: it runs from its source text.
// Times are performance.now(): milliseconds since navigation start.

/** A form not ready by then is reported as not ready. */
export const READY_LIMIT_MS = 30_000;
/** Past 3× the target (1.5 s), "not live" says as much as a figure would. */
export const LIVE_LIMIT_MS = 5_000;

/**
 * Polls `form` on each animation frame (the form can only appear with a frame) and resolves
 * `window.__nav` with `{ready, live, readyBytes}` once both are known or their limit passed.
 * @param {Pick<import('./forms.js').Form, 'userId' | 'toggle' | 'live'>} form
 * @param {{readyLimitMs: number, liveLimitMs: number}} limits
 */
export function probe(form, {readyLimitMs, liveLimitMs}) {
  const result = {ready: NaN, live: NaN, readyBytes: NaN};
  const isReady = () => {
    const input = form.userId(document);
    if (!input || !input.isConnected || input.disabled || input.readOnly) return false;
    const box = input.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && (!form.toggle || !!form.toggle(document));
  };
  /** Bytes on the wire (gzip bodies) of the scripts and stylesheets received so far. */
  const fetched = () =>
    performance.getEntriesByType('resource').reduce((sum, e) => sum + e.encodedBodySize, 0);
  window.__nav = new Promise((resolve) => {
    const check = () => {
      const now = performance.now();
      if (Number.isNaN(result.ready) && isReady()) {
        result.ready = now;
        result.readyBytes = fetched();
      }
      if (form.live && Number.isNaN(result.live) && form.live(document)) result.live = now;
      const readyDone = !Number.isNaN(result.ready) || now > readyLimitMs;
      const liveDone = !form.live || !Number.isNaN(result.live) || now > liveLimitMs;
      if (readyDone && liveDone) resolve(result);
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
}
