import {expect} from '@open-wc/testing';
import {
  MAX_RETRY_WAIT_MS,
  formatWaitClock,
  parseHttpDate,
  parseRetryAfterSeconds,
  parseRetryAt,
  resolveRetryAt,
  waitAmount,
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

describe('formatWaitClock()', () => {
  const cases: Array<[number, string]> = [
    [0, '0:00'],
    [-5, '0:00'],
    [Number.NaN, '0:00'],
    [1, '0:01'],
    [999, '0:01'],
    [1000, '0:01'],
    [59_001, '1:00'],
    [65_000, '1:05'],
    [600_000, '10:00'],
    [3_599_000, '59:59'],
    [3_600_000, '1:00:00'],
    [3_661_000, '1:01:01'],
  ];
  for (const [ms, expected] of cases) {
    it(`shows ${ms} ms as ${expected}`, () => {
      expect(formatWaitClock(ms)).to.equal(expected);
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
