#!/usr/bin/env node
// Minifies the CSS inside Lit `css`…`` templates of JavaScript/TypeScript code. Bundlers and
// minifiers (esbuild, terser) leave template text as it is, so without this step every indent,
// newline and comment of the stylesheets reaches the page (8.9 KB of field.styles.ts alone).
//
// Used by the library build (`node scripts/minify-css.mjs dist` rewrites dist/**/*.js in place
// after tsc, and fixes their source maps), by rollup.config.mjs (`minifyCssPlugin()`, after the
// typescript plugin, before terser) and by scripts/size/size.mjs (an esbuild plugin), so `npm run
// size` measures what npm consumers get. Run it on code where the tag is still the identifier
// `css` (source or tsc output, not minified bundles).
//
// Safe by construction, not by regular expressions over the whole file: the JavaScript is scanned
// token by token (comments, strings, regular expressions, nested `${…}` are skipped), and the CSS
// of each template is tokenized (strings, url(), escapes kept as they are). It only removes
// comments and whitespace that cannot matter:
// - whitespace next to `{ } ; ,`, after `(` `:`, before `)` `!`;
// - around the combinators `> ~ +` (and `=` `<`), except inside calc()/min()/max()/clamp()… (where `a + b`
//   needs its spaces) and inside custom property values (which may end up in a calc());
// - never before `:` `[` `.` `#` `(` or after `)`, where a space is a descendant combinator
//   (`:where(.a) :where(ul)`) or separates `and (…)`;
// and drops the last `;` of a block. `${…}` expressions are left untouched, with the space next
// to them. scripts/minify-css.test.mjs checks every stylesheet of src in Chromium: the minified
// text must parse to the same rules as the original.
import {readFileSync, readdirSync, existsSync, writeFileSync} from 'node:fs';
import {join, resolve} from 'node:path';
import {pathToFileURL} from 'node:url';

// ---------------------------------------------------------------------------------------------
// JavaScript: where the css`…` templates are

const ID_CHAR = /[\p{ID_Continue}$\u200c\u200d]/u;
const ID_START = /[\p{ID_Start}$_]/u;
/** After these words a `/` starts a regular expression, not a division. */
const REGEX_AFTER_WORDS = new Set([
  'return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void', 'throw', 'case', 'do', 'else', 'yield', 'await',
]);

/**
 * The css`…` tagged templates of `code`: for each, the ranges of its static parts (between the
 * backticks and `${…}` expressions), in order. Templates inside other templates' expressions are
 * found too. Code that does not scan (an unterminated template or comment) yields what was found
 * before it.
 * @param {string} code
 * @returns {Array<{parts: Array<[number, number]>}>}
 */
export function findCssTemplates(code) {
  const found = [];
  let i = 0;

  /** Skips code up to the `}` closing a `${`, or to the end when `inExpression` is false. */
  function skipCode(inExpression) {
    let depth = 0;
    // The previous token: {type: 'word' | 'punct' | 'value', text, start}
    let prev = null;
    let beforePrev = null;
    const push = (token) => {
      beforePrev = prev;
      prev = token;
    };
    while (i < code.length) {
      const c = code[i];
      const next = code[i + 1];
      if (c === '/' && next === '/') {
        const end = code.indexOf('\n', i);
        i = end < 0 ? code.length : end;
      } else if (c === '/' && next === '*') {
        const end = code.indexOf('*/', i + 2);
        if (end < 0) throw new ScanEnd();
        i = end + 2;
      } else if (/\s/.test(c)) {
        i++;
      } else if (c === '"' || c === "'") {
        skipString(c);
        push({type: 'value'});
      } else if (c === '`') {
        const tagged = prev?.type === 'word' && prev.text === 'css' && !(beforePrev?.type === 'punct' && beforePrev.text === '.');
        template(tagged);
        push({type: 'value'});
      } else if (c === '/') {
        if (regexAllowed(prev)) {
          skipRegex();
          push({type: 'value'});
        } else {
          i++;
          push({type: 'punct', text: '/'});
        }
      } else if (ID_START.test(c) || c === '\\') {
        const start = i;
        while (i < code.length && (ID_CHAR.test(code[i]) || code[i] === '\\')) i++;
        if (i === start) i++;
        push({type: 'word', text: code.slice(start, i)});
      } else if (/[0-9]/.test(c)) {
        while (i < code.length && /[\w.]/.test(code[i])) i++;
        push({type: 'value'});
      } else {
        if (c === '{') depth++;
        if (c === '}') {
          if (depth === 0 && inExpression) {
            i++;
            return;
          }
          depth--;
        }
        i++;
        push({type: c === ')' || c === ']' ? 'value' : 'punct', text: c});
      }
    }
    if (inExpression) throw new ScanEnd();
  }

  function regexAllowed(prev) {
    if (!prev) return true;
    if (prev.type === 'value') return false;
    if (prev.type === 'word') return REGEX_AFTER_WORDS.has(prev.text);
    return true; // after punctuation or an operator
  }

  function skipString(quote) {
    i++;
    while (i < code.length && code[i] !== quote) {
      if (code[i] === '\\') i++;
      else if (code[i] === '\n') break;
      i++;
    }
    i++;
  }

  function skipRegex() {
    i++;
    let inClass = false;
    while (i < code.length) {
      const c = code[i];
      if (c === '\\') i++;
      else if (c === '[') inClass = true;
      else if (c === ']') inClass = false;
      else if (c === '/' && !inClass) break;
      else if (c === '\n') return; // not a regular expression after all: go on from here
      i++;
    }
    i++;
    while (i < code.length && ID_CHAR.test(code[i])) i++; // flags
  }

  function template(tagged) {
    const parts = [];
    let start = ++i;
    while (i < code.length) {
      const c = code[i];
      if (c === '\\') {
        i += 2;
      } else if (c === '`') {
        parts.push([start, i]);
        i++;
        if (tagged) found.push({parts});
        return;
      } else if (c === '$' && code[i + 1] === '{') {
        parts.push([start, i]);
        i += 2;
        skipCode(true);
        start = i;
      } else {
        i++;
      }
    }
    throw new ScanEnd();
  }

  try {
    skipCode(false);
  } catch (error) {
    if (!(error instanceof ScanEnd)) throw error;
  }
  return found.sort((a, b) => a.parts[0][0] - b.parts[0][0]);
}

