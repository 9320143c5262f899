/**
 * The status feed behind `<sonet-maintenance-notice>`: a small JSON document that says whether
 * an outage is going on and when maintenance is planned, so the login page can say so before a
 * member fails to log in (support page: 「障害やメンテナンスによりログイン画面が正常に動作しない
 * 場合もございます」).
 *
 * Pure: no DOM, no Lit, no clock — callers pass `now`.
 *
 * ## Format (version 1)
 *
 * ```json
 * {
 *   "version": 1,
 *   "incident": {
 *     "title": {"ja": "一部のお客さまで、ログインしにくい状態が発生しています", "en": "Some members are having trouble logging in"},
 *     "since": "2025-01-15T09:30:00+09:00",
 *     "until": "2025-01-15T12:00:00+09:00"
 *   },
 *   "maintenance": [
 *     {"start": "2025-01-20T02:00:00+09:00", "end": "2025-01-20T06:00:00+09:00", "services": ["マイページ", "So-net Webメール"]}
 *   ]
 * }
 * ```
 *
 * - `version` (required): `1`. Other versions are rejected, not guessed at.
 * - `incident` (optional): `null`, or the outage going on now. `since` (required) and `until`
 *   (optional, the expected recovery) are RFC 3339 date-times *with* an offset (`Z` or
 *   `+09:00`). An incident whose `since` is more than {@link INCIDENT_CLOCK_SKEW_MINUTES}
 *   minutes ahead has not begun (it is shown from then on); one whose `until` has passed is
 *   over. `title` (optional) is a string, or
 *   `{"ja": …, "en": …}` with either or both.
 * - `maintenance` (optional, ≤ 50 entries): windows with `start` and `end` (RFC 3339 with an
 *   offset, `end` after `start`), optional `services` (≤ 10 names of ≤ 40 characters) and
 *   optional `title` as above.
 * - Unknown fields are ignored. Any field of the wrong type rejects the whole feed: a feed is
 *   machine-written, and half-believing a broken one could hide an outage or invent one.
 *
 * Dates must exist: `2025-02-30`, hour 24, minute 60 or an offset of `+24:00` reject the feed
 * (`Date.parse` would roll 30 February over into March).
 *
 * Texts are reduced to plain text (control characters become spaces; zero-width, bidi and
 * other invisible format characters are removed — they could reorder or hide words, Unicode
 * TR #36 §2.1; whitespace collapsed, at most 200 characters) and must only ever be rendered as
 * text.
 *
 * ## What is shown (first that applies)
 * 1. an incident whose `since` has come (give or take {@link INCIDENT_CLOCK_SKEW_MINUTES}
 *    minutes of clock skew), without an `until` or whose `until` is still ahead → `incident`;
 * 2. a window with `start ≤ now < end` → `maintenance` (the one that started first);
 * 3. a window starting within the horizon (default {@link DEFAULT_HORIZON_HOURS} h) →
 *    `upcoming` (the earliest);
 * 4. nothing → `null`.
 */

import {isInvisible} from './half-width.js';

/** Hours ahead in which a planned maintenance window is announced. */
export const DEFAULT_HORIZON_HOURS = 72;

/**
 * Minutes by which an incident's `since` may be ahead of the visitor's clock and still count as
 * begun: a device clock a few minutes slow must not hide an outage that has just started.
 */
export const INCIDENT_CLOCK_SKEW_MINUTES = 5;

const MAX_WINDOWS = 50;
const MAX_SERVICES = 10;
const MAX_SERVICE_LENGTH = 40;
const MAX_TITLE_LENGTH = 200;
const HOUR = 60 * 60 * 1000;
const SKEW = INCIDENT_CLOCK_SKEW_MINUTES * 60 * 1000;

/** A text in the library's locales; either may be missing. */
export interface LocalizedText {
  ja?: string;
  en?: string;
}

/** An outage going on. Times in ms since the epoch. */
export interface StatusIncident {
  title?: LocalizedText;
  since: number;
  until?: number;
}

/** A planned maintenance window. Times in ms since the epoch. */
export interface MaintenanceWindow {
  start: number;
  end: number;
  services?: string[];
  title?: LocalizedText;
}

/** A validated status feed. */
export interface StatusFeed {
  version: 1;
  incident: StatusIncident | null;
  maintenance: MaintenanceWindow[];
}

