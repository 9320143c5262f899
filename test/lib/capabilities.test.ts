import {expect} from '@open-wc/testing';
import {
  BrowserInfo,
  cookiesWork,
  detectBrowser,
  detectCapabilities,
  NavigatorLike,
  storageWorks,
} from '../../src/lib/capabilities.js';

// Real user-agent strings, as the browsers sent them.
const UA = {
  edgeWin: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
  edgeLegacy: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19045',
  edgeAndroid: 'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36 EdgA/131.0.0.0',
  edgeIos: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 EdgiOS/131.0.2903.68 Mobile/15E148 Safari/605.1.15',
  chromeWin: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  chromeMac: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  chromeLinux: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  chromeOs: 'Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  headless: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36',
  chromium: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chromium/120.0.6099.224 Chrome/120.0.6099.224 Safari/537.36',
  firefoxWin: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0',
  firefoxMac: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:133.0) Gecko/20100101 Firefox/133.0',
  firefoxLinux: 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0',
  firefoxAndroid: 'Mozilla/5.0 (Android 14; Mobile; rv:133.0) Gecko/133.0 Firefox/133.0',
  firefoxIos: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) FxiOS/133.0 Mobile/15E148 Safari/605.1.15',
  safariMac: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
  iphone: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
  ipadOld: 'Mozilla/5.0 (iPad; CPU OS 12_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/12.1 Mobile/15E148 Safari/604.1',
  chromeIos: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_7 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0.6778.73 Mobile/15E148 Safari/604.1',
  lineIos: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Safari Line/13.21.1',
  androidChrome: 'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
  androidChromeTablet: 'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
  samsung: 'Mozilla/5.0 (Linux; Android 14; SAMSUNG SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/26.0 Chrome/122.0.0.0 Mobile Safari/537.36',
  operaWin: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 OPR/115.0.0.0',
  operaAndroid: 'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Mobile Safari/537.36 OPR/86.0.0.0',
  vivaldi: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 Vivaldi/7.0.3495.18',
  lineAndroid: 'Mozilla/5.0 (Linux; Android 13; SO-51C Build/64.1.F.0.170; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/120.0.6099.230 Mobile Safari/537.36 Line/13.21.1',
  webview: 'Mozilla/5.0 (Linux; Android 13; Pixel 7 Build/TQ3A.230805.001; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/118.0.0.0 Mobile Safari/537.36',
  ie11: 'Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0) like Gecko',
  curl: 'curl/8.5.0',
};

type Row = [string, NavigatorLike | undefined, BrowserInfo];
const win = {os: 'windows', osName: 'Windows', mobile: false} as const;
const mac = {os: 'macos', osName: 'macOS', mobile: false} as const;
const linux = {os: 'linux', osName: 'Linux', mobile: false} as const;
const ios = {os: 'ios', osName: 'iOS', mobile: true} as const;
const ipados = {os: 'ios', osName: 'iPadOS', mobile: true} as const;
const android = {os: 'android', osName: 'Android', mobile: true} as const;
const unknown = {family: 'other', name: '', os: 'other', osName: '', mobile: false} as const;

