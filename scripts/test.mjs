#!/usr/bin/env node
// `npm test`: the whole suite in real browsers — Chromium, Firefox and WebKit, one engine after
// another — then the closing line "N passed, N failed" alone on the last line, counted across
// every engine. BROWSERS=chromium,webkit picks engines (default: all three); a missing one stops
// the run at once with how to install it. Extra arguments go to web-test-runner, e.g.
// `npm test -- --files 'test/lib/**/*.test.ts'`; with --watch (or --manual) all chosen engines
// share one runner.
//
// WebKit needs WebKitWebDriver, and a display: this script starts the driver on a free port and
// Xvfb when DISPLAY is unset, and stops both on exit, Ctrl-C or SIGTERM.
import {spawn} from 'node:child_process';
import {mkdirSync, readFileSync, rmSync, writeFileSync, writeSync} from 'node:fs';
import {ENGINE_LABELS, requireEngines, selectedEngines} from './browsers.mjs';
import {startWebKitDriver, startXvfb, stopHelpers} from './engine-processes.mjs';

const args = process.argv.slice(2);
const engines = selectedEngines();
requireEngines(engines); // stops here, with how to install them, when any is missing
const interactive = args.some((a) => ['--watch', '-w', '--manual', '--open'].includes(a));

const resultsDir = 'test-results';
const summaryFile = `${resultsDir}/summary.json`;

let runner = null;

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    runner?.kill(signal);
    stopHelpers();
    process.exit(128 + {SIGINT: 2, SIGTERM: 15, SIGHUP: 1}[signal]);
  });
}

/** Runs web-test-runner once for `runEngines`; resolves to its exit status. */
function runWebTestRunner(runEngines, env) {
  return new Promise((resolve) => {
    runner = spawn(
      process.execPath,
      ['node_modules/@web/test-runner/dist/bin.js', '--config', 'web-test-runner.config.mjs', ...args],
      {stdio: 'inherit', env: {...process.env, ...env, BROWSERS: runEngines.join(',')}}
    );
    runner.on('exit', (code, signal) => {
      runner = null;
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

function readTotals(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

async function main() {
  rmSync(resultsDir, {recursive: true, force: true});
  mkdirSync(resultsDir, {recursive: true});

  const env = {};
  if (engines.includes('webkit')) {
    const display = process.env.DISPLAY || (await startXvfb());
    env.DISPLAY = display;
    env.WEBKIT_DRIVER_PORT = String(await startWebKitDriver(display));
  }

  // One runner per engine: a crash in one cannot hide another's results, timing-sensitive tests
  // do not compete with two other browsers for two cores, and each engine gets its own timing.
  const runs = interactive ? [engines] : engines.map((e) => [e]);
  const results = [];
  for (const runEngines of runs) {
    const label = runEngines.map((e) => ENGINE_LABELS[e]).join(' + ');
    const file = `${resultsDir}/summary-${runEngines.join('-')}.json`;
    if (runs.length > 1) writeSync(1, `\n::: ${label}\n`);
    const started = Date.now();
    const status = await runWebTestRunner(runEngines, {...env, WTR_SUMMARY_FILE: file});
    const seconds = (Date.now() - started) / 1000;
    const totals = readTotals(file) ?? {passed: 0, failed: 0, skipped: 0};
    // The runner failing without a test failing (config error, browser crash) is still a failure.
    if (status !== 0 && totals.failed === 0) totals.failed = 1;
    results.push({label, engines: runEngines, status, seconds, ...totals});
  }
  stopHelpers();

  const sum = (key) => results.reduce((n, r) => n + r[key], 0);
  const totals = {passed: sum('passed'), failed: sum('failed'), skipped: sum('skipped')};
  writeFileSync(summaryFile, JSON.stringify({...totals, runs: results}, null, 2));

  if (results.length > 1) {
    writeSync(1, '\n');
    for (const r of results) {
      const skipped = r.skipped ? `, ${r.skipped} skipped` : '';
      writeSync(1, `${r.label}: ${r.passed} passed, ${r.failed} failed${skipped} in ${r.seconds.toFixed(1)} s\n`);
    }
  }
  const skipped = totals.skipped ? `, ${totals.skipped} skipped` : '';
  writeSync(1, `\n${totals.passed} passed, ${totals.failed} failed${skipped}\n`);
  return results.every((r) => r.status === 0) && totals.failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error.message ?? error);
    stopHelpers();
    writeFileSync(summaryFile, JSON.stringify({passed: 0, failed: 1, skipped: 0}));
    writeSync(1, '\n0 passed, 1 failed\n');
    process.exit(1);
  }
);
