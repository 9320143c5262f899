/**
 * Analysis of a So-net user ID as typed, for the live warnings of the login form.
 *
 * The seed pages: the user ID is entered "up to the subdomain" — `taro_s@aa2`, neither the full
 * domain `taro_s@aa2.so-net.ne.jp` nor the bare user name `taro_s` — in half-width alphanumerics,
 * without spaces (login-errors: ユーザーID / ユーザーIDパスワードの入力に誤りがある;
 * login-troubleshooting: 入力内容の確認).
 */
import type {FindingPlaces} from './character-scan.js';
import {characterFindings, endOfMarks, isEmojiJoinerAt, makeFinding, scanCharacters} from './character-scan.js';
import type {Finding, FindingCode} from './findings.js';
import {compareFindings} from './findings.js';
import {
  isCombiningMark,
  isFullWidthAscii,
  isFullWidthForm,
  isInvisible,
  isJapanese,
  isSpace,
  toHalfWidth,
} from './half-width.js';
import {FindingTrace, UnitWriter, codePointAt, coerceValue, unitLength} from './text-scan.js';

/** The domain So-net user IDs belong to; typed after the subdomain it makes a mail address, not an ID. */
export const DEFAULT_USER_ID_DOMAIN = 'so-net.ne.jp';

/**
 * The So-net user ID: a local part of ASCII letters, digits, `_`, `-` and `.`, an `@`, and a
 * subdomain of letters and digits (`aa2`, `ab3`, `ac4`). Linear-time: no nested quantifiers.
 */
export const USER_ID_PATTERN = /^[A-Za-z0-9_.-]+@[A-Za-z0-9]+$/;

/**
 * Above this many UTF-16 code units a value cannot be a user ID: it gets `too-long` and the
 * character findings, but no fix and no domain or pattern check.
 */
export const USER_ID_MAX_LENGTH = 256;

/**
 * When the analysis runs, which decides what may be reported yet:
 * - `typing`: on every input — nothing that only means "not finished yet" (no `@` so far, `taro_s@`);
 * - `blur`: the user left the field — the value is meant to be complete;
 * - `submit`: the form is being sent.
 */
export type AnalysisPhase = 'typing' | 'blur' | 'submit';

/** Options of {@link analyzeUserId}. */
export interface UserIdOptions {
  /**
   * The mail domain that must not be typed after the subdomain (`full-domain`). Case and full-width
   * characters are ignored; leading `@`/`.` and trailing dots are dropped. `''` turns the check off.
   * @default 'so-net.ne.jp'
   */
  domain?: string;
  /**
   * What a complete user ID looks like (checked at `blur`/`submit` on the repaired value). Flags `g`
   * and `y` are ignored. Give a linear-time pattern: it runs on at most {@link USER_ID_MAX_LENGTH}
   * characters. With a custom pattern, `invalid-user-id` does not point at single characters.
   *
   * Prefer a pattern without the `u` or `v` flag. Safari's engine (WebKit's YARR, seen in
   * WebKitGTK 2.50) reads a unit of U+D800–U+DBFF or U+F800–U+FBFF followed by one of
   * U+DC00–U+DFFF or U+FC00–U+FFFF as one code point in such a pattern, so `.`, `[^…]` and counts
   * can answer differently there for an ID that still holds such a pair after the repairs
   * (private-use U+F800–U+F8FF, presentation forms U+FB00–U+FBFF or a lone surrogate, then
   * U+FC00–U+FFFF or a lone low surrogate: `ﬁ\uFFFD@aa2`). Kanji and full-width characters never
   * reach the pattern (they are reported, and full-width ASCII is repaired, first).
   * @default USER_ID_PATTERN (`local@subdomain`)
   */
  pattern?: RegExp;
  /** When the analysis runs. @default 'typing' */
  phase?: AnalysisPhase;
  /**
   * Turns a run of Japanese characters into the romaji the user probably typed. When given, the
   * `kana` finding gets a fix (`たろう` → `tarou`) — unless kanji or other characters that cannot be
   * turned back into keys remain. Pass `toRomajiSuggestion` from `lib/romaji.js`, loaded lazily
   * (`loadRomajiSuggestion()`) so wanakana stays out of the first load. Called only for values of
   * at most {@link USER_ID_MAX_LENGTH} units; a throw is treated as "no suggestion".
   */
  toRomaji?: (kana: string) => string;
}

