// <sonet-login-form> when its behaviour module cannot be loaded (the connection dropped after the
// page loaded): the first view goes on warning, nothing throws, no typing is lost, and a submit
// falls back to the browser's own POST of the form. Chromium only (the module's requests are
// failed for this page alone through the DevTools protocol); skipped elsewhere.
import {expect, fixture, html, oneEvent} from '@open-wc/testing';
import {executeServerCommand} from '@web/test-runner-commands';
import '../../src/components/login-form/login-form.js';
import type {SonetLoginForm} from '../../src/components/login-form/login-form.js';

const userIdInput = (el: SonetLoginForm) => el.querySelector<HTMLInputElement>('input[autocomplete="username"]')!;
const passwordInput = (el: SonetLoginForm) => el.querySelector<HTMLInputElement>('input[autocomplete="current-password"]')!;
const codes = (el: Element) => [...el.querySelectorAll('[part~="warning"]')].map((w) => w.getAttribute('data-code'));

function setValue(input: HTMLInputElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new InputEvent('input', {bubbles: true, inputType: 'insertFromPaste'}));
}

describe('<sonet-login-form> without its behaviour module (offline)', () => {
  before(async function () {
    const failing = await executeServerCommand<boolean, {pattern: string}>('fail-requests', {pattern: '*login-form.behaviour*'});
    if (!failing) this.skip();
  });

  it('goes on warning from its first view, and keeps what was typed, when focus cannot attach the behaviour', async () => {
    const el = await fixture<SonetLoginForm>(html`<sonet-login-form action="/__security/landing"></sonet-login-form>`);
    const errors: unknown[] = [];
    const onError = (event: PromiseRejectionEvent) => errors.push(event.reason);
    addEventListener('unhandledrejection', onError);
    try {
      userIdInput(el).focus();
      await el.updateComplete; // the attach fails; updates settle all the same
      setValue(userIdInput(el), 'ｔａｒｏ');
      expect(codes(el)).to.deep.equal(['full-width']);
      expect(userIdInput(el).value).to.equal('ｔａｒｏ');
      expect(el.querySelector('[part~="fix"]'), 'no behaviour').to.not.exist;
      await expect(el).to.be.accessible();
      await new Promise((r) => setTimeout(r, 50));
      expect(errors).to.deep.equal([]);
    } finally {
      removeEventListener('unhandledrejection', onError);
    }
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
});
