/**
 * Maps what a login endpoint answered (status, headers, body) to one of the failure codes the
 * So-net support pages explain, so the login form can show the matching inline guidance.
 *
 * Pure: no DOM, no Lit, no I/O. Every function here is total: any input (garbage bodies, 5 MB
 * pages, hostile JSON) returns a result and never throws, in time linear in a bounded prefix of
 * the body.
 *
 * ## How a response is mapped (first rule that applies wins)
 *
 * | # | condition | result |
 * |---|---|---|
 * | 1 | `status` 0 (fetch got no HTTP answer, or an opaque redirect) | `network` |
 * | 2 | 2xx with a JSON object body (the success contract below) that reports a failure | the code it names, else `unknown` |
 * | 3 | 2xx, not JSON, with the host's `errorMarker` in the body | the code the page's text names (the first), else `unknown` |
 * | 4 | 2xx otherwise | ok — whatever the page's text says |
 * | 5 | the body names a known code: JSON `code` / `errorCode` / `error_code` / `error` / `error.code` / a code in `message`, a `コード:XXX` (or `code: XXX`) in the visible text of an HTML/text page, a bare `SS503` / `ce500` token, the "ユーザーID や ユーザーIDパスワードが正しくありません" sentence | that code, the first one named |
 * | 6 | JSON `maintenance: true` | `maintenance` |
 * | 7 | 401, 403 | `invalid-credentials` |
 * | 8 | 423 Locked | `locked` |
 * | 9 | 429 Too Many Requests | `SS503` (So-net's access restriction after repeated failures) |
 * | 10 | 408 Request Timeout | `network` |
 * | 11 | 503 with a maintenance hint in the body (JSON code `maintenance`, or text such as "メンテナンス中" / "メンテナンスを実施" / "under maintenance") | `maintenance` |
 * | 12 | 500, and 503 without a maintenance hint | `500` — the seed page's "「コード:500」が表示される / その他正常に画面が表示されない場合" |
 * | 13 | any other 5xx (502, 504 from a proxy or gateway, …) | `maintenance`: the server side failed, so the member is sent to the status page and asked to wait, not to change browser settings |
 * | 14 | anything else (3xx, other 4xx, nonsense statuses) | `unknown` |
 *
 * ## The success contract of a 2xx answer
 *
 * A 2xx answer is a success unless it says otherwise in one of these two ways; the text of an
 * HTML page is never read for it (a landing page whose FAQ quotes an error message, or lists
 * the codes, is still a success).
 *
 * | the 2xx body | result |
 * |---|---|
 * | JSON object with `ok: false` or `success: false` | failure: the code of `code` / `errorCode` / `error_code` / `error` / `error.code` (or a code in `message`) when known, else `unknown` |
 * | JSON object with a non-empty `code`, `errorCode`, `error_code` or `error` | failure, as above |
 * | JSON object with `maintenance: true` | `maintenance` |
 * | any other JSON object (`{"ok": true, "redirect": "/mypage/"}`, `{}`) | success |
 * | not a JSON object (HTML, text), when the host set `errorMarker` and the first {@link BODY_SCAN_LIMIT} characters contain it literally | failure: the code the page's visible text names (the first), else `unknown` |
 * | anything else (HTML, text, empty, broken JSON) | success |
 *
 * A bare 503 maps to `500`, not `SS503`: So-net shows `SS503` *as a code on its error page*, which
 * rule 5 finds; an unexplained 503 is an overloaded or failing server, for which the `500`
 * guidance (wait, reload, clear the cache) is the right one. A page that merely links to
 * "障害・メンテナンス情報" is not a maintenance hint — only wording that says maintenance is
 * happening is.
 *
 * `Retry-After` (RFC 9110 §10.2.3) is read in its two forms only: delta-seconds (ASCII digits)
 * and an HTTP-date (IMF-fixdate, or the obsolete RFC 850 and asctime forms); anything else
 * (`-5`, `1.5`, `0x10`, `１２０`, `foo 2030`) is ignored.
 *
 * ## Bounds and choices
 * - Only the first {@link BODY_SCAN_LIMIT} characters of a body are scanned for codes; JSON is
 *   parsed only when the body is at most {@link JSON_PARSE_LIMIT} characters.
 * - A body is tried as JSON when the content type says JSON *or* the body starts with `{`
 *   (servers send JSON as text/html); when JSON parsing fails it is scanned as text, whatever the
 *   content type said.
 * - Code mentions inside `<script>`, `<style>`, `<template>`, `<noscript>`, HTML comments and
 *   tag attributes are ignored: the user sees the page's text, and a page's scripts often carry
 *   every message the site has (an i18n table listing `コード:SS503` would otherwise match on
 *   every error page).
 * - Text is NFKC-normalized before matching, so full-width `ＳＳ５０３`, `：` and ideographic
 *   spaces match.
 * - JSON is read with own-property checks only: `{"__proto__": …}` cannot change a prototype or
 *   supply a field.
 *
 * @example
 * ```ts
 * const response = await fetch(form.action, {method: 'POST', body: new FormData(form)});
 * const result = mapLoginResponse({
 *   status: response.status,
 *   headers: response.headers,
 *   body: await response.text(),
 * });
 * if (!result.ok) showHelp(result.code, result.retryAfterSeconds);
 * ```
 */

