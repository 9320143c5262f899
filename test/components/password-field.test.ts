import {expect, fixture, html} from '@open-wc/testing';
import {executeServerCommand, sendKeys} from '@web/test-runner-commands';
import '../../src/components/password-field/password-field.js';
import type {SonetPasswordField} from '../../src/components/password-field/password-field.js';
import {fieldStyles} from '../../src/components/shared/field.styles.js';
import {setSonetLocale} from '../../src/localization.js';
import {stopTime} from '../support/clock.js';
import {typeText} from '../support/typing.js';
import {expectFocus, expectNoNode} from '../support/dom-assert.js';

const warningCodes = (el: Element) => [...el.querySelectorAll('[part~="warning"]')].map((w) => w.getAttribute('data-code'));
const status = (el: Element) => el.querySelector('[role="status"]')!.textContent!.trim();
const toggleOf = (el: Element) => el.querySelector<HTMLButtonElement>('[part~="toggle"]')!;

function capsKey(type: 'keydown' | 'keyup', on: boolean): KeyboardEvent {
  return new KeyboardEvent(type, {key: 'A', modifierCapsLock: on, bubbles: true, composed: true});
}

describe('<sonet-password-field>', () => {
  before(() => executeServerCommand('emulate-focus'));

  let el: SonetPasswordField;
  let input: HTMLInputElement;
  beforeEach(async () => {
    el = await fixture<SonetPasswordField>(html`<sonet-password-field name="password" reveal-timeout="50"></sonet-password-field>`);
    input = el.input!;
  });

  async function type(text: string): Promise<void> {
    input.focus();
    await typeText(text);
    await el.updateComplete;
  }

  describe('accessibility', () => {
    it('is accessible with the password hidden', async () => {
      await expect(el).to.be.accessible();
    });

    it('is accessible with the password shown', async () => {
      await type('Il1O0o');
      el.revealed = true;
      await el.updateComplete;
      await expect(el).to.be.accessible();
    });

    it('is accessible with the Caps Lock warning', async () => {
      input.focus();
      input.dispatchEvent(capsKey('keydown', true));
      await el.updateComplete;
      expect(warningCodes(el)).to.deep.equal(['caps-lock']);
      await expect(el).to.be.accessible();
    });

    it('renders a labelled password input in the light DOM', () => {
      expectNoNode(el.shadowRoot, 'shadow root');
      expect(input.type).to.equal('password');
      expect(el.querySelector(`label[for="${input.id}"]`)!.textContent!.trim()).to.equal('ユーザーIDパスワード');
      expect(input.getAttribute('autocomplete')).to.equal('current-password');
      expect(input.hasAttribute('maxlength')).to.be.false;
      expect(input.hasAttribute('name')).to.be.false;
    });

    it('hides the browser’s own reveal button (Edge), so there is one toggle', () => {
      expect(fieldStyles.cssText).to.match(/input::-ms-reveal[^{]*\{\s*display: none;/);
    });
  });

  describe('show-password toggle', () => {
    it('is a real button after the input, in the tab order, with its name and state', async () => {
      const toggle = toggleOf(el);
      expect(toggle.localName).to.equal('button');
      expect(toggle.type).to.equal('button');
      expect(toggle.tabIndex).to.equal(0);
      expect(toggle.getAttribute('aria-pressed')).to.equal('false');
      expect(toggle.getAttribute('aria-controls')).to.equal(input.id);
      expect(toggle.textContent!.trim()).to.equal('パスワードを表示');
      expect(input.compareDocumentPosition(toggle) & Node.DOCUMENT_POSITION_FOLLOWING).to.be.ok;
      await type('x');
      await sendKeys({press: 'Tab'});
      expectFocus(toggle);
    });

    it('shows the password with Space on the toggle, keeping value, caret and focus', async () => {
      await type('Sonet-Demo1');
      input.setSelectionRange(3, 3);
      await sendKeys({press: 'Tab'});
      await sendKeys({press: ' '});
      await el.updateComplete;
      expect(input.type).to.equal('text');
      expect(input.value).to.equal('Sonet-Demo1');
      expect([input.selectionStart, input.selectionEnd]).to.deep.equal([3, 3]);
      expectFocus(toggleOf(el));
      expect(toggleOf(el).getAttribute('aria-pressed')).to.equal('true');
      // The name stays; the pressed state says what changed.
      expect(toggleOf(el).textContent!.trim()).to.equal('パスワードを表示');
    });

    it('hides it again with Enter on the toggle', async () => {
      await type('secret');
      await sendKeys({press: 'Tab'});
      await sendKeys({press: 'Enter'});
      await el.updateComplete;
      expect(input.type).to.equal('text');
      await sendKeys({press: 'Enter'});
      await el.updateComplete;
      expect(input.type).to.equal('password');
      expect(toggleOf(el).getAttribute('aria-pressed')).to.equal('false');
    });

    it('announces the change once, politely', async () => {
      toggleOf(el).click();
      await el.updateComplete;
      expect(status(el)).to.equal('パスワードを表示しています。');
      toggleOf(el).click();
      await el.updateComplete;
      expect(status(el)).to.equal('パスワードを隠しました。');
    });

    it('shows a caution to check nobody is looking while shown', async () => {
      el.revealed = true;
      await el.updateComplete;
      expect(warningCodes(el)).to.include('reveal-caution');
      el.revealed = false;
      await el.updateComplete;
      expect(warningCodes(el)).not.to.include('reveal-caution');
    });

    it('names the look-alike characters while shown, and only then', async () => {
      await type('Il1|O0o');
      expect(warningCodes(el)).not.to.include('look-alike');
      el.revealed = true;
      await el.updateComplete;
      const line = el.querySelector('[data-code="look-alike"]')!.textContent!;
      for (const name of ['I (大文字のアイ)', 'l (小文字のエル)', '1 (数字のイチ)', '| (縦線)', 'O (大文字のオー)', '0 (数字のゼロ)', 'o (小文字のオー)']) {
        expect(line).to.contain(name);
      }
    });

    it('uses a font that tells look-alikes apart while shown', async () => {
      el.revealed = true;
      await el.updateComplete;
      expect(input.hasAttribute('data-sonet-revealed')).to.be.true;
      expect(getComputedStyle(input).fontVariantNumeric).to.contain('slashed-zero');
      el.revealed = false;
      await el.updateComplete;
      expect(input.hasAttribute('data-sonet-revealed')).to.be.false;
    });

    it('hides the password a while after focus leaves the field', async () => {
      await type('secret');
      el.revealed = true;
      await el.updateComplete;
      expect(input.type).to.equal('text');
      const clock = stopTime(Date.now(), {timers: true});
      try {
        input.blur();
        clock.tick(49);
        expect(input.type, 'still shown before reveal-timeout').to.equal('text');
        clock.tick(1);
        expect(input.type).to.equal('password');
      } finally {
        clock.restore();
      }
    });

    it('hides the password when its form is submitted', async () => {
      const form = await fixture<HTMLFormElement>(html`<form @submit=${(e: Event) => e.preventDefault()}>
        <sonet-password-field name="password"></sonet-password-field><button>go</button>
      </form>`);
      const field = form.querySelector('sonet-password-field')!;
      await field.updateComplete;
      field.revealed = true;
      form.querySelector('button')!.click();
      expect(field.input!.type).to.equal('password');
    });

    it('hides the password on pagehide', async () => {
      el.revealed = true;
      window.dispatchEvent(new PageTransitionEvent('pagehide'));
      expect(input.type).to.equal('password');
    });
  });

  describe('warnings', () => {
    it('warns while Caps Lock is on and the field has focus', async () => {
      input.focus();
      input.dispatchEvent(capsKey('keydown', true));
      await el.updateComplete;
      expect(warningCodes(el)).to.deep.equal(['caps-lock']);
      expect(status(el)).to.equal('Caps Lock がオンになっています。大文字と小文字は区別されます。');
      input.dispatchEvent(capsKey('keyup', false));
      await el.updateComplete;
      expect(warningCodes(el)).to.deep.equal([]);
    });

    it('warns about full-width characters without showing them', async () => {
      await type('ｐａｓｓ');
      expect(warningCodes(el)).to.deep.equal(['full-width']);
      expect(el.querySelector('[part~="warnings"]')!.textContent).not.to.contain('ｐ');
    });

    it('warns about a case-inverted password', async () => {
      await type('pASSWORD1');
      expect(warningCodes(el)).to.deep.equal(['caps-lock-pattern']);
    });

    it('warns about spaces', async () => {
      await type('pass word');
      expect(warningCodes(el)).to.deep.equal(['space']);
    });

    it('catches kana typed while the password is shown (the IME turns on)', async () => {
      el.revealed = true;
      await el.updateComplete;
      input.focus();
      input.dispatchEvent(new CompositionEvent('compositionstart', {bubbles: true}));
      input.value = 'ぱ';
      input.dispatchEvent(new InputEvent('input', {bubbles: true, isComposing: true}));
      await el.updateComplete;
      expect(warningCodes(el)).not.to.include('kana');
      input.dispatchEvent(new CompositionEvent('compositionend', {bubbles: true, data: 'ぱ'}));
      await el.updateComplete;
      expect(warningCodes(el)).to.include('kana');
    });

    it('never changes the password: no fix is offered', async () => {
      await type('ｐａｓｓ ');
      expectNoNode(el.querySelector('[part~="fix"]'));
      expect(el.value).to.equal('ｐａｓｓ ');
    });
  });

  describe('form association', () => {
    it('submits the password under its name', async () => {
      const form = await fixture<HTMLFormElement>(html`<form><sonet-password-field name="pw"></sonet-password-field></form>`);
      const field = form.querySelector('sonet-password-field')!;
      await field.updateComplete;
      field.input!.focus();
      await sendKeys({type: 'Sonet-Demo1'});
      expect([...new FormData(form).entries()]).to.deep.equal([['pw', 'Sonet-Demo1']]);
    });

    it('clears the password, its warnings and the reveal on form reset', async () => {
      const form = await fixture<HTMLFormElement>(html`<form><sonet-password-field name="pw"></sonet-password-field></form>`);
      const field = form.querySelector('sonet-password-field')!;
      await field.updateComplete;
      field.input!.focus();
      await typeText('ｐ');
      field.revealed = true;
      await field.updateComplete;
      form.reset();
      await field.updateComplete;
      expect(field.value).to.equal('');
      expect(field.revealed).to.be.false;
      expect(warningCodes(field)).to.deep.equal([]);
    });

    it('uses new-password when asked (password change forms)', async () => {
      const field = await fixture<SonetPasswordField>(html`<sonet-password-field autocomplete="new-password"></sonet-password-field>`);
      expect(field.input!.getAttribute('autocomplete')).to.equal('new-password');
    });
  });

  describe('i18n', () => {
    afterEach(() => setSonetLocale('ja'));

    it('speaks English when the locale is en', async () => {
      await setSonetLocale('en');
      await el.updateComplete;
      expect(toggleOf(el).textContent!.trim()).to.equal('Show password');
      expect(el.querySelector('label')!.textContent!.trim()).to.equal('User ID password');
      toggleOf(el).click();
      await el.updateComplete;
      expect(status(el)).to.equal('Your password is shown.');
      await expect(el).to.be.accessible();
    });
  });
});
