/**
 * Which warnings a value needs, and nothing else: the first-load half of the input analysis.
 *
 * While the member types, the login form only has to know which warning texts to show. That
 * answer fits in a few character classes (the same as half-width.ts) and one pass, so it is kept
 * here, small, for the first load (issue #6: the form with its live warnings ≤ 10 KB gzip with
 * lit). The full analyzers (`analyzeUserId()`, `analyzePassword()`), which also find the
 * characters, their ranges and the suggested repair, are loaded later, when they are needed.
 *
 * Both functions answer exactly what the analyzers answer; test/lib/detect.test.ts compares them
 * rule by rule and on random strings. Import nothing from the analyzers' modules here: that would
 * pull them into the first load.
 */
import type {FindingCode} from './findings.js';

/** The codes these functions return, in `FINDING_CODES` order. */
const CODES = [
  'full-width',
  'kana',
  'space',
  'full-width-space',
  'edge-space',
  'invisible',
  'full-domain',
  'caps-lock-pattern',
  'look-alike',
  'too-long',
] as const satisfies readonly FindingCode[];

/** `DEFAULT_USER_ID_DOMAIN` of user-id.ts (a test keeps them equal). */
const DOMAIN = 'so-net.ne.jp';
/** `USER_ID_MAX_LENGTH` of user-id.ts. */
const USER_ID_MAX = 256;
/** `PASSWORD_HINT_LENGTH` of password.ts. */
const PASSWORD_MAX = 1024;
/** `CHARACTER_SCAN_LIMIT` of character-scan.ts: characters are classified in the first 64 Ki units. */
const LIMIT = 0x10000;

const raw = String.raw;
/** `isSpace()` of half-width.ts but U+3000, as the inside of a character class. */
const SPACE = raw` \xa0\u1680\u2000-\u200a\u202f\u205f`;
/** `isInvisible()` of half-width.ts, as the inside of a character class. */
const INVISIBLE = raw`\0-\x1f\x7f-\x9f\xad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\u3164\ufeff\uffa0\ufff9-\ufffb`;
/**
 * Spaces and invisible characters ("blank", all in the BMP): what edge spaces stand next to, and
 * what the user ID's repair drops. Used without the `u` flag, by UTF-16 units like the analyzers.
 */
const BLANK = `${SPACE}\\u3000${INVISIBLE}]`;

/**
 * One character as `scanCharacters()` (character-scan.ts) sees it. A flagged character takes the
 * combining marks after it along (they are not classified again); its group says its class, and
 * the group's index in the `replace()` arguments is its code's index in {@link CODES}:
 * 0 full-width form (`isFullWidthForm`), 1 Japanese (`isJapanese`), 2 space, 3 U+3000,
 * 5 invisible, 8 look-alike (`I l 1 | O 0 o`, unless a mark follows: `ö`). Groups 4, 6 and 7
 * never take part. Any other character is a token of its own (`[^]`), its marks too.
 */
const TOKEN = new RegExp(
  raw`(?:([\uff01-\uff60\uffe0-\uffe6])|([\u2e80-\u2fdf\u3001-\u303f\u3041-\u30ff\u3190-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff61-\uff9f\u{1aff0}-\u{1b16f}\u{20000}-\u{2fa1f}\u{30000}-\u{323af}])|([${SPACE}])|(\u3000)|()([${INVISIBLE}]))\p{M}*|()()([Il1|O0o])(?!\p{M})|[^]`,
  'gu'
);
/**
 * A zero-width joiner inside an emoji sequence (`isEmojiJoinerContext`): after a pictograph, VS16
 * or a skin tone, before a pictograph. Tested on `before + joiner + the two units after it`.
 */
const EMOJI_JOINER = /[\ufe0f\u{1f3fb}-\u{1f3ff}\p{ExtPict}]\u200d\p{ExtPict}/u;
/** The blank units before the first other unit, and everything up to the last other unit. */
const EDGES = new RegExp(`^([${BLANK}*)(?:[^]*[^${BLANK})?`);
/** Spaces and invisible characters, to drop. */
const BLANKS = new RegExp(`[${BLANK}`, 'g');

/**
 * The value for the `u` regular expressions above, each unit as classified before: WebKit (its
 * regexp engine, YARR, in WebKitGTK 2.50) reads any unit of U+D800–U+DBFF or U+F800–U+FBFF
 * followed by one of U+DC00–U+DFFF or U+FC00–U+FFFF as one code point there (so
 * `/ａ/u.test('豈ａ')` is false). Those first units become look-alikes of their class that it
 * reads right: a CJK compatibility ideograph (U+F900–U+FAFF) `あ`, the mark U+FB1E a mark,
 * anything else (a high surrogate without its low one, private use, presentation forms) U+FFFF,
 * which belongs to no class either.
 */
const solid = (value: string): string =>
  value.replace(/[\ud800-\udbff](?![\udc00-\udfff])|[\uf800-\ufbff]/g, (c) =>
    c > '\uf8ff' && c < '\ufb00' ? 'あ' : c === '\ufb1e' ? '\u0301' : '\uffff'
  );

