/**
 * Analysis of a password as typed, for the live warnings of the login form.
 *
 * The password is only ever warned about, never changed: it is checked exactly as typed, without
 * truncation or case changes (ASVS 5.0 V6.2.8), and any length and any Unicode are accepted
 * (V6.2.9, V6.2.10). So no finding here carries a `fix`, and the seed's advice — show the hidden
 * password to check it, mind full-width and capitals (login-errors) — becomes warnings.
 */
import type {FindingPlaces} from './character-scan.js';
import {CHARACTER_SCAN_LIMIT, characterFindings, makeFinding, scanCharacters} from './character-scan.js';
import type {Finding, FindingCode} from './findings.js';
import {compareFindings} from './findings.js';
import {FindingTrace, coerceValue} from './text-scan.js';

/**
 * Above this many UTF-16 code units a password gets a `too-long` hint: far beyond any password a
 * person types (ASVS asks for at least 64 to be allowed), so most likely a paste of the wrong text.
 * The value is still submitted unchanged.
 */
export const PASSWORD_HINT_LENGTH = 1024;

/** Minimum letters of a `pASSWORD`-shaped run before it counts as a Caps Lock pattern (see FINDING_RULES). */
const CAPS_LOCK_MIN_LETTERS = 5;

function isUpper(u: number): boolean {
  return u >= 0x41 && u <= 0x5a;
}

function isLower(u: number): boolean {
  return u >= 0x61 && u <= 0x7a;
}

/**
 * The runs of ASCII letters shaped like a Caps Lock accident (`pASSWORD`), or an empty trace when
 * any run holds a lower-case letter after its first letter (an ordinary or mixed-case word).
 */
function traceCapsLock(s: string): FindingTrace {
  const trace = new FindingTrace();
  // Like the character classes, only the first CHARACTER_SCAN_LIMIT units of a pasted text.
  const n = Math.min(s.length, CHARACTER_SCAN_LIMIT);
  for (let i = 0; i < n; ) {
    const u = s.charCodeAt(i);
    if (!isUpper(u) && !isLower(u)) {
      i++;
      continue;
    }
    let j = i + 1;
    let laterLower = false;
    while (j < n) {
      const v = s.charCodeAt(j);
      if (isLower(v)) laterLower = true;
      else if (!isUpper(v)) break;
      j++;
    }
    if (laterLower) return new FindingTrace();
    if (isLower(u) && j - i >= CAPS_LOCK_MIN_LETTERS) trace.add(i, j);
    i = j;
  }
  return trace;
}

function make(code: FindingCode, places?: FindingPlaces): Finding {
  return makeFinding('password', code, places);
}

/**
 * Finds what would make a So-net login fail, or deserves a second look, in a password as typed.
 * Total (never throws; `null`/`undefined` count as `''`) and linear in the length of the value.
 * Findings come in `FINDING_CODES` order and never carry a `fix`. Their `chars` and `ranges` point
 * into the password: show them only while the password is revealed.
 *
 * @example
 * analyzePassword('pASSWORD1');
 * // [{code: 'caps-lock-pattern', level: 'hint', ranges: [[0, 8]], chars: []},
 * //  {code: 'look-alike', level: 'info', ranges: [[5, 6], [8, 9]], chars: ['O', '1']}]
 *
 * analyzePassword('ｐａｓｓ　ｗｏｒｄ');
 * // full-width (error) and full-width-space (error), no fix
 */
export function analyzePassword(value: string): Finding[] {
  const s = coerceValue(value);
  if (s.length === 0) return [make('empty')];
  const findings = characterFindings('password', scanCharacters(s));
  const capsLock = traceCapsLock(s);
  if (!capsLock.isEmpty) findings.push(make('caps-lock-pattern', capsLock));
  if (s.length > PASSWORD_HINT_LENGTH) {
    let start = PASSWORD_HINT_LENGTH;
    const u = s.charCodeAt(start);
    const before = s.charCodeAt(start - 1);
    if (u >= 0xdc00 && u <= 0xdfff && before >= 0xd800 && before <= 0xdbff) start--;
    findings.push({...make('too-long'), ranges: [[start, s.length]]});
  }
  return findings.sort(compareFindings);
}
