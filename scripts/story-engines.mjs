// Every story of the static Storybook build in Firefox and WebKit, for scripts/storybook-smoke.mjs
// (which checks them in Chromium with more: controls, Playgrounds, docs pages, dark and forced
// colours). Here each story must render its element, finish its play function, log no error and
// leave axe nothing to report, in the engines of Firefox and Safari as well.
//
// Firefox is driven by puppeteer-core over WebDriver BiDi, WebKit (WebKitGTK's MiniBrowser) by
// webdriverio through WebKitWebDriver (WebDriver classic), as the test runner drives them. A story
// tagged `dark` is checked again in a second browser that prefers a dark scheme (Firefox's
// `ui.systemUsesDarkTheme`, WebKitGTK under `GTK_THEME=Adwaita:dark`); neither engine can turn on
// forced colours here, so stories tagged `forced-colors` are checked in their ordinary colours.
import puppeteer from 'puppeteer-core';
import {remote} from 'webdriverio';
import {ENGINE_LABELS, findFirefox, findWebKit, firefoxPrefs} from './browsers.mjs';
import {startWebKitDriver, startXvfb, stopHelpers} from './engine-processes.mjs';
import {webkitSessionOptions} from './webkit-launcher.mjs';

/**
 * Recorded in every story page before Storybook's own scripts (the smoke server puts it at the top
 * of iframe.html): uncaught errors, unhandled rejections, failed resources and console.error calls,
 * which WebDriver classic cannot report.
 */
export const ERROR_RECORDER = `<script>
  window.__smokeErrors = [];
  addEventListener('error', (e) => __smokeErrors.push(e.message ? 'error: ' + e.message : 'failed to load ' + (e.target && (e.target.src || e.target.href))), true);
  addEventListener('unhandledrejection', (e) => __smokeErrors.push('unhandled rejection: ' + ((e.reason && e.reason.message) || e.reason)));
  const consoleError = console.error;
  console.error = (...args) => { __smokeErrors.push('console: ' + args.map(String).join(' ')); consoleError.apply(console, args); };
</script>`;

/** Where axe-core is served from by the smoke server (node_modules/axe-core/axe.min.js). */
export const AXE_PATH = '/__smoke/axe.min.js';

/**
 * Runs in the story's page: waits until Storybook has finished the story (render and play), lets
 * the elements settle, and reports what it found. Plain ES2021 with no closure, sent as source.
 * Every engine's check runs it, Chromium's in scripts/storybook-smoke.mjs too.
 */
export async function inspectStory({timeoutMs, axePath}) {
  const deadline = Date.now() + timeoutMs;
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  const phase = () => globalThis.__STORYBOOK_PREVIEW__?.currentRender?.phase;
  while (!['finished', 'errored', 'aborted'].includes(phase())) {
    if (Date.now() > deadline) return {phase: phase() ?? 'not started', errors: [...(window.__smokeErrors ?? [])]};
    await sleep(50);
  }
  const els = [...document.querySelectorAll('#storybook-root *')].filter((n) => n.localName.startsWith('sonet-'));
  await Promise.all(els.map((el) => customElements.whenDefined(el.localName)));
  await Promise.all(els.map((el) => el.updateComplete));
  // Lazy guidance and warnings (a story of the loading state never finishes: 3 s at most).
  await Promise.race([Promise.all(els.map((el) => el.ready).filter(Boolean)), sleep(3000)]);
  await sleep(100);
  const first = els[0];
  const blank = first ? !first.hasAttribute('hidden') && ((first.shadowRoot?.textContent ?? '') + first.textContent).trim() === '' : false;
  if (!window.axe) {
    await new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = axePath;
      script.onload = resolve;
      script.onerror = () => reject(new Error(`axe-core did not load from ${axePath}`));
      document.head.append(script);
    });
  }
  const result = await window.axe.run(document.querySelector('#storybook-root'), {
    runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']},
  });
  return {
    phase: phase(),
    tags: globalThis.__STORYBOOK_PREVIEW__.currentRender.story?.tags ?? [],
    dark: matchMedia('(prefers-color-scheme: dark)').matches,
    elements: els.length,
    blank,
    errors: [...window.__smokeErrors],
    violations: result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
  };
}

/**
 * A browser of `engine` with one page: `goto(url)` and `inspect(args)` (inspectStory there); with
 * `dark`, its pages prefer a dark colour scheme.
 */