import {parseHttpDate} from './retry-time.js';

/** Every failure the login form knows how to explain, in the order the help lists them. */
export const LOGIN_ERROR_CODES = [
  'SS503',
  'ce500',
  '500',
  'invalid-credentials',
  'locked',
  'maintenance',
  'network',
  'cookies-disabled',
  'javascript-disabled',
  'unknown',
] as const;

/** A failure the login form knows how to explain. */
export type LoginErrorCode = (typeof LOGIN_ERROR_CODES)[number];

/** What the login endpoint answered. Every field may be missing or nonsense. */
export interface LoginResponseInput {
  /** HTTP status; 0 when fetch got no HTTP answer. */
  status: number;
  /** Response headers (`Retry-After`, `Content-Type`), a `Headers` or a plain record. */
  headers?: Headers | Record<string, string> | null;
  /** Content type, when not (or not only) in `headers`; this one wins. */
  contentType?: string | null;
  /** Response body as text. */
  body?: string | null;
  /** The response URL (informational; not used for the mapping). */
  url?: string;
  /** Current time in ms since the epoch, for `Retry-After` dates. Default `Date.now()`. */
  now?: number;
  /**
   * A literal string (1–200 characters) that the host's error pages carry, such as
   * `<meta name="sonet-login-error">`: a 2xx body that contains it is a failure. Without it, a
   * 2xx answer fails only through the JSON contract (see the module documentation).
   */
  errorMarker?: string | null;
}

/** The mapped outcome of a login request. */
export interface LoginResponseResult {
  /** True when the login succeeded. */
  ok: boolean;
  /** The failure to explain; absent when `ok`. */
  code?: LoginErrorCode;
  /** Seconds to wait before retrying, from `Retry-After` or JSON `retryAfter`. */
  retryAfterSeconds?: number;
  /** When a retry makes sense, in ms since the epoch. */
  retryAt?: number;
  /**
   * Raw redirect target from a JSON body (`redirect`, `location` or `next`). NOT validated:
   * pass it through {@link sameOriginRedirect} before navigating.
   */
  redirect?: string;
  /**
   * The code string the server sent, as text: trimmed, without control characters and without
   * invisible format characters (bidi controls, zero-width characters, BOM, soft hyphen), at most
   * 64 UTF-16 units, never ending in half a surrogate pair.
   */
  serverCode?: string;
}

/** Characters of a body scanned for error codes (32 KB: error pages put their code near the top). */
export const BODY_SCAN_LIMIT = 32 * 1024;
/** Bodies longer than this are not JSON-parsed (a login answer in JSON is a few hundred bytes). */
export const JSON_PARSE_LIMIT = 64 * 1024;
/** `Retry-After` values are clamped to one day: longer waits are a server mistake, not advice. */
export const MAX_RETRY_AFTER_SECONDS = 24 * 60 * 60;

