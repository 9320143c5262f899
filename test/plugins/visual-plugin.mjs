// Visual regression for test/visual/ (issue 19 item 7): @web/test-runner-visual-regression
// compares each `visualDiff(element, name)` with the committed PNG
// test/visual/screenshots/chromium/baseline/<name>.png and fails on any changed pixel (anti-aliased
// edges aside, as pixelmatch judges them). A missing baseline fails too, so a new state cannot pass
// unseen in CI. On a failure the new picture and a diff go to test/visual/screenshots/chromium/failed/
// (ignored by git). `npm run test:visual:update` (UPDATE_VISUAL=1) writes new baselines on purpose.
//
// The server command `visual-page` makes a page render the same on every run and machine of the
// CI's kind: a fixed time zone (a wait's end time is local time). Chromium only, like the tests.
import {visualRegressionPlugin} from '@web/test-runner-visual-regression/plugin';

/** The visual tests; left out of runs without Chromium (web-test-runner.config.mjs). */
export const VISUAL_FILES = 'test/visual/**/*.test.ts';

const BASE_DIR = 'test/visual/screenshots';
const engineDir = (browser) => String(browser).toLowerCase();

/**
 * @param {{update?: boolean}} [options] update: write the baselines instead of comparing.
 * @returns {import('@web/test-runner').TestRunnerPlugin[]}
 */
export function visualPlugins({update = false} = {}) {
  return [
    visualRegressionPlugin({
      update,
      baseDir: BASE_DIR,
      getBaselineName: ({browser, name}) => `${engineDir(browser)}/baseline/${name}`,
      getFailedName: ({browser, name}) => `${engineDir(browser)}/failed/${name}`,
      getDiffName: ({browser, name}) => `${engineDir(browser)}/failed/${name}-diff`,
    }),
    {
      name: 'visual-page',
      async executeCommand({command, payload, session}) {
        if (command !== 'visual-page') return undefined;
        if (session.browser.type !== 'puppeteer' || String(session.browser.name).toLowerCase() !== 'chromium') {
          throw new Error(`visual-page needs Chromium's DevTools protocol, not ${session.browser.name}.`);
        }
        const page = session.browser.getPage(session.id);
        await page.emulateTimezone(payload?.timeZone ?? 'Asia/Tokyo');
        return true;
      },
    },
  ];
}
