// Rollup builds the self-contained bundle (`sonet-login-elements/bundle`): one minified ES module
// with lit, @lit/localize, wanakana and both locales inside, defining every element — what a
// server-rendered page (My Page, Webmail) loads with one <script type="module">.
// The per-module library build (dist/**/*.js + .d.ts, lit and wanakana external) is emitted by tsc
// (`npm run build:lib`): module boundaries are the public entry points, so nothing is re-bundled there.
import typescript from '@rollup/plugin-typescript';
import {nodeResolve} from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import {minifyCssTemplatesWithMap} from './scripts/minify-css.mjs';

export default {
  input: 'src/bundle.ts',
  output: {
    file: 'dist/bundle/sonet-login-elements.min.js',
    format: 'es',
    // One file: the English locale, the guidance and wanakana are dynamic imports in the
    // library build (loaded when first needed); in the bundle they are inlined.
    inlineDynamicImports: true,
    sourcemap: true,
  },
  plugins: [
    // `production` keeps Lit's dev mode (and its console warning) out of the bundle.
    nodeResolve({exportConditions: ['production'], browser: true}),
    typescript({
      tsconfig: './tsconfig.json',
      compilerOptions: {declaration: false, declarationMap: false, sourceMap: true, outDir: undefined, rootDir: 'src'},
      outputToFilesystem: false,
    }),
    // The CSS of css`…` templates: terser leaves template text as it is. After typescript (which
    // emits from its own program, not from earlier transforms), while the tag is still `css`.
    {
      name: 'minify-css-templates',
      transform: (code, id) => (/[\\/]src[\\/].*\.ts$/.test(id) ? minifyCssTemplatesWithMap(code, id) : null),
    },
    terser({ecma: 2021, module: true, format: {comments: false}, compress: {passes: 2}}),
  ],
  onwarn(warning, warn) {
    // lit's decorators reference `this` at module level in a harmless way.
    if (warning.code === 'THIS_IS_UNDEFINED') return;
    warn(warning);
  },
};
