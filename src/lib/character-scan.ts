/**
 * Internal: what both analyzers share — one linear pass over a value that sorts its characters
 * into the classes they report (full-width, kana, spaces, invisible, look-alike), and how a class
 * or any other rule becomes a finding of a field. Not re-exported from the package.
 */
import {
  isCombiningMark,
  isEmojiJoinerContext,
  isFullWidthForm,
  isInvisible,
  isJapanese,
  isLookAlike,
  isSpace,
} from './half-width.js';
import type {Finding, FindingCode, FindingRule} from './findings.js';
import {FINDING_RULES} from './findings.js';
import {FindingTrace, codePointAt, unitLength} from './text-scan.js';

/** The field an analyzer looks at: the key of its level in `FINDING_RULES`. */
export type FindingField = keyof FindingRule;

/** Where a finding points: the ranges and characters a `FindingTrace` collected. */
export interface FindingPlaces {
  readonly ranges: Array<[start: number, end: number]>;
  readonly chars: string[];
}

/**
 * The finding `code` of `field`, at its level in `FINDING_RULES`, pointing where `places` does
 * (nowhere when omitted).
 *
 * @example
 * makeFinding('password', 'space', trace); // {code: 'space', level: 'hint', ranges, chars}
 */
export function makeFinding(field: FindingField, code: FindingCode, places?: FindingPlaces): Finding {
  return {code, level: FINDING_RULES[code][field] ?? 'hint', ranges: places?.ranges ?? [], chars: places?.chars ?? []};
}

/** The classes of {@link classOf}; plain numbers so the per-character switch stays cheap. */
export const CharClass = {
  None: 0,
  Space: 1,
  FullWidthSpace: 2,
  Invisible: 3,
  FullWidthAscii: 4,
  FullWidthSign: 5,
  Japanese: 6,
  LookAlike: 7,
} as const;
export type CharClass = (typeof CharClass)[keyof typeof CharClass];

/**
 * The one class of `cp` among the analyzers' character classes (they are disjoint). Same answers
 * as the predicates in half-width.ts, but dispatched by block first: a 1 MB paste of kana or
 * full-width text must not walk every predicate for every character.
 */
export function classOf(cp: number): CharClass {
  if (cp < 0x80) {
    if (cp === 0x20) return CharClass.Space;
    if (cp < 0x20 || cp === 0x7f) return CharClass.Invisible;
    return isLookAlike(cp) ? CharClass.LookAlike : CharClass.None;
  }
  if (cp >= 0x3000 && cp <= 0x9fff) {
    if (cp === 0x3000) return CharClass.FullWidthSpace;
    if (cp === 0x3164) return CharClass.Invisible;
    return isJapanese(cp) ? CharClass.Japanese : CharClass.None;
  }
  if (cp >= 0xff00 && cp <= 0xffef) {
    if (cp >= 0xff01 && cp <= 0xff5e) return CharClass.FullWidthAscii;
    if (isFullWidthForm(cp)) return CharClass.FullWidthSign;
    if (cp === 0xffa0) return CharClass.Invisible;
    return isJapanese(cp) ? CharClass.Japanese : CharClass.None;
  }
  if (isSpace(cp)) return CharClass.Space;
  if (isInvisible(cp)) return CharClass.Invisible;
  if (isJapanese(cp)) return CharClass.Japanese;
  return CharClass.None;
}

export interface CharacterScan {
  fullWidth: FindingTrace;
  /** Whether a full-width form without an ASCII twin (`￥`, `｟`) was seen. */
  fullWidthSign: boolean;
  kana: FindingTrace;
  space: FindingTrace;
  fullWidthSpace: FindingTrace;
  edgeSpace: FindingTrace;
  invisible: FindingTrace;
  lookAlike: FindingTrace;
}

/** Whether the BMP unit `u` is a space or an invisible character (both classes are BMP-only). */
function isBlankUnit(u: number): boolean {
  return isSpace(u) || isInvisible(u);
}

/** Whether the unit `u` can start a combining mark; false for ASCII, kana/kanji and full-width forms. */
function mayStartMark(u: number): boolean {
  return u >= 0x300 && !(u >= 0x3040 && u <= 0x9fff && u !== 0x3099 && u !== 0x309a) && !(u >= 0xff00 && u <= 0xffef);
}

/** End of the combining marks that follow index `end` (or `end` itself when none follow). */
export function endOfMarks(s: string, end: number): number {
  while (end < s.length && mayStartMark(s.charCodeAt(end))) {
    const cp = codePointAt(s, end);
    if (!isCombiningMark(cp)) break;
    end += unitLength(cp);
  }
  return end;
}

/**
 * Whether the zero-width joiner at `i` sits inside an emoji sequence (👨‍👩‍👧), where it is visible
 * as part of the emoji rather than a stray invisible character.
 */
