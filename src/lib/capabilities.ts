/**
 * What the visitor's browser can do for a login, and which browser it is — so the login form can
 * warn *before* submitting that cookies are blocked (the support page's 「コード:500」 cause:
 * "ブラウザがセキュリティを高める設定になっている"), and show the settings steps for the right
 * browser (Microsoft Edge / Mac Safari / iOS Safari / Android Chrome in the seed page).
 *
 * Pure-ish: every function takes the object it inspects as a parameter (defaulting to the
 * page's), so tests pass fakes; nothing here imports Lit or touches anything else.
 *
 * ## JavaScript turned off
 * Script cannot detect that script is off. The page itself must carry the message, in markup
 * that only renders without JavaScript, next to the light-DOM login form. The plain form the
 * page wrote still logs in, so the message says so (as the `javascript-disabled` help does) and
 * only asks for JavaScript for what needs it:
 *
 * ```html
 * <noscript>
 *   <p class="sonet-noscript" lang="ja">
 *     JavaScript が無効になっています。このままでもログインできますが、入力の誤りをその場でお知らせする
 *     機能や、パスワードを表示して確認する機能を使うには、ブラウザの設定で JavaScript と Cookie を
 *     有効にしてください。
 *   </p>
 * </noscript>
 * ```
 *
 * @example
 * ```ts
 * const {cookies, browser} = detectCapabilities();
 * if (!cookies) showHelp('cookies-disabled', browser.family);
 * ```
 */
import {cookiesWork} from './cookies.js';

/**
 * A browser family, keyed by *whose settings steps apply*:
 * - `safari-ios`: every browser on iPhone and iPad (Chrome `CriOS`, Firefox `FxiOS`, Edge
 *   `EdgiOS`, in-app browsers): on iOS all of them run Apple's WebKit engine, cookie blocking and
 *   JavaScript for Safari and Safari views live in the Settings app (設定アプリ › Safari), and the
 *   seed page ships iOS steps only for that. `name` still says which app it is.
 * - `android-chrome`: Chrome on Android; `chrome`: Chrome and Chromium on desktops and ChromeOS.
 * - `edge`: Microsoft Edge on Windows, macOS, Linux and Android (Chromium and legacy EdgeHTML).
 * - `other`: Opera, Brave, Vivaldi, Yandex, Internet Explorer, Android WebView and in-app
 *   browsers on Android (LINE, Facebook, Instagram), and anything unrecognized.
 */
export type BrowserFamily =
  | 'edge'
  | 'chrome'
  | 'firefox'
  | 'safari-mac'
  | 'safari-ios'
  | 'android-chrome'
  | 'samsung'
  | 'other';

/** An operating system, as far as the browser tells. */
export type OperatingSystem = 'windows' | 'macos' | 'ios' | 'android' | 'linux' | 'chromeos' | 'other';

/** Which browser, on which system. */
export interface BrowserInfo {
  /** Whose settings steps apply; see {@link BrowserFamily}. */
  family: BrowserFamily;
  /** Product name to show, e.g. `'Microsoft Edge'`, `'Google Chrome'`, `'LINE'`; `''` when unknown. */
  name: string;
  /** Major version of that product, e.g. `'131'`, when the browser tells. */
  version?: string;
  /** Operating system. */
  os: OperatingSystem;
  /** Its product name: `'Windows'`, `'macOS'`, `'iOS'`, `'iPadOS'`, `'Android'`, `'Linux'`, `'ChromeOS'`, or `''`. */
  osName: string;
  /** True on phones and tablets (iOS, iPadOS, Android, or a browser that says it is mobile). */
  mobile: boolean;
}

/** The parts of `navigator` that {@link detectBrowser} reads. */
export interface NavigatorLike {
  userAgent?: string;
  /** User-Agent Client Hints (Chromium browsers on secure origins). */
  userAgentData?: {brands?: {brand: string; version: string}[]; mobile?: boolean; platform?: string} | null;
  /** iPadOS Safari sends a Mac user agent; a Mac has no touch screen, so `> 1` means iPad. */
  maxTouchPoints?: number;
}

/** What the visitor's browser can do for a login. */
export interface Capabilities {
  /** A cookie can be written and read back (false when blocked; the 「コード:500」 cause). */
  cookies: boolean;
  /** Web Storage works (false when blocked along with cookies, or in some private modes). */
  storage: {local: boolean; session: boolean};
  /** Which browser, to pick the settings steps. */
  browser: BrowserInfo;
}

const OS_NAMES: Record<OperatingSystem, string> = {
  windows: 'Windows',
  macos: 'macOS',
  ios: 'iOS',
  android: 'Android',
  linux: 'Linux',
  chromeos: 'ChromeOS',
  other: '',
};

// UA-CH `platform` values (https://wicg.github.io/ua-client-hints/#sec-ch-ua-platform).
const CH_PLATFORMS: Record<string, OperatingSystem> = {
  windows: 'windows',
  macos: 'macos',
  ios: 'ios',
  android: 'android',
  linux: 'linux',
  'chrome os': 'chromeos',
  'chromium os': 'chromeos',
};

