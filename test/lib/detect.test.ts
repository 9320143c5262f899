// The first-load detectors must answer exactly what the full analyzers answer. Every table row is
// checked against both, so a row also pins down the analyzer's rule it stands for.
import {expect} from '@open-wc/testing';
import {CHARACTER_SCAN_LIMIT} from '../../src/lib/character-scan.js';
import {detectPassword, detectUserId} from '../../src/lib/detect.js';
import type {FindingCode} from '../../src/lib/findings.js';
import {PASSWORD_HINT_LENGTH, analyzePassword} from '../../src/lib/password.js';
import {DEFAULT_USER_ID_DOMAIN, USER_ID_MAX_LENGTH, analyzeUserId} from '../../src/lib/user-id.js';
import {prng, randomText} from '../fuzz/random-text.js';
import {label} from './finding-helpers.js';

const LIMIT = CHARACTER_SCAN_LIMIT;

/** What the form shows for the user ID while typing: the analyzer's codes without empty and look-alike. */
function analyzerUserId(value: string, domain?: string): FindingCode[] {
  return analyzeUserId(value, {phase: 'typing', ...(domain !== undefined ? {domain} : {})})
    .map((f) => f.code)
    .filter((code) => code !== 'look-alike' && code !== 'empty');
}

/** The analyzer's password codes without empty. */
function analyzerPassword(value: string): FindingCode[] {
  return analyzePassword(value)
    .map((f) => f.code)
    .filter((code) => code !== 'empty');
}

type UserIdCase = [input: string, domain: string | undefined, expected: FindingCode[]];
type PasswordCase = [input: string, expected: FindingCode[]];

function userIdTable(cases: UserIdCase[]): void {
  for (const [input, domain, expected] of cases) {
    const withDomain = domain === undefined ? '' : ` with domain ${label(domain)}`;
    it(`reports ${expected.join(', ') || 'nothing'} for ${label(input)}${withDomain}`, () => {
      expect(detectUserId(input, domain), 'detectUserId').to.deep.equal(expected);
      expect(analyzerUserId(input, domain), 'analyzeUserId').to.deep.equal(expected);
    });
  }
}

function passwordTable(cases: PasswordCase[]): void {
  for (const [input, expected] of cases) {
    it(`reports ${expected.join(', ') || 'nothing'} for ${label(input)}`, () => {
      expect(detectPassword(input), 'detectPassword').to.deep.equal(expected);
      expect(analyzerPassword(input), 'analyzePassword').to.deep.equal(expected);
    });
  }
}

const a = (n: number): string => 'a'.repeat(n);

