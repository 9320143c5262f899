import {expect} from '@open-wc/testing';
import type {Finding} from '../../src/lib/findings.js';
import {toRomajiSuggestion} from '../../src/lib/romaji.js';
import {USER_ID_MAX_LENGTH, USER_ID_PATTERN, analyzeUserId} from '../../src/lib/user-id.js';
import type {UserIdOptions} from '../../src/lib/user-id.js';
import {error, hint, info, label} from './finding-helpers.js';

type Case = [input: string, options: UserIdOptions | undefined, expected: Finding[]];

const romaji: UserIdOptions = {toRomaji: toRomajiSuggestion};
const blur: UserIdOptions = {phase: 'blur'};
const submit: UserIdOptions = {phase: 'submit'};

function table(cases: Case[]): void {
  for (const [input, options, expected] of cases) {
    const opts = options === undefined ? '' : ` with ${JSON.stringify({...options, toRomaji: options.toRomaji && 'fn'})}`;
    it(`reports ${expected.map((f) => f.code).join(', ') || 'nothing'} for ${label(input)}${opts}`, () => {
      expect(analyzeUserId(input, options)).to.deep.equal(expected);
    });
  }
}

describe('analyzeUserId()', () => {
  describe('valid user IDs', () => {
    table([
      ['yuki_m@ab3', undefined, []],
      ['yuki_m@ab3', submit, []],
      ['yuki.m-2@ab3', blur, []],
      ['taro_s@aa2', submit, [info('look-alike', [[3, 4]], ['o'])]],
    ]);
  });

  describe('empty', () => {
    table([
      ['', undefined, [error('empty')]],
      ['', submit, [error('empty')]],
    ]);
    it('treats null and undefined as an empty value', () => {
      expect(analyzeUserId(null as unknown as string)).to.deep.equal([error('empty')]);
      expect(analyzeUserId(undefined as unknown as string)).to.deep.equal([error('empty')]);
    });
    it('coerces a non-string value instead of throwing', () => {
      expect(analyzeUserId(42 as unknown as string)).to.deep.equal([]);
      const hostile = {toString: () => { throw new Error('no'); }};
      expect(analyzeUserId(hostile as unknown as string)).to.deep.equal([error('empty')]);
    });
  });

  describe('full-width', () => {
    table([
      [
        'ｙｕｋｉ＿ｍ＠ａｂ３',
        undefined,
        [error('full-width', [[0, 10]], ['ｙ', 'ｕ', 'ｋ', 'ｉ', '＿', 'ｍ', '＠', 'ａ', 'ｂ', '３'], 'yuki_m@ab3')],
      ],
      ['yuki_m＠ab3', undefined, [error('full-width', [[6, 7]], ['＠'], 'yuki_m@ab3')]],
      ['ＹＵＫＩ', undefined, [error('full-width', [[0, 4]], ['Ｙ', 'Ｕ', 'Ｋ', 'Ｉ'], 'YUKI')]],
      // ￥ has no ASCII twin: reported, but no fix can remove it.
      ['￥yuki', blur, [error('full-width', [[0, 1]], ['￥'])]],
      ['ｙｕｋｉ￥', undefined, [error('full-width', [[0, 5]], ['ｙ', 'ｕ', 'ｋ', 'ｉ', '￥'])]],
      ['Ａ\u0301', undefined, [error('full-width', [[0, 2]], ['Ａ'], 'A\u0301')]],
    ]);
  });

  describe('kana', () => {
    table([
      ['ゆき', undefined, [error('kana', [[0, 2]], ['ゆ', 'き'])]],
      ['ゆき', romaji, [error('kana', [[0, 2]], ['ゆ', 'き'], 'yuki')]],
      ['たろう', romaji, [error('kana', [[0, 3]], ['た', 'ろ', 'う'], 'tarou')]],
      [
        'ゆき＿ｍ＠あｂ３',
        romaji,
        [
          error('full-width', [[2, 5], [6, 8]], ['＿', 'ｍ', '＠', 'ｂ', '３'], 'yuki_m@ab3'),
          error('kana', [[0, 2], [5, 6]], ['ゆ', 'き', 'あ'], 'yuki_m@ab3'),
        ],
      ],
      ['ﾕｷ', romaji, [error('kana', [[0, 2]], ['ﾕ', 'ｷ'], 'yuki')]],
      ['ｶﾞｷﾞ', romaji, [error('kana', [[0, 4]], ['ｶ', 'ﾞ', 'ｷ'], 'gagi')]],
      ['か\u3099', romaji, [error('kana', [[0, 2]], ['か'], 'ga')]],
      ['きんえん', romaji, [error('kana', [[0, 4]], ['き', 'ん', 'え'], 'kinnen')]],
      ['ゆきー', romaji, [error('kana', [[0, 3]], ['ゆ', 'き', 'ー'], 'yuki-')]],
      ['yuki。m@ab3', romaji, [error('kana', [[4, 5]], ['。'], 'yuki.m@ab3')]],
      // Kanji cannot be turned back into typed keys: no fix, even with toRomaji.
      ['山田', romaji, [error('kana', [[0, 2]], ['山', '田'])]],
      ['やまだ太郎', romaji, [error('kana', [[0, 5]], ['や', 'ま', 'だ', '太', '郎'])]],
      // …and the other fixes keep the kana as typed rather than half-converting it (yamada_太郎).
      [
        'やまだ＿太郎',
        romaji,
        [
          error('full-width', [[3, 4]], ['＿'], 'やまだ_太郎'),
          error('kana', [[0, 3], [4, 6]], ['や', 'ま', 'だ', '太', '郎']),
        ],
      ],
      [
        'ゆき　ｍ',
        romaji,
        [
          error('full-width', [[3, 4]], ['ｍ'], 'yukim'),
          error('kana', [[0, 2]], ['ゆ', 'き'], 'yukim'),
          error('full-width-space', [[2, 3]], ['\u3000'], 'yukim'),
        ],
      ],
    ]);
  });

  describe('spaces', () => {
    table([
      ['yuki_m @ab3', undefined, [error('space', [[6, 7]], [' '], 'yuki_m@ab3')]],
      ['yuki_m\u00a0@ab3', undefined, [error('space', [[6, 7]], ['\u00a0'], 'yuki_m@ab3')]],
      ['yuki_m\u3000@ab3', undefined, [error('full-width-space', [[6, 7]], ['\u3000'], 'yuki_m@ab3')]],
      [' yuki_m@ab3 ', undefined, [error('edge-space', [[0, 1], [11, 12]], [' '], 'yuki_m@ab3')]],
      ['\u3000yuki_m@ab3', undefined, [error('edge-space', [[0, 1]], ['\u3000'], 'yuki_m@ab3')]],
      ['yuki_m@ab3\u00a0\u00a0', undefined, [error('edge-space', [[10, 12]], ['\u00a0'], 'yuki_m@ab3')]],
      // Nothing would be left: no fix (an empty suggestion helps nobody).
      ['   ', submit, [error('edge-space', [[0, 3]], [' '])]],
      [
        ' \u200b yuki',
        undefined,
        [error('edge-space', [[0, 1], [2, 3]], [' '], 'yuki'), error('invisible', [[1, 2]], ['\u200b'], 'yuki')],
      ],
    ]);
  });

  describe('invisible', () => {
    table([
      ['yuki\u200b_m@ab3', undefined, [error('invisible', [[4, 5]], ['\u200b'], 'yuki_m@ab3')]],
      ['\ufeffyuki_m@ab3', undefined, [error('invisible', [[0, 1]], ['\ufeff'], 'yuki_m@ab3')]],
      ['yuki_m@ab3\u202e', undefined, [error('invisible', [[10, 11]], ['\u202e'], 'yuki_m@ab3')]],
      ['\u2066yuki\u2069_m@ab3', undefined, [error('invisible', [[0, 1], [5, 6]], ['\u2066', '\u2069'], 'yuki_m@ab3')]],
      ['yuki\t_m@ab3', undefined, [error('invisible', [[4, 5]], ['\t'], 'yuki_m@ab3')]],
      ['yuki_m@ab3\u0085\u0000', undefined, [error('invisible', [[10, 12]], ['\u0085', '\u0000'], 'yuki_m@ab3')]],
      ['a\u200db', undefined, [error('invisible', [[1, 2]], ['\u200d'], 'ab')]],
      // The joiner inside an emoji sequence is part of the emoji, not a stray character.
      ['👨\u200d👩', undefined, []],
      [
        '👨\u200d👩',
        blur,
        [hint('missing-subdomain'), hint('invalid-user-id', [[0, 5]], ['👨', '\u200d', '👩'])],
      ],
    ]);
  });

  describe('full-domain', () => {
    table([
      [
        'yuki_m@ab3.so-net.ne.jp',
        undefined,
        [error('full-domain', [[10, 23]], [], 'yuki_m@ab3'), info('look-alike', [[12, 13]], ['o'])],
      ],
      [
        'YUKI_M@AB3.SO-NET.NE.JP',
        undefined,
        [error('full-domain', [[10, 23]], [], 'YUKI_M@AB3'), info('look-alike', [[3, 4], [12, 13]], ['I', 'O'])],
      ],
      [
        'yuki_m@ab3.so-net.ne.jp.',
        submit,
        [error('full-domain', [[10, 24]], [], 'yuki_m@ab3'), info('look-alike', [[12, 13]], ['o'])],
      ],
      [
        'ｙｕｋｉ＿ｍ＠ａｂ３．ｓｏ－ｎｅｔ．ｎｅ．ｊｐ',
        undefined,
        [
          error(
            'full-width',
            [[0, 23]],
            ['ｙ', 'ｕ', 'ｋ', 'ｉ', '＿', 'ｍ', '＠', 'ａ', 'ｂ', '３', '．', 'ｓ', 'ｏ', '－', 'ｎ', 'ｅ', 'ｔ', 'ｊ', 'ｐ'],
            'yuki_m@ab3'
          ),
          error('full-domain', [[10, 23]], [], 'yuki_m@ab3'),
        ],
      ],
      [
        'yuki_m@ab3.so-net.ne.jp ',
        undefined,
        [
          error('edge-space', [[23, 24]], [' '], 'yuki_m@ab3'),
          error('full-domain', [[10, 23]], [], 'yuki_m@ab3'),
          info('look-alike', [[12, 13]], ['o']),
        ],
      ],
      // A started domain is "not finished yet" while typing, and a full domain once the field is left.
      ['yuki_m@ab3.so-net', undefined, [info('look-alike', [[12, 13]], ['o'])]],
      [
        'yuki_m@ab3.so-net',
        blur,
        [error('full-domain', [[10, 17]], [], 'yuki_m@ab3'), info('look-alike', [[12, 13]], ['o'])],
      ],
      [
        'yuki@ab3.example.jp',
        {domain: 'example.jp'},
        [error('full-domain', [[8, 19]], [], 'yuki@ab3'), info('look-alike', [[14, 15]], ['l'])],
      ],
      [
        'yuki@ab3.so-net.ne.jp',
        {domain: '＠SO-NET.NE.JP.'},
        [error('full-domain', [[8, 21]], [], 'yuki@ab3'), info('look-alike', [[10, 11]], ['o'])],
      ],
      ['yuki@ab3.example.jp', {domain: ''}, [info('look-alike', [[14, 15]], ['l'])]],
      // The domain typed twice: every copy is cut, so the suggestion is final (analyzing it
      // suggests nothing more).
      [
        'yuki@ab3.so-net.ne.jp.so-net.ne.jp',
        undefined,
        [error('full-domain', [[8, 34]], [], 'yuki@ab3'), info('look-alike', [[10, 11], [23, 24]], ['o'])],
      ],
      ['yuki@so-net.ne.jp.so-net.ne.jp', blur, [hint('missing-subdomain'), info('look-alike', [[6, 7], [19, 20]], ['o'])]],
    ]);
  });

  describe('missing-subdomain', () => {
    table([
      ['yuki_m', undefined, []],
      ['yuki_m', {phase: 'typing'}, []],
      ['yuki_m', blur, [hint('missing-subdomain')]],
      ['yuki_m', submit, [hint('missing-subdomain')]],
      ['yuki_m@so-net.ne.jp', undefined, [info('look-alike', [[8, 9]], ['o'])]],
      ['yuki_m@so-net.ne.jp', blur, [hint('missing-subdomain'), info('look-alike', [[8, 9]], ['o'])]],
      ['yuki#m', blur, [hint('missing-subdomain'), hint('invalid-user-id', [[4, 5]], ['#'])]],
      ['ゆき', {...romaji, phase: 'blur'}, [error('kana', [[0, 2]], ['ゆ', 'き'], 'yuki'), hint('missing-subdomain')]],
      // Kanji already explain the failure: no second warning about the subdomain.
      ['山田', {...romaji, phase: 'submit'}, [error('kana', [[0, 2]], ['山', '田'])]],
    ]);
  });

  describe('invalid-user-id', () => {
    table([
      ['yuki_m@', undefined, []],
      ['yuki_m@', blur, [hint('invalid-user-id')]],
      ['yuki@m@ab3', undefined, []],
      ['yuki@m@ab3', submit, [hint('invalid-user-id', [[4, 5], [6, 7]], ['@'])]],
      ['yuki_m@ab3!', blur, [hint('invalid-user-id', [[10, 11]], ['!'])]],
      ['@ab3', blur, [hint('invalid-user-id')]],
      ['yuki_mé@ab3', blur, [hint('invalid-user-id', [[6, 7]], ['é'])]],
      ['yuke\u0301@ab3', blur, [hint('invalid-user-id', [[3, 5]], ['\u0301'])]],
      ['yuki_m@ab3.xyz', blur, [hint('invalid-user-id', [[10, 11]], ['.'])]],
      ['\ud800', blur, [hint('missing-subdomain'), hint('invalid-user-id', [[0, 1]], ['\ud800'])]],
      ['ｙｕｋｉ＃＠ａｂ３', blur, [
        error('full-width', [[0, 9]], ['ｙ', 'ｕ', 'ｋ', 'ｉ', '＃', '＠', 'ａ', 'ｂ', '３'], 'yuki#@ab3'),
        hint('invalid-user-id', [[4, 5]], ['#']),
      ]],
      [
        'yuki_m@ab3.so-net.ne.jp',
        {domain: 'example.jp', phase: 'blur'},
        [
          hint('invalid-user-id', [[10, 11], [13, 14], [17, 18], [20, 21]], ['.', '-']),
          info('look-alike', [[12, 13]], ['o']),
        ],
      ],
      ['yuki', {pattern: /^[a-z]+$/, phase: 'blur'}, []],
      ['yuki@ab3', {pattern: /^[a-z]+$/, phase: 'blur'}, [hint('invalid-user-id')]],
      ['yuki', {pattern: USER_ID_PATTERN, phase: 'blur'}, [hint('missing-subdomain')]],
    ]);

    it('ignores the g flag of a custom pattern, answering the same on every call', () => {
      const options: UserIdOptions = {pattern: /^[a-z]+@[a-z0-9]+$/g, phase: 'submit'};
      for (let i = 0; i < 3; i++) expect(analyzeUserId('yuki@ab3', options)).to.deep.equal([]);
    });
  });

  // WebKit's regexp engine (WebKitGTK 2.50) reads a unit of U+D800–U+DBFF or U+F800–U+FBFF followed by
  // one of U+DC00–U+DFFF or U+FC00–U+FFFF as one code point in a `u` pattern, which would hide the
  // full-width character after a CJK compatibility ideograph (豈 U+F900; the 﨑 U+FA11 of 山﨑) from a
  // scan by `u` pattern. Written as escapes: NFC turns U+F900 into U+8C48.
  describe('characters after a CJK compatibility ideograph (WebKit misreads the pair in u patterns)', () => {
    table([
      [
        '山\ufa11＿ｔａｒｏ＠ａａ２',
        undefined,
        [
          error('full-width', [[2, 11]], ['＿', 'ｔ', 'ａ', 'ｒ', 'ｏ', '＠', '２'], '山\ufa11_taro@aa2'),
          error('kana', [[0, 2]], ['山', '\ufa11']),
        ],
      ],
      ['\ufa11ｶﾀ@aa2', romaji, [error('kana', [[0, 3]], ['\ufa11', 'ｶ', 'ﾀ'])]],
      [
        'taro\ufa11\u3000@aa2',
        blur,
        [
          error('kana', [[4, 5]], ['\ufa11']),
          error('full-width-space', [[5, 6]], ['\u3000'], 'taro\ufa11@aa2'),
          info('look-alike', [[3, 4]], ['o']),
        ],
      ],
      [
        'taro@aa2\ufa11．ｓｏ－ｎｅｔ．ｎｅ．ｊｐ',
        undefined,
        [
          error('full-width', [[9, 22]], ['．', 'ｓ', 'ｏ', '－', 'ｎ', 'ｅ', 'ｔ', 'ｊ', 'ｐ'], 'taro@aa2\ufa11'),
          error('kana', [[8, 9]], ['\ufa11']),
          error('full-domain', [[9, 22]], [], 'taro@aa2\ufa11'),
          info('look-alike', [[3, 4]], ['o']),
        ],
      ],
      // Astral characters (real surrogate pairs) before.
      [
        '😀\uf900ａ@aa2',
        undefined,
        [error('full-width', [[3, 4]], ['ａ'], '😀\uf900a@aa2'), error('kana', [[2, 3]], ['\uf900'])],
      ],
      // What reaches the ID pattern: private use and presentation forms before specials.
      ['\ufb01\ufffd@aa2', blur, [hint('invalid-user-id', [[0, 2]], ['\ufb01', '\ufffd'])]],
      ['\uf8ff\uffe8@aa2', submit, [hint('invalid-user-id', [[0, 2]], ['\uf8ff', '\uffe8'])]],
      // A custom pattern without `u` counts UTF-16 units, the same in every engine.
      ['\ufb01\ufffd@aa2', {pattern: /^[^@]{2}@[a-z0-9]+$/, phase: 'blur'}, []],
      // A `u` pattern sees no kanji (reported first) and no full-width ASCII (repaired first), and
      // reads a real surrogate pair as one character in every engine.
      [
        '\ufa11ｙ@ab3',
        {pattern: /^[a-z]+@[a-z0-9]+$/u, phase: 'blur'},
        [error('full-width', [[1, 2]], ['ｙ'], '\ufa11y@ab3'), error('kana', [[0, 1]], ['\ufa11'])],
      ],
      ['ｙｕｋｉ@ab3', {pattern: /^.{4}@[a-z0-9]+$/u, phase: 'blur'}, [error('full-width', [[0, 4]], ['ｙ', 'ｕ', 'ｋ', 'ｉ'], 'yuki@ab3')]],
      ['😀\ufb01@ab3', {pattern: /^.{2}@[a-z0-9]+$/u, phase: 'blur'}, []],
    ]);
  });

  describe('look-alike', () => {
    table([
      ['Il1|O0o', undefined, [info('look-alike', [[0, 7]], ['I', 'l', '1', '|', 'O', '0', 'o'])]],
      ['o\u0308', undefined, []],
    ]);
  });

  describe('too-long', () => {
    const long = 'a'.repeat(USER_ID_MAX_LENGTH + 1);
    const pair = `${'a'.repeat(USER_ID_MAX_LENGTH - 1)}😀a`;
    table([
      ['a'.repeat(USER_ID_MAX_LENGTH), submit, [hint('missing-subdomain')]],
      [long, submit, [hint('too-long', [[256, 257]])]],
      // The excess starts before the emoji rather than inside its surrogate pair.
      [pair, undefined, [hint('too-long', [[255, 258]])]],
      ['Ａ'.repeat(300), romaji, [error('full-width', [[0, 300]], ['Ａ']), hint('too-long', [[256, 300]])]],
    ]);
  });

  describe('options', () => {
    it('treats an unknown phase as typing', () => {
      expect(analyzeUserId('yuki_m', {phase: 'later' as 'blur'})).to.deep.equal([]);
    });

    it('offers no romaji when toRomaji throws', () => {
      const toRomaji = (): string => {
        throw new Error('broken');
      };
      expect(analyzeUserId('ゆき', {toRomaji})).to.deep.equal([error('kana', [[0, 2]], ['ゆ', 'き'])]);
    });

    it('repairs what toRomaji returns like typed text', () => {
      expect(analyzeUserId('ゆき', {toRomaji: () => ' ｙｕｋｉ\u200b'})).to.deep.equal([
        error('kana', [[0, 2]], ['ゆ', 'き'], 'yuki'),
      ]);
    });

    it('keeps the kana when toRomaji leaves kana behind, and still repairs the rest', () => {
      expect(analyzeUserId('ゆき＠', {toRomaji: (kana) => kana})).to.deep.equal([
        error('full-width', [[2, 3]], ['＠'], 'ゆき@'),
        error('kana', [[0, 2]], ['ゆ', 'き']),
      ]);
    });

    it('falls back to the defaults when reading an option throws', () => {
      const options = {
        get phase(): 'blur' {
          throw new Error('getter');
        },
      };
      expect(analyzeUserId('yuki_m', options)).to.deep.equal([]);
    });

    it('calls toRomaji with each run of Japanese characters', () => {
      const runs: string[] = [];
      analyzeUserId('ゆき＿ｍ＠あｂ３', {toRomaji: (kana) => (runs.push(kana), 'x')});
      expect(runs).to.deep.equal(['ゆき', 'あ']);
    });
  });
});
