/**
 * What the input analyzers (`analyzeUserId()`, `analyzePassword()`) report about a value, as
 * data: the login form turns each finding into an inline warning in Japanese and English.
 *
 * The failures come from So-net's support pages (seeds: login-errors, login-troubleshooting):
 * IDs and passwords are "すべて半角英数", case-sensitive, full-width characters and spaces make the
 * login fail, the user ID is entered up to the subdomain (`taro_s@aa2`), and `I`/`l` get confused.
 */

/**
 * Every finding code, in the order findings are reported (most fundamental first).
 * The meaning of each code, and its level per field, is in {@link FINDING_RULES}.
 */
export const FINDING_CODES = [
  'empty',
  'full-width',
  'kana',
  'space',
  'full-width-space',
  'edge-space',
  'invisible',
  'full-domain',
  'missing-subdomain',
  'invalid-user-id',
  'caps-lock-pattern',
  'look-alike',
  'too-long',
] as const;

/** A finding code; see {@link FINDING_RULES} for what each one means. */
export type FindingCode = (typeof FINDING_CODES)[number];

/**
 * How sure the analyzer is that the value is wrong:
 * - `error`: the login will fail with this value (So-net accepts only half-width alphanumerics);
 * - `hint`: probably wrong, or incomplete — worth a look before submitting;
 * - `info`: nothing wrong; context for the password reveal view (look-alike characters).
 */
export type FindingLevel = 'error' | 'hint' | 'info';

/** One thing the analyzer noticed about a value. */
export interface Finding {
  /** What was found. */
  code: FindingCode;
  /** How sure the analyzer is that the login will fail because of it. */
  level: FindingLevel;
  /**
   * Where, as UTF-16 index ranges `[start, end)` into the analyzed value: merged (touching ranges
   * are joined), ascending, never splitting a surrogate pair, and covering the combining marks that
   * follow a flagged character. Empty for findings about the value as a whole (`empty`,
   * `missing-subdomain`, and `invalid-user-id` when no single character is to blame). In a value
   * longer than `CHARACTER_SCAN_LIMIT` (64 Ki units: a paste of the wrong text, reported as
   * `too-long`), the character findings look at its first 64 Ki units only.
   */
  ranges: Array<[start: number, end: number]>;
  /**
   * The flagged characters (whole code points), unique, in order of first appearance. Empty for
   * structural findings (`empty`, `full-domain`, `missing-subdomain`, `caps-lock-pattern`,
   * `too-long`). For a password these are password characters: show them only while the password
   * is revealed.
   */
  chars: string[];
  /**
   * A suggested replacement for the whole value that removes this finding (analyzing `fix` with the
   * same options never reports this code again). The user ID's fixes all carry the same suggestion,
   * which repairs every repairable finding at once (`ｔａｒｏ＿ｓ＠ａａ２ ` → `taro_s@aa2`). Offer it to
   * the user; never apply it silently. Password findings never have a fix: the password is checked
   * exactly as typed (ASVS 5.0 V6.2.8).
   */
  fix?: string;
}

/** The level of a code for each field; `null` where that analyzer never reports the code. */
export interface FindingRule {
  readonly userId: FindingLevel | null;
  readonly password: FindingLevel | null;
}

