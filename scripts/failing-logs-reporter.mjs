// web-test-runner's default reporter, printing a test file's browser logs only when it failed
// (issue 21: a passing run is quiet). The runner has no option for this: `browserLogs: false`
// drops the logs of failing files too, and the default reporter prints every file's. 404s and
// errors are reported as before.
import {defaultReporter} from '@web/test-runner';

/** @returns {import('@web/test-runner').Reporter} */
export function failingLogsReporter(options = {}) {
  const reporter = defaultReporter(options);
  return {
    ...reporter,
    reportTestFileResults(args) {
      const sessionsForTestFile = args.sessionsForTestFile.map((session) => (session.passed ? {...session, logs: []} : session));
      return reporter.reportTestFileResults?.({...args, sessionsForTestFile});
    },
  };
}
