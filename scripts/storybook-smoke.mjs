#!/usr/bin/env node
// Smoke test over EVERY story of the static Storybook build (storybook-static/): each story
// renders its element, logs no console error, throws nothing (its play function included), and axe
// (WCAG 2.0/2.1/2.2 A and AA) reports no violation. Stories tagged `dark` run with
// `prefers-color-scheme: dark` emulated, stories tagged `forced-colors` with `forced-colors: active`
// (a page cannot switch either on; see stories/looks.ts). Then, for designers:
// - controls: every control of an element's story is one of its attributes or documented custom
//   properties, settable (no object control, no blank option), and each element has a Playground
//   story where setting each control reaches the element (an attribute changes; a custom property
//   arrives on it and a stylesheet of the element reads it);
// - docs pages: after they load and settle, the page has not scrolled, focus is still on the body,
//   and the elements' inputs are in the preview's page font, not the browser's default.
// Then every story again in Firefox and WebKit (scripts/story-engines.mjs: renders, play function,
// no error, axe clean), for the engines BROWSERS names besides Chromium (default: all three).
// Writes test-results/storybook-summary.json and prints "N passed, N failed" alone on the last
// line. Exit code 1 on any failure.
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
import {requireChromium, chromiumArgs, requireEngines, selectedEngines} from './browsers.mjs';
import {AXE_PATH, ERROR_RECORDER, checkStoriesIn, inspectStory, storyProblems} from './story-engines.mjs';

const options = Object.fromEntries(
  process.argv.slice(2).filter((a) => a.startsWith('--')).map((a) => a.slice(2).split(/=(.*)/s).slice(0, 2))
);
const root = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? 'storybook-static';
if (!existsSync(join(root, 'index.json'))) {
  console.error(`No ${root}/index.json: run \`npm run build-storybook\` first.`);
  process.exit(1);
}
const otherEngines = selectedEngines().filter((e) => e !== 'chromium');
requireEngines(otherEngines); // stops here, with how to install them, when any is missing
const axeFile = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const types = {'.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.woff2': 'font/woff2', '.png': 'image/png'};

