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
    expect(elements.length).to.be.greaterThanOrEqual(5);
    const wrong: string[] = [];
    for (const {path, text} of elements) {
      const define = text.indexOf('@customElement(');
      const localized = text.indexOf('@localized()');
      if (localized !== -1 && localized < define) wrong.push(path);
    }
    expect(wrong).to.deep.equal([]);
  });
});
