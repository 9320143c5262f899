// <sonet-login-form> when its behaviour module cannot be loaded (the connection dropped after the
// page loaded): the skeleton and the warnings (their module is not the behaviour's) stay usable —
// nothing throws, no typing is lost, the toggle works, and a submit falls back to the browser's
// own POST of the form. This page loads the element from
// `/__offline/src/…` (test/plugins/offline-modules.mjs): the same files, except that the
// behaviour module's request fails — for this page only, in every engine.
import {expect, fixture, html, oneEvent} from '@open-wc/testing';
import {pageFormWithSink} from '../support/login-form.js';
import type {SonetLoginForm} from '../../src/components/login-form/login-form.js';

// The dev server serves the TypeScript sources under their own names (imports of `.js` are
// rewritten to `.ts` as it serves them).
const OFFLINE_ELEMENT = '/__offline/src/components/login-form/login-form.ts';

const userIdInput = (el: SonetLoginForm) => el.querySelector<HTMLInputElement>('input[autocomplete="username"]')!;
const passwordInput = (el: SonetLoginForm) => el.querySelector<HTMLInputElement>('input[autocomplete="current-password"]')!;
const codes = (el: Element) => [...el.querySelectorAll('[part~="warning"]')].map((w) => w.getAttribute('data-code'));

function setValue(input: HTMLInputElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new InputEvent('input', {bubbles: true, inputType: 'insertFromPaste'}));
}

describe('<sonet-login-form> without its behaviour module (offline)', () => {
  before(async () => {
    await import(/* @vite-ignore */ OFFLINE_ELEMENT);
    await customElements.whenDefined('sonet-login-form');
  });

  it('goes on warning, keeps what was typed, and throws nothing, when focus cannot attach the behaviour', async () => {
    const el = await fixture<SonetLoginForm>(html`<sonet-login-form action="/__security/landing"></sonet-login-form>`);
    const errors: unknown[] = [];
    const onError = (event: PromiseRejectionEvent) => errors.push(event.reason);
    addEventListener('unhandledrejection', onError);
    try {
      userIdInput(el).focus();
      await el.updateComplete; // the attach fails; updates settle all the same
      setValue(userIdInput(el), 'ｔａｒｏ');
      await el.updateComplete;
      expect(el.live, 'warnings live').to.be.true;
      expect(codes(el)).to.deep.equal(['full-width']);
      expect(el.querySelector('[part~="alerts"] sonet-error-help'), 'no behaviour').to.not.exist;
      expect(userIdInput(el).value).to.equal('ｔａｒｏ');
      await expect(el).to.be.accessible();
      // A rejection nobody handled is reported in a task after the microtasks: wait one task.
      await new Promise((r) => setTimeout(r));
      expect(errors).to.deep.equal([]);
    } finally {
      removeEventListener('unhandledrejection', onError);
    }
  });

  it('still shows and hides the password with its toggle, hidden again before the page is left', async () => {
    const el = await fixture<SonetLoginForm>(html`<sonet-login-form action="/__security/landing"></sonet-login-form>`);
    const input = passwordInput(el);
    input.focus();
    await el.updateComplete; // the attach fails
    setValue(input, 'Sonet-Demo1');
    const toggle = el.querySelector<HTMLButtonElement>('[part~="toggle"]')!;
    toggle.click();
    await el.updateComplete;
    expect(input.type, 'shown').to.equal('text');
    expect(toggle.getAttribute('aria-pressed')).to.equal('true');
    toggle.click();
    await el.updateComplete;
    expect(input.type, 'hidden').to.equal('password');
    expect(toggle.getAttribute('aria-pressed')).to.equal('false');
    toggle.click();
    await el.updateComplete;
    expect(input.type).to.equal('text');
    dispatchEvent(new PageTransitionEvent('pagehide', {persisted: true}));
    expect(input.type, 'hidden on pagehide').to.equal('password');
    expect(toggle.getAttribute('aria-pressed')).to.equal('false');
    expect(input.value, 'the typing kept').to.equal('Sonet-Demo1');
    await expect(el).to.be.accessible();
  });

  it('lets the browser post the form itself when the member submits', async () => {
    const page = await fixture<HTMLDivElement>(html`<div>
      <iframe name="sonet-offline-sink" title="sink"></iframe>
      <sonet-login-form action="/__security/landing"></sonet-login-form>
    </div>`);
    const el = page.querySelector<SonetLoginForm>('sonet-login-form')!;
    const frame = page.querySelector('iframe')!;
    el.form!.target = 'sonet-offline-sink';
    userIdInput(el).value = 'taro_s@aa2';
    passwordInput(el).value = 'Sonet-Demo1';
    const landed = oneEvent(frame, 'load');
    el.form!.requestSubmit();
    await landed;
    const {location, document: doc} = frame.contentWindow!;
    expect(location.pathname).to.equal('/__security/landing');
    expect(location.search, 'posted, nothing in the URL').to.equal('');
    expect(doc.body.textContent).to.contain('landed');
    expect(userIdInput(el).value, 'the page kept the typing').to.equal('taro_s@aa2');
  });

  it("posts to the element's `action`, not to the page, when the page's form has none", async () => {
    const {el, landed} = await pageFormWithSink({sink: 'sonet-offline-sink-action', action: '/__security/landing'});
    userIdInput(el).value = 'taro_s@aa2';
    passwordInput(el).value = 'Sonet-Demo1';
    el.form!.requestSubmit();
    const location = await landed();
    expect(location.pathname).to.equal('/__security/landing');
    expect(location.search, 'posted, nothing in the URL').to.equal('');
  });
});
