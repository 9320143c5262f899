#!/usr/bin/env node
// Where a candidate's time goes: the same pages as `npm run bench`, built without minifying so
// functions keep their names, under the V8 CPU profiler. Prints the functions with the most self
// time (and their files) for one phase.
//
//   node scripts/bench/profile.mjs <candidate> <create|ascii|japanese|load> [runs]
//   e.g. node scripts/bench/profile.mjs sonet japanese 5
import {findChromium} from '../browsers.mjs';
import {BENCH_FLAGS, buildAll} from './candidates.mjs';
import {launchChromium, openPage} from './chromium.mjs';
import {startServer} from './server.mjs';

const [name = 'sonet', phase = 'create', runsArg = '5'] = process.argv.slice(2);
const runs = Number(runsArg) || 5;
const PHASES = {
  create: 'window.__bench.create()',
  ascii: "window.__bench.type('ascii', 1000)",
  japanese: "window.__bench.type('japanese', 1000)",
};

const {routes, built} = await buildAll({minify: false});
const c = built.find((x) => x.name === name);
if (!c || c.skipped) {
  console.error(c ? c.skipped : `unknown candidate ${name}: ${built.map((x) => x.name).join(', ')}`);
  process.exit(2);
}
const server = await startServer(routes);
const browser = await launchChromium(findChromium(), BENCH_FLAGS);
const self = new Map();
let total = 0;
try {
  for (let run = 0; run < runs; run++) {
    const page = await openPage(browser.browser, `${server.origin}/page/${name}-${phase === 'load' ? 'load' : 'create'}.html`);
    await page.send('Profiler.enable');
    await page.send('Profiler.setSamplingInterval', {interval: 50});
    if (phase === 'load') {
      // The load page started before the profiler could: profile a reload instead.
      await page.send('Profiler.start');
      await page.evaluate('location.reload()').catch(() => {});
      await new Promise((r) => setTimeout(r, 1500));
    } else {
      await page.evaluate('window.__bench.ready');
      await page.evaluate('window.__bench.settle()');
      if (phase !== 'create') await page.evaluate('window.__bench.create()');
      await page.evaluate('window.__bench.settle()');
      await page.send('Profiler.start');
      await page.evaluate(PHASES[phase]);
    }
    const {profile} = await page.send('Profiler.stop');
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const dt = new Map();
    profile.samples.forEach((id, i) => dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
    for (const [id, us] of dt) {
      const f = byId.get(id).callFrame;
      const key = `${f.functionName || '(anonymous)'}  ${f.url.replace(/^.*\/(c|core)\//, '')}:${f.lineNumber + 1}`;
      self.set(key, (self.get(key) ?? 0) + us);
      total += us;
    }
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
console.log(`${name} ${phase}: ${(total / 1000 / runs).toFixed(1)} ms sampled per run; top self time (ms per run):`);
for (const [key, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30)) {
  console.log(`  ${(us / 1000 / runs).toFixed(2).padStart(8)}  ${key}`);
}
