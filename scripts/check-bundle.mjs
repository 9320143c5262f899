#!/usr/bin/env node
// Checks the built `./bundle` the way a server-rendered page (My Page, Webmail) uses it (run
// `npm run build` first), in headless Chromium, with a static server that records every request:
// the README's page with only <sonet-login-form> (the entry with a query string, as pages add to
// bust caches), and a page with only <sonet-error-help>. The entry defines elements lazily, so
// each page must fetch only what its elements need, in the order of ARCHITECTURE.md's loading
// plan, within issue 18's budgets (gzip -9 of each file fetched, as a server sends them):
//   - before the form shows its inputs and toggle: <= 10 KB;
//   - after 3 s idle with no interaction (skeleton + warnings live): <= 24 KB.
// Then each later part must arrive when first used — the warnings' and the guidance's files in one
// round trip each — and nothing may 404, load twice or throw.
// Writes test-results/bundle-summary.json. A script of our own: the budget is what a browser
// fetched by a moment in the page, which no size tool measures.
import {existsSync, readFileSync, readdirSync} from 'node:fs';
import {mkdir, writeFile} from 'node:fs/promises';
import {createServer} from 'node:http';
import {dirname, extname, join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {gzipSync} from 'node:zlib';
import {chromiumArgs, findChromium} from './browsers.mjs';
import {launchChromium, openPage} from './bench/chromium.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BUNDLE_DIR = join(ROOT, 'dist/bundle');
const ENTRY = 'sonet-login-elements.min.js';
export const BUDGETS = {ready: 10_000, idle: 24_000};

if (!existsSync(join(BUNDLE_DIR, ENTRY))) {
  console.error(`No dist/bundle/${ENTRY}: run \`npm run build\` first.`);
  process.exit(1);
}
const chromium = findChromium();
if (!chromium) {
  console.error('No Chromium found (apt-get install chromium, or set CHROME_PATH).');
  process.exit(1);
}

const page = (body) => `<!doctype html>
<html lang="ja">
<head>
  <meta charset="utf-8">
  <link rel="icon" href="data:,">
  <script type="module" src="/assets/${ENTRY}?v=1"></script>
</head>
<body>
${body}
</body>
</html>`;

// The README's markup.
const FORM_PAGE = page(`  <sonet-login-form action="/login">
    <form method="post" action="/login">
      <label for="user_id">ユーザーID</label>
      <input id="user_id" name="user_id" autocomplete="username" autocapitalize="none" spellcheck="false" required>
      <label for="password">ユーザーIDパスワード</label>
      <input id="password" name="password" type="password" autocomplete="current-password" required>
      <button>ログイン</button>
    </form>
  </sonet-login-form>`);
const HELP_PAGE = page('  <sonet-error-help code="SS503"></sonet-error-help>');

const TYPES = {'.js': 'text/javascript', '.map': 'application/json', '.html': 'text/html'};
/** Every request of the page being checked, in order: [path, status]. */
let requests = [];
const server = createServer((req, res) => {
  const path = new URL(req.url, 'http://x').pathname;
  let status = 200;
  let body;
  if (path === '/') body = FORM_PAGE;
  else if (path === '/help') body = HELP_PAGE;
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
const gzipOf = new Map(bundleFiles.map((f) => [f, gzipSync(readFileSync(join(BUNDLE_DIR, f)), {level: 9}).length]));
/** Whether `file` is the chunk named after `name` (sonet-<name>-<hash>.js). */
const isChunk = (name, file) => new RegExp(`^sonet-${name.replace('.', '\\.')}-[\\w-]{8}\\.js$`).test(file);
/** The bundle's script files this page requested so far. */
const scripts = () => [...new Set(requests.map(([p]) => p).filter((p) => p.startsWith('/assets/') && p.endsWith('.js')))].map((p) => p.slice(8));
const fetched = (name) => scripts().filter((f) => isChunk(name, f));
const bytes = (files) => files.reduce((sum, f) => sum + (gzipOf.get(f) ?? 0), 0);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const checks = [];
const check = (name, ok, detail = '') => {
  checks.push({name, ok});
  console.log(`${ok ? '✓' : '✗'} ${name}${detail ? ` — ${detail}` : ''}`);
};
/** Parts a page with only the login form must not fetch before they are used. */
const ON_DEMAND = ['error-help', 'guidance', 'en', 'romaji', 'maintenance-notice', 'user-id-field', 'password-field'];

const {browser} = await launchChromium(chromium, chromiumArgs);
const consoleErrors = [];
const sizes = {};
try {
  // 1. Only <sonet-login-form>.
  requests = [];
  // The moment the form is ready — its inputs show and the toggle is there — noted by an observer
  // that runs before the page's scripts; the scripts whose requests started before it count.
  const form = await openPage(browser, `${origin}/`, {
    onNewDocument: `new MutationObserver((_, observer) => {
      if (document.querySelector('sonet-login-form button[aria-pressed]')) {
        window.__sonetReady = performance.now();
        observer.disconnect();
      }
    }).observe(document, {childList: true, subtree: true});`,
  });
  form.page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  const ready = await form.evaluate(`(async () => {
    while (window.__sonetReady === undefined) await new Promise((r) => setTimeout(r, 20));
    return performance.getEntriesByType('resource')
      .filter((r) => r.startTime <= window.__sonetReady && new URL(r.name).pathname.endsWith('.js'))
      .map((r) => new URL(r.name).pathname.slice('/assets/'.length));
  })()`, 10_000);
  sizes.ready = bytes(ready);
  check(
    `before the form is ready: ${sizes.ready} B gzip (budget ${BUDGETS.ready})`,
    sizes.ready <= BUDGETS.ready && ready[0] === ENTRY,
    ready.join(', ')
  );
  const early = ON_DEMAND.filter((name) => ready.some((f) => isChunk(name, f)));
  check('only the form is defined: no other element or later part in its first load', !early.length, early.join(', '));
  // Idle, no interaction: the warnings go live; nothing else loads.
  await sleep(3000);
  const idle = scripts();
  sizes.idle = bytes(idle);
  const live = await form.evaluate(`document.querySelector('sonet-login-form').live`);
  check(`after 3 s idle: warnings live, ${sizes.idle} B gzip (budget ${BUDGETS.idle})`, live === true && sizes.idle <= BUDGETS.idle, idle.join(', '));
  check('the behaviour waits for the first use', !fetched('login-form.behaviour').length);
  const liveStage = await oneRoundTrip(form, 'fields', ['lit']);
  check('warnings go live in one round trip: lit-html is requested with the field cores, not after them', liveStage.ok, liveStage.detail);

  await form.evaluate(`document.getElementById('user_id').focus()`);
  for (let i = 0; i < 100 && !fetched('login-form.behaviour').length; i++) await sleep(50);
  check('the behaviour loads on the first focus', fetched('login-form.behaviour').length === 1);
  for (const name of ['error-help', 'en', 'romaji']) check(`${name} is not loaded before it is needed`, !fetched(name).length);

  await form.evaluate(`document.querySelector('sonet-login-form').showError('invalid-credentials')`);
  const guidance = await form.evaluate(`(async () => {
    for (let i = 0; i < 100; i++) {
      const help = document.querySelector('sonet-login-form sonet-error-help');
      const text = help?.shadowRoot?.textContent ?? '';
      if (/\\S/.test(text) && help.shadowRoot.querySelector('ol, li')) return text.replace(/\\s+/g, ' ').trim().slice(0, 60);
      await new Promise((r) => setTimeout(r, 50));
    }
    return '';
  })()`);
  // The element and its guidance are one file: no second round trip before the steps show.
  check(
    'an error loads <sonet-error-help> with its guidance in one file, and shows its steps',
    fetched('error-help').length === 1 && !scripts().some((f) => /guidance/.test(f)) && guidance !== '',
    guidance
  );
  const failureStage = await oneRoundTrip(form, 'error-help', ['countdown-controller']);
  check('… in one round trip: the files it imports are requested with it, not after it', failureStage.ok, failureStage.detail);

  await form.evaluate(`document.documentElement.lang = 'en'`);
  const english = await form.evaluate(`(async () => {
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

  await form.evaluate(`document.getElementById('user_id').focus()`);
  await form.send('Input.insertText', {text: 'やまだ'});
  for (let i = 0; i < 100 && !fetched('romaji').length; i++) await sleep(50);
  check('kana typed in the user ID load wanakana (the romaji suggestion)', fetched('romaji').length === 1);
  checkRequests('login form page', form.exceptions);
  await form.close();

  // 2. Only <sonet-error-help>.
  requests = [];
  const help = await openPage(browser, `${origin}/help`);
  help.page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  const steps = await help.evaluate(`(async () => {
    for (let i = 0; i < 100; i++) {
      const root = document.querySelector('sonet-error-help')?.shadowRoot;
      if (root?.querySelector('ol, li')) return root.textContent.replace(/\\s+/g, ' ').trim().slice(0, 60);
      await new Promise((r) => setTimeout(r, 50));
    }
    return '';
  })()`);
  check('a page with only <sonet-error-help> loads it and shows its steps', steps !== '' && fetched('error-help').length === 1, steps);
  check('… and not the login form', !fetched('login-form').length && !fetched('login-form.behaviour').length, scripts().join(', '));
  checkRequests('error help page', help.exceptions);
  await help.close();
} catch (error) {
  check('the pages run', false, `${error.message} ${consoleErrors.join(' | ')}; requests: ${requests.map(([p, s]) => `${s} ${p}`).join(', ')}`);
} finally {
  await browser.close();
  server.close();
}

/**
 * Whether each of `deps` (chunk names) was requested before the file of chunk `name` had arrived:
 * requested with it (rollup-import-together.mjs) or earlier, not found by parsing it (one more
 * round trip on a phone).
 */
async function oneRoundTrip(page, name, deps) {
  const timings = await page.evaluate(
    `performance.getEntriesByType('resource').map((r) => [new URL(r.name).pathname.slice('/assets/'.length), [r.startTime, r.responseEnd]])`
  );
  const timing = (chunk) => timings.find(([file]) => isChunk(chunk, file))?.[1];
  const target = timing(name);
  if (!target) return {ok: false, detail: `${name} was not fetched`};
  const late = deps.filter((dep) => !(timing(dep)?.[0] < target[1]));
  const detail = deps.map((dep) => `${dep} requested at ${timing(dep)?.[0]?.toFixed(1) ?? '—'} ms`).join(', ');
  return {ok: late.length === 0, detail: `${name} arrived at ${target[1].toFixed(1)} ms; ${detail}`};
}

function checkRequests(what, exceptions) {
  const missing = requests.filter(([, status]) => status !== 200);
  check(`${what}: no request fails (no 404)`, missing.length === 0, missing.map(([p, s]) => `${s} ${p}`).join(', '));
  const twice = requests.filter(([p], i) => requests.findIndex(([q]) => q === p) !== i && p.endsWith('.js'));
  check(`${what}: no module is fetched twice (one copy of lit and of each element)`, twice.length === 0, twice.map(([p]) => p).join(', '));
  const unknown = scripts().filter((f) => f !== ENTRY && !bundleFiles.includes(f));
  check(`${what}: every file requested is in dist/bundle`, unknown.length === 0, unknown.join(', '));
  check(`${what}: no uncaught error, no console error`, !exceptions.length && !consoleErrors.length, [...exceptions, ...consoleErrors].join(' | '));
}

const failed = checks.filter((c) => !c.ok).length;
await mkdir(join(ROOT, 'test-results'), {recursive: true});
await writeFile(join(ROOT, 'test-results/bundle-summary.json'), JSON.stringify({passed: checks.length - failed, failed, skipped: 0, sizes}));
console.log(`\n${checks.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
