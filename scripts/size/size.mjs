#!/usr/bin/env node
// `npm run size`: what each part of sonet-login-elements costs a page, min + gzip -9 and brotli,
// against lit alone (the floor every Lit element pays), and the CI budgets (exit 1 when missed).
//
// Every figure is esbuild --minify (ES2021, the `production` export condition, so Lit's dev mode
// is out), except the `./bundle` export, which is measured as rollup.config.mjs builds it: an
// entry and chunks served as they are, so its gzip and brotli are per file, summed (the one-stream
// gzip is in the note).
// Code-split builds: a page loads the entry and the chunks it imports statically; `import()`
// chunks load later (when first needed) and are listed separately. What loads together is
// compressed as one stream: esbuild splits the first load into several small shared chunks where
// Rollup or Vite (which know those modules are already loaded) emit one entry chunk, so one
// stream is what a page's bundler ships; the per-file sum is printed beside it.
//
//   node scripts/size/size.mjs [--top N]   (the npm script runs `lit-localize build` first)
//
// 1 KB = 1,000 bytes here.
import {existsSync, readFileSync, readdirSync} from 'node:fs';
import {basename, dirname, join, relative, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {brotliCompressSync, constants as zlib, gzipSync} from 'node:zlib';
import * as esbuild from 'esbuild';
import {minifyCssTemplates} from '../minify-css.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
process.chdir(ROOT);

/** The budgets of the size issue (#6), in gzip bytes: exit 1 when missed with SIZE_GATE=1. */
export const BUDGETS = {
  firstLoad: 10_000,
  everything: 18_000,
};

/**
 * Ceilings, in gzip bytes, always enforced (exit 1): what the design measured at its last change,
 * plus a little. They stop regressions while the budgets above are still missed; lower them as
 * sizes come down, never raise them without saying why in the commit.
 */
export const CEILINGS = {
  // 14,420 B after the help links, the field-more styles and the property decorators left the
  // first load (2026-11-22), plus a little (was 15,600). Raised to 14,700 when the form the
  // element writes became DOM calls instead of a Lit template (14,653 B, +0.2 KB): a fresh
  // page's first render no longer prepares that template (3–5 ms of create, `npm run bench`).
  // Raised to 14,800 when the first view's toggle learned to show the password itself when the
  // behaviour module cannot load (14,763 B, +0.1 KB; it did nothing before). Lowered to 11,800
  // when the form's first view started extending ReactiveElement instead of LitElement (11,664 B:
  // lit-html, 2.7 KB, now comes with the behaviour module); a template import pulled back into the
  // first load exceeds it.
  firstLoad: 11_800,
  // The bundle's entry + all its chunks, each file compressed on its own as a server sends it:
  // 60,632 B at the bundle's code split (2026-11-22, a26e61d), plus about 1%. It was 58,500 over
  // one file (57,952 B): files compressed apart share no gzip window (+1.9 KB), and the chunks'
  // import/export lists add 0.8 KB (58,714 B as one stream). Raised to 61,700 when the help
  // links and the field-more styles became chunks of their own (61,359 B; the same code as
  // one stream is 59,182 B): each file is compressed apart. Raised to 62,300 when the form's
  // first view started building its field areas with DOM calls beside the behaviour's templates
  // (61,952 B, +0.6 KB, for 2 KB less memory per form and no template parts kept by it).
  // Raised to 62,600 when the user ID's characters line and fix label started waiting for a
  // pause in typing (62,518 B, +0.4 KB: the pause timer and the same-warnings check; a Japanese
  // key no longer re-renders the field's area, `npm run bench`), to 62,700 with the offline
  // toggle (62,612 B; see firstLoad).
  everything: 62_700,
  // What a page loading the bundle's entry fetches before anything is needed (entry + shared
  // chunk: every element's first view, ja): 37,257 B at the code split, plus about 1%. Raised
  // to 37,900 with the form built by DOM calls (37,766 B; see firstLoad), to 38,200 with the
  // user ID's details waiting for a pause (38,143 B; `<sonet-user-id-field>` is in the entry's
  // chunk; see everything), to 38,300 with the offline toggle (38,243 B; see firstLoad).
  bundleFirstLoad: 38_300,
};

/** Source modules the bundle must load up front, and those it must fetch only when needed. */
const BUNDLE_FIRST = ['src/components/login-form/login-form.ts', 'src/components/shared/field-messages.ts', 'src/lib/detect.ts'];
const BUNDLE_LAZY = [
  'src/components/login-form/login-form.behaviour.ts',
  'src/components/login-form/login-form.notices.ts',
  'src/components/error-help/guidance.ts',
  'src/locales/en.ts',
  'src/lib/romaji.ts',
];
const GATE_BUDGETS = process.env.SIZE_GATE === '1';

const topArg = process.argv.indexOf('--top');
const TOP = topArg > 0 ? Number(process.argv[topArg + 1]) || 12 : 12;

const LOGIN_FORM = 'src/components/login-form/login-form.ts';
const ELEMENTS = [
  ['<sonet-login-form>', LOGIN_FORM],
  ['<sonet-user-id-field>', 'src/components/user-id-field/user-id-field.ts'],
  ['<sonet-password-field>', 'src/components/password-field/password-field.ts'],
  ['<sonet-error-help>', 'src/components/error-help/error-help.ts'],
  ['<sonet-maintenance-notice>', 'src/components/maintenance-notice/maintenance-notice.ts'],
];

// ---------------------------------------------------------------------------------------------
// Compression and formatting

function gzip(bytes) {
  return gzipSync(bytes, {level: 9}).length;
}

function brotli(bytes) {
  return brotliCompressSync(bytes, {
    params: {
      [zlib.BROTLI_PARAM_QUALITY]: 11,
      [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT,
      [zlib.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  }).length;
}

/** Sizes of files that load together: compressed as one stream, and file by file (`gzFiles`). */
function measureFiles(files) {
  const all = Buffer.concat(files.map((f) => Buffer.from(f)));
  let gzFiles = 0;
  for (const bytes of files) gzFiles += gzip(bytes);
  return {files: files.length, min: all.length, gz: gzip(all), br: brotli(all), gzFiles};
}

const kb = (n) => (n / 1000).toFixed(1);
const num = (n) => n.toLocaleString('en-US');

// ---------------------------------------------------------------------------------------------
// esbuild: split builds and static closures

const OUT = join(ROOT, '.size-out'); // never written (write: false); names the outputs

/** The CSS of css`…` templates in src minified, as `npm run build` does for dist/ (esbuild would not). */
const minifyCssPlugin = {
  name: 'minify-css-templates',
  setup(build) {
    build.onLoad({filter: /[\\/]src[\\/].*\.ts$/}, (args) =>
      args.path.startsWith(join(ROOT, 'src')) ? {contents: minifyCssTemplates(readFileSync(args.path, 'utf8')), loader: 'ts'} : undefined
    );
  },
};

function esbuildOptions(extra) {
  return {
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2021',
    platform: 'browser',
    conditions: ['production'],
    legalComments: 'none',
    splitting: true,
    outdir: OUT,
    write: false,
    metafile: true,
    logLevel: 'silent',
    tsconfig: 'tsconfig.json',
    plugins: [minifyCssPlugin],
    ...extra,
  };
}

/**
 * Builds `entry` code-split and returns what a page loads statically, the `import()` chunks, and
 * per-module byte counts.
 */
async function splitBuild(entry) {
  const result = await esbuild.build(esbuildOptions({entryPoints: [entry]}));
  const byPath = new Map(result.outputFiles.map((f) => [relative(ROOT, f.path), f.contents]));
  const outputs = result.metafile.outputs;
  const entryOut = Object.keys(outputs).find((p) => outputs[p].entryPoint === entry) ?? Object.keys(outputs).find((p) => outputs[p].entryPoint);
  const closure = (start, seen = new Set()) => {
    const stack = [start];
    while (stack.length) {
      const p = stack.pop();
      if (seen.has(p)) continue;
      seen.add(p);
      for (const i of outputs[p].imports) if (i.kind === 'import-statement' && !i.external) stack.push(i.path);
    }
    return seen;
  };
  const staticSet = closure(entryOut);
  // Each import() target with the static chunks it adds to what is already loaded.
  const dynamic = [];
  const seenDynamic = new Set();
  const queue = [...staticSet];
  const loaded = new Set(staticSet);
  while (queue.length) {
    const p = queue.shift();
    for (const i of outputs[p].imports) {
      if (i.kind !== 'dynamic-import' || i.external || seenDynamic.has(i.path)) continue;
      seenDynamic.add(i.path);
      const adds = [...closure(i.path)].filter((x) => !loaded.has(x));
      adds.forEach((x) => loaded.add(x));
      queue.push(...adds);
      dynamic.push({
        chunk: i.path,
        modules: Object.keys(outputs[i.path].inputs),
        adds,
      });
    }
  }
  const filesOf = (set) => [...set].map((p) => byPath.get(p));
  const modulesOf = (set) => {
    const rows = [];
    for (const p of set) {
      const out = byPath.get(p);
      const ratio = gzip(out) / out.length;
      for (const [input, {bytesInOutput}] of Object.entries(outputs[p].inputs)) {
        if (bytesInOutput > 0) rows.push({input, min: bytesInOutput, gzShare: Math.round(bytesInOutput * ratio)});
      }
    }
    return rows.sort((a, b) => b.min - a.min);
  };
  return {
    first: measureFiles(filesOf(staticSet)),
    firstModules: modulesOf(staticSet),
    dynamic: dynamic.map((d) => ({...d, size: measureFiles(filesOf(d.adds)), main: mainModule(d.modules, basename(d.chunk).replace(/-[A-Z0-9]+\.js$/, '.js'))})),
    all: measureFiles([...byPath.values()]),
    allModules: modulesOf(new Set(Object.keys(outputs))),
  };
}

/** The module a dynamic chunk is named after (its biggest source module). */
function mainModule(modules, chunk) {
  const own = modules.filter((m) => m.startsWith('src/'));
  return own.length ? own[own.length - 1] : modules[modules.length - 1] ?? chunk;
}

/** One module (or stdin) bundled alone, with some packages left external. */
async function soloBuild(options) {
  const result = await esbuild.build(esbuildOptions({splitting: false, ...options}));
  return measureFiles(result.outputFiles.map((f) => f.contents));
}

// ---------------------------------------------------------------------------------------------
// The guidance text alone: every string <sonet-error-help>'s guidance shows, in both locales,
// as a JSON array of strings (no ids, no markup) — the floor any design that ships all of it pays.

function guidanceText() {
  const src = readFileSync('src/components/error-help/guidance.ts', 'utf8');
  const ids = new Set([...src.matchAll(/\{\s*id:\s*'([^']+)'/g)].map((m) => m[1]));
  const xliff = readFileSync('xliff/en.xlf', 'utf8');
  const units = new Map();
  for (const m of xliff.matchAll(/<trans-unit id="([^"]+)">([\s\S]*?)<\/trans-unit>/g)) {
    const body = m[2];
    const text = (tag) =>
      (body.match(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`))?.[1] ?? '')
        .replace(/<x [^>]*>/g, '${}')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&');
    units.set(m[1], [text('source'), text('target')]);
  }
  const strings = [];
  let missing = 0;
  for (const id of ids) {
    if (units.has(id)) strings.push(...units.get(id));
    else missing++;
  }
  const json = Buffer.from(JSON.stringify(strings));
  return {size: measureFiles([json]), strings: strings.length / 2, missing};
}

/** The Japanese text of every live warning (message ids `warning.*`), as a JSON array. */
function warningText() {
  const strings = [];
  for (const file of warningModules()) {
    const src = readFileSync(file, 'utf8');
    for (const m of src.matchAll(/msg\(\s*(?:str)?(['`])([\s\S]*?)\1,\s*\{\s*id:\s*'warning\./g)) strings.push(m[2]);
  }
  return {size: measureFiles([Buffer.from(JSON.stringify(strings))]), strings: strings.length};
}

// ---------------------------------------------------------------------------------------------
// The `./bundle` export, built exactly as rollup.config.mjs does (into memory, not dist/): an entry
// and chunks, served as they are, so each file is compressed on its own (what the server sends);
// the one-stream figure is in the note.

/** Sizes of files served apart: gzip and brotli per file, summed; `gzStream` as one stream. */
function measureServed(files) {
  const one = measureFiles(files);
  return {...one, gz: one.gzFiles, br: files.reduce((sum, f) => sum + brotli(Buffer.from(f)), 0), gzStream: one.gz};
}

async function rollupBundle() {
  const {rollup} = await import('rollup');
  const config = (await import(join(ROOT, 'rollup.config.mjs'))).default;
  const warnings = [];
  const bundle = await rollup({...config, onwarn: (w) => warnings.push(w)});
  const {output} = await bundle.generate({...config.output, sourcemap: false});
  await bundle.close();
  const chunks = new Map(output.filter((o) => o.type === 'chunk').map((c) => [c.fileName, c]));
  const entry = [...chunks.values()].find((c) => c.isEntry);
  const closure = (start, loaded) => {
    const added = [];
    const stack = [start];
    while (stack.length) {
      const name = stack.pop();
      if (loaded.has(name)) continue;
      loaded.add(name);
      added.push(name);
      stack.push(...chunks.get(name).imports);
    }
    return added;
  };
  const loaded = new Set();
  const first = closure(entry.fileName, loaded);
  // Each import() target with the chunks it adds to what is already loaded, in the order found.
  const dynamic = [];
  for (let i = 0, queue = [...first]; i < queue.length; i++) {
    for (const target of chunks.get(queue[i]).dynamicImports) {
      const adds = closure(target, loaded);
      if (!adds.length) continue;
      queue.push(...adds);
      dynamic.push({chunk: target, adds});
    }
  }
  const code = (names) => names.map((n) => Buffer.from(chunks.get(n).code));
  const modulesOf = (names) => new Set(names.flatMap((n) => Object.keys(chunks.get(n).modules).map((m) => relative(ROOT, m))));
  return {
    first: measureServed(code(first)),
    firstModules: modulesOf(first),
    dynamic: dynamic.map((d) => ({...d, size: measureServed(code(d.adds))})),
    all: measureServed(code([...chunks.keys()])),
    modules: modulesOf([...chunks.keys()]),
  };
}

// ---------------------------------------------------------------------------------------------

/** Source modules whose strings are live warnings (message ids `warning.*`). */
function warningModules() {
  const found = [];
  const walk = (dir) => {
    for (const e of readdirSync(dir, {withFileTypes: true})) {
      const p = join(dir, e.name);
      if (e.isDirectory()) {
        if (p !== 'src/locales') walk(p);
      } else if (p.endsWith('.ts') && /id:\s*'warning\./.test(readFileSync(p, 'utf8'))) found.push(p);
    }
  };
  walk('src');
  return found;
}

function pad(s, n, right = false) {
  s = String(s);
  return right ? s.padStart(n) : s.padEnd(n);
}

async function main() {
  if (!existsSync('src/locales/en.ts')) {
    console.error('src/locales/en.ts is missing: run `npx lit-localize build` (npm run size does).');
    process.exit(2);
  }
  const rows = [];
  const failures = [];
  const add = (label, size, note = '') => rows.push({label, size, note});

  const lit = await soloBuild({
    stdin: {
      contents:
        "export {LitElement, html, css, nothing} from 'lit';\n" +
        "export {customElement, property, state, query} from 'lit/decorators.js';",
      resolveDir: ROOT,
      loader: 'js',
    },
  });
  add('lit alone (LitElement, html, css, decorators)', lit, 'the floor');
  const litLocalize = await soloBuild({
      stdin: {
        contents:
          "export {LitElement, html, css, nothing} from 'lit';\n" +
          "export {customElement, property, state, query} from 'lit/decorators.js';\n" +
          "export {configureLocalization, localized, msg, str} from '@lit/localize';",
        resolveDir: ROOT,
        loader: 'js',
      },
    });
  add('lit + @lit/localize runtime', litLocalize);
  // <sonet-login-form>'s first view extends Lit's base class, ReactiveElement, and builds its DOM
  // with DOM calls: lit-html (templates) comes with the behaviour module.
  const reactiveLocalize = await soloBuild({
    stdin: {
      contents:
        "export {ReactiveElement} from '@lit/reactive-element';\n" +
        "export {css} from '@lit/reactive-element/css-tag.js';\n" +
        "export {configureLocalization, updateWhenLocaleChanges, msg, str} from '@lit/localize';",
      resolveDir: ROOT,
      loader: 'js',
    },
  });
  add("lit's ReactiveElement + css + @lit/localize", reactiveLocalize, "the form's first view: no templates");

  let loginForm;
  for (const [tag, entry] of ELEMENTS) {
    if (!existsSync(entry)) {
      add(`${tag} alone`, null, `${entry} not found`);
      continue;
    }
    const build = await splitBuild(entry);
    if (entry === LOGIN_FORM) loginForm = build;
    add(
      `${tag} — first load`,
      build.first,
      `static imports${build.first.files > 1 ? `; ${num(build.first.gzFiles)} as ${build.first.files} separate files` : ''}`
    );
    for (const d of build.dynamic) {
      add(`  └ import() ${relative('src', d.main).replace(/\.ts$/, '')}`, d.size, 'loaded when first needed');
    }
  }

  const guidanceModule = await soloBuild({
    entryPoints: ['src/components/error-help/guidance.ts'],
    external: ['lit', 'lit/*', '@lit/localize', './guidance.styles.js'],
    packages: 'external',
  });
  const text = guidanceText();
  add('guidance module alone (ja, lit external)', guidanceModule, 'steps + templates');
  add('guidance text alone (ja + en strings)', text.size, `${text.strings} strings as JSON`);
  add(
    'en locale alone',
    await soloBuild({entryPoints: ['src/locales/en.ts'], packages: 'external'}),
    'every English string'
  );
  const warnings = warningText();
  add('live warning text alone (ja)', warnings.size, `${warnings.strings} strings as JSON`);
  const analysis = await soloBuild({
    stdin: {
      contents:
        "export {analyzeUserId} from './src/lib/user-id.ts';\nexport {analyzePassword} from './src/lib/password.ts';",
      resolveDir: ROOT,
      loader: 'ts',
    },
  });
  add('analysis core alone (analyzeUserId, analyzePassword)', analysis, 'src/lib, no element; loaded on first use');
  const detect = await soloBuild({entryPoints: ['src/lib/detect.ts']});
  add('detectors alone (detectUserId, detectPassword)', detect, 'src/lib, in the first load');
  const romaji = await soloBuild({
    entryPoints: ['src/lib/romaji.ts'],
    external: ['./half-width.js', './text-scan.js'],
  });
  add('romaji suggestion (wanakana inside)', romaji, 'loaded when kana appear');

  const everythingSplit = await splitBuild('src/index.ts');
  add('npm: every module (index, all chunks)', everythingSplit.all, `${num(everythingSplit.all.gzFiles)} as ${everythingSplit.all.files} separate files`);
  let bundle;
  try {
    bundle = await rollupBundle();
    const stream = (size) => `one stream ${num(size.gzStream)}`;
    add('./bundle — first load (entry + static imports)', bundle.first, `every element (the form's first view), ja; ${stream(bundle.first)}`);
    for (const d of bundle.dynamic) {
      add(`  └ import() ${d.chunk.replace(/^sonet-/, '').replace(/-[\w-]{8}\.js$/, '')}`, d.size, 'loaded when first needed');
    }
    add('./bundle — everything (entry + all chunks)', bundle.all, `${bundle.all.files} files; ${stream(bundle.all)}`);
  } catch (error) {
    add('./bundle (rollup)', null, 'build failed');
    failures.push(`the ./bundle build failed: ${error.message}`);
  }

  // ----- the table
  const w = Math.max(...rows.map((r) => r.label.length));
  console.log('\nsonet-login-elements — sizes in bytes (esbuild --minify, gzip -9, brotli 11; 1 KB = 1,000 B)\n');
  console.log(`| ${pad('measured', w)} | files |     min |   gzip | brotli | gzip × lit | note`);
  console.log(`|${'-'.repeat(w + 2)}|------:|--------:|-------:|-------:|-----------:|-----`);
  for (const r of rows) {
    if (!r.size) {
      console.log(`| ${pad(r.label, w)} |     – |       – |      – |      – |          – | ${r.note}`);
      continue;
    }
    const {files, min, gz, br} = r.size;
    console.log(
      `| ${pad(r.label, w)} | ${pad(files, 5, true)} | ${pad(num(min), 7, true)} | ${pad(num(gz), 6, true)} | ` +
        `${pad(num(br), 6, true)} | ${pad((gz / lit.gz).toFixed(2) + '×', 10, true)} | ${r.note}`
    );
  }

  // ----- budgets and ceilings
  console.log(`\nBudgets of issue #6 (gzip)${GATE_BUDGETS ? ', enforced (SIZE_GATE=1)' : ', reported (SIZE_GATE=1 enforces)'}; ceilings always enforced:`);
  const check = (name, size, budget, ceiling, modules, covers) => {
    if (!size) {
      failures.push(`${name}: not measured`);
      console.log(`  ✗ ${name}: NOT MEASURED`);
      return false;
    }
    const uncovered = covers.filter((m) => !modules.has(m));
    const withinBudget = size.gz <= budget;
    const withinCeiling = size.gz <= ceiling;
    console.log(
      `  ${withinBudget && !uncovered.length ? '✓' : '✗'} ${name}: ${size.gz} B (${kb(size.gz)} KB); budget ${kb(budget)} KB` +
        (withinBudget ? ` — ${budget - size.gz} B to spare` : ` — OVER BY ${size.gz - budget} B`) +
        `; ceiling ${kb(ceiling)} KB ${withinCeiling ? '✓' : '✗ EXCEEDED'}`
    );
    if (uncovered.length) {
      console.log(`    does not include ${uncovered.join(', ')}, which it must`);
      failures.push(`${name}: incomplete (${uncovered.join(', ')})`);
    }
    if (!withinCeiling) failures.push(`${name}: ${kb(size.gz)} KB gzip > ceiling ${kb(ceiling)} KB (a regression)`);
    if (!withinBudget && GATE_BUDGETS) failures.push(`${name}: ${kb(size.gz)} KB gzip > budget ${kb(budget)} KB`);
    return withinBudget && !uncovered.length;
  };
  const firstOk = check(
    '<sonet-login-form> first load, every live warning, ja strings, lit included',
    loginForm?.first,
    BUDGETS.firstLoad,
    CEILINGS.firstLoad,
    new Set(loginForm?.firstModules.map((m) => m.input) ?? []),
    // The warning sentences and the detectors that decide which to show.
    loginForm ? ['src/components/shared/field-messages.ts', 'src/lib/detect.ts'] : []
  );
  const everythingOk = check(
    'everything (./bundle, entry + all chunks, gzip per file: all guidance in ja + en, romaji suggestion)',
    bundle?.all,
    BUDGETS.everything,
    CEILINGS.everything,
    bundle?.modules ?? new Set(),
    [
      'src/components/error-help/guidance.ts',
      'src/locales/en.ts',
      'src/lib/romaji.ts',
      ...(existsSync(LOGIN_FORM) ? [LOGIN_FORM] : []),
    ]
  );
  // The bundle's first load has no budget of the issue (it defines every element, not only the
  // form): a ceiling against growth, and the lazily loaded parts must stay out of it.
  if (bundle) {
    const {gz} = bundle.first;
    const within = gz <= CEILINGS.bundleFirstLoad;
    const pulledIn = BUNDLE_LAZY.filter((m) => bundle.firstModules.has(m));
    const missing = BUNDLE_FIRST.filter((m) => !bundle.firstModules.has(m));
    console.log(
      `  ${within && !pulledIn.length && !missing.length ? '✓' : '✗'} ./bundle first load (every element, the form's first view, ja): ` +
        `${gz} B (${kb(gz)} KB) in ${bundle.first.files} files; ceiling ${kb(CEILINGS.bundleFirstLoad)} KB ${within ? '✓' : '✗ EXCEEDED'}`
    );
    if (!within) failures.push(`./bundle first load: ${kb(gz)} KB gzip > ceiling ${kb(CEILINGS.bundleFirstLoad)} KB (a regression)`);
    if (pulledIn.length) {
      console.log(`    loads ${pulledIn.join(', ')} up front, which must load on demand`);
      failures.push(`./bundle first load pulls in ${pulledIn.join(', ')}`);
    }
    if (missing.length) {
      console.log(`    does not include ${missing.join(', ')}, which it must`);
      failures.push(`./bundle first load: incomplete (${missing.join(', ')})`);
    }
  } else {
    failures.push('./bundle first load: not measured');
    console.log('  ✗ ./bundle first load: NOT MEASURED');
  }
  const firstFloor = reactiveLocalize.gz + warnings.size.gz + detect.gz;
  console.log(
    `  floor of the first load: ReactiveElement + css + @lit/localize ${reactiveLocalize.gz} B + live warning text ${warnings.size.gz} B + ` +
      `detectors ${detect.gz} B = ${kb(firstFloor)} KB (files compressed apart), ${kb(BUDGETS.firstLoad - firstFloor)} KB ` +
      'left for the element, its markup, styles and labels'
  );
  const floor = litLocalize.gz + text.size.gz + romaji.gz;
  console.log(
    `  floor of everything: lit + @lit/localize ${litLocalize.gz} B + guidance text alone ${text.size.gz} B ` +
      `(${text.strings} strings, ja + en) + romaji suggestion ${romaji.gz} B = ${kb(floor)} KB` +
      (floor > BUDGETS.everything ? ' — above the everything budget before any element: it cannot be met without cutting guidance' : '')
  );

  const contributors = (title, modules) => {
    console.log(`\n${title} — biggest modules (min bytes; gzip ≈ share of its file's gzip):`);
    for (const m of modules.slice(0, TOP)) {
      console.log(`  ${pad(m.min, 7, true)}  ≈${pad(m.gzShare, 6, true)}  ${m.input}`);
    }
  };
  if (loginForm && !firstOk) contributors('<sonet-login-form> first load', loginForm.firstModules);
  if (!everythingOk) contributors('everything (npm, all chunks)', everythingSplit.allModules);

  if (failures.length) {
    console.log(`\nSIZE CHECK FAILED (${failures.length}):`);
    for (const f of failures) console.log(`  - ${f}`);
    process.exitCode = 1;
  } else {
    console.log(GATE_BUDGETS || (firstOk && everythingOk) ? '\nAll size checks passed.' : '\nCeilings held; the budgets above are reported, not enforced (SIZE_GATE=1 enforces them).');
  }
}

await main();
