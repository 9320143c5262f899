// @web/test-runner configuration: the whole suite in real browsers from the system, in three
// engines: Chromium and Firefox (puppeteer-core: DevTools protocol / WebDriver BiDi) and WebKit
// (WebKitWebDriver + MiniBrowser). BROWSERS=chromium,firefox,webkit picks a subset (default: all).
// Run it through `npm test` (scripts/test.mjs), which starts WebKitWebDriver and Xvfb for WebKit
// and runs one engine after another.
import {esbuildPlugin} from '@web/dev-server-esbuild';
import {chromeLauncher, puppeteerCore} from '@web/test-runner-chrome';
import {a11ySnapshotPlugin} from '@web/test-runner-commands/plugins';
import {chromiumArgs, firefoxPrefs, requireEngines, selectedEngines} from './scripts/browsers.mjs';
import {engineCommandsPlugin, runsFirst} from './scripts/engine-commands-plugin.mjs';
import {failingLogsReporter} from './scripts/failing-logs-reporter.mjs';
import {summaryFileReporter} from './scripts/summary-file-reporter.mjs';
import {formAuditPlugin} from './test/plugins/form-audit-plugin.mjs';
import {heldModulesMiddleware, heldModulesPlugin, offlineModulesMiddleware} from './test/plugins/offline-modules.mjs';
import {securityCommandsPlugin, securityMiddleware} from './test/plugins/security-plugin.mjs';
import {webkitLauncher} from './scripts/webkit-launcher.mjs';
import {visualPlugins, VISUAL_FILES} from './test/plugins/visual-plugin.mjs';

const engines = selectedEngines();
const found = requireEngines(engines);
const commands = engineCommandsPlugin();

// Chromium runs two test files at a time (two cores), each in a window of its own: a second
// *tab* is a hidden background page (document.hidden, requestAnimationFrame never fires, so a test
// waiting for a frame hangs), while headless windows are all visible and focused.
// Firefox and WebKit run one: a second Firefox tab is hidden too (timers clamped to 1 s: 50
// zero-delay timeouts take 48 s) and a second Firefox window has no focus (no focus/blur events);
// WebKit's webdriver launcher runs parallel files in iframes of one page.
const CHROMIUM_PAGES = 2;

function webkitDriverPort() {
  const port = Number(process.env.WEBKIT_DRIVER_PORT);
  if (Number.isInteger(port) && port > 0) return port;
  console.error(
    'WebKit runs through `npm test`, which starts WebKitWebDriver (and Xvfb when DISPLAY is unset).\n' +
      'To use web-test-runner directly, start `WebKitWebDriver --port=4444` yourself and set WEBKIT_DRIVER_PORT=4444,\n' +
      'or leave WebKit out: BROWSERS=chromium,firefox'
  );
  process.exit(1);
}

const launchers = {
  chromium: () =>
    chromeLauncher({
      puppeteer: puppeteerCore, // also names it "Chromium" in reports and for the command plugins
      concurrency: CHROMIUM_PAGES,
      createPage: ({context}) => context.newPage({type: 'window'}),
      launchOptions: {executablePath: found.chromium, headless: true, args: chromiumArgs},
    }),
  firefox: () =>
    chromeLauncher({
      puppeteer: puppeteerCore,
      concurrency: 1,
      launchOptions: {browser: 'firefox', executablePath: found.firefox, headless: true, extraPrefsFirefox: firefoxPrefs},
    }),
  webkit: () => webkitLauncher({port: webkitDriverPort(), miniBrowser: found.webkit.miniBrowser}),
};

export default {
  // The screenshots (test/visual/) are Chromium's alone: a baseline is one engine's pixels, and
  // only Chromium here emulates the colour scheme and the time zone (DevTools protocol). Runs
  // without Chromium leave those files out rather than report them as skipped.
  files: ['test/**/*.test.ts', ...(engines.includes('chromium') ? [] : [`!${VISUAL_FILES}`])],
  nodeResolve: {exportConditions: ['development', 'browser']},
  // Decorators need the tsconfig, or Chromium throws "Invalid or unexpected token" (TOOLCHAIN.md).
  plugins: [
    commands,
    // The runner adds the other command plugins itself (sendKeys, setViewport, emulateMedia…), not this one.
    a11ySnapshotPlugin(),
    esbuildPlugin({ts: true, tsconfig: './tsconfig.json', target: 'es2021'}),
    formAuditPlugin(),
    securityCommandsPlugin(),
    heldModulesPlugin(),
    ...visualPlugins({update: process.env.UPDATE_VISUAL === '1'}),
  ],
  // Strict-CSP pages, the simulated login API and landing pages for test/security/.
  middleware: [securityMiddleware(), offlineModulesMiddleware(), heldModulesMiddleware()],
  browsers: engines.map((engine) => runsFirst(commands, launchers[engine]())),
  // WebKit's webdriver launcher runs each test file as a page of its own only when this global
  // value is 1 (it does not read a per-launcher one).
  concurrency: 1,
  // A hang guard, not a speed limit: a file's first test (axe, lazy modules, a cold page) can take
  // over 10 s on a machine busy with another job.
  testFramework: {config: {timeout: 20000}},
  // Lit's development build (the `development` condition above: its warnings help a failing test)
  // says so on every page: not news, even beside a failure.
  filterBrowserLogs: ({args}) => !/^Lit is in dev mode/.test(String(args?.[0] ?? '')),
  browserStartTimeout: 60000,
  testsFinishTimeout: 600000,
  // Browser logs only for the files that failed.
  reporters: [failingLogsReporter(), summaryFileReporter()],
};