const SERVER_CODE_MAX = 64;
const REDIRECT_MAX = 2048;

/** True when `v` is one of {@link LOGIN_ERROR_CODES}. */
export function isLoginErrorCode(v: unknown): v is LoginErrorCode {
  return typeof v === 'string' && (LOGIN_ERROR_CODES as readonly string[]).includes(v);
}

// Spellings servers and callers use, compacted (NFKC, lower case, no spaces, `_`, `-` or `.`).
const CODE_ALIASES: Record<string, LoginErrorCode> = {
  ss503: 'SS503',
  toomanyrequests: 'SS503',
  ratelimited: 'SS503',
  accessrestricted: 'SS503',
  ce500: 'ce500',
  500: '500',
  e500: '500',
  http500: '500',
  servererror: '500',
  internalservererror: '500',
  invalidcredentials: 'invalid-credentials',
  badcredentials: 'invalid-credentials',
  invalidpassword: 'invalid-credentials',
  invaliduser: 'invalid-credentials',
  authenticationfailed: 'invalid-credentials',
  authfailed: 'invalid-credentials',
  unauthorized: 'invalid-credentials',
  locked: 'locked',
  accountlocked: 'locked',
  lockedout: 'locked',
  maintenance: 'maintenance',
  undermaintenance: 'maintenance',
  network: 'network',
  networkerror: 'network',
  offline: 'network',
  timeout: 'network',
  cookiesdisabled: 'cookies-disabled',
  cookiedisabled: 'cookies-disabled',
  nocookies: 'cookies-disabled',
  cookiesblocked: 'cookies-disabled',
  javascriptdisabled: 'javascript-disabled',
  jsdisabled: 'javascript-disabled',
  nojavascript: 'javascript-disabled',
  unknown: 'unknown',
};

/**
 * Maps a code as servers and callers spell it to a {@link LoginErrorCode}:
 * `'ss503'`, `'SS 503'`, `'ＳＳ５０３'` → `'SS503'`; `'invalid_credentials'` →
 * `'invalid-credentials'`; `'E500'` → `'500'`; anything unrecognized → `'unknown'`.
 */
export function normalizeLoginErrorCode(v: string): LoginErrorCode {
  if (typeof v !== 'string' || v.length > 200) return 'unknown';
  const compact = v
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_.-]+/g, '');
  return Object.prototype.hasOwnProperty.call(CODE_ALIASES, compact) ? CODE_ALIASES[compact] : 'unknown';
}

/**
 * Classifies a rejected `fetch()` (it never gets an HTTP status). `opts.online` is
 * `navigator.onLine`, when the caller knows it.
 *
 * - `timeout`: a `TimeoutError` (e.g. from `AbortSignal.timeout()`), or a message saying so;
 * - `aborted`: an `AbortError` (the page cancelled the request — usually nothing to show);
 * - `offline`: the browser reports it is offline;
 * - `failed`: anything else (DNS, TLS, CORS, connection reset, "Failed to fetch").
 *
 * @example
 * ```ts
 * try { response = await fetch(url, {signal: AbortSignal.timeout(15000)}); }
 * catch (error) { const {reason} = mapFetchFailure(error, {online: navigator.onLine}); }
 * ```
 */
export function mapFetchFailure(
  error: unknown,
  opts: {online?: boolean} = {}
): {code: 'network'; reason: 'timeout' | 'offline' | 'aborted' | 'failed'} {
  let name = '';
  let message = '';
  try {
    if (error && typeof error === 'object') {
      const e = error as {name?: unknown; message?: unknown};
      name = typeof e.name === 'string' ? e.name : '';
      message = typeof e.message === 'string' ? e.message.slice(0, 500) : '';
    } else if (typeof error === 'string') {
      message = error.slice(0, 500);
    }
  } catch {
    // A hostile getter (Proxy) — classify by what we could read.
  }
  if (name === 'TimeoutError' || /\btime(?:d)?\s?out\b/i.test(message)) return {code: 'network', reason: 'timeout'};
  if (name === 'AbortError') return {code: 'network', reason: 'aborted'};
  if (opts?.online === false) return {code: 'network', reason: 'offline'};
  return {code: 'network', reason: 'failed'};
}

