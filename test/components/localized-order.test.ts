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

  // No element uses decorators any more (see the next test); this guards one that would again.
  it('puts @localized() below @customElement() in every element defined with decorators', () => {
    const elements = sources.filter((s) => /@customElement\(/.test(s.text));
    const wrong: string[] = [];
    for (const {path, text} of elements) {
      const define = text.indexOf('@customElement(');
      const localized = text.indexOf('@localized()');
      if (localized !== -1 && localized < define) wrong.push(path);
    }
    expect(wrong).to.deep.equal([]);
  });

  // The elements are defined without decorators (no decorator helper in the first load): each
  // must register the locale controller in its constructor, which runs for upgraded tags too.
  it('registers the locale controller in the constructor of elements defined without decorators', () => {
    // A `customElements.define('sonet-…'` call, not the name in a comment (light-element.ts).
    const elements = sources.filter((s) => /customElements\.define\(\s*['"]sonet-/.test(s.text) && !/@customElement\(/.test(s.text));
    expect(elements.map((s) => s.path)).to.include.members([
      'src/components/login-form/login-form.ts',
      'src/components/error-help/error-help.ts',
      'src/components/maintenance-notice/maintenance-notice.ts',
      'src/components/password-field/password-field.ts',
      'src/components/user-id-field/user-id-field.ts',
    ]);
    const wrong = elements.filter(({text}) => !/constructor\(\)\s*\{\s*super\(\);[^}]*updateWhenLocaleChanges\(this\)/.test(text));
    expect(wrong.map((s) => s.path)).to.deep.equal([]);
  });
});
