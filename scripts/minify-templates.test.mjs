// `node --test scripts/minify-templates.test.mjs` (CI runs it with the demo server's tests): every
// css`…` and html`…` template of src, minified as the build minifies it, means the same to Chromium
// as the original: the minifiers are maintained tools, and this checks that they keep the meaning
// of our templates in particular (the HTML ones with Lit's binding markers in them).
import {after, before, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync, readdirSync} from 'node:fs';
import {dirname, join, relative, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {parseLiterals} from 'parse-literals';
import puppeteer from 'puppeteer-core';
import {chromiumArgs, findChromium} from './browsers.mjs';
import {minifyModule} from './minify-templates.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const EXPRESSION = 'sonet-expression';

function sourceFiles(dir) {
  return readdirSync(dir, {withFileTypes: true}).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return relative(ROOT, p) === 'src/locales' ? [] : sourceFiles(p);
    return e.name.endsWith('.ts') ? [p] : [];
  });
}

/** A template's text as the browser gets it, each expression replaced by a marker. */
const cooked = ({parts}, marker) => parts.map((p) => new Function(`return \`${p.text}\`;`)()).join(marker);

/** [name, kind, original, minified] for every css and html template of src. */
async function srcTemplates() {
  const rows = [];
  for (const file of sourceFiles(join(ROOT, 'src'))) {
    const code = readFileSync(file, 'utf8');
    const minified = (await minifyModule(code, file))?.code ?? code;
    const before = parseLiterals(code, {fileName: file});
    const after = parseLiterals(minified, {fileName: file});
    assert.equal(after.length, before.length, file);
    before.forEach((t, k) => {
      const kind = /^(css|html)$/.exec(t.tag ?? '')?.[1];
      if (!kind) return;
      // CSS: an expression stands for a value; HTML: for a text or attribute binding.
      const marker = kind === 'css' ? `var(--${EXPRESSION})` : EXPRESSION;
      rows.push([`${relative(ROOT, file)} ${kind} #${k + 1}`, kind, cooked(t, marker), cooked(after[k], marker)]);
    });
  }
  return rows;
}

/**
 * In the page: the rules of a stylesheet as plain data. A rule's declarations are a set (the
 * minifier may reorder them; the CSSOM already keeps only the winning one of each property); the
 * text of custom properties and var() values is compared with spaces and hex colours normalized.
 */
