#!/usr/bin/env node
// Fails when custom-elements.json is out of date with src/: regenerates the manifest with the
// project's analyzer configuration (custom-elements-manifest.config.mjs) into a temporary folder
// and compares it byte for byte with the file at the top of the package (what `npm pack` ships
// and Storybook's autodocs read). Fix a failure with `npm run analyze` and commit the result.
import {execFileSync} from 'node:child_process';
import {mkdtempSync, readFileSync, rmSync, existsSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, relative} from 'node:path';
import {createRequire} from 'node:module';

const committedPath = 'custom-elements.json';
const dir = mkdtempSync(join(tmpdir(), 'sonet-cem-'));
try {
  const cem = join(createRequire(import.meta.url).resolve('@custom-elements-manifest/analyzer/package.json'), '../cem.js');
  // The analyzer joins --outdir to the working directory, so it must be relative.
  execFileSync(process.execPath, [cem, 'analyze', '--quiet', '--outdir', relative(process.cwd(), dir)], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const fresh = readFileSync(join(dir, 'custom-elements.json'), 'utf8');
  if (!existsSync(committedPath)) {
    console.error(`${committedPath} is missing: run \`npm run analyze\` and commit it.`);
    process.exit(1);
  }
  const committed = readFileSync(committedPath, 'utf8');
  if (fresh === committed) {
    console.log(`${committedPath} is up to date with src/.`);
  } else {
    const a = committed.split('\n');
    const b = fresh.split('\n');
    let line = 0;
    while (line < a.length && a[line] === b[line]) line++;
    console.error(
      `${committedPath} is out of date with src/ (first difference at line ${line + 1}):\n` +
        `  committed: ${(a[line] ?? '<end of file>').trim()}\n` +
        `  generated: ${(b[line] ?? '<end of file>').trim()}\n` +
        'Run `npm run analyze` and commit custom-elements.json.'
    );
    process.exitCode = 1;
  }
} finally {
  rmSync(dir, {recursive: true, force: true});
}