const server = createServer(async (req, res) => {
  // Chromium asks for a favicon on its own; a 404 there is not the story's console error.
  if (req.url === '/favicon.ico') return void res.writeHead(204).end();
  const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
  const file = path === AXE_PATH ? axeFile : join(root, path.endsWith('/') ? `${path}index.html` : path);
  try {
    let body = await readFile(file);
    // The story page records its errors for the engines without a console over WebDriver.
    if (path === '/iframe.html') body = String(body).replace('<head>', `<head>${ERROR_RECORDER}`);
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
const docsPages = Object.values(index.entries).filter(
  (e) => e.type === 'docs' && (!options.filter || e.id.includes(options.filter))
);
const manifest = JSON.parse(await readFile('custom-elements.json', 'utf8'));
/** What the manifest documents of each tag: attribute names and custom property names. */
const documented = new Map(
  manifest.modules
    .flatMap((m) => m.declarations ?? [])
    .filter((d) => d.tagName)
    .map((d) => [
      d.tagName,
      {attributes: (d.attributes ?? []).map((a) => a.name), properties: (d.cssProperties ?? []).map((p) => p.name)},
    ])
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
  const {tags} = await open(page, story);
  const media = mediaFor(tags);
  if (JSON.stringify(media) !== JSON.stringify(mediaFor(story.tags ?? []))) {
    // Open it again under the emulation its tags ask for, so it renders the way it is meant to.
    errors.length = 0;
    await emulate(page, media);
    await open(page, story);
  }
  // Chromium's console events report the page's errors here (the recorder's copy is not needed).
  const found = await page.evaluate(inspectStory, {timeoutMs: 30000, axePath: AXE_PATH});
  errors.push(...storyProblems(found));
  if (options.screenshots) {
    await page.screenshot({path: join(options.screenshots, `${story.id}.png`), fullPage: true});
  }
  return found.violations ?? [];
}

/**
 * The rows of the story's Controls panel: its argTypes less those hidden (`table.disable`) or
 * filtered out (`parameters.controls.include` / `exclude`), and the element it documents.
 */
function controlRows(page) {
  return page.evaluate(() => {
    const story = globalThis.__STORYBOOK_PREVIEW__.currentRender.story;
    const {include, exclude, disable} = story.parameters.controls ?? {};
    if (disable) return {component: story.component, include: null, rows: [], args: story.initialArgs};
    const listed = (filter, name) => (Array.isArray(filter) ? filter.includes(name) : filter.test(name));
    const rows = Object.entries(story.argTypes)
      .filter(([name, t]) => !t.table?.disable && (!include || listed(include, name)) && !(exclude && listed(exclude, name)))
      .map(([name, t]) => ({
        name,
        control: t.control?.type ?? null,
        options: t.options ?? null,
        labels: t.control?.labels ?? {},
        max: t.control?.max,
      }));
    return {component: story.component, include: Array.isArray(include) ? include : null, rows, args: story.initialArgs};
  });
}

/** Every control can be set and names something the element documents. */
function checkControls({component, include, rows}, errors) {
  const api = documented.get(component);
  if (!api) return;
  for (const row of rows) {
    if (!api.attributes.includes(row.name) && !api.properties.includes(row.name)) {
      errors.push(`control "${row.name}" is neither an attribute nor a custom property of <${component}>`);
    }
    if (!row.control || row.control === 'object') errors.push(`control "${row.name}" cannot be set (${row.control})`);
    if (api.properties.includes(row.name) && !['color', 'text'].includes(row.control)) {
      errors.push(`custom property "${row.name}" has a ${row.control} control, not a colour or text one`);
    }
    const blank = (row.options ?? []).filter((o) => String(row.labels[o] ?? o).trim() === '');
    if (blank.length) errors.push(`control "${row.name}" has a blank option`);
  }
  for (const name of include ?? []) {
    if (!rows.some((r) => r.name === name)) errors.push(`control "${name}" is listed but has no argType`);
  }
}

/** A value a control can be set to that differs from `current`. */
function sampleValue(row, current) {
  if (row.control === 'color') return '#123456';
  if (row.name.startsWith('--')) return row.name.endsWith('-font') ? 'monospace' : '3px';
  if (row.control === 'boolean') return !current;
  if (row.control === 'number') return row.max !== undefined && current + 1 > row.max ? current - 1 : current + 1;
  if (row.options) return row.options.find((o) => o !== current);
  if (/^\d+$/.test(String(current))) return String(Number(current) + 1);
  if (current && !Number.isNaN(Date.parse(current))) return new Date(Date.parse(current) + 60000).toISOString();
  return 'Sample';
}

/**
 * The Playground story of an element: sets each control in turn, as a designer does, and checks
 * that it reaches the element: an attribute changes, or a custom property arrives on the element
 * and a stylesheet of the element reads it.
 */
async function checkPlayground(page, controls, errors) {
  const {component, rows} = controls;
  const args = {...controls.args};
  for (const row of rows) {
    const value = sampleValue(row, args[row.name]);
    args[row.name] = value;
    const result = await page.evaluate(
      async (tag, name, value) => {
        const preview = globalThis.__STORYBOOK_PREVIEW__;
        const el = () => document.querySelector(`#storybook-root ${tag}`);
        const before = el()?.getAttribute(name) ?? null;
        const rendered = new Promise((resolve) => preview.channel.once('storyRendered', resolve));
        preview.channel.emit('updateStoryArgs', {storyId: preview.currentRender.id, updatedArgs: {[name]: value}});
        await rendered;
        await el()?.updateComplete;
        if (!name.startsWith('--')) return {attribute: [before, el()?.getAttribute(name) ?? null]};
        const sheets = [...document.adoptedStyleSheets, ...document.styleSheets];
        const visit = (node) => {
          for (const child of node.querySelectorAll('*')) {
            if (child.shadowRoot) {
              sheets.push(...child.shadowRoot.adoptedStyleSheets, ...child.shadowRoot.styleSheets);
              visit(child.shadowRoot);
            }
          }
        };
        visit(el().getRootNode() === document ? el() : el().getRootNode());
        if (el().shadowRoot) sheets.push(...el().shadowRoot.adoptedStyleSheets);
        const text = sheets.flatMap((s) => [...s.cssRules].map((r) => r.cssText)).join('\n');
        return {
          property: getComputedStyle(el()).getPropertyValue(name).trim(),
          read: new RegExp(`var\\(\\s*${name}\\s*[,)]`).test(text),
        };
      },
      component,
      row.name,
      value
    );
    if (result.attribute && result.attribute[0] === result.attribute[1]) {
      errors.push(`control "${row.name}" set to ${JSON.stringify(value)} did not change the element's attribute`);
    }
    if (result.property !== undefined && result.property !== String(value)) {
      errors.push(`control "${row.name}" set to ${value} did not reach the element (${JSON.stringify(result.property)})`);
    }
    if (result.read === false) errors.push(`custom property "${row.name}" is read by no stylesheet of <${component}>`);
  }
}

/** The browser's default font family: what text gets where the page sets none. */
async function defaultFont() {
  const page = await browser.newPage();
  await page.setContent('<p>x</p>');
  const font = await page.evaluate(() => getComputedStyle(document.querySelector('p')).fontFamily);
  await page.close();
  return font;
}

/**
 * A docs page, loaded as a designer opens it: once its stories have rendered and settled, the
 * page has not scrolled and focus is still on the body (a story that moves focus scrolls the
 * page to it), and the inputs of its stories are in the page font.
 */
async function checkDocs(page, docs, errors, browserDefaultFont) {
  await page.setViewport({width: 1280, height: 800});
  await page.goto(`${base}/iframe.html?id=${encodeURIComponent(docs.id)}&viewMode=docs&globals=a11y.manual:!true`, {
    waitUntil: 'load',
  });
  await page.waitForFunction(
    () => {
      const blocks = [...document.querySelectorAll('#storybook-docs [data-story-block]')];
      const rendered = (b) => [...b.querySelectorAll('*')].some((n) => n.localName.startsWith('sonet-'));
      return blocks.length > 0 && blocks.every(rendered);
    },
    {timeout: 30000, polling: 100}
  );
  // Settle: elements defined and rendered, their lazy parts loaded (the form's warnings and the
  // guidance a failure code shows, which is when focus would move), the network quiet.
  await page.evaluate(async () => {
    const els = [...document.querySelectorAll('#storybook-docs *')].filter((n) => n.localName.startsWith('sonet-'));
    await Promise.all(els.map((el) => customElements.whenDefined(el.localName)));
    await Promise.all(els.map((el) => el.updateComplete));
    const waitFor = (test) =>
      new Promise((resolve) => {
        const poll = () => (test() ? resolve() : setTimeout(poll, 50));
        poll();
      });
    await Promise.race([
      Promise.all([
        ...els.map((el) => el.ready).filter(Boolean),
        ...els.filter((el) => el.localName === 'sonet-login-form').map((form) => waitFor(() => form.live)),
      ]),
      new Promise((r) => setTimeout(r, 5000)),
    ]);
  });
  await page.waitForNetworkIdle({idleTime: 500, timeout: 30000}).catch(() => {});
  // Focus moves once a failure's guidance is ready (a story of the loading state never is).
  await page.evaluate(async () => {
    const els = [...document.querySelectorAll('#storybook-docs *')].filter((n) => n.localName.startsWith('sonet-'));
    await Promise.race([
      Promise.all(els.map((el) => el.ready).filter(Boolean)),
      new Promise((r) => setTimeout(r, 3000)),
    ]);
    for (let i = 0; i < 2; i++) await new Promise((r) => requestAnimationFrame(r));
  });
  const state = await page.evaluate(() => {
    const input = document.querySelector('#storybook-docs [data-story-block] input');
    return {
      scrollY: Math.round(scrollY),
      height: document.documentElement.scrollHeight,
      focused: document.activeElement === document.body ? 'body' : document.activeElement?.localName ?? 'nothing',
      inputFont: input && getComputedStyle(input).fontFamily,
      pageFont: getComputedStyle(document.body).fontFamily,
    };
  });
  if (state.scrollY !== 0) errors.push(`the page scrolled to ${state.scrollY} px on load (height ${state.height} px)`);
  if (state.focused !== 'body') errors.push(`focus moved to <${state.focused}> on load`);
  if (state.pageFont === browserDefaultFont) errors.push(`the page has the browser's default font (${state.pageFont})`);
  if (state.inputFont && state.inputFont !== state.pageFont) {
    errors.push(`inputs are in ${state.inputFont}, not the page font ${state.pageFont}`);
  }
  return state;
}

try {
  const playgrounds = new Set();
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
      const controls = await controlRows(page);
      checkControls(controls, errors);
      if (story.name === 'Playground' && controls.component) {
        playgrounds.add(controls.component);
        await within(90000, `${story.id} controls`, checkPlayground(page, controls, errors));
      }
    } catch (e) {
      errors.push(`error: ${e.message}`);
    }
    const ok = errors.length === 0 && violations.length === 0;
    results.push({id: story.id, ok, errors, violations});
    console.log(`${ok ? '✓' : '✗'} ${story.id}${process.env.SMOKE_TIMES ? ` ${Date.now() - started} ms` : ''}`);
    for (const line of [...errors, ...violations]) console.log(`    ${line}`);
    await page.close().catch(() => {});
  }
  if (!options.filter) {
    const missing = [...documented.keys()].filter((tag) => !playgrounds.has(tag));
    const ok = missing.length === 0;
    results.push({id: 'playgrounds', ok, errors: missing.map((tag) => `no Playground story for <${tag}>`), violations: []});
    console.log(`${ok ? '✓' : '✗'} a Playground story per element`);
    for (const tag of missing) console.log(`    no Playground story for <${tag}>`);
  }
  const browserDefaultFont = await defaultFont();
  for (const docs of docsPages) {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    let state = {};
    try {
      state = await within(90000, docs.id, checkDocs(page, docs, errors, browserDefaultFont));
    } catch (e) {
      errors.push(`error: ${e.message}`);
    }
    const ok = errors.length === 0;
    results.push({id: docs.id, ok, errors, violations: []});
    console.log(`${ok ? '✓' : '✗'} ${docs.id}${state.height ? ` (${state.height} px tall)` : ''}`);
    for (const line of errors) console.log(`    ${line}`);
    await page.close().catch(() => {});
  }
  await browser.close();
  for (const engine of otherEngines) results.push(...(await checkStoriesIn(engine, {base, stories, within})));
} finally {
  await browser.close().catch(() => {});
  server.close();
}
const passed = results.filter((r) => r.ok).length;
const failed = results.length - passed;
await mkdir('test-results', {recursive: true});
await writeFile('test-results/storybook-summary.json', JSON.stringify({passed, failed, skipped: 0}));
if (results.length === 0) console.error('No stories found.');
process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
process.exit(failed === 0 && results.length > 0 ? 0 : 1);
