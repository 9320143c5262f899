#!/usr/bin/env node
// Checks what `npm pack` would publish (run `npm run build` first): the library modules with their
// types, one entry per element, the self-contained bundle (its entry and every chunk it imports,
// with source maps), custom-elements.json, README, LICENSE and CHANGELOG; every path package.json
// points to is in the package; and nothing that is not for consumers (tests, stories, the demo,
// scripts, TypeScript sources, CI files).
import {execFileSync} from 'node:child_process';
import {existsSync, readFileSync} from 'node:fs';
import {dirname, join, normalize} from 'node:path';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
if (!existsSync('dist/index.js')) {
  console.error('No dist/: run `npm run build` first.');
  process.exit(1);
}

// --ignore-scripts: `prepare` would print to stdout and spoil the JSON.
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const [report] = JSON.parse(
  execFileSync(npm, ['pack', '--dry-run', '--json', '--ignore-scripts'], {encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit']})
);
const files = new Set(report.files.map((f) => f.path));
const problems = [];

const ELEMENTS = ['login-form', 'error-help', 'maintenance-notice', 'user-id-field', 'password-field'];
const required = [
  'package.json',
  'README.md',
  'LICENSE',
  'CHANGELOG.md',
  'custom-elements.json',
  'dist/index.js',
  'dist/index.d.ts',
  'dist/localization.js',
  'dist/locales/en.js',
  'dist/bundle/sonet-login-elements.min.js',
  ...ELEMENTS.flatMap((name) => [`dist/components/${name}/${name}.js`, `dist/components/${name}/${name}.d.ts`]),
];
for (const path of required) if (!files.has(path)) problems.push(`missing: ${path}`);

// Every file package.json names must ship, or an import of the package fails.
const pointed = new Set();
const collect = (value) => {
  if (typeof value === 'string') pointed.add(value.replace(/^\.\//, ''));
  else if (value && typeof value === 'object') Object.values(value).forEach(collect);
};
collect(pkg.exports);
for (const field of ['main', 'module', 'types', 'customElements']) collect(pkg[field]);
for (const path of pointed) if (!files.has(path)) problems.push(`package.json points to ${path}, which is not in the package`);
for (const name of ELEMENTS) {
  if (!pkg.exports?.[`./${name}`]) problems.push(`package.json exports has no "./${name}" entry`);
}

// The bundle is an entry plus chunks loaded on demand: every module it imports, statically or by
// import(), must ship beside it (a page would get a 404 the first time it needs that part), each
// file with its source map, and no chunk that nothing imports (left over from an older build).
const BUNDLE_ENTRY = 'dist/bundle/sonet-login-elements.min.js';
const reached = new Set();
for (const queue = [BUNDLE_ENTRY]; queue.length; ) {
  const file = queue.pop();
  if (reached.has(file) || !files.has(file)) continue;
  reached.add(file);
  const code = readFileSync(file, 'utf8');
  for (const [, specifier] of code.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s*)["'](\.{1,2}\/[^"']+)["']/g)) {
    const target = normalize(join(dirname(file), specifier)).replaceAll('\\', '/');
    if (!files.has(target)) problems.push(`${file} imports ${specifier}, which is not in the package`);
    queue.push(target);
  }
  if (!files.has(`${file}.map`)) problems.push(`no source map for ${file}`);
}
for (const path of files) {
  if (path.startsWith('dist/bundle/') && path.endsWith('.js') && !reached.has(path)) problems.push(`${path} is not imported by the bundle (stale chunk?)`);
}

// Every JavaScript module ships its types.
for (const path of files) {
  if (path.startsWith('dist/') && !path.startsWith('dist/bundle/') && path.endsWith('.js')) {
    const types = path.replace(/\.js$/, '.d.ts');
    if (!files.has(types)) problems.push(`no types for ${path} (${types})`);
  }
}

const FORBIDDEN = [
  [/^(src|test|stories|demo|scripts|xliff|\.storybook|\.ci|storybook-static|test-results|node_modules)\//, 'not for consumers'],
  [/(?<!\.d)\.ts$/, 'a TypeScript source'],
  [/\.tgz$/, 'a packed tarball'],
  [/(^|\/)\.env/, 'an environment file'],
];
for (const path of files) {
  for (const [pattern, why] of FORBIDDEN) if (pattern.test(path)) problems.push(`should not ship: ${path} (${why})`);
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log(
  `${report.name}@${report.version}: ${report.entryCount} files, ${kb(report.size)} packed, ${kb(report.unpackedSize)} unpacked`
);
if (problems.length) {
  console.error(problems.map((p) => `  ✗ ${p}`).join('\n'));
  console.error(`npm pack contents: ${problems.length} problem(s).`);
  process.exit(1);
}
console.log(
  `npm pack contents: all ${required.length} required files, ${pointed.size} package.json targets, ` +
    `the bundle's entry and ${reached.size - 1} chunks, nothing extra.`
);