export function isEmojiJoinerAt(s: string, i: number, previous: number): boolean {
  return i + 1 < s.length && isEmojiJoinerContext(previous, codePointAt(s, i + 1));
}

/**
 * How much of a value the character classes are looked for in: the first 64 Ki UTF-16 units.
 * A longer value is a paste of the wrong text (a mail, a document), which the `too-long` finding
 * reports; scanning all of a 1 MB paste for ranges nobody will look at would cost the page a
 * frame or more (about 80 ms in Chromium for Japanese text), while this bound keeps the scan
 * under a few milliseconds.
 */
export const CHARACTER_SCAN_LIMIT = 0x10000;

/**
 * Sorts the characters of `s` into the analyzers' classes, in one pass over its first `limit`
 * UTF-16 units (a character that starts before `limit` is taken whole, with its combining marks).
 * Leading and trailing spaces are told apart on the whole value.
 */
export function scanCharacters(s: string, limit = CHARACTER_SCAN_LIMIT): CharacterScan {
  const scan: CharacterScan = {
    fullWidth: new FindingTrace(),
    fullWidthSign: false,
    kana: new FindingTrace(),
    space: new FindingTrace(),
    fullWidthSpace: new FindingTrace(),
    edgeSpace: new FindingTrace(),
    invisible: new FindingTrace(),
    lookAlike: new FindingTrace(),
  };
  const n = s.length;
  // Spaces before the first / after the last visible character are edge spaces; invisible
  // characters do not count as visible, so " \u200B taro" has two edge spaces.
  let lead = 0;
  while (lead < n && isBlankUnit(s.charCodeAt(lead))) lead++;
  let trail = n;
  while (trail > lead && isBlankUnit(s.charCodeAt(trail - 1))) trail--;

  let previous = -1;
  const stop = Math.min(n, limit);
  for (let i = 0; i < stop; ) {
    let cp = s.charCodeAt(i);
    let end = i + 1;
    if (cp >= 0xd800 && cp <= 0xdbff && end < n) {
      const low = s.charCodeAt(end);
      if (low >= 0xdc00 && low <= 0xdfff) {
        cp = ((cp - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
        end++;
      }
    }
    const cls = classOf(cp);
    let trace: FindingTrace | undefined;
    switch (cls) {
      case CharClass.None:
        break;
      case CharClass.LookAlike:
        // `o` + U+0308 reads as `ö`, which nobody confuses with `0`.
        if (end >= n || !mayStartMark(s.charCodeAt(end)) || endOfMarks(s, end) === end) scan.lookAlike.add(i, end, cp);
        break;
      case CharClass.Space:
      case CharClass.FullWidthSpace:
        trace =
          i < lead || i >= trail ? scan.edgeSpace : cls === CharClass.FullWidthSpace ? scan.fullWidthSpace : scan.space;
        break;
      case CharClass.Invisible:
        if (!(cp === 0x200d && isEmojiJoinerAt(s, i, previous))) trace = scan.invisible;
        break;
      case CharClass.FullWidthSign:
        scan.fullWidthSign = true;
        trace = scan.fullWidth;
        break;
      case CharClass.FullWidthAscii:
        trace = scan.fullWidth;
        break;
      case CharClass.Japanese:
        trace = scan.kana;
        break;
    }
    previous = cp;
    if (trace === undefined) {
      i = end;
    } else {
      // The marks after a flagged character belong to it (か + U+3099, Ａ + U+0301): one range, one char.
      const stop = end < n && mayStartMark(s.charCodeAt(end)) ? endOfMarks(s, end) : end;
      trace.add(i, stop, cp);
      i = stop;
    }
  }
  return scan;
}

/**
 * The findings of a scan for `field`, in `FINDING_CODES` order: the character classes are the
 * same rule for both analyzers (only the levels differ, by `FINDING_RULES`), so they are turned
 * into findings here, once.
 *
 * @example
 * characterFindings('userId', scanCharacters('ｔａｒｏ '));
 * // [{code: 'full-width', level: 'error', …}, {code: 'edge-space', level: 'error', …}]
 */
export function characterFindings(field: FindingField, scan: CharacterScan): Finding[] {
  const traces: Array<[FindingCode, FindingTrace]> = [
    ['full-width', scan.fullWidth],
    ['kana', scan.kana],
    ['space', scan.space],
    ['full-width-space', scan.fullWidthSpace],
    ['edge-space', scan.edgeSpace],
    ['invisible', scan.invisible],
    ['look-alike', scan.lookAlike],
  ];
  return traces.filter(([, trace]) => !trace.isEmpty).map(([code, trace]) => makeFinding(field, code, trace));
}
