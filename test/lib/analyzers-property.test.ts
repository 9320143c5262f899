// Property and performance tests of the input analyzers over random strings.
import {expect} from '@open-wc/testing';
import {FINDING_CODES, FINDING_RULES} from '../../src/lib/findings.js';
import type {Finding} from '../../src/lib/findings.js';
import {hasFullWidthAscii, toHalfWidth} from '../../src/lib/half-width.js';
import {analyzePassword} from '../../src/lib/password.js';
import {toRomajiSuggestion} from '../../src/lib/romaji.js';
import {analyzeUserId} from '../../src/lib/user-id.js';
import type {UserIdOptions} from '../../src/lib/user-id.js';
import {costRatio} from '../support/cost-ratio.js';
import {label} from './finding-helpers.js';

/** mulberry32: a small seeded PRNG, so every run checks the same strings. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const INVISIBLES = '\u200b\u200c\u200d\u2060\ufeff\u200e\u200f\u202a\u202e\u2066\u2069\u0000\t\n\u007f\u0085\u009f\u00ad';
const FRAGMENTS = ['.so-net.ne.jp', '．ｓｏ－ｎｅｔ．ｎｅ．ｊｐ', '@aa2', '＠', '.so-', 'SO-NET.NE.JP.', 'ん', 'っ', '👨\u200d👩'];

/** A random string mixing every character class the analyzers care about, lone surrogates included. */
function randomString(random: () => number, length: number): string {
  const pick = (chars: string): string => chars[Math.floor(random() * chars.length)];
  const between = (from: number, to: number): string => String.fromCodePoint(from + Math.floor(random() * (to - from + 1)));
  let out = '';
  while (out.length < length) {
    const r = random();
    if (r < 0.22) out += pick('abcxyzABCXYZ0123456789_@.-#!Il1|O0o');
    else if (r < 0.32) out += between(0xff01, 0xff5e);
    else if (r < 0.34) out += pick('￥｟');
    else if (r < 0.42) out += between(0x3041, 0x3096);
    else if (r < 0.46) out += between(0x30a1, 0x30fc);
    else if (r < 0.5) out += between(0xff65, 0xff9f);
    else if (r < 0.53) out += pick('ー。、「\u3099');
    else if (r < 0.56) out += between(0x4e00, 0x9fff);
    else if (r < 0.57) out += between(0x20000, 0x2a6df);
    else if (r < 0.63) out += pick(' \u3000\u00a0\u2003');
    else if (r < 0.69) out += pick(INVISIBLES);
    else if (r < 0.73) out += between(0x1f300, 0x1f64f);
    else if (r < 0.75) out += between(0xd800, 0xdbff);
    else if (r < 0.77) out += between(0xdc00, 0xdfff);
    else if (r < 0.81) out += between(0x0300, 0x036f);
    else if (r < 0.87) out += FRAGMENTS[Math.floor(random() * FRAGMENTS.length)];
    else out += pick('aeiouknstr');
  }
  return out;
}

const isHigh = (u: number): boolean => u >= 0xd800 && u <= 0xdbff;
const isLow = (u: number): boolean => u >= 0xdc00 && u <= 0xdfff;
const splitsPair = (s: string, k: number): boolean => k > 0 && k < s.length && isHigh(s.charCodeAt(k - 1)) && isLow(s.charCodeAt(k));