/**
 * Returns `target` resolved against `base` (normally `location.href`) when it stays on the same
 * origin over http(s), else `null`. Use it before following any redirect a server or a query
 * string supplied (OWASP ASVS 5.1.5, open redirects).
 *
 * Rejected: other origins (`//evil.example`, `https://a@evil.example`), other schemes
 * (`javascript:`, `data:`, `blob:`), backslashes anywhere (browsers read `/\evil` as `//evil`),
 * control characters (browsers silently drop tab and newline: `java\tscript:`), URLs carrying
 * a user name or password, targets longer than 2048 characters, any base that is not http(s)
 * itself, and targets whose resolved path begins with `//` (`/.//evil.example` lands on
 * `https://host//evil.example`: same origin, but a host that re-navigates to its `pathname`
 * would leave for `evil.example`).
 *
 * @example
 * ```ts
 * const next = sameOriginRedirect(result.redirect, location.href);
 * if (next) location.assign(next);
 * ```
 */
export function sameOriginRedirect(target: string | null | undefined, base: string): string | null {
  if (typeof target !== 'string' || typeof base !== 'string') return null;
  const trimmed = target.trim();
  if (!trimmed || trimmed.length > REDIRECT_MAX) return null;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\\]/.test(trimmed)) return null;
  try {
    const baseUrl = new URL(base);
    if (baseUrl.protocol !== 'https:' && baseUrl.protocol !== 'http:') return null;
    const url = new URL(trimmed, baseUrl);
    if (url.protocol !== baseUrl.protocol || url.origin !== baseUrl.origin) return null;
    if (url.username || url.password) return null;
    if (url.pathname.startsWith('//')) return null;
    return url.href;
  } catch {
    return null;
  }
}

/** Shortest run of characters shared with a typed value that hides a server code. */
export const SERVER_CODE_OVERLAP = 12;

// Values shorter than this are not compared: every code shares a letter or two with something.
const OVERLAP_MIN_VALUE = 4;
const SENT_VALUES_MAX = 100;
const SENT_VALUE_MAX_LENGTH = 4096;

/** NFKC, no hidden characters, no whitespace, lower case: how two strings are compared for overlap. */
function foldForOverlap(text: string): string {
  return text.normalize('NFKC').replace(HIDDEN_CHARACTERS, '').replace(/\s+/g, '').toLowerCase();
}

function sentStrings(sent: unknown): string[] {
  const out: string[] = [];
  if (!sent || typeof sent !== 'object') return out;
  const source = sent as {values?: () => Iterable<unknown>} & Iterable<unknown>;
  const values: Iterable<unknown> =
    typeof FormData !== 'undefined' && sent instanceof FormData ? sent.values() : source;
  if (typeof (values as {[Symbol.iterator]?: unknown})[Symbol.iterator] !== 'function') return out;
  for (const value of values) {
    if (out.length >= SENT_VALUES_MAX) break;
    if (typeof value === 'string' && value) out.push(foldForOverlap(value.slice(0, SENT_VALUE_MAX_LENGTH)));
  }
  return out;
}

function overlaps(code: string, value: string): boolean {
  if (value.length < OVERLAP_MIN_VALUE) return false;
  const run = Math.min(SERVER_CODE_OVERLAP, value.length);
  for (let i = 0; i + run <= code.length; i++) {
    if (value.includes(code.slice(i, i + run))) return true;
  }
  return false;
}

