import {expect, fixture, html} from '@open-wc/testing';
import {executeServerCommand, sendKeys} from '@web/test-runner-commands';
import {LitElement} from 'lit';
import sinon from 'sinon';
import {PasswordRevealController} from '../../src/controllers/password-reveal-controller.js';
import {stopTime} from '../support/clock.js';
import {expectFocus} from '../support/dom-assert.js';

class RevealHost extends LitElement {
  delay = 50;
  reveal = new PasswordRevealController(this, {
    input: () => this.querySelector<HTMLInputElement>('#pw'),
    toggle: () => this.querySelector<HTMLButtonElement>('#toggle'),
    hideDelay: () => this.delay,
  });
  override createRenderRoot() {
    return this;
  }
  override render() {
    return html`<form action="javascript:void 0" @submit=${(e: Event) => e.preventDefault()}>
      <input id="pw" type="password" aria-label="pw" />
      <button id="toggle" type="button"></button>
      <input id="other" aria-label="other" />
      <button id="submit">submit</button>
    </form>`;
  }
}
customElements.define('test-reveal-host', RevealHost);

describe('PasswordRevealController', () => {
  // Focus events only fire in a focused page; test files run in parallel pages.
  before(() => executeServerCommand('emulate-focus'));
  afterEach(() => sinon.restore());

  let el: RevealHost;
  let pw: HTMLInputElement;
  let toggle: HTMLButtonElement;
  beforeEach(async () => {
    el = await fixture<RevealHost>(html`<test-reveal-host></test-reveal-host>`);
    pw = el.querySelector<HTMLInputElement>('#pw')!;
    toggle = el.querySelector<HTMLButtonElement>('#toggle')!;
    pw.focus();
    await sendKeys({type: 'Sonet-Demo1'});
  });

  it('shows the password as text and hides it again', () => {
    el.reveal.toggle();
    expect(pw.type).to.equal('text');
    expect(el.reveal.shown).to.be.true;
    el.reveal.toggle();
    expect(pw.type).to.equal('password');
  });

  it('keeps the value, the caret and the focus', () => {
    pw.setSelectionRange(2, 5);
    el.reveal.show();
    expect(pw.value).to.equal('Sonet-Demo1');
    expect([pw.selectionStart, pw.selectionEnd]).to.deep.equal([2, 5]);
    expectFocus(pw);
  });

  it('toggles from the keyboard on the toggle button', async () => {
    await sendKeys({press: 'Tab'});
    expectFocus(toggle);
    await sendKeys({press: ' '});
    await el.updateComplete;
    expect(pw.type).to.equal('text');
    expect(toggle.getAttribute('aria-pressed')).to.equal('true');
    await sendKeys({press: 'Enter'});
    expect(pw.type).to.equal('password');
    expectFocus(toggle);
  });

  it('hides the password when the form is submitted', async () => {
    el.reveal.show();
    el.querySelector<HTMLButtonElement>('#submit')!.click();
    expect(pw.type).to.equal('password');
    expect(el.reveal.reason).to.equal('submit');
  });

  it('hides the password on pagehide', () => {
    el.reveal.show();
    window.dispatchEvent(new PageTransitionEvent('pagehide', {persisted: true}));
    expect(pw.type).to.equal('password');
  });

  it('hides the password on pageshow (back-forward cache)', () => {
    el.reveal.show();
    window.dispatchEvent(new PageTransitionEvent('pageshow', {persisted: true}));
    expect(pw.type).to.equal('password');
  });

  it('hides the password a while after focus leaves the field', () => {
    const clock = stopTime(Date.now(), {timers: true});
    el.reveal.show();
    el.querySelector<HTMLInputElement>('#other')!.focus();
    expect(pw.type).to.equal('text');
    clock.tick(el.delay - 1);
    expect(pw.type, 'still shown just before the delay ends').to.equal('text');
    clock.tick(1);
    expect(pw.type).to.equal('password');
    expect(el.reveal.reason).to.equal('blur');
  });

  it('keeps the password shown while focus moves between the input and the toggle', () => {
    const clock = stopTime(Date.now(), {timers: true});
    el.reveal.show();
    toggle.focus();
    clock.tick(el.delay * 2);
    pw.focus();
    clock.tick(el.delay * 2);
    expect(pw.type).to.equal('text');
  });

  it('keeps the password shown when focus comes back before the delay ends', () => {
    const clock = stopTime(Date.now(), {timers: true});
    el.reveal.show();
    el.querySelector<HTMLInputElement>('#other')!.focus();
    clock.tick(el.delay - 1);
    pw.focus();
    clock.tick(el.delay * 2);
    expect(pw.type).to.equal('text');
  });

  it('keeps focus in the input when the toggle is pressed with a mouse', () => {
    const down = new MouseEvent('mousedown', {bubbles: true, cancelable: true});
    toggle.dispatchEvent(down);
    expect(down.defaultPrevented).to.be.true;
  });

  it('puts focus in the input when the toggle is pressed with a mouse from elsewhere', () => {
    el.querySelector<HTMLInputElement>('#other')!.focus();
    const down = new MouseEvent('mousedown', {bubbles: true, cancelable: true});
    toggle.dispatchEvent(down);
    expect(down.defaultPrevented, 'the toggle takes no focus').to.be.true;
    expect(document.activeElement).to.equal(pw);
  });

  it('hides the password and stops listening when the host is disconnected', () => {
    el.reveal.show();
    const parent = el.parentNode!;
    el.remove();
    expect(pw.type).to.equal('password');
    parent.appendChild(el);
  });
});
