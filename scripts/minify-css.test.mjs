// Tests of scripts/minify-css.mjs: `node --test scripts/minify-css.test.mjs` (CI runs it with the
// demo server's node tests). Tables of tricky CSS and JavaScript, source maps, and a check in
// Chromium that every stylesheet of src, minified, parses to the same rules as the original.
import {after, before, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join, relative, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import * as esbuild from 'esbuild';
import puppeteer from 'puppeteer-core';
import {chromiumArgs, findChromium} from './browsers.mjs';
import {
  cookTemplate,
  decodeMappings,
  findCssTemplates,
  minifyCss,
  minifyCssInDirectories,
  minifyCssParts,
  minifyCssTemplates,
  minifyCssTemplatesWithMap,
} from './minify-css.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** [input CSS, minified] */
const CSS_ROWS = [
  ['a {\n  color: red;\n}\n', 'a{color:red}'],
  ['  a  ,  b  {  margin : 0  auto ;  }  ', 'a,b{margin :0 auto}'],
  ['/* a comment */ a { /* inside */ color: red; /* last */ }', 'a{color:red}'],
  // A space before `:`, `[`, `.` or after `)` is a descendant combinator.
  [':where(.a) :where(ul) { margin: 0 }', ':where(.a) :where(ul){margin:0}'],
  ['.a :hover, .b [x], .c .d, .e #f, .g * { color: red }', '.a :hover,.b [x],.c .d,.e #f,.g *{color:red}'],
  [':where(sonet-login-form, sonet-password-field) input::-ms-reveal { display: none }', ':where(sonet-login-form,sonet-password-field) input::-ms-reveal{display:none}'],
  // Combinators need no spaces in selectors, also inside :has()/:where().
  ['a > b ~ c + d { color: red }', 'a>b~c+d{color:red}'],
  [':where(details[open] > summary.x) { margin: 0 }', ':where(details[open]>summary.x){margin:0}'],
  [':where(.a:has(> :not(:empty, .b:empty))) { margin: 0 }', ':where(.a:has(>:not(:empty,.b:empty))){margin:0}'],
  ['li:nth-child(2n + 1) { color: red }', 'li:nth-child(2n+1){color:red}'],
  // …but `+` and `-` in math functions do.
  ['a { width: calc(100% - 2 * (1rem + 1px)); }', 'a{width:calc(100% - 2 * (1rem + 1px))}'],
  ['a { width: min(100%, 20rem + 2px); height: clamp(1rem, 1vw + 1rem, 2rem) }', 'a{width:min(100%,20rem + 2px);height:clamp(1rem,1vw + 1rem,2rem)}'],
  ['a { width: calc(var(--a, 1px) + 2px) }', 'a{width:calc(var(--a,1px) + 2px)}'],
  ['a { width: -webkit-calc(1px + 2px) }', 'a{width:-webkit-calc(1px + 2px)}'],
  ['a { grid-template-columns: minmax(0, 1fr) }', 'a{grid-template-columns:minmax(0,1fr)}'],
  // Custom property values may go into a calc(): their `+` keeps its spaces.
  ['a { --x: 1px + 2px; width: calc(var(--x)) }', 'a{--x:1px + 2px;width:calc(var(--x))}'],
  ['a { --_warning: var(--sonet-field-warning-color, #a15c00); }', 'a{--_warning:var(--sonet-field-warning-color,#a15c00)}'],
  ['a { --x: ; }', 'a{--x: }'],
  // Strings, url() and escapes are kept as they are.
  ["a::before { content: '  a ;  } { , > b  /* no comment */ '; }", "a::before{content:'  a ;  } { , > b  /* no comment */ '}"],
  ['a::before { content: "it\'s \\"x\\"  " }', 'a::before{content:"it\'s \\"x\\"  "}'],
  ['a { background: url( a b.png ) no-repeat , url("c d.png") }', 'a{background:url( a b.png ) no-repeat,url("c d.png")}'],
  ['a { font-family: var(--f, \'BIZ UDGothic\', \'Cascadia Mono\', monospace); }', "a{font-family:var(--f,'BIZ UDGothic','Cascadia Mono',monospace)}"],
  ['.a\\31 23 .b { color: red }', '.a\\31 23 .b{color:red}'],
  ['.a\\{ .b { color: red }', '.a\\{ .b{color:red}'],
  ['a::before { content: "\\2014 " }', 'a::before{content:"\\2014 "}'],
  // At-rules: `and (` must keep its space (`and(` is a function).
  ['@media (prefers-color-scheme: dark) { a { color: red; } }', '@media (prefers-color-scheme:dark){a{color:red}}'],
  ['@media screen and (min-width: 30em) and (forced-colors: active) { a { b: c } }', '@media screen and (min-width:30em) and (forced-colors:active){a{b:c}}'],
  ['@supports not (display: grid) { a { float: left } }', '@supports not (display:grid){a{float:left}}'],
  ['@media (width >= 600px) { a { b: c } }', '@media (width>=600px){a{b:c}}'],
  ['a { color: red !important; }', 'a{color:red!important}'],
  ['a { margin: 0 0 0.5rem; box-shadow: inset 0 0 0 0.18em Canvas; }', 'a{margin:0 0 0.5rem;box-shadow:inset 0 0 0 0.18em Canvas}'],
  ['a { grid-template-areas: "a b" "c d"; }', 'a{grid-template-areas:"a b" "c d"}'],
  ['@font-face { src: url(a.woff2) format("woff2"), local(x); }', '@font-face{src:url(a.woff2) format("woff2"),local(x)}'],
  ['@keyframes k { 0% { opacity: 0 } to { opacity: 1 } }', '@keyframes k{0%{opacity:0}to{opacity:1}}'],
  ['a { b: c; ; }', 'a{b:c}'],
  ['[data-level = \'error\'], [lang |= ja] { b: c }', "[data-level='error'],[lang |=ja]{b:c}"],
  ['', ''],
  ['  \n  ', ''],
];

/** [code, minified code]: where templates are found and what is left alone. */
const CODE_ROWS = [
  ['const s = css`\n  a {\n    color: red;\n  }\n`;', 'const s = css`a{color:red}`;'],
  ['const s = css `a { b: c }`;', 'const s = css `a{b:c}`;'], // tsc output writes `css \``
  ['x = html`<p> a { b: c } </p>`; y = `a { b: c }`; z = mycss`a { b: c }`; w = o.css`a { b: c }`;', null],
  ['// css`a { b: c }`\n/* css`a { b: c }` */ const s = "css`a { b: c }"; const t = \'css`\';', null],
  ['const r = /css`a { b: c }/g; const s = css`a { b: c }`;', 'const r = /css`a { b: c }/g; const s = css`a{b:c}`;'],
  ['const q = a / b / css`a { b: c }`.length;', 'const q = a / b / css`a{b:c}`.length;'],
  // Expressions are kept, with the space next to them.
  ['css`a { color: ${c}; } ${sel} .b { margin: ${m} 0 }`', 'css`a{color:${c}}${sel} .b{margin:${m} 0}`'],
  ['css`a { b: ${x} ${y} }`', 'css`a{b:${x} ${y}}`'],
  ['css`${unsafeCSS(x)} a { b: c }`', 'css`${unsafeCSS(x)} a{b:c}`'],
  ['css`a { ${prop}: 1px }`', 'css`a{${prop}:1px}`'],
  // Templates inside expressions, nested braces and strings with backticks.
  ['css`a { b: ${f({k: `}`, css: css`x { y: z }`})} }`', 'css`a{b:${f({k: `}`, css: css`x{y:z}`})}}`'],
  ["css`a { b: ${'}`'} }`", "css`a{b:${'}`'}}`"],
  // A string open across an expression stays as it is.
  ["css`a::before { content: '  ${x}  '; }`", "css`a::before{content:'  ${x}  '}`"],
  // A comment open across an expression: the template is left alone.
  ['css`a { b: c } /* ${x} */`', null],
  // Escapes in the template source survive the round trip.
  ["css`a::before { content: '\\\\2014  \\`x\\` \\${y}' }`", "css`a::before{content:'\\\\2014  \\`x\\` \\${y}'}`"],
  ['css`a {\\n  b: c;\\r\\n}`', 'css`a{b:c}`'],
  // An escape a plain template cannot hold: left alone.
  ['css`a::before { content: "\\2014" }`', null],
  // Unterminated code: what was found before still minified.
  ['css`a { b: c }`; x = `open', 'css`a{b:c}`; x = `open'],
];

describe('minifyCss()', () => {
  for (const [input, expected] of CSS_ROWS) {
    it(`minifies ${JSON.stringify(input)}`, () => assert.equal(minifyCss(input), expected));
  }
  it('is stable: minifying twice changes nothing', () => {
    for (const [input] of CSS_ROWS) assert.equal(minifyCss(minifyCss(input)), minifyCss(input), input);
  });
});

describe('minifyCssTemplates()', () => {
  for (const [input, expected] of CODE_ROWS) {
    it(`${expected === null ? 'leaves alone' : 'minifies'} ${JSON.stringify(input)}`, () =>
      assert.equal(minifyCssTemplates(input), expected ?? input));
  }
  it('keeps the template values (cooked text) equal to minifyCssParts() of the originals', () => {
    const code = CODE_ROWS.filter(([, out]) => out !== null).map(([input]) => input).join('\n;');
    const before = findCssTemplates(code).map(({parts}) => parts.map(([s, e]) => cookTemplate(code.slice(s, e))));
    const out = minifyCssTemplates(code);
    const afterValues = findCssTemplates(out).map(({parts}) => parts.map(([s, e]) => cookTemplate(out.slice(s, e))));
    assert.equal(afterValues.length, before.length);
    before.forEach((parts, k) => assert.deepEqual(afterValues[k], minifyCssParts(parts) ?? parts));
  });
});

// ---------------------------------------------------------------------------------------------
// Source maps

/** [line, column] (0-based) of offset `i` in `text`. */
function position(text, i) {
  const lines = text.slice(0, i).split('\n');
  return [lines.length - 1, lines.at(-1).length];
}

/** The original position a map gives for generated [line, col] (the segment at that column). */
function lookup(map, [line, col]) {
  const segment = decodeMappings(map.mappings)[line]?.find((s) => s[0] === col);
  return segment && segment.length >= 4 ? {source: map.sources[segment[1]], line: segment[2], col: segment[3]} : null;
}

/** Every identifier of `code` outside the css`…` templates, with its offset. */
function identifiersOutsideTemplates(code) {
  const inside = findCssTemplates(code).flatMap(({parts}) => parts);
  return [...code.matchAll(/\b[A-Za-z_]\w{3,}\b/g)].filter(
    (m) => !inside.some(([s, e]) => m.index >= s - 1 && m.index <= e)
  );
}

const FIELD_STYLES = 'src/components/shared/field.styles.ts';
const LINKS = 'src/components/login-form/login-form.links.ts';

describe('source maps', () => {
  it('maps every identifier after minification back to the same identifier (rollup transform map)', () => {
    const source = readFileSync(join(ROOT, FIELD_STYLES), 'utf8');
    const {code, map} = minifyCssTemplatesWithMap(source, FIELD_STYLES);
    assert.ok(code.length < source.length - 1000);
    const ids = identifiersOutsideTemplates(code);
    assert.ok(ids.length > 50);
    const lines = source.split('\n');
    for (const m of ids) {
      const found = lookup(map, position(code, m.index));
      assert.ok(found, `no mapping for ${m[0]}`);
      assert.equal(lines[found.line].slice(found.col, found.col + m[0].length), m[0]);
    }
  });

  it('gives no map when nothing changed', () => {
    assert.deepEqual(minifyCssTemplatesWithMap('const a = 1;', 'a.js'), {code: 'const a = 1;', map: null});
  });

  it('rewrites the .js.map of the files it rewrites in place (CLI)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'minify-css-'));
    try {
      // A module with a css template and code after it (the help links: styles, then functions).
      const source = readFileSync(join(ROOT, LINKS), 'utf8');
      const built = await esbuild.transform(source, {loader: 'ts', sourcemap: 'external', sourcefile: 'login-form.links.ts', tsconfigRaw: {}});
      writeFileSync(join(dir, 'field.styles.js'), built.code);
      writeFileSync(join(dir, 'field.styles.js.map'), built.map);
      writeFileSync(join(dir, 'plain.js'), 'export const a = `a { b: c }`;\n');
      assert.deepEqual(minifyCssInDirectories([dir])[0], 1);
      assert.equal(readFileSync(join(dir, 'plain.js'), 'utf8'), 'export const a = `a { b: c }`;\n');
      const code = readFileSync(join(dir, 'field.styles.js'), 'utf8');
      const map = JSON.parse(readFileSync(join(dir, 'field.styles.js.map'), 'utf8'));
      assert.equal(code, minifyCssTemplates(built.code));
      // Each identifier after the templates maps where esbuild's own map said it did.
      const oldMap = JSON.parse(built.map);
      const before = identifiersOutsideTemplates(built.code);
      const now = identifiersOutsideTemplates(code);
      assert.deepEqual(now.map((m) => m[0]), before.map((m) => m[0]));
      let checked = 0;
      before.forEach((m, k) => {
        const want = lookup(oldMap, position(built.code, m.index));
        if (!want) return; // esbuild maps some tokens only
        assert.deepEqual(lookup(map, position(code, now[k].index)), want, m[0]);
        checked++;
      });
      assert.ok(checked > 20, `${checked} identifiers checked`);
      const fn = code.indexOf('function renderLoginLinks') + 'function '.length;
      const lines = source.split('\n');
      assert.equal(lookup(map, position(code, fn))?.line, lines.findIndex((l) => l.includes('function renderLoginLinks')));
    } finally {
      rmSync(dir, {recursive: true, force: true});
    }
  });
});

