import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import sinon from 'sinon';
import '../../src/components/login-form/login-form.js';
import type {SonetLoginForm} from '../../src/components/login-form/login-form.js';
import {jsonResponse, stubFetch} from '../support/fetch-stub.js';
import {typeText} from '../support/typing.js';

// A file of its own: Lit's development build issues each warning once per page.
describe('<sonet-login-form> updates', () => {
  afterEach(() => sinon.restore());

  it('schedules no update after one completed, over a failed login (the busy button comes back in the same update)', async () => {
    const warn = sinon.spy(console, 'warn');
    stubFetch(() => jsonResponse(401, {error: 'invalid_credentials'}));
    const el = await fixture<SonetLoginForm>(html`<sonet-login-form action="/login"></sonet-login-form>`);
    const [u, p] = el.querySelectorAll('input');
    (u as HTMLInputElement).focus();
    await typeText('taro_s@aa2');
    (p as HTMLInputElement).focus();
    await typeText('secret12');
    const button = el.querySelector<HTMLButtonElement>('.sonet-login-form__submit')!;
    button.click();
    await waitUntil(() => el.querySelector('sonet-error-help'), 'guidance', {timeout: 5000});
    await waitUntil(() => !el.busy, 'not busy', {timeout: 5000});
    await el.updateComplete;
    expect(button.textContent!.trim()).to.equal('ログイン');
    const msgs = warn.getCalls().map((c) => String(c.args[0]));
    expect(msgs.filter((m) => /scheduled an update/.test(m))).to.deep.equal([]);
  });
});
