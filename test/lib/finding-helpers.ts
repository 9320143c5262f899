// Builders for expected findings in the table-driven analyzer tests.
import type {Finding, FindingCode, FindingLevel} from '../../src/lib/findings.js';

type Ranges = Finding['ranges'];

function build(level: FindingLevel, code: FindingCode, ranges: Ranges, chars: string[], fix?: string): Finding {
  return fix === undefined ? {code, level, ranges, chars} : {code, level, ranges, chars, fix};
}

export const error = (code: FindingCode, ranges: Ranges = [], chars: string[] = [], fix?: string): Finding =>
  build('error', code, ranges, chars, fix);
export const hint = (code: FindingCode, ranges: Ranges = [], chars: string[] = [], fix?: string): Finding =>
  build('hint', code, ranges, chars, fix);
export const info = (code: FindingCode, ranges: Ranges = [], chars: string[] = []): Finding =>
  build('info', code, ranges, chars);

/** A readable label for a test value: JSON with invisible and non-ASCII characters escaped. */
export function label(value: unknown): string {
  if (typeof value !== 'string') return String(value);
  const shown = value.length > 40 ? `${value.slice(0, 40)}…(${value.length})` : value;
  return JSON.stringify(shown).replace(
    /[\u0000-\u001f\u007f-\u00a0\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\u3164\ufeff\uffa0\ufff9-\ufffb\u0300-\u036f\ud800-\udfff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`
  );
}
