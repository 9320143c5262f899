import {expect} from '@open-wc/testing';
import {resolveSonetLocale} from '../../src/localization.js';

describe('resolveSonetLocale()', () => {
  const cases: Array<[string | null | undefined, string]> = [
    ['en', 'en'],
    ['en-US', 'en'],
    ['EN_gb', 'en'],
    ['ja', 'ja'],
    ['ja-JP', 'ja'],
    ['', 'ja'],
    [null, 'ja'],
    [undefined, 'ja'],
    ['fr', 'ja'],
    ['  en  ', 'en'],
  ];
  for (const [tag, expected] of cases) {
    it(`maps ${JSON.stringify(tag)} to ${expected}`, () => {
      expect(resolveSonetLocale(tag)).to.equal(expected);
    });
  }
});