interface Resolved {
  domain: string;
  pattern: RegExp;
  defaultPattern: boolean;
  late: boolean;
  toRomaji: ((kana: string) => string) | undefined;
}

/** Lower-cases ASCII letters only, so indices stay valid (`'İ'.toLowerCase()` has two units). */
function asciiLower(s: string): string {
  return s.replace(/[A-Z]+/g, (m) => m.toLowerCase());
}

function resolveDomain(domain: unknown): string {
  if (typeof domain !== 'string') return DEFAULT_USER_ID_DOMAIN;
  const d = asciiLower(toHalfWidth(domain.trim()));
  let start = 0;
  let end = d.length;
  while (start < end && (d[start] === '@' || d[start] === '.')) start++;
  while (end > start && d[end - 1] === '.') end--;
  return d.slice(start, end);
}

function resolve(options: UserIdOptions | undefined | null): Resolved {
  const o: UserIdOptions = options !== null && typeof options === 'object' ? options : {};
  let pattern = USER_ID_PATTERN;
  let defaultPattern = true;
  if (o.pattern instanceof RegExp && o.pattern !== USER_ID_PATTERN) {
    // A g/y pattern keeps lastIndex between test() calls and would answer differently each time.
    pattern = new RegExp(o.pattern.source, o.pattern.flags.replace(/[gy]/g, ''));
    defaultPattern = false;
  }
  return {
    domain: resolveDomain(o.domain),
    pattern,
    defaultPattern,
    late: o.phase === 'blur' || o.phase === 'submit',
    toRomaji: typeof o.toRomaji === 'function' ? o.toRomaji : undefined,
  };
}

/** Maps an index of the repaired text back to the input range `[start, end)` it came from. */
interface IndexMap {
  start(index: number): number;
  end(index: number): number;
}

const identityMap: IndexMap = {start: (index) => index, end: (index) => index + 1};

/** Receives the repaired text piece by piece, in input order. */
interface RepairSink {
  /** Input `[start, end)` is kept as it is. */
  keep(start: number, end: number): void;
  /** Input `[start, end)` becomes `text`; `oneToOne` when each input unit became one output unit. */
  replace(text: string, start: number, end: number, oneToOne: boolean): void;
}

interface RepairFlags {
  /** Japanese characters remain (no romaji, or a romaji that left some). */
  japanese: boolean;
  /** Full-width signs without an ASCII twin remain (`￥`). */
  fullWidthSign: boolean;
}

/** Drops spaces and invisible characters and converts full-width ASCII: for text from `toRomaji`. */
function repairPlain(text: string, flags: RepairFlags): string {
  let out = '';
  for (let k = 0; k < text.length; ) {
    const cp = codePointAt(text, k);
    const end = k + unitLength(cp);
    if (isFullWidthAscii(cp)) out += String.fromCharCode(cp - 0xfee0);
    else if (!isSpace(cp) && !isInvisible(cp)) {
      if (isJapanese(cp)) flags.japanese = true;
      else if (isFullWidthForm(cp)) flags.fullWidthSign = true;
      out += text.slice(k, end);
    }
    k = end;
  }
  return out;
}

/**
 * Walks the value once and reports its repaired form to `sink`: spaces and invisible characters
 * dropped (but not the joiner inside an emoji), full-width ASCII turned into ASCII and, when
 * `romanize` is given, each run of Japanese characters replaced by its romaji. Returns `undefined`
 * when `romanize` gives up. Deterministic, so a second walk with the same romaji rebuilds the map.
 */
