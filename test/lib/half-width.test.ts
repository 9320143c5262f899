import {expect} from '@open-wc/testing';
import {
  hasFullWidthAscii,
  isCombiningMark,
  isEmojiJoinerContext,
  isFullWidthAscii,
  isFullWidthForm,
  isInvisible,
  isJapanese,
  isKana,
  isKanji,
  isLookAlike,
  isSpace,
  toHalfWidth,
} from '../../src/lib/half-width.js';
import {label} from './finding-helpers.js';

describe('toHalfWidth()', () => {
  const cases: Array<[string, string]> = [
    ['ＡＢＣａｂｃ１２３＠＿', 'ABCabc123@_'],
    ['！～', '!~'],
    ['taro＿s＠aa2', 'taro_s@aa2'],
    ['\u3000', ' '],
    ['たろう　Ａ', 'たろう A'],
    // Only full-width ASCII and U+3000: kana, half-width katakana and full-width signs stay.
    ['ｶﾀｶﾅ', 'ｶﾀｶﾅ'],
    ['カタカナ', 'カタカナ'],
    ['￥｟', '￥｟'],
    ['ﬁ²', 'ﬁ²'],
    ['ａ😀ｂ', 'a😀b'],
    ['\ud800ａ\udc00', '\ud800a\udc00'],
    ['plain', 'plain'],
    ['', ''],
  ];
  for (const [input, expected] of cases) {
    it(`turns ${label(input)} into ${label(expected)}`, () => {
      expect(toHalfWidth(input)).to.equal(expected);
    });
  }

  it('converts a value longer than one internal chunk', () => {
    const value = `x${'Ａ'.repeat(10000)}`;
    expect(toHalfWidth(value)).to.equal(`x${'A'.repeat(10000)}`);
  });

  it('treats null as an empty value', () => {
    expect(toHalfWidth(null as unknown as string)).to.equal('');
  });
});

describe('hasFullWidthAscii()', () => {
  const cases: Array<[string, boolean]> = [
    ['taro＿s', true],
    ['！', true],
    ['～', true],
    ['taro_s', false],
    ['たろう', false],
    ['\u3000', false],
    ['￥', false],
    ['', false],
  ];
  for (const [input, expected] of cases) {
    it(`answers ${expected} for ${label(input)}`, () => {
      expect(hasFullWidthAscii(input)).to.equal(expected);
    });
  }
});

describe('character classes', () => {
  type Classes = {
    fullWidthAscii?: boolean;
    fullWidthForm?: boolean;
    kana?: boolean;
    kanji?: boolean;
    japanese?: boolean;
    space?: boolean;
    invisible?: boolean;
    lookAlike?: boolean;
    mark?: boolean;
  };
  const cases: Array<[string, Classes]> = [
    ['A', {}],
    ['Ａ', {fullWidthAscii: true, fullWidthForm: true}],
    ['～', {fullWidthAscii: true, fullWidthForm: true}],
    ['￥', {fullWidthForm: true}],
    ['あ', {kana: true, japanese: true}],
    ['ア', {kana: true, japanese: true}],
    ['ー', {kana: true, japanese: true}],
    ['ｶ', {kana: true, japanese: true}],
    ['ﾞ', {kana: true, japanese: true}],
    ['\u3099', {kana: true, japanese: true, mark: true}],
    ['漢', {kanji: true, japanese: true}],
    ['𠮷', {kanji: true, japanese: true}],
    ['。', {japanese: true}],
    ['｡', {japanese: true}],
    ['㈱', {japanese: true}],
    [' ', {space: true}],
    ['\u00a0', {space: true}],
    ['\u3000', {space: true}],
    ['\u200b', {invisible: true}],
    ['\u200d', {invisible: true}],
    ['\u2060', {invisible: true}],
    ['\ufeff', {invisible: true}],
    ['\u200e', {invisible: true}],
    ['\u202a', {invisible: true}],
    ['\u2067', {invisible: true}],
    ['\t', {invisible: true}],
    ['\u007f', {invisible: true}],
    ['\u009f', {invisible: true}],
    ['\u00ad', {invisible: true}],
    ['\u3164', {invisible: true}],
    ['l', {lookAlike: true}],
    ['|', {lookAlike: true}],
    ['0', {lookAlike: true}],
    ['\u0301', {mark: true}],
    ['\ufe0f', {mark: true}],
    ['\u{e0100}', {mark: true}],
    ['😀', {}],
    ['é', {}],
    // Units of the ranges WebKit's `u` patterns pair up (U+F800–U+FBFF, U+FC00–U+FFFF, surrogates):
    // the classes take code points, and the `u` patterns behind isCombiningMark() see one at a time.
    ['\uf900', {kanji: true, japanese: true}],
    ['\ufa11', {kanji: true, japanese: true}],
    ['\uf8ff', {}],
    ['\ufb01', {}],
    ['\ufb1e', {mark: true}],
    ['\ufe20', {mark: true}],
    ['\ufffd', {}],
    ['\ud800', {}],
    ['\udc00', {}],
  ];
  for (const [char, expected] of cases) {
    it(`classifies ${label(char)} as ${Object.keys(expected).join(', ') || 'none'}`, () => {
      const cp = char.codePointAt(0) ?? 0;
      expect({
        fullWidthAscii: isFullWidthAscii(cp),
        fullWidthForm: isFullWidthForm(cp),
        kana: isKana(cp),
        kanji: isKanji(cp),
        japanese: isJapanese(cp),
        space: isSpace(cp),
        invisible: isInvisible(cp),
        lookAlike: isLookAlike(cp),
        mark: isCombiningMark(cp),
      }).to.deep.equal({
        fullWidthAscii: false,
        fullWidthForm: false,
        kana: false,
        kanji: false,
        japanese: false,
        space: false,
        invisible: false,
        lookAlike: false,
        mark: false,
        ...expected,
      });
    });
  }
});

describe('isEmojiJoinerContext()', () => {
  const cases: Array<[before: string, after: string, expected: boolean]> = [
    ['👨', '👩', true],
    ['\ufe0f', '😀', true],
    ['\u{1f3fb}', '❤', true],
    ['a', '😀', false],
    ['😀', 'a', false],
    // A CJK compatibility ideograph or a lone surrogate next to the joiner joins nothing.
    ['\uf900', '😀', false],
    ['😀', '\ufa11', false],
    ['\ud83d', '😀', false],
    ['😀', '\ude00', false],
  ];
  for (const [before, after, expected] of cases) {
    it(`answers ${expected} for a joiner between ${label(before)} and ${label(after)}`, () => {
      expect(isEmojiJoinerContext(before.codePointAt(0)!, after.codePointAt(0)!)).to.equal(expected);
    });
  }
});
