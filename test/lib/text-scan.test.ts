import {expect} from '@open-wc/testing';
import {UnitWriter, codePointAt, unitLength} from '../../src/lib/text-scan.js';
import {label} from './finding-helpers.js';

/** The code points of `s` as the analyzers step through it: codePointAt(), then unitLength() on. */
function codePoints(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i += unitLength(out[out.length - 1])) out.push(codePointAt(s, i));
  return out;
}

describe('codePointAt() and unitLength()', () => {
  // WebKit's regexp engine (WebKitGTK 2.50) reads a unit of U+D800–U+DBFF or U+F800–U+FBFF followed
  // by one of U+DC00–U+DFFF or U+FC00–U+FFFF as one code point in a `u` pattern. The analyzers read
  // code points with these two helpers instead, which pair only U+D800–U+DBFF with U+DC00–U+DFFF.
  const cases: Array<[string, number[]]> = [
    ['\uf900\uff41', [0xf900, 0xff41]],
    ['\ufa11\u3000', [0xfa11, 0x3000]],
    ['\ufa11\uff76', [0xfa11, 0xff76]],
    ['\uf8ff\uffff', [0xf8ff, 0xffff]],
    ['\ufbff\udc00', [0xfbff, 0xdc00]],
    ['\ud800\uff41', [0xd800, 0xff41]],
    ['\ud83d\ude00\ufa11\uff41\ud842\udfb7', [0x1f600, 0xfa11, 0xff41, 0x20bb7]],
    ['\udc00\ud800', [0xdc00, 0xd800]],
    ['\ud800', [0xd800]],
    ['', []],
  ];
  for (const [input, expected] of cases) {
    it(`reads ${label(input)} as ${expected.map((cp) => `U+${cp.toString(16).toUpperCase()}`).join(' ') || 'nothing'}`, () => {
      expect(codePoints(input)).to.deep.equal(expected);
    });
  }

  it('agrees with the string iterator and String.prototype.codePointAt on every pair of units the misread covers', () => {
    const units = [0xd7ff, 0xd800, 0xdbff, 0xdc00, 0xdfff, 0xe000, 0xf7ff, 0xf800, 0xf900, 0xfa11, 0xfbff, 0xfc00, 0xfeff, 0xff41, 0xff76, 0xffff];
    const differ: string[] = [];
    for (const a of units) {
      for (const b of units) {
        const s = String.fromCharCode(0x78, a, b, 0x79);
        const iterated = [...s].map((c) => c.codePointAt(0));
        if (codePoints(s).join() !== iterated.join()) differ.push(label(s));
        if (codePointAt(s, 1) !== s.codePointAt(1)) differ.push(`at 1 of ${label(s)}`);
      }
    }
    expect(differ).to.deep.equal([]);
  });
});

describe('UnitWriter', () => {
  it('copies units across its chunk boundary without joining or splitting pairs', () => {
    const source = `${'\ufa11\uff41'.repeat(0x900)}😀`;
    const writer = new UnitWriter();
    writer.copy(source, 0, source.length);
    expect(writer.toString()).to.equal(source);
  });
});