/** What the notice shows. */
export type StatusNotice =
  | ({kind: 'incident'} & StatusIncident)
  | ({kind: 'maintenance'} & MaintenanceWindow)
  | ({kind: 'upcoming'} & MaintenanceWindow);

/** Options of {@link selectStatusNotice}. */
export interface StatusNoticeOptions {
  /** Hours ahead in which a planned window is announced (default 72; 0 announces none ahead). */
  horizonHours?: number;
}

/** The result of {@link validateStatusFeed}. */
export type StatusFeedValidation = {ok: true; feed: StatusFeed} | {ok: false; reason: string};

// RFC 3339 date-time with a mandatory offset: without one `Date.parse` uses the visitor's zone.
const RFC3339 =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))$/i;

function own(obj: object, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(obj, key) ? (obj as Record<string, unknown>)[key] : undefined;
}

function isRecord(v: unknown): v is object {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

class FeedError extends Error {}

function time(v: unknown, field: string): number {
  const m = typeof v === 'string' ? RFC3339.exec(v) : null;
  if (!m) throw new FeedError(`${field} is not an RFC 3339 date-time with an offset`);
  const [year, month, day, hour, minute] = [m[1], m[2], m[3], m[4], m[5]].map(Number);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  const offsetOk = m[7] === undefined || (Number(m[7]) <= 23 && Number(m[8]) <= 59);
  // The calendar day must exist: Date.UTC(2025, 1, 30) is 2 March.
  const probe = new Date(Date.UTC(year, month - 1, day));
  const dayOk = month >= 1 && month <= 12 && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
  if (!dayOk || hour > 23 || minute > 59 || second > 59 || !offsetOk) throw new FeedError(`${field} is not a valid date`);
  const t = Date.parse(v as string);
  if (!Number.isFinite(t)) throw new FeedError(`${field} is not a valid date`);
  return t;
}

/**
 * Plain text: controls and line breaks as spaces, invisible format characters (zero-width,
 * bidi controls, BOM, soft hyphen: `isInvisible()`) removed, single spaces, at most `max`
 * characters.
 */
function plain(v: string, max: number): string {
  let text = '';
  for (const ch of v.slice(0, 8 * max)) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || cp === 0x2028 || cp === 0x2029) text += ' ';
    else if (!isInvisible(cp)) text += ch;
  }
  text = text.replace(/\s+/g, ' ').trim();
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function title(v: unknown, field: string): LocalizedText | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') {
    const text = plain(v, MAX_TITLE_LENGTH);
    return text ? {ja: text, en: text} : undefined;
  }
  if (!isRecord(v)) throw new FeedError(`${field} is neither a string nor {ja, en}`);
  const out: LocalizedText = {};
  for (const locale of ['ja', 'en'] as const) {
    const t = own(v, locale);
    if (t === undefined || t === null) continue;
    if (typeof t !== 'string') throw new FeedError(`${field}.${locale} is not a string`);
    const text = plain(t, MAX_TITLE_LENGTH);
    if (text) out[locale] = text;
  }
  return out.ja || out.en ? out : undefined;
}

function incident(v: unknown): StatusIncident | null {
  if (v === undefined || v === null) return null;
  if (!isRecord(v)) throw new FeedError('incident is neither null nor an object');
  const result: StatusIncident = {since: time(own(v, 'since'), 'incident.since')};
  const until = own(v, 'until');
  if (until !== undefined && until !== null) {
    result.until = time(until, 'incident.until');
    if (result.until < result.since) throw new FeedError('incident.until is before incident.since');
  }
  const t = title(own(v, 'title'), 'incident.title');
  if (t) result.title = t;
  return result;
}

function maintenanceWindow(v: unknown, i: number): MaintenanceWindow {
  const field = `maintenance[${i}]`;
  if (!isRecord(v)) throw new FeedError(`${field} is not an object`);
  const result: MaintenanceWindow = {start: time(own(v, 'start'), `${field}.start`), end: time(own(v, 'end'), `${field}.end`)};
  if (result.end <= result.start) throw new FeedError(`${field}.end is not after its start`);
  const services = own(v, 'services');
  if (services !== undefined && services !== null) {
    if (!Array.isArray(services) || services.length > MAX_SERVICES || services.some((s) => typeof s !== 'string'))
      throw new FeedError(`${field}.services is not a list of at most ${MAX_SERVICES} strings`);
    const names = (services as string[]).map((s) => plain(s, MAX_SERVICE_LENGTH)).filter(Boolean);
    if (names.length) result.services = names;
  }
  const t = title(own(v, 'title'), `${field}.title`);
  if (t) result.title = t;
  return result;
}

