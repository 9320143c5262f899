// A web-test-runner reporter that counts tests across every browser session and writes the
// totals to test-results/summary.json (or WTR_SUMMARY_FILE, which scripts/test.mjs sets per
// engine); scripts/test.mjs prints them as "N passed, N failed" alone on the last line (CI reads
// it; the runner's own progress line never stands alone).
// A test file that fails to load or compile counts as one failure, so it can never pass silently.
import {mkdirSync, writeFileSync} from 'node:fs';
import {dirname} from 'node:path';

function count(suite, acc) {
  if (!suite) return acc;
  for (const t of suite.tests ?? []) {
    if (t.skipped) acc.skipped++;
    else if (t.passed) acc.passed++;
    else acc.failed++;
  }
  for (const s of suite.suites ?? []) count(s, acc);
  return acc;
}

export function summaryFileReporter({file = process.env.WTR_SUMMARY_FILE || 'test-results/summary.json'} = {}) {
  let totals = {passed: 0, failed: 0, skipped: 0};
  return {
    onTestRunFinished({sessions}) {
      totals = {passed: 0, failed: 0, skipped: 0};
      for (const session of sessions) {
        const before = totals.passed + totals.failed + totals.skipped;
        count(session.testResults, totals);
        const ran = totals.passed + totals.failed + totals.skipped - before;
        if (!session.passed && (session.errors?.length || ran === 0)) totals.failed++;
      }
      mkdirSync(dirname(file), {recursive: true});
      writeFileSync(file, JSON.stringify(totals));
    },
  };
}
