#!/usr/bin/env node
// `npm run bench`: <sonet-login-form> side by side with what a front-end team would pick instead,
// in one headless Chromium, candidates interleaved, each sample in a fresh page (a new browser
// context, so a new renderer process and empty caches), served cross-origin isolated from
// 127.0.0.1. Prints markdown tables of medians — the ratio to the baseline (a bare, hand-written
// Lit element), and navigation → form ready on an emulated phone — and writes them to
// scripts/bench/RESULTS.md.
//
// Environment: BENCH_SAMPLES (default 20), BENCH_ONLY=sonet,bare (a subset, while investigating),
// CHROME_PATH (another Chromium).
// Not run in CI (it takes minutes and its figures depend on the machine); `npm run size` is.
import {execFileSync} from 'node:child_process';
import {existsSync, readFileSync, writeFileSync} from 'node:fs';
import {cpus, loadavg, totalmem} from 'node:os';
import {join, relative} from 'node:path';
import {findChromium} from '../browsers.mjs';
import {BASELINE, BENCH_FLAGS, BUNDLE_DIR, ROOT, buildAll, bundleIsStale, versionOf} from './candidates.mjs';
import {PHONE, launchChromium, openPage} from './chromium.mjs';
import {LIVE_LIMIT_MS, READY_LIMIT_MS} from './probe.js';
import {startServer} from './server.mjs';
import {median, medianReached, quartiles} from './stats.mjs';

const HERE = join(ROOT, 'scripts/bench');
process.chdir(ROOT);


const SAMPLES = Math.max(1, Number(process.env.BENCH_SAMPLES) || 20);
const KEYSTROKES = 1000;
const INSTANCES = 100;
/** Keystrokes per typed word and its clearing (harness.js types `taro_s@aa2` and `たろう＿ｓ＠ａａ２`). */
const ASCII_WORD = 11;
const JAPANESE_WORD = 10;
const started = Date.now();
const loadAtStart = loadavg()[0];
/** The whole run stays under fifteen minutes: rounds stop early (and the report says so) on a slow machine. */
const TIME_LIMIT_MS = 15 * 60_000;

// ---------------------------------------------------------------------------------------------
// Samples

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function settled(page) {
  await page.evaluate('window.__bench.ready');
  await page.evaluate('window.__bench.settle()');
  await sleep(50);
  await page.send('HeapProfiler.collectGarbage');
  await page.evaluate('window.__bench.settle()');
}

async function heapUsed(page) {
  await page.send('HeapProfiler.collectGarbage');
  await page.send('HeapProfiler.collectGarbage');
  const usage = await page.send('Runtime.getHeapUsage');
  return usage;
}

/** script start (the candidate's script received) → first instance rendered and laid out. */
async function loadSample(browser, origin, c) {
  const page = await openPage(browser, `${origin}/page/${c.name}-load.html`);
  try {
    const r = await page.evaluate('window.__bench.loaded');
    return {startToRendered: r.rendered - r.scriptStart};
  } finally {
    await page.close();
  }
}

/** create → laid out, keystrokes, then heap per instance — in one fresh page, settled between. */
async function createSample(browser, origin, c) {
  const page = await openPage(browser, `${origin}/page/${c.name}-create.html`);
  try {
    await page.send('HeapProfiler.enable');
    await settled(page);
    const create = await page.evaluate('window.__bench.create()');
    await page.evaluate('window.__bench.settle()');
    const ascii = await page.evaluate(`window.__bench.type('ascii', ${KEYSTROKES})`);
    const japanese = await page.evaluate(`window.__bench.type('japanese', ${KEYSTROKES})`);
    await page.evaluate('window.__bench.settle()');
    const before = await heapUsed(page);
    const made = await page.evaluate(`window.__bench.createMany(${INSTANCES})`);
    if (made !== INSTANCES) throw new Error(`${c.name}: created ${made} of ${INSTANCES}`);
    const after = await heapUsed(page);
    const perInstance = (k) => (after[k] - before[k]) / INSTANCES;
    return {
      create,
      ascii: ascii.us,
      japanese: japanese.us,
      japaneseWarnings: japanese.withWarnings,
      asciiWarnings: ascii.withWarnings,
      heap: perInstance('usedSize'),
      embedderHeap: after.embedderHeapUsedSize !== undefined ? perInstance('embedderHeapUsedSize') : NaN,
      exceptions: [...page.exceptions],
    };
  } finally {
    await page.close();
  }
}

