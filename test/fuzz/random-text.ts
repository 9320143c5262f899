/**
 * Seeded random text for the fuzz tests: every Unicode plane (assigned or not), lone surrogates,
 * combining marks (also stacked), C0/C1 controls, bidi and zero-width characters, and the
 * fragments the functions under test look for (URLs, codes, markup, JSON, entities) so random
 * strings reach their deeper branches too.
 */

/** mulberry32: small, fast, seeded, so every run checks the same strings. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FRAGMENTS = [
  'https://',
  'http://www.so-net.ne.jp/',
  'javascript:',
  'JaVaScRiPt:alert(1)',
  'data:text/html,',
  'vbscript:',
  '//evil.example/',
  '/\\evil.example',
  '\\\\',
  '@',
  'user:pass@',
  '?next=',
  '#',
  '%2F%2F',
  '%00',
  'コード:',
  'コード：',
  'code: ',
  'SS503',
  'ＳＳ５０３',
  'ce500',
  '500',
  'invalid_credentials',
  'メンテナンス中',
  'パスワードが正しくありません',
  '<img src=x onerror=alert(1)>',
  '<script>',
  '</script>',
  '<!--',
  '-->',
  '<style>',
  '<',
  '>',
  '&#x',
  '&#',
  '&amp;',
  '&lt;',
  '{"code":"',
  '{"redirect":"',
  '"retryAfter":',
  '"__proto__":',
  '}',
  '[',
  '"',
  'taro_s@aa2',
  '.so-net.ne.jp',
  'ｔａｒｏ＿ｓ＠ａａ２',
  'たろう',
  'ｶﾀｶﾅ',
  '\u3000',
  '\u202e',
  '\u2066',
  '\u200b',
  '\ufeff',
  '👨\u200d👩\u200d👧',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) CriOS/131.0',
  'Tue, 21 Oct 2025 07:28:00 GMT',
  '2025-01-15T09:30:00+09:00',
];

const COMBINING = [
  [0x0300, 0x036f],
  [0x1ab0, 0x1aff],
  [0x1dc0, 0x1dff],
  [0x20d0, 0x20ff],
  [0xfe20, 0xfe2f],
  [0x3099, 0x309a],
] as const;

/**
 * A random string of about `length` UTF-16 code units (never longer than `length + 40`).
 * Lone surrogates are produced on purpose: they are what broken clipboards and truncating
 * servers hand over.
 */
export function randomText(random: () => number, length: number): string {
  const between = (from: number, to: number) => from + Math.floor(random() * (to - from + 1));
  const parts: string[] = [];
  let size = 0;
  while (size < length) {
    const r = random();
    let piece: string;
    if (r < 0.14) {
      // Any code point of any plane, surrogates included (as lone code units).
      const cp = between(0, 0x10ffff);
      piece = cp >= 0xd800 && cp <= 0xdfff ? String.fromCharCode(cp) : String.fromCodePoint(cp);
    } else if (r < 0.26) {
      piece = String.fromCharCode(between(0, 0xffff));
    } else if (r < 0.31) {
      piece = String.fromCharCode(random() < 0.5 ? between(0, 0x1f) : between(0x7f, 0x9f));
    } else if (r < 0.36) {
      // Combining marks, sometimes stacked deep ("zalgo").
      const [from, to] = COMBINING[Math.floor(random() * COMBINING.length)];
      const count = random() < 0.1 ? between(5, 40) : 1;
      piece = '';
      for (let i = 0; i < count; i++) piece += String.fromCharCode(between(from, to));
    } else if (r < 0.4) {
      piece = String.fromCharCode(random() < 0.5 ? between(0xd800, 0xdbff) : between(0xdc00, 0xdfff));
    } else if (r < 0.44) {
      piece = String.fromCharCode([0x200b, 0x200c, 0x200d, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069, 0x2060, 0xfeff, 0x061c, 0x00ad][between(0, 17)]);
    } else if (r < 0.6) {
      piece = String.fromCharCode(between(0x20, 0x7e));
    } else if (r < 0.66) {
      piece = String.fromCharCode(between(0xff01, 0xff5e));
    } else if (r < 0.71) {
      piece = String.fromCharCode(random() < 0.5 ? between(0x3041, 0x30ff) : between(0x4e00, 0x9fff));
    } else if (r < 0.74) {
      piece = String.fromCodePoint(between(0x1f300, 0x1faff));
    } else if (r < 0.77) {
      piece = [' ', '  ', '\t', '\n', '\r\n', '\u00a0', '\u3000'][between(0, 6)];
    } else {
      piece = FRAGMENTS[Math.floor(random() * FRAGMENTS.length)];
    }
    parts.push(piece);
    size += piece.length;
  }
  return parts.join('');
}

/** `count` random strings: mostly short (0–64 units), one in twenty 200–2000 units. */
export function randomTexts(seed: number, count: number): string[] {
  const random = prng(seed);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const length = random() < 0.05 ? 200 + Math.floor(random() * 1800) : Math.floor(random() * 65);
    out.push(randomText(random, length));
  }
  return out;
}

/** A random "paste" of exactly `units` UTF-16 code units. */
export function randomPaste(seed: number, units: number): string {
  return randomText(prng(seed), units).slice(0, units);
}

/** A readable, bounded label for a failing value. */
export function show(value: unknown): string {
  const s = typeof value === 'string' ? value : String(value);
  const cut = s.length > 60 ? `${s.slice(0, 60)}…(${s.length} units)` : s;
  return JSON.stringify(cut).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
