/**
 * Character classes behind the login-form warnings, as small code-point range checks (no library,
 * no Unicode tables: the live warnings must stay inside the first-load size budget).
 *
 * Every predicate takes a code point (`string.codePointAt(i)`); lone surrogates are passed through
 * as their own value and belong to no class here.
 *
 * Why these classes exist: So-net asks for user IDs and passwords "すべて半角英数" and warns that
 * full-width characters and spaces make the login fail (seed: login-troubleshooting, 入力内容の確認).
 */

/** Offset between a full-width ASCII form (U+FF01–U+FF5E) and its ASCII character (U+0021–U+007E). */
const FULL_WIDTH_OFFSET = 0xfee0;

/**
 * Full-width ASCII (U+FF01 `！` – U+FF5E `～`): what a Japanese IME types for letters, digits and
 * symbols while its input mode is 全角英数. Each has an exact ASCII twin (NFKC maps one to the other).
 */
export function isFullWidthAscii(cp: number): boolean {
  return cp >= 0xff01 && cp <= 0xff5e;
}

/**
 * Any full-width form of the "Halfwidth and Fullwidth Forms" block: full-width ASCII plus
 * `｟｠` (U+FF5F–FF60) and the full-width signs `￠￡￢￣￤￥￦` (U+FFE0–FFE6, e.g. `￥` from the ¥ key
 * with the IME on). Only {@link isFullWidthAscii} characters have an ASCII replacement.
 */
export function isFullWidthForm(cp: number): boolean {
  return (cp >= 0xff01 && cp <= 0xff60) || (cp >= 0xffe0 && cp <= 0xffe6);
}

/** The ideographic (full-width) space U+3000, typed by the space bar while a Japanese IME is on. */
export function isFullWidthSpace(cp: number): boolean {
  return cp === 0x3000;
}

/**
 * A space that is not the full-width space: U+0020 and the other space separators (category Zs)
 * that look like one — no-break space U+00A0, U+1680, U+2000–U+200A, U+202F, U+205F.
 */
export function isHalfWidthSpace(cp: number): boolean {
  return (
    cp === 0x20 ||
    cp === 0xa0 ||
    cp === 0x1680 ||
    (cp >= 0x2000 && cp <= 0x200a) ||
    cp === 0x202f ||
    cp === 0x205f
  );
}

/** Any space separator: {@link isHalfWidthSpace} or {@link isFullWidthSpace}. */
export function isSpace(cp: number): boolean {
  return isHalfWidthSpace(cp) || cp === 0x3000;
}

/**
 * Characters that take no visible room, so a user cannot see them in the field: C0/C1 controls
 * (incl. tab, CR, LF, DEL), zero-width space/non-joiner/joiner U+200B–U+200D, word joiner and the
 * invisible operators U+2060–U+2064, the byte order mark U+FEFF, bidi controls (U+200E/U+200F,
 * U+202A–U+202E, U+2066–U+2069, U+061C), line/paragraph separators U+2028/U+2029, the soft hyphen
 * U+00AD, the combining grapheme joiner U+034F, Hangul fillers (U+115F, U+1160, U+3164, U+FFA0),
 * Mongolian variation selectors U+180B–U+180F, Khmer inherent vowels U+17B4/U+17B5, deprecated
 * format characters U+206A–U+206F and interlinear annotation marks U+FFF9–U+FFFB.
 *
 * They arrive by copy & paste (from mail, PDFs, chat) and make an otherwise correct ID or password
 * fail. All are in the BMP. The analyzers exempt a zero-width joiner inside an emoji sequence
 * (see {@link isEmojiJoinerContext}).
 */
export function isInvisible(cp: number): boolean {
  if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f)) return true;
  if (cp < 0xad) return false;
  return (
    cp === 0xad ||
    cp === 0x34f ||
    cp === 0x61c ||
    cp === 0x115f ||
    cp === 0x1160 ||
    cp === 0x17b4 ||
    cp === 0x17b5 ||
    (cp >= 0x180b && cp <= 0x180f) ||
    (cp >= 0x200b && cp <= 0x200f) ||
    (cp >= 0x2028 && cp <= 0x202e) ||
    (cp >= 0x2060 && cp <= 0x2064) ||
    (cp >= 0x2066 && cp <= 0x206f) ||
    cp === 0x3164 ||
    cp === 0xfeff ||
    cp === 0xffa0 ||
    (cp >= 0xfff9 && cp <= 0xfffb)
  );
}

/**
 * Kana: hiragana (incl. the combining voicing marks U+3099/U+309A), katakana (incl. `ー` and `・`),
 * katakana phonetic extensions, half-width katakana `ｶﾀｶﾅ` with `ﾞﾟ` (U+FF65–U+FF9F) and the kana
 * supplement/extension blocks (U+1AFF0–U+1B16F).
 */
export function isKana(cp: number): boolean {
  return (
    (cp >= 0x3041 && cp <= 0x30ff) ||
    (cp >= 0x31f0 && cp <= 0x31ff) ||
    (cp >= 0xff65 && cp <= 0xff9f) ||
    (cp >= 0x1aff0 && cp <= 0x1b16f)
  );
}

/**
 * Kanji (CJK ideographs): the unified ideographs with extension A, compatibility ideographs,
 * CJK/Kangxi radicals and the supplementary-plane extensions B–H.
 */
export function isKanji(cp: number): boolean {
  return (
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0x2e80 && cp <= 0x2fdf) ||
    (cp >= 0x20000 && cp <= 0x2fa1f) ||
    (cp >= 0x30000 && cp <= 0x323af)
  );
}

