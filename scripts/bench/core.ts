// In-page side of the analysis-core benchmark: analyzeUserId() and analyzePassword() alone,
// no element, no rendering. One sample per fresh page (bench.mjs opens one per round).
import {analyzeUserId} from '../../src/lib/user-id.js';
import {analyzePassword} from '../../src/lib/password.js';

function repeatTo(unit: string, length: number): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

const MB = 1 << 20;

/** The values: a 64-character ID-like value and a 1 MB paste, each in ASCII and in Japanese. */
const VALUES = {
  'ascii-64': repeatTo('taro.suzuki_0123-', 60) + '@aa2',
  'japanese-64': repeatTo('たろう＿ｓ　ｓｕｚｕｋｉ　', 60) + '＠ａａ２',
  'ascii-1mb': repeatTo('Dear member, your user ID is taro_s@aa2 and the password is on the letter.\n', MB),
  'japanese-1mb': repeatTo('ユーザーID はお客さまの ID によって異なります。全角のＡＢＣは半角で入力してください。\n', MB),
} as const;

type Fn = (value: string) => unknown;
const FUNCTIONS: Record<string, Fn> = {analyzeUserId: (v) => analyzeUserId(v), analyzePassword: (v) => analyzePassword(v)};

let sink = 0;

/**
 * µs per call, in the optimized steady state: calls until `warmMs` have passed (so the JIT has
 * compiled the hot paths), then a timed batch of at least `batchMs`.
 */
function time(fn: Fn, value: string, warmMs: number, batchMs: number): number {
  const warmEnd = performance.now() + warmMs;
  do sink += (fn(value) as unknown[]).length;
  while (performance.now() < warmEnd);
  let calls = 0;
  const t0 = performance.now();
  let t1 = t0;
  do {
    sink += (fn(value) as unknown[]).length;
    calls++;
    if ((calls & 63) === 0 || value.length > 1000) t1 = performance.now();
  } while (t1 - t0 < batchMs);
  return ((t1 - t0) * 1000) / calls;
}

declare global {
  interface Window {
    __core: {run(): Record<string, number>};
  }
}

window.__core = {
  run() {
    const out: Record<string, number> = {};
    for (const [fname, fn] of Object.entries(FUNCTIONS)) {
      for (const [vname, value] of Object.entries(VALUES)) {
        out[`${fname} ${vname}`] = value.length > 1000 ? time(fn, value, 80, 80) : time(fn, value, 60, 30);
      }
    }
    out.sink = sink;
    return out;
  },
};
