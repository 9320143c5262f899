// Configuration of `cem analyze` (npm run analyze), which writes custom-elements.json from the
// elements' JSDoc (@summary, @csspart, @cssprop, @fires, @slot). `npm run check:manifest`
// regenerates it and fails when git sees a difference, so the output must depend on the sources
// only:
// - src/locales/ is left out: lit-localize generates it (git-ignored), so it exists on one
//   machine and not on another;
// - modules are sorted by path, whatever order the file system lists them in;
// - events the analyzer guesses from a variable are left out (see dropGuessedEvents);
// - `packagejson: false`: package.json's `customElements` is written by hand, never rewritten.

/** Sorts the manifest's modules by path, so the output does not depend on directory order. */
function sortModules() {
  return {
    name: 'sonet:sort-modules',
    packageLinkPhase({customElementsManifest}) {
      customElementsManifest.modules.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    },
  };
}

/**
 * Drops "events" the analyzer invents: for `this.dispatchEvent(new SonetLoginErrorEvent(code))` it
 * takes the constructor's first argument (`code`, a variable) for the event's name. Every event
 * of the library is documented with `@fires` and has a dashed name (`sonet-login-error`); an
 * undocumented name without a dash is such a guess and is dropped, with a note on stderr.
 */
function dropGuessedEvents() {
  return {
    name: 'sonet:drop-guessed-events',
    packageLinkPhase({customElementsManifest}) {
      for (const mod of customElementsManifest.modules) {
        for (const decl of mod.declarations ?? []) {
          if (!decl.events) continue;
          const guessed = decl.events.filter((e) => !e.description && !e.name?.includes('-'));
          if (!guessed.length) continue;
          decl.events = decl.events.filter((e) => !guessed.includes(e));
          if (!decl.events.length) delete decl.events;
          console.error(
            `custom-elements.json: ${decl.name}: left out event name(s) guessed from a variable: ${guessed.map((e) => e.name).join(', ')}`
          );
        }
      }
    },
  };
}

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/locales/**'],
  outdir: '.',
  litelement: true,
  packagejson: false,
  plugins: [dropGuessedEvents(), sortModules()],
};
