// 100,000 random strings — every Unicode plane, lone surrogates, stacked combining marks,
// controls, bidi and zero-width characters, markup, URLs and JSON fragments — through every pure
// function that reads outside text: the input analyzers, toHalfWidth, the romaji suggestion,
// mapLoginResponse (as body, content type and headers), normalizeLoginErrorCode, mapFetchFailure,
// sameOriginRedirect, safeLinkHref, the status feed, the retry times and browser detection.
// None may throw; results keep their documented shape; the repairs are idempotent; and the time
// grows linearly with the input (n against 4n). Then three 1 MB pastes through all of them.
import {expect} from '@open-wc/testing';
import {detectBrowser} from '../../src/lib/capabilities.js';
import {CHARACTER_SCAN_LIMIT} from '../../src/lib/character-scan.js';
import {parseLockThreshold} from '../../src/lib/failure-counter.js';
import {FINDING_CODES, type Finding} from '../../src/lib/findings.js';
import {hasFullWidthAscii, toHalfWidth} from '../../src/lib/half-width.js';
import {LINK_HREF_MAX, safeLinkHref} from '../../src/lib/link-href.js';
import {
  BODY_SCAN_LIMIT,
  MAX_RETRY_AFTER_SECONDS,
  isLoginErrorCode,
  mapFetchFailure,
  mapLoginResponse,
  normalizeLoginErrorCode,
  sameOriginRedirect,
  type LoginResponseInput,
} from '../../src/lib/login-response.js';
import {analyzePassword} from '../../src/lib/password.js';
import {MAX_RETRY_WAIT_MS, parseRetryAfterSeconds, parseRetryAt, resolveRetryAt} from '../../src/lib/retry-time.js';
import {toRomajiSuggestion} from '../../src/lib/romaji.js';
import {parseStatusFeed, validateStatusFeed, type LocalizedText} from '../../src/lib/status-feed.js';
import {analyzeUserId, type UserIdOptions} from '../../src/lib/user-id.js';
import {costRatio} from '../support/cost-ratio.js';
import {prng, randomPaste, randomTexts, show} from './random-text.js';

const TOTAL = 100_000;
const CHUNKS = 10;
const BASE = 'https://www.so-net.ne.jp/login/';
const FALLBACK = 'https://support.so-net.ne.jp/';
const NOW = Date.parse('2025-01-15T12:00:00+09:00');
const STATUSES = [0, 200, 204, 302, 400, 401, 403, 408, 423, 429, 500, 503, 599, 999, -1, NaN, Infinity, 2.5];
const USER_ID_OPTIONS: UserIdOptions[] = [
  {phase: 'typing'},
  {phase: 'blur', toRomaji: toRomajiSuggestion},
  {phase: 'submit', domain: 'example.jp'},
];
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const BIDI_OVERRIDE = /[\u202a-\u202e\u2066-\u2069]/;

/** Runs `fn`; a throw becomes a problem line naming the function and the input. */
function attempt<T>(problems: string[], name: string, input: string, fn: () => T): T | undefined {
  try {
    return fn();
  } catch (error) {
    problems.push(`${name} threw ${String(error)} for ${show(input)}`);
    return undefined;
  }
}

function checkFindings(problems: string[], name: string, value: string, findings: Finding[] | undefined, password: boolean): void {
  if (!findings) return;
  if (!Array.isArray(findings)) {
    problems.push(`${name}: not an array for ${show(value)}`);
    return;
  }
  for (const f of findings) {
    if (!FINDING_CODES.includes(f.code)) problems.push(`${name}: unknown code ${f.code} for ${show(value)}`);
    for (const [start, end] of f.ranges) {
      if (!(start >= 0 && start < end && end <= value.length)) problems.push(`${name}: ${f.code} range [${start}, ${end}) out of ${value.length} for ${show(value)}`);
    }
    if (password && f.fix !== undefined) problems.push(`${name}: password finding ${f.code} has a fix`);
  }
}

const fixOf = (value: string, options: UserIdOptions) => analyzeUserId(value, options).find((f) => f.fix !== undefined)?.fix;

