#!/usr/bin/env node
// Smoke test over EVERY story of the static Storybook build (storybook-static/): each story
// renders its element, logs no console error, throws nothing (its play function included), and axe
// (WCAG 2.0/2.1/2.2 A and AA) reports no violation. Stories tagged `dark` run with
// `prefers-color-scheme: dark` emulated, stories tagged `forced-colors` with `forced-colors: active`
// (a page cannot switch either on; see stories/looks.ts). Writes test-results/storybook-summary.json
// and prints "N passed, N failed" alone on the last line. Exit code 1 on any failure.
//
//   node scripts/storybook-smoke.mjs [storybook-static] [--filter=<story id part>] [--screenshots=<dir>]
//
// --screenshots writes one full-page PNG per story (Japanese needs a CJK font: fonts-noto-cjk).
import {createServer} from 'node:http';
import {readFile, mkdir, writeFile} from 'node:fs/promises';
import {existsSync} from 'node:fs';
import {extname, join, normalize} from 'node:path';
import {createRequire} from 'node:module';
import puppeteer from 'puppeteer-core';
import {requireChromium, chromiumArgs} from './browsers.mjs';

const options = Object.fromEntries(
  process.argv.slice(2).filter((a) => a.startsWith('--')).map((a) => a.slice(2).split(/=(.*)/s).slice(0, 2))
);
const root = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? 'storybook-static';
if (!existsSync(join(root, 'index.json'))) {
  console.error(`No ${root}/index.json: run \`npm run build-storybook\` first.`);
  process.exit(1);
}
const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const types = {'.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.woff2': 'font/woff2', '.png': 'image/png'};

const server = createServer(async (req, res) => {
  // Chromium asks for a favicon on its own; a 404 there is not the story's console error.
  if (req.url === '/favicon.ico') return void res.writeHead(204).end();
  const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
  const file = join(root, path.endsWith('/') ? `${path}index.html` : path);
  try {
    const body = await readFile(file);
    res.writeHead(200, {'content-type': types[extname(file)] ?? 'application/octet-stream'});
    res.end(body);
  } catch {
    res.writeHead(404).end('not found');
  }
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}`;

const index = JSON.parse(await readFile(join(root, 'index.json'), 'utf8'));
const stories = Object.values(index.entries).filter(
  (e) => e.type === 'story' && (!options.filter || e.id.includes(options.filter))
);
if (options.screenshots) await mkdir(options.screenshots, {recursive: true});
const browser = await puppeteer.launch({
  executablePath: requireChromium(),
  headless: true,
  args: chromiumArgs,
  protocolTimeout: 60000,
});
const results = [];

/** Rejects after `ms` with `what` in the message: one stuck story must not stall the run. */
function within(ms, what, promise) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: no result within ${ms / 1000} s`)), ms))),
  ]).finally(() => clearTimeout(timer));
}

/**
 * Media features for a story's tags. Tags come from the running story (a story may spread
 * `inDark` from stories/looks.ts, which the static index does not see).
 */
function mediaFor(tags) {
  return [
    {name: 'prefers-color-scheme', value: tags.includes('dark') ? 'dark' : 'light'},
    {name: 'forced-colors', value: tags.includes('forced-colors') ? 'active' : 'none'},
  ];
}

/** Opens a story and waits until Storybook has finished it (loaders, render, play, addons). */
async function open(page, story) {
  // The a11y addon's own automatic run is skipped (`a11y.manual`): the axe run below uses the
  // same rules, and running both doubles the time per story.
  await page.goto(`${base}/iframe.html?id=${encodeURIComponent(story.id)}&viewMode=story&globals=a11y.manual:!true`, {
    waitUntil: 'load',
  });
  await page.waitForFunction(
    () => ['finished', 'errored', 'aborted'].includes(globalThis.__STORYBOOK_PREVIEW__?.currentRender?.phase),
    {timeout: 30000, polling: 50}
  );
  return page.evaluate(() => ({
    phase: globalThis.__STORYBOOK_PREVIEW__.currentRender.phase,
    tags: globalThis.__STORYBOOK_PREVIEW__.currentRender.story?.tags ?? [],
  }));
}

/** puppeteer's emulateMediaFeatures() knows no `forced-colors`; the DevTools protocol does. */
async function emulate(page, features) {
  page.cdp ??= await page.createCDPSession();
  await page.cdp.send('Emulation.setEmulatedMedia', {media: '', features});
}

async function check(page, story, errors) {
  await emulate(page, mediaFor(story.tags ?? []));
  let {phase, tags} = await open(page, story);
  const media = mediaFor(tags);
  if (JSON.stringify(media) !== JSON.stringify(mediaFor(story.tags ?? []))) {
    // Open it again under the emulation its tags ask for, so it renders the way it is meant to.
    errors.length = 0;
    await emulate(page, media);
    ({phase} = await open(page, story));
  }
  if (phase !== 'finished') errors.push(`story ${phase} (render or play function failed)`);
  const found = await page.evaluate(() =>
    [...document.querySelectorAll('#storybook-root *')].some((n) => n.localName.startsWith('sonet-'))
  );
  if (!found) throw new Error('no sonet- element in the story');
  // Let elements finish rendering and lazy guidance load (a story of the loading state never does).
  await page.evaluate(async () => {
    const els = [...document.querySelectorAll('#storybook-root *')].filter((n) => n.localName.startsWith('sonet-'));
    await Promise.all(els.map((el) => customElements.whenDefined(el.localName)));
    await Promise.all(els.map((el) => el.updateComplete));
    await Promise.race([
      Promise.all(els.map((el) => el.ready).filter(Boolean)),
      new Promise((r) => setTimeout(r, 3000)),
    ]);
    await new Promise((r) => setTimeout(r, 100));
  });
  const blank = await page.evaluate(() => {
    const el = [...document.querySelectorAll('#storybook-root *')].find((n) => n.localName.startsWith('sonet-'));
    const text = (el.shadowRoot?.textContent ?? '') + el.textContent;
    return !el.hasAttribute('hidden') && text.trim() === '';
  });
  if (blank) errors.push('element rendered nothing');
  if (options.screenshots) {
    await page.screenshot({path: join(options.screenshots, `${story.id}.png`), fullPage: true});
  }
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const r = await window.axe.run(document.querySelector('#storybook-root'), {
      runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']},
    });
    return r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  });
}

try {
  for (const story of stories) {
    const page = await browser.newPage();
    const errors = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    let violations = [];
    const started = Date.now();
    try {
      violations = await within(90000, story.id, check(page, story, errors));
    } catch (e) {
      errors.push(`error: ${e.message}`);
    }
    const ok = errors.length === 0 && violations.length === 0;
    results.push({id: story.id, ok, errors, violations});
    console.log(`${ok ? '✓' : '✗'} ${story.id}${process.env.SMOKE_TIMES ? ` ${Date.now() - started} ms` : ''}`);
    for (const line of [...errors, ...violations]) console.log(`    ${line}`);
    await page.close().catch(() => {});
  }
} finally {
  await browser.close();
  server.close();
}
const passed = results.filter((r) => r.ok).length;
const failed = results.length - passed;
await mkdir('test-results', {recursive: true});
await writeFile('test-results/storybook-summary.json', JSON.stringify({passed, failed, skipped: 0}));
if (results.length === 0) console.error('No stories found.');
process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
process.exit(failed === 0 && results.length > 0 ? 0 : 1);
