import {expect} from '@open-wc/testing';
import {CharClass, characterFindings, classOf, makeFinding, scanCharacters} from '../../src/lib/character-scan.js';
import type {FindingField} from '../../src/lib/character-scan.js';
import type {FindingCode, FindingLevel} from '../../src/lib/findings.js';
import {
  isFullWidthAscii,
  isFullWidthForm,
  isInvisible,
  isJapanese,
  isLookAlike,
  isSpace,
} from '../../src/lib/half-width.js';

describe('classOf()', () => {
  it('agrees with the character-class predicates on every code point, and the classes are disjoint', () => {
    const mismatches: string[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      const memberships = [isSpace(cp), isInvisible(cp), isFullWidthForm(cp), isJapanese(cp), isLookAlike(cp)];
      if (memberships.filter(Boolean).length > 1) mismatches.push(`U+${cp.toString(16)} is in two classes`);
      const expected = isSpace(cp)
        ? cp === 0x3000
          ? CharClass.FullWidthSpace
          : CharClass.Space
        : isInvisible(cp)
          ? CharClass.Invisible
          : isFullWidthAscii(cp)
            ? CharClass.FullWidthAscii
            : isFullWidthForm(cp)
              ? CharClass.FullWidthSign
              : isJapanese(cp)
                ? CharClass.Japanese
                : isLookAlike(cp)
                  ? CharClass.LookAlike
                  : CharClass.None;
      if (classOf(cp) !== expected) mismatches.push(`U+${cp.toString(16)}: ${classOf(cp)} instead of ${expected}`);
      if (mismatches.length > 10) break;
    }
    expect(mismatches).to.deep.equal([]);
  });
});

describe('scanCharacters()', () => {
  // WebKit's `u` patterns read U+F800–U+FBFF (or U+D800–U+DBFF) before U+FC00–U+FFFF (or
  // U+DC00–U+DFFF) as one code point; the scan pairs only real surrogates, in every engine.
  it('classifies the character after a CJK compatibility ideograph on its own', () => {
    const scan = scanCharacters('\uf900\uff41\ufa11\u3000\ufa11\uff76\ud83d\ude00\ufa11\uff11\ud800\uff41\ufb01\u3000x');
    expect({
      fullWidth: [scan.fullWidth.ranges, scan.fullWidth.chars],
      kana: [scan.kana.ranges, scan.kana.chars],
      fullWidthSpace: [scan.fullWidthSpace.ranges, scan.fullWidthSpace.chars],
    }).to.deep.equal({
      fullWidth: [[[1, 2], [9, 10], [11, 12]], ['\uff41', '\uff11']],
      kana: [[[0, 1], [2, 3], [4, 6], [8, 9]], ['\uf900', '\ufa11', '\uff76']],
      fullWidthSpace: [[[3, 4], [13, 14]], ['\u3000']],
    });
  });
});

describe('characterFindings()', () => {
  // value → [code, level, ranges] per field, in FINDING_CODES order; the levels are FINDING_RULES'.
  const cases: Array<[string, FindingField, Array<[string, string, Array<[number, number]>]>]> = [
    ['taro_s@aa2', 'userId', [['look-alike', 'info', [[3, 4]]]]],
    ['', 'password', []],
    ['ｔａｒｏ ', 'userId', [['full-width', 'error', [[0, 4]]], ['edge-space', 'error', [[4, 5]]]]],
    ['pass wd ', 'password', [['space', 'hint', [[4, 5]]], ['edge-space', 'hint', [[7, 8]]]]],
    ['pass wd ', 'userId', [['space', 'error', [[4, 5]]], ['edge-space', 'error', [[7, 8]]]]],
    ['たろ\u3000s\u200b', 'password', [['kana', 'error', [[0, 2]]], ['full-width-space', 'error', [[2, 3]]], ['invisible', 'hint', [[4, 5]]]]],
    ['a\u200bb', 'userId', [['invisible', 'error', [[1, 2]]]]],
    ['a\u200bb', 'password', [['invisible', 'hint', [[1, 2]]]]],
  ];
  for (const [value, field, expected] of cases) {
    it(`finds ${expected.map(([code]) => code).join(', ') || 'nothing'} in ${JSON.stringify(value)} (${field})`, () => {
      const findings = characterFindings(field, scanCharacters(value));
      expect(findings.map((f) => [f.code, f.level, f.ranges])).to.deep.equal(expected);
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