/** All properties for one string; returns the problems found. */
function fuzzOne(s: string, random: () => number, problems: string[]): void {
  // Input analyzers.
  const options = USER_ID_OPTIONS[Math.floor(random() * USER_ID_OPTIONS.length)];
  const idFindings = attempt(problems, 'analyzeUserId', s, () => analyzeUserId(s, options));
  checkFindings(problems, 'analyzeUserId', s, idFindings, false);
  const fix = idFindings?.find((f) => f.fix !== undefined)?.fix;
  if (fix !== undefined) {
    // Idempotent: the suggestion is final — analyzing it with the same options suggests nothing.
    const again = attempt(problems, 'analyzeUserId(fix)', fix, () => fixOf(fix, options));
    if (again !== undefined) problems.push(`analyzeUserId: the fix ${show(fix)} of ${show(s)} has a fix of its own: ${show(again)}`);
  }
  checkFindings(problems, 'analyzePassword', s, attempt(problems, 'analyzePassword', s, () => analyzePassword(s)), true);

  const half = attempt(problems, 'toHalfWidth', s, () => toHalfWidth(s));
  if (half !== undefined && (toHalfWidth(half) !== half || half.length !== s.length || hasFullWidthAscii(half) || half.includes('\u3000'))) {
    problems.push(`toHalfWidth: not idempotent / length-preserving for ${show(s)}`);
  }
  // Not a repair on its own (the user ID's fix above is), so only total: wanakana moves stray
  // combining marks around on a second pass, and the analyzer drops a romaji that leaves kana.
  attempt(problems, 'toRomajiSuggestion', s, () => toRomajiSuggestion(s));

  // Login responses: the string as body, as content type, as headers, inside JSON.
  const status = STATUSES[Math.floor(random() * STATUSES.length)];
  const inputs: LoginResponseInput[] = [
    {status, body: s, now: NOW},
    {status, contentType: s, body: s, now: NOW},
    {status, headers: {'Retry-After': s, 'Content-Type': s, [s]: s}, body: s, now: NOW},
    {status, body: JSON.stringify({code: s, redirect: s, retryAfter: s, message: s, error: {code: s}}), now: NOW},
  ];
  for (const input of inputs) {
    const r = attempt(problems, 'mapLoginResponse', s, () => mapLoginResponse(input));
    if (!r) continue;
    const where = `mapLoginResponse(${show(s)}, status ${status})`;
    if (typeof r.ok !== 'boolean') problems.push(`${where}: ok is not a boolean`);
    if (r.ok && r.code !== undefined) problems.push(`${where}: ok with a code`);
    if (!r.ok && !isLoginErrorCode(r.code)) problems.push(`${where}: code ${String(r.code)}`);
    if (r.serverCode !== undefined && (typeof r.serverCode !== 'string' || !r.serverCode || r.serverCode.length > 64 || CONTROL.test(r.serverCode) || BIDI_OVERRIDE.test(r.serverCode))) {
      problems.push(`${where}: serverCode ${show(r.serverCode)}`);
    }
    if (r.retryAfterSeconds !== undefined && !(Number.isInteger(r.retryAfterSeconds) && r.retryAfterSeconds >= 0 && r.retryAfterSeconds <= MAX_RETRY_AFTER_SECONDS)) {
      problems.push(`${where}: retryAfterSeconds ${r.retryAfterSeconds}`);
    }
    if (r.redirect !== undefined && (typeof r.redirect !== 'string' || r.redirect.length > 2048)) problems.push(`${where}: redirect ${show(r.redirect)}`);
  }
  const code = attempt(problems, 'normalizeLoginErrorCode', s, () => normalizeLoginErrorCode(s));
  if (code !== undefined && (!isLoginErrorCode(code) || normalizeLoginErrorCode(code) !== code)) {
    problems.push(`normalizeLoginErrorCode: ${show(s)} → ${code}, not a fixed point`);
  }
  for (const error of [s, {name: s, message: s}, {name: 'TypeError', message: s}]) {
    const failure = attempt(problems, 'mapFetchFailure', s, () => mapFetchFailure(error, {online: random() < 0.5}));
    if (failure && failure.code !== 'network') problems.push(`mapFetchFailure: ${show(s)} → ${failure.code}`);
  }

  // Redirects: only this origin, and a checked redirect checks again to itself.
  for (const target of [s, `/${s}`, `${BASE}${s}`, `https://www.so-net.ne.jp${s}`]) {
    const r = attempt(problems, 'sameOriginRedirect', target, () => sameOriginRedirect(target, BASE));
    if (r === undefined || r === null) continue;
    if (new URL(r).origin !== 'https://www.so-net.ne.jp') problems.push(`sameOriginRedirect: ${show(target)} → ${show(r)} leaves the origin`);
    if (sameOriginRedirect(r, BASE) !== r) problems.push(`sameOriginRedirect: not idempotent for ${show(target)}`);
  }

  // Link attributes: only http(s) or relative, as the browser would resolve them.
  for (const value of [s, `/${s}`, `https://${s}`, ` ${s}`]) {
    const href = attempt(problems, 'safeLinkHref', value, () => safeLinkHref(value, FALLBACK));
    if (href === undefined || href === FALLBACK) continue;
    let protocol = '';
    try {
      protocol = new URL(href, 'https://host.example/dir/page').protocol;
    } catch {
      protocol = '(unparsable)';
    }
    if (protocol !== 'https:' && protocol !== 'http:') problems.push(`safeLinkHref: ${show(value)} → ${show(href)} (${protocol})`);
    if (href.length > LINK_HREF_MAX) problems.push(`safeLinkHref: ${show(value)} longer than the limit`);
    if (safeLinkHref(href, FALLBACK) !== href) problems.push(`safeLinkHref: not idempotent for ${show(value)}`);
  }

  // Status feed: random JSON, and valid feeds whose texts are the random string.
  const feeds: unknown[] = [
    {version: 1, incident: {title: s, since: '2025-01-15T09:30:00+09:00'}},
    {version: 1, incident: {title: {ja: s, en: s}, since: s, until: s}},
    {version: 1, maintenance: [{start: '2025-01-15T11:00:00+09:00', end: '2025-01-15T13:00:00+09:00', services: [s, s.slice(0, 10)], title: {ja: s}}]},
    {version: s, maintenance: s},
  ];
  try {
    feeds.push(JSON.parse(s));
  } catch {
    // Not JSON: the feeds above cover it.
  }
  for (const feed of feeds) {
    const notice = attempt(problems, 'parseStatusFeed', s, () => parseStatusFeed(feed, NOW));
    if (!notice) continue;
    const texts = [
      ...(['ja', 'en'] as const).map((l) => (notice.title as LocalizedText | undefined)?.[l]),
      ...('services' in notice ? notice.services ?? [] : []),
    ].filter((t): t is string => t !== undefined);
    for (const t of texts) {
      if (CONTROL.test(t) || BIDI_OVERRIDE.test(t) || t.length > 200) problems.push(`parseStatusFeed: text ${show(t)} from ${show(s)}`);
    }
  }

  // Retry times, lock threshold, browser detection.
  const at = attempt(problems, 'parseRetryAt', s, () => parseRetryAt(s));
  if (at !== undefined && !(Number.isFinite(at) && at >= 0)) problems.push(`parseRetryAt: ${show(s)} → ${at}`);
  const seconds = attempt(problems, 'parseRetryAfterSeconds', s, () => parseRetryAfterSeconds(s));
  if (seconds !== undefined && !(Number.isFinite(seconds) && seconds >= 0)) problems.push(`parseRetryAfterSeconds: ${show(s)} → ${seconds}`);
  const when = attempt(problems, 'resolveRetryAt', s, () => resolveRetryAt(s, s, NOW));
  if (when !== undefined && !(when <= NOW + MAX_RETRY_WAIT_MS)) problems.push(`resolveRetryAt: ${show(s)} → ${when}`);
  const threshold = attempt(problems, 'parseLockThreshold', s, () => parseLockThreshold(s));
  if (threshold !== undefined && !(Number.isSafeInteger(threshold) && threshold >= 2)) problems.push(`parseLockThreshold: ${show(s)} → ${threshold}`);
  const browser = attempt(problems, 'detectBrowser', s, () =>
    detectBrowser({userAgent: s, maxTouchPoints: 5, userAgentData: {brands: [{brand: s, version: s}], platform: s, mobile: random() < 0.5}})
  );
  if (browser && (typeof browser.family !== 'string' || typeof browser.os !== 'string')) problems.push(`detectBrowser: shape for ${show(s)}`);
}