// ---------------------------------------------------------------------------------------------
// In Chromium: the minified stylesheets parse to the same rules

function sourceFiles(dir) {
  return readdirSync(dir, {withFileTypes: true}).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return relative(ROOT, p) === 'src/locales' ? [] : sourceFiles(p);
    return /\.ts$/.test(e.name) ? [p] : [];
  });
}

/** Every css`…` template of src as [name, original CSS, minified CSS]; expressions become an identifier. */
function srcStylesheets() {
  const sheets = [];
  for (const file of sourceFiles(join(ROOT, 'src'))) {
    const code = readFileSync(file, 'utf8');
    const out = minifyCssTemplates(code);
    const original = findCssTemplates(code);
    const minified = findCssTemplates(out);
    assert.equal(minified.length, original.length, file);
    const text = (src, {parts}) => parts.map(([s, e]) => cookTemplate(src.slice(s, e))).join(' --sonet-expression ');
    original.forEach((t, k) => sheets.push([`${relative(ROOT, file)} #${k + 1}`, text(code, t), text(out, minified[k])]));
  }
  return sheets;
}

/** Runs in the page: the rules of a stylesheet as plain data. */
function parsedRules(cssText) {
  const custom = (value) => value.replace(/\s+/g, ' ').replace(/([(,]) /g, '$1').replace(/ ([),])/g, '$1').trim();
  const rules = (list) =>
    [...list].map((rule) => {
      const out = {type: rule.constructor.name};
      if ('selectorText' in rule) out.selector = rule.selectorText;
      // @supports keeps its condition as written (@media serializes its own).
      if ('conditionText' in rule) out.condition = rule instanceof CSSSupportsRule ? custom(rule.conditionText).replace(/: /g, ':') : rule.conditionText;
      if ('keyText' in rule) out.key = rule.keyText;
      if ('name' in rule) out.name = rule.name;
      if (rule.style) {
        // Custom properties, and values with var(), keep their text as written: compare it with
        // its spaces normalized.
        out.style = [...rule.style].map((p) => {
          const v = rule.style.getPropertyValue(p);
          return `${p}: ${p.startsWith('--') || v.includes('var(') ? custom(v) : v}${rule.style.getPropertyPriority(p) ? ' !important' : ''}`;
        });
      }
      if (rule.cssRules) out.rules = rules(rule.cssRules);
      if (!rule.style && !rule.cssRules) out.text = rule.cssText;
      return out;
    });
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(cssText);
  return rules(sheet.cssRules);
}

