// One headless Chromium through puppeteer-core (never a downloaded browser: the system's, or
// CHROME_PATH), and fresh pages in it, each in a browser context of its own.
import puppeteer from 'puppeteer-core';

/**
 * What a member's phone is, as Lighthouse's mobile profile puts it: 150 ms round trips,
 * 1.6 Mbit/s down, 750 kbit/s up (bytes per second here), a CPU 4× slower than this machine's.
 */
export const PHONE = {
  network: {latency: 150, download: 1_600_000 / 8, upload: 750_000 / 8},
  cpuSlowdown: 4,
  viewport: {width: 412, height: 823, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true},
};

/**
 * Launches one headless Chromium over a pipe (no port, no WebSocket).
 * @param {string} executablePath
 * @param {string[]} args the project's flags (scripts/browsers.mjs); puppeteer adds its headless one
 */
export async function launchChromium(executablePath, args) {
  const browser = await puppeteer.launch({
    executablePath,
    headless: true,
    pipe: true,
    args: [...args.filter((a) => !a.startsWith('--headless')), '--enable-precise-memory-info'],
    // The window's size (BENCH_FLAGS), as the pages had before puppeteer's 800×600 default.
    defaultViewport: null,
    protocolTimeout: 120_000,
  });
  return {browser, version: await browser.version(), close: () => browser.close()};
}

/**
 * A fresh page: a new browser context (a new renderer process, empty caches), navigated to `url`
 * and loaded. With `phone`, the network and CPU are those of {@link PHONE} from the navigation on.
 * `send` reaches the DevTools protocol for what puppeteer has no call for (heap, profiler).
 * `onNewDocument` is a script (string) run in the page before any of its own.
 * @param {import('puppeteer-core').Browser} browser
 */
export async function openPage(browser, url, {phone = false, timeoutMs = 60_000, onNewDocument} = {}) {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    const session = await page.createCDPSession();
    const exceptions = [];
    page.on('pageerror', (error) => exceptions.push(error.message));
    await page.setCacheEnabled(false);
    if (phone) {
      await page.setViewport(PHONE.viewport);
      await page.emulateNetworkConditions(PHONE.network);
      await page.emulateCPUThrottling(PHONE.cpuSlowdown);
    }
    // A script that must run before the page's own (an observer that notes when something appears).
    if (onNewDocument) await page.evaluateOnNewDocument(onNewDocument);
    await page.goto(url, {waitUntil: 'load', timeout: timeoutMs});
    return {
      page,
      exceptions,
      send: (method, params) => session.send(method, params),
      /** Evaluates an expression in the page, awaiting a returned promise; returns its JSON value. */
      async evaluate(expression, evalTimeoutMs = timeoutMs) {
        let timer;
        const timeout = new Promise((_, reject) => {
          timer = setTimeout(
            () => reject(new Error(`${url}: ${expression} did not settle in ${evalTimeoutMs} ms ${exceptions.join(' | ')}`)),
            evalTimeoutMs
          );
        });
        return Promise.race([page.evaluate(expression), timeout]).finally(() => clearTimeout(timer));
      },
      close: () => context.close().catch(() => {}),
    };
  } catch (error) {
    await context.close().catch(() => {});
    throw error;
  }
}