/**
 * The server's code as the login form may show it (the `server-code` attribute of
 * `<sonet-error-help>`, the 「サーバーの応答」 line of the support box, which the member copies
 * to support), or `undefined` when it must not be shown.
 *
 * | the server's code (`serverCode` of {@link mapLoginResponse}) | result |
 * |---|---|
 * | not a string or a number, empty after normalisation | `undefined` |
 * | not a known spelling of a known failure ({@link normalizeLoginErrorCode} says `unknown`): `user_not_found`, `E_1234`, `<img …>`, `unknown`, anything echoed | `undefined` — a raw code can tell which of the ID or the password was wrong, or carry what was typed |
 * | a known spelling that shares a run of {@link SERVER_CODE_OVERLAP} characters (or the whole of a shorter value of 4 or more) with any value the form sent | `undefined` |
 * | a spelling of `invalid-credentials` (`invalid_user`, `invalid_password`, `unauthorized`) | `'invalid-credentials'`: the server's own word would say which credential was wrong |
 * | any other known spelling (`ss503`, `E500`, `ＳＳ５０３`) | the spelling after NFKC, without control and invisible characters, trimmed, at most 64 units |
 *
 * Both sides are compared after the same normalisation (NFKC, control and invisible characters
 * removed, whitespace removed, lower case), so a password followed by a space, led by a tab,
 * split by a zero-width space or longer than 64 characters is still recognised. Never throws.
 *
 * @example
 * ```ts
 * const shown = displayServerCode(result.serverCode, formData);
 * helpElement.serverCode = shown ?? '';
 * ```
 */
export function displayServerCode(code: unknown, sentValues: FormData | Iterable<unknown> | null | undefined): string | undefined {
  try {
    if (typeof code === 'number') code = Number.isFinite(code) ? String(code) : undefined;
    if (typeof code !== 'string' || code.length > 4 * SERVER_CODE_MAX) return undefined;
    const known = normalizeLoginErrorCode(code.replace(HIDDEN_CHARACTERS, ''));
    if (known === 'unknown') return undefined;
    const folded = foldForOverlap(code);
    if (!folded) return undefined;
    for (const value of sentStrings(sentValues)) if (overlaps(folded, value)) return undefined;
    if (known === 'invalid-credentials') return known;
    return codeText(code.normalize('NFKC'));
  } catch {
    return undefined;
  }
}

/**
 * Maps a login endpoint's answer to a {@link LoginResponseResult}. See the module
 * documentation for the full table.
 *
 * @example
 * ```ts
 * mapLoginResponse({status: 200, body: '<p>エラー コード：SS503</p>'});
 * // → {ok: false, code: 'SS503', serverCode: 'SS503'}
 * mapLoginResponse({status: 429, headers: {'Retry-After': '120'}, now: 0});
 * // → {ok: false, code: 'SS503', retryAfterSeconds: 120, retryAt: 120000}
 * ```
 */
export function mapLoginResponse(input: LoginResponseInput): LoginResponseResult {
  try {
    return mapUnsafe(input);
  } catch {
    // Unreachable by design; a result beats a thrown error on a login page.
    return {ok: false, code: 'unknown'};
  }
}

