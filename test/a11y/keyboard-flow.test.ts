// The whole login with the keyboard only (WCAG 2.1.1 Keyboard, 2.4.3 Focus Order, 3.2.2 On Input):
// Tab from the page into the user ID, type, Tab to the password, type, Tab to the show-password
// toggle and press Space, Tab to the submit button and on to the help links; Enter in a field
// submits — but not while an IME composition is open; after a failure focus lands on the
// guidance heading, from which Tab reaches the guidance links and then the form again; the member
// fixes the password and logs in. Every key is a real key press (sendKeys).
import {expect, fixture, html, oneEvent, waitUntil} from '@open-wc/testing';
import {executeServerCommand, sendKeys} from '@web/test-runner-commands';
import sinon from 'sinon';
import '../../src/components/login-form/login-form.js';
import type {SonetErrorHelp} from '../../src/components/error-help/error-help.js';
import type {SonetLoginForm} from '../../src/components/login-form/login-form.js';
import {FAILURE_COUNT_KEY} from '../../src/lib/failure-counter.js';
import {jsonResponse, stubFetch} from '../support/fetch-stub.js';

/** The focused element, looking into shadow roots. */
function focused(): Element | null {
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el;
}

async function tab(shift = false): Promise<Element | null> {
  if (shift) await sendKeys({down: 'Shift'});
  await sendKeys({press: 'Tab'});
  if (shift) await sendKeys({up: 'Shift'});
  return focused();
}

describe('keyboard-only login', function () {
  this.timeout(30000);
  before(() => executeServerCommand('emulate-focus'));
  afterEach(() => {
    sinon.restore();
    sessionStorage.removeItem(FAILURE_COUNT_KEY);
  });

  it('logs in with the keyboard only, through a failure and its guidance', async () => {
    const requests: URLSearchParams[] = [];
    stubFetch(({init}) => {
      const body = new URLSearchParams(String(init.body));
      requests.push(body);
      const ok = body.get('password') === 'Sonet-Demo1';
      return jsonResponse(ok ? 200 : 401, ok ? {ok: true} : {code: 'invalid_credentials'});
    });

    const page = await fixture<HTMLElement>(html`<div>
      <button id="before">ページの先頭</button>
      <sonet-login-form action="/api/login"></sonet-login-form>
    </div>`);
    const el = page.querySelector<SonetLoginForm>('sonet-login-form')!;
    await el.updateComplete;
    const userId = el.querySelector<HTMLInputElement>('input[autocomplete~="username"]')!;
    const password = el.querySelector<HTMLInputElement>('input[type="password"]')!;
    const toggle = () => el.querySelector<HTMLButtonElement>('[part~="toggle"]')!;
    const submit = el.form!.querySelector<HTMLButtonElement>('button[type="submit"]')!;
    const firstHelpLink = () => el.querySelector('[part~="links"] a');
    await waitUntil(firstHelpLink, 'the help links (their own module, a moment after the form)', {timeout: 5000});

    page.querySelector<HTMLButtonElement>('#before')!.focus();
    expect(await tab(), 'Tab into the form: the user ID').to.equal(userId);
    await sendKeys({type: 'taro_s@aa2'});
    expect(await tab(), 'then the password').to.equal(password);
    await sendKeys({type: 'wrong-pass'});
    expect(await tab(), 'then the show-password toggle').to.equal(toggle());
    await sendKeys({press: ' '}); // Space (Firefox's WebDriver BiDi knows it only as ' ')
    await el.updateComplete;
    expect(toggle().getAttribute('aria-pressed')).to.equal('true');
    expect(password.type).to.equal('text');
    expect(await tab(), 'then the submit button').to.equal(submit);
    expect(await tab(), 'then the help links').to.equal(firstHelpLink());
    expect(await tab(true), 'Shift+Tab goes back to the submit button').to.equal(submit);
    expect(await tab(true)).to.equal(toggle());
    expect(await tab(true)).to.equal(password);

    // Enter in the password field submits; the shown password is hidden for the submit.
    const failed = oneEvent(el, 'sonet-login-error');
    await sendKeys({press: 'Enter'});
    await failed;
    expect(requests).to.have.length(1);
    expect(password.type).to.equal('password');

    // Focus moves to the guidance heading.
    const help = el.querySelector<SonetErrorHelp>('sonet-error-help')!;
    await waitUntil(() => focused()?.matches('[part~="heading"]'), 'focus on the guidance heading', {timeout: 5000});
    expect(focused()!.getRootNode()).to.equal(help.shadowRoot);
    expect(focused()!.textContent).to.match(/ユーザーID/);

    // Tab from the heading reaches the guidance's links, then comes back to the form.
    const next = await tab();
    expect(next?.getRootNode(), 'the first stop after the heading is inside the guidance').to.equal(help.shadowRoot);
    expect(next?.localName).to.be.oneOf(['a', 'summary', 'button']);
    let stop: Element | null = next;
    for (let i = 0; i < 60 && stop !== userId; i++) stop = await tab();
    expect(stop, 'Tab leads from the guidance back to the user ID').to.equal(userId);
    expect(userId.value, 'the user ID was kept').to.equal('taro_s@aa2');
    expect(password.value, 'the password was cleared').to.equal('');

    // The member types the right password and presses Enter.
    expect(await tab()).to.equal(password);
    await sendKeys({type: 'Sonet-Demo1'});
    const success = oneEvent(el, 'sonet-login-success');
    success.then((e) => e.preventDefault());
    await sendKeys({press: 'Enter'});
    await success;
    expect(requests).to.have.length(2);
    expect(requests[1].get('user_id')).to.equal('taro_s@aa2');
  });

  it('does not submit on Enter while an IME composition is open, and does after it ends', async () => {
    const requests: string[] = [];
    stubFetch(({init}) => {
      requests.push(String(init.body));
      return jsonResponse(401, {code: 'invalid_credentials'});
    });
    const el = await fixture<SonetLoginForm>(html`<sonet-login-form action="/api/login"></sonet-login-form>`);
    const userId = el.querySelector<HTMLInputElement>('input[autocomplete~="username"]')!;
    const password = el.querySelector<HTMLInputElement>('input[type="password"]')!;
    password.focus();
    await sendKeys({type: 'secret'});
    userId.focus();
    await sendKeys({type: 'taro_s@aa2'});
    // A Japanese IME is converting: the Enter that confirms the conversion must not submit.
    userId.dispatchEvent(new CompositionEvent('compositionstart', {bubbles: true, data: ''}));
    await sendKeys({press: 'Enter'});
    // A submit sends its request during the key press, once the behaviour is attached (a held
    // one when it attaches, which updateComplete waits for).
    await el.updateComplete;
    expect(requests, 'no request mid-composition').to.have.length(0);
    userId.dispatchEvent(new CompositionEvent('compositionend', {bubbles: true, data: ''}));
    const failed = oneEvent(el, 'sonet-login-error');
    await sendKeys({press: 'Enter'});
    await failed;
    expect(requests).to.have.length(1);
  });
});