describe('detectUserId()', () => {
  describe('values without warnings', () => {
    userIdTable([
      ['taro_s@aa2', undefined, []],
      ['', undefined, []],
      // missing-subdomain and invalid-user-id wait for blur; look-alike is not shown for a user ID.
      ['taro_s', undefined, []],
      ['taro_s@', undefined, []],
      ['#taro@aa2', undefined, []],
      ['Il1|O0o', undefined, []],
      ['😀', undefined, []],
    ]);
  });

  describe('full-width', () => {
    userIdTable([
      ['ｔａｒｏ＿ｓ＠ａａ２', undefined, ['full-width']],
      ['taro＿s', undefined, ['full-width']],
      ['！', undefined, ['full-width']],
      ['～', undefined, ['full-width']],
      ['￥', undefined, ['full-width']],
      ['｟｠', undefined, ['full-width']],
      ['￠￦', undefined, ['full-width']],
      ['Ａ\u0301', undefined, ['full-width']],
      // Next to the class: U+FF00 (unassigned), U+FFE7 and U+FFE8 (half-width forms) are not.
      ['\uff00\uffe7\uffe8', undefined, []],
    ]);
  });

  describe('kana', () => {
    userIdTable([
      ['たろう', undefined, ['kana']],
      ['タロウ', undefined, ['kana']],
      ['ﾀﾛｳ', undefined, ['kana']],
      ['ｶﾞ', undefined, ['kana']],
      ['山田', undefined, ['kana']],
      ['taro。', undefined, ['kana']],
      ['「」ー々〆', undefined, ['kana']],
      ['｡｢｣､', undefined, ['kana']],
      ['㈱㌔', undefined, ['kana']],
      ['⺀', undefined, ['kana']],
      ['\u{20000}', undefined, ['kana']],
      ['\u{1b000}', undefined, ['kana']],
      ['\u{2f800}\u{30000}', undefined, ['kana']],
      ['か\u3099', undefined, ['kana']],
      // A voicing mark after a character of no class is a character of its own.
      ['a\u3099', undefined, ['kana']],
      ['I\u302a', undefined, ['kana']],
      // After a flagged character, marks go along with it and are not classified again.
      ['Ａ\u3099', undefined, ['full-width']],
      ['taro \u3099x', undefined, ['space']],
      // Next to the ranges: bopomofo, Yijing symbols, ideographic description characters.
      ['ㄅ\u4dc0\u2ff0\u3040', undefined, []],
    ]);
  });

  describe('space, full-width-space and edge-space', () => {
    userIdTable([
      ['taro s@aa2', undefined, ['space']],
      ['taro\u00a0s', undefined, ['space']],
      ['taro\u2003s', undefined, ['space']],
      ['taro\u1680s\u202f\u205fx', undefined, ['space']],
      ['taro\u3000s', undefined, ['full-width-space']],
      [' taro', undefined, ['edge-space']],
      ['taro ', undefined, ['edge-space']],
      ['\u3000taro\u3000', undefined, ['edge-space']],
      [' ', undefined, ['edge-space']],
      ['\u3000', undefined, ['edge-space']],
      ['\u3000 taro s\u3000x ', undefined, ['space', 'full-width-space', 'edge-space']],
      // Invisible characters are not visible: spaces next to them still stand at the edge.
      [' \u200btaro', undefined, ['edge-space', 'invisible']],
      ['\u200b taro', undefined, ['edge-space', 'invisible']],
      ['taro \u200b', undefined, ['edge-space', 'invisible']],
      ['taro\u200b s', undefined, ['space', 'invisible']],
      // A mark is visible, a mark that is invisible (U+034F) is not.
      [' \u0301taro', undefined, ['edge-space']],
      [' \u0301 taro', undefined, ['space', 'edge-space']],
      [' \u034f taro', undefined, ['edge-space']],
      // The space takes U+034F along: no invisible finding.
      ['taro \u034fs', undefined, ['space']],
    ]);
  });

  describe('invisible', () => {
    userIdTable([
      ['taro\u200bs', undefined, ['invisible']],
      ['\ufefftaro', undefined, ['invisible']],
      ['\u202etaro', undefined, ['invisible']],
      ['taro\t', undefined, ['invisible']],
      ['taro\n', undefined, ['invisible']],
      ['\u0000\u001f\u007f\u0085\u009f', undefined, ['invisible']],
      ['ta\u00adro', undefined, ['invisible']],
      ['a\u034f', undefined, ['invisible']],
      ['\u061c\u115f\u1160\u17b4\u180e\u2028\u2064\u206f\u3164\uffa0\ufffb', undefined, ['invisible']],
      ['Ａ\u034f', undefined, ['full-width']],
      // Next to the class.
      ['\u00a1\u2010\u2065\u1800\ufff8\ufffc', undefined, []],
    ]);
  });

  describe('invisible: the joiner of an emoji sequence', () => {
    userIdTable([
      ['👨\u200d👩\u200d👧', undefined, []],
      ['❤\u200d🔥', undefined, []],
      ['😀\ufe0f\u200d😀', undefined, []],
      ['🧑🏻\u200d💻', undefined, []],
      ['a\ufe0f\u200d😀', undefined, []],
      ['a\u200d😀', undefined, ['invisible']],
      ['😀\u200d', undefined, ['invisible']],
      ['😀\u200da', undefined, ['invisible']],
      ['😀\u200d\u200d😀', undefined, ['invisible']],
      ['😀\u0301\u200d😀', undefined, ['invisible']],
      // The joiner is judged by the character the scan saw before it: `〽` took the mark along.
      ['〽\u0301\u200d😀', undefined, ['kana']],
      ['あ\ufe0f\u200d😀', undefined, ['kana', 'invisible']],
      ['a\u3099\ufe0f\u200d😀', undefined, ['kana', 'invisible']],
      // WebKit's `u` patterns read U+D835 U+FC00 as one code point, and a pictograph.
      ['😀\u200d\ud835\ufc00', undefined, ['invisible']],
      ['\uf900\u200d😀ａ', undefined, ['full-width', 'kana', 'invisible']],
    ]);
  });

  describe('full-domain', () => {
    userIdTable([
      ['taro_s@aa2.so-net.ne.jp', undefined, ['full-domain']],
      ['TARO_S@AA2.SO-NET.NE.JP', undefined, ['full-domain']],
      ['taro_s@aa2.So-Net.Ne.Jp', undefined, ['full-domain']],
      ['taro_s@aa2.so-net.ne.jp.', undefined, ['full-domain']],
      ['ｔａｒｏ＿ｓ＠ａａ２．ｓｏ－ｎｅｔ．ｎｅ．ｊｐ', undefined, ['full-width', 'full-domain']],
      ['ｔａｒｏ＿ｓ＠ａａ２．ｓｏ－ｎｅｔ．ｎｅ．ｊｐ ', undefined, ['full-width', 'edge-space', 'full-domain']],
      ['taro_s@aa2. so-net.ne.jp', undefined, ['space', 'full-domain']],
      ['taro_s@aa2.so-\u200bnet.ne.jp', undefined, ['invisible', 'full-domain']],
      ['taro_s@aa2.so-net.ne.jp.so-net.ne.jp', undefined, ['full-domain']],
      ['a@b@aa2.so-net.ne.jp', undefined, ['full-domain']],
      ['a@..so-net.ne.jp', undefined, ['full-domain']],
      ['a@😀.so-net.ne.jp', undefined, ['full-domain']],
      // A missing subdomain waits for blur.
      ['taro_s@so-net.ne.jp', undefined, []],
      ['taro_s@so-net.ne.jp.', undefined, []],
      ['taro_s@so-net.ne.jp.so-net.ne.jp', undefined, []],
      // Not the domain.
      ['taro_s@aa2.so-net.ne.jp..', undefined, []],
      ['taro_s@.so-net.ne.jp', undefined, []],
      ['taro_s@aa2so-net.ne.jp', undefined, []],
      ['taro_s@aa2.so-net.ne.jpx', undefined, []],
      ['taro_s@aa2.so-net.ne.jp@aa2', undefined, []],
      ['taro_s.so-net.ne.jp', undefined, []],
      // Started, not finished: reported at blur only.
      ['taro_s@aa2.so-net', undefined, []],
      // Only ASCII letters are folded: the Kelvin sign is not a k.
      ['a@b.\u212adi.jp', 'kdi.jp', []],
    ]);
  });

  describe('full-domain with the domain option', () => {
    userIdTable([
      ['taro@aa2.example.jp', 'example.jp', ['full-domain']],
      ['taro@aa2.so-net.ne.jp', 'example.jp', []],
      ['taro@aa2.so-net.ne.jp', '', []],
      ['taro@aa2.example.jp', ' @.ＥＸＡＭＰＬＥ.JP.. ', ['full-domain']],
      ['taro@aa2.example.jp', '\u3000example.jp', ['full-domain']],
      ['taro@aa2.example.jp', '@..', []],
      ['taro@example.jp', 'example.jp', []],
      ['taro@x.a.a', 'a.a', ['full-domain']],
      ['taro@a.a.a.a', 'a.a', []],
      ['taro@a.a.a', 'a.a', ['full-domain']],
      // A domain that can never match (a space, an @ inside).
      ['taro@x.so net', 'so net', ['space']],
      ['taro@x.so@net', 'so@net', []],
      // A joiner between emoji stays in the repaired value only when nothing else is repaired.
      ['a@x.😀\u200d😀', '😀\u200d😀', ['full-domain']],
      ['a@x.😀\u200d😀', '😀😀', []],
      ['a@x.😀\u200d😀 ', '😀😀', ['edge-space', 'full-domain']],
      ['a@x.❤\u200d😀 ', '❤\u200d😀', ['edge-space', 'full-domain']],
    ]);
  });

  describe('too-long', () => {
    userIdTable([
      [a(USER_ID_MAX_LENGTH), undefined, []],
      [a(USER_ID_MAX_LENGTH + 1), undefined, ['too-long']],
      [`${a(USER_ID_MAX_LENGTH - 17)}@aa2.so-net.ne.jp`, undefined, ['full-domain']],
      [`${a(USER_ID_MAX_LENGTH - 16)}@aa2.so-net.ne.jp`, undefined, ['too-long']],
      [` ${a(300)}`, undefined, ['edge-space', 'too-long']],
      ['あ'.repeat(300), undefined, ['kana', 'too-long']],
    ]);
  });

  describe('the character scan limit (64 Ki units)', () => {
    userIdTable([
      [`${a(LIMIT - 2)} b`, undefined, ['space', 'too-long']],
      [`${a(LIMIT)} b`, undefined, ['too-long']],
      [`${a(LIMIT - 1)}\u{20000}`, undefined, ['kana', 'too-long']],
      [`${a(LIMIT)}\u{20000}`, undefined, ['too-long']],
      [`${a(LIMIT - 1)} ${' '.repeat(10)}`, undefined, ['edge-space', 'too-long']],
      // Beyond the limit, a visible character still makes the space an inner one.
      [`${a(LIMIT - 1)} ${' '.repeat(10)}b`, undefined, ['space', 'too-long']],
      [' '.repeat(70000), undefined, ['edge-space', 'too-long']],
      [`${'\u200b'.repeat(70000)}x`, undefined, ['invisible', 'too-long']],
      [`${'😀'.repeat(LIMIT)}\u200b`, undefined, ['too-long']],
    ]);
  });

  describe('lone surrogates and combining marks', () => {
    userIdTable([
      ['\ud800', undefined, []],
      ['\udc00', undefined, []],
      ['a\udc00\ud800b', undefined, []],
      ['\ud800\u3000\udc00', undefined, ['full-width-space']],
      ['\ud800 ', undefined, ['edge-space']],
      ['\udc00\u200d😀', undefined, ['invisible']],
      ['o\u0308', undefined, []],
      ['\u0301\u0301', undefined, []],
    ]);
  });

  // WebKit's `u` patterns read U+D800–U+DBFF or U+F800–U+FBFF before U+DC00–U+DFFF or U+FC00–U+FFFF
  // as one code point: the character after a CJK compatibility ideograph (U+F900 豈, U+FA11 﨑) must
  // still be classified on its own.
  describe('characters after a CJK compatibility ideograph (WebKit misreads the pair in u patterns)', () => {
    userIdTable([
      ['山\ufa11＿ｔａｒｏ＠ａａ２', undefined, ['full-width', 'kana']],
      ['taro\ufa11\u3000@aa2', undefined, ['kana', 'full-width-space']],
      ['taro@aa2\ufa11．ｓｏ－ｎｅｔ．ｎｅ．ｊｐ', undefined, ['full-width', 'kana', 'full-domain']],
      ['\uf8ffａ', undefined, ['full-width']],
      ['\ufb01\u3000x', undefined, ['full-width-space']],
      ['x\uf8ff\ufeffy', undefined, ['invisible']],
      ['\ud800ａ', undefined, ['full-width']],
      ['😀\uf900ａ😀', undefined, ['full-width', 'kana']],
    ]);
  });
});