describe('detectBrowser()', () => {
  describe('from the user-agent string', () => {
    const rows: Row[] = [
      ['Edge on Windows', {userAgent: UA.edgeWin}, {family: 'edge', name: 'Microsoft Edge', version: '131', ...win}],
      ['legacy Edge on Windows', {userAgent: UA.edgeLegacy}, {family: 'edge', name: 'Microsoft Edge', version: '18', ...win}],
      ['Edge on Android', {userAgent: UA.edgeAndroid}, {family: 'edge', name: 'Microsoft Edge', version: '131', ...android}],
      ['Edge on iPhone (WebKit: Safari steps)', {userAgent: UA.edgeIos}, {family: 'safari-ios', name: 'Microsoft Edge', version: '131', ...ios}],
      ['Chrome on Windows', {userAgent: UA.chromeWin}, {family: 'chrome', name: 'Google Chrome', version: '131', ...win}],
      ['Chrome on macOS', {userAgent: UA.chromeMac}, {family: 'chrome', name: 'Google Chrome', version: '131', ...mac}],
      ['Chrome on Linux', {userAgent: UA.chromeLinux}, {family: 'chrome', name: 'Google Chrome', version: '131', ...linux}],
      ['Chrome on ChromeOS', {userAgent: UA.chromeOs}, {family: 'chrome', name: 'Google Chrome', version: '131', os: 'chromeos', osName: 'ChromeOS', mobile: false}],
      ['headless Chrome', {userAgent: UA.headless}, {family: 'chrome', name: 'Google Chrome', version: '131', ...linux}],
      ['Chromium on Linux', {userAgent: UA.chromium}, {family: 'chrome', name: 'Chromium', version: '120', ...linux}],
      ['Firefox on Windows', {userAgent: UA.firefoxWin}, {family: 'firefox', name: 'Firefox', version: '133', ...win}],
      ['Firefox on macOS', {userAgent: UA.firefoxMac}, {family: 'firefox', name: 'Firefox', version: '133', ...mac}],
      ['Firefox on Linux', {userAgent: UA.firefoxLinux}, {family: 'firefox', name: 'Firefox', version: '128', ...linux}],
      ['Firefox on Android', {userAgent: UA.firefoxAndroid}, {family: 'firefox', name: 'Firefox', version: '133', ...android}],
      ['Firefox on iPhone (WebKit: Safari steps)', {userAgent: UA.firefoxIos}, {family: 'safari-ios', name: 'Firefox', version: '133', ...ios}],
      ['Safari on macOS', {userAgent: UA.safariMac, maxTouchPoints: 0}, {family: 'safari-mac', name: 'Safari', version: '18', ...mac}],
      ['Safari on macOS without maxTouchPoints', {userAgent: UA.safariMac}, {family: 'safari-mac', name: 'Safari', version: '18', ...mac}],
      ['Safari on iPhone', {userAgent: UA.iphone, maxTouchPoints: 5}, {family: 'safari-ios', name: 'Safari', version: '18', ...ios}],
      ['Safari on iPad, iPad user agent', {userAgent: UA.ipadOld, maxTouchPoints: 5}, {family: 'safari-ios', name: 'Safari', version: '12', ...ipados}],
      ['Safari on iPad, desktop (Mac) user agent', {userAgent: UA.safariMac, maxTouchPoints: 5}, {family: 'safari-ios', name: 'Safari', version: '18', ...ipados}],
      ['Chrome on iPhone (CriOS: WebKit, Safari steps)', {userAgent: UA.chromeIos}, {family: 'safari-ios', name: 'Google Chrome', version: '131', ...ios}],
      ['LINE on iPhone', {userAgent: UA.lineIos}, {family: 'safari-ios', name: 'LINE', version: '13', ...ios}],
      ['Chrome on an Android phone', {userAgent: UA.androidChrome}, {family: 'android-chrome', name: 'Google Chrome', version: '131', ...android}],
      ['Chrome on an Android tablet', {userAgent: UA.androidChromeTablet}, {family: 'android-chrome', name: 'Google Chrome', version: '131', ...android}],
      ['Samsung Internet', {userAgent: UA.samsung}, {family: 'samsung', name: 'Samsung Internet', version: '26', ...android}],
      ['Opera on Windows', {userAgent: UA.operaWin}, {family: 'other', name: 'Opera', version: '115', ...win}],
      ['Opera on Android', {userAgent: UA.operaAndroid}, {family: 'other', name: 'Opera', version: '86', ...android}],
      ['Vivaldi', {userAgent: UA.vivaldi}, {family: 'other', name: 'Vivaldi', version: '7', ...win}],
      ['LINE on Android', {userAgent: UA.lineAndroid}, {family: 'other', name: 'LINE', version: '13', ...android}],
      ['an Android WebView', {userAgent: UA.webview}, {family: 'other', name: 'Android WebView', version: '118', ...android}],
      ['Internet Explorer 11', {userAgent: UA.ie11}, {family: 'other', name: 'Internet Explorer', version: '11', ...win}],
      ['curl', {userAgent: UA.curl}, unknown],
      ['an empty user agent', {userAgent: ''}, unknown],
      ['no user agent', {}, unknown],
      ['a non-string user agent', {userAgent: 42 as unknown as string}, unknown],
    ];
    for (const [name, nav, expected] of rows) {
      it(`detects ${name}`, () => {
        expect(detectBrowser(nav)).to.deep.equal(expected);
      });
    }
  });

  describe('from User-Agent Client Hints', () => {
    const brands = (...list: Array<[string, string]>) => list.map(([brand, version]) => ({brand, version}));
    const rows: Row[] = [
      [
        'Edge (hints over a Chrome-looking UA)',
        {userAgent: UA.chromeWin, userAgentData: {brands: brands(['Microsoft Edge', '131'], ['Chromium', '131'], ['Not_A Brand', '24']), mobile: false, platform: 'Windows'}},
        {family: 'edge', name: 'Microsoft Edge', version: '131', ...win},
      ],
      [
        'Brave (a Chrome UA string)',
        {userAgent: UA.chromeWin, userAgentData: {brands: brands(['Brave', '131'], ['Chromium', '131'], ['Not_A Brand', '24']), mobile: false, platform: 'Windows'}},
        {family: 'other', name: 'Brave', version: '131', ...win},
      ],
      [
        'Chrome on Android',
        {userAgent: UA.androidChrome, userAgentData: {brands: brands(['Google Chrome', '131'], ['Chromium', '131']), mobile: true, platform: 'Android'}},
        {family: 'android-chrome', name: 'Google Chrome', version: '131', ...android},
      ],
      [
        'Samsung Internet',
        {userAgent: UA.samsung, userAgentData: {brands: brands(['Samsung Internet', '26.0'], ['Chromium', '122']), mobile: true, platform: 'Android'}},
        {family: 'samsung', name: 'Samsung Internet', version: '26', ...android},
      ],
      [
        'Chromium without a product brand',
        {userAgent: UA.chromeLinux, userAgentData: {brands: brands(['Chromium', '131'], ['Not_A Brand', '24']), mobile: false, platform: 'Linux'}},
        {family: 'chrome', name: 'Chromium', version: '131', ...linux},
      ],
      [
        'ChromeOS platform',
        {userAgent: UA.chromeOs, userAgentData: {brands: brands(['Google Chrome', '131']), mobile: false, platform: 'Chrome OS'}},
        {family: 'chrome', name: 'Google Chrome', version: '131', os: 'chromeos', osName: 'ChromeOS', mobile: false},
      ],
      [
        'the platform hint over the UA string',
        {userAgent: UA.chromeLinux, userAgentData: {brands: brands(['Google Chrome', '131']), mobile: false, platform: 'macOS'}},
        {family: 'chrome', name: 'Google Chrome', version: '131', ...mac},
      ],
      [
        'empty hints (falls back on the UA string)',
        {userAgent: UA.edgeWin, userAgentData: {brands: [], mobile: false, platform: ''}},
        {family: 'edge', name: 'Microsoft Edge', version: '131', ...win},
      ],
      [
        'LINE on Android listing Android WebView',
        {userAgent: UA.lineAndroid, userAgentData: {brands: brands(['Android WebView', '120'], ['Chromium', '120']), mobile: true, platform: 'Android'}},
        {family: 'other', name: 'LINE', version: '13', ...android},
      ],
      [
        'malformed hints',
        {userAgent: UA.chromeWin, userAgentData: {brands: [null, 5, {brand: 7}] as unknown as [], platform: 5 as unknown as string}},
        {family: 'chrome', name: 'Google Chrome', version: '131', ...win},
      ],
      ['null hints', {userAgent: UA.firefoxWin, userAgentData: null}, {family: 'firefox', name: 'Firefox', version: '133', ...win}],
    ];
    for (const [name, nav, expected] of rows) {
      it(`detects ${name}`, () => {
        expect(detectBrowser(nav)).to.deep.equal(expected);
      });
    }
  });

  it('never throws on a navigator whose getters throw', () => {
    const hostile = new Proxy({}, {get() { throw new Error('trap'); }}) as NavigatorLike;
    expect(detectBrowser(hostile)).to.deep.equal(unknown);
  });

  it('reads the page navigator by default', () => {
    expect(detectBrowser()).to.deep.equal(detectBrowser(navigator));
    expect(detectBrowser().os).to.equal('linux');
  });
});

