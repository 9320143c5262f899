/**
 * When a member may try to log in again after an access restriction (`SS503`) or a lock, and
 * how to show the time left.
 *
 * Pure: no DOM, no Lit, no clock — the caller passes `now`.
 */

/** Waits longer than a day are a server mistake, not advice (same bound as `Retry-After`). */
export const MAX_RETRY_WAIT_MS = 24 * 60 * 60 * 1000;

/**
 * Parses a retry time given as ms since the epoch (`"1735689600000"`, a number) or as an ISO
 * 8601 date-time (`"2025-01-01T00:00:00Z"`). Returns ms since the epoch, or `undefined` for
 * anything else (empty, negative, `NaN`, free text, a bare year).
 */
export function parseRetryAt(value: string | number | null | undefined): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const v = value.trim();
  if (!v || v.length > 64) return undefined;
  if (/^\d+$/.test(v)) return Number(v);
  // ISO date-times only: `Date.parse` also accepts "1.5" or "May 1" in some engines.
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(v)) return undefined;
  const at = Date.parse(v);
  return Number.isFinite(at) ? at : undefined;
}

/**
 * Parses a wait in seconds (`"120"`, `120`, `"90.5"`). Returns seconds (≥ 0), or `undefined`
 * for anything else.
 */
export function parseRetryAfterSeconds(value: string | number | null | undefined): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(value) ? Number(value) : NaN;
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

/**
 * The moment a retry makes sense: `retryAt` when it parses, else `now + retryAfter` seconds;
 * clamped to {@link MAX_RETRY_WAIT_MS} from `now`. `undefined` when neither is usable.
 */
export function resolveRetryAt(
  retryAt: string | number | null | undefined,
  retryAfter: string | number | null | undefined,
  now: number
): number | undefined {
  const at = parseRetryAt(retryAt);
  if (at !== undefined) return Math.min(at, now + MAX_RETRY_WAIT_MS);
  const seconds = parseRetryAfterSeconds(retryAfter);
  if (seconds === undefined) return undefined;
  return now + Math.min(Math.ceil(seconds * 1000), MAX_RETRY_WAIT_MS);
}

/**
 * The time left before a retry, as the units a countdown shows: whole seconds under an hour
 * (`{minutes, seconds}`), whole minutes from an hour on (`{hours, minutes}`, seconds would only
 * flicker), always rounded up so the member is never told to come back too early. Units that are
 * zero are `0`; a renderer leaves them out ("あと 10 分", not "あと 10 分 0 秒").
 *
 * | ms | result |
 * |---|---|
 * | `0`, negative, `NaN` | `{kind: 'none'}` |
 * | `45_000` | `{kind: 'seconds', seconds: 45}` |
 * | `597_000` | `{kind: 'minutes', minutes: 9, seconds: 57}` |
 * | `600_000` | `{kind: 'minutes', minutes: 10, seconds: 0}` |
 * | `3_600_000` | `{kind: 'hours', hours: 1, minutes: 0}` |
 * | `9_000_001` | `{kind: 'hours', hours: 2, minutes: 31}` |
 *
 * @example
 * ```ts
 * const left = waitLeft(597_000); // {kind: 'minutes', minutes: 9, seconds: 57} → 「あと 9 分 57 秒」
 * ```
 */
export function waitLeft(ms: number): WaitLeft {
  const total = Number.isFinite(ms) && ms > 0 ? Math.ceil(ms / 1000) : 0;
  if (total === 0) return {kind: 'none'};
  if (total < 60) return {kind: 'seconds', seconds: total};
  if (total < 3600) return {kind: 'minutes', minutes: Math.floor(total / 60), seconds: total % 60};
  const minutes = Math.ceil(total / 60);
  return {kind: 'hours', hours: Math.floor(minutes / 60), minutes: minutes % 60};
}

/** What {@link waitLeft} returns: the units of a wait, by the largest one shown. */
export type WaitLeft =
  | {kind: 'none'}
  | {kind: 'seconds'; seconds: number}
  | {kind: 'minutes'; minutes: number; seconds: number}
  | {kind: 'hours'; hours: number; minutes: number};

/**
 * Waits from this long on show the time of day as well (「(14:05 ごろ)」): long enough that a
 * member may leave the page and come back. Shorter waits show the countdown alone.
 */
export const RETRY_CLOCK_FROM_MS = 5 * 60 * 1000;

/**
 * The time of day worth showing beside a countdown, or `undefined` when the countdown says
 * enough: the retry moment rounded up to the next whole minute (「ごろ」 must never be early),
 * with whether it falls on the same local calendar day as `now` (else the date is shown too).
 * Only for waits of at least {@link RETRY_CLOCK_FROM_MS}, counted from `now`.
 *
 * | target − now | result |
 * |---|---|
 * | under 5 minutes, or not finite | `undefined` |
 * | 10 minutes, ending 14:04:30 | `{at: 14:05:00, sameDay: true}` |
 * | 10 hours, ending tomorrow 02:00:00 | `{at: 02:00:00, sameDay: false}` |
 */
