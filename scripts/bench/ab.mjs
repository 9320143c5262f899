#!/usr/bin/env node
// Builds of `./bundle` side by side on the emulated phone: navigation → form ready and →
// warnings live, for comparing loading plans (the figures of one `npm run bench` run move by
// ±100 ms with the machine's load; pairs interleaved in one browser do not). Each build is a copy
// of dist/bundle (e.g. `cp -r dist/bundle /tmp/plan-a` at one commit, `/tmp/plan-b` at another),
// served under the README's page exactly as bench.mjs serves the built bundle.
//
//   node scripts/bench/ab.mjs /tmp/plan-a /tmp/plan-b [/tmp/plan-c …] [--samples=15] [--with=material] [--failure]
//
// `--with` adds other candidates' phone pages (bench.mjs's: material, shoelace, vaadin, bare) to
// the same rounds, so the ratio (ready ÷ the fastest of them) comes from one run too.
// `--failure` also times a failed login in each page of ours: once warnings are live, the user ID
// is focused (the behaviour attaches), and 3 s later a submit goes to the bench server, which
// answers 404; the figure is submit → the guidance's steps on screen (3 s more per sample).
import {existsSync, readFileSync, readdirSync} from 'node:fs';
import {basename, resolve} from 'node:path';
import {gzipSync} from 'node:zlib';
import {findChromium} from '../browsers.mjs';
import {BENCH_FLAGS, BUNDLE_ENTRY as ENTRY, buildAll} from './candidates.mjs';
import {launchChromium, openPage} from './chromium.mjs';
import {startServer} from './server.mjs';
import {median, medianReached, quartiles} from './stats.mjs';

const args = process.argv.slice(2);
const samples = Number(args.find((a) => a.startsWith('--samples='))?.slice(10) ?? 15);
const dirs = args.filter((a) => !a.startsWith('--')).map((d) => resolve(d));
const others = (args.find((a) => a.startsWith('--with='))?.slice(7) ?? '').split(',').filter(Boolean);
const failure = args.includes('--failure');
const missing = dirs.filter((d) => !existsSync(`${d}/${ENTRY}`));
if (dirs.length < 2 || missing.length || !(samples > 0)) {
  console.error(
    'usage: node scripts/bench/ab.mjs <bundle dir> <bundle dir> [more dirs] [--samples=15] [--with=material,…] [--failure]\n' +
      `(each dir a copy of dist/bundle, holding ${ENTRY})` +
      (missing.length ? `\nno ${ENTRY} in: ${missing.join(', ')}` : '')
  );
  process.exit(2);
}
const chromium = findChromium();
if (!chromium) {
  console.error('No Chromium found: install the Debian package `chromium` or set CHROME_PATH.');
  process.exit(1);
}

// The bench's own page for this library (the probe inlined, the README's markup), pointed at
// each build in turn.
const {routes} = await buildAll();
const page = String(routes.get('/page/sonet-nav.html') ?? '');
if (!page.includes(`/assets/${ENTRY}`)) {
  console.error('The bench has no page for this library: run `npm run build` first.');
  process.exit(1);
}
const variants = dirs.map((dir, i) => {
  for (const f of readdirSync(dir)) routes.set(`/${i}/${f}`, readFileSync(`${dir}/${f}`));
  routes.set(`/page/ab-${i}.html`, page.replace(`/assets/${ENTRY}`, `/${i}/${ENTRY}`));
  const scripts = readdirSync(dir).filter((f) => f.endsWith('.js'));
  const total = scripts.reduce((sum, f) => sum + gzipSync(readFileSync(`${dir}/${f}`), {level: 9}).length, 0);
  const label = `${String.fromCharCode(65 + i)}: ${basename(dir)}`;
  return {label, url: `/page/ab-${i}.html`, files: `${scripts.length}, ${(total / 1000).toFixed(2)} kB`, ready: [], live: [], bytes: [], failure: []};
});
const references = others.map((name) => {
  if (!routes.has(`/page/${name}-nav.html`)) {
    console.error(`--with=${name}: the bench has no phone page for it (not installed, or not a candidate of candidates.mjs)`);
    process.exit(2);
  }
  return {label: name, url: `/page/${name}-nav.html`, files: '–', ready: [], live: [], bytes: []};
});
const pages = [...variants, ...references];

/**
 * In the page, once warnings are live: ms from a submit with a wrong password (the bench server
 * answers 404) to the guidance's steps on screen; NaN past 10 s.
 */
const FAILED_LOGIN = `(async () => {
  const userId = document.querySelector('sonet-login-form input[autocomplete~="username"]');
  const password = document.querySelector('sonet-login-form input[type="password"]');
  userId.focus();
  await new Promise((r) => setTimeout(r, 3000));
  userId.value = 'taro_s@aa2';
  password.value = 'wrong';
  const start = performance.now();
  document.querySelector('sonet-login-form form').requestSubmit();
  for (;;) {
    await new Promise((r) => requestAnimationFrame(r));
    if (document.querySelector('sonet-error-help')?.shadowRoot?.querySelector('ol li')) return performance.now() - start;
    if (performance.now() - start > 10000) return NaN;
  }
})()`;

const server = await startServer(routes);
const browser = await launchChromium(chromium, BENCH_FLAGS);
try {
  for (let round = 0; round < samples; round++) {
    // A rotating order, so no build always runs first (drift spreads over all).
    for (const v of pages.map((_, k) => pages[(k + round) % pages.length])) {
      const p = await openPage(browser.browser, `${server.origin}${v.url}`, {phone: true});
      try {
        const r = await p.evaluate('window.__nav');
        v.ready.push(r.ready ?? NaN);
        v.live.push(r.live ?? NaN);
        v.bytes.push(r.readyBytes ?? NaN);
        if (failure && variants.includes(v)) v.failure.push(await p.evaluate(FAILED_LOGIN));
      } finally {
        await p.close();
      }
    }
    process.stderr.write(`\rround ${round + 1}/${samples}`);
  }
  process.stderr.write('\n');
} finally {
  await browser.close();
  await server.close();
}

const ms = (x) => (Number.isFinite(x) ? Math.round(x) : x === Infinity ? 'not live' : '–');
const cell = (xs, mid = median) => `${ms(mid(xs))} (${quartiles(xs).map(ms).join('–')})`;
console.log(`Phone profile (scripts/bench/chromium.mjs), ${samples} interleaved rounds, medians (p25–p75), ms from navigation:\n`);
const fastest = references.length ? Math.min(...references.map((r) => median(r.ready))) : NaN;
const ratio = (v) => (Number.isFinite(fastest) ? ` | ${(median(v.ready) / fastest).toFixed(2)}×` : '');
const failureHead = failure ? ' | submit → guidance steps' : '';
console.log(`| build | files, gzip total | fetched before ready | form ready | warnings live${failureHead}${references.length ? ' | ready ÷ fastest --with' : ''} |`);
console.log(`|---|---:|---:|---:|---:${failure ? '|---:' : ''}${references.length ? '|---:' : ''}|`);
for (const v of pages) {
  const ours = !references.includes(v);
  // Not live (or no steps) within the limit counts as later than every figure, as in bench.mjs.
  const live = ours ? cell(v.live, medianReached) : '–';
  const failed = failure ? ` | ${ours ? cell(v.failure, medianReached) : '–'}` : '';
  console.log(`| ${v.label} | ${v.files} | ${(median(v.bytes) / 1000).toFixed(2)} kB | ${cell(v.ready)} | ${live}${failed}${ratio(v)} |`);
}