function walkRepairs(
  s: string,
  romanize: ((start: number, end: number) => string | undefined) | undefined,
  sink: RepairSink
): RepairFlags | undefined {
  const flags: RepairFlags = {japanese: false, fullWidthSign: false};
  let previous = -1;
  for (let i = 0; i < s.length; ) {
    const cp = codePointAt(s, i);
    let end = i + unitLength(cp);
    if (cp > 0x20 && cp < 0x7f) {
      // Printable ASCII, the common case: keep the whole run in one call.
      while (end < s.length) {
        const u = s.charCodeAt(end);
        if (u <= 0x20 || u >= 0x7f) break;
        end++;
      }
      sink.keep(i, end);
    } else if (romanize !== undefined && isJapanese(cp)) {
      while (end < s.length) {
        const next = codePointAt(s, end);
        if (!isJapanese(next) && !isCombiningMark(next)) break;
        end += unitLength(next);
      }
      const romaji = romanize(i, end);
      if (romaji === undefined) return undefined;
      sink.replace(repairPlain(romaji, flags), i, end, false);
    } else if (isFullWidthAscii(cp)) {
      while (end < s.length && isFullWidthAscii(s.charCodeAt(end))) end++;
      sink.replace(toHalfWidth(s.slice(i, end)), i, end, true);
    } else if (isSpace(cp) || (isInvisible(cp) && !(cp === 0x200d && isEmojiJoinerAt(s, i, previous)))) {
      // Dropped: a So-net user ID never contains either.
    } else {
      if (isJapanese(cp)) flags.japanese = true;
      else if (isFullWidthForm(cp)) flags.fullWidthSign = true;
      sink.keep(i, end);
    }
    previous = codePointAt(s, end - 1);
    i = end;
  }
  return flags;
}

/** Builds the repaired text. */
class TextSink implements RepairSink {
  private readonly writer = new UnitWriter();

  constructor(private readonly source: string) {}

  keep(start: number, end: number): void {
    this.writer.copy(this.source, start, end);
  }

  replace(text: string): void {
    this.writer.copy(text, 0, text.length);
  }

  toString(): string {
    return this.writer.toString();
  }
}

/** Records, for every unit of the repaired text, the input range it came from. */
class MapSink implements RepairSink, IndexMap {
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  private length = 0;

  constructor(size: number) {
    this.starts = new Int32Array(size);
    this.ends = new Int32Array(size);
  }

  keep(start: number, end: number): void {
    for (let u = start; u < end; u++) this.put(u, u + 1);
  }

  replace(text: string, start: number, end: number, oneToOne: boolean): void {
    for (let k = 0; k < text.length; k++) {
      if (oneToOne) this.put(start + k, start + k + 1);
      else this.put(start, end);
    }
  }

  start(index: number): number {
    return this.starts[index];
  }

  end(index: number): number {
    return this.ends[index];
  }

  private put(start: number, end: number): void {
    this.starts[this.length] = start;
    this.ends[this.length] = end;
    this.length++;
  }
}

interface Normalized extends RepairFlags {
  /** The value with every repairable character repaired, before the domain is cut off. */
  text: string;
  /** Builds the index map back into the value (on demand: only a found domain or a short ID needs it). */
  map(): IndexMap;
}

/**
 * Repairs what can be repaired (see {@link walkRepairs}). A romaji that throws, or that leaves
 * Japanese characters behind, is dropped: a half-converted suggestion (`tarou山田`) helps nobody.
 */
function normalize(s: string, toRomaji: ((kana: string) => string) | undefined): Normalized {
  const romaji: string[] = [];
  const romanize =
    toRomaji === undefined
      ? undefined
      : (start: number, end: number): string | undefined => {
          try {
            const out = coerceValue(toRomaji(s.slice(start, end)));
            romaji.push(out);
            return out;
          } catch {
            return undefined;
          }
        };
  const sink = new TextSink(s);
  const flags = walkRepairs(s, romanize, sink);
  if (flags === undefined || (romanize !== undefined && flags.japanese)) return normalize(s, undefined);
  const text = sink.toString();
  return {
    ...flags,
    text,
    map(): IndexMap {
      let next = 0;
      const mapSink = new MapSink(text.length);
      walkRepairs(s, romanize === undefined ? undefined : () => romaji[next++], mapSink);
      return mapSink;
    },
  };
}

/** Where the domain was found in the normalized text. */
interface DomainMatch {
  /** Index in the normalized text where the suggestion ends (the `.` before the domain). */
  cut: number;
  /** The host is exactly the domain: the subdomain is missing (`taro_s@so-net.ne.jp`). */
  withoutSubdomain: boolean;
}

