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