/** A document whose cookie jar drops, keeps or throws, as a browser with cookies blocked does. */
function fakeDocument(mode: 'works' | 'blocked' | 'throws'): Document {
  const jar = new Map<string, string>();
  return {
    get cookie() {
      if (mode === 'throws') throw new DOMException('The document is sandboxed', 'SecurityError');
      return [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    },
    set cookie(value: string) {
      if (mode === 'throws') throw new DOMException('The document is sandboxed', 'SecurityError');
      if (mode === 'blocked') return;
      const [pair, ...attrs] = value.split(';');
      const [k, v] = pair.split('=');
      if (attrs.some((a) => a.trim() === 'max-age=0')) jar.delete(k);
      else jar.set(k, v);
    },
  } as unknown as Document;
}

describe('cookiesWork()', () => {
  it('says true when the page can set a cookie', () => {
    expect(cookiesWork()).to.equal(true);
  });

  it('leaves no test cookie behind', () => {
    // The page's real jar, through a document that records the name this call sets: other test
    // pages of the same origin (each form checks cookies at idle) may hold a check cookie of
    // their own for a moment, so the jar is asked about this call's cookie only.
    const names: string[] = [];
    const doc = {
      get cookie() {
        return document.cookie;
      },
      set cookie(value: string) {
        names.push(value.slice(0, value.indexOf('=')));
        document.cookie = value;
      },
    } as unknown as Document;
    expect(cookiesWork(doc)).to.equal(true);
    expect(names[0]).to.match(/^sonet_cookie_check_/);
    const jar = document.cookie.split(/;\s*/).map((pair) => pair.slice(0, pair.indexOf('=')));
    expect(jar).to.not.include(names[0]);
  });

  const rows: Array<[string, Document | undefined | null, boolean]> = [
    ['a working jar', fakeDocument('works'), true],
    ['blocked cookies (writes ignored)', fakeDocument('blocked'), false],
    ['a SecurityError (sandboxed frame)', fakeDocument('throws'), false],
    ['no document', null, false],
  ];
  for (const [name, doc, expected] of rows) {
    it(`says ${expected} for ${name}`, () => {
      expect(cookiesWork(doc as Document)).to.equal(expected);
    });
  }
});

function fakeStorage(mode: 'works' | 'quota' | 'lossy'): Storage {
  const data = new Map<string, string>();
  return {
    setItem(k: string, v: string) {
      if (mode === 'quota') throw new DOMException('full', 'QuotaExceededError');
      if (mode === 'works') data.set(k, v);
    },
    getItem: (k: string) => data.get(k) ?? null,
    removeItem: (k: string) => void data.delete(k),
  } as unknown as Storage;
}

describe('storageWorks()', () => {
  it('says both work in the test page', () => {
    expect(storageWorks()).to.deep.equal({local: true, session: true});
  });

  const securityError = () => {
    throw new DOMException('Access is denied for this document.', 'SecurityError');
  };
  const rows: Array<[string, object | null, {local: boolean; session: boolean}]> = [
    ['working storages', {localStorage: fakeStorage('works'), sessionStorage: fakeStorage('works')}, {local: true, session: true}],
    ['a SecurityError on access (site data blocked)', {get localStorage() { return securityError(); }, sessionStorage: fakeStorage('works')}, {local: false, session: true}],
    ['a QuotaExceededError (old Safari private mode)', {localStorage: fakeStorage('quota'), sessionStorage: fakeStorage('quota')}, {local: false, session: false}],
    ['a storage that loses writes', {localStorage: fakeStorage('lossy'), sessionStorage: fakeStorage('works')}, {local: false, session: true}],
    ['missing storages', {}, {local: false, session: false}],
    ['no window', null, {local: false, session: false}],
  ];
  for (const [name, w, expected] of rows) {
    it(`says ${JSON.stringify(expected)} for ${name}`, () => {
      expect(storageWorks(w as Window)).to.deep.equal(expected);
    });
  }
});

describe('detectCapabilities()', () => {
  it('reports the test page: cookies, storage and the test browser', () => {
    const caps = detectCapabilities();
    expect(caps.cookies).to.equal(true);
    expect(caps.storage).to.deep.equal({local: true, session: true});
    expect(caps.browser).to.deep.equal(detectBrowser(navigator));
  });

  it('inspects the window it is given', () => {
    const w = {
      document: fakeDocument('blocked'),
      navigator: {userAgent: UA.iphone, maxTouchPoints: 5},
      localStorage: fakeStorage('works'),
      sessionStorage: fakeStorage('quota'),
    } as unknown as Window;
    expect(detectCapabilities(w)).to.deep.equal({
      cookies: false,
      storage: {local: true, session: false},
      browser: {family: 'safari-ios', name: 'Safari', version: '18', ...ios},
    });
  });

  it('reports nothing working without a window', () => {
    expect(detectCapabilities(null)).to.deep.equal({cookies: false, storage: {local: false, session: false}, browser: unknown});
  });
});
