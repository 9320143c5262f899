import {expect} from '@open-wc/testing';
import {CharClass, classOf} from '../../src/lib/character-scan.js';
import {
  isFullWidthAscii,
  isFullWidthForm,
  isInvisible,
  isJapanese,
  isLookAlike,
  isSpace,
} from '../../src/lib/half-width.js';

describe('classOf()', () => {
  it('agrees with the character-class predicates on every code point, and the classes are disjoint', () => {
    const mismatches: string[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      const memberships = [isSpace(cp), isInvisible(cp), isFullWidthForm(cp), isJapanese(cp), isLookAlike(cp)];
      if (memberships.filter(Boolean).length > 1) mismatches.push(`U+${cp.toString(16)} is in two classes`);
      const expected = isSpace(cp)
        ? cp === 0x3000
          ? CharClass.FullWidthSpace
          : CharClass.Space
        : isInvisible(cp)
          ? CharClass.Invisible
          : isFullWidthAscii(cp)
            ? CharClass.FullWidthAscii
            : isFullWidthForm(cp)
              ? CharClass.FullWidthSign
              : isJapanese(cp)
                ? CharClass.Japanese
                : isLookAlike(cp)
                  ? CharClass.LookAlike
                  : CharClass.None;
      if (classOf(cp) !== expected) mismatches.push(`U+${cp.toString(16)}: ${classOf(cp)} instead of ${expected}`);
      if (mismatches.length > 10) break;
    }
    expect(mismatches).to.deep.equal([]);
  });
});