describe('hostile input: 100,000 random strings', function () {
  this.timeout(60000);

  it('generates every kind of hostile character', () => {
    const all = randomTexts(1, 2000).join('');
    expect(/[\u{10000}-\u{10ffff}]/u.test(all), 'supplementary planes').to.equal(true);
    expect(/[\u{f0000}-\u{10ffff}]/u.test(all), 'private use planes 15–16').to.equal(true);
    expect(/[\ud800-\udbff](?![\udc00-\udfff])/.test(all), 'lone high surrogate').to.equal(true);
    expect(/(?<![\ud800-\udbff])[\udc00-\udfff]/.test(all), 'lone low surrogate').to.equal(true);
    expect(/\p{M}{5}/u.test(all), 'stacked combining marks').to.equal(true);
    expect(/[\u0000-\u001f]/.test(all) && /[\u0080-\u009f]/.test(all), 'C0 and C1 controls').to.equal(true);
    expect(/[\u202e\u2066\u200b]/.test(all), 'bidi and zero-width').to.equal(true);
    expect(all.includes('<img src=x onerror=alert(1)>') && all.includes('javascript:'), 'markup and URLs').to.equal(true);
  });

  for (let chunk = 0; chunk < CHUNKS; chunk++) {
    const size = TOTAL / CHUNKS;
    it(`keeps every function total and its results well-formed (strings ${chunk * size + 1}–${(chunk + 1) * size})`, () => {
      const strings = randomTexts(7000 + chunk, size);
      const random = prng(9000 + chunk);
      const problems: string[] = [];
      for (const s of strings) {
        fuzzOne(s, random, problems);
        if (problems.length >= 10) break;
      }
      expect(problems).to.deep.equal([]);
    });
  }
});