describe('detectPassword()', () => {
  describe('values without warnings', () => {
    passwordTable([
      ['', []],
      ['secret-hAt-battery', []],
      ['PASSWERD', []],
      ['Passwerd', []],
      ['mRNA-iPAD-pASS', []],
      ['abcDEF', []],
      ['😀', []],
    ]);
  });

  describe('character findings', () => {
    passwordTable([
      ['ｐａｓｓ', ['full-width']],
      ['ｐａｓｓ　ｗｏｒｄ', ['full-width', 'full-width-space']],
      ['pass￥', ['full-width']],
      ['ぱすわーど', ['kana']],
      ['ﾊﾟｽ', ['kana']],
      ['pass\u{20000}', ['kana']],
      ['secret heart', ['space']],
      ['pass\u00a0key', ['space']],
      ['pass\u3000key', ['full-width-space']],
      [' pass', ['edge-space']],
      ['pass\u3000', ['edge-space']],
      ['pass\u200bkey', ['invisible']],
      ['pass\t', ['invisible']],
      ['👨\u200d👩\u200d👧', []],
      ['a\u200d😀', ['invisible']],
      ['Ａ\u034f\u3099', ['full-width']],
    ]);
  });

  describe('characters after a CJK compatibility ideograph (WebKit misreads the pair in u patterns)', () => {
    passwordTable([
      ['\uf900ａ', ['full-width', 'kana']],
      ['\uf8ffｐａｓｓ', ['full-width']],
      ['\ufb01￥', ['full-width']],
      ['pass\uf8ff\u3000', ['edge-space']],
      ['pass\uf8ff\u3000x', ['full-width-space']],
      ['x\ufb01\uffa0', ['invisible']],
      ['\ufa11ｶ', ['kana']],
      ['𠮷\ufa11ａ𠮷', ['full-width', 'kana']],
      ['\ud800ａ', ['full-width']],
    ]);
  });

  describe('caps-lock-pattern', () => {
    passwordTable([
      ['pASSWERD', ['caps-lock-pattern']],
      ['pASSW', ['caps-lock-pattern']],
      ['pASS', []],
      ['cAPS wARD', ['space']],
      ['cAPSWARD wX', ['space', 'caps-lock-pattern']],
      ['hey pASSWERD', ['space']],
      ['pASSWERD9', ['caps-lock-pattern']],
      ['ｐＡＳＳＷＥＲＤ', ['full-width']],
      [`${'-'.repeat(LIMIT - 5)}pASSWERD`, ['caps-lock-pattern', 'too-long']],
      [`${'-'.repeat(LIMIT - 4)}pASSWERD`, ['too-long']],
      // Letters after the limit are not looked at.
      [`${'-'.repeat(LIMIT - 8)}pASSWERDab`, ['caps-lock-pattern', 'too-long']],
    ]);
  });

  describe('look-alike', () => {
    passwordTable([
      ['I', ['look-alike']],
      ['l', ['look-alike']],
      ['1', ['look-alike']],
      ['|', ['look-alike']],
      ['O', ['look-alike']],
      ['0', ['look-alike']],
      ['o', ['look-alike']],
      ['pASSWORD', ['caps-lock-pattern', 'look-alike']],
      ['pASSWORD1', ['caps-lock-pattern', 'look-alike']],
      ['o\u0308', []],
      ['o\u{e0100}', []],
      ['o\u0308o', ['look-alike']],
      // WebKit's `u` patterns read U+DB38 U+FD00 as one code point, and a mark.
      ['o\udb38\ufd00', ['look-alike']],
      ['Ｉ', ['full-width']],
      ['\u0301I', ['look-alike']],
      [`${'-'.repeat(LIMIT - 1)}I`, ['look-alike', 'too-long']],
      [`${'-'.repeat(LIMIT - 1)}I\u0301`, ['too-long']],
      [`${'-'.repeat(LIMIT - 1)}I\u{e0100}`, ['too-long']],
      [`${'-'.repeat(LIMIT)}I`, ['too-long']],
    ]);
  });

  describe('too-long', () => {
    passwordTable([
      ['a'.repeat(PASSWORD_HINT_LENGTH), []],
      ['a'.repeat(PASSWORD_HINT_LENGTH + 1), ['too-long']],
      [`${'a'.repeat(PASSWORD_HINT_LENGTH - 1)}😀`, ['too-long']],
    ]);
  });
});