class ScanEnd extends Error {}

/**
 * The value (cooked text) of a template part from its source text, or null when it has an escape
 * a plain template literal cannot hold (Lit's `css` could not use it either).
 * @param {string} raw
 */
export function cookTemplate(raw) {
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c === '\r') {
      out += '\n';
      if (raw[i + 1] === '\n') i++;
      continue;
    }
    if (c !== '\\') {
      out += c;
      continue;
    }
    const n = raw[++i];
    const simple = {n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v'}[n];
    if (simple !== undefined) {
      out += simple;
    } else if (n === '0') {
      if (/[0-9]/.test(raw[i + 1] ?? '')) return null;
      out += '\0';
    } else if (/[1-9]/.test(n)) {
      return null;
    } else if (n === 'x') {
      const hex = raw.slice(i + 1, i + 3);
      if (!/^[0-9a-fA-F]{2}$/.test(hex)) return null;
      out += String.fromCharCode(parseInt(hex, 16));
      i += 2;
    } else if (n === 'u') {
      const braced = /^\{([0-9a-fA-F]+)\}/.exec(raw.slice(i + 1));
      const plain = /^[0-9a-fA-F]{4}/.exec(raw.slice(i + 1));
      if (braced && parseInt(braced[1], 16) <= 0x10ffff) {
        out += String.fromCodePoint(parseInt(braced[1], 16));
        i += braced[0].length;
      } else if (plain) {
        out += String.fromCharCode(parseInt(plain[0], 16));
        i += 4;
      } else {
        return null;
      }
    } else if (n === '\r') {
      if (raw[i + 1] === '\n') i++; // line continuation
    } else if (n === '\n' || n === '\u2028' || n === '\u2029') {
      // line continuation
    } else if (n === undefined) {
      return null;
    } else {
      out += n;
    }
  }
  return out;
}