describe('in Chromium: minified stylesheets parse to the same rules', {timeout: 60000}, () => {
  let browser;
  let page;
  before(async () => {
    const executablePath = findChromium();
    assert.ok(executablePath, 'Chromium is needed (apt-get install chromium, or set CHROME_PATH)');
    browser = await puppeteer.launch({executablePath, headless: true, args: chromiumArgs});
    page = await browser.newPage();
  });
  after(() => browser?.close());

  const parse = (text) => page.evaluate(parsedRules, text);
  const count = (rules) => rules.reduce((n, r) => n + 1 + (r.rules ? count(r.rules) : 0), 0);

  it('tells a broken minification apart (the comparison is not blind)', async () => {
    const css = ':where(.a) :where(ul) { width: calc(1px + 2px); --x: var(--y, 1px) 2px; }';
    const good = await parse(css);
    for (const broken of [
      ':where(.a):where(ul){width:calc(1px + 2px);--x:var(--y,1px) 2px}',
      ':where(.a) :where(ul){width:calc(1px+2px);--x:var(--y,1px) 2px}',
      ':where(.a) :where(ul){width:calc(1px + 2px);--x:var(--y,1px)2px}',
    ]) {
      assert.notDeepEqual(await parse(broken), good, broken);
    }
  });

  it('for every row of the minifyCss() table', async () => {
    for (const [input, expected] of CSS_ROWS) assert.deepEqual(await parse(expected), await parse(input), input);
  });

  it('for every stylesheet of src', async () => {
    const sheets = srcStylesheets();
    assert.ok(sheets.length >= 5, `${sheets.length} stylesheets found in src`);
    for (const [name, original, minified] of sheets) {
      const want = await parse(original);
      // Not empty (a sheet that failed to parse has no rules); the smallest sheet, field-more, has 2.
      assert.ok(count(want) >= 2, `${name}: ${count(want)} rules parsed`);
      assert.ok(minified.length < original.length * 0.9, `${name}: ${original.length} → ${minified.length} characters`);
      assert.deepEqual(await parse(minified), want, name);
    }
  });
});