describe('detectUserId() and detectPassword() against the analyzers', () => {
  it('use the analyzers’ default domain', () => {
    expect(detectUserId(`taro@aa2.${DEFAULT_USER_ID_DOMAIN}`)).to.deep.equal(['full-domain']);
    expect(detectUserId(`taro@aa2.${DEFAULT_USER_ID_DOMAIN}`, undefined)).to.deep.equal(['full-domain']);
  });

  it('classify every BMP code point as the analyzers do, alone and after a flagged character', () => {
    const differ: string[] = [];
    for (let cp = 0; cp <= 0xffff; cp++) {
      const c = String.fromCharCode(cp);
      // `${c}ａ`: WebKit's `u` patterns read U+F800–U+FBFF and U+D800–U+DBFF before U+FC00–U+FFFF as one code point.
      for (const value of [`x${c}y`, `Ａ${c}`, `${c} `, `${c}ａ`, `${c}\u3000x`]) {
        if (detectPassword(value).join() !== analyzerPassword(value).join()) differ.push(`password ${label(value)}`);
      }
      for (const value of [`x${c}y`, `${c}＠ａ.so-net.ne.jp`]) {
        if (detectUserId(value).join() !== analyzerUserId(value).join()) differ.push(`user ID ${label(value)}`);
      }
    }
    expect(differ.slice(0, 10)).to.deep.equal([]);
  });

  it('classify the supplementary planes as the analyzers do (every 7th code point and each range edge)', () => {
    const edges = [0x1aff0, 0x1b16f, 0x1f3fb, 0x1f3ff, 0x20000, 0x2fa1f, 0x30000, 0x323af, 0xe0100, 0xe01ef];
    const points = new Set<number>();
    for (let cp = 0x10000; cp <= 0x10ffff; cp += 7) points.add(cp);
    for (const edge of edges) for (let d = -1; d <= 1; d++) points.add(edge + d);
    const differ: string[] = [];
    for (const cp of points) {
      const c = String.fromCodePoint(cp);
      for (const value of [`x${c}y`, `o${c}`, `${c}\u200d😀`]) {
        if (detectPassword(value).join() !== analyzerPassword(value).join()) differ.push(`password ${label(value)}`);
      }
    }
    expect(differ.slice(0, 10)).to.deep.equal([]);
  });
});

