import {expect, fixture, html} from '@open-wc/testing';
import {executeServerCommand} from '@web/test-runner-commands';
import {LitElement} from 'lit';
import {CapsLockController} from '../../src/controllers/caps-lock-controller.js';

class CapsLockHost extends LitElement {
  caps = new CapsLockController(this, {input: () => this.querySelector<HTMLInputElement>('#pw')});
  renders = 0;
  override createRenderRoot() {
    return this;
  }
  override render() {
    this.renders++;
    return html`<input id="pw" type="password" aria-label="pw" /><input id="other" aria-label="other" />`;
  }
}
customElements.define('test-caps-lock-host', CapsLockHost);

function key(type: 'keydown' | 'keyup', capsLock: boolean): KeyboardEvent {
  return new KeyboardEvent(type, {key: 'A', modifierCapsLock: capsLock, bubbles: true, composed: true});
}

describe('CapsLockController', () => {
  // Focus events only fire in a focused page; test files run in parallel pages.
  before(() => executeServerCommand('emulate-focus'));

  let el: CapsLockHost;
  let pw: HTMLInputElement;
  beforeEach(async () => {
    el = await fixture<CapsLockHost>(html`<test-caps-lock-host></test-caps-lock-host>`);
    pw = el.querySelector<HTMLInputElement>('#pw')!;
    pw.focus();
  });

  it('is on after a keydown with Caps Lock on the password input', async () => {
    pw.dispatchEvent(key('keydown', true));
    expect(el.caps.on).to.be.true;
  });

  it('is off again after a keyup without Caps Lock', () => {
    pw.dispatchEvent(key('keydown', true));
    pw.dispatchEvent(key('keyup', false));
    expect(el.caps.on).to.be.false;
  });

  it('re-renders the host only when the state changes', async () => {
    await el.updateComplete;
    const before = el.renders;
    pw.dispatchEvent(key('keydown', true));
    await el.updateComplete;
    pw.dispatchEvent(key('keyup', true));
    pw.dispatchEvent(key('keydown', true));
    await el.updateComplete;
    expect(el.renders).to.equal(before + 1);
  });

  it('ignores keys typed into another input', () => {
    el.querySelector<HTMLInputElement>('#other')!.dispatchEvent(key('keydown', true));
    expect(el.caps.on).to.be.false;
  });

  it('forgets the state when focus leaves the password input', () => {
    pw.dispatchEvent(key('keydown', true));
    el.querySelector<HTMLInputElement>('#other')!.focus();
    expect(el.caps.on).to.be.false;
  });

  it('stops listening when the host is disconnected', () => {
    const parent = el.parentNode!;
    el.remove();
    pw.dispatchEvent(key('keydown', true));
    expect(el.caps.on).to.be.false;
    parent.appendChild(el);
    pw.dispatchEvent(key('keydown', true));
    expect(el.caps.on).to.be.true;
  });
});
