#!/usr/bin/env node
// `npm test`: the whole suite in real headless browsers (web-test-runner), then the closing
// line "N passed, N failed" alone on the last line. Extra arguments go to web-test-runner,
// e.g. `npm test -- --files test/lib/**/*.test.ts` or `npm test -- --watch`.
import {spawnSync} from 'node:child_process';
import {existsSync, readFileSync, rmSync, writeSync} from 'node:fs';
import {requireChromium} from './browsers.mjs';

requireChromium();

const summaryFile = 'test-results/summary.json';
rmSync(summaryFile, {force: true});
const wtr = spawnSync(
  process.execPath,
  ['node_modules/@web/test-runner/dist/bin.js', '--config', 'web-test-runner.config.mjs', ...process.argv.slice(2)],
  {stdio: 'inherit'}
);

let totals = {passed: 0, failed: 0, skipped: 0};
if (existsSync(summaryFile)) totals = JSON.parse(readFileSync(summaryFile, 'utf8'));
// The runner failing without a test failing (config error, browser crash) is still a failure.
if (wtr.status !== 0 && totals.failed === 0) totals.failed = 1;
const skipped = totals.skipped ? `, ${totals.skipped} skipped` : '';
writeSync(1, `\n${totals.passed} passed, ${totals.failed} failed${skipped}\n`);
process.exit(wtr.status === 0 && totals.failed === 0 ? 0 : 1);