describe('hostile input: time grows linearly', function () {
  this.timeout(60000);

  // Linear: 4n costs about 4×; 10× leaves room for GC and timer coarseness, while a quadratic
  // algorithm costs 16×.
  const MAX_RATIO = 10;

  const kana = (n: number) => 'たろう＿ｓ＠ａａ２　'.repeat(Math.ceil(n / 10)).slice(0, n);
  const cases: Array<[name: string, fn: (input: string) => unknown, make: (n: number) => string, n: number]> = [
    // The analyzers look at the first CHARACTER_SCAN_LIMIT (64 Ki) units: 16 K against 64 K is
    // their whole range; beyond it their time stays flat (checked below).
    ['analyzeUserId (typing)', (s) => analyzeUserId(s), (n) => randomPaste(11, n), CHARACTER_SCAN_LIMIT / 4],
    ['analyzeUserId (submit, romaji)', (s) => analyzeUserId(s, {phase: 'submit', toRomaji: toRomajiSuggestion}), kana, CHARACTER_SCAN_LIMIT / 4],
    ['analyzeUserId (a user ID of 256 units)', (s) => analyzeUserId(s, {phase: 'submit', toRomaji: toRomajiSuggestion}), kana, 64],
    ['analyzePassword', (s) => analyzePassword(s), (n) => randomPaste(12, n), CHARACTER_SCAN_LIMIT / 4],
    ['analyzePassword (past the scan limit)', (s) => analyzePassword(s), (n) => randomPaste(17, n), 1 << 18],
    ['toHalfWidth', (s) => toHalfWidth(s), (n) => randomPaste(13, n), 1 << 18],
    ['toRomajiSuggestion', (s) => toRomajiSuggestion(s), kana, 1 << 14],
    ['validateStatusFeed (long title)', (s) => validateStatusFeed({version: 1, incident: {title: s, since: '2025-01-15T09:30:00+09:00'}}), (n) => randomPaste(14, n), 1 << 18],
    // The body is scanned up to BODY_SCAN_LIMIT (32 K), so these compare 8 K with 32 K.
    ['mapLoginResponse (HTML)', (s) => mapLoginResponse({status: 500, body: s}), (n) => '<p class="x">コード: SS50 code <a '.repeat(Math.ceil(n / 33)).slice(0, n), BODY_SCAN_LIMIT / 4],
    ['mapLoginResponse (entities, comments)', (s) => mapLoginResponse({status: 500, body: s}), (n) => '&#x3000;&amp;<!-- x -->&#12354;'.repeat(Math.ceil(n / 30)).slice(0, n), BODY_SCAN_LIMIT / 4],
    ['mapLoginResponse (credentials wording)', (s) => mapLoginResponse({status: 400, body: s}), (n) => 'password or '.repeat(Math.ceil(n / 12)).slice(0, n), BODY_SCAN_LIMIT / 4],
    ['mapLoginResponse (random text)', (s) => mapLoginResponse({status: 503, contentType: 'text/html', body: s}), (n) => randomPaste(15, n), BODY_SCAN_LIMIT / 4],
    ['mapLoginResponse (JSON)', (s) => mapLoginResponse({status: 401, body: s}), (n) => JSON.stringify({message: randomPaste(16, n)}), 1 << 12],
  ];

  for (const [name, fn, make, n] of cases) {
    it(`${name}: 4n costs at most ${MAX_RATIO}× n`, () => {
      const small = make(n);
      const large = make(4 * n);
      const {ratio, reps, small: tn, large: t4n} = costRatio(fn, small, large, {enough: MAX_RATIO});
      console.log(`[fuzz] ${name}: ${reps} × ${small.length} units ${tn.toFixed(1)} ms, ${reps} × ${large.length} units ${t4n.toFixed(1)} ms`);
      expect(ratio).to.be.lessThan(MAX_RATIO);
    });
  }
});

describe('hostile input: 1 MB pastes', function () {
  this.timeout(60000);
  const MB = 1 << 20;
  const pastes: Array<[string, () => string]> = [
    ['random text', () => randomPaste(21, MB)],
    ['a mail full of markup and URLs', () => '<a href="javascript:alert(1)">コード:SS503</a> https://evil.example/?next=//x '.repeat(MB / 64).slice(0, MB)],
    ['one long line of full-width text', () => 'ｔａｒｏ＿ｓ＠ａａ２．ｓｏ－ｎｅｔ．ｎｅ．ｊｐ'.repeat(MB / 20).slice(0, MB)],
  ];
  for (const [name, make] of pastes) {
    it(`takes ${name} through every function without a throw`, () => {
      const s = make();
      expect(s.length).to.equal(MB);
      const problems: string[] = [];
      fuzzOne(s, prng(5), problems);
      expect(problems).to.deep.equal([]);
    });
  }
});
