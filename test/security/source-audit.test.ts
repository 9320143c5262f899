// A grep of the library's own sources (src/, without generated locales) for the sinks that turn
// text into markup or code. Server text, feed text and attribute values reach the DOM only through
// Lit text bindings; a single `innerHTML` or `eval` would undo that, and a strict CSP with Trusted
// Types (test/security/csp.test.ts) catches only what the tests happen to run.
import {expect} from '@open-wc/testing';
import {executeServerCommand} from '@web/test-runner-commands';

interface Source {
  path: string;
  text: string;
}

/** The sinks, with why each is refused. */
const FORBIDDEN: ReadonlyArray<[name: string, pattern: RegExp]> = [
  ['innerHTML / outerHTML', /\b(?:inner|outer)HTML\b/],
  ['insertAdjacentHTML', /\binsertAdjacentHTML\b/],
  ['document.write', /\bdocument\s*\.\s*write(?:ln)?\s*\(/],
  ['unsafeHTML / unsafeSVG / unsafeMathML', /\bunsafe(?:HTML|SVG|MathML)\b/],
  ['unsafeStatic (markup from a string)', /\bunsafeStatic\b/],
  ['eval', /(?<![\w$.])eval\s*\(/],
  ['new Function', /\bnew\s+Function\s*\(/],
  ['Function constructor call', /(?<!new\s+)(?<![\w$.])Function\s*\(\s*['"`]/],
  ['setTimeout/setInterval with a string', /\bset(?:Timeout|Interval)\s*\(\s*['"`]/],
  ['createContextualFragment / DOMParser', /\bcreateContextualFragment\b|\bnew\s+DOMParser\b/],
  ['srcdoc', /\bsrcdoc\b/],
  ['javascript: URL literal', /['"`]\s*javascript:/i],
];

/** Comments say why a line exists and may name a sink ("never innerHTML"); only code counts. */
function stripComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' ')).replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

describe('library sources', () => {
  let sources: Source[] = [];
  before(async () => {
    sources = (await executeServerCommand<Source[], undefined>('read-sources')) ?? [];
  });

  it('reads every source file of src/', () => {
    const paths = sources.map((s) => s.path);
    // The audit must not pass because it read nothing.
    expect(paths.length).to.be.greaterThan(30);
    for (const expected of [
      'src/components/error-help/error-help.ts',
      'src/components/error-help/guidance.ts',
      'src/components/maintenance-notice/maintenance-notice.ts',
      'src/components/shared/field-core.ts',
      'src/lib/login-response.ts',
    ]) {
      expect(paths).to.include(expected);
    }
    expect(paths.some((p) => p.startsWith('src/locales/'))).to.equal(false);
  });

  for (const [name, pattern] of FORBIDDEN) {
    it(`uses no ${name}`, () => {
      const hits: string[] = [];
      for (const {path, text} of sources) {
        stripComments(text)
          .split('\n')
          .forEach((line, i) => {
            if (pattern.test(line)) hits.push(`${path}:${i + 1}: ${line.trim()}`);
          });
      }
      expect(hits).to.deep.equal([]);
    });
  }

  it('finds a sink when one is there (the audit itself works)', () => {
    const planted = 'const el = document.body;\nel.innerHTML = serverText; // looks harmless\nlet f = new Function("x", body);';
    const found = FORBIDDEN.filter(([, pattern]) => stripComments(planted).split('\n').some((l) => pattern.test(l)));
    expect(found.map(([name]) => name)).to.deep.equal(['innerHTML / outerHTML', 'new Function']);
    // …but not in a comment.
    expect(FORBIDDEN.some(([, p]) => p.test(stripComments('// never innerHTML here\n/* eval(x) */')))).to.equal(false);
  });
});