function mapUnsafe(input: LoginResponseInput): LoginResponseResult {
  if (!input || typeof input !== 'object') return {ok: false, code: 'unknown'};
  const status = typeof input.status === 'number' && Number.isFinite(input.status) ? Math.trunc(input.status) : 0;
  const now = typeof input.now === 'number' && Number.isFinite(input.now) ? input.now : Date.now();
  const contentType = (
    typeof input.contentType === 'string' ? input.contentType : headerValue(input.headers, 'content-type') ?? ''
  ).toLowerCase();
  const rawBody = typeof input.body === 'string' ? input.body : '';

  const body = readBody(rawBody, contentType);
  const success = status >= 200 && status < 300;
  if (success && !body.json) {
    // Page text never makes a 2xx a failure (a landing page may quote any error message);
    // only the host's marker does.
    const marked = hasMarker(rawBody, input.errorMarker);
    if (!marked) return {ok: true};
    body.failed = true;
  }
  const result: LoginResponseResult = {ok: false};
  if (body.serverCode) result.serverCode = body.serverCode;
  if (body.redirect) result.redirect = body.redirect;

  const retry = parseRetryAfter(headerValue(input.headers, 'retry-after'), now) ?? body.retryAfter(now);
  const withRetry = (r: LoginResponseResult): LoginResponseResult => {
    if (!r.ok && retry) {
      r.retryAfterSeconds = retry.seconds;
      r.retryAt = retry.at;
    }
    return r;
  };

  const fail = (code: LoginErrorCode) => withRetry(Object.assign(result, {code}));

  if (status === 0) return fail('network');
  if (success) {
    if (body.maintenance) return fail('maintenance');
    if (!body.failed) {
      const ok: LoginResponseResult = {ok: true};
      if (body.redirect) ok.redirect = body.redirect;
      return ok;
    }
    return fail(body.code ?? 'unknown');
  }
  if (body.code) return fail(body.code);
  if (body.maintenance) return fail('maintenance');
  if (status === 401 || status === 403) return fail('invalid-credentials');
  if (status === 423) return fail('locked');
  if (status === 429) return fail('SS503');
  if (status === 408) return fail('network');
  if (status === 503 && body.maintenanceHint) return fail('maintenance');
  if (status === 500 || status === 503) return fail('500');
  if (status > 500 && status < 600) return fail('maintenance');
  return fail('unknown');
}

const ERROR_MARKER_MAX = 200;

function hasMarker(body: string, marker: string | null | undefined): boolean {
  if (typeof marker !== 'string' || !marker || marker.length > ERROR_MARKER_MAX) return false;
  return body.slice(0, BODY_SCAN_LIMIT).includes(marker);
}

// ---------------------------------------------------------------------------------------------
// Headers

function headerValue(headers: LoginResponseInput['headers'], name: string): string | undefined {
  if (!headers || typeof headers !== 'object') return undefined;
  try {
    if (typeof Headers !== 'undefined' && headers instanceof Headers) return headers.get(name) ?? undefined;
    for (const key of Object.keys(headers)) {
      if (key.toLowerCase() === name) {
        const value = (headers as Record<string, unknown>)[key];
        return typeof value === 'string' ? value : undefined;
      }
    }
  } catch {
    // A Headers-like object that throws: no header.
  }
  return undefined;
}

interface Retry {
  seconds: number;
  at: number;
}

function retryFromSeconds(seconds: number, now: number): Retry | undefined {
  if (!Number.isFinite(seconds) || seconds < 0) return undefined;
  const s = Math.min(Math.ceil(seconds), MAX_RETRY_AFTER_SECONDS);
  return {seconds: s, at: now + s * 1000};
}

/**
 * `Retry-After: 120` or `Retry-After: Wed, 21 Oct 2015 07:28:00 GMT`: delta-seconds or an
 * HTTP-date (RFC 9110 §10.2.3), nothing else — `Date.parse` would read `foo 2030` as a year.
 */
function parseRetryAfter(value: string | undefined, now: number): Retry | undefined {
  if (typeof value !== 'string') return undefined;
  const v = value.trim();
  if (!v || v.length > 64) return undefined;
  if (/^[0-9]+$/.test(v)) return retryFromSeconds(Number(v), now);
  const at = parseHttpDate(v, now);
  if (at === undefined) return undefined;
  return retryFromSeconds(Math.max(0, (at - now) / 1000), now);
}

// ---------------------------------------------------------------------------------------------
// Body

interface BodyFacts {
  code?: LoginErrorCode;
  serverCode?: string;
  redirect?: string;
  maintenance?: boolean;
  maintenanceHint?: boolean;
  /** A JSON body said the login failed (`ok: false`, `success: false`, a code or an error). */
  failed?: boolean;
  /** The body was a JSON object. */
  json?: boolean;
  retryAfter: (now: number) => Retry | undefined;
}

const noRetry = () => undefined;

