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
 * The classes of half-width.ts, one group each, tried on one code point: its group's index in the
 * match is its code's index in {@link CODES} plus 1: 1 full-width form (`isFullWidthForm`),
 * 2 Japanese (`isJapanese`), 3 space, 4 U+3000, 6 invisible, 9 look-alike (`I l 1 | O 0 o`).
 * Groups 5, 7 and 8 never take part.
 *
 * Only ever tried on one code point: WebKit's regexp engine (YARR, WebKitGTK 2.50) reads a unit of
 * U+D800–U+DBFF or U+F800–U+FBFF followed by one of U+DC00–U+DFFF or U+FC00–U+FFFF as one code
 * point in a `u` pattern (`/ａ/u.test('\uf900ａ')`, 豈 U+F900 before ａ, is false there), while `for…of` splits strings right.
 */
const CLASS = new RegExp(
  raw`([\uff01-\uff60\uffe0-\uffe6])|([\u2e80-\u2fdf\u3001-\u303f\u3041-\u30ff\u3190-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff61-\uff9f\u{1aff0}-\u{1b16f}\u{20000}-\u{2fa1f}\u{30000}-\u{323af}])|([${SPACE}])|(\u3000)|()([${INVISIBLE}])|()()([Il1|O0o])`,
  'u'
);
/** A combining mark (`isCombiningMark`). */
const MARK = /\p{M}/u;
/**
 * A zero-width joiner inside an emoji sequence (`isEmojiJoinerContext`): after a pictograph, VS16
 * or a skin tone, before a pictograph. Tested on three code points: before, joiner, after.
 */
const EMOJI_JOINER = /[\ufe0f\u{1f3fb}-\u{1f3ff}\p{ExtPict}]\u200d\p{ExtPict}/u;
/** The blank units before the first other unit, and everything up to the last other unit. */
const EDGES = new RegExp(`^([${BLANK}*)(?:[^]*[^${BLANK})?`);
/** Spaces and invisible characters, to drop. */
const BLANKS = new RegExp(`[${BLANK}`, 'g');

/** The first code point of `s`, or `''` (see {@link CLASS} on why not a `u` pattern). */
const first = (s: string): string => [...s][0] ?? '';

/**
 * Full-width ASCII to ASCII, and ASCII letters to lower case: the domain check ignores both.
 * (U+FF01–U+FF5E are U+0021–U+007E moved up by 0xFEE0.)
 */
const fold = (text: string): string =>
  text.replace(/[A-Z\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) % 0xfee0).toLowerCase());

/**
 * The character findings of `scanCharacters()` over the first {@link LIMIT} units of `s`
 * (`look-alike` included). A flagged character takes the combining marks after it along, so they
 * are not classified again, and a joiner is judged by the character before it in that sense
 * (`〽` + U+0301 + U+200D + 😀: the joiner follows `〽`). Spaces before the first or after the last
 * unit that is not blank are edge spaces.
 */
function scan(s: string): Set<FindingCode> {
  const found = new Set<FindingCode>();
  const [{length: trail}, {length: lead}] = EDGES.exec(s)!;
  let at = 0;
  let previous = '';
  let flagged = false;
  let lookAlike = false;
  for (const c of s) {
    const mark = MARK.test(c);
    // `o` + U+0308 reads as `ö`: a look-alike counts when no mark follows it (even past the limit).
    if (lookAlike && !mark) found.add('look-alike');
    if (at >= LIMIT) return found;
    const i = at;
    at += c.length;
    if (flagged && mark) continue;
    let k = CLASS.exec(c)?.indexOf(c, 1) ?? 0;
    if (k === 6 && EMOJI_JOINER.test(previous + c + first(s.slice(at, at + 2)))) k = 0;
    previous = c;
    lookAlike = k > 8;
    flagged = k > 0 && !lookAlike;
    if (flagged) found.add(CODES[k > 2 && k < 5 && (i < lead || i >= trail) ? 4 : k - 1]);
  }
  if (lookAlike) found.add('look-alike');
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
  const found = scan(value);
  found.delete('look-alike');
  if (value.length > USER_ID_MAX) {
    found.add('too-long');
  } else {
    const d = fold(domain.trim()).replace(/^[@.]+|\.+$/g, '');
    // The analyzer looks for the domain in the repaired value (when there is anything to repair),
    // after the last `@`, less one trailing dot: `aa2.so-net.ne.jp` is a full domain, but
    // `so-net.ne.jp` (or only copies of it) is a missing subdomain, which waits for blur.
    // (At `i` 0, `value[-1]` is undefined: "undefined" ends in no pictograph.)
    const repaired = found.size
      ? value.replace(BLANKS, (c, i: number) => (EMOJI_JOINER.test(value[i - 1] + c + first(value.slice(i + 1, i + 3))) ? c : ''))
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
  const found = scan(value);
  const head = value.slice(0, LIMIT);
  // A run of letters like `pASSWORD` (a lower-case letter, then four or more capitals), unless a
  // lower-case letter follows a letter anywhere (an ordinary or mixed-case word).
  if (!/[A-Za-z][a-z]/.test(head) && /[a-z][A-Z]{4}/.test(head)) found.add('caps-lock-pattern');
  if (value.length > PASSWORD_MAX) found.add('too-long');
  return ordered(found);
}
