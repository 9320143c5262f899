// The demo login server's state machine: accounts, consecutive-failure counts, time-limited
// locks, the maintenance switch and the status feed. No I/O, no timers: the clock is injected,
// so every rule here is covered by a table of cases in login-state.test.mjs without a server.
//
// The rules follow the two So-net support pages in /work/shared/seeds/:
// - "ログインの失敗が一定回数超えると、アクセス制限がかかります" → after `maxFailures` consecutive
//   failures the ID is locked and every attempt, even with the right password, gets "SS503".
// - "パスワードを再設定してもロックは解除されません" → resetPassword() never touches a lock.
// - "アルファベットの大文字・小文字も区別されます" / full-width characters and spaces fail → the
//   credentials compare exactly; only the failure *count* is kept per normalized ID, so typing
//   the same ID in full-width or upper case cannot dodge the lock.
import {createHash, timingSafeEqual} from 'node:crypto';

/** The one demo account (documented in the README and on the demo page). */
export const DEMO_USER_ID = 'taro_s@aa2';
/** Password of {@link DEMO_USER_ID}. A demo value: it guards nothing. */
export const DEMO_PASSWORD = 'Sonet-Demo1';
/** Where a successful login goes. */
export const WELCOME_PATH = '/demo/welcome.html';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Defaults of {@link LoginState}; `lockMs` is 10 minutes (30 s with the middleware's `fastLock`). */
export const DEFAULTS = Object.freeze({
  maxFailures: 5,
  lockMs: 10 * MINUTE,
  maintenanceMs: HOUR,
  slowMs: 20_000,
  maxTracked: 10_000,
});

/**
 * The user IDs that trigger a scripted server behaviour, whatever the password. Matched after
 * {@link normalizeUserId}. `serve.mjs` prints this table; demo/index.html shows the same rows.
 */
export const DEMO_IDS = Object.freeze([
  {userId: DEMO_USER_ID, password: DEMO_PASSWORD, ja: '正しいパスワードでログイン成功。5 回続けて誤ると SS503 (ロック)', en: 'Logs in with the right password; 5 wrong ones in a row lock it (SS503)'},
  {userId: 'ce500@aa2', ja: '500 JSON {"code":"ce500"}', en: '500 JSON {"code":"ce500"}'},
  {userId: 'error500@aa2', ja: '500 HTML「エラーが発生しました コード:500」', en: '500 HTML page "コード:500"'},
  {userId: 'slow@aa2', ja: '20 秒後に応答 (フォームのタイムアウトが先)', en: 'Answers after 20 s (the form times out first)'},
  {userId: 'maintenance@aa2', ja: '503 JSON {"code":"maintenance"} + Retry-After', en: '503 JSON {"code":"maintenance"} + Retry-After'},
  {userId: 'locked@aa2', ja: '423 JSON {"code":"locked"}', en: '423 JSON {"code":"locked"}'},
  {userId: 'html503@aa2', ja: '503 HTML「コード：SS503」(全角コロン)', en: '503 HTML page "コード：SS503" (full-width colon)'},
]);

/**
 * The key failures are counted under: NFKC (full-width → half-width), trimmed, lower case.
 * Authentication itself stays exact.
 */
export function normalizeUserId(raw) {
  return String(raw ?? '').normalize('NFKC').trim().toLowerCase();
}

/** Constant-time string equality (hashing first makes the lengths equal). */
export function safeEqual(a, b) {
  const digest = (s) => createHash('sha256').update(String(s), 'utf8').digest();
  return timingSafeEqual(digest(a), digest(b));
}

/** Services a maintenance window of the login system affects (named as on So-net's pages). */
const FEED_SERVICES = Object.freeze(['マイページ', 'So-net Webメール']);

const secondsUntil = (ms) => Math.max(1, Math.ceil(ms / 1000));

/**
 * One scripted outcome for each special ID. `html` marks the responses a broken server sends as
 * a bare HTML page whatever the client asked for.
 */
const SCRIPTED = {
  'ce500@aa2': () => ({status: 500, ok: false, code: 'ce500'}),
  'error500@aa2': () => ({status: 500, ok: false, code: '500', html: 'error500'}),
  'locked@aa2': () => ({status: 423, ok: false, code: 'locked'}),
  'html503@aa2': () => ({status: 503, ok: false, code: 'SS503', html: 'html503'}),
};

/**
 * @typedef {object} LoginOutcome
 * @property {number} status HTTP status.
 * @property {boolean} ok Whether the login succeeded.
 * @property {string} [code] Error code (`invalid_credentials`, `SS503`, `maintenance`, …).
 * @property {string} [redirect] Where to go after success.
 * @property {number} [retryAfter] Seconds for the `Retry-After` header.
 * @property {number} [delayMs] Answer only after this long (the `slow@aa2` case).
 * @property {'error500'|'html503'} [html] The answer is this HTML page, never JSON.
 */

/**
 * The demo server's whole state. Construct one per server; {@link LoginState#reset} empties it.
 *
 * @example
 * const state = new LoginState({now: () => clock});
 * state.attempt({userId: 'taro_s@aa2', password: 'x'}); // → {status: 401, code: 'invalid_credentials'}
 */
export class LoginState {
  /**
   * @param {object} [options]
   * @param {() => number} [options.now] Clock in ms since the epoch.
   * @param {number} [options.maxFailures] Consecutive failures that lock an ID (5).
   * @param {number} [options.lockMs] How long a lock lasts (10 min).
   * @param {number} [options.maintenanceMs] Length of a maintenance window (1 h).
   * @param {number} [options.slowMs] Delay of `slow@aa2` (20 s).
   * @param {number} [options.maxTracked] IDs with failures remembered at most (oldest dropped).
   * @param {{userId: string, password: string}[]} [options.accounts] Accounts (the demo account).
   */
  constructor(options = {}) {
    const o = {...DEFAULTS, ...stripUndefined(options)};
    for (const key of ['maxFailures', 'lockMs', 'maintenanceMs', 'slowMs', 'maxTracked']) {
      if (!Number.isFinite(o[key]) || o[key] <= 0) {
        throw new RangeError(`LoginState: ${key} must be a positive number, got ${o[key]}`);
      }
    }
    this.now = o.now ?? Date.now;
    this.maxFailures = o.maxFailures;
    this.lockMs = o.lockMs;
    this.maintenanceMs = o.maintenanceMs;
    this.slowMs = o.slowMs;
    this.maxTracked = o.maxTracked;
    this.accounts = (o.accounts ?? [{userId: DEMO_USER_ID, password: DEMO_PASSWORD}]).map((a) => ({...a}));
    this.reset();
  }

  /** Forgets every failure, lock, maintenance window and incident. */
  reset() {
    /** @type {Map<string, {failures: number, lockedUntil: number}>} */
    this.records = new Map();
    this.maintenance = null;
    this.incident = null;
    this.upcoming = null;
  }

  /**
   * Decides the answer to one login attempt and updates the failure count.
   * @param {{userId?: unknown, password?: unknown}} credentials
   * @returns {LoginOutcome}
   */
  attempt({userId, password} = {}) {
    const now = this.now();
    const window = this.currentMaintenance(now);
    if (window) return {status: 503, ok: false, code: 'maintenance', retryAfter: secondsUntil(window.end - now)};

    const id = typeof userId === 'string' ? userId : '';
    const pw = typeof password === 'string' ? password : '';
    if (!id.trim() || !pw) return {status: 400, ok: false, code: 'missing_fields'};

    const key = normalizeUserId(id);
    if (key in SCRIPTED) return SCRIPTED[key]();
    if (key === 'maintenance@aa2') {
      return {status: 503, ok: false, code: 'maintenance', retryAfter: secondsUntil(this.maintenanceMs)};
    }
    if (key === 'slow@aa2') return {status: 200, ok: true, redirect: WELCOME_PATH, delayMs: this.slowMs};

    const lock = this.lockOf(key, now);
    if (lock) return {status: 503, ok: false, code: 'SS503', retryAfter: lock.retryAfter};

    const account = this.accounts.find((a) => a.userId === id);
    // Compare against something even when the ID is unknown, so timing does not reveal IDs.
    const passwordMatches = safeEqual(pw, account ? account.password : DEMO_PASSWORD);
    if (account && passwordMatches) {
      this.records.delete(key);
      return {status: 200, ok: true, redirect: WELCOME_PATH};
    }
    this.recordFailure(key, now);
    return {status: 401, ok: false, code: 'invalid_credentials'};
  }

  /**
   * The demo's "password re-set": it changes no password and, as the seed page says, lifts no lock.
   * @returns {{ok: true, userId: string, lockLifted: false, locked: boolean, retryAfter?: number}}
   */
  resetPassword(userId) {
    const key = normalizeUserId(userId || DEMO_USER_ID);
    const lock = this.lockOf(key, this.now());
    return lock
      ? {ok: true, userId: key, lockLifted: false, locked: true, retryAfter: lock.retryAfter}
      : {ok: true, userId: key, lockLifted: false, locked: false};
  }

  /** The lock on a user ID, or null; an expired lock is forgotten (the count starts again). */
  lockOf(key, now = this.now()) {
    const record = this.records.get(key);
    if (!record || !record.lockedUntil) return null;
    if (record.lockedUntil <= now) {
      this.records.delete(key);
      return null;
    }
    return {until: record.lockedUntil, retryAfter: secondsUntil(record.lockedUntil - now)};
  }

  recordFailure(key, now) {
    let record = this.records.get(key);
    if (!record) {
      // Bounded: a flood of made-up IDs must not grow the map without limit.
      while (this.records.size >= this.maxTracked) this.records.delete(this.records.keys().next().value);
      record = {failures: 0, lockedUntil: 0};
      this.records.set(key, record);
    }
    record.failures += 1;
    if (record.failures >= this.maxFailures) record.lockedUntil = now + this.lockMs;
  }

  /** Turns the global maintenance switch on (a window starting now) or off. */
  setMaintenance(on) {
    const now = this.now();
    this.maintenance = on ? {start: now, end: now + this.maintenanceMs} : null;
  }

  /** The maintenance window in force at `now`, or null (a window that has ended switches off). */
  currentMaintenance(now = this.now()) {
    if (this.maintenance && this.maintenance.end <= now) this.maintenance = null;
    return this.maintenance;
  }

  /** Turns the demo incident (a current failure notice in the status feed) on or off. */
  setIncident(on) {
    this.incident = on ? {since: this.now()} : null;
  }

  /**
   * The scheduled window the feed announces: about a day ahead, on the hour, three hours long.
   * Stable between calls; a new one is planned once it has passed.
   */
  upcomingMaintenance(now = this.now()) {
    if (!this.upcoming || this.upcoming.end <= now) {
      const start = Math.ceil((now + 24 * HOUR) / HOUR) * HOUR;
      this.upcoming = {start, end: start + 3 * HOUR};
    }
    return this.upcoming;
  }

  /** The maintenance status feed served at /api/status.json (format: src/lib/status-feed.ts). */
  statusFeed() {
    const now = this.now();
    const iso = (ms) => new Date(ms).toISOString();
    const current = this.currentMaintenance(now);
    const windows = [
      current && {...current, title: {ja: 'ログイン機能の緊急メンテナンス', en: 'Emergency maintenance of the login system'}},
      {...this.upcomingMaintenance(now), title: {ja: '認証システムのメンテナンス', en: 'Login system maintenance'}},
    ].filter(Boolean);
    return {
      version: 1,
      incident: this.incident
        ? {
            since: iso(this.incident.since),
            title: {
              ja: '一部のお客さまで、ログインしにくい状態が発生しています',
              en: 'Some members are having trouble logging in',
            },
          }
        : null,
      maintenance: windows.map((w) => ({start: iso(w.start), end: iso(w.end), services: FEED_SERVICES, title: w.title})),
    };
  }

  /** What the demo page shows about the state: switches and the IDs with failures. */
  snapshot() {
    const now = this.now();
    const ids = [];
    for (const [userId, record] of [...this.records]) {
      const lock = this.lockOf(userId, now);
      if (!this.records.has(userId)) continue;
      ids.push(lock ? {userId, failures: record.failures, locked: true, retryAfter: lock.retryAfter} : {userId, failures: record.failures, locked: false});
    }
    return {maintenance: Boolean(this.currentMaintenance(now)), incident: Boolean(this.incident), ids};
  }
}

function stripUndefined(object) {
  return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined));
}
