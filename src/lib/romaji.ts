/**
 * Romaji suggestions for kana typed with the Japanese IME left on. The only module that imports
 * wanakana (≈4 KB gzip): load it lazily through `loadRomajiSuggestion()` so it stays out of the
 * login form's first load.
 */
import {toRomaji} from 'wanakana';
import {isCombiningMark, isJapanese, isKanji} from './half-width.js';
import {codePointAt, coerceValue, unitLength} from './text-scan.js';

/** IME keys whose kana-mode output wanakana leaves alone or maps to non-ASCII quotes. */
const IME_PUNCTUATION: Readonly<Record<string, string>> = {'「': '[', '」': ']', '｢': '[', '｣': ']'};

function romanizeRun(run: string): string {
  let prepared = '';
  for (const ch of run) prepared += IME_PUNCTUATION[ch] ?? ch;
  // NFKC joins half-width katakana with its voicing marks (ｶﾞ → ガ) and か + U+3099 into が,
  // which wanakana needs; it runs on the kana run only, so the rest of the value is kept as typed.
  const romaji = toRomaji(prepared.normalize('NFKC'));
  // wanakana writes ん before a vowel or y as "n'"; the IME user typed "nn" (きんえん ← kinnen),
  // and an apostrophe is not allowed in a user ID. (Its romaji is lower-case: upcaseKatakana is off.)
  return romaji.replace(/n'/g, 'nn');
}

/**
 * The romaji a user probably meant when the IME turned it into kana: `たろう` → `tarou`,
 * `ｶﾀｶﾅ` → `katakana`, `たろ＿ｓ` → `taro＿ｓ` (only kana runs are converted: everything else,
 * kanji included, is kept as typed). The romaji is lower-case ASCII; `ー` becomes `-` and `。`
 * becomes `.`, as those are the keys behind them. Kana wanakana cannot convert (`ゝ`, `ヵ`) stay.
 *
 * @example
 * toRomajiSuggestion('たろう');     // 'tarou'
 * toRomajiSuggestion('がっこう');   // 'gakkou'
 * toRomajiSuggestion('きんえん');   // 'kinnen'
 */
export function toRomajiSuggestion(kana: string): string {
  const s = coerceValue(kana);
  let out = '';
  let last = 0;
  for (let i = 0; i < s.length; ) {
    const cp = codePointAt(s, i);
    if (!isJapanese(cp) || isKanji(cp)) {
      i += unitLength(cp);
      continue;
    }
    let j = i + unitLength(cp);
    while (j < s.length) {
      const next = codePointAt(s, j);
      if (!(isJapanese(next) && !isKanji(next)) && !isCombiningMark(next)) break;
      j += unitLength(next);
    }
    out += s.slice(last, i) + romanizeRun(s.slice(i, j));
    last = i = j;
  }
  return out + s.slice(last);
}