function parsedRules(cssText) {
  const hex = (v) => v.replace(/#([0-9a-f])([0-9a-f])([0-9a-f])\b/gi, '#$1$1$2$2$3$3').toLowerCase();
  const norm = (v) => hex(v.replace(/\s+/g, ' ').replace(/([(,]) /g, '$1').replace(/ ([),])/g, '$1').trim());
  const rules = (list) =>
    [...list].map((rule) => {
      const out = {type: rule.constructor.name};
      if ('selectorText' in rule) out.selector = rule.selectorText;
      if ('conditionText' in rule) out.condition = norm(rule.conditionText).replace(/: /g, ':');
      if (rule.style) {
        out.style = [...rule.style].map((p) => {
          // clean-css writes font weights as numbers, which mean the same.
          const v = rule.style.getPropertyValue(p).replace(/^bold$/, p === 'font-weight' ? '700' : 'bold').replace(/^normal$/, p === 'font-weight' ? '400' : 'normal');
          return `${p}: ${p.startsWith('--') || v.includes('var(') ? norm(v) : v}${rule.style.getPropertyPriority(p) ? ' !important' : ''}`;
        }).sort();
      }
      if (rule.cssRules) out.rules = rules(rule.cssRules);
      if (!rule.style && !rule.cssRules) out.text = rule.cssText;
      return out;
    });
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(cssText);
  return rules(sheet.cssRules);
}

/**
 * In the page: a template's DOM as plain data. Whitespace-only text is dropped and runs of
 * whitespace read as one space. Inside elements the minifier knows which spaces count; at the
 * template's own edges it does not (the template may go right after text: `${name} <span>…`),
 * so a space there before or after inline content is kept as a marker, `lead` / `trail`.
 */
function parsedMarkup(html) {
  const template = document.createElement('template');
  template.innerHTML = html;
  const INLINE = /^(a|abbr|b|bdi|br|button|code|em|i|img|input|kbd|label|mark|q|s|small|span|strong|sub|sup|time|u|wbr)$/;
  const inline = (n) => !!n && (n.nodeType === Node.TEXT_NODE ? n.data.trim() !== '' : n.nodeType === Node.ELEMENT_NODE && INLINE.test(n.localName));
  const {firstChild: first, lastChild: last} = template.content;
  const edge = (node, space, neighbour) =>
    node?.nodeType === Node.TEXT_NODE && space.test(node.data) && (node.data.trim() !== '' || inline(node[neighbour]));
  const tree = (node) =>
    [...node.childNodes].flatMap((n) => {
      if (n.nodeType === Node.COMMENT_NODE) return [];
      if (n.nodeType === Node.TEXT_NODE) {
        const text = n.data.replace(/\s+/g, ' ');
        return text.trim() ? [text.trim()] : [];
      }
      const attrs = [...n.attributes].map((a) => `${a.name}=${a.value}`).sort();
      return [{tag: n.localName, attrs, children: tree(n.content ?? n)}];
    });
  return {lead: edge(first, /^\s/, 'nextSibling'), trail: edge(last, /\s$/, 'previousSibling'), nodes: tree(template.content)};
}

describe('in Chromium: minified templates mean what the originals mean', {timeout: 120000}, () => {
  let browser;
  let page;
  let rows;
  before(async () => {
    const executablePath = findChromium();
    assert.ok(executablePath, 'Chromium is needed (apt-get install chromium, or set CHROME_PATH)');
    browser = await puppeteer.launch({executablePath, headless: true, args: chromiumArgs});
    page = await browser.newPage();
    rows = await srcTemplates();
  });
  after(() => browser?.close());

  const count = (rules) => rules.reduce((n, r) => n + 1 + (r.rules ? count(r.rules) : 0), 0);

  it('tells a broken minification apart (the comparisons are not blind)', async () => {
    const css = ':where(.a) :where(ul) { width: calc(1px + 2px); }';
    assert.notDeepEqual(await page.evaluate(parsedRules, ':where(.a):where(ul){width:calc(1px + 2px)}'), await page.evaluate(parsedRules, css));
    const html = '<p class="a b">x <b>y</b></p>';
    assert.notDeepEqual(await page.evaluate(parsedMarkup, '<p class=a>x <b>y</b></p>'), await page.evaluate(parsedMarkup, html));
    // The space a template starts with, before inline content, is the one after the text before it.
    assert.notDeepEqual(await page.evaluate(parsedMarkup, '<span>x</span>'), await page.evaluate(parsedMarkup, ' <span>x</span>'));
    assert.deepEqual(await page.evaluate(parsedMarkup, '<p>x</p>'), await page.evaluate(parsedMarkup, ' <p>x</p> '));
  });

  it('every stylesheet of src parses to the same rules, and is smaller', async () => {
    const sheets = rows.filter(([, kind]) => kind === 'css');
    assert.ok(sheets.length >= 7, `${sheets.length} stylesheets found in src`);
    for (const [name, , original, minified] of sheets) {
      const want = await page.evaluate(parsedRules, original);
      assert.ok(count(want) >= 2, `${name}: ${count(want)} rules parsed`);
      assert.ok(minified.length < original.length * 0.9, `${name}: ${original.length} → ${minified.length} characters`);
      assert.deepEqual(await page.evaluate(parsedRules, minified), want, name);
    }
  });

  it('every html template of src parses to the same elements, attributes and text', async () => {
    const templates = rows.filter(([, kind]) => kind === 'html');
    assert.ok(templates.length >= 30, `${templates.length} html templates found in src`);
    for (const [name, , original, minified] of templates) {
      assert.deepEqual(await page.evaluate(parsedMarkup, minified), await page.evaluate(parsedMarkup, original), name);
    }
  });
});
