import {expect} from '@open-wc/testing';
import {
  MAX_RETRY_WAIT_MS,
  RETRY_CLOCK_FROM_MS,
  parseHttpDate,
  parseRetryAfterSeconds,
  parseRetryAt,
  resolveRetryAt,
  retryClockTime,
  waitAmount,
  waitLeft,
  type WaitLeft,
} from '../../src/lib/retry-time.js';

describe('parseRetryAt()', () => {
  const cases: Array<[string | number | null | undefined, number | undefined]> = [
    ['1735689600000', 1735689600000],
    [1735689600000, 1735689600000],
    ['  1735689600000 ', 1735689600000],
    ['2025-01-01T00:00:00Z', Date.UTC(2025, 0, 1)],
    ['2025-01-01T09:00:00+09:00', Date.UTC(2025, 0, 1)],
    ['2025-01-01', undefined],
    ['May 1 2025', undefined],
    ['1.5', undefined],
    ['-5', undefined],
    [-5, undefined],
    [Number.NaN, undefined],
    ['', undefined],
    [null, undefined],
    [undefined, undefined],
    ['2025-13-45T99:99:00Z', undefined],
  ];
  for (const [value, expected] of cases) {
    it(`parses ${JSON.stringify(value)} as ${expected}`, () => {
      expect(parseRetryAt(value)).to.equal(expected);
    });
  }
});

describe('parseRetryAfterSeconds()', () => {
  const cases: Array<[string | number | null | undefined, number | undefined]> = [
    ['120', 120],
    [' 90 ', 90],
    ['1.5', 1.5],
    [0, 0],
    [30, 30],
    ['-1', undefined],
    [-1, undefined],
    ['1e3', undefined],
    ['soon', undefined],
    ['', undefined],
    [null, undefined],
  ];
  for (const [value, expected] of cases) {
    it(`parses ${JSON.stringify(value)} as ${expected}`, () => {
      expect(parseRetryAfterSeconds(value)).to.equal(expected);
    });
  }
});

describe('resolveRetryAt()', () => {
  const now = 1_000_000;
  const cases: Array<[string, string | number | null, string | number | null, number | undefined]> = [
    ['retry-after in seconds', null, '90', now + 90_000],
    ['fractional seconds rounded up to ms', null, '0.0005', now + 1],
    ['retry-at wins over retry-after', String(now + 5_000), '90', now + 5_000],
    ['an unusable retry-at falls back to retry-after', 'soon', '10', now + 10_000],
    ['a past retry-at stays in the past', String(now - 5_000), null, now - 5_000],
    ['waits are clamped to a day', null, String(10 * 24 * 3600), now + MAX_RETRY_WAIT_MS],
    ['nothing usable', 'x', 'y', undefined],
    ['nothing given', null, null, undefined],
  ];
  for (const [name, at, after, expected] of cases) {
    it(`resolves ${name}`, () => {
      expect(resolveRetryAt(at, after, now)).to.equal(expected);
    });
  }
});

describe('waitLeft()', () => {
  // Never a clock reading like "9:57": the units a countdown names, rounded up.
  const cases: Array<[number, WaitLeft]> = [
    [0, {kind: 'none'}],
    [-5, {kind: 'none'}],
    [Number.NaN, {kind: 'none'}],
    [Number.POSITIVE_INFINITY, {kind: 'none'}],
    [1, {kind: 'seconds', seconds: 1}],
    [1000, {kind: 'seconds', seconds: 1}],
    [45_000, {kind: 'seconds', seconds: 45}],
    [59_001, {kind: 'minutes', minutes: 1, seconds: 0}],
    [65_000, {kind: 'minutes', minutes: 1, seconds: 5}],
    [597_000, {kind: 'minutes', minutes: 9, seconds: 57}],
    [596_001, {kind: 'minutes', minutes: 9, seconds: 57}],
    [600_000, {kind: 'minutes', minutes: 10, seconds: 0}],
    [3_599_000, {kind: 'minutes', minutes: 59, seconds: 59}],
    [3_599_001, {kind: 'hours', hours: 1, minutes: 0}],
    [3_600_000, {kind: 'hours', hours: 1, minutes: 0}],
    [3_601_000, {kind: 'hours', hours: 1, minutes: 1}],
    [9_000_001, {kind: 'hours', hours: 2, minutes: 31}],
    [MAX_RETRY_WAIT_MS, {kind: 'hours', hours: 24, minutes: 0}],
  ];
  for (const [ms, expected] of cases) {
    it(`splits ${ms} ms into ${JSON.stringify(expected)}`, () => {
      expect(waitLeft(ms)).to.deep.equal(expected);
    });
  }
});

