import {expect} from '@open-wc/testing';
import {
  configuredLockThreshold,
  countsAsFailedAttempt,
  CounterStorage,
  DEFAULT_LOCK_THRESHOLD,
  FAILURE_COUNT_KEY,
  parseLockThreshold,
  readFailureCount,
  recordFailure,
  resetFailures,
} from '../../src/lib/failure-counter.js';

/** A Web Storage stand-in; `blocked` makes every call throw, `full` makes writes throw. */
function fakeStorage(mode: 'ok' | 'blocked' | 'full' = 'ok'): CounterStorage & {data: Map<string, string>} {
  const data = new Map<string, string>();
  return {
    data,
    getItem(key) {
      if (mode === 'blocked') throw new DOMException('blocked', 'SecurityError');
      return data.get(key) ?? null;
    },
    setItem(key, value) {
      if (mode !== 'ok') throw new DOMException('full', 'QuotaExceededError');
      data.set(key, value);
    },
    removeItem(key) {
      if (mode === 'blocked') throw new DOMException('blocked', 'SecurityError');
      data.delete(key);
    },
  };
}

describe('failure counter', () => {
  afterEach(() => {
    resetFailures(null);
    resetFailures(null, 'other');
  });

  it('counts consecutive failures in the storage, as a bare number', () => {
    const storage = fakeStorage();
    expect(readFailureCount(storage)).to.equal(0);
    expect(recordFailure(storage)).to.equal(1);
    expect(recordFailure(storage)).to.equal(2);
    expect([...storage.data.entries()]).to.deep.equal([[FAILURE_COUNT_KEY, '2']]);
  });

  it('forgets the count on reset', () => {
    const storage = fakeStorage();
    recordFailure(storage);
    resetFailures(storage);
    expect(readFailureCount(storage)).to.equal(0);
    expect(storage.data.size).to.equal(0);
  });

  it('reads nonsense as zero', () => {
    for (const raw of ['', 'abc', '-3', '1.5', 'NaN', '1e400', '{"count":4}']) {
      const storage = fakeStorage();
      storage.data.set(FAILURE_COUNT_KEY, raw);
      expect(readFailureCount(storage), raw).to.equal(0);
    }
  });

  it('keeps counting in memory when storage is blocked', () => {
    const storage = fakeStorage('blocked');
    expect(recordFailure(storage)).to.equal(1);
    expect(recordFailure(storage)).to.equal(2);
    expect(readFailureCount(storage)).to.equal(2);
    resetFailures(storage);
    expect(readFailureCount(storage)).to.equal(0);
  });

  it('keeps counting when writes fail (quota)', () => {
    const storage = fakeStorage('full');
    recordFailure(storage);
    expect(recordFailure(storage)).to.equal(2);
  });

  it('does not let an old in-memory count outlive a cleared storage', () => {
    const storage = fakeStorage();
    recordFailure(storage);
    recordFailure(storage);
    storage.data.clear();
    expect(readFailureCount(storage)).to.equal(0);
  });

  it('keeps separate counts per key', () => {
    const storage = fakeStorage();
    recordFailure(storage, 'other');
    expect(readFailureCount(storage)).to.equal(0);
    expect(readFailureCount(storage, 'other')).to.equal(1);
  });
});

describe('parseLockThreshold()', () => {
  const cases: Array<[unknown, number]> = [
    [undefined, DEFAULT_LOCK_THRESHOLD],
    [null, DEFAULT_LOCK_THRESHOLD],
    ['', DEFAULT_LOCK_THRESHOLD],
    ['5', 5],
    [' 10 ', 10],
    [3, 3],
    ['1', 2],
    ['0', DEFAULT_LOCK_THRESHOLD],
    ['-4', DEFAULT_LOCK_THRESHOLD],
    ['2.5', DEFAULT_LOCK_THRESHOLD],
    ['abc', DEFAULT_LOCK_THRESHOLD],
    [Number.POSITIVE_INFINITY, DEFAULT_LOCK_THRESHOLD],
  ];
  for (const [value, expected] of cases) {
    it(`reads ${JSON.stringify(value)} as ${expected}`, () => {
      expect(parseLockThreshold(value)).to.equal(expected);
    });
  }
});

describe('countsAsFailedAttempt()', () => {
  const cases: Array<[unknown, unknown, boolean]> = [
    ['invalid-credentials', 'response', true],
    ['invalid-credentials', 'host', true],
    ['invalid-credentials', 'query', false],
    ['invalid-credentials', 'attribute', false],
    ['invalid-credentials', undefined, false],
    ['invalid-credentials', 'RESPONSE', false],
    ['SS503', 'response', false],
    ['locked', 'response', false],
    ['500', 'response', false],
    ['network', 'host', false],
    ['unknown', 'response', false],
    ['invalid_credentials', 'response', false],
    [undefined, 'response', false],
    [{toString: () => 'invalid-credentials'}, 'response', false],
  ];
  for (const [code, source, expected] of cases) {
    it(`says ${expected} for ${String(code)} from ${String(source)}`, () => {
      expect(countsAsFailedAttempt(code, source)).to.equal(expected);
    });
  }

  it('lets three crafted ?error= links raise no count', () => {
    const storage = fakeStorage();
    for (let i = 0; i < 3; i++) if (countsAsFailedAttempt('invalid-credentials', 'query')) recordFailure(storage);
    expect(readFailureCount(storage)).to.equal(0);
  });
});

describe('configuredLockThreshold()', () => {
  const cases: Array<[unknown, number | undefined]> = [
    [5, 5],
    ['5', 5],
    [' 10 ', 10],
    [1, 2],
    ['2', 2],
    [null, undefined],
    [undefined, undefined],
    ['', undefined],
    ['  ', undefined],
    ['0', undefined],
    [0, undefined],
    [-3, undefined],
    [2.5, undefined],
    ['five', undefined],
    [Number.NaN, undefined],
    [Infinity, undefined],
    ['0x10', undefined],
    ['1e1', undefined],
    [{}, undefined],
  ];
  for (const [value, expected] of cases) {
    it(`reads ${JSON.stringify(value)} as ${expected}`, () => {
      expect(configuredLockThreshold(value)).to.equal(expected);
    });
  }
});