/**
 * Checks that `json` (the parsed feed) follows the format above, and returns it with times as
 * ms since the epoch and texts as plain text — or the reason it does not (in English, for the
 * console; never shown to members).
 */
export function validateStatusFeed(json: unknown): StatusFeedValidation {
  try {
    if (!isRecord(json)) throw new FeedError('the feed is not a JSON object');
    if (own(json, 'version') !== 1) throw new FeedError('version is not 1');
    const list = own(json, 'maintenance');
    if (list !== undefined && list !== null && !Array.isArray(list)) throw new FeedError('maintenance is not a list');
    const windows = (list as unknown[] | null | undefined) ?? [];
    if (windows.length > MAX_WINDOWS) throw new FeedError(`maintenance has more than ${MAX_WINDOWS} entries`);
    return {ok: true, feed: {version: 1, incident: incident(own(json, 'incident')), maintenance: windows.map(maintenanceWindow)}};
  } catch (error) {
    return {ok: false, reason: error instanceof FeedError ? error.message : 'the feed could not be read'};
  }
}

function horizonMs(options: StatusNoticeOptions | undefined): number {
  const h = options?.horizonHours;
  return typeof h === 'number' && Number.isFinite(h) && h >= 0 ? Math.min(h, 24 * 366) * HOUR : DEFAULT_HORIZON_HOURS * HOUR;
}

/**
 * What a validated feed asks to show at `now` (ms since the epoch), or `null` for nothing.
 * See the module documentation for the order.
 */
export function selectStatusNotice(feed: StatusFeed, now: number, options?: StatusNoticeOptions): StatusNotice | null {
  const inc = feed.incident;
  if (inc && inc.since - SKEW <= now && (inc.until === undefined || inc.until > now)) return {kind: 'incident', ...inc};
  let current: MaintenanceWindow | undefined;
  let upcoming: MaintenanceWindow | undefined;
  const horizon = horizonMs(options);
  for (const w of feed.maintenance) {
    if (w.start <= now && now < w.end) {
      if (!current || w.start < current.start) current = w;
    } else if (w.start > now && w.start - now <= horizon) {
      if (!upcoming || w.start < upcoming.start) upcoming = w;
    }
  }
  if (current) return {kind: 'maintenance', ...current};
  if (upcoming) return {kind: 'upcoming', ...upcoming};
  return null;
}

/**
 * The next moment after `now` at which {@link selectStatusNotice} may answer differently (an
 * incident's `since` or `until`, a window entering the horizon, starting or ending), or `null` when the
 * answer never changes. The element re-renders then, so a page left open stays right.
 */
export function nextStatusChange(feed: StatusFeed, now: number, options?: StatusNoticeOptions): number | null {
  const horizon = horizonMs(options);
  const moments: number[] = [];
  if (feed.incident) moments.push(feed.incident.since - SKEW);
  if (feed.incident?.until !== undefined) moments.push(feed.incident.until);
  for (const w of feed.maintenance) moments.push(w.start - horizon, w.start, w.end);
  let next: number | null = null;
  for (const m of moments) if (m > now && (next === null || m < next)) next = m;
  return next;
}

/**
 * Validates `json` and selects what to show at `now`, in one step. `null` both for "nothing to
 * show" and for an invalid feed; use {@link validateStatusFeed} to tell them apart.
 *
 * @example
 * ```ts
 * const notice = parseStatusFeed(await (await fetch('/api/status.json')).json(), Date.now());
 * if (notice?.kind === 'upcoming') console.log(new Date(notice.start));
 * ```
 */
export function parseStatusFeed(json: unknown, now: number | Date, options?: StatusNoticeOptions): StatusNotice | null {
  const result = validateStatusFeed(json);
  const t = now instanceof Date ? now.getTime() : now;
  return result.ok && Number.isFinite(t) ? selectStatusNotice(result.feed, t, options) : null;
}

/** The text for `locale` (`'ja'`, `'en'`), else the other one, else `''`. */
export function localizedText(text: LocalizedText | undefined, locale: string): string {
  if (!text) return '';
  return (locale === 'en' ? text.en ?? text.ja : text.ja ?? text.en) ?? '';
}