/** The finding codes with their meaning and their level per field. */
export const FINDING_RULES = {
  /** The value is `''` (after coercing `null`/`undefined`). A value of only spaces is not empty: it gets the space findings. */
  empty: {userId: 'error', password: 'error'},
  /**
   * Full-width forms: full-width ASCII `ＡＢＣａｂｃ１２３＠＿` (U+FF01–U+FF5E) and the full-width signs
   * `｟｠￠￡￢￣￤￥￦`. The user ID's fix converts full-width ASCII to ASCII; a value with a full-width
   * sign (which has no ASCII twin) gets no fix for this code.
   */
  'full-width': {userId: 'error', password: 'error'},
  /**
   * Japanese characters — hiragana, katakana, half-width katakana `ｶﾀｶﾅ`, kanji and Japanese
   * punctuation `、。「」ー` — which mean the IME was left in かな mode. For the user ID, when
   * `options.toRomaji` is given, the fix holds the romaji the user probably typed (`たろう` →
   * `tarou`). Kanji (and iteration marks such as `々`) cannot be turned back into the keys that were
   * typed, so a value containing them gets no fix for this code.
   */
  kana: {userId: 'error', password: 'error'},
  /**
   * A half-width space (U+0020, or another space separator such as no-break space U+00A0) between
   * other characters. The user ID never contains spaces: its fix removes them. In a password a space
   * may be intended, so it is a hint.
   */
  space: {userId: 'error', password: 'hint'},
  /** The full-width space U+3000 between other characters (space bar with the IME on). The user ID's fix removes it. */
  'full-width-space': {userId: 'error', password: 'error'},
  /**
   * Spaces of any kind (half-width, full-width) before the first or after the last visible
   * character, typically copied along with the value. The user ID's fix trims them.
   */
  'edge-space': {userId: 'error', password: 'hint'},
  /**
   * Invisible characters: zero-width U+200B–U+200D, U+2060, U+FEFF, bidi controls (U+200E/F,
   * U+202A–U+202E, U+2066–U+2069), C0/C1 controls and other default-ignorable characters (see
   * `isInvisible`). A zero-width joiner inside an emoji sequence is not reported. The user ID's fix
   * removes them.
   */
  invisible: {userId: 'error', password: 'hint'},
  /**
   * The user ID was entered with the full domain (`taro_s@aa2.so-net.ne.jp`; any case, full-width
   * characters, a trailing dot); So-net asks for the ID up to the subdomain only. The range covers
   * `.so-net.ne.jp` and the fix drops it (`taro_s@aa2`). At `blur`/`submit` a started domain
   * (`taro_s@aa2.so-net`) counts too.
   */
  'full-domain': {userId: 'error', password: null},
  /**
   * The user ID has no `@subdomain` part (`taro_s`, or `taro_s@so-net.ne.jp`). Reported only at
   * `blur`/`submit`, never while typing (the user has not reached the `@` yet). No fix: only the
   * user knows their subdomain (`aa2`, `ab3`, …).
   */
  'missing-subdomain': {userId: 'hint', password: null},
  /**
   * The user ID (after the repairs of the other findings) does not match the ID pattern: `taro_s@`,
   * several `@`, symbols such as `#`, letters outside ASCII. Reported only at `blur`/`submit`, and
   * only when no unrepairable finding already explains the failure. With the default pattern, the
   * ranges point at the offending characters (with their combining marks), and `chars` lists them
   * as they read after the suggested repairs: a typed `＋` is listed as `+`, a `「` typed for `[`
   * as `[` (its range then covers the whole kana run it was converted with).
   */
  'invalid-user-id': {userId: 'hint', password: null},
  /**
   * The password looks typed with Caps Lock on: a run of five or more ASCII letters made of one
   * lower-case letter followed only by capitals (`pASSWORD1`, `cORRECT hORSE`), while no run of
   * letters has a lower-case letter after its first letter. The ranges cover those runs.
   * Deliberately conservative — not reported: `Password1`, `PASSWORD` (all capitals is a common
   * choice), `mRNA`, `iPAD`, `pASS` (too short to tell from a real word), `abcDEF` (Caps Lock turned
   * on mid-word looks exactly like deliberate mixed case) and `hello pASSWORD` (an ordinary word
   * beside it). The form's live Caps Lock detection covers what this rule leaves out.
   */
  'caps-lock-pattern': {userId: null, password: 'hint'},
  /**
   * Characters easily confused with one another — `I` (capital i), `l` (small L), `1`, `|`, `O`,
   * `0`, `o` — listed so the reveal view can point them out (the seed's example: registering `l`
   * while meaning `I`). A character followed by a combining mark (`ö`) is not a look-alike.
   */
  'look-alike': {userId: 'info', password: 'info'},
  /**
   * Longer than the field can plausibly be, in UTF-16 code units like the `maxlength` attribute:
   * user ID over 256 (`USER_ID_MAX_LENGTH`), password over 1024 (`PASSWORD_HINT_LENGTH`) — usually
   * a paste of the wrong text. The range covers the excess. A user ID that long gets only the
   * character findings besides: no fix, no domain or pattern check (it is not an ID to repair).
   * Passwords are never truncated and any length is still submitted (ASVS 5.0 V6.2.9).
   */
  'too-long': {userId: 'hint', password: 'hint'},
} as const satisfies Record<FindingCode, FindingRule>;

const ORDER = new Map<FindingCode, number>(FINDING_CODES.map((code, index) => [code, index]));

/** Orders findings as {@link FINDING_CODES} lists their codes (the order the analyzers return). */
export function compareFindings(a: Finding, b: Finding): number {
  return (ORDER.get(a.code) ?? 0) - (ORDER.get(b.code) ?? 0);
}

/** Whether `value` is a known finding code (for data coming from outside, e.g. a story's args). */
export function isFindingCode(value: unknown): value is FindingCode {
  return typeof value === 'string' && ORDER.has(value as FindingCode);
}