/** Pieces of everything the rules look at, for the property test. */
const PIECES = [
  ...'abcxyzABCXYZ0123456789@._-#',
  ...'Il1|O0o',
  'so-net', '.so-net.ne.jp', 'SO-NET.NE.JP', '.So-Net.Ne.Jp.', '.ne.jp', '.jp', '@aa2', 'so-net.ne.jp.',
  '．ｓｏ－ｎｅｔ．ｎｅ．ｊｐ', 'ｓｏ－ＮＥＴ', '＠', '．', 'ｔａｒｏ', 'ＡＢＣ', '！', '～', '￥', '｟',
  'pASSWORD', 'cAPSLOCK', 'mRNA', 'Password',
  ' ', '\u3000', '\u00a0', '\u2003', '\u202f', '\t', '\n', '\r', '\u0000', '\u007f', '\u0085',
  '\u200b', '\u200c', '\u200d', '\u200e', '\u200f', '\u202a', '\u202e', '\u2066', '\u2069', '\u2060', '\ufeff',
  '\u00ad', '\u034f', '\u180e', '\u3164', '\uffa0', '\ufff9',
  'あ', 'ん', 'っ', 'ア', 'ヴ', 'ｶ', 'ﾞ', 'ﾟ', 'ー', '。', '、', '「', '々', '山', '田', '㈱', '\u{20000}', '\u{1b001}',
  '\u3099', '\u309a', '\u302a', '\u0301', '\u0308', '\u20dd', '\ufe0f', '\u{e0100}',
  '😀', '👨', '👩', '❤', '〽', '\u{1f3fb}', '👨\u200d👩', '©',
  '\ud800', '\udbff', '\udc00', '\udfff', '\ud83d',
  // What WebKit's `u` patterns misread: U+F800–U+FBFF before U+FC00–U+FFFF.
  // Escapes: an editor that normalizes to NFC turns U+F900 豈 into U+8C48 (this piece was once saved so).
  '\uf900', '\ufa11', '\uf8ff', '\ufb01', '\ufb1e', '\ufc00', '\ufe20', '\uffe8', '\ufffd', '\uffff',
];
const DOMAINS = [undefined, undefined, undefined, DEFAULT_USER_ID_DOMAIN, '', 'example.jp', 'ＳＯ－ＮＥＴ.ne.jp.', '@so-net.ne.jp', 'jp', 'ne.jp'];

