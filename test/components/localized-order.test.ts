// Every element must re-render when the locale changes, also when its tag was already in the page
// before the element was defined (the server-rendered My Page / Webmail case with the bundle).
// Decorators run bottom-up: `@localized()` written above `@customElement()` registers its
// locale controller only after `customElements.define()` has upgraded the page's existing tags,
// so those instances never switched language (seen in the demo at ?lang=en). The tests create
// elements after definition, so the order is checked in the sources.
import {expect} from '@open-wc/testing';
import {executeServerCommand} from '@web/test-runner-commands';

interface Source {
  path: string;
  text: string;
}

describe('element definitions', () => {
  let sources: Source[] = [];
  before(async () => {
    sources = (await executeServerCommand<Source[], undefined>('read-sources')) ?? [];
  });

  it('puts @localized() below @customElement() in every element', () => {
    const elements = sources.filter((s) => /@customElement\(/.test(s.text));
    expect(elements.length).to.be.greaterThanOrEqual(4);
    const wrong: string[] = [];
    for (const {path, text} of elements) {
      const define = text.indexOf('@customElement(');
      const localized = text.indexOf('@localized()');
      if (localized !== -1 && localized < define) wrong.push(path);
    }
    expect(wrong).to.deep.equal([]);
  });

  // <sonet-login-form> is defined without decorators (its first load is kept small): it must
  // register the locale controller in its constructor, which runs for upgraded tags too.
  it('registers the locale controller in the constructor of elements defined without decorators', () => {
    const elements = sources.filter((s) => /customElements\.define\(/.test(s.text) && !/@customElement\(/.test(s.text));
    expect(elements.map((s) => s.path)).to.include.members(['src/components/login-form/login-form.ts']);
    const wrong = elements.filter(({text}) => !/constructor\(\)\s*\{\s*super\(\);[^}]*updateWhenLocaleChanges\(this\)/.test(text));
    expect(wrong.map((s) => s.path)).to.deep.equal([]);
  });
});
