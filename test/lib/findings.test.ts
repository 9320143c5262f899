import {expect} from '@open-wc/testing';
import {FINDING_CODES, FINDING_RULES, compareFindings, isFindingCode} from '../../src/lib/findings.js';
import type {Finding} from '../../src/lib/findings.js';

describe('FINDING_RULES', () => {
  it('describes every finding code, and nothing else', () => {
    expect(Object.keys(FINDING_RULES)).to.deep.equal([...FINDING_CODES]);
  });

  it('gives every code a level for at least one field', () => {
    for (const code of FINDING_CODES) {
      const rule = FINDING_RULES[code];
      expect(rule.userId !== null || rule.password !== null, code).to.equal(true);
    }
  });
});

describe('compareFindings()', () => {
  it('orders findings as FINDING_CODES lists their codes', () => {
    const make = (code: Finding['code']): Finding => ({code, level: 'hint', ranges: [], chars: []});
    const sorted = [make('too-long'), make('empty'), make('look-alike'), make('kana')].sort(compareFindings);
    expect(sorted.map((f) => f.code)).to.deep.equal(['empty', 'kana', 'look-alike', 'too-long']);
  });
});

describe('isFindingCode()', () => {
  const cases: Array<[unknown, boolean]> = [
    ['kana', true],
    ['too-long', true],
    ['Kana', false],
    ['', false],
    [undefined, false],
    [3, false],
  ];
  for (const [value, expected] of cases) {
    it(`answers ${expected} for ${JSON.stringify(value)}`, () => {
      expect(isFindingCode(value)).to.equal(expected);
    });
  }
});