/** Full-width ASCII to ASCII and ASCII letters to lower case: the domain check ignores both. */
const fold = (text: string): string =>
  text
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[A-Z]/g, (c) => c.toLowerCase());

/**
 * The character findings of `scanCharacters()` over the first {@link LIMIT} units of `value`
 * (`look-alike` included); `s` is its {@link solid} form. Spaces before the first or after the last unit that is not blank are
 * edge spaces; a joiner is judged by the character before it as the scan sees it (`〽` + U+0301 +
 * U+200D + 😀: the joiner follows `〽`, whose mark went along with it).
 */
function scan(value: string, s: string): Set<FindingCode> {
  const found = new Set<FindingCode>();
  const [{length: trail}, {length: lead}] = EDGES.exec(value)!;
  let previous = '';
  // Two units past the limit: a pair, or the mark after a look-alike, may straddle it.
  s.slice(0, LIMIT + 2).replace(TOKEN, (token, ...groups) => {
    const i: number = groups[9];
    // The code's index; 9 or 10 (the offset or the string) for a character of no class.
    const k = groups.findIndex((group) => group);
    if (i < LIMIT && k < 9 && (k !== 5 || !EMOJI_JOINER.test(previous + s.slice(i, i + 3)))) {
      found.add(CODES[k > 1 && k < 4 && (i < lead || i >= trail) ? 4 : k]);
    }
    previous = k < 9 ? groups[k] : token;
    return '';
  });
  return found;
}

/** The codes in `found`, in `FINDING_CODES` order. */
const ordered = (found: Set<FindingCode>): FindingCode[] => CODES.filter((code) => found.has(code));

/**
 * Which warnings the user ID needs while it is being typed: exactly the codes of
 * `analyzeUserId(value, {phase: 'typing', domain})` but `empty` and `look-alike` (which the form
 * does not show for a user ID), in `FINDING_CODES` order. For the first load: it decides which
 * warning texts to show while the member types. The full analyzer, loaded later, finds the
 * characters, their ranges and the suggested repair (`fix`).
 *
 * Total (never throws; lone surrogates are characters of their own) and linear in the length of
 * the value.
 *
 * @param domain The mail domain that must not follow the subdomain, as `UserIdOptions.domain`
 *   (case, full-width characters, leading `@`/`.` and trailing dots do not matter; `''` turns the
 *   `full-domain` check off).
 *
 * @example
 * detectUserId('ｔａｒｏ＿ｓ＠ａａ２．ｓｏ－ｎｅｔ．ｎｅ．ｊｐ '); // ['full-width', 'edge-space', 'full-domain']
 * detectUserId('taro_s@aa2');                           // []
 */
export function detectUserId(value: string, domain = DOMAIN): FindingCode[] {
  const s = solid(value);
  const found = scan(value, s);
  found.delete('look-alike');
  if (value.length > USER_ID_MAX) {
    found.add('too-long');
  } else {
    const d = fold(domain.trim()).replace(/^[@.]+|\.+$/g, '');
    // The analyzer looks for the domain in the repaired value (when there is anything to repair),
    // after the last `@`, less one trailing dot: `aa2.so-net.ne.jp` is a full domain, but
    // `so-net.ne.jp` (or only copies of it) is a missing subdomain, which waits for blur.
    const repaired = found.size
      ? value.replace(BLANKS, (c, i: number) => (EMOJI_JOINER.test(s[i - 1] + s.slice(i, i + 3)) ? c : ''))
      : value;
    const host = /@([^@]*?)\.?$/.exec(fold(repaired))?.[1];
    const tail = `.${d}`;
    if (d && host?.endsWith(tail) && host !== tail && `.${host}`.replaceAll(tail, '')) found.add('full-domain');
  }
  return ordered(found);
}

/**
 * Which warnings the password needs: exactly the codes of `analyzePassword(value)` but `empty`,
 * in `FINDING_CODES` order (`look-alike` included: the form shows it only while the password is
 * revealed). For the first load: it decides which warning texts to show while the member types.
 * The full analyzer, loaded later, finds the characters and their ranges.
 *
 * Total (never throws; lone surrogates are characters of their own) and linear in the length of
 * the value.
 *
 * @example
 * detectPassword('pASSWORD1');    // ['caps-lock-pattern', 'look-alike']
 * detectPassword('ｐａｓｓ　ｗｏｒｄ'); // ['full-width', 'full-width-space']
 */
export function detectPassword(value: string): FindingCode[] {
  const found = scan(value, solid(value));
  const head = value.slice(0, LIMIT);
  // A run of letters like `pASSWORD` (a lower-case letter, then four or more capitals), unless a
  // lower-case letter follows a letter anywhere (an ordinary or mixed-case word).
  if (!/[A-Za-z][a-z]/.test(head) && /[a-z][A-Z]{4}/.test(head)) found.add('caps-lock-pattern');
  if (value.length > PASSWORD_MAX) found.add('too-long');
  return ordered(found);
}
