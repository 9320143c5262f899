// WebKit (the Safari engine) for web-test-runner: WebKitGTK's MiniBrowser driven by
// WebKitWebDriver (WebDriver classic) through @web/test-runner-webdriver. scripts/test.mjs starts
// WebKitWebDriver (and Xvfb when DISPLAY is unset) and passes its port in WEBKIT_DRIVER_PORT.
//
// What this adds to the stock webdriver launcher, so tests read the same in every engine:
// - the name "WebKit" in reports (instead of "MiniBrowser 2.50.6");
// - a 800×600 viewport at the start of every test file, like the puppeteer launchers;
// - setViewport(), which the stock commands only offer for puppeteer/playwright;
// - typing one key after another: the stock `sendKeys({type})` presses every key down before
//   releasing any, so "hello" arrives as held, repeating keys, not as a person types it;
// - key down/up (`sendKeys({down})`, `sendKeys({up})`) through WebDriver key actions.
import {WebdriverLauncher} from '@web/test-runner-webdriver';

export const DEFAULT_VIEWPORT = {width: 800, height: 600};

/**
 * WebDriver key values for the KeyboardEvent.key names the puppeteer launchers accept
 * (https://w3c.github.io/webdriver/#keyboard-actions). Single characters are sent as themselves.
 */
const WEBDRIVER_KEYS = {
  Cancel: '\uE001',
  Help: '\uE002',
  Backspace: '\uE003',
  Tab: '\uE004',
  Clear: '\uE005',
  Enter: '\uE007',
  Shift: '\uE008',
  ShiftLeft: '\uE008',
  Control: '\uE009',
  ControlLeft: '\uE009',
  Alt: '\uE00A',
  AltLeft: '\uE00A',
  Pause: '\uE00B',
  Escape: '\uE00C',
  Space: ' ',
  PageUp: '\uE00E',
  PageDown: '\uE00F',
  End: '\uE010',
  Home: '\uE011',
  ArrowLeft: '\uE012',
  ArrowUp: '\uE013',
  ArrowRight: '\uE014',
  ArrowDown: '\uE015',
  Insert: '\uE016',
  Delete: '\uE017',
  F1: '\uE031',
  F2: '\uE032',
  F3: '\uE033',
  F4: '\uE034',
  F5: '\uE035',
  F6: '\uE036',
  F7: '\uE037',
  F8: '\uE038',
  F9: '\uE039',
  F10: '\uE03A',
  F11: '\uE03B',
  F12: '\uE03C',
  Meta: '\uE03D',
  MetaLeft: '\uE03D',
  ZenkakuHankaku: '\uE040',
  ShiftRight: '\uE050',
  ControlRight: '\uE051',
  AltRight: '\uE052',
  MetaRight: '\uE053',
};

const graphemes = new Intl.Segmenter(undefined, {granularity: 'grapheme'});

/** The WebDriver key value for a key name or a single character; throws on an unknown name. */
export function webDriverKey(key) {
  if (Object.hasOwn(WEBDRIVER_KEYS, key)) return WEBDRIVER_KEYS[key];
  if ([...graphemes.segment(key)].length === 1) return key;
  throw new Error(
    `WebKit (WebDriver) has no key named "${key}". Known names: ${Object.keys(WEBDRIVER_KEYS).join(', ')}, ` +
      'or a single character. (CapsLock has no WebDriver key: dispatch a synthetic KeyboardEvent instead.)'
  );
}

export class WebKitLauncher extends WebdriverLauncher {
  /** @type {{width: number, height: number} | null} the viewport this launcher last set */
  #viewport = null;

  async initialize(config, testFiles) {
    await super.initialize(config, testFiles);
    this.name = 'WebKit';
  }

  async startSession(id, url) {
    await this.ensureManagerInitialized();
    const {width, height} = DEFAULT_VIEWPORT;
    if (this.#viewport?.width !== width || this.#viewport?.height !== height) {
      await this.setViewport(id, DEFAULT_VIEWPORT);
    }
    return super.startSession(id, url);
  }

