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
import {createServer} from 'node:net';
import {ENGINE_LABELS, findXvfb, requireEngines, selectedEngines} from './browsers.mjs';

const args = process.argv.slice(2);
const engines = selectedEngines();
const found = requireEngines(engines);
const interactive = args.some((a) => ['--watch', '-w', '--manual', '--open'].includes(a));

const resultsDir = 'test-results';
const summaryFile = `${resultsDir}/summary.json`;

/** Processes this script started, stopped (with their process groups) on exit. */
const helpers = [];
let runner = null;

function stopHelpers() {
  for (const child of helpers.splice(0).reverse()) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    try {
      process.kill(-child.pid, 'SIGTERM'); // the group: WebKitWebDriver's MiniBrowser and web processes too
    } catch {
      child.kill('SIGTERM');
    }
  }
}
process.on('exit', stopHelpers);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    runner?.kill(signal);
    stopHelpers();
    process.exit(128 + {SIGINT: 2, SIGTERM: 15, SIGHUP: 1}[signal]);
  });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const {port} = server.address();
      server.close(() => resolve(port));
    });
  });
}

function startHelper(command, argv, options = {}) {
  const child = spawn(command, argv, {detached: true, stdio: ['ignore', 'ignore', 'pipe'], ...options});
  helpers.push(child);
  let stderr = '';
  child.stderr?.on('data', (chunk) => (stderr = (stderr + chunk).slice(-4000)));
  child.stderrTail = () => stderr.trim();
  return child;
}

/**
 * Starts Xvfb on a display number it picks itself (-displayfd); resolves to ":N".
 * The screen is small on purpose: with no window manager, X gives keyboard focus to the window
 * under the pointer, which sits at the screen's centre (160, 120). MiniBrowser's window (at 0, 0,
 * at least 447 px wide, and free to be larger than the screen) always covers that point, so the
 * page has focus (document.hasFocus(), focus events, :focus-visible) at every viewport size.
 */
function startXvfb() {
  const xvfb = startHelper(findXvfb(), ['-displayfd', '3', '-screen', '0', '320x240x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`Xvfb did not start in 10 s.\n${xvfb.stderrTail()}`)), 10000);
    xvfb.stdio[3].on('data', (chunk) => {
      out += chunk;
      if (out.includes('\n')) {
        clearTimeout(timer);
        resolve(`:${out.trim()}`);
      }
    });
    xvfb.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Xvfb exited (${code}) before it was ready.\n${xvfb.stderrTail()}`));
    });
  });
}

/** Starts WebKitWebDriver on a free local port and waits until it answers /status. */
async function startWebKitDriver(display) {
  const port = await freePort();
  const driver = startHelper(found.webkit.driver, [`--port=${port}`, '--host=127.0.0.1'], {
    env: {...process.env, DISPLAY: display},
  });
  const deadline = Date.now() + 15000;
  while (Date.now() < deadline) {
    if (driver.exitCode !== null) break;
    try {
      const res = await fetch(`http://127.0.0.1:${port}/status`);
      if (res.ok) return port;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`WebKitWebDriver (${found.webkit.driver}) did not start on port ${port}.\n${driver.stderrTail()}`);
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
