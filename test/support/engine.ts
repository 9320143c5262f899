/**
 * Which browser engine runs the current test file, and which test-runner commands it offers.
 * `npm test` runs every file in Chromium, Firefox and WebKit (scripts/test.mjs); a step that only
 * one engine can do is skipped elsewhere with the reason written next to it, never silently:
 *
 * @example
 * ```ts
 * it('keeps the toggle visible in forced colors', async function () {
 *   if (!canEmulateMedia) this.skip(); // emulateMedia() needs Chromium's DevTools protocol
 *   await emulateMedia({forcedColors: 'active'});
 *   …
 * });
 * ```
 */
export type Engine = 'chromium' | 'firefox' | 'webkit';

function detectEngine(userAgent: string): Engine {
  if (/\bFirefox\//.test(userAgent)) return 'firefox';
  if (/\b(?:Headless)?Chrome\//.test(userAgent)) return 'chromium';
  return 'webkit';
}

/** The engine of this page: Chromium (Chrome, Edge), Firefox (Gecko) or WebKit (Safari). */
export const engine: Engine = detectEngine(navigator.userAgent);

/**
 * `emulateMedia()` (prefers-color-scheme, prefers-reduced-motion, forced-colors) works in Chromium
 * only: puppeteer drives Firefox over WebDriver BiDi and WebKit runs under WebDriver classic,
 * neither of which emulates media features. Elsewhere the command rejects with that reason.
 */
export const canEmulateMedia = engine === 'chromium';

/** `a11ySnapshot()` needs Chromium's DevTools protocol; elsewhere it rejects. */
export const canSnapshotAccessibility = engine === 'chromium';

/**
 * The DevTools-protocol commands of test/plugins/form-audit-plugin.mjs (`form-audit`,
 * `emulate-focus`) answer in Chromium only; elsewhere they return null / false.
 */
export const hasDevToolsProtocol = engine === 'chromium';
