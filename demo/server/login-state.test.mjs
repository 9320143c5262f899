// Table-driven tests of the demo login state machine: `node --test demo/server/`.
import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {DEMO_PASSWORD, DEMO_USER_ID, LoginState, WELCOME_PATH, normalizeUserId} from './login-state.mjs';

const T0 = Date.UTC(2025, 0, 15, 3, 20, 0);

/** A state on a clock the test moves by hand. */
function setup(options = {}) {
  const clock = {t: T0};
  const state = new LoginState({now: () => clock.t, ...options});
  return {state, clock, tick: (ms) => (clock.t += ms)};
}

const wrong = {userId: DEMO_USER_ID, password: 'wrong'};
const right = {userId: DEMO_USER_ID, password: DEMO_PASSWORD};
const fail = (state, n, creds = wrong) => Array.from({length: n}, () => state.attempt(creds));

describe('normalizeUserId()', () => {
  const rows = [
    ['taro_s@aa2', 'taro_s@aa2'],
    ['  taro_s@aa2 ', 'taro_s@aa2'],
    ['TARO_S@AA2', 'taro_s@aa2'],
    ['ｔａｒｏ＿ｓ＠ａａ２', 'taro_s@aa2'],
    ['taro_s@aa2\u3000', 'taro_s@aa2'],
    [undefined, ''],
    [null, ''],
    [42, '42'],
  ];
  for (const [input, expected] of rows) {
    it(`maps ${JSON.stringify(input)} to ${JSON.stringify(expected)}`, () => {
      assert.equal(normalizeUserId(input), expected);
    });
  }
});

