// The benchmark's candidates and how each is built and served: esbuild --minify (ES2021,
// production conditions, code-split as a page's bundler would), every output kept in memory.
import {existsSync, readFileSync, readdirSync, statSync} from 'node:fs';
import {createRequire} from 'node:module';
import {dirname, join, relative, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {gzipSync} from 'node:zlib';
import * as esbuild from 'esbuild';
import {chromiumArgs} from '../browsers.mjs';
import * as FORMS from './forms.js';
import {LIVE_LIMIT_MS, READY_LIMIT_MS, probe} from './probe.js';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const HERE = join(ROOT, 'scripts/bench');
const require = createRequire(join(ROOT, 'package.json'));

/** The project's headless flags, and no throttling of pages the browser thinks are in the background. */
export const BENCH_FLAGS = [
  ...chromiumArgs,
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
  '--disable-extensions',
  '--window-size=1280,900',
];

export const LOGIN_FORM = 'src/components/login-form/login-form.ts';
/** The built `./bundle` (`npm run build`): what a server-rendered page loads, with its chunks. */
export const BUNDLE_DIR = 'dist/bundle';
export const BUNDLE_ENTRY = 'sonet-login-elements.min.js';

/**
 * The candidates. `entry` is the module a page imports (what it costs is measured from it);
 * `packages` must be installed (benchmark-only devDependencies).
 */
export const CANDIDATES = [
  {
    name: 'sonet',
    label: '`<sonet-login-form>` (this library)',
    entry: `import './${LOGIN_FORM}';`,
    needs: [LOGIN_FORM],
    packages: [],
    // The navigation page loads the package's bundle, as My Page and Webmail do.
    navScript: `/assets/${BUNDLE_ENTRY}`,
  },
  {
    name: 'bare',
    label: 'bare Lit element (baseline)',
    entry: "import './scripts/bench/bare-login.ts';",
    needs: [],
    packages: ['lit'],
  },
  {
    name: 'vaadin',
    label: '`@vaadin/login` `<vaadin-login-form>`',
    entry: "import '@vaadin/login/vaadin-login-form.js';",
    needs: [],
    packages: ['@vaadin/login'],
  },
  {
    name: 'shoelace',
    label: 'Shoelace `sl-input password-toggle` + `sl-button`',
    entry:
      "import '@shoelace-style/shoelace/dist/components/input/input.js';\n" +
      "import '@shoelace-style/shoelace/dist/components/button/button.js';",
    css: '@shoelace-style/shoelace/dist/themes/light.css',
    needs: [],
    packages: ['@shoelace-style/shoelace'],
  },
  {
    name: 'material',
    label: 'Material Web outlined text fields + button',
    entry:
      "import '@material/web/textfield/outlined-text-field.js';\n" +
      "import '@material/web/button/filled-button.js';\n" +
      "import '@material/web/iconbutton/icon-button.js';\n" +
      "import '@material/web/icon/icon.js';\n" +
      // Material's text field has no reveal button of its own: the documented pattern is a toggle
      // icon button in the trailing slot that switches the field's type.
      "document.addEventListener('change', (e) => {\n" +
      "  const b = e.target;\n" +
      "  if (b.localName === 'md-icon-button') b.closest('md-outlined-text-field').type = b.selected ? 'text' : 'password';\n" +
      '});',
    needs: [],
    packages: ['@material/web'],
  },
];
export const BASELINE = 'bare';

/** The installed version of a package (some, like lit, do not export their package.json). */
export function versionOf(pkg) {
  try {
    return JSON.parse(readFileSync(join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')).version;
  } catch {
    return null;
  }
}

const entryPlugin = (contents) => ({
  name: 'bench-entry',
  setup(build) {
    build.onResolve({filter: /^bench-entry$/}, () => ({path: 'entry', namespace: 'bench-entry'}));
    // package.json's "sideEffects" names the built files (dist/); imported from source, an element
    // module and the benchmark's own modules still define elements and globals.
    build.onResolve({filter: /^\.\/(src|scripts\/bench)\//, namespace: 'bench-entry'}, (args) => ({
      path: join(ROOT, args.path),
      sideEffects: true,
    }));
    build.onLoad({filter: /.*/, namespace: 'bench-entry'}, () => ({contents, resolveDir: ROOT, loader: 'ts'}));
  },
});

async function buildEntry(name, contents, minify) {
  const outdir = join(ROOT, '.bench-out', name);
  const result = await esbuild.build({
    entryPoints: {entry: 'bench-entry'},
    plugins: [entryPlugin(contents)],
    bundle: true,
    minify,
    format: 'esm',
    target: 'es2021',
    platform: 'browser',
    conditions: ['production'],
    legalComments: 'none',
    splitting: true,
    chunkNames: 'chunk-[hash]',
    outdir,
    write: false,
    metafile: true,
    logLevel: 'silent',
    tsconfig: 'tsconfig.json',
  });
  const files = new Map(result.outputFiles.map((f) => [relative(outdir, f.path), Buffer.from(f.contents)]));
  const outputs = result.metafile.outputs;
  const key = (p) => relative(outdir, join(ROOT, p));
  // What the page loads before anything happens: the entry and its static imports.
  const first = new Set();
  const stack = ['entry.js'];
  while (stack.length) {
    const f = stack.pop();
    if (first.has(f)) continue;
    first.add(f);
    const out = outputs[relative(ROOT, join(outdir, f))];
    for (const i of out.imports) if (i.kind === 'import-statement' && !i.external) stack.push(key(i.path));
  }
  // One stream, as Rollup or Vite would ship the first load (as .size-limit.js measures it).
  const gz = gzipSync(Buffer.concat([...first].map((f) => files.get(f))), {level: 9}).length;
  return {files, gz, firstFiles: first.size, lazyFiles: files.size - first.size};
}

/** harness.js with forms.js, which it reads, as one module. */
async function buildHarness(minify) {
  const result = await esbuild.build({
    entryPoints: [join(HERE, 'harness.js')],
    bundle: true,
    minify,
    format: 'esm',
    target: 'es2021',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

/** Every file of the built `./bundle`, served under /assets/ as the README's page expects. */
function bundleRoutes(routes) {
  const dir = join(ROOT, BUNDLE_DIR);
  if (!existsSync(join(dir, BUNDLE_ENTRY))) return `not measured: ${BUNDLE_DIR}/${BUNDLE_ENTRY} is missing (npm run build)`;
  for (const f of readdirSync(dir)) routes.set(`/assets/${f}`, readFileSync(join(dir, f)));
  return null;
}

/**
 * True when a file in src/ changed after the bundle was built: `node scripts/bench/bench.mjs`
 * run alone measures whatever dist/ holds (`npm run bench` builds it first).
 */
export function bundleIsStale() {
  const entry = join(ROOT, BUNDLE_DIR, BUNDLE_ENTRY);
  if (!existsSync(entry)) return false;
  const built = statSync(entry).mtimeMs;
  const newer = (dir) =>
    readdirSync(dir, {withFileTypes: true}).some((d) =>
      d.isDirectory() ? newer(join(dir, d.name)) : statSync(join(dir, d.name)).mtimeMs > built
    );
  return newer(join(ROOT, 'src'));
}

/**
 * The page a member's browser navigates to: the form written in the HTML (server-rendered), the
 * candidate's script in <head> as a module, and the probe inlined before anything else.
 */
function navigationPage(c, cssLink, scriptSrc) {
  const form = FORMS[c.name];
  // The probe gets only what it reads of forms.js (self-contained functions, as their source).
  const fields = ['userId', 'toggle', 'live'].filter((k) => form[k]).map((k) => `${k}: ${form[k]}`);
  return (
    '<!doctype html><html lang="ja"><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width, initial-scale=1"><title>ログイン</title>' +
    '<link rel="icon" href="data:,">' +
    `<script>${esbuild.transformSync(`(${probe})({${fields.join(', ')}}, {readyLimitMs: ${READY_LIMIT_MS}, liveLimitMs: ${LIVE_LIMIT_MS}});`, {minify: true}).code}</script>` +
    cssLink +
    `<script type="module" src="${scriptSrc}"></script>` +
    `</head><body><main>${form.page ?? form.markup}</main></body></html>`
  );
}

/**
 * Builds every candidate whose files and packages are there, and the analysis-core page.
 * @returns {Promise<{routes: Map<string, Buffer|string>, built: object[]}>} what the server serves, and per candidate
 *   its first-load gzip bytes or why it is not measured (`navSkipped`: why its navigation page is not).
 */
export async function buildAll({minify = true} = {}) {
  const routes = new Map();
  routes.set('/harness.js', await buildHarness(minify));
  const bundleMissing = bundleRoutes(routes);
  const built = [];
  for (const c of CANDIDATES) {
    const missingFiles = c.needs.filter((f) => !existsSync(f));
    const missingPackages = c.packages.filter((p) => !versionOf(p));
    if (missingFiles.length || missingPackages.length) {
      built.push({
        ...c,
        skipped: missingFiles.length
          ? `not measured: ${missingFiles.join(', ')} does not exist yet`
          : `not measured: ${missingPackages.join(', ')} is not installed (npm i -D ${missingPackages.join(' ')}` +
            ' failed or was not run)',
      });
      continue;
    }
    try {
      const b = await buildEntry(c.name, c.entry, minify);
      for (const [f, bytes] of b.files) routes.set(`/c/${c.name}/${f}`, bytes);
      let cssGz = 0;
      let cssLink = '';
      if (c.css) {
        const css = readFileSync(require.resolve(c.css));
        cssGz = gzipSync(css, {level: 9}).length;
        routes.set(`/c/${c.name}/theme.css`, css);
        cssLink = `<link rel="stylesheet" href="/c/${c.name}/theme.css">`;
      }
      for (const mode of ['load', 'create']) {
        routes.set(
          `/page/${c.name}-${mode}.html`,
          '<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>bench</title>' +
            '<link rel="icon" href="data:,">' +
            cssLink +
            `<script type="module" src="/harness.js?c=${c.name}&mode=${mode}"></script>` +
            `<script type="module" src="/c/${c.name}/entry.js"></script>` +
            '</head><body></body></html>'
        );
      }
      const navSkipped = c.navScript && bundleMissing;
      if (!navSkipped) {
        routes.set(`/page/${c.name}-nav.html`, navigationPage(c, cssLink, c.navScript ?? `/c/${c.name}/entry.js`));
      }
      built.push({...c, gz: b.gz, cssGz, firstFiles: b.firstFiles, lazyFiles: b.lazyFiles, navSkipped});
    } catch (error) {
      built.push({...c, skipped: `not measured: the build failed (${(error.errors?.[0]?.text ?? error.message).split('\n')[0]})`});
    }
  }
  const core = await buildEntry('core', "import './scripts/bench/core.ts';", minify);
  for (const [f, bytes] of core.files) routes.set(`/core/${f}`, bytes);
  routes.set(
    '/core.html',
    '<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>core</title><link rel="icon" href="data:,">' +
      '<script type="module" src="/core/entry.js"></script></head><body></body></html>'
  );
  return {routes, built};
}
