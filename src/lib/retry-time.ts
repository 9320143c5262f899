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
 * A wait as a clock reading, rounded up to the next whole second: `65_000` → `"1:05"`,
 * `3_600_000` → `"1:00:00"`, `0` or less → `"0:00"`.
 */
export function formatWaitClock(ms: number): string {
  const total = Number.isFinite(ms) && ms > 0 ? Math.ceil(ms / 1000) : 0;
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
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
