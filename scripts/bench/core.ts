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

/** µs per call: a batch of calls long enough to time, after a warm-up. */
function time(fn: Fn, value: string, calls: number): number {
  for (let i = 0; i < Math.min(calls, 200); i++) sink += (fn(value) as unknown[]).length;
  const t0 = performance.now();
  for (let i = 0; i < calls; i++) sink += (fn(value) as unknown[]).length;
  return ((performance.now() - t0) * 1000) / calls;
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
        out[`${fname} ${vname}`] = time(fn, value, value.length > 1000 ? 3 : 2000);
      }
    }
    out.sink = sink;
    return out;
  },
};
