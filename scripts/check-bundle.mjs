#!/usr/bin/env node
// Checks the built `./bundle` the way a server-rendered page (My Page, Webmail) uses it (run
// `npm run build` first): a page with one <script type="module"> for the entry — with a query
// string, as pages add to bust caches — in headless Chromium, served from a static server that
// records every request. The entry must load the first views only (no guidance, no English, no
// wanakana), `<sonet-login-form>` must render, each chunk must arrive when its feature is first
// used (an error shown → guidance; <html lang="en"> → English; kana typed → wanakana), and nothing
// may 404 or throw. Writes test-results/bundle-summary.json.
import {existsSync, readFileSync, readdirSync} from 'node:fs';
import {mkdir, writeFile} from 'node:fs/promises';
import {createServer} from 'node:http';
import {dirname, extname, join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {chromiumArgs, findChromium} from './browsers.mjs';
import {launchChromium, openPage} from './bench/cdp.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BUNDLE_DIR = join(ROOT, 'dist/bundle');
const ENTRY = 'sonet-login-elements.min.js';

if (!existsSync(join(BUNDLE_DIR, ENTRY))) {
  console.error(`No dist/bundle/${ENTRY}: run \`npm run build\` first.`);
  process.exit(1);
}
const chromium = findChromium();
if (!chromium) {
  console.error('No Chromium found (apt-get install chromium, or set CHROME_PATH).');
  process.exit(1);
}

// The page: the README's markup, the bundle served from /assets/ as a page's static files are.
const PAGE = `<!doctype html>
<html lang="ja">
<head>
  <meta charset="utf-8">
  <link rel="icon" href="data:,">
  <script type="module" src="/assets/${ENTRY}?v=1"></script>
</head>
<body>
  <sonet-login-form action="/login">
    <form method="post" action="/login">
      <label for="user_id">ユーザーID</label>
      <input id="user_id" name="user_id" autocomplete="username" autocapitalize="none" spellcheck="false" required>
      <label for="password">ユーザーIDパスワード</label>
      <input id="password" name="password" type="password" autocomplete="current-password" required>
      <button>ログイン</button>
    </form>
  </sonet-login-form>
</body>
</html>`;

const TYPES = {'.js': 'text/javascript', '.map': 'application/json', '.html': 'text/html'};
/** Every request the page made, in order: [path, status]. */
const requests = [];
const server = createServer((req, res) => {
  const path = new URL(req.url, 'http://x').pathname;
  let status = 200;
  let body;
  if (path === '/') body = PAGE;
  else if (path.startsWith('/assets/') && !path.includes('..')) {
    const file = join(BUNDLE_DIR, path.slice('/assets/'.length));
    if (existsSync(file)) body = readFileSync(file);
    else status = 404;
  } else status = 404;
  requests.push([path, status]);
  res.writeHead(status, {
    'content-type': TYPES[extname(path) || '.html'] ?? 'text/plain',
    // The README's CSP: chunks are same-origin scripts, so script-src 'self' is enough, and
    // import() is no Trusted Types sink.
    'content-security-policy': "script-src 'self'; require-trusted-types-for 'script'",
  });
  res.end(body ?? 'not found');
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${server.address().port}`;

const bundleFiles = readdirSync(BUNDLE_DIR).filter((f) => f.endsWith('.js'));
/** Whether `path` (under /assets/) is the chunk named after `name` (sonet-<name>-<hash>.js). */
const isChunk = (name, path) => new RegExp(`^/assets/sonet-${name.replace('.', '\\.')}-[\\w-]{8}\\.js$`).test(path);
/** Chunk files the page requested so far named after `name`. */
const fetched = (name) => requests.filter(([p]) => isChunk(name, p));
const checks = [];
const check = (name, ok, detail = '') => {
  checks.push({name, ok});
  console.log(`${ok ? '✓' : '✗'} ${name}${detail ? ` — ${detail}` : ''}`);
};
/** The bundle's files a page fetches with `file` before any code runs: its static imports, transitively. */
function staticClosure(file, seen = []) {
  if (seen.includes(file)) return seen;
  seen.push(file);
  const code = readFileSync(join(BUNDLE_DIR, file), 'utf8');
  // `import … from"./x.js"`, `export … from"./x.js"`, `import"./x.js"`; not `import("./x.js")`.
  for (const [, target] of code.matchAll(/(?:\bfrom|\bimport)\s*["']\.\/([^"']+)["']/g)) staticClosure(target, seen);
  return seen;
}
/** The parts fetched on demand, by chunk name: none of them may load before the page is ready. */
const LAZY = ['login-form.behaviour', 'login-form.notices', 'guidance', 'en', 'romaji'];
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const browser = await launchChromium(chromium, chromiumArgs);
let page;
const consoleErrors = [];
try {
  browser.connection.listeners.add((m) => {
    if (m.method === 'Runtime.consoleAPICalled' && m.params.type === 'error') {
      consoleErrors.push(m.params.args.map((a) => a.value ?? a.description).join(' '));
    }
  });
  page = await openPage(browser.connection, `${origin}/`);
  // Until the element's first view is there (the entry and what it imports statically).
  await page.evaluate(`(async () => {
    await customElements.whenDefined('sonet-login-form');
    while (!document.querySelector('sonet-login-form button[aria-pressed]')) await new Promise((r) => setTimeout(r, 20));
  })()`, 10_000);
  // What the page fetched before DOMContentLoaded: a module script and its static imports run
  // before it; import() calls (the form prefetches its behaviour when the browser is idle) after.
  const firstLoad = await page.evaluate(`(() => {
    const ready = performance.getEntriesByType('navigation')[0].domContentLoadedEventStart;
    return performance.getEntriesByType('resource')
      .map((r) => [r.startTime, new URL(r.name).pathname])
      .filter(([start, path]) => start < ready && path.endsWith('.js'))
      .map(([, path]) => path.replace('/assets/', ''));
  })()`);
  const statics = staticClosure(ENTRY);
  check(
    'the entry and its static imports (the shared chunk) load first',
    statics.length === 2 && statics.every((file) => firstLoad.includes(file)) && firstLoad[0] === ENTRY,
    firstLoad.join(', ')
  );
  const early = LAZY.filter((name) => firstLoad.some((file) => isChunk(name, `/assets/${file}`)));
  check('no part loaded on demand is in the first load', !early.length, early.join(', '));
  const rendered = await page.evaluate(`(() => {
    const form = document.querySelector('sonet-login-form');
    return {
      defined: ['sonet-login-form', 'sonet-error-help', 'sonet-maintenance-notice', 'sonet-user-id-field', 'sonet-password-field']
        .every((tag) => customElements.get(tag)),
      toggle: !!form.querySelector('button[aria-pressed]'),
      inputs: form.querySelectorAll('input').length,
    };
  })()`);
  check(
    '<sonet-login-form> renders and every element is defined',
    rendered.defined && rendered.toggle && rendered.inputs === 2,
    JSON.stringify(rendered)
  );

  // Idle (the form prefetches its behaviour within 2 s), then the member's first focus, which
  // needs the behaviour; guidance, English and wanakana still wait.
  await sleep(3000);
  await page.evaluate(`document.getElementById('user_id').focus()`);
  for (let i = 0; i < 100 && !fetched('login-form.behaviour').length; i++) await sleep(50);
  check('the behaviour module loads by the first use of the form', fetched('login-form.behaviour').length === 1);
  for (const name of ['guidance', 'en', 'romaji']) {
    check(`${name} is not loaded before it is needed`, fetched(name).length === 0);
  }

  await page.evaluate(`document.querySelector('sonet-login-form').showError('invalid-credentials')`);
  const guidance = await page.evaluate(`(async () => {
    for (let i = 0; i < 100; i++) {
      const help = document.querySelector('sonet-login-form sonet-error-help');
      const text = help?.shadowRoot?.textContent ?? '';
      if (/\\S/.test(text) && help.shadowRoot.querySelector('ol, li')) return text.replace(/\\s+/g, ' ').trim().slice(0, 60);
      await new Promise((r) => setTimeout(r, 50));
    }
    return '';
  })()`);
  check('an error loads the guidance chunk and shows its steps', fetched('guidance').length === 1 && guidance !== '', guidance);

  await page.evaluate(`document.documentElement.lang = 'en'`);
  const english = await page.evaluate(`(async () => {
    for (let i = 0; i < 100; i++) {
      const label = document.querySelector('sonet-login-form button[aria-pressed]')?.textContent.trim() ?? '';
      const help = document.querySelector('sonet-error-help')?.shadowRoot?.textContent.replace(/\\s+/g, ' ').trim() ?? '';
      // The guidance quotes some Japanese screen labels: look at its heading, not all its text.
      const japanese = /[\\u3040-\\u30ff\\u4e00-\\u9fff]/;
      if (label && !japanese.test(label) && help && !japanese.test(help.slice(0, 40))) return label + ' / ' + help.slice(0, 40);
      await new Promise((r) => setTimeout(r, 50));
    }
    return '';
  })()`);
  check('<html lang="en"> loads the English chunk and the elements switch', fetched('en').length === 1 && english !== '', english);

  const romajiBefore = fetched('romaji').length;
  await page.evaluate(`document.getElementById('user_id').focus()`);
  await page.send('Input.insertText', {text: 'やまだ'});
  let romaji = [];
  for (let i = 0; i < 100 && !(romaji = fetched('romaji')).length; i++) await sleep(50);
  check('kana typed in the user ID load wanakana (the romaji suggestion)', romajiBefore === 0 && romaji.length === 1);

  const missing = requests.filter(([, status]) => status !== 200);
  check('no request fails (no 404)', missing.length === 0, missing.map(([p, s]) => `${s} ${p}`).join(', '));
  const twice = requests.filter(([p], i) => requests.findIndex(([q]) => q === p) !== i && p.endsWith('.js'));
  check('no module is fetched twice (one copy of lit and of each element)', twice.length === 0, twice.map(([p]) => p).join(', '));
  const unknown = requests.filter(([p]) => p.startsWith('/assets/') && !bundleFiles.includes(p.slice('/assets/'.length)));
  check('every file requested is in dist/bundle', unknown.length === 0);
  check('no uncaught error, no console error', !page.exceptions.length && !consoleErrors.length, [...page.exceptions, ...consoleErrors].join(' | '));
  console.log(`\nrequests: ${requests.map(([p, s]) => `${p.replace('/assets/', '')}${s === 200 ? '' : ` ${s}`}`).join(', ')}`);
} catch (error) {
  check('the page runs', false, `${error.message} ${consoleErrors.join(' | ')}; requests: ${requests.map(([p, s]) => `${s} ${p}`).join(', ')}`);
} finally {
  await page?.close();
  await browser.close();
  server.close();
}

const failed = checks.filter((c) => !c.ok).length;
await mkdir(join(ROOT, 'test-results'), {recursive: true});
await writeFile(join(ROOT, 'test-results/bundle-summary.json'), JSON.stringify({passed: checks.length - failed, failed, skipped: 0}));
console.log(`\n${checks.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
