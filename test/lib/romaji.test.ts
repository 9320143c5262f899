import {expect} from '@open-wc/testing';
import {loadRomajiSuggestion} from '../../src/lib/romaji-loader.js';
import {toRomajiSuggestion} from '../../src/lib/romaji.js';
import {label} from './finding-helpers.js';

describe('toRomajiSuggestion()', () => {
  const cases: Array<[string, string]> = [
    ['たろう', 'tarou'],
    ['タロウ', 'tarou'],
    ['ｶﾀｶﾅ', 'katakana'],
    ['ｶﾞｷﾞ', 'gagi'],
    ['か\u3099', 'ga'],
    ['がっこう', 'gakkou'],
    ['ちゃん', 'chan'],
    ['きんえん', 'kinnen'],
    ['たろー', 'taro-'],
    ['たろ。す', 'taro.su'],
    ['「たろう」', '[tarou]'],
    // Only kana runs are converted; everything else is kept as typed.
    ['たろ＿ｓ', 'taro＿ｓ'],
    ['Taroう', 'Tarou'],
    ['山田たろう', '山田tarou'],
    ['ゝ', 'ゝ'],
    // After a CJK compatibility ideograph (U+F900 豈, U+FA11 﨑: a pair WebKit's `u` patterns misread)
    // and next to astral characters.
    ['\ufa11ｶﾀｶﾅ', '\ufa11katakana'],
    ['\uf900ｶﾞ', '\uf900ga'],
    ['山\ufa11たろう', '山\ufa11tarou'],
    ['𠮷たろう😀', '𠮷tarou😀'],
    ['', ''],
  ];
  for (const [input, expected] of cases) {
    it(`turns ${label(input)} into ${label(expected)}`, () => {
      expect(toRomajiSuggestion(input)).to.equal(expected);
    });
  }

  it('returns lower-case ASCII for kana', () => {
    expect(toRomajiSuggestion('カタカナ')).to.match(/^[a-z]+$/);
  });

  it('treats null as an empty value', () => {
    expect(toRomajiSuggestion(null as unknown as string)).to.equal('');
  });
});

describe('loadRomajiSuggestion()', () => {
  it('resolves to toRomajiSuggestion', async () => {
    expect(await loadRomajiSuggestion()).to.equal(toRomajiSuggestion);
  });
});