async function openEngine(engine, {dark = false} = {}) {
  if (engine === 'firefox') {
    const browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: findFirefox(),
      headless: true,
      extraPrefsFirefox: {...firefoxPrefs, ...(dark ? {'ui.systemUsesDarkTheme': 1} : {})},
      protocolTimeout: 60000,
    });
    const page = await browser.newPage();
    return {
      goto: (url) => page.goto(url, {waitUntil: 'load', timeout: 60000}),
      inspect: (args) => page.evaluate(inspectStory, args),
      close: () => browser.close(),
    };
  }
  const display = process.env.DISPLAY || (await startXvfb());
  const port = await startWebKitDriver(display, dark ? {GTK_THEME: 'Adwaita:dark'} : {});
  const browser = await remote(webkitSessionOptions({port, miniBrowser: findWebKit().miniBrowser}));
  const source = inspectStory.toString();
  return {
    goto: (url) => browser.url(url),
    inspect: (args) =>
      browser.executeAsync(
        (src, a, done) => {
          new Function(`return (${src})`)()(a).then(done, (e) => done({phase: 'inspect failed', errors: [String(e)]}));
        },
        source,
        args
      ),
    close: async () => {
      await browser.deleteSession().catch(() => {});
      stopHelpers();
    },
  };
}

/** What is wrong with a story, from what inspectStory() found (axe's violations apart). */
export function storyProblems(found) {
  const problems = [];
  if (found.phase !== 'finished') problems.push(`story ${found.phase} (render or play function failed)`);
  else if (!found.elements) problems.push('no sonet- element in the story');
  if (found.blank) problems.push('element rendered nothing');
  return problems;
}

/** Checks each story of `stories` in `driver`; `skip(found)` true leaves a story for later (returned). */
async function checkEach(driver, label, stories, base, within, results, skip = () => false) {
  const later = [];
  for (const story of stories) {
    const errors = [];
    let violations = [];
    try {
      await within(60000, `${story.id} load`, driver.goto(`${base}/iframe.html?id=${encodeURIComponent(story.id)}&viewMode=story&globals=a11y.manual:!true`));
      const found = await within(60000, story.id, driver.inspect({timeoutMs: 30000, axePath: AXE_PATH}));
      if (skip(found)) {
        later.push(story);
        continue;
      }
      errors.push(...storyProblems(found));
      if (found.tags?.includes('dark') && !found.dark) errors.push('a dark story in a page that does not prefer dark');
      errors.push(...(found.errors ?? []));
      violations = found.violations ?? [];
    } catch (e) {
      errors.push(`error: ${e.message}`);
    }
    const ok = errors.length === 0 && violations.length === 0;
    results.push({id: `${label}: ${story.id}`, ok, errors, violations});
    console.log(`${ok ? '✓' : '✗'} ${label}: ${story.id}`);
    for (const line of [...errors, ...violations]) console.log(`    ${line}`);
  }
  return later;
}

/**
 * Opens every story in `engine` (firefox or webkit) at `base` and checks it; resolves to one
 * result per story ({id, ok, errors, violations}), each also printed as a line. Stories tagged
 * `dark` (a tag the running story has; the static index does not list it) are checked in a
 * second browser that prefers dark.
 * @param {'firefox' | 'webkit'} engine
 * @param {{base: string, stories: Array<{id: string}>, within: (ms: number, what: string, p: Promise<any>) => Promise<any>}} options
 */
export async function checkStoriesIn(engine, {base, stories, within}) {
  const label = ENGINE_LABELS[engine];
  const results = [];
  let dark = [];
  for (const scheme of ['light', 'dark']) {
    const list = scheme === 'light' ? stories : dark;
    if (list.length === 0) continue;
    let driver;
    try {
      driver = await within(120000, `${label} (${scheme}): start`, openEngine(engine, {dark: scheme === 'dark'}));
    } catch (e) {
      results.push({id: `${label} (${scheme}): start`, ok: false, errors: [e.message], violations: []});
      continue;
    }
    try {
      const later = await checkEach(driver, label, list, base, within, results, (found) =>
        scheme === 'light' ? Boolean(found.tags?.includes('dark')) : false
      );
      if (scheme === 'light') dark = later;
    } finally {
      await driver.close().catch(() => {});
    }
  }
  return results;
}