export function retryClockTime(target: number, now: number): {at: number; sameDay: boolean} | undefined {
  if (!Number.isFinite(target) || !Number.isFinite(now) || target - now < RETRY_CLOCK_FROM_MS) return undefined;
  const at = Math.ceil(target / 60_000) * 60_000;
  return {at, sameDay: new Date(at).toDateString() === new Date(now).toDateString()};
}

/** A unit and amount for announcing a wait in words ("about 5 minutes"). */
export interface WaitAmount {
  unit: 'second' | 'minute' | 'hour';
  value: number;
}

/**
 * A wait rounded up to one unit, for a sentence: under a minute in seconds, under an hour in
 * minutes, else in hours. `45_000` → 45 seconds, `61_000` → 2 minutes, `5_400_000` → 2 hours.
 */
export function waitAmount(ms: number): WaitAmount {
  const seconds = Number.isFinite(ms) && ms > 0 ? Math.ceil(ms / 1000) : 0;
  if (seconds < 60) return {unit: 'second', value: seconds};
  if (seconds < 3600) return {unit: 'minute', value: Math.ceil(seconds / 60)};
  return {unit: 'hour', value: Math.ceil(seconds / 3600)};
}

const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const WEEKDAYS_LONG = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

// RFC 9110 §5.6.7. Names are matched without regard to case, as the RFC says of these tokens.
const IMF_FIXDATE = /^([a-z]{3}), ([0-9]{2}) ([a-z]{3}) ([0-9]{4}) ([0-9]{2}):([0-9]{2}):([0-9]{2}) GMT$/i;
const RFC850_DATE = /^([a-z]{6,9}), ([0-9]{2})-([a-z]{3})-([0-9]{2}) ([0-9]{2}):([0-9]{2}):([0-9]{2}) GMT$/i;
const ASCTIME_DATE = /^([a-z]{3}) ([a-z]{3}) ([0-9 ][0-9]) ([0-9]{2}):([0-9]{2}):([0-9]{2}) ([0-9]{4})$/i;

function utc(year: number, monthName: string, day: number, h: number, m: number, s: number): number | undefined {
  const month = MONTHS.indexOf(monthName.toLowerCase());
  if (month < 0 || h > 23 || m > 59 || s > 60 || day < 1) return undefined;
  const at = Date.UTC(year, month, day, h, m, Math.min(s, 59));
  // Date.UTC rolls 30 February over into March: an impossible date is not a date.
  return new Date(at).getUTCDate() === day ? at : undefined;
}

/**
 * Parses an HTTP-date (RFC 9110 §5.6.7) — `Sun, 06 Nov 1994 08:49:37 GMT` (IMF-fixdate), or the
 * obsolete `Sunday, 06-Nov-94 08:49:37 GMT` (RFC 850) and `Sun Nov  6 08:49:37 1994` (asctime)
 * — to ms since the epoch. Anything else, and impossible dates (`31 Feb`), give `undefined`; so
 * does any text `Date.parse` would guess at (`foo 2030`, `1.5`). A two-digit RFC 850 year more
 * than 50 years after `now` is read as the century before, as the RFC asks.
 *
 * @example
 * ```ts
 * parseHttpDate('Wed, 21 Oct 2015 07:28:00 GMT'); // → 1445412480000
 * parseHttpDate('foo 2030');                      // → undefined
 * ```
 */
export function parseHttpDate(value: string | null | undefined, now = Date.now()): number | undefined {
  if (typeof value !== 'string' || value.length > 64) return undefined;
  const v = value.trim();
  let m = IMF_FIXDATE.exec(v);
  if (m) {
    if (!WEEKDAYS.includes(m[1].toLowerCase())) return undefined;
    return utc(Number(m[4]), m[3], Number(m[2]), Number(m[5]), Number(m[6]), Number(m[7]));
  }
  m = RFC850_DATE.exec(v);
  if (m) {
    if (!WEEKDAYS_LONG.includes(m[1].toLowerCase())) return undefined;
    const yy = Number(m[4]);
    const thisYear = new Date(Number.isFinite(now) ? now : Date.now()).getUTCFullYear();
    let year = Math.floor(thisYear / 100) * 100 + yy;
    if (year > thisYear + 50) year -= 100;
    return utc(year, m[3], Number(m[2]), Number(m[5]), Number(m[6]), Number(m[7]));
  }
  m = ASCTIME_DATE.exec(v);
  if (m) {
    if (!WEEKDAYS.includes(m[1].toLowerCase())) return undefined;
    return utc(Number(m[7]), m[2], Number(m[3].trim()), Number(m[4]), Number(m[5]), Number(m[6]));
  }
  return undefined;
}