// UA-CH brands that name a product, first match wins; 'Chromium' alone names none.
const CH_BRANDS = [
  ['Microsoft Edge', 'edge', 'Microsoft Edge'],
  ['Samsung Internet', 'samsung', 'Samsung Internet'],
  ['Opera GX', 'other', 'Opera GX'],
  ['Opera', 'other', 'Opera'],
  ['Brave', 'other', 'Brave'],
  ['YaBrowser', 'other', 'Yandex Browser'],
  ['Yandex', 'other', 'Yandex Browser'],
  ['Android WebView', 'other', 'Android WebView'],
  ['Google Chrome', 'chrome', 'Google Chrome'],
] as const;

// In-app browsers, by the token their apps append to the user agent.
const IN_APP = [
  [/\bLine\/(\d+)/i, 'LINE'],
  [/\bInstagram (\d+)/, 'Instagram'],
  [/\bFB(?:AN|_IAB|AV)\b/, 'Facebook'],
] as const;

function major(ua: string, pattern: RegExp): string | undefined {
  return pattern.exec(ua)?.[1];
}

function osFromUserAgent(ua: string, maxTouchPoints: number): {os: OperatingSystem; ipad: boolean} {
  if (/\biPad\b/.test(ua)) return {os: 'ios', ipad: true};
  if (/\b(?:iPhone|iPod)\b/.test(ua)) return {os: 'ios', ipad: false};
  if (/\bAndroid\b/.test(ua)) return {os: 'android', ipad: false};
  if (/\bWindows\b/.test(ua)) return {os: 'windows', ipad: false};
  if (/\bCrOS\b/.test(ua)) return {os: 'chromeos', ipad: false};
  // iPadOS 13+ Safari asks for desktop sites with a Mac user agent; only the touch screen tells.
  if (/\bMacintosh\b/.test(ua)) return maxTouchPoints > 1 ? {os: 'ios', ipad: true} : {os: 'macos', ipad: false};
  if (/\bLinux\b/.test(ua)) return {os: 'linux', ipad: false};
  return {os: 'other', ipad: false};
}

