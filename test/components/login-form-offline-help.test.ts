// <sonet-login-form> when a login fails and the guidance cannot be loaded: the connection
// dropped after the page loaded, or a deploy replaced the chunks the open page refers to. The
// form must still say that the login failed, with its code, and how to get the explanation —
// never nothing, and never a bare "try again", which would spend the member's tries towards
// the lock (SS503) on the same wrong password. This page loads the element from
// `/__offline-help/src/…` (test/plugins/offline-modules.mjs): the same files, except that
// `<sonet-error-help>`'s module fails, for this page only, in every engine.
import {expect, fixture, html, oneEvent, waitUntil} from '@open-wc/testing';
import {sendKeys, setViewport} from '@web/test-runner-commands';
import sinon from 'sinon';
import type {SonetLoginForm} from '../../src/components/login-form/login-form.js';
import type {SonetLoginErrorEvent} from '../../src/components/login-form/login-form.events.js';
import {engine} from '../support/engine.js';
import {stubFetch} from '../support/fetch-stub.js';

// The dev server serves the TypeScript sources under their own names.
const ELEMENT = '/__offline-help/src/components/login-form/login-form.ts';

const userIdInput = (el: SonetLoginForm) => el.querySelector<HTMLInputElement>('input[autocomplete="username"]')!;
const passwordInput = (el: SonetLoginForm) => el.querySelector<HTMLInputElement>('input[autocomplete="current-password"]')!;
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Types the ID and the password as a member does, presses Enter; the failure's code. */
async function logIn(el: SonetLoginForm, userId: string, password: string): Promise<string> {
  userIdInput(el).focus();
  await sendKeys({type: userId});
  passwordInput(el).focus();
  await sendKeys({type: password});
  const failed = oneEvent(el, 'sonet-login-error') as Promise<SonetLoginErrorEvent>;
  await sendKeys({press: 'Enter'});
  return (await failed).code;
}

/** The heading of the form's own short explanation, once it shows. */
async function fallbackHeading(el: SonetLoginForm): Promise<HTMLElement> {
  const heading = () => el.querySelector<HTMLElement>('.sonet-login-form__fallback-heading');
  await waitUntil(heading, "the form's own short explanation", {timeout: 5000});
  return heading()!;
}

describe('<sonet-login-form> when the guidance cannot be loaded', () => {
  before(async () => {
    await import(/* @vite-ignore */ ELEMENT);
    await customElements.whenDefined('sonet-login-form');
  });

  after(() => setViewport({width: 800, height: 600}));
  afterEach(() => sinon.restore());

  it('says the login failed, with its code, and to reload the page for the explanation', async () => {
    // A phone's width (WebKitGTK's MiniBrowser window cannot be narrower than about 447 px).
    await setViewport({width: engine === 'webkit' ? 448 : 375, height: 740});
    // The demo's simulated server: any ID but its own answers 401 (a fresh one per run, so runs
    // in three engines do not add up towards its lock).
    // Narrow enough that the code does not fit beside its label (a phone, a sidebar).
    const el = await fixture<SonetLoginForm>(
      html`<sonet-login-form action="/__security/api/login" style="display: block; max-inline-size: 16rem"></sonet-login-form>`
    );
    const userId = `offline-${Math.random().toString(36).slice(2, 8)}@aa2`;
    expect(await logIn(el, userId, 'wrong-pass')).to.equal('invalid-credentials');
    const heading = await fallbackHeading(el);
    await waitUntil(() => document.activeElement === heading, 'focus on its heading', {timeout: 5000});
    expect(text(heading)).to.equal('ログインできませんでした');
    const body = text(heading.parentElement);
    expect(body).to.contain('エラーコード: invalid-credentials');
    // The code stays whole (it broke at its hyphen): one line box for it.
    const code = heading.parentElement!.querySelector('.sonet-login-form__code')!;
    expect(code.getClientRects().length === 1 && code.getBoundingClientRect().height < 30, 'the code on one line').to.be.true;
    expect(body).to.contain('ご案内を読み込めませんでした');
    expect(body).to.contain('ページを再読み込みしてください');
    expect(body, 'not a bare "try again" (the same wrong password again)').to.not.contain('もう一度お試しください');
    expect(el.querySelector('sonet-error-help'), 'no half-defined guidance element').to.not.exist;
    expect(userIdInput(el).value, 'the user ID kept').to.equal(userId);
    expect(passwordInput(el).value, 'the password cleared').to.equal('');
    await expect(el).to.be.accessible();
  });

  it('says to try again once connected, not to reload, when the connection is what failed', async () => {
    // Offline: the login request and the guidance both fail. Reloading the page while offline
    // would lose it; nothing reached the server, so trying again costs no try.
    stubFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    const el = await fixture<SonetLoginForm>(html`<sonet-login-form action="/__security/api/login"></sonet-login-form>`);
    expect(await logIn(el, 'taro_s@aa2', 'any-pass')).to.equal('network');
    const body = text((await fallbackHeading(el)).parentElement);
    expect(body).to.contain('エラーコード: network');
    expect(body).to.contain('接続を確かめてから、もう一度ログインしてください');
    expect(body, 'no reload while offline').to.not.contain('再読み込み');
    expect(userIdInput(el).value, 'the user ID kept').to.equal('taro_s@aa2');
    await expect(el).to.be.accessible();
  });
});
