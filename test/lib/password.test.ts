import {expect} from '@open-wc/testing';
import type {Finding} from '../../src/lib/findings.js';
import {PASSWORD_HINT_LENGTH, analyzePassword} from '../../src/lib/password.js';
import {error, hint, info, label} from './finding-helpers.js';

type Case = [input: string, expected: Finding[]];

function table(cases: Case[]): void {
  for (const [input, expected] of cases) {
    it(`reports ${expected.map((f) => f.code).join(', ') || 'nothing'} for ${label(input)}`, () => {
      expect(analyzePassword(input)).to.deep.equal(expected);
    });
  }
}

describe('analyzePassword()', () => {
  describe('passwords without findings', () => {
    table([
      ['Happy-Bunny-Quest', []],
      ['abcDEF', []],
      // Any Unicode is a valid password (ASVS 5.0 V6.2.10): no finding for other scripts or emoji.
      ['пароль', []],
      ['👩\u200d💻', []],
      ['a'.repeat(PASSWORD_HINT_LENGTH), []],
    ]);
  });

  describe('empty', () => {
    table([['', [error('empty')]]]);
    it('treats null and undefined as an empty value', () => {
      expect(analyzePassword(null as unknown as string)).to.deep.equal([error('empty')]);
      expect(analyzePassword(undefined as unknown as string)).to.deep.equal([error('empty')]);
    });
  });

  describe('character findings (never with a fix)', () => {
    table([
      ['ｐａｓｓ', [error('full-width', [[0, 4]], ['ｐ', 'ａ', 'ｓ'])]],
      ['pass￥', [error('full-width', [[4, 5]], ['￥'])]],
      ['ぱすわーど', [error('kana', [[0, 5]], ['ぱ', 'す', 'わ', 'ー', 'ど'])]],
      ['ﾊﾟｽ', [error('kana', [[0, 3]], ['ﾊ', 'ﾟ', 'ｽ'])]],
      ['happy bunny', [hint('space', [[5, 6]], [' '])]],
      ['happy\u3000bunny', [error('full-width-space', [[5, 6]], ['\u3000'])]],
      [' happy ', [hint('edge-space', [[0, 1], [6, 7]], [' '])]],
      ['happy\u3000', [hint('edge-space', [[5, 6]], ['\u3000'])]],
      ['happy\u200b', [hint('invisible', [[5, 6]], ['\u200b'])]],
      ['\u202ehappy', [hint('invisible', [[0, 1]], ['\u202e'])]],
      // A joiner with no emoji after it joins nothing: it is a stray invisible character.
      ['🔑🔑\u200d', [hint('invisible', [[4, 5]], ['\u200d'])]],
      [
        'ｐａｓｓ　ｗｏｒｄ',
        [
          error('full-width', [[0, 4], [5, 9]], ['ｐ', 'ａ', 'ｓ', 'ｗ', 'ｏ', 'ｒ', 'ｄ']),
          error('full-width-space', [[4, 5]], ['\u3000']),
        ],
      ],
      // Surrogate pairs and combining marks stay whole inside the ranges.
      ['😀ｘ\u0301😀', [error('full-width', [[2, 4]], ['ｘ'])]],
      ['😀 😀', [hint('space', [[2, 3]], [' '])]],
    ]);
  });

  describe('caps-lock-pattern', () => {
    table([
      ['pASSWORD1', [hint('caps-lock-pattern', [[0, 8]]), info('look-alike', [[5, 6], [8, 9]], ['O', '1'])]],
      ['hAPPY', [hint('caps-lock-pattern', [[0, 5]])]],
      ['hAPPY😀', [hint('caps-lock-pattern', [[0, 5]])]],
      [
        'hAPPY bUNNY',
        [hint('space', [[5, 6]], [' ']), hint('caps-lock-pattern', [[0, 5], [6, 11]])],
      ],
      ['hAPPY-BUNNY-7', [hint('caps-lock-pattern', [[0, 5]])]],
      // Conservative: ordinary capitalisation, all capitals, short tokens and mixed words are not reported.
      ['Password1', [info('look-alike', [[5, 6], [8, 9]], ['o', '1'])]],
      ['PASSWORD', [info('look-alike', [[5, 6]], ['O'])]],
      ['mRNA', []],
      ['pASS', []],
      ['happy bUNNY', [hint('space', [[5, 6]], [' '])]],
      ['hAPPYbunny', []],
      ['x2Y3Z4W', []],
    ]);
  });

  describe('look-alike', () => {
    table([
      ['Il1|O0o', [info('look-alike', [[0, 7]], ['I', 'l', '1', '|', 'O', '0', 'o'])]],
      ['o\u0308', []],
    ]);
  });

  describe('too-long', () => {
    table([
      ['a'.repeat(PASSWORD_HINT_LENGTH + 1), [hint('too-long', [[1024, 1025]])]],
      [`${'a'.repeat(PASSWORD_HINT_LENGTH - 1)}😀`, [hint('too-long', [[1023, 1025]])]],
    ]);
  });

  it('never offers a fix: the password is checked exactly as typed (ASVS 5.0 V6.2.8)', () => {
    for (const value of ['ｐａｓｓ', ' pass ', 'pa\u200bss', 'ぱす', 'pASSWORD']) {
      for (const finding of analyzePassword(value)) expect(finding).not.to.have.property('fix');
    }
  });
});