// Every field set, even to undefined: a polluted Object.prototype (`Object.prototype.code = …`
// by some other script) must not supply a fact.
function emptyFacts(): BodyFacts {
  return {
    code: undefined,
    serverCode: undefined,
    redirect: undefined,
    maintenance: false,
    maintenanceHint: false,
    failed: false,
    json: false,
    retryAfter: noRetry,
  };
}

function readBody(body: string, contentType: string): BodyFacts {
  if (!body) return emptyFacts();
  const head = body.slice(0, 512).trimStart();
  const looksJson = head.startsWith('{');
  if ((looksJson || contentType.includes('json')) && body.length <= JSON_PARSE_LIMIT) {
    const json = parseJsonObject(body);
    if (json) return readJson(json);
  }
  return readText(body.slice(0, BODY_SCAN_LIMIT));
}

function parseJsonObject(body: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(body);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function own(obj: unknown, key: string): unknown {
  return obj && typeof obj === 'object' && Object.prototype.hasOwnProperty.call(obj, key)
    ? (obj as Record<string, unknown>)[key]
    : undefined;
}

// Controls, and the invisible format characters that reorder or hide text: a server code shown to
// the member (and copied for support) must read as what it is — `\u202E` would display the rest
// of the line reversed, zero-width characters would make two codes look the same
// (Unicode TR #36, 2.1 bidirectional text spoofing).
// eslint-disable-next-line no-control-regex
const HIDDEN_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/g;

function codeText(v: unknown): string | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v !== 'string') return undefined;
  let text = v.slice(0, 4 * SERVER_CODE_MAX).replace(HIDDEN_CHARACTERS, '').trim();
  if (text.length > SERVER_CODE_MAX) {
    const u = text.charCodeAt(SERVER_CODE_MAX - 1);
    text = text.slice(0, u >= 0xd800 && u <= 0xdbff ? SERVER_CODE_MAX - 1 : SERVER_CODE_MAX);
  }
  return text || undefined;
}

function readJson(json: Record<string, unknown>): BodyFacts {
  const error = own(json, 'error');
  const candidates = [
    own(json, 'code'),
    own(json, 'errorCode'),
    own(json, 'error_code'),
    typeof error === 'object' ? own(error, 'code') : error,
  ];
  const facts = emptyFacts();
  const hasCodeField = candidates.some((candidate) => codeText(candidate) !== undefined);
  for (const candidate of candidates) {
    const text = codeText(candidate);
    if (!text) continue;
    facts.serverCode ??= text;
    const code = normalizeLoginErrorCode(text);
    if (code !== 'unknown') {
      facts.code = code;
      facts.serverCode = text;
      break;
    }
  }
  if (!facts.code) {
    // A message like "コード:SS503 のため…" with no code field.
    for (const key of ['message', 'error_description', 'detail']) {
      const value = own(json, key) ?? (typeof error === 'object' ? own(error, key) : undefined);
      if (typeof value === 'string') {
        const found = findCodeInText(normalizeText(value.slice(0, BODY_SCAN_LIMIT)));
        if (found) {
          facts.code = found.code;
          facts.serverCode = found.serverCode;
          break;
        }
      }
    }
  }
  facts.maintenance = own(json, 'maintenance') === true;
  facts.maintenanceHint = facts.maintenance;
  facts.json = true;
  facts.failed =
    own(json, 'ok') === false ||
    own(json, 'success') === false ||
    hasCodeField ||
    (error !== undefined && error !== null && error !== false && error !== '');
  for (const key of ['redirect', 'location', 'next']) {
    const value = own(json, key);
    if (typeof value === 'string' && value && value.length <= REDIRECT_MAX) {
      facts.redirect = value;
      break;
    }
  }
  const retryValue = own(json, 'retryAfter') ?? own(json, 'retry_after');
  facts.retryAfter = (now) => {
    if (typeof retryValue === 'number') return retryFromSeconds(retryValue, now);
    if (typeof retryValue === 'string') return parseRetryAfter(retryValue, now);
    return undefined;
  };
  return facts;
}

