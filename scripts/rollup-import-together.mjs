// A Rollup plugin for `./bundle`: a chunk loaded with `import()` has static imports of its own,
// which the browser only finds once that chunk has arrived and been parsed, so each level of them
// costs one more round trip (150 ms on the bench's phone). This plugin starts them with the import
// itself, as Vite's modulepreload does, in the fewest bytes:
//
//   import('./sonet-fields-….js')
//   → (Promise.allSettled([import('./sonet-lit-….js')]), import('./sonet-fields-….js'))
//
// Only files the importing chunk does not already load (its own static imports, transitively) are
// listed. `allSettled` keeps a failed early import quiet; the real import then fails and is handled
// where it always was. The files imported early run as soon as they arrive: they are chunks whose
// code declares what it needs, none relies on running after a sibling it does not import.
//
// The list is written into the importing file, so it costs bytes there. `firstLoad` names the
// chunks a page fetches before its form is ready, whose size is budgeted (issue 18): in those, only
// the imports named beside them get their list (ARCHITECTURE.md, "Loading plan", has the figures).
import {posix} from 'node:path';
import MagicString from 'magic-string';

const MARK = /\/\*import-together:([^*]+)\*\//g;

/**
 * @param {{firstLoad?: Record<string, string[]>}} options chunk name → names of the chunks whose
 *   imports get their list there; chunks not named get a list for every import.
 * @returns {import('rollup').Plugin}
 */
export function importTogether({firstLoad = {}} = {}) {
  return {
    name: 'import-together',
    // Marks each import() with its target's file name; the lists are written in renderChunk, when
    // every chunk's imports are known.
    renderDynamicImport({chunk, targetChunk}) {
      if (!targetChunk) return null;
      const allowed = firstLoad[chunk.name];
      if (allowed && !allowed.includes(targetChunk.name)) return null;
      return {left: `(/*import-together:${targetChunk.fileName}*/import(`, right: '))'};
    },
    renderChunk(code, chunk, _options, {chunks}) {
      if (!code.includes('/*import-together:')) return null;
      /** `file` and every file it imports statically, transitively. */
      const closure = (file, seen = new Set([file])) => {
        for (const dep of chunks[file]?.imports ?? []) {
          if (!seen.has(dep)) closure(dep, seen.add(dep));
        }
        return seen;
      };
      const loaded = closure(chunk.fileName);
      const from = posix.dirname(chunk.fileName);
      const path = (file) => {
        const relative = posix.relative(from, file);
        return relative.startsWith('.') ? relative : `./${relative}`;
      };
      const rendered = new MagicString(code);
      for (const match of code.matchAll(MARK)) {
        const target = match[1];
        const early = [...closure(target)].filter((file) => file !== target && !loaded.has(file));
        const list = early.map((file) => `import(${JSON.stringify(path(file))})`).join(',');
        const end = match.index + match[0].length;
        if (early.length) rendered.overwrite(match.index, end, `Promise.allSettled([${list}]),`);
        else rendered.remove(match.index, end);
      }
      return {code: rendered.toString(), map: rendered.generateMap({hires: true})};
    },
  };
}
