// @web/test-runner configuration: the whole suite in real headless browsers from the system.
import {esbuildPlugin} from '@web/dev-server-esbuild';
import {chromeLauncher} from '@web/test-runner-chrome';
import {defaultReporter} from '@web/test-runner';
import {requireChromium, chromiumArgs} from './scripts/browsers.mjs';
import {summaryFileReporter} from './scripts/summary-file-reporter.mjs';
import {formAuditPlugin} from './test/plugins/form-audit-plugin.mjs';

const executablePath = requireChromium();

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: {exportConditions: ['development', 'browser']},
  // Decorators need the tsconfig, or Chromium throws "Invalid or unexpected token" (TOOLCHAIN.md).
  plugins: [esbuildPlugin({ts: true, tsconfig: './tsconfig.json', target: 'es2021'}), formAuditPlugin()],
  browsers: [chromeLauncher({launchOptions: {executablePath, headless: true, args: chromiumArgs}})],
  concurrency: 2,
  testFramework: {config: {timeout: 10000}},
  testsFinishTimeout: 600000,
  reporters: [defaultReporter(), summaryFileReporter()],
};