function fromUserAgent(ua: string, os: OperatingSystem): Pick<BrowserInfo, 'family' | 'name' | 'version'> {
  if (os === 'ios') {
    const app: Array<[RegExp, string]> = [
      [/\bCriOS\/(\d+)/, 'Google Chrome'],
      [/\bFxiOS\/(\d+)/, 'Firefox'],
      [/\bEdgiOS\/(\d+)/, 'Microsoft Edge'],
      [/\b(?:OPiOS|OPT)\/(\d+)/, 'Opera'],
      ...IN_APP.map(([re, name]): [RegExp, string] => [re, name]),
      [/\bVersion\/(\d+)/, 'Safari'],
    ];
    for (const [re, name] of app) {
      const m = re.exec(ua);
      if (m) return {family: 'safari-ios', name, version: m[1]};
    }
    return {family: 'safari-ios', name: /Safari\//.test(ua) ? 'Safari' : ''};
  }
  let v: string | undefined;
  if ((v = major(ua, /\bEdg(?:e|A)?\/(\d+)/))) return {family: 'edge', name: 'Microsoft Edge', version: v};
  if ((v = major(ua, /\bSamsungBrowser\/(\d+)/))) return {family: 'samsung', name: 'Samsung Internet', version: v};
  if ((v = major(ua, /\b(?:OPR|Opera|OPT)[/ ](\d+)/))) return {family: 'other', name: 'Opera', version: v};
  if ((v = major(ua, /\bYaBrowser\/(\d+)/))) return {family: 'other', name: 'Yandex Browser', version: v};
  if ((v = major(ua, /\bVivaldi\/(\d+)/))) return {family: 'other', name: 'Vivaldi', version: v};
  for (const [re, name] of IN_APP) {
    const m = re.exec(ua);
    if (m) return {family: 'other', name, version: m[1]};
  }
  // Android WebView: `; wv)` (https://developer.chrome.com/docs/multidevice/user-agent#webview_user_agent).
  if (/;\s?wv\)/.test(ua)) return {family: 'other', name: 'Android WebView', version: major(ua, /\bChrome\/(\d+)/)};
  if ((v = major(ua, /\bFirefox\/(\d+)/))) return {family: 'firefox', name: 'Firefox', version: v};
  if ((v = major(ua, /\bChromium\/(\d+)/)))
    return {family: os === 'android' ? 'android-chrome' : 'chrome', name: 'Chromium', version: v};
  if ((v = major(ua, /Chrome\/(\d+)/)))
    return {family: os === 'android' ? 'android-chrome' : 'chrome', name: 'Google Chrome', version: v};
  if (os === 'macos' && /\bSafari\//.test(ua) && (v = major(ua, /\bVersion\/(\d+)/)))
    return {family: 'safari-mac', name: 'Safari', version: v};
  if (/\bTrident\/|\bMSIE /.test(ua))
    return {family: 'other', name: 'Internet Explorer', version: major(ua, /(?:\brv:|MSIE )(\d+)/)};
  return {family: 'other', name: ''};
}

/**
 * Tells which browser and system the visitor uses, from User-Agent Client Hints where the
 * browser offers them (Chromium), from the user-agent string otherwise.
 *
 * Never throws; unknown or missing input gives `{family: 'other', name: '', os: 'other', …}`.
 *
 * @param nav what to inspect; defaults to the page's `navigator`. Pass `maxTouchPoints` to tell
 *   iPadOS Safari (which sends a Mac user agent) from a Mac.
 *
 * @example
 * ```ts
 * detectBrowser({userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) … CriOS/131.0 …'});
 * // → {family: 'safari-ios', name: 'Google Chrome', version: '131', os: 'ios', osName: 'iOS', mobile: true}
 * ```
 */
export function detectBrowser(nav: NavigatorLike | null | undefined = globalThis.navigator): BrowserInfo {
  let ua = '';
  let touch = 0;
  let ch: NavigatorLike['userAgentData'];
  try {
    ua = typeof nav?.userAgent === 'string' ? nav.userAgent.slice(0, 1024) : '';
    touch = typeof nav?.maxTouchPoints === 'number' ? nav.maxTouchPoints : 0;
    ch = nav?.userAgentData && typeof nav.userAgentData === 'object' ? nav.userAgentData : undefined;
  } catch {
    // A hostile or half-implemented navigator: detect from what was read.
  }

  const fromUa = osFromUserAgent(ua, touch);
  let os = fromUa.os;
  let browser = fromUserAgent(ua, os);
  let mobile = /\bMobi/.test(ua);

  try {
    const chOs = CH_PLATFORMS[String(ch?.platform ?? '').toLowerCase()];
    if (chOs && !fromUa.ipad) os = chOs;
    if (typeof ch?.mobile === 'boolean') mobile ||= ch.mobile;
    const brands = Array.isArray(ch?.brands) ? ch.brands : [];
    const has = (brand: string) => brands.some((b) => b && b.brand === brand);
    const named = CH_BRANDS.find(([brand]) => has(brand));
    // The UA string already named a product the hints cannot (LINE, Opera, Vivaldi): keep it.
    const uaNamedOther = browser.family === 'other' && browser.name !== '';
    if (named && browser.family !== 'safari-ios' && !uaNamedOther) {
      const [brand, family, name] = named;
      const version = /^\d+/.exec(String(brands.find((b) => b && b.brand === brand)?.version ?? ''))?.[0];
      browser = {family, name, version: version ?? browser.version};
    } else if (!named && has('Chromium') && browser.name === 'Google Chrome') {
      browser = {...browser, name: 'Chromium'};
    }
    if (browser.family === 'chrome' || browser.family === 'android-chrome') {
      browser.family = os === 'android' ? 'android-chrome' : 'chrome';
    }
  } catch {
    // Malformed client hints: keep what the UA string said.
  }

  const info: BrowserInfo = {
    family: browser.family,
    name: browser.name,
    os,
    osName: fromUa.ipad ? 'iPadOS' : OS_NAMES[os],
    mobile: mobile || os === 'ios' || os === 'android',
  };
  if (browser.version) info.version = browser.version;
  return info;
}

export {cookiesWork};

function storageProbe(read: () => Storage | null | undefined): boolean {
  try {
    // Reading `window.localStorage` itself throws SecurityError when the user blocks site data.
    const storage = read();
    if (!storage) return false;
    const key = '__sonet_storage_check__';
    storage.setItem(key, '1');
    const works = storage.getItem(key) === '1';
    storage.removeItem(key);
    return works;
  } catch {
    return false;
  }
}

/**
 * Whether `localStorage` and `sessionStorage` accept a write (and give it back). Never throws:
 * `SecurityError` (site data blocked) and `QuotaExceededError` (old Safari private mode) give
 * `false`.
 *
 * @example
 * ```ts
 * const {session} = storageWorks();
 * ```
 */
export function storageWorks(win: Window | null | undefined = globalThis.window): {local: boolean; session: boolean} {
  if (!win) return {local: false, session: false};
  return {local: storageProbe(() => win.localStorage), session: storageProbe(() => win.sessionStorage)};
}

/**
 * Everything above at once, for `win` (default: the page's window). Without a window (server
 * rendering) cookies and storage are reported as not working and the browser as `other`.
 *
 * @example
 * ```ts
 * const caps = detectCapabilities();
 * if (!caps.cookies) showHelp('cookies-disabled', caps.browser);
 * ```
 */
export function detectCapabilities(win: Window | null | undefined = globalThis.window): Capabilities {
  let doc: Document | undefined;
  let nav: NavigatorLike | undefined;
  try {
    doc = win?.document;
    nav = win?.navigator;
  } catch {
    // A cross-origin or torn-down window.
  }
  return {cookies: cookiesWork(doc ?? null), storage: storageWorks(win), browser: detectBrowser(nav ?? {})};
}
