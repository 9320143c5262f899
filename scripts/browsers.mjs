// Finds the browsers the test suite runs in. Nothing here downloads a browser: they come from
// the system (Debian packages), see README "Browsers for tests".
//
// Engines: chromium (Chrome, Edge, Android), firefox (Gecko) and webkit (the Safari engine, as
// WebKitGTK's MiniBrowser driven by WebKitWebDriver). `BROWSERS=chromium,webkit npm test` picks
// a subset; the default is all three.
import {existsSync} from 'node:fs';
import {delimiter, join} from 'node:path';

/** Every engine the suite knows, in the order they run. */
export const ENGINES = /** @type {const} */ (['chromium', 'firefox', 'webkit']);

/** Display names, as the runner reports them. */
export const ENGINE_LABELS = {chromium: 'Chromium', firefox: 'Firefox', webkit: 'WebKit'};

function firstExisting(candidates) {
  return candidates.filter(Boolean).find((p) => existsSync(p)) ?? null;
}

/**
 * The browser at the path in env variable `name` when it is set — null when that path does not
 * exist, never a fallback to another browser than the one asked for — else the first candidate
 * that exists.
 */
function overrideOr(name, candidates) {
  const chosen = process.env[name];
  if (chosen) return existsSync(chosen) ? chosen : null;
  return firstExisting(candidates);
}

/** `name` looked up on PATH, or null. */
function onPath(name) {
  return firstExisting((process.env.PATH ?? '').split(delimiter).map((dir) => dir && join(dir, name)));
}

/** Path of a Chromium/Chrome executable, or null. CHROME_PATH, when set, is the only choice. */
export function findChromium() {
  return overrideOr('CHROME_PATH', [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
  ]);
}

/** Path of a Firefox executable (driven over WebDriver BiDi, no geckodriver), or null. FIREFOX_PATH, when set, is the only choice. */
export function findFirefox() {
  return overrideOr('FIREFOX_PATH', [
    '/usr/bin/firefox-esr',
    '/usr/bin/firefox',
    '/Applications/Firefox.app/Contents/MacOS/firefox',
  ]);
}

/**
 * WebKitWebDriver and the MiniBrowser it drives, or null when either is missing.
 * WEBKIT_DRIVER_PATH and MINIBROWSER_PATH, when set, are the only choices.
 * @returns {{driver: string, miniBrowser: string} | null}
 */
export function findWebKit() {
  const driver = overrideOr('WEBKIT_DRIVER_PATH', ['/usr/bin/WebKitWebDriver']) ?? (process.env.WEBKIT_DRIVER_PATH ? null : onPath('WebKitWebDriver'));
  const miniBrowser = overrideOr('MINIBROWSER_PATH', [
    '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
    '/usr/lib/aarch64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
    '/usr/libexec/webkit2gtk-4.1/MiniBrowser',
    '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.0/MiniBrowser',
  ]);
  return driver && miniBrowser ? {driver, miniBrowser} : null;
}

/** Path of Xvfb (MiniBrowser has no headless mode), or null. */
export function findXvfb() {
  return firstExisting(['/usr/bin/Xvfb']) ?? onPath('Xvfb');
}

export const chromiumArgs = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Firefox preferences for a quiet, offline test profile (puppeteer adds its own automation
 * defaults on top).
 */
export const firefoxPrefs = {
  'app.update.enabled': false,
  'browser.shell.checkDefaultBrowser': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'toolkit.telemetry.enabled': false,
  'network.captive-portal-service.enabled': false,
  'extensions.update.enabled': false,
};

/**
 * The engines chosen by BROWSERS (comma or space separated; "all" or unset = all three).
 * Exits with a usage message on an unknown name.
 * @returns {Array<'chromium' | 'firefox' | 'webkit'>}
 */
export function selectedEngines(value = process.env.BROWSERS) {
  const aliases = {chrome: 'chromium', gecko: 'firefox', safari: 'webkit'};
  const names = (value ?? '')
    .split(/[\s,]+/)
    .map((n) => n.trim().toLowerCase())
    .filter(Boolean)
    .map((n) => aliases[n] ?? n);
  if (names.length === 0 || names.includes('all')) return [...ENGINES];
  const unknown = names.filter((n) => !ENGINES.includes(n));
  if (unknown.length) {
    console.error(
      `BROWSERS names unknown engine(s): ${unknown.join(', ')}.\n` +
        `Use a comma-separated subset of: ${ENGINES.join(', ')} (default: all three), e.g. BROWSERS=chromium,webkit npm test`
    );
    process.exit(1);
  }
  return ENGINES.filter((e) => names.includes(e));
}

const INSTALL_HELP = {
  chromium: [
    'No Chromium found for the tests.',
    'Set CHROME_PATH to a Chrome/Chromium executable, or install one from your system packages:',
    '  Debian/Ubuntu:  sudo apt-get install -y chromium',
    '  macOS:          export CHROME_PATH="/Applications/Google Chrome.app/Contents/MacOS/Google Chrome"',
  ],
  firefox: [
    'No Firefox found for the tests.',
    'Set FIREFOX_PATH to a Firefox executable (tested: 153 ESR; it is driven over WebDriver BiDi,',
    'no geckodriver needed), or install one from your system packages:',
    '  Debian/Ubuntu:  sudo apt-get install -y firefox-esr',
    '  macOS:          export FIREFOX_PATH=/Applications/Firefox.app/Contents/MacOS/firefox',
  ],
  webkit: [
    'No WebKit found for the tests (WebKitWebDriver and MiniBrowser from WebKitGTK).',
    'Install them from your system packages (Xvfb too: MiniBrowser needs a display):',
    '  Debian/Ubuntu:  sudo apt-get install -y webkit2gtk-driver xvfb',
    'or set WEBKIT_DRIVER_PATH (WebKitWebDriver) and MINIBROWSER_PATH (MiniBrowser) to your builds.',
  ],
  xvfb: [
    'WebKit tests need a display: DISPLAY is unset and no Xvfb was found.',
    '  Debian/Ubuntu:  sudo apt-get install -y xvfb',
    'or run with a display (DISPLAY=:0), or leave WebKit out: BROWSERS=chromium,firefox npm test',
  ],
};

/** The executables for `engines`, or exits at once naming every missing one and how to install it. */
export function requireEngines(engines) {
  const found = {
    chromium: engines.includes('chromium') ? findChromium() : undefined,
    firefox: engines.includes('firefox') ? findFirefox() : undefined,
    webkit: engines.includes('webkit') ? findWebKit() : undefined,
  };
  const missing = engines.filter((e) => !found[e]);
  if (engines.includes('webkit') && found.webkit && !process.env.DISPLAY && !findXvfb()) missing.push('xvfb');
  const overrides = {
    chromium: ['CHROME_PATH'],
    firefox: ['FIREFOX_PATH'],
    webkit: ['WEBKIT_DRIVER_PATH', 'MINIBROWSER_PATH'],
    xvfb: [],
  };
  const badOverride = (e) =>
    overrides[e].filter((v) => process.env[v] && !existsSync(process.env[v])).map((v) => `${v}=${process.env[v]} does not exist.`);
  if (missing.length) {
    console.error(
      [
        ...missing.flatMap((e) => [...badOverride(e), ...INSTALL_HELP[e], '']),
        'The test suite never downloads a browser. To run fewer engines: BROWSERS=chromium npm test',
      ].join('\n')
    );
    process.exit(1);
  }
  return found;
}

/** Exits at once with install guidance when no Chromium is found. */
export function requireChromium() {
  return requireEngines(['chromium']).chromium;
}