/**
 * Anything a Japanese IME produces in かな mode: {@link isKana}, {@link isKanji}, Japanese
 * punctuation and symbols (U+3001–U+303F `、。「」々〆〜`, half-width `｡｢｣､` U+FF61–U+FF64, kanbun
 * and CJK strokes U+3190–U+31EF, enclosed/compatibility symbols U+3200–U+33FF such as `㈱` `㌔`).
 * The full-width space U+3000 is deliberately excluded: it has its own finding.
 */
export function isJapanese(cp: number): boolean {
  return (
    isKana(cp) ||
    isKanji(cp) ||
    (cp >= 0x3001 && cp <= 0x303f) ||
    (cp >= 0xff61 && cp <= 0xff64) ||
    (cp >= 0x3190 && cp <= 0x31ef) ||
    (cp >= 0x3200 && cp <= 0x33ff)
  );
}

/** The characters that are easy to mistake for one another in many fonts: `I l 1 |` and `O 0 o`. */
export const LOOK_ALIKE_CHARACTERS = ['I', 'l', '1', '|', 'O', '0', 'o'] as const;

/** Whether `cp` is one of {@link LOOK_ALIKE_CHARACTERS}. */
export function isLookAlike(cp: number): boolean {
  return cp === 0x49 || cp === 0x6c || cp === 0x31 || cp === 0x7c || cp === 0x4f || cp === 0x30 || cp === 0x6f;
}

const MARK = /\p{M}/u;
const PICTOGRAPHIC = /\p{Extended_Pictographic}/u;
/** Lazily filled answers of {@link isCombiningMark} for the BMP: 0 unknown, 1 no, 2 yes. */
let bmpMarks: Uint8Array | undefined;

/**
 * Whether `cp` is a combining mark (category M), which belongs to the character before it: a range
 * that covers a base character also covers its marks, so a highlight never splits `o` + U+0308.
 */
export function isCombiningMark(cp: number): boolean {
  if (cp < 0x300) return false;
  // Fast paths for the blocks the analyzers see most: kana/kanji hold only two marks, and the
  // Halfwidth and Fullwidth Forms block none (ﾞﾟ are modifier letters, not marks).
  if (cp >= 0x3040 && cp <= 0x9fff) return cp === 0x3099 || cp === 0x309a;
  if (cp >= 0xff00 && cp <= 0xffef) return false;
  if (cp > 0xffff) {
    // No marks among emoji, pictographs and the CJK extension planes (U+1F000–U+E00FF).
    if (cp >= 0x1f000 && cp < 0xe0100) return false;
    return MARK.test(String.fromCodePoint(cp));
  }
  bmpMarks ??= new Uint8Array(0x10000);
  let known = bmpMarks[cp];
  if (known === 0) bmpMarks[cp] = known = MARK.test(String.fromCharCode(cp)) ? 2 : 1;
  return known === 2;
}

/**
 * Whether a zero-width joiner between `before` and `after` joins an emoji sequence such as 👨‍👩‍👧
 * (after a pictograph, its VS16 U+FE0F or a skin-tone modifier, before a pictograph). Such a joiner
 * is part of what the user sees, not a stray invisible character.
 */
export function isEmojiJoinerContext(before: number, after: number): boolean {
  if (before < 0xa9 || after < 0xa9) return false;
  const beforeOk =
    before === 0xfe0f || (before >= 0x1f3fb && before <= 0x1f3ff) || PICTOGRAPHIC.test(String.fromCodePoint(before));
  return beforeOk && PICTOGRAPHIC.test(String.fromCodePoint(after));
}

/**
 * Whether `value` contains a full-width ASCII character (`ＡＢＣａｂｃ１２３＠＿`, U+FF01–U+FF5E).
 *
 * @example
 * hasFullWidthAscii('taro＿s'); // true
 * hasFullWidthAscii('たろう');  // false
 */
export function hasFullWidthAscii(value: string): boolean {
  const s = String(value ?? '');
  for (let i = 0; i < s.length; i++) {
    const u = s.charCodeAt(i);
    if (u >= 0xff01 && u <= 0xff5e) return true;
  }
  return false;
}

/**
 * Converts full-width ASCII (U+FF01–U+FF5E) to ASCII and the full-width space U+3000 to a space —
 * what NFKC does to those characters, and nothing else: kana, half-width katakana, `￥` and every
 * other character stay as they are (NFKC on the whole value would also rewrite kana, ligatures and
 * superscripts). Idempotent; lone surrogates pass through.
 *
 * @example
 * toHalfWidth('ｔａｒｏ＿ｓ＠ａａ２'); // 'taro_s@aa2'
 * toHalfWidth('たろう　Ａ');          // 'たろう A'
 */
export function toHalfWidth(value: string): string {
  const s = String(value ?? '');
  const n = s.length;
  let i = 0;
  while (i < n) {
    const u = s.charCodeAt(i);
    if ((u >= 0xff01 && u <= 0xff5e) || u === 0x3000) break;
    i++;
  }
  if (i === n) return s;
  // Converted in chunks through a reused plain array: no per-character concatenation, no large
  // typed-array allocation (whose external memory would force a full GC on a 1 MB paste).
  const CHUNK = 0x1000;
  const parts: string[] = [s.slice(0, i)];
  const buffer: number[] = [];
  for (let start = i; start < n; start += CHUNK) {
    const end = Math.min(n, start + CHUNK);
    buffer.length = end - start;
    for (let j = start; j < end; j++) {
      const u = s.charCodeAt(j);
      buffer[j - start] = u >= 0xff01 && u <= 0xff5e ? u - FULL_WIDTH_OFFSET : u === 0x3000 ? 0x20 : u;
    }
    parts.push(String.fromCharCode.apply(null, buffer));
  }
  return parts.join('');
}