function findDomain(t: string, domain: string, late: boolean): DomainMatch | undefined {
  if (domain === '') return undefined;
  const at = t.lastIndexOf('@');
  if (at < 0) return undefined;
  let host = asciiLower(t.slice(at + 1));
  if (host.endsWith('.')) host = host.slice(0, -1);
  if (host === domain) return {cut: t.length, withoutSubdomain: true};
  if (host.length > domain.length + 1 && host.endsWith(domain) && host[host.length - domain.length - 1] === '.') {
    let end = host.length - domain.length - 1;
    // The domain typed twice (`aa2.so-net.ne.jp.so-net.ne.jp`: typed after an autofilled full
    // address): cut every copy, so that the suggestion is final and analyzing it offers no other.
    while (end > domain.length + 1 && host[end - domain.length - 1] === '.' && host.slice(end - domain.length, end) === domain) {
      end -= domain.length + 1;
    }
    // Nothing but copies of the domain after the `@`: the subdomain is what is missing.
    if (host.slice(0, end) === domain) return {cut: t.length, withoutSubdomain: true};
    return {cut: at + 1 + end, withoutSubdomain: false};
  }
  if (late) {
    // Left the field with a started domain (`taro_s@aa2.so-net`): the subdomain never holds a dot.
    const dot = host.indexOf('.');
    const rest = host.slice(dot + 1);
    if (dot > 0 && rest.length > 0 && rest.length < domain.length && domain.startsWith(rest)) {
      return {cut: at + 1 + dot, withoutSubdomain: false};
    }
  }
  return undefined;
}

function isLocalUnit(u: number): boolean {
  return (u >= 0x61 && u <= 0x7a) || (u >= 0x41 && u <= 0x5a) || (u >= 0x30 && u <= 0x39) || u === 0x5f || u === 0x2d || u === 0x2e;
}

function isSubdomainUnit(u: number): boolean {
  return (u >= 0x61 && u <= 0x7a) || (u >= 0x41 && u <= 0x5a) || (u >= 0x30 && u <= 0x39);
}

/**
 * The characters of `t` (the repaired ID) that {@link USER_ID_PATTERN} does not allow where they
 * are. A range covers the whole base character with its combining marks, so `Á` (A + U+0301) is
 * highlighted as one character even though only the mark is at fault.
 */
function traceOffenders(t: string, text: IndexMap): FindingTrace {
  const trace = new FindingTrace();
  const firstAt = t.indexOf('@');
  const severalAt = firstAt >= 0 && t.indexOf('@', firstAt + 1) >= 0;
  const isBad = (cp: number, k: number): boolean =>
    cp === 0x40 ? severalAt : firstAt < 0 || k < firstAt ? !isLocalUnit(cp) : !isSubdomainUnit(cp);
  for (let k = 0; k < t.length; ) {
    const base = codePointAt(t, k);
    const end = endOfMarks(t, k + unitLength(base));
    const bad: number[] = [];
    for (let m = k; m < end; ) {
      const cp = codePointAt(t, m);
      if (isBad(cp, m)) bad.push(cp);
      m += unitLength(cp);
    }
    if (bad.length > 0) {
      trace.add(text.start(k), text.end(end - 1));
      for (const cp of bad) trace.addChar(cp);
    }
    k = end;
  }
  return trace;
}

function testPattern(pattern: RegExp, t: string): boolean {
  try {
    return pattern.test(t);
  } catch {
    return false;
  }
}

function make(code: FindingCode, places?: FindingPlaces): Finding {
  return makeFinding('userId', code, places);
}

/** The codes a suggestion can repair; only these ever carry a `fix`. */
const REPAIRABLE: ReadonlySet<FindingCode> = new Set<FindingCode>([
  'full-width',
  'kana',
  'space',
  'full-width-space',
  'edge-space',
  'invisible',
  'full-domain',
]);