/** A random value of pieces: mostly short, one in fifty around a length limit (`longLength` to 100 units more). */
function randomValue(random: () => number, longLength: number): string {
  const long = random() < 0.02;
  const length = long ? longLength + Math.floor(random() * 100) : Math.floor(random() * 24);
  let out = '';
  while (out.length < length) out += PIECES[Math.floor(random() * PIECES.length)];
  return out;
}

describe('detectors over random strings (property test)', () => {
  const COUNT = 12000;

  it(`detectUserId() agrees with analyzeUserId() on ${COUNT} random strings`, () => {
    const random = prng(20250106);
    const differ: string[] = [];
    const seen = new Set<string>();
    for (let n = 0; n < COUNT; n++) {
      const value = randomValue(random, USER_ID_MAX_LENGTH - 50);
      const domain = DOMAINS[Math.floor(random() * DOMAINS.length)];
      const detected = detectUserId(value, domain);
      for (const code of detected) seen.add(code);
      if (detected.join() !== analyzerUserId(value, domain).join()) differ.push(`${label(value)} with ${label(domain)}`);
    }
    expect(differ.slice(0, 10)).to.deep.equal([]);
    // Not vacuous: every code the detector can return came up.
    expect([...seen].sort()).to.deep.equal(
      ['edge-space', 'full-domain', 'full-width', 'full-width-space', 'invisible', 'kana', 'space', 'too-long'].sort()
    );
  });

  it(`detectPassword() agrees with analyzePassword() on ${COUNT} random strings`, () => {
    const random = prng(20250107);
    const differ: string[] = [];
    const seen = new Set<string>();
    for (let n = 0; n < COUNT; n++) {
      const value = randomValue(random, PASSWORD_HINT_LENGTH - 50);
      const detected = detectPassword(value);
      for (const code of detected) seen.add(code);
      if (detected.join() !== analyzerPassword(value).join()) differ.push(label(value));
    }
    expect(differ.slice(0, 10)).to.deep.equal([]);
    expect([...seen].sort()).to.deep.equal(
      ['caps-lock-pattern', 'edge-space', 'full-width', 'full-width-space', 'invisible', 'kana', 'look-alike', 'space', 'too-long'].sort()
    );
  });

  it('agree with the analyzers on 2,000 strings of any plane, controls and stacked marks', () => {
    const random = prng(4711);
    const differ: string[] = [];
    for (let n = 0; n < 2000; n++) {
      const value = randomText(random, Math.floor(random() * 80));
      if (detectUserId(value).join() !== analyzerUserId(value).join()) differ.push(`user ID ${label(value)}`);
      if (detectPassword(value).join() !== analyzerPassword(value).join()) differ.push(`password ${label(value)}`);
    }
    expect(differ.slice(0, 10)).to.deep.equal([]);
  });

  it('agree with the analyzers on long random values around the 64 Ki limit', () => {
    const random = prng(99);
    const differ: string[] = [];
    for (let n = 0; n < 40; n++) {
      let value = '';
      while (value.length < LIMIT - 40) value += PIECES[Math.floor(random() * PIECES.length)].repeat(50);
      value = value.slice(0, LIMIT - 8 + Math.floor(random() * 16));
      while (value.length < LIMIT + 40) value += PIECES[Math.floor(random() * PIECES.length)];
      if (detectUserId(value).join() !== analyzerUserId(value).join()) differ.push(`user ID ${label(value.slice(LIMIT - 20))}`);
      if (detectPassword(value).join() !== analyzerPassword(value).join()) differ.push(`password ${label(value.slice(LIMIT - 20))}`);
    }
    expect(differ.slice(0, 10)).to.deep.equal([]);
  });
});

describe('detectors on 1 MB of input', () => {
  const MB = 1 << 20;
  const fill = (unit: string): string => unit.repeat(Math.ceil(MB / unit.length)).slice(0, MB);
  const inputs: Record<string, string> = {
    'ASCII text': fill('taro_s@aa2 Il1 '),
    'Japanese text': fill('ログインできない場合は、しばらく時間を置いてから再度お試しください。'),
    'full-width text': fill('ｔａｒｏ＿ｓ＠ａａ２．ｓｏ－ｎｅｔ．ｎｅ．ｊｐ　'),
    spaces: fill(' '),
  };
  for (const [inputName, input] of Object.entries(inputs)) {
    it(`finish ${inputName} in under 100 ms, as the analyzers do`, () => {
      let best = Infinity;
      for (let run = 0; run < 3; run++) {
        const start = performance.now();
        expect(detectUserId(input)).to.include('too-long');
        expect(detectPassword(input)).to.include('too-long');
        best = Math.min(best, performance.now() - start);
      }
      console.log(`[perf] detectUserId + detectPassword — ${inputName} (1 MiB): ${best.toFixed(1)} ms`);
      expect(best).to.be.lessThan(100);
    });
  }
});
