// Rollup builds the self-contained bundle (`sonet-login-elements/bundle`): what a server-rendered
// page (My Page, Webmail) loads with one <script type="module">, with lit, @lit/localize, wanakana
// and both locales inside, defining every element. It is an entry plus chunks, code-split at the
// source's dynamic imports exactly as the npm build is: the entry (sonet-login-elements.min.js, its
// name is the `./bundle` export and what pages already reference) loads the first views and the
// Japanese strings; the login form's behaviour, the guidance, the notices, the English locale and
// wanakana are chunks beside it, fetched by `import()` relative to the module that needs them.
// The per-module library build (dist/**/*.js + .d.ts, lit and wanakana external) is emitted by tsc
// (`npm run build:lib`): module boundaries are the public entry points, so nothing is re-bundled there.
import typescript from '@rollup/plugin-typescript';
import {nodeResolve} from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import {existsSync, readdirSync, rmSync} from 'node:fs';
import {join} from 'node:path';
import minifyTemplateLiterals from 'rollup-plugin-minify-template-literals';
import {MINIFY_OPTIONS} from './scripts/minify-templates.mjs';
import {importTogether} from './scripts/rollup-import-together.mjs';

const OUT_DIR = 'dist/bundle';

/**
 * Chunk names carry a content hash, so every build that changes code writes new ones: remove what
 * the build just wrote does not contain, or dist/ (and the npm package) collects stale files.
 * Only on write (`npm run build`), never for `npm run size`, which generates in memory.
 */
const removeStaleChunks = {
  name: 'remove-stale-chunks',
  writeBundle(options, bundle) {
    if (!existsSync(options.dir)) return;
    for (const file of readdirSync(options.dir)) {
      if (!(file in bundle)) rmSync(join(options.dir, file), {recursive: true, force: true});
    }
  },
};

/**
 * Chunks by loading stage (ARCHITECTURE.md, "Loading plan"), not one per set of importers: each
 * file costs a request and a gzip stream of its own, so modules that always load together share
 * one. `core`: what every element needs (the bundle's autoloader, lit's base class, the locale
 * runtime). `login-form`: the form's skeleton (the element, the field builder and styles, the
 * show-password toggle) — also what the standalone fields build with. `fields`: the field cores
 * and the input rules (warnings live). `links`: the help links and the cookie check. `error-help`:
 * the element and its guidance. The rest (the behaviour, each other element) is split where the
 * source imports it dynamically.
 */
function manualChunks(id) {
  const path = id.split('\\').join('/');
  if (
    /\/node_modules\/@lit\/(reactive-element|localize)\//.test(path) ||
    /\/src\/(bundle|localization|locales\/locale-codes|lib\/lazy|components\/shared\/adopt-styles)\.ts$/.test(path)
  ) {
    return 'core';
  }
  // Templates: the behaviour, the guidance and the banner render with lit-html.
  if (/\/node_modules\/(lit|lit-html|lit-element)\//.test(path)) return 'lit';
  if (
    /\/src\/components\/login-form\/login-form(\.host)?\.ts$/.test(path) ||
    /\/src\/components\/shared\/field(-skeleton|\.styles)\.ts$/.test(path) ||
    /\/src\/controllers\/(password-reveal-controller|reveal-delay)\.ts$/.test(path)
  ) {
    return 'login-form';
  }
  // The field cores and the analysis rules: what makes warnings live (the form's behaviour and
  // the standalone fields both load all of it).
  if (
    /\/src\/components\/shared\/(field-core|field-details|field-messages|field-more\.styles|user-id-core|password-core)\.ts$/.test(path) ||
    /\/src\/components\/login-form\/login-form\.fields\.ts$/.test(path) ||
    /\/src\/controllers\/(input-analysis|caps-lock)-controller\.ts$/.test(path) ||
    /\/src\/lib\/(findings|text-scan|character-scan|half-width|user-id|password|romaji-loader)\.ts$/.test(path)
  ) {
    return 'fields';
  }
  // The help links' targets and texts (below the form, in the guidance, in the banner), and the
  // cookie check: every page that runs it (the form at idle, the behaviour, the guidance) has
  // loaded the links by then, so it costs no file of its own; the banner carries its 0.2 kB unused.
  if (
    /\/src\/(lib\/link-href|components\/error-help\/error-help\.links|components\/login-form\/login-form\.links)\.ts$/.test(path) ||
    /\/src\/lib\/cookies\.ts$/.test(path)
  ) {
    return 'links';
  }
  // <sonet-error-help> with its guidance: the element imports the guidance on its first render,
  // so apart they cost a second round trip after every failure and a gzip stream of their own.
  if (/\/src\/components\/error-help\/(error-help|error-help\.styles|error-help\.events|guidance|guidance\.styles)\.ts$/.test(path)) {
    return 'error-help';
  }
  // Shared with <sonet-error-help> but needed earlier or elsewhere (the behaviour, the banner's
  // countdown): named, or Rollup would move them into the chunk above.
  if (/\/src\/lib\/capabilities\.ts$/.test(path)) return 'capabilities';
  if (/\/src\/lib\/(login-response|retry-time)\.ts$/.test(path)) return 'login-response';
  if (/\/src\/controllers\/countdown-controller\.ts$/.test(path)) return 'countdown-controller';
  return undefined;
}

export default {
  input: 'src/bundle.ts',
  output: {
    dir: OUT_DIR,
    format: 'es',
    entryFileNames: 'sonet-login-elements.min.js',
    // The entry stays a small facade that imports the shared code from a hashed chunk (Rollup's
    // default for an entry with exports): chunks then import that chunk, never the entry, so a
    // page that loads the entry with a query string (`…min.js?v=2`, a usual cache-buster) still
    // gets one copy of lit and of each element — a chunk importing `./sonet-login-elements.min.js`
    // would evaluate a second copy under the query-less URL, and define() would throw.
    // Chunks beside the entry, not in a folder: package.json's `sideEffects` names
    // ./dist/bundle/*.js, so a page's bundler that imports `sonet-login-elements/bundle` keeps them
    // (a chunk in a subfolder would count as side-effect free, and the elements would be dropped).
    // The prefix keeps them apart from other files when a site copies them into a shared folder.
    chunkFileNames: (chunk) => (chunk.name === 'core' ? 'sonet-login-elements-[hash].js' : 'sonet-[name]-[hash].js'),
    sourcemap: true,
    manualChunks,
  },
  plugins: [
    // `production` keeps Lit's dev mode (and its console warning) out of the bundle.
    nodeResolve({exportConditions: ['production'], browser: true}),
    typescript({
      tsconfig: './tsconfig.json',
      compilerOptions: {declaration: false, declarationMap: false, sourceMap: true, outDir: undefined, rootDir: 'src'},
      outputToFilesystem: false,
    }),
    // The text of html`…` and css`…` templates, which terser leaves as written; after typescript
    // (which emits from its own program, not from earlier transforms).
    minifyTemplateLiterals({include: ['src/**/*.ts'], options: MINIFY_OPTIONS, failOnError: true}),
    // Each import() also starts the files its target imports, instead of one round trip per level.
    // The core and the form's skeleton are the page's first load (budgeted): there only the
    // import that makes warnings live gets its list (lit-html, +20 B).
    importTogether({firstLoad: {core: [], 'login-form': ['fields']}}),
    terser({ecma: 2021, module: true, format: {comments: false}, compress: {passes: 2}}),
    removeStaleChunks,
  ],
  onwarn(warning, warn) {
    // lit's decorators reference `this` at module level in a harmless way.
    if (warning.code === 'THIS_IS_UNDEFINED') return;
    warn(warning);
  },
};
