import {expect} from '@open-wc/testing';
import {FINDING_CODES, FINDING_RULES, compareFindings, isFindingCode, makeFinding} from '../../src/lib/findings.js';
import type {Finding, FindingCode, FindingField, FindingLevel} from '../../src/lib/findings.js';

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

describe('makeFinding()', () => {
  // The level is the field's in FINDING_RULES; a code the field never reports falls back to `hint`.
  const cases: Array<[FindingField, FindingCode, FindingLevel]> = [
    ['userId', 'space', 'error'],
    ['password', 'space', 'hint'],
    ['userId', 'look-alike', 'info'],
    ['password', 'full-width', 'error'],
    ['userId', 'missing-subdomain', 'hint'],
    ['password', 'caps-lock-pattern', 'hint'],
    ['password', 'full-domain', 'hint'],
  ];
  for (const [field, code, level] of cases) {
    it(`gives ${code} in the ${field} the level ${level}`, () => {
      expect(makeFinding(field, code)).to.deep.equal({code, level, ranges: [], chars: []});
    });
  }

  it('points where the trace does', () => {
    const places = {ranges: [[1, 3]] as Array<[number, number]>, chars: ['Ａ']};
    expect(makeFinding('userId', 'full-width', places)).to.deep.equal({
      code: 'full-width',
      level: 'error',
      ranges: [[1, 3]],
      chars: ['Ａ'],
    });
  });
});