  /**
   * Resizes MiniBrowser's window so the page's viewport (innerWidth × innerHeight) is `viewport`:
   * WebDriver sizes the outer window, which includes MiniBrowser's toolbar.
   */
  async setViewport(_sessionId, {width, height}) {
    await this.ensureManagerInitialized();
    const driver = this.driver;
    // While the page is being replaced the script can come back without four numbers (seen once
    // in CI: NaN sizes for setWindowSize): ask again rather than size the window from that.
    const measure = async () => {
      for (let attempt = 0; ; attempt++) {
        const sizes = await driver.execute('return [window.innerWidth, window.innerHeight, window.outerWidth, window.outerHeight]');
        if (Array.isArray(sizes) && sizes.length === 4 && sizes.every((n) => Number.isInteger(n) && n > 0)) return sizes;
        if (attempt === 20) throw new Error(`WebKit (MiniBrowser) reported no window size: ${JSON.stringify(sizes)}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    let [innerW, innerH, outerW, outerH] = await measure();
    for (let attempt = 0; attempt < 3 && (innerW !== width || innerH !== height); attempt++) {
      await driver.setWindowSize(width + (outerW - innerW), height + (outerH - innerH));
      [innerW, innerH, outerW, outerH] = await measure();
    }
    this.#viewport = {width: innerW, height: innerH};
    if (innerW !== width || innerH !== height) {
      throw new Error(
        `WebKit (MiniBrowser) could not size its viewport to ${width}×${height}; it is ${innerW}×${innerH}. ` +
          'Its window has a minimum width (about 447 px, its toolbar): test narrow phone widths in Chromium and Firefox.'
      );
    }
  }

  /** Types keys one after another (down, up, down, up…), as a person does. */
  async sendKeys(sessionId, keys) {
    const actions = keys.flatMap((key) => {
      const value = webDriverKey(key);
      return [
        {type: 'keyDown', value},
        {type: 'keyUp', value},
      ];
    });
    return this.#keyActions(sessionId, actions);
  }

  /** Holds a key down until keyUp(); WebDriver keeps the pressed state between calls. */
  async keyDown(sessionId, key) {
    return this.#keyActions(sessionId, [{type: 'keyDown', value: webDriverKey(key)}]);
  }

  async keyUp(sessionId, key) {
    return this.#keyActions(sessionId, [{type: 'keyUp', value: webDriverKey(key)}]);
  }

  async #keyActions(sessionId, actions) {
    await this.ensureManagerInitialized();
    return this.driverManager.performActions(sessionId, [{type: 'key', id: 'keyboard', actions}]);
  }
}

/**
 * A launcher for WebKitGTK's MiniBrowser behind WebKitWebDriver on 127.0.0.1:`port`.
 * Run it with concurrency 1: the webdriver launcher's other mode runs test files in iframes of
 * one page, which breaks focus, keyboard actions and viewport sizes.
 */
export function webkitLauncher({port, miniBrowser}) {
  return new WebKitLauncher(webkitSessionOptions({port, miniBrowser}));
}

/**
 * webdriverio's options for a MiniBrowser session through WebKitWebDriver on 127.0.0.1:`port`
 * (this launcher's, and `remote()`'s in scripts/story-engines.mjs).
 */
export function webkitSessionOptions({port, miniBrowser}) {
  return {
    hostname: '127.0.0.1',
    port,
    logLevel: 'error',
    // MiniBrowser that cannot start (no display) otherwise hangs session creation for minutes.
    connectionRetryTimeout: 60000,
    connectionRetryCount: 1,
    capabilities: {
      browserName: 'MiniBrowser',
      // webdriverio 9 would try WebDriver BiDi first; WebKitWebDriver speaks classic only.
      'wdio:enforceWebDriverClassic': true,
      'webkitgtk:browserOptions': {binary: miniBrowser, args: ['--automation']},
    },
  };
}
