#!/usr/bin/env node
// Minifies the `html` and `css` templates of the library modules that tsc wrote to dist/
// (`node scripts/minify-templates.mjs dist`, part of `npm run build`), with minify-literals —
// the same tool and options as the bundle's Rollup plugin. Glue only: tsc has no plugin hook,
// so this runs after it and folds the change into each file's source map.
import {readFileSync, readdirSync, writeFileSync, existsSync} from 'node:fs';
import {join} from 'node:path';
import {pathToFileURL} from 'node:url';
import {minifyHTMLLiterals} from 'minify-literals';
import remapping from '@jridgewell/remapping';

/** Shared by this script and rollup.config.mjs, so both builds minify alike. */
export const MINIFY_OPTIONS = {
  // Merged into minify-literals' defaults. Lit bindings need no quotes (`@click=${…}`); the
  // default adds two bytes per binding. CSS by clean-css at level 1 (no merging of rules), with
  // selector lists kept in their written order and `outline: none` as written (its `outline: 0`
  // is another declaration). lightningcss was tried: it merges rules and writes range media
  // queries, which the check in minify-templates.test.mjs cannot prove equal.
  minifyOptions: {
    removeAttributeQuotes: true,
    minifyCSS: {level: {1: {selectorsSortingMethod: 'none', optimizeOutline: false}}},
  },
};

/** Minifies the templates of one module; `null` when there is nothing to change. */
export async function minifyModule(code, fileName) {
  const result = await minifyHTMLLiterals(code, {...MINIFY_OPTIONS, fileName});
  return result && result.code !== code ? result : null;
}

function* modules(dir) {
  for (const entry of readdirSync(dir, {withFileTypes: true})) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'bundle') yield* modules(path);
    } else if (entry.name.endsWith('.js')) {
      yield path;
    }
  }
}

export async function minifyDirectory(dir) {
  let changed = 0;
  for (const file of modules(dir)) {
    const code = readFileSync(file, 'utf8');
    const result = await minifyModule(code, file);
    if (!result) continue;
    changed++;
    const mapFile = `${file}.map`;
    // tsc ends the file with its sourceMappingURL comment; the minifier leaves comments outside templates alone.
    writeFileSync(file, result.code);
    if (existsSync(mapFile)) {
      const tscMap = JSON.parse(readFileSync(mapFile, 'utf8'));
      const minifyMap = result.map.toString();
      const merged = remapping(minifyMap, (source) => (source.endsWith(file.split('/').pop()) ? tscMap : null), {excludeContent: true});
      merged.file = tscMap.file;
      writeFileSync(mapFile, JSON.stringify({...merged, sourceRoot: tscMap.sourceRoot ?? ''}));
    }
  }
  return changed;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dir = process.argv[2] ?? 'dist';
  const changed = await minifyDirectory(dir);
  console.log(`minify-literals: templates minified in ${changed} modules of ${dir}/`);
}