function analyze(s: string, o: Resolved): Finding[] {
  if (s.length === 0) return [make('empty')];
  const findings = characterFindings('userId', scanCharacters(s));
  const needsRepair = findings.some((f) => f.code !== 'look-alike');

  if (s.length > USER_ID_MAX_LENGTH) {
    // Not a user ID but some other text (a mail, a document): say so, and spend no work on
    // suggestions, domain or pattern — this keeps a 1 MB paste to one pass.
    let start = USER_ID_MAX_LENGTH;
    const u = s.charCodeAt(start);
    if (u >= 0xdc00 && u <= 0xdfff && s.charCodeAt(start - 1) >= 0xd800 && s.charCodeAt(start - 1) <= 0xdbff) start--;
    findings.push({...make('too-long'), ranges: [[start, s.length]]});
    return findings.sort(compareFindings);
  }

  // Without anything to repair, the value is its own normalized form.
  const normalized: Normalized = needsRepair
    ? normalize(s, o.toRomaji)
    : {text: s, japanese: false, fullWidthSign: false, map: () => identityMap};
  const repaired = normalized.text;
  const domain = findDomain(repaired, o.domain, o.late);
  let suggestion = repaired;
  if (domain !== undefined && !domain.withoutSubdomain) {
    suggestion = repaired.slice(0, domain.cut);
    const map = normalized.map();
    findings.push({...make('full-domain'), ranges: [[map.start(domain.cut), map.end(repaired.length - 1)]]});
  }

  // "Not finished" findings wait for blur/submit, and stay quiet while a finding that no suggestion
  // repairs (kanji, ￥) already explains why the login would fail.
  if (o.late && suggestion !== '' && !normalized.japanese && !normalized.fullWidthSign) {
    if (domain?.withoutSubdomain) {
      findings.push(make('missing-subdomain'));
    } else if (!testPattern(o.pattern, suggestion)) {
      const offenders = o.defaultPattern ? traceOffenders(suggestion, normalized.map()) : new FindingTrace();
      if (!suggestion.includes('@')) {
        findings.push(make('missing-subdomain'));
        if (!offenders.isEmpty) findings.push(make('invalid-user-id', offenders));
      } else {
        findings.push(make('invalid-user-id', offenders));
      }
    }
  }

  if (suggestion !== s && suggestion !== '') {
    // Offer the suggestion only for the codes it really removes, i.e. what analyzing it again with
    // the same options would no longer report. By construction it holds no spaces, invisible
    // characters or full-width ASCII; kana and full-width signs may remain.
    const remaining = new Set<FindingCode>();
    if (normalized.japanese) remaining.add('kana');
    if (normalized.fullWidthSign) remaining.add('full-width');
    const again = findDomain(suggestion, o.domain, o.late);
    if (again !== undefined && !again.withoutSubdomain) remaining.add('full-domain');
    for (const finding of findings) {
      if (REPAIRABLE.has(finding.code) && !remaining.has(finding.code)) finding.fix = suggestion;
    }
  }
  return findings.sort(compareFindings);
}

/**
 * Finds what would make a So-net login fail, or deserves a second look, in a user ID as typed.
 * Total (never throws; `null`/`undefined` count as `''`, lone surrogates are single characters) and
 * linear in the length of the value. Findings come in `FINDING_CODES` order; see
 * {@link FINDING_RULES} for each code.
 *
 * Every repairable finding (`full-width`, `kana`, spaces, `invisible`, `full-domain`) carries the
 * same `fix`: the value with all of them repaired at once, offered only if it really removes that
 * finding.
 *
 * @example
 * analyzeUserId('ｔａｒｏ＿ｓ＠ａａ２．ｓｏ－ｎｅｔ．ｎｅ．ｊｐ ');
 * // full-width, edge-space and full-domain, each with fix 'taro_s@aa2'
 *
 * analyzeUserId('taro_s', {phase: 'blur'});
 * // [{code: 'missing-subdomain', level: 'hint', ranges: [], chars: []}, look-alike …]
 *
 * const toRomaji = await loadRomajiSuggestion();
 * analyzeUserId('たろう', {toRomaji})[0].fix; // 'tarou'
 */
export function analyzeUserId(value: string, options?: UserIdOptions): Finding[] {
  let resolved: Resolved;
  try {
    resolved = resolve(options);
  } catch {
    // Options with throwing getters: analyze with the defaults rather than fail the form.
    resolved = resolve(undefined);
  }
  return analyze(coerceValue(value), resolved);
}