function readText(body: string): BodyFacts {
  const text = normalizeText(visibleText(body));
  const facts = emptyFacts();
  const found = findCodeInText(text);
  if (found) {
    facts.code = found.code;
    facts.serverCode = found.serverCode;
  }
  facts.maintenanceHint = MAINTENANCE_HINT.test(text);
  return facts;
}

// After NFKC: `コード` + optional colon + a code of letters and 3–4 digits (`SS503`, `ce500`, `500`).
const CODE_MENTION = /(?:コード|(?<![a-z])code)\s*(?::\s*)?([a-z]{0,4}\s?\d{3,4})(?![0-9a-z])/gi;
// Distinctive codes are recognized even without a `コード:` label.
const BARE_CODE = /(?<![0-9a-z])(ss\s?503|ce\s?500)(?![0-9a-z])/i;
// So-net's own wording for wrong credentials (support page: 「ユーザーID や ユーザーIDパスワードが正しくありません」).
const CREDENTIALS_SENTENCE = /パスワードが正しくありません|(?:user\s?id|password)\s(?:or\s\S+\s)?(?:is|are)\s(?:incorrect|invalid)/i;
const MAINTENANCE_HINT = /メンテナンス(?:中|を実施|作業中|のため)|under\s+maintenance|maintenance\s+(?:in\s+progress|mode)|scheduled\s+maintenance/i;

function findCodeInText(text: string): {code: LoginErrorCode; serverCode?: string} | undefined {
  // Every labelled mention: "Unicode 5000" earlier on the page must not hide the real one.
  for (const mention of text.matchAll(CODE_MENTION)) {
    const code = normalizeLoginErrorCode(mention[1]);
    if (code !== 'unknown') return {code, serverCode: mention[1].replace(/\s+/g, '')};
  }
  const bare = BARE_CODE.exec(text);
  if (bare) return {code: normalizeLoginErrorCode(bare[1]), serverCode: bare[1].replace(/\s+/g, '')};
  if (CREDENTIALS_SENTENCE.test(text)) return {code: 'invalid-credentials'};
  return undefined;
}

const ENTITIES: Record<string, string> = {nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'"};

function normalizeText(text: string): string {
  return text
    .replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,6});/gi, (all, ref: string) => {
      if (ref[0] !== '#') return (own(ENTITIES, ref.toLowerCase()) as string | undefined) ?? all;
      const cp = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : all;
    })
    .normalize('NFKC')
    .replace(/\s+/g, ' ');
}

const SKIPPED_ELEMENTS = ['script', 'style', 'template', 'noscript', 'textarea', 'title'];

/**
 * The text a browser would show for an HTML (or plain text) body: tags and attributes dropped,
 * the contents of script-like elements and comments skipped. One left-to-right pass, so linear
 * in the length of `html`, whatever it contains.
 */
function visibleText(html: string): string {
  if (!html.includes('<')) return html;
  const lower = html.toLowerCase();
  let out = '';
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      out += html.slice(i);
      break;
    }
    out += html.slice(i, lt);
    if (lower.startsWith('<!--', lt)) {
      const end = lower.indexOf('-->', lt + 4);
      if (end < 0) break;
      i = end + 3;
      continue;
    }
    const tag = /^<([a-z][a-z0-9-]*)/.exec(lower.slice(lt, lt + 32));
    const closing = lower[lt + 1] === '/' || lower[lt + 1] === '!' || lower[lt + 1] === '?';
    if (!tag && !closing) {
      out += '<';
      i = lt + 1;
      continue;
    }
    const gt = html.indexOf('>', lt + 1);
    if (gt < 0) break;
    i = gt + 1;
    // A tag reads as a space, as block boundaries do in a browser: `<dt>コード</dt><dd>SS503</dd>`.
    out += ' ';
    if (tag && SKIPPED_ELEMENTS.includes(tag[1])) {
      const end = lower.indexOf(`</${tag[1]}`, i);
      if (end < 0) break;
      const endGt = html.indexOf('>', end);
      i = endGt < 0 ? html.length : endGt + 1;
    }
  }
  return out;
}
