import sinon from 'sinon';

/**
 * Stops the page's clock at `now` (sinon fake timers; `sinon.restore()` in `afterEach` starts it
 * again). With `timers`, `setTimeout` and `clearTimeout` wait for `clock.tick()`/`tickAsync()`
 * too, so a test steps through a countdown or a schedule without waiting; without it only `Date`
 * stands still and other timers (axe's queue, `waitUntil`'s polling) run as usual.
 *
 * @example
 * ```ts
 * afterEach(() => sinon.restore());
 * it('counts down to zero', async () => {
 *   const clock = stopTime(Date.UTC(2025, 0, 2), {timers: true});
 *   const el = await fixture(html`<sonet-error-help code="SS503" retry-after="90"></sonet-error-help>`);
 *   await clock.tickAsync(90_000); // timers fire in order; updates settle after each
 * });
 * ```
 */
export function stopTime(now: number, {timers = false} = {}): sinon.SinonFakeTimers {
  return sinon.useFakeTimers({now, toFake: timers ? ['Date', 'setTimeout', 'clearTimeout'] : ['Date']});
}