/** Source text of a template part whose value is `text`. */
function escapeTemplate(text) {
  // A carriage return written as itself would be read back as a line feed.
  return text.replace(/\\|`|\$\{/g, (m) => '\\' + m).replace(/\r/g, '\\r');
}

// ---------------------------------------------------------------------------------------------
// CSS

const MATH_FUNCTION = /(?:^|[^\w-])(?:-webkit-)?(?:calc|min|max|clamp|round|mod|rem|sin|cos|tan|asin|acos|atan|atan2|pow|sqrt|hypot|log|exp|abs|sign|calc-size)$/i;
/** No space is needed after these characters… */
const DROP_AFTER = new Set(['{', '}', ';', ',', '(', ':']);
/** …or before these. */
const DROP_BEFORE = new Set(['{', '}', ';', ',', ')', '!']);
/** Combinators, and the comparisons of media ranges (`width >= 600px`) and attribute selectors. */
const COMBINATORS = new Set(['>', '~', '+', '=', '<']);
const WS = /[ \t\n\r\f]/;
const HEX = /[0-9a-fA-F]/;

/**
 * Splits a template part into tokens: `ws` (whitespace and comments), `str` (a quoted string,
 * maybe left open at the part's end), `url` (unquoted url(…)), `esc` (an escape), `ch` (any other
 * character). `state.quote` carries a string left open across an expression.
 */
function tokenize(text, state) {
  const tokens = [];
  let i = 0;
  if (state.quote) {
    const end = stringEnd(text, 0, state.quote);
    tokens.push({type: 'str', text: text.slice(0, end.index)});
    state.quote = end.open ? state.quote : null;
    i = end.index;
  }
  while (i < text.length) {
    const c = text[i];
    if (WS.test(c) || (c === '/' && text[i + 1] === '*')) {
      let j = i;
      for (;;) {
        if (WS.test(text[j] ?? '')) j++;
        else if (text[j] === '/' && text[j + 1] === '*') {
          const end = text.indexOf('*/', j + 2);
          if (end < 0) return null; // a comment open across an expression: leave the template alone
          j = end + 2;
        } else break;
      }
      tokens.push({type: 'ws'});
      i = j;
    } else if (c === '"' || c === "'") {
      const end = stringEnd(text, i + 1, c);
      tokens.push({type: 'str', text: text.slice(i, end.index)});
      if (end.open) state.quote = c;
      i = end.index;
    } else if (c === '\\') {
      let j = i + 1;
      if (HEX.test(text[j] ?? '')) {
        while (j < i + 7 && HEX.test(text[j] ?? '')) j++;
        if (text[j] === '\r' && text[j + 1] === '\n') j += 2;
        else if (WS.test(text[j] ?? '')) j++;
      } else if (j < text.length) {
        j++;
      }
      tokens.push({type: 'esc', text: text.slice(i, j)});
      i = j;
    } else if (c === '(' && /(?:^|[^\w-])url$/i.test(lastWord(tokens)) && !/^[ \t\n\r\f]*["']/.test(text.slice(i + 1))) {
      const end = text.indexOf(')', i);
      if (end < 0) return null;
      tokens.push({type: 'url', text: text.slice(i, end + 1)});
      i = end + 1;
    } else {
      tokens.push({type: 'ch', text: c});
      i++;
    }
  }
  return tokens;
}

function stringEnd(text, from, quote) {
  let i = from;
  while (i < text.length) {
    if (text[i] === '\\') i += 2;
    else if (text[i] === quote) return {index: i + 1, open: false};
    else if (text[i] === '\n') return {index: i, open: false}; // a bad string ends at the newline
    else i++;
  }
  return {index: text.length, open: true};
}

/** The identifier characters just before the end of `tokens` (to tell url( and calc( apart). */
function lastWord(tokens) {
  let word = '';
  for (let k = tokens.length - 1; k >= 0 && tokens[k].type === 'ch' && /[\w-]/.test(tokens[k].text); k--) word = tokens[k].text + word;
  return (tokens.length > word.length ? ' ' : '') + word;
}

/**
 * Minifies the CSS of one template given as its parts' values (the text between expressions).
 * Returns the minified parts, or null when the template is better left as it is.
 * @param {string[]} parts
 * @returns {string[] | null}
 */
export function minifyCssParts(parts) {
  const state = {quote: null};
  const tokenized = [];
  for (const part of parts) {
    const tokens = tokenize(part, state);
    if (!tokens) return null;
    tokenized.push(tokens);
  }
  // Paren contexts: true inside a math function (calc()…), where `+` and `-` need their spaces.
  const parens = [];
  let customValue = false; // inside the value of a custom property (--x: …)
  let customColon = null; // the `:` that started it
  return tokenized.map((tokens, p) => {
    let out = '';
    let last = null; // the last token written in this part
    for (let t = 0; t < tokens.length; t++) {
      const token = tokens[t];
      if (token.type === 'ws') {
        const next = tokens[t + 1];
        const prevCh = last?.type === 'ch' ? last.text : null;
        const nextCh = next?.type === 'ch' ? next.text : null;
        // Next to an expression (start or end of a middle part): keep one space unless the
        // character on the other side needs none.
        const atStart = !last;
        const atEnd = !next;
        if (atStart && p === 0) continue;
        if (atEnd && p === tokenized.length - 1) continue;
        if (atStart) {
          if (nextCh === null || !DROP_BEFORE.has(nextCh)) out += ' ';
          continue;
        }
        if (atEnd) {
          if (prevCh === null || !DROP_AFTER.has(prevCh)) out += ' ';
          continue;
        }
        // `--x: ;` keeps its space (an empty value was invalid in older browsers).
        if (prevCh === ':' && (nextCh === ';' || nextCh === '}')) out += ' ';
        else if (prevCh !== null && DROP_AFTER.has(prevCh) && (prevCh !== ':' || !customValue || last === customColon)) continue;
        else if (nextCh !== null && DROP_BEFORE.has(nextCh)) continue;
        else if (!customValue && !parens.at(-1) && (COMBINATORS.has(prevCh) || COMBINATORS.has(nextCh))) continue;
        else out += ' ';
        continue;
      }
      if (token.type === 'ch') {
        const c = token.text;
        if (c === '(') {
          parens.push(Boolean(parens.at(-1)) || MATH_FUNCTION.test(out.slice(-12)));
        } else if (c === ')') {
          parens.pop();
        } else if (c === ':' && !parens.length && /(?:^|[{;\s])--[\w-]*$/.test(out)) {
          customValue = true;
          customColon = token;
        } else if ((c === ';' || c === '{' || c === '}') && !parens.length) {
          customValue = false;
        }
        // The last declaration of a block needs no `;`, an empty declaration none at all.
        if (c === ';' && last?.type === 'ch' && last.text === ';') continue;
        if (c === '}' && last?.type === 'ch' && last.text === ';') out = out.slice(0, -1);
      }
      out += token.text;
      last = token;
    }
    return out;
  });
}

/**
 * Minifies a stylesheet's text (a template without expressions).
 * @param {string} text
 */
export function minifyCss(text) {
  return minifyCssParts([text])?.[0] ?? text;
}

// ---------------------------------------------------------------------------------------------
// Code in, code out (with the edits, for source maps)

/**
 * The edits that minify every css`…` template of `code`: `{start, end, text}` replacing
 * code.slice(start, end), in order, not overlapping.
 * @param {string} code
 */
export function cssTemplateEdits(code) {
  const edits = [];
  for (const {parts} of findCssTemplates(code)) {
    const values = parts.map(([s, e]) => cookTemplate(code.slice(s, e)));
    if (values.some((v) => v === null)) continue;
    const minified = minifyCssParts(values);
    if (!minified) continue;
    parts.forEach(([start, end], k) => {
      const text = escapeTemplate(minified[k]);
      if (text !== code.slice(start, end)) edits.push({start, end, text});
    });
  }
  return edits.sort((a, b) => a.start - b.start);
}

/**
 * `code` with the CSS of its css`…` templates minified.
 * @param {string} code
 * @returns {string}
 */
export function minifyCssTemplates(code) {
  return applyEdits(code, cssTemplateEdits(code));
}

function applyEdits(code, edits) {
  let out = '';
  let at = 0;
  for (const {start, end, text} of edits) {
    out += code.slice(at, start) + text;
    at = end;
  }
  return out + code.slice(at);
}

// ----- source maps (v3): base64 VLQ, positions

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function vlq(n) {
  let v = n < 0 ? (-n << 1) | 1 : n << 1;
  let s = '';
  do {
    let digit = v & 31;
    v >>>= 5;
    if (v) digit |= 32;
    s += B64[digit];
  } while (v);
  return s;
}

/** Decodes `mappings` into lines of segments with absolute fields. */
export function decodeMappings(mappings) {
  const lines = [];
  const state = [0, 0, 0, 0, 0];
  for (const line of mappings.split(';')) {
    const segments = [];
    state[0] = 0;
    for (const text of line ? line.split(',') : []) {
      const segment = [];
      let value = 0;
      let shift = 0;
      for (const ch of text) {
        const digit = B64.indexOf(ch);
        value += (digit & 31) << shift;
        if (digit & 32) {
          shift += 5;
          continue;
        }
        const field = segment.length;
        state[field] += value & 1 ? -(value >>> 1) : value >>> 1;
        segment.push(state[field]);
        value = 0;
        shift = 0;
      }
      segments.push(segment);
    }
    lines.push(segments);
  }
  return lines;
}

/** Encodes lines of segments with absolute fields. */
export function encodeMappings(lines) {
  const state = [0, 0, 0, 0, 0];
  return lines
    .map((segments) => {
      state[0] = 0;
      return segments
        .map((segment) =>
          segment
            .map((value, field) => {
              const s = vlq(value - state[field]);
              state[field] = value;
              return s;
            })
            .join('')
        )
        .join(',');
    })
    .join(';');
}

function lineStarts(code) {
  const starts = [0];
  for (let i = 0; i < code.length; i++) if (code[i] === '\n') starts.push(i + 1);
  return starts;
}

function offsetToPosition(starts, offset) {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return [lo, offset - starts[lo]];
}

/** Maps an offset of the code before `edits` to the code after them (inside an edit: its start). */
function shiftOffset(edits, offset) {
  let delta = 0;
  for (const {start, end, text} of edits) {
    if (offset < start) break;
    if (offset < end) return start + delta;
    delta += text.length - (end - start);
  }
  return offset + delta;
}

/**
 * Minifies the css`…` templates of `code` and returns a source map from the new code to `code`
 * (one segment per word or punctuation outside the templates, one per template part), for a
 * bundler to chain with the maps before it. `map` is null when nothing changed.
 * @param {string} code
 * @param {string} source the file name to put in the map
 */
export function minifyCssTemplatesWithMap(code, source) {
  const edits = cssTemplateEdits(code);
  if (!edits.length) return {code, map: null};
  const out = applyEdits(code, edits);
  const oldStarts = lineStarts(code);
  const lines = [[]];
  let newCol = 0;
  let o = 0; // offset in the old code
  let e = 0; // next edit
  let prevClass = null;
  const segment = (oldOffset) => {
    const [line, col] = offsetToPosition(oldStarts, oldOffset);
    lines.at(-1).push([newCol, 0, line, col]);
  };
  const emit = (ch) => {
    if (ch === '\n') {
      lines.push([]);
      newCol = 0;
    } else {
      newCol += ch.length;
    }
  };
  while (o < code.length || e < edits.length) {
    const edit = edits[e];
    if (edit && o === edit.start) {
      segment(o);
      for (const ch of edit.text) emit(ch);
      o = edit.end;
      e++;
      prevClass = null;
      continue;
    }
    if (o >= code.length) break;
    const ch = code[o];
    const cls = /\s/.test(ch) ? 'space' : ID_CHAR.test(ch) ? 'word' : 'punct';
    if (cls === 'punct' || (cls === 'word' && prevClass !== 'word')) segment(o);
    prevClass = cls;
    emit(ch);
    o++;
  }
  return {
    code: out,
    map: {version: 3, sources: [source], names: [], mappings: encodeMappings(lines)},
  };
}

/**
 * Rewrites a source map of `code` (generated positions in `code`) for the code after `edits`.
 * @param {{mappings: string}} map
 */
function remapGenerated(map, code, edits) {
  const oldStarts = lineStarts(code);
  const newStarts = lineStarts(applyEdits(code, edits));
  const lines = newStarts.map(() => []);
  decodeMappings(map.mappings).forEach((segments, line) => {
    for (const [col, ...rest] of segments) {
      if (line >= oldStarts.length) continue;
      const [newLine, newCol] = offsetToPosition(newStarts, shiftOffset(edits, oldStarts[line] + col));
      const target = lines[newLine];
      // Several segments inside one template collapse to its start: keep the first.
      if (target.length && target.at(-1)[0] >= newCol) continue;
      target.push([newCol, ...rest]);
    }
  });
  return {...map, mappings: encodeMappings(lines)};
}

// ---------------------------------------------------------------------------------------------
// CLI: node scripts/minify-css.mjs <dir>… — every **/*.js in place, with its .js.map

function jsFiles(dir) {
  const files = [];
  for (const entry of readdirSync(dir, {withFileTypes: true})) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...jsFiles(path));
    else if (entry.name.endsWith('.js')) files.push(path);
  }
  return files;
}

/** Minifies the css`…` templates of every .js file under `dirs`; returns [files changed, bytes saved]. */
export function minifyCssInDirectories(dirs) {
  let changed = 0;
  let saved = 0;
  for (const dir of dirs) {
    for (const file of jsFiles(dir)) {
      const code = readFileSync(file, 'utf8');
      if (!code.includes('css')) continue;
      const edits = cssTemplateEdits(code);
      if (!edits.length) continue;
      const out = applyEdits(code, edits);
      writeFileSync(file, out);
      const mapFile = `${file}.map`;
      if (existsSync(mapFile)) {
        const map = JSON.parse(readFileSync(mapFile, 'utf8'));
        writeFileSync(mapFile, JSON.stringify(remapGenerated(map, code, edits)));
      }
      changed++;
      saved += code.length - out.length;
    }
  }
  return [changed, saved];
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const dirs = process.argv.slice(2);
  if (!dirs.length || dirs.some((d) => !existsSync(d))) {
    console.error('usage: node scripts/minify-css.mjs <dir>…  (rewrites the css`…` templates of every .js file in place)');
    process.exit(2);
  }
  const [changed, saved] = minifyCssInDirectories(dirs);
  console.log(`minify-css: ${changed} file(s), ${saved} characters of CSS whitespace and comments removed`);
}
