/**
 * Internal helpers shared by the analyzers: code-point reading, a growable UTF-16 buffer that
 * remembers where each unit came from, and a collector for merged finding ranges.
 * Not re-exported from the package entry point.
 */

/** The code point at UTF-16 index `i`; a lone surrogate is returned as its own value. */
export function codePointAt(s: string, i: number): number {
  const u = s.charCodeAt(i);
  if (u >= 0xd800 && u <= 0xdbff && i + 1 < s.length) {
    const lo = s.charCodeAt(i + 1);
    if (lo >= 0xdc00 && lo <= 0xdfff) return ((u - 0xd800) << 10) + (lo - 0xdc00) + 0x10000;
  }
  return u;
}

/** UTF-16 length of a code point (lone surrogates count 1). */
export function unitLength(cp: number): 1 | 2 {
  return cp > 0xffff ? 2 : 1;
}

/** Collects the ranges and characters of one finding: ranges merged and ascending, chars unique. */
export class FindingTrace {
  readonly ranges: Array<[start: number, end: number]> = [];
  readonly chars: string[] = [];
  private last: [number, number] | undefined;
  private lastChar = -1;
  private seen: Set<number> | undefined;
  /** Seen BMP characters, once a long value makes a Set lookup per character too slow. */
  private seenBmp: Uint8Array | undefined;
  private lookups = 0;

  get isEmpty(): boolean {
    return this.last === undefined;
  }

  /** Adds `[start, end)`; ranges must arrive in ascending order of `start`. */
  add(start: number, end: number, cp = -1): void {
    const last = this.last;
    if (last !== undefined && start <= last[1]) {
      if (end > last[1]) last[1] = end;
    } else {
      this.ranges.push((this.last = [start, end]));
    }
    if (cp >= 0 && cp !== this.lastChar) this.addChar(cp);
  }

  /** Records `cp` among the finding's characters (once). */
  addChar(cp: number): void {
    this.lastChar = cp;
    const bmp = this.seenBmp;
    if (bmp !== undefined && cp <= 0xffff) {
      if (bmp[cp] === 0) {
        bmp[cp] = 1;
        this.chars.push(String.fromCharCode(cp));
      }
      return;
    }
    const seen = (this.seen ??= new Set<number>());
    if (!seen.has(cp)) {
      seen.add(cp);
      this.chars.push(String.fromCodePoint(cp));
    }
    if (bmp === undefined && ++this.lookups === 256) {
      // A long value: from here on, BMP characters are looked up in a 64 KB table.
      const table = (this.seenBmp = new Uint8Array(0x10000));
      for (const known of seen) if (known <= 0xffff) table[known] = 1;
    }
  }
}

/**
 * Builds a long string from code units through a reused chunk buffer: no per-character
 * concatenation and no thousands of tiny slices for the garbage collector.
 */
export class UnitWriter {
  private readonly parts: string[] = [];
  private readonly buffer: number[] = [];

  /** Appends the units `source[start..end)`. */
  copy(source: string, start: number, end: number): void {
    for (let u = start; u < end; u++) this.unit(source.charCodeAt(u));
  }

  unit(u: number): void {
    const buffer = this.buffer;
    buffer.push(u);
    if (buffer.length === 0x1000) this.flush();
  }

  toString(): string {
    this.flush();
    return this.parts.length === 1 ? this.parts[0] : this.parts.join('');
  }

  private flush(): void {
    if (this.buffer.length === 0) return;
    this.parts.push(String.fromCharCode.apply(null, this.buffer));
    this.buffer.length = 0;
  }
}

/** Coerces anything to a string without throwing (`null`/`undefined` → `''`). */
export function coerceValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return '';
  try {
    return String(value);
  } catch {
    return '';
  }
}
