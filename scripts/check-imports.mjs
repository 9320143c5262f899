#!/usr/bin/env node
// Checks that a page importing one element through the package's exports gets only that element
// (run `npm run build` first). The package is packed (`npm pack`, so only its published files) and
// unpacked into a throwaway app's node_modules, and rollup with node-resolve bundles the app the
// way a consumer's bundler does: `exports` map, `sideEffects`, production condition, code
// splitting for dynamic imports. (A symlink to the project would not do: the bundler matches
// `sideEffects` against the link's path but sees the files under their real path.) For each case the script looks at which elements the output
// defines (its `@customElement('sonet-…')` decorator or `customElements.define('sonet-…', …)` call), in the first load (the entry chunk and its static
// imports) and in lazily loaded chunks. Writes test-results/imports-summary.json.
import {execFileSync} from 'node:child_process';
import {mkdtempSync, mkdirSync, rmSync, writeFileSync, existsSync} from 'node:fs';
import {mkdir, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import {rollup} from 'rollup';
import {nodeResolve} from '@rollup/plugin-node-resolve';

const root = resolve('.');
if (!existsSync(join(root, 'dist/index.js'))) {
  console.error('No dist/: run `npm run build` first.');
  process.exit(1);
}

const ELEMENTS = ['login-form', 'error-help', 'maintenance-notice', 'user-id-field', 'password-field'];

/**
 * The cases: what the page imports, which elements must be in the first load, and which may
 * come later in a lazily loaded chunk (the login form loads `<sonet-error-help>` after a failure).
 */
const CASES = [
  ...ELEMENTS.map((name) => ({
    name: `import 'sonet-login-elements/${name}'`,
    code: `import 'sonet-login-elements/${name}';`,
    first: [name],
    lazy: name === 'login-form' ? ['error-help'] : [],
  })),
  {
    name: "import {SonetErrorHelp} from 'sonet-login-elements'",
    code: `import {SonetErrorHelp} from 'sonet-login-elements';\nconsole.log(SonetErrorHelp.name);`,
    first: ['error-help'],
    lazy: [],
  },
  {
    name: "import {mapLoginResponse} from 'sonet-login-elements'",
    code: `import {mapLoginResponse} from 'sonet-login-elements';\nconsole.log(mapLoginResponse({status: 503}));`,
    first: [],
    lazy: [],
  },
  {
    // The root entry is for functions, controllers and types (`sideEffects` leaves it out), so a
    // bare import of it defines nothing in a bundler: pages import each element by its subpath,
    // or load the bundle.
    name: "import 'sonet-login-elements'",
    code: `import 'sonet-login-elements';`,
    first: [],
    lazy: [],
  },
  {
    name: "import 'sonet-login-elements/bundle'",
    code: `import 'sonet-login-elements/bundle';`,
    first: ELEMENTS,
    lazy: [],
    // The minified bundle defines elements with mangled names: look for the tag strings.
    loose: true,
  },
];

const app = mkdtempSync(join(tmpdir(), 'sonet-imports-'));
let failures = 0;
try {
  const installed = join(app, 'node_modules', 'sonet-login-elements');
  mkdirSync(installed, {recursive: true});
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const [packed] = JSON.parse(
    execFileSync(npm, ['pack', '--json', '--ignore-scripts', '--pack-destination', app], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    })
  );
  execFileSync('tar', ['-xzf', join(app, packed.filename), '-C', installed, '--strip-components=1']);
  writeFileSync(join(app, 'package.json'), JSON.stringify({name: 'app', private: true, type: 'module'}));
  for (const test of CASES) {
    const entry = join(app, 'main.js');
    writeFileSync(entry, `${test.code}\n`);
    const bundle = await rollup({
      input: entry,
      plugins: [
        nodeResolve({
          exportConditions: ['production'],
          browser: true,
          rootDir: app,
          // lit, @lit/localize and wanakana come from the project's node_modules (realpath).
          modulePaths: [join(root, 'node_modules')],
        }),
      ],
      onwarn(warning, warn) {
        // EMPTY_BUNDLE: the bare root import is expected to bundle to nothing.
        if (!['THIS_IS_UNDEFINED', 'CIRCULAR_DEPENDENCY', 'EMPTY_BUNDLE'].includes(warning.code)) warn(warning);
      },
    });
    const {output} = await bundle.generate({format: 'es', dir: join(app, 'out')});
    await bundle.close();
    const chunks = output.filter((o) => o.type === 'chunk');
    const entryChunk = chunks.find((c) => c.isEntry);
    // The first load: the entry and every chunk it imports statically, transitively.
    const firstNames = new Set([entryChunk.fileName]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const c of chunks) {
        if (!firstNames.has(c.fileName)) continue;
        for (const dep of c.imports) if (!firstNames.has(dep)) (firstNames.add(dep), (grew = true));
      }
    }
    const defines = (code, name) =>
      test.loose
        ? code.includes(`"sonet-${name}"`) || code.includes(`'sonet-${name}'`)
        : // `__decorate([customElement('sonet-x'), localized()], Class)`: lit's production build
          // renames `customElement` and rollup renames a second module's `__decorate` to
          // `__decorate$1`; other decorators may stand before or after the tag's. An element
          // defined without decorators (`<sonet-login-form>`, to keep its first load small) calls
          // `customElements.define('sonet-x', Class)`.
          new RegExp(`__decorate(?:\\$\\d+)?\\(\\[[^\\]]*?\\(\\s*['"]sonet-${name}['"]\\s*\\)[^\\]]*\\]`).test(code) ||
          new RegExp(`customElements\\.define\\(\\s*['"]sonet-${name}['"]`).test(code);
    const first = ELEMENTS.filter((n) => chunks.some((c) => firstNames.has(c.fileName) && defines(c.code, n)));
    const lazy = ELEMENTS.filter((n) => chunks.some((c) => !firstNames.has(c.fileName) && defines(c.code, n)));
    const problems = [];
    for (const n of test.first) if (!first.includes(n)) problems.push(`<sonet-${n}> missing from the first load`);
    for (const n of first) if (!test.first.includes(n)) problems.push(`<sonet-${n}> pulled into the first load`);
    for (const n of lazy) if (!test.lazy.includes(n) && !test.first.includes(n)) problems.push(`<sonet-${n}> pulled in lazily`);
    const size = chunks.filter((c) => firstNames.has(c.fileName)).reduce((sum, c) => sum + c.code.length, 0);
    const describe = (list) => (list.length ? list.map((n) => `<sonet-${n}>`).join(' ') : 'no element');
    console.log(
      `${problems.length ? '✗' : '✓'} ${test.name}: first load ${describe(first)} (${(size / 1024).toFixed(1)} KB unminified)` +
        (lazy.length ? `, lazily ${describe(lazy)}` : '')
    );
    for (const p of problems) console.log(`    ${p}`);
    failures += problems.length ? 1 : 0;
  }
} finally {
  rmSync(app, {recursive: true, force: true});
}
await mkdir('test-results', {recursive: true});
await writeFile('test-results/imports-summary.json', JSON.stringify({passed: CASES.length - failures, failed: failures, skipped: 0}));
console.log(`\n${CASES.length - failures} passed, ${failures} failed`);
process.exit(failures ? 1 : 0);
