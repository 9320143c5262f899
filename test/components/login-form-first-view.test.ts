// The first view of <sonet-login-form>: what the form does with its first-load module only,
// before a member's first focus or press attaches its behaviour module (login-form.behaviour.ts),
// and the hand-over between the two.
import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import '../../src/components/login-form/login-form.js';
import type {SonetLoginForm} from '../../src/components/login-form/login-form.js';

const userIdInput = (el: SonetLoginForm) => el.querySelector<HTMLInputElement>('input[autocomplete="username"]')!;
const passwordInput = (el: SonetLoginForm) => el.querySelector<HTMLInputElement>('input[autocomplete="current-password"]')!;
const toggle = (el: SonetLoginForm) => el.querySelector<HTMLButtonElement>('[part~="toggle"]')!;
const codes = (el: Element) => [...el.querySelectorAll('[part~="warning"]')].map((w) => w.getAttribute('data-code'));
const field = (input: HTMLInputElement) => input.closest('.sonet-field')!;
const status = (input: HTMLInputElement) => field(input).querySelector('[role="status"]')!.textContent!.trim();

/** A value as a paste or an extension would set it: an input event, no focus, no key. */
function setValue(input: HTMLInputElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new InputEvent('input', {bubbles: true, inputType: 'insertFromPaste'}));
}

/** Whether the form's behaviour is attached (it renders the user ID's one-tap fix). */
const hasFix = (el: SonetLoginForm) => !!el.querySelector('[part~="fix"]');