/**
 * On the emulated phone: navigation start → the form visible and typeable, and (for this library)
 * → warnings live, with no interaction; and the bytes received until the form was ready.
 */
async function phoneSample(browser, origin, c) {
  if (c.navSkipped) return {};
  const page = await openPage(browser, `${origin}/page/${c.name}-nav.html`, {phone: true});
  try {
    const r = await page.evaluate('window.__nav');
    // NaN (not reached) comes back as null.
    return {ready: r.ready ?? NaN, live: r.live ?? NaN, readyBytes: r.readyBytes ?? NaN};
  } finally {
    await page.close();
  }
}

async function coreSample(browser, origin) {
  const page = await openPage(browser, `${origin}/core.html`);
  try {
    await sleep(50);
    return await page.evaluate('window.__core.run()');
  } finally {
    await page.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Statistics and report

const fmt = (x, digits = 1) => (Number.isFinite(x) ? x.toFixed(digits) : '–');
const ratio = (x, base) => (Number.isFinite(x) && Number.isFinite(base) && base !== 0 ? x / base : NaN);

function machine(browserVersion) {
  const cpu = cpus();
  let commit = '';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {encoding: 'utf8'}).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src'], {encoding: 'utf8'}).trim();
    if (dirty) commit += ' (src has uncommitted changes)';
  } catch {
    commit = 'unknown';
  }
  return {
    date: new Date().toISOString(),
    nproc: cpu.length,
    model: cpu[0]?.model ?? 'unknown',
    memory: `${Math.round(totalmem() / 2 ** 30)} GiB`,
    load: `load average ${loadAtStart.toFixed(1)} at the start, ${loadavg()[0].toFixed(1)} at the end`,
    browser: browserVersion,
    node: process.version,
    commit,
    versions: Object.fromEntries(
      ['lit', '@lit/localize', '@vaadin/login', '@shoelace-style/shoelace', '@material/web', 'esbuild'].map((p) => [
        p,
        versionOf(p) ?? 'not installed',
      ])
    ),
    own: JSON.parse(readFileSync('package.json', 'utf8')).version,
  };
}