describe('LoginState', () => {
  describe('credentials', () => {
    const rows = [
      ['the demo account', right, {status: 200, ok: true, redirect: WELCOME_PATH}],
      ['a wrong password', wrong, {status: 401, ok: false, code: 'invalid_credentials'}],
      ['the password in the wrong case', {userId: DEMO_USER_ID, password: DEMO_PASSWORD.toLowerCase()}, {status: 401, ok: false, code: 'invalid_credentials'}],
      ['a full-width user ID', {userId: 'ｔａｒｏ＿ｓ＠ａａ２', password: DEMO_PASSWORD}, {status: 401, ok: false, code: 'invalid_credentials'}],
      ['a user ID with a trailing space', {userId: `${DEMO_USER_ID} `, password: DEMO_PASSWORD}, {status: 401, ok: false, code: 'invalid_credentials'}],
      ['the full domain', {userId: 'taro_s@aa2.so-net.ne.jp', password: DEMO_PASSWORD}, {status: 401, ok: false, code: 'invalid_credentials'}],
      ['the user name only', {userId: 'taro_s', password: DEMO_PASSWORD}, {status: 401, ok: false, code: 'invalid_credentials'}],
      ['an unknown ID', {userId: 'hanako@bb1', password: DEMO_PASSWORD}, {status: 401, ok: false, code: 'invalid_credentials'}],
      ['an empty user ID', {userId: '  ', password: 'x'}, {status: 400, ok: false, code: 'missing_fields'}],
      ['an empty password', {userId: DEMO_USER_ID, password: ''}, {status: 400, ok: false, code: 'missing_fields'}],
      ['non-string fields', {userId: ['taro_s@aa2'], password: {}}, {status: 400, ok: false, code: 'missing_fields'}],
      ['no fields', {}, {status: 400, ok: false, code: 'missing_fields'}],
    ];
    for (const [name, creds, expected] of rows) {
      it(`answers ${expected.status} ${expected.code ?? 'ok'} for ${name}`, () => {
        assert.deepEqual(setup().state.attempt(creds), expected);
      });
    }
  });

  describe('special IDs', () => {
    const rows = [
      ['ce500@aa2', {status: 500, ok: false, code: 'ce500'}],
      ['error500@aa2', {status: 500, ok: false, code: '500', html: 'error500'}],
      ['locked@aa2', {status: 423, ok: false, code: 'locked'}],
      ['html503@aa2', {status: 503, ok: false, code: 'SS503', html: 'html503'}],
      ['maintenance@aa2', {status: 503, ok: false, code: 'maintenance', retryAfter: 3600}],
      ['slow@aa2', {status: 200, ok: true, redirect: WELCOME_PATH, delayMs: 20_000}],
      ['ＣＥ５００＠ａａ２', {status: 500, ok: false, code: 'ce500'}],
    ];
    for (const [userId, expected] of rows) {
      it(`answers ${expected.status} ${expected.code ?? 'ok'} for ${userId} whatever the password`, () => {
        assert.deepEqual(setup().state.attempt({userId, password: 'anything'}), expected);
      });
    }

    it('never counts special IDs as failures', () => {
      const {state} = setup();
      fail(state, 10, {userId: 'ce500@aa2', password: 'x'});
      assert.deepEqual(state.snapshot().ids, []);
    });
  });

  describe('lock after consecutive failures', () => {
    // [failures before, then attempt, expected status/code]
    const rows = [
      [4, right, 200, undefined],
      [4, wrong, 401, 'invalid_credentials'],
      [5, wrong, 503, 'SS503'],
      [5, right, 503, 'SS503'],
      [5, {userId: 'TARO_S@AA2', password: DEMO_PASSWORD}, 503, 'SS503'],
      [9, right, 503, 'SS503'],
    ];
    for (const [before, creds, status, code] of rows) {
      it(`answers ${status} ${code ?? 'ok'} after ${before} failures for ${creds.userId}/${creds === right ? 'right' : 'wrong'}`, () => {
        const {state} = setup();
        fail(state, before);
        const outcome = state.attempt(creds);
        assert.equal(outcome.status, status);
        assert.equal(outcome.code, code);
      });
    }

    it('answers the fifth failure with 401 and locks from then on', () => {
      const {state} = setup();
      assert.deepEqual(fail(state, 5).map((o) => o.status), [401, 401, 401, 401, 401]);
      assert.deepEqual(state.attempt(right), {status: 503, ok: false, code: 'SS503', retryAfter: 600});
    });

    it('counts full-width and upper-case spellings of an ID together', () => {
      const {state} = setup();
      for (const userId of ['taro_s@aa2', 'TARO_S@aa2', 'ｔａｒｏ＿ｓ＠ａａ２', ' taro_s@aa2', 'Taro_s@aa2']) {
        state.attempt({userId, password: 'wrong'});
      }
      assert.equal(state.attempt(right).code, 'SS503');
    });

    it('starts counting again after a success', () => {
      const {state} = setup();
      fail(state, 4);
      assert.equal(state.attempt(right).status, 200);
      fail(state, 4);
      assert.equal(state.attempt(right).status, 200);
    });

    it('keeps counts per ID', () => {
      const {state} = setup();
      fail(state, 5, {userId: 'other@aa2', password: 'x'});
      assert.equal(state.attempt(right).status, 200);
      assert.equal(state.attempt({userId: 'other@aa2', password: 'x'}).code, 'SS503');
    });

    const expiry = [
      // [ms after locking, expected status, Retry-After]
      [0, 503, 600],
      [1, 503, 600],
      [999, 503, 600],
      [1000, 503, 599],
      [599_001, 503, 1],
      [600_000, 200, undefined],
    ];
    for (const [elapsed, status, retryAfter] of expiry) {
      it(`answers ${status} with Retry-After ${retryAfter} ${elapsed} ms into a 10-minute lock`, () => {
        const {state, tick} = setup();
        fail(state, 5);
        tick(elapsed);
        const outcome = state.attempt(right);
        assert.equal(outcome.status, status);
        assert.equal(outcome.retryAfter, retryAfter);
      });
    }

    it('does not extend the lock on attempts made while locked', () => {
      const {state, tick} = setup();
      fail(state, 5);
      tick(300_000);
      fail(state, 3);
      tick(300_000);
      assert.equal(state.attempt(right).status, 200);
    });

    it('counts from zero once a lock has expired', () => {
      const {state, tick} = setup();
      fail(state, 5);
      tick(600_000);
      fail(state, 4);
      assert.equal(state.attempt(right).status, 200);
    });

    it('honours maxFailures and lockMs', () => {
      const {state, tick} = setup({maxFailures: 2, lockMs: 30_000});
      fail(state, 2);
      assert.deepEqual(state.attempt(right), {status: 503, ok: false, code: 'SS503', retryAfter: 30});
      tick(30_000);
      assert.equal(state.attempt(right).status, 200);
    });

    it('forgets the oldest IDs beyond maxTracked', () => {
      const {state} = setup({maxTracked: 3});
      for (const userId of ['a@x', 'b@x', 'c@x', 'd@x']) state.attempt({userId, password: 'x'});
      assert.deepEqual(state.snapshot().ids.map((r) => r.userId), ['b@x', 'c@x', 'd@x']);
    });
  });

  describe('resetPassword()', () => {
    it('does not lift a lock (seed: パスワードを再設定してもロックは解除されません)', () => {
      const {state} = setup();
      fail(state, 5);
      assert.deepEqual(state.resetPassword(DEMO_USER_ID), {ok: true, userId: DEMO_USER_ID, lockLifted: false, locked: true, retryAfter: 600});
      assert.equal(state.attempt(right).code, 'SS503');
    });

    it('reports no lock for an unlocked ID and keeps the password', () => {
      const {state} = setup();
      assert.deepEqual(state.resetPassword(' TARO_S@aa2'), {ok: true, userId: DEMO_USER_ID, lockLifted: false, locked: false});
      assert.equal(state.attempt(right).status, 200);
    });

    it('defaults to the demo account', () => {
      assert.equal(setup().state.resetPassword().userId, DEMO_USER_ID);
    });
  });

  describe('maintenance switch', () => {
    it('answers every login with maintenance and Retry-After until the window ends', () => {
      const {state, tick} = setup();
      state.setMaintenance(true);
      for (const creds of [right, wrong, {userId: 'ce500@aa2', password: 'x'}, {}]) {
        assert.deepEqual(state.attempt(creds), {status: 503, ok: false, code: 'maintenance', retryAfter: 3600});
      }
      tick(3_599_500);
      assert.equal(state.attempt(right).retryAfter, 1);
      tick(500);
      assert.equal(state.attempt(right).status, 200);
    });

    it('does not count logins refused for maintenance', () => {
      const {state} = setup();
      state.setMaintenance(true);
      fail(state, 6);
      state.setMaintenance(false);
      assert.equal(state.attempt(right).status, 200);
    });

    it('switches off', () => {
      const {state} = setup();
      state.setMaintenance(true);
      state.setMaintenance(false);
      assert.equal(state.attempt(right).status, 200);
    });
  });

  describe('statusFeed()', () => {
    it('announces a window about a day ahead, on the hour', () => {
      assert.deepEqual(setup().state.statusFeed(), {
        version: 1,
        incident: null,
        maintenance: [{start: '2025-01-16T04:00:00.000Z', end: '2025-01-16T07:00:00.000Z', services: ['マイページ', 'So-net Webメール'], title: {ja: '認証システムのメンテナンス', en: 'Login system maintenance'}}],
      });
    });

    it('keeps the same upcoming window between calls', () => {
      const {state, tick} = setup();
      const first = state.statusFeed();
      tick(30 * 60_000);
      assert.deepEqual(state.statusFeed(), first);
    });

    it('lists the current window first while maintenance is on', () => {
      const {state} = setup();
      state.setMaintenance(true);
      assert.deepEqual(
        state.statusFeed().maintenance.map(({start, end}) => ({start, end})),
        [
          {start: '2025-01-15T03:20:00.000Z', end: '2025-01-15T04:20:00.000Z'},
          {start: '2025-01-16T04:00:00.000Z', end: '2025-01-16T07:00:00.000Z'},
        ]
      );
      assert.match(state.statusFeed().maintenance[0].title.ja, /緊急メンテナンス/);
    });

    it('reports an incident with a bilingual title while the incident switch is on', () => {
      const {state} = setup();
      state.setIncident(true);
      const {incident} = state.statusFeed();
      assert.equal(incident.since, '2025-01-15T03:20:00.000Z');
      assert.match(incident.title.ja, /ログイン/);
      assert.match(incident.title.en, /logging in/);
    });
  });

  describe('reset()', () => {
    it('clears failures, locks, maintenance and incident', () => {
      const {state} = setup();
      fail(state, 5);
      state.setMaintenance(true);
      state.setIncident(true);
      state.reset();
      assert.deepEqual(state.snapshot(), {maintenance: false, incident: false, ids: []});
      assert.equal(state.attempt(right).status, 200);
    });
  });

  describe('snapshot()', () => {
    it('lists failure counts and locks', () => {
      const {state} = setup();
      fail(state, 2);
      fail(state, 5, {userId: 'x@y', password: 'z'});
      assert.deepEqual(state.snapshot(), {
        maintenance: false,
        incident: false,
        ids: [
          {userId: DEMO_USER_ID, failures: 2, locked: false},
          {userId: 'x@y', failures: 5, locked: true, retryAfter: 600},
        ],
      });
    });
  });

  describe('options', () => {
    for (const [key, value] of [['lockMs', 0], ['maxFailures', -1], ['slowMs', Number.NaN], ['maintenanceMs', 'x']]) {
      it(`rejects ${key}: ${String(value)}`, () => {
        assert.throws(() => new LoginState({[key]: value}), RangeError);
      });
    }

    it('ignores options given as undefined', () => {
      assert.equal(new LoginState({lockMs: undefined}).lockMs, 600_000);
    });
  });
});