describe('<sonet-login-form> first view', () => {
  let realFetch: typeof fetch;
  let calls: string[];
  beforeEach(() => {
    realFetch = window.fetch;
    calls = [];
    window.fetch = async (input: RequestInfo | URL) => {
      calls.push(String(input));
      return new Response(JSON.stringify({ok: true}), {status: 200, headers: {'Content-Type': 'application/json'}});
    };
  });
  afterEach(() => {
    window.fetch = realFetch;
  });

  it('is accessible before any use', async () => {
    const el = await fixture<SonetLoginForm>(html`<sonet-login-form action="/api/login"></sonet-login-form>`);
    expect(field(passwordInput(el)).querySelector('[role="status"]')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('puts the user ID\'s status region in place on the first focus, also before the behaviour arrives', async () => {
    const el = await fixture<SonetLoginForm>(html`<sonet-login-form action="/api/login"></sonet-login-form>`);
    expect(field(userIdInput(el)).querySelector('[role="status"]'), 'not before any use').to.not.exist;
    userIdInput(el).focus();
    expect(hasFix(el), 'the behaviour is still on its way').to.be.false;
    expect(field(userIdInput(el)).querySelector('[role="status"]')).to.exist;
  });

  it('has every status region in place on the first focus, before anything can be said there', async () => {
    const el = await fixture<SonetLoginForm>(html`<sonet-login-form action="/api/login"></sonet-login-form>`);
    userIdInput(el).focus();
    await el.updateComplete;
    expect(field(userIdInput(el)).querySelector('[role="status"]')).to.exist;
    expect(field(passwordInput(el)).querySelector('[role="status"]')).to.exist;
    expect(el.querySelector('.sonet-login-form__status[role="status"]')).to.exist;
    await expect(el).to.be.accessible();
  });

  describe('warnings', () => {
    const rows: Array<[field: 'user-id' | 'password', value: string, expected: string[]]> = [
      ['user-id', 'ｔａｒｏ＿ｓ＠ａａ２', ['full-width']],
      ['user-id', 'たろう', ['kana']],
      ['user-id', 'taro s@aa2', ['space']],
      ['user-id', 'taro_s@aa2.so-net.ne.jp', ['full-domain']],
      ['user-id', 'taro_s@aa2', []],
      ['password', 'ｐａｓｓ', ['full-width']],
      ['password', 'pass　word', ['full-width-space']],
      ['password', 'Il1O0o', []],
    ];
    for (const [which, value, expected] of rows) {
      it(`shows ${expected.join(', ') || 'nothing'} for the ${which} ${JSON.stringify(value)} before the behaviour is attached`, async () => {
        const el = await fixture<SonetLoginForm>(html`<sonet-login-form action="/api/login"></sonet-login-form>`);
        const input = which === 'user-id' ? userIdInput(el) : passwordInput(el);
        setValue(input, value);
        expect(codes(field(input))).to.deep.equal(expected);
        expect(hasFix(el), 'no behaviour yet').to.be.false;
        if (expected.length) {
          expect(status(input)).to.not.equal('');
          await expect(el).to.be.accessible();
        }
      });
    }

    it('announces a warning once, not again when its module takes over', async () => {
      const el = await fixture<SonetLoginForm>(html`<sonet-login-form action="/api/login"></sonet-login-form>`);
      setValue(userIdInput(el), 'ｔａｒｏ');
      const said = status(userIdInput(el));
      expect(said).to.contain('全角');
      setValue(userIdInput(el), 'ｔａｒｏ＿');
      expect(status(userIdInput(el)), 'same warning, same words').to.equal(said);
      userIdInput(el).focus();
      await el.updateComplete;
      expect(hasFix(el), 'the behaviour is attached on focus').to.be.true;
      expect(codes(field(userIdInput(el)))).to.deep.equal(['full-width']);
      expect(status(userIdInput(el))).to.equal(said);
    });

    it('hands what was announced over: a warning said before the behaviour arrived is not said again', async () => {
      const el = await fixture<SonetLoginForm>(html`<sonet-login-form action="/api/login"></sonet-login-form>`);
      setValue(userIdInput(el), 'ｔａｒｏ');
      setValue(userIdInput(el), 'ｔａｒｏ ｓ');
      expect(status(userIdInput(el)), 'only the new warning').to.not.contain('全角');
      userIdInput(el).focus();
      await el.updateComplete;
      expect(hasFix(el)).to.be.true;
      expect(codes(field(userIdInput(el)))).to.deep.equal(['full-width', 'space']);
      expect(status(userIdInput(el))).to.contain('スペース');
      expect(status(userIdInput(el)), 'the full-width warning is not announced a second time').to.not.contain('全角');
    });

    it('keeps the warnings ids (describedby targets) when the behaviour takes over', async () => {
      const el = await fixture<SonetLoginForm>(html`<sonet-login-form action="/api/login"></sonet-login-form>`);
      setValue(userIdInput(el), 'ｔａｒｏ');
      const {id} = field(userIdInput(el)).querySelector('[part~="warnings"]')!;
      expect(userIdInput(el).getAttribute('aria-describedby')!.split(' ')).to.include(id);
      userIdInput(el).focus();
      await el.updateComplete;
      expect(hasFix(el)).to.be.true;
      const lists = field(userIdInput(el)).querySelectorAll('[part~="warnings"]');
      expect(lists, 'one list, not the first view\'s beside the behaviour\'s').to.have.length(1);
      expect(lists[0]!.id).to.equal(id);
      expect(lists[0]!.textContent).to.contain('全角');
      expect(el.querySelectorAll('[part~="toggle"]'), 'one toggle').to.have.length(1);
    });

    it('keeps focus on the toggle when the behaviour takes over', async () => {
      const el = await fixture<SonetLoginForm>(html`<sonet-login-form action="/api/login"></sonet-login-form>`);
      toggle(el).focus();
      await el.updateComplete;
      expect(document.activeElement, 'the toggle the behaviour rendered').to.equal(toggle(el));
      expect(toggle(el).getAttribute('aria-pressed')).to.equal('false');
    });

    it('shows no warning in the middle of an IME composition, and hands the composition over', async () => {
      const el = await fixture<SonetLoginForm>(html`<sonet-login-form action="/api/login"></sonet-login-form>`);
      const input = userIdInput(el);
      input.dispatchEvent(new CompositionEvent('compositionstart', {bubbles: true}));
      input.value = 'たろう';
      input.dispatchEvent(new InputEvent('input', {bubbles: true, isComposing: true}));
      expect(codes(el)).to.deep.equal([]);
      input.focus();
      await el.updateComplete;
      expect(codes(el), 'still composing after the hand-over').to.deep.equal([]);
      input.dispatchEvent(new CompositionEvent('compositionend', {bubbles: true, data: 'たろう'}));
      await el.updateComplete;
      expect(codes(el)).to.deep.equal(['kana']);
    });

    it('warns about Caps Lock from the first key, and keeps the warning through the hand-over', async () => {
      const el = await fixture<SonetLoginForm>(html`<sonet-login-form action="/api/login"></sonet-login-form>`);
      const input = passwordInput(el);
      input.dispatchEvent(new KeyboardEvent('keydown', {key: 'A', modifierCapsLock: true, bubbles: true}));
      expect(codes(el)).to.deep.equal(['caps-lock']);
      expect(hasFix(el) || !!el.querySelector('[part~="toggle"][aria-pressed="true"]')).to.be.false;
      input.focus();
      await el.updateComplete;
      expect(codes(el)).to.deep.equal(['caps-lock']);
    });
  });

  describe('first use', () => {
    it('shows the password on a first toggle press made before the behaviour arrived, once', async () => {
      const el = await fixture<SonetLoginForm>(html`<sonet-login-form action="/api/login"></sonet-login-form>`);
      toggle(el).click();
      await el.updateComplete;
      expect(passwordInput(el).type).to.equal('text');
      expect(toggle(el).getAttribute('aria-pressed')).to.equal('true');
      toggle(el).click();
      await el.updateComplete;
      expect(passwordInput(el).type).to.equal('password');
    });

    it('holds a submit made before the behaviour arrived and sends it once', async () => {
      const el = await fixture<SonetLoginForm>(html`<sonet-login-form action="/api/login"></sonet-login-form>`);
      userIdInput(el).value = 'taro_s@aa2';
      passwordInput(el).value = 'Sonet-Demo1';
      el.form!.requestSubmit();
      el.form!.requestSubmit();
      await waitUntil(() => calls.length > 0, 'the request');
      await new Promise((r) => setTimeout(r, 50));
      expect(calls).to.have.length(1);
    });

    it('marks the inputs required for assistive technology from the start, for the browser once attached', async () => {
      const el = await fixture<SonetLoginForm>(html`<sonet-login-form action="/api/login"></sonet-login-form>`);
      for (const input of [userIdInput(el), passwordInput(el)]) expect(input.getAttribute('aria-required')).to.equal('true');
      expect(userIdInput(el).required || passwordInput(el).required, 'not before').to.be.false;
      userIdInput(el).focus();
      await el.updateComplete; // waits for the attach the focus set off
      expect(userIdInput(el).required && passwordInput(el).required).to.be.true;
    });

    it('lets the browser stop an empty first submit made before the behaviour arrived', async () => {
      const el = await fixture<SonetLoginForm>(html`<sonet-login-form action="/api/login"></sonet-login-form>`);
      el.form!.requestSubmit();
      await el.updateComplete;
      await new Promise((r) => setTimeout(r, 50));
      expect(calls, 'nothing sent with empty fields').to.have.length(0);
      expect(userIdInput(el).validity.valueMissing).to.be.true;
    });

    it('attaches the behaviour on focus, not before', async () => {
      const el = await fixture<SonetLoginForm>(html`<sonet-login-form action="/api/login"></sonet-login-form>`);
      setValue(userIdInput(el), 'ｔａｒｏ');
      await el.updateComplete;
      expect(hasFix(el)).to.be.false;
      userIdInput(el).focus();
      await el.updateComplete;
      expect(hasFix(el)).to.be.true;
    });
  });
});