/** Everything wrong with a list of findings for `value`, as readable lines (empty when well-formed). */
function problems(value: string, findings: Finding[], field: 'userId' | 'password'): string[] {
  const out: string[] = [];
  const where = `${field} ${label(value)}`;
  let lastOrder = -1;
  for (const finding of findings) {
    const order = FINDING_CODES.indexOf(finding.code);
    if (order <= lastOrder) out.push(`${where}: ${finding.code} out of order or repeated`);
    lastOrder = order;
    if (finding.level !== FINDING_RULES[finding.code][field]) out.push(`${where}: ${finding.code} has level ${finding.level}`);
    let previousEnd = -1;
    for (const [start, end] of finding.ranges) {
      if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start < end && end <= value.length)) {
        out.push(`${where}: ${finding.code} range [${start}, ${end}] out of bounds`);
      }
      if (start <= previousEnd) out.push(`${where}: ${finding.code} ranges not merged/ascending at ${start}`);
      if (splitsPair(value, start) || splitsPair(value, end)) out.push(`${where}: ${finding.code} range [${start}, ${end}] splits a surrogate pair`);
      previousEnd = end;
    }
    if (new Set(finding.chars).size !== finding.chars.length) out.push(`${where}: ${finding.code} chars repeat`);
    for (const char of finding.chars) {
      if ([...char].length !== 1) out.push(`${where}: ${finding.code} char ${label(char)} is not one code point`);
      // invalid-user-id names characters as they read after the repairs (＋ as +, 「 as [, and two
      // lone surrogates that meet once the space between them is gone).
      const repaired = finding.code === 'invalid-user-id' && findings.some((f) => f.fix?.includes(char));
      const inRange =
        repaired ||
        finding.ranges.some(([start, end]) => {
          const part = value.slice(start, end);
          return finding.code === 'invalid-user-id'
            ? `${part}${toHalfWidth(part)}${toRomajiSuggestion(part)}`.includes(char)
            : part.includes(char);
        });
      if (!inRange) out.push(`${where}: ${finding.code} char ${label(char)} lies outside its ranges`);
    }
    if (field === 'password' && 'fix' in finding) out.push(`${where}: ${finding.code} has a fix`);
    if (finding.fix !== undefined && finding.fix === value) out.push(`${where}: ${finding.code} fix equals the value`);
  }
  return out;
}

const PHASES = ['typing', 'blur', 'submit'] as const;

interface Sample {
  value: string;
  options: UserIdOptions;
}

describe('analyzers over 10,000 random strings', function () {
  // A fixed amount of work: on a machine busy with another job it takes longer, not wrong.
  this.timeout(60000);
  const samples: Sample[] = [];
  before(() => {
    const random = prng(20240611);
    for (let i = 0; i < 10000; i++) {
      // One string in ten is long enough to be too long for a user ID.
      const length = random() < 0.1 ? 200 + Math.floor(random() * 120) : Math.floor(random() * 24);
      samples.push({
        value: randomString(random, length),
        options: {
          phase: PHASES[Math.floor(random() * 3)],
          ...(random() < 0.6 ? {toRomaji: toRomajiSuggestion} : {}),
          ...(random() < 0.2 ? {domain: 'example.jp'} : {}),
        },
      });
    }
  });

  it('generates strings with every kind of character', () => {
    const all = samples.map((s) => s.value).join('');
    expect(samples.length).to.equal(10000);
    for (const needle of ['Ａ', 'ｶ', 'あ', '\u3000', ' ', '\u200b', '\u0301', '.so-net.ne.jp']) {
      expect(all.includes(needle), label(needle)).to.equal(true);
    }
    expect(/[\u{1f300}-\u{1f64f}]/u.test(all), 'emoji').to.equal(true);
    expect(/[\ud800-\udbff](?![\udc00-\udfff])/.test(all), 'lone high surrogate').to.equal(true);
    expect(/(?<![\ud800-\udbff])[\udc00-\udfff]/.test(all), 'lone low surrogate').to.equal(true);
    expect(samples.some((s) => s.value.length > 256), 'too long').to.equal(true);
  });

  it('returns well-formed user ID findings and never throws', () => {
    const found: string[] = [];
    for (const {value, options} of samples) found.push(...problems(value, analyzeUserId(value, options), 'userId'));
    expect(found.slice(0, 10)).to.deep.equal([]);
  });

  it('returns well-formed password findings without fixes and never throws', () => {
    const found: string[] = [];
    for (const {value} of samples) found.push(...problems(value, analyzePassword(value), 'password'));
    expect(found.slice(0, 10)).to.deep.equal([]);
  });

  it('reports nothing "unfinished" while typing', () => {
    const early = samples
      .filter((s) => s.options.phase === 'typing')
      .filter((s) => analyzeUserId(s.value, s.options).some((f) => f.code === 'missing-subdomain' || f.code === 'invalid-user-id'));
    expect(early.map((s) => label(s.value)).slice(0, 5)).to.deep.equal([]);
  });

  it('offers only fixes that are fixed points: analyzing the fix no longer reports that code', () => {
    const broken: string[] = [];
    let fixes = 0;
    for (const {value, options} of samples) {
      for (const finding of analyzeUserId(value, options)) {
        if (finding.fix === undefined) continue;
        fixes++;
        const again = analyzeUserId(finding.fix, options).map((f) => f.code);
        if (again.includes(finding.code)) broken.push(`${finding.code}: ${label(value)} → ${label(finding.fix)}`);
      }
    }
    expect(broken.slice(0, 10)).to.deep.equal([]);
    // The property must not hold vacuously.
    expect(fixes).to.be.greaterThan(3000);
  });

  it('keeps toHalfWidth idempotent and free of full-width ASCII and U+3000', () => {
    const broken: string[] = [];
    for (const {value} of samples) {
      const once = toHalfWidth(value);
      if (toHalfWidth(once) !== once || hasFullWidthAscii(once) || once.includes('\u3000') || once.length !== value.length) {
        broken.push(label(value));
      }
    }
    expect(broken.slice(0, 10)).to.deep.equal([]);
  });
});