function report(built, results, core, info, elapsed, stoppedEarly) {
  const lines = [];
  const out = (s = '') => lines.push(s);
  const base = results.get(BASELINE);
  const bm = (k) => (base ? median(base.map((r) => r[k])) : NaN);
  const baseBytes = built.find((c) => c.name === BASELINE)?.gz;

  out('# Benchmark: `<sonet-login-form>` and the components teams would pick instead');
  out();
  out(`- Date: ${info.date}`);
  out(
    `- Machine: ${info.nproc} × ${info.model}, ${info.memory} RAM, ${info.load} (other work on the machine ` +
      `widens the spread; the candidates are interleaved, so ratios suffer less than absolute figures); ` +
      `${info.browser} (headless, one process); Node ${info.node}`
  );
  out(
    `- Versions: sonet-login-elements ${info.own} (commit ${info.commit}), ` +
      Object.entries(info.versions)
        .map(([p, v]) => `${p} ${v}`)
        .join(', ')
  );
  out(
    `- Method: esbuild --minify (ES2021, production conditions, code-split); ${core.length} samples per figure, ` +
      'candidates interleaved, each sample in a fresh page (new browser context), served from 127.0.0.1 with ' +
      'COOP/COEP (cross-origin isolated); renderer settled (GC, two frames, idle) before each measurement. ' +
      `Medians; × = ratio to the baseline. Run took ${Math.round(elapsed / 1000)} s.`
  );
  const {network, cpuSlowdown, viewport} = PHONE;
  out(
    `- Phone: DevTools network emulation (${network.latency} ms latency, ${(network.download * 8) / 1e6} Mbit/s down, ` +
      `${(network.upload * 8) / 1e3} kbit/s up), CPU ${cpuSlowdown}× slower, ${viewport.width}×${viewport.height} ` +
      'mobile viewport; responses gzip-encoded, no cache.'
  );
  if (stoppedEarly) out(`- **Fewer samples than asked: ${stoppedEarly}** (${core.length} per figure).`);
  out();
  out(
    '| candidate | bundle gzip KB | create → laid out ms | script start → rendered ms | ASCII µs/keystroke | ' +
      'Japanese µs/keystroke | JS heap KB/instance |'
  );
  out('|---|---:|---:|---:|---:|---:|---:|');
  const medians = new Map();
  for (const c of built) {
    if (c.skipped) {
      out(`| ${c.label} | ${c.skipped} ||||||`);
      continue;
    }
    const rs = results.get(c.name) ?? [];
    if (rs.length === 0) continue; // left out with BENCH_ONLY
    const m = {
      gz: c.gz,
      create: median(rs.map((r) => r.create)),
      load: median(rs.map((r) => r.startToRendered)),
      ascii: median(rs.map((r) => r.ascii)),
      japanese: median(rs.map((r) => r.japanese)),
      heap: median(rs.map((r) => r.heap)),
      embedder: median(rs.map((r) => r.embedderHeap)),
      samples: rs.length,
    };
    medians.set(c.name, m);
    const cell = (x, b, digits = 1, scale = 1) => `${fmt(x / scale, digits)} (${fmt(ratio(x, b), 2)}×)`;
    const bytes =
      cell(c.gz, baseBytes, 1, 1000) + (c.cssGz ? ` + ${fmt(c.cssGz / 1000)} CSS` : '') + (c.lazyFiles ? ` + ${c.lazyFiles} lazy` : '');
    out(
      `| ${c.label} | ${bytes} | ${cell(m.create, bm('create'), 2)} | ${cell(m.load, bm('startToRendered'), 2)} | ` +
        `${cell(m.ascii, bm('ascii'))} | ${cell(m.japanese, bm('japanese'))} | ${cell(m.heap, bm('heap'), 1, 1024)} |`
    );
  }
  out();
  out(
    'Bundle: what the page loads before any interaction (entry + static imports; "lazy" = chunks loaded by `import()` ' +
      'when first needed). Keystrokes: 1,000 `input` events into the user ID field, each followed by its updates and a ' +
      'forced layout; ASCII types `taro_s@aa2`, Japanese types `たろう＿ｓ＠ａａ２` (kana and full-width: this library ' +
      'shows and updates warnings), clearing the field after each word. Heap: `Runtime.getHeapUsage().usedSize` after ' +
      '`HeapProfiler.collectGarbage`, around creating 100 more instances.'
  );

  // Spread, for the record.
  out();
  out('Interquartile ranges (p25–p75):');
  out();
  out('| candidate | create ms | script start → rendered ms | ASCII µs | Japanese µs | heap KB | DOM (embedder) heap KB/instance |');
  out('|---|---|---|---|---|---|---:|');
  for (const c of built) {
    const rs = results.get(c.name) ?? [];
    if (c.skipped || rs.length === 0) continue;
    const iq = (k, d = 2, s = 1) => quartiles(rs.map((r) => r[k] / s)).map((x) => fmt(x, d)).join('–');
    out(
      `| ${c.name} | ${iq('create')} | ${iq('startToRendered')} | ${iq('ascii', 1)} | ${iq('japanese', 1)} | ` +
        `${iq('heap', 1, 1024)} | ${fmt(medians.get(c.name).embedder / 1024)} |`
    );
  }

  // What a member feels: the emulated phone.
  out();
  out('## On a phone: navigation → form ready');
  out();
  if (bundleIsStale()) out(`⚠️ \`${BUNDLE_DIR}\` is older than a file in \`src/\`: these figures are of an earlier build (\`npm run bench\` builds it first).\n`);
  out(
    '| candidate | fetched before ready, gzip KB | navigation → form ready ms (p25–p75) | navigation → warnings live ms (p25–p75) |'
  );
  out('|---|---:|---:|---:|');
  const phone = new Map();
  for (const c of built) {
    const rs = (results.get(c.name) ?? []).map((r) => r.phone).filter((p) => p && 'ready' in p);
    if (c.skipped || (results.get(c.name) ?? []).length === 0) continue;
    if (c.navSkipped || rs.length === 0) {
      out(`| ${c.label} | ${c.navSkipped ?? 'not measured'} |||`);
      continue;
    }
    const iq = (k) => quartiles(rs.map((r) => r[k])).map((x) => fmt(x, 0)).join('–');
    const p = {
      ready: medianReached(rs.map((r) => r.ready)),
      live: c.name === 'sonet' ? medianReached(rs.map((r) => r.live)) : NaN,
      liveCount: rs.filter((r) => Number.isFinite(r.live)).length,
      bytes: median(rs.map((r) => r.readyBytes)),
      samples: rs.length,
    };
    phone.set(c.name, p);
    const shown = (x, k) => (x === Infinity ? `not reached in ${(k === 'live' ? LIVE_LIMIT_MS : READY_LIMIT_MS) / 1000} s` : `${fmt(x, 0)} (${iq(k)})`);
    const live =
      c.name === 'sonet' ? `${shown(p.live, 'live')}${p.liveCount < rs.length ? `, live in ${p.liveCount} of ${rs.length}` : ''}` : '–';
    out(`| ${c.label} | ${fmt(p.bytes / 1000)} | ${shown(p.ready, 'ready')} | ${live} |`);
  }
  out();
  out(
    `Each page is what a member's browser gets: the form in the HTML (this library: the README's server-rendered ` +
      `page loading \`${BUNDLE_DIR}/sonet-login-elements.min.js\`, the built \`./bundle\` with its chunks), the ` +
      "candidate's script in `<head>`. Ready: the user ID input exists, is connected, enabled and has a layout box " +
      "(this library: and the show-password toggle exists), checked on each animation frame from the page's first; " +
      "warnings live: the element's `live` (until it exists, its behaviour attached), with no interaction. Fetched: " +
      'the encoded bodies of the scripts and stylesheets received by then.'
  );

  // Targets (reported, not asserted).
  const own = medians.get('sonet');
  const b = medians.get(BASELINE);
  out();
  out('## Targets');
  out();
  if (!own || !b) {
    out(own ? 'The baseline was not measured.' : `\`<sonet-login-form>\` was not measured: ${built.find((c) => c.name === 'sonet')?.skipped}.`);
  } else {
    const target = (ok, text) => out(`- ${ok ? '✅' : '❌'} ${text}`);
    target(own.create <= 1.2 * b.create, `create → laid out ≤ 1.2× baseline: ${fmt(own.create / b.create, 2)}×`);
    for (const other of ['vaadin', 'shoelace', 'material']) {
      const o = medians.get(other);
      if (!o) {
        const why = built.find((c) => c.name === other)?.skipped;
        if (why) out(`- ⚠️ ${other}: ${why}`);
        continue;
      }
      target(own.create * 2.5 <= o.create, `create → laid out ≥ 2.5× faster than ${other}: ${fmt(o.create / own.create, 2)}×`);
    }
    target(own.ascii <= 1.3 * b.ascii, `ASCII keystroke ≤ 1.3× baseline: ${fmt(own.ascii / b.ascii, 2)}×`);
    target(own.japanese <= 2 * b.japanese, `keystroke with warnings changing ≤ 2× baseline: ${fmt(own.japanese / b.japanese, 2)}×`);
    target(own.heap <= 1.5 * b.heap, `heap per instance ≤ 1.5× baseline: ${fmt(own.heap / b.heap, 2)}×`);
    const ph = phone.get('sonet');
    const others = ['vaadin', 'shoelace', 'material'].filter((o) => phone.has(o));
    if (!ph) {
      out(`- ⚠️ navigation → form ready on a phone: not measured (${built.find((c) => c.name === 'sonet')?.navSkipped})`);
    } else {
      if (others.length) {
        const fastest = others.reduce((a, o) => (phone.get(o).ready < phone.get(a).ready ? o : a));
        const r = ph.ready / phone.get(fastest).ready;
        target(r <= 0.6, `navigation → form ready on a phone ≤ 0.6× the fastest of ${others.join(', ')} (${fastest}): ${fmt(r, 2)}×`);
      } else {
        out('- ⚠️ navigation → form ready on a phone: none of vaadin, shoelace, material was measured');
      }
      target(
        ph.live <= 1500,
        `navigation → warnings live on a phone ≤ 1.5 s: ${ph.live === Infinity ? `not live within ${LIVE_LIMIT_MS / 1000} s` : `${fmt(ph.live / 1000, 2)} s`}` +
          ` (live in ${ph.liveCount} of ${ph.samples} samples)`
      );
    }
    const rs = results.get('sonet');
    const warned = median(rs.map((r) => r.japaneseWarnings));
    out(
      `- Keystrokes of one word (and its clearing) with a warning on screen: Japanese ${fmt(warned, 0)} of ` +
        `${JAPANESE_WORD}, ASCII ${fmt(median(rs.map((r) => r.asciiWarnings)), 0)} of ${ASCII_WORD}.`
    );
  }

  // The analysis core.
  out();
  out('## The analysis core alone (`src/lib`, no element)');
  out();
  out('| function | value | µs per call (median) | ns per character |');
  out('|---|---|---:|---:|');
  const lengths = {'ascii-64': 64, 'japanese-64': 64, 'ascii-1mb': 1 << 20, 'japanese-1mb': 1 << 20};
  for (const key of Object.keys(core[0] ?? {}).filter((k) => k !== 'sink')) {
    const [fn, value] = key.split(' ');
    const us = median(core.map((r) => r[key]));
    out(`| \`${fn}\` | ${value} | ${fmt(us, us < 10 ? 2 : 0)} | ${fmt((us * 1000) / lengths[value], 1)} |`);
  }
  const exceptions = [...results.values()].flat().flatMap((r) => r.exceptions ?? []);
  if (exceptions.length) {
    out();
    out(`Page exceptions during the run (${exceptions.length}): ${[...new Set(exceptions)].slice(0, 5).join(' | ')}`);
  }
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const chromium = findChromium();
  if (!chromium) {
    console.error('No Chromium found: install the Debian package `chromium` or set CHROME_PATH.');
    process.exit(1);
  }
  if (!existsSync('src/locales/en.ts')) {
    console.error('src/locales/en.ts is missing: run `npx lit-localize build` (npm run bench does).');
    process.exit(2);
  }
  const {routes, built} = await buildAll();
  for (const c of built) if (c.skipped) console.log(`${c.name}: ${c.skipped}`);
  const server = await startServer(routes);
  const browser = await launchChromium(chromium, BENCH_FLAGS);
  const only = (process.env.BENCH_ONLY ?? '').split(',').filter(Boolean);
  const live = built.filter((c) => !c.skipped && (only.length === 0 || only.includes(c.name)));
  const results = new Map(live.map((c) => [c.name, []]));
  const core = [];
  let stoppedEarly = '';
  try {
    for (let round = 0; round < SAMPLES; round++) {
      const elapsed = Date.now() - started;
      if (round > 0 && elapsed + (elapsed / round) * 1.1 > TIME_LIMIT_MS) {
        stoppedEarly = `stopped after ${round} rounds to stay under ${TIME_LIMIT_MS / 60000} minutes`;
        break;
      }
      // Interleaved, in a rotating order, so drift (thermal, other processes) spreads over all.
      const order = live.map((_, i) => live[(i + round) % live.length]);
      for (const c of order) {
        const t0 = Date.now();
        const load = await loadSample(browser.browser, server.origin, c);
        const t1 = Date.now();
        const rest = await createSample(browser.browser, server.origin, c);
        const t2 = Date.now();
        const phone = await phoneSample(browser.browser, server.origin, c);
        if (process.env.BENCH_DEBUG) {
          console.error(`${c.name}: load page ${t1 - t0} ms, create page ${t2 - t1} ms, phone page ${Date.now() - t2} ms`);
        }
        results.get(c.name).push({...load, ...rest, phone});
      }
      core.push(await coreSample(browser.browser, server.origin));
      process.stderr.write(`\rround ${round + 1}/${SAMPLES} (${Math.round((Date.now() - started) / 1000)} s)`);
    }
    process.stderr.write('\n');
  } finally {
    await browser.close();
    await server.close();
  }
  const text = report(built, results, core, machine(browser.version), Date.now() - started, stoppedEarly);
  console.log(text);
  writeFileSync(join(HERE, 'RESULTS.md'), text + '\n');
  console.log(`\nwritten to ${relative(ROOT, join(HERE, 'RESULTS.md'))}`);
}

await main();
