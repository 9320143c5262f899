// Configuration of `cem analyze` (npm run analyze), which writes custom-elements.json from the
// elements' JSDoc (@summary, @csspart, @cssprop, @fires, @slot). `npm run check:manifest`
// regenerates it in a temporary folder and fails when the committed file differs, so the output
// must depend on the sources only:
// - src/locales/ is left out: lit-localize generates it (git-ignored), so it exists on one
//   machine and not on another;
// - modules are sorted by path, whatever order the file system lists them in;
// - `packagejson: false`: the analyzer would otherwise rewrite package.json's `customElements`
//   to wherever it wrote the manifest (a temporary folder during the check).

/** Sorts the manifest's modules by path, so the output does not depend on directory order. */
function sortModules() {
  return {
    name: 'sonet:sort-modules',
    packageLinkPhase({customElementsManifest}) {
      customElementsManifest.modules.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    },
  };
}

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/locales/**'],
  outdir: '.',
  litelement: true,
  packagejson: false,
  plugins: [sortModules()],
};
