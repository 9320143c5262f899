/**
 * The per-tab count of consecutive failed logins, for the lockout notice (seed page:
 * 複数回 ID とパスワードの入力を誤った場合、一定期間ロックがかかります).
 *
 * Only a number is stored — never an ID, a password or anything typed (ASVS 8.2.2) — in
 * `sessionStorage`, which is per tab and gone when the tab closes. Storage may be blocked
 * (Safari private mode, cookies/storage disabled): every function then falls back to a value
 * kept in memory for the page's lifetime and never throws.
 *
 * No DOM: the storage is passed in, so tests use a plain object.
 */

/** The part of the Web Storage API used here. */
export interface CounterStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** The storage key. */
export const FAILURE_COUNT_KEY = 'sonet-login-elements:consecutive-failures';

/** The number of consecutive failures from which the lockout notice is shown. */
export const LOCKOUT_NOTICE_FROM = 2;

/** Default number of failures after which the account is locked for a while (seed: 一定回数). */
export const DEFAULT_LOCK_THRESHOLD = 5;

const memory = new Map<string, number>();

function parse(raw: string | null | undefined): number {
  const n = Number(raw);
  return Number.isSafeInteger(n) && n > 0 ? n : 0;
}

/** The stored count (0 when none, unreadable or nonsense). */
export function readFailureCount(storage: CounterStorage | null | undefined, key = FAILURE_COUNT_KEY): number {
  let stored = 0;
  try {
    stored = storage ? parse(storage.getItem(key)) : 0;
  } catch {
    // Storage blocked: the in-memory count below is all there is.
  }
  // The memory only holds a count whose write failed (quota): it must not make the count stick.
  return Math.max(stored, memory.get(key) ?? 0);
}

/** Adds one failure and returns the new count. */
export function recordFailure(storage: CounterStorage | null | undefined, key = FAILURE_COUNT_KEY): number {
  const next = Math.min(readFailureCount(storage, key) + 1, 1_000_000);
  try {
    if (!storage) throw new Error('no storage');
    storage.setItem(key, String(next));
    memory.delete(key);
  } catch {
    // Blocked storage or quota: keep the count in memory for this page.
    memory.set(key, next);
  }
  return next;
}

/** Forgets the failures (after a successful login). */
export function resetFailures(storage: CounterStorage | null | undefined, key = FAILURE_COUNT_KEY): void {
  memory.delete(key);
  try {
    storage?.removeItem(key);
  } catch {
    // Nothing stored that could be removed.
  }
}

/**
 * Where a failure shown by the login form came from:
 * - `response`: the login endpoint's answer to a request the form sent;
 * - `host`: the page's own script, with the answer it got (`showError()` in event mode);
 * - `attribute`: the `error-code` attribute (markup, also present on reloads and back/forward);
 * - `query`: the query parameter named by `error-param` (anyone can send a link with one).
 */
export type FailureSource = 'response' | 'host' | 'attribute' | 'query';

/**
 * True when a failure counts toward the consecutive-failure count of the lockout notice: a
 * wrong ID or password (`invalid-credentials`) that a real answer reported (`response` or
 * `host`). A crafted `?error=` link, or an `error-code` page reloaded three times, must not
 * tell the member 「3 回続けて失敗」. Never throws.
 *
 * | `code` | `source` | result |
 * |---|---|---|
 * | `invalid-credentials` | `response`, `host` | `true` |
 * | `invalid-credentials` | `attribute`, `query`, anything else | `false` |
 * | any other code (`SS503`, `500`, `network`, …), or not a string | any | `false` |
 *
 * @example
 * ```ts
 * if (countsAsFailedAttempt(code, 'response')) failures = recordFailure(sessionStorage);
 * ```
 */
export function countsAsFailedAttempt(code: unknown, source: unknown): boolean {
  return code === 'invalid-credentials' && (source === 'response' || source === 'host');
}

/**
 * The number of failures the host says locks an account (`lock-threshold`), or `undefined`
 * when it configured none: the notice then states no number (the support page says only
 * 一定回数, so 「目安として 5 回」 would be a number nobody confirmed). Accepts a positive
 * integer (raised to {@link LOCKOUT_NOTICE_FROM}); anything else is `undefined`.
 *
 * | value | result |
 * |---|---|
 * | `5`, `'5'`, `' 10 '` | `5`, `5`, `10` |
 * | `1` | `2` ({@link LOCKOUT_NOTICE_FROM}) |
 * | `null`, `undefined`, `''`, `'0'`, `-3`, `2.5`, `'five'`, `'0x10'`, `NaN` | `undefined` |
 */
export function configuredLockThreshold(value: unknown): number | undefined {
  if (value === null || value === undefined) return undefined;
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\s*[0-9]+\s*$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < 1) return undefined;
  return Math.max(n, LOCKOUT_NOTICE_FROM);
}

/**
 * Parses a `lock-threshold` attribute value: a positive integer, else the default (5).
 * A threshold below {@link LOCKOUT_NOTICE_FROM} is raised to it.
 */
export function parseLockThreshold(value: unknown): number {
  const n = typeof value === 'number' ? value : Number(String(value ?? '').trim() || NaN);
  if (!Number.isSafeInteger(n) || n < 1) return DEFAULT_LOCK_THRESHOLD;
  return Math.max(n, LOCKOUT_NOTICE_FROM);
}