describe('analyzers on 1 MB of input', function () {
  this.timeout(60000);
  const MB = 1 << 20;
  const fill = (unit: string): string => unit.repeat(Math.ceil(MB / unit.length)).slice(0, MB);
  const inputs: Record<string, string> = {
    'random mix': randomString(prng(7), MB).slice(0, MB),
    'ASCII text': fill('taro_s@aa2 Il1 '),
    'Japanese text': fill('ログインできない場合は、しばらく時間を置いてから再度お試しください。'),
    'full-width text': fill('ｔａｒｏ＿ｓ＠ａａ２．ｓｏ－ｎｅｔ．ｎｅ．ｊｐ　'),
  };
  // What a megabyte costs against a quarter of it, in the same run (a busy machine slows both):
  // the analyzers read the first CHARACTER_SCAN_LIMIT units only, so their cost stays flat (a
  // full read would be about 4×); toHalfWidth converts it all, in linear time (4–8× measured:
  // larger strings cost the collector more; quadratic would be 16×). The milliseconds belong to
  // the bench (scripts/bench: the analysis core on a 1 MB paste).
  const analyzers: Array<[name: string, analyze: (value: string) => unknown, limit: number]> = [
    ['analyzeUserId (typing)', (value) => analyzeUserId(value), 3],
    ['analyzeUserId (submit, romaji)', (value) => analyzeUserId(value, {phase: 'submit', toRomaji: toRomajiSuggestion}), 3],
    ['analyzePassword', (value) => analyzePassword(value), 3],
    ['toHalfWidth', (value) => toHalfWidth(value), 12],
  ];

  for (const [inputName, input] of Object.entries(inputs)) {
    for (const [name, analyze, limit] of analyzers) {
      it(`${name} costs at most ${limit}× on ${inputName} of 1 MB what it costs on 256 K`, () => {
        expect(input.length).to.equal(MB);
        const {ratio, reps, small, large} = costRatio(analyze, input.slice(0, MB / 4), input, {enough: limit});
        console.log(`[perf] ${name} — ${inputName}: ${reps} × 256 Ki units ${small.toFixed(1)} ms, ${reps} × 1 Mi units ${large.toFixed(1)} ms`);
        expect(ratio).to.be.lessThan(limit);
      });
    }
  }
});
