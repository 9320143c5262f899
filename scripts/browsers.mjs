// Finds the browsers the test suite runs in. Nothing here downloads a browser: they come
// from the system (Debian packages), see README "Browsers for tests".
import {existsSync} from 'node:fs';

/** Path of a Chromium/Chrome executable, or null. CHROME_PATH wins. */
export function findChromium() {
  const candidates = [
    process.env.CHROME_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
  ].filter(Boolean);
  return candidates.find((p) => existsSync(p)) ?? null;
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

/** Exits at once with install guidance when no Chromium is found. */
export function requireChromium() {
  const path = findChromium();
  if (!path) {
    console.error(
      [
        'No Chromium found for the tests.',
        'Set CHROME_PATH to a Chrome/Chromium executable, or install one from your system packages:',
        '  Debian/Ubuntu:  sudo apt-get install -y chromium',
        '  macOS:          export CHROME_PATH="/Applications/Google Chrome.app/Contents/MacOS/Google Chrome"',
        'The test suite never downloads a browser.',
      ].join('\n')
    );
    process.exit(1);
  }
  return path;
}