describe('retryClockTime()', () => {
  // Local times, as the member's clock shows them.
  const now = new Date(2025, 0, 2, 13, 54, 30).getTime();
  const cases: Array<[string, number, {at: number; sameDay: boolean} | undefined]> = [
    ['no time of day for a short wait', now + 90_000, undefined],
    ['none just under five minutes', now + RETRY_CLOCK_FROM_MS - 1, undefined],
    ['from five minutes on', now + RETRY_CLOCK_FROM_MS, {at: new Date(2025, 0, 2, 14, 0).getTime(), sameDay: true}],
    ['rounded up to the minute, never early', now + 600_000, {at: new Date(2025, 0, 2, 14, 5).getTime(), sameDay: true}],
    ['a whole minute stays', new Date(2025, 0, 2, 14, 5).getTime(), {at: new Date(2025, 0, 2, 14, 5).getTime(), sameDay: true}],
    ['another day is said', new Date(2025, 0, 3, 1, 59, 1).getTime(), {at: new Date(2025, 0, 3, 2, 0).getTime(), sameDay: false}],
    ['a retry time already past', now - 1000, undefined],
    ['not a number', Number.NaN, undefined],
  ];
  for (const [name, target, expected] of cases) {
    it(`gives ${name}`, () => {
      expect(retryClockTime(target, now)).to.deep.equal(expected);
    });
  }
});

describe('waitAmount()', () => {
  const cases: Array<[number, string]> = [
    [0, '0 second'],
    [45_000, '45 second'],
    [59_500, '1 minute'],
    [61_000, '2 minute'],
    [3_600_000, '1 hour'],
    [5_400_000, '2 hour'],
  ];
  for (const [ms, expected] of cases) {
    it(`words ${ms} ms as ${expected}`, () => {
      const {value, unit} = waitAmount(ms);
      expect(`${value} ${unit}`).to.equal(expected);
    });
  }
});

describe('parseHttpDate()', () => {
  const now = Date.UTC(2025, 0, 15);
  const cases: Array<[string | null | undefined, number | undefined]> = [
    ['Sun, 06 Nov 1994 08:49:37 GMT', Date.UTC(1994, 10, 6, 8, 49, 37)],
    ['sun, 06 nov 1994 08:49:37 GMT', Date.UTC(1994, 10, 6, 8, 49, 37)],
    ['Sunday, 06-Nov-94 08:49:37 GMT', Date.UTC(1994, 10, 6, 8, 49, 37)],
    ['Wednesday, 15-Jan-25 03:00:00 GMT', Date.UTC(2025, 0, 15, 3)],
    ['Friday, 01-Jan-99 00:00:00 GMT', Date.UTC(1999, 0, 1)],
    ['Sun Nov  6 08:49:37 1994', Date.UTC(1994, 10, 6, 8, 49, 37)],
    ['Thu Feb 29 00:00:00 2024', Date.UTC(2024, 1, 29)],
    ['Wed, 21 Oct 2015 07:28:60 GMT', Date.UTC(2015, 9, 21, 7, 28, 59)],
    ['foo 2030', undefined],
    ['2030', undefined],
    ['Jan 2030', undefined],
    ['1.5', undefined],
    ['2030-01-01T00:00:00Z', undefined],
    ['Sun, 06 Nov 1994 08:49:37', undefined],
    ['Sun, 06 Nov 1994 08:49:37 UTC', undefined],
    ['Sun, 06 Nov 1994 08:49:37 +0000', undefined],
    ['Sun, 6 Nov 1994 08:49:37 GMT', undefined],
    ['Xyz, 06 Nov 1994 08:49:37 GMT', undefined],
    ['Sun, 06 Foo 1994 08:49:37 GMT', undefined],
    ['Sun, 30 Feb 2025 08:49:37 GMT', undefined],
    ['Sat Feb 29 00:00:00 2025', undefined],
    ['Sun, 06 Nov 1994 24:00:00 GMT', undefined],
    ['Sun, 06 Nov 1994 08:60:00 GMT', undefined],
    ['Sun, 00 Nov 1994 08:49:37 GMT', undefined],
    ['Sun, 06-Nov-94 08:49:37 GMT', undefined],
    ['Sun, 06 Nov 1994 08:49:37 GMT'.repeat(3), undefined],
    ['', undefined],
    [null, undefined],
    [undefined, undefined],
  ];
  for (const [value, expected] of cases) {
    it(`parses ${JSON.stringify(value)} as ${expected}`, () => {
      expect(parseHttpDate(value, now)).to.equal(expected);
    });
  }

  it('reads a two-digit year more than 50 years ahead as the century before', () => {
    expect(parseHttpDate('Tuesday, 01-Jan-75 00:00:00 GMT', now)).to.equal(Date.UTC(2075, 0, 1));
    expect(parseHttpDate('Wednesday, 01-Jan-76 00:00:00 GMT', now)).to.equal(Date.UTC(1976, 0, 1));
    expect(parseHttpDate('Wednesday, 01-Jan-76 00:00:00 GMT', Date.UTC(2030, 0, 1))).to.equal(Date.UTC(2076, 0, 1));
  });
});
