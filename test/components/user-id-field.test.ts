import {expect, fixture, html, waitUntil} from '@open-wc/testing';
import {executeServerCommand, resetMouse, sendKeys, sendMouse} from '@web/test-runner-commands';
import '../../src/components/user-id-field/user-id-field.js';
import {centre} from '../support/pointer.js';
import {typeText} from '../support/typing.js';
import type {SonetUserIdField} from '../../src/components/user-id-field/user-id-field.js';
import {setSonetLocale} from '../../src/localization.js';
import {expectFocus, expectNoNode, expectSameNode} from '../support/dom-assert.js';

const warningCodes = (el: Element) => [...el.querySelectorAll('[part~="warning"]')].map((w) => w.getAttribute('data-code'));
const status = (el: Element) => el.querySelector('[role="status"]')!.textContent!.trim();
const fixButton = (el: Element) => el.querySelector<HTMLButtonElement>('[part~="fix"]');

async function typeInto(el: SonetUserIdField, text: string): Promise<void> {
  el.input!.focus();
  await typeText(text);
  await el.updateComplete;
}

describe('<sonet-user-id-field>', () => {
  before(() => executeServerCommand('emulate-focus'));

  let el: SonetUserIdField;
  beforeEach(async () => {
    el = await fixture<SonetUserIdField>(html`<sonet-user-id-field name="user_id"></sonet-user-id-field>`);
  });

  describe('accessibility', () => {
    it('is accessible when empty', async () => {
      await expect(el).to.be.accessible();
    });

    it('is accessible with a warning and a fix button', async () => {
      await typeInto(el, 'ｔａｒｏ');
      expect(!!fixButton(el)).to.be.true;
      await expect(el).to.be.accessible();
    });

    it('renders a labelled input in the light DOM, for password managers', () => {
      const input = el.input!;
      expectNoNode(el.shadowRoot, 'shadow root');
      expectSameNode(input.parentElement!.closest('sonet-user-id-field'), el, 'host');
      expect(el.querySelector(`label[for="${input.id}"]`)!.textContent!.trim()).to.equal('ユーザーID');
      expect(input.getAttribute('autocomplete')).to.equal('username');
      expect(input.getAttribute('autocapitalize')).to.equal('none');
      expect(input.getAttribute('spellcheck')).to.equal('false');
      expect(input.getAttribute('autocorrect')).to.equal('off');
      expect(input.hasAttribute('maxlength')).to.be.false;
      expect(input.hasAttribute('name')).to.be.false;
    });

    it('describes the input by its warnings, in the same tree', async () => {
      await typeInto(el, 'ｔａｒｏ');
      const ids = el.input!.getAttribute('aria-describedby')!.split(' ');
      const warnings = el.querySelector('[part~="warnings"]')!;
      expect(ids).to.include(warnings.id);
      expectSameNode(el.querySelector(`#${warnings.id}`), warnings, 'warnings by id');
    });
  });

  describe('the example under the input', () => {
    const example = (host: Element) => host.querySelector('[part~="hint"]')?.textContent?.trim();

    it('says what an ID looks like while there is nothing to warn about, as the input\'s description', async () => {
      await el.updateComplete;
      expect(example(el)).to.equal('例: taro_s@aa2 (メールアドレスが taro_s@aa2.so-net.ne.jp の場合)');
      const warnings = el.querySelector('[part~="warnings"]')!;
      expect(el.input!.getAttribute('aria-describedby')!.split(' ')).to.include(warnings.id);
      expect(warnings.contains(el.querySelector('[part~="hint"]'))).to.be.true;
      await typeInto(el, 'taro_s');
      expect(example(el), 'while typing a plain ID').to.match(/^例:/);
    });

    it('gives way to a warning, and comes back when the warning goes', async () => {
      await typeInto(el, 'ｔ');
      expect(warningCodes(el)).to.include('full-width');
      expect(example(el)).to.equal(undefined);
      await sendKeys({press: 'Backspace'});
      await el.updateComplete;
      await waitUntil(() => example(el) !== undefined, 'the example is back');
    });

    it('names the domain the host gives, and reads in English', async () => {
      const other = await fixture<SonetUserIdField>(html`<sonet-user-id-field domain="example.ne.jp"></sonet-user-id-field>`);
      await other.updateComplete;
      expect(example(other)).to.contain('taro_s@aa2.example.ne.jp');
      await setSonetLocale('en');
      try {
        await waitUntil(() => example(other)?.startsWith('Example:'), 'English example');
        expect(example(other)).to.equal('Example: taro_s@aa2 (when your mail address is taro_s@aa2.example.ne.jp)');
      } finally {
        await setSonetLocale('ja');
      }
    });
  });

  describe('warnings', () => {
    it('warns about full-width characters and names them', async () => {
      await typeInto(el, 'ｔａｒｏ');
      expect(warningCodes(el)).to.deep.equal(['full-width']);
      expect(el.querySelector('[data-code="full-width"]')!.textContent).to.contain('ｔ ａ ｒ ｏ');
    });

    it('removes the warning when the characters are gone', async () => {
      await typeInto(el, 'ａ');
      await sendKeys({press: 'Backspace'});
      await el.updateComplete;
      expect(warningCodes(el)).to.deep.equal([]);
    });

    it('warns about a space', async () => {
      await typeInto(el, 'taro s');
      expect(warningCodes(el)).to.deep.equal(['space']);
    });

    it('warns about a full-width space', async () => {
      await typeInto(el, 'taro\u3000s');
      expect(warningCodes(el)).to.include('full-width-space');
    });

    it('warns about the full mail domain', async () => {
      await typeInto(el, 'taro_s@aa2.so-net.ne.jp');
      expect(warningCodes(el)).to.deep.equal(['full-domain']);
    });

    it('warns about a missing @subdomain on blur, not while typing', async () => {
      await typeInto(el, 'taro_s');
      expect(warningCodes(el)).to.deep.equal([]);
      el.input!.blur();
      await el.updateComplete;
      expect(warningCodes(el)).to.deep.equal(['missing-subdomain']);
    });

    it('shows no warning for a correct user ID', async () => {
      await typeInto(el, 'taro_s@aa2');
      el.input!.blur();
      await el.updateComplete;
      expect(warningCodes(el)).to.deep.equal([]);
    });

    it('never blocks typing or paste: the value is kept as typed', async () => {
      await typeInto(el, 'ｔａ ro');
      expect(el.value).to.equal('ｔａ ro');
    });
  });

  describe('announcements', () => {
    it('announces a warning once when it appears', async () => {
      await typeInto(el, 'ａ');
      expect(status(el)).to.equal('全角の文字が含まれています。半角英数字で入力してください。');
    });

    it('does not change the announcement while the same warnings stay', async () => {
      await typeInto(el, 'ａ');
      const region = el.querySelector('[role="status"]')!;
      const changes: string[] = [];
      const observer = new MutationObserver(() => changes.push(region.textContent!));
      observer.observe(region, {subtree: true, characterData: true, childList: true});
      await typeText('ｂｃ');
      await el.updateComplete;
      observer.disconnect();
      expect(changes).to.deep.equal([]);
    });

    it('announces only the warning that was added', async () => {
      await typeInto(el, 'ａ');
      await sendKeys({type: ' '});
      await sendKeys({type: 'b'});
      await el.updateComplete;
      expect(status(el)).to.equal('スペース (空白) が含まれています。');
    });
  });

  describe('fixes', () => {
    it("sends keys typed on the fix button to the form's next input, not into this field", async () => {
      // Tab after the ID stops on the fix; a touch typist types the password on.
      const form = await fixture<HTMLFormElement>(html`<form>
        <sonet-user-id-field name="user_id"></sonet-user-id-field>
        <input type="hidden" name="_csrf" value="t" />
        <label>パスワード <input name="password" type="password" /></label>
      </form>`);
      const field = form.querySelector<SonetUserIdField>('sonet-user-id-field')!;
      await typeInto(field, 'ｔａｒｏ＿ｓ＠ａａ２');
      await sendKeys({press: 'Tab'});
      expectFocus(fixButton(field));
      await sendKeys({type: 'pass word'});
      expect(form.querySelector<HTMLInputElement>('input[type="password"]')!.value).to.equal('pass word');
      expect(field.value).to.equal('ｔａｒｏ＿ｓ＠ａａ２');
    });

    it('converts full-width to half-width with one tap, keeping focus in the field', async () => {
      await typeInto(el, 'ｔａｒｏ＿ｓ＠ａａ２');
      const button = fixButton(el)!;
      expect(button.textContent!.trim()).to.equal('全角を半角に変換');
      // As a keyboard user: Tab to the fix button, Enter. The button goes away with the warning.
      await sendKeys({press: 'Tab'});
      expectFocus(button);
      const events: Event[] = [];
      el.addEventListener('input', (e) => events.push(e));
      await sendKeys({press: 'Enter'});
      expect(events.length).to.equal(1);
      expect(events[0].bubbles).to.be.true;
      await el.updateComplete;
      expect(el.value).to.equal('taro_s@aa2');
      expectFocus(el.input);
      expect(warningCodes(el)).to.deep.equal([]);
    });

    it('removes spaces with one tap', async () => {
      await typeInto(el, ' taro_s@aa2');
      expect(fixButton(el)!.textContent!.trim()).to.equal('スペースを削除');
      fixButton(el)!.click();
      await el.updateComplete;
      expect(el.value).to.equal('taro_s@aa2');
    });

    it('drops the domain with one tap', async () => {
      await typeInto(el, 'taro_s@aa2.so-net.ne.jp');
      expect(fixButton(el)!.textContent!.trim()).to.equal('ドメインを除く (taro_s@aa2)');
      fixButton(el)!.click();
      await el.updateComplete;
      expect(el.value).to.equal('taro_s@aa2');
    });

    it('offers one fix for several repairs, named by its result', async () => {
      await typeInto(el, 'ｔａｒｏ ');
      expect(fixButton(el)!.textContent!.trim()).to.equal('「taro」に直す');
    });
  });

  describe('details while typing', () => {
    const detail = (el: Element) => el.querySelector('.sonet-warning__detail')?.textContent?.trim();
    const label = (el: Element) => fixButton(el)?.textContent?.trim();
    /** Types `text` one character per `input` event, as keys do (no pause in between). */
    async function typeKeys(el: SonetUserIdField, text: string): Promise<void> {
      el.input!.focus();
      for (const char of text) {
        document.execCommand('insertText', false, char);
        await el.updateComplete;
      }
    }

    it('keeps the characters line until typing pauses, then brings it up to date', async () => {
      await typeKeys(el, 'ｔａｒ');
      expect(warningCodes(el)).to.deep.equal(['full-width']);
      expect(detail(el), 'followed each key').to.equal('該当する文字: ｔ');
      await waitUntil(() => detail(el) === '該当する文字: ｔ ａ ｒ', `still ${detail(el)}`, {timeout: 2000});
      expect(el.input!.value).to.equal('ｔａｒ');
    });

    it('renders again at once when the warnings change', async () => {
      await typeKeys(el, 'ｔａ');
      await typeKeys(el, ' ');
      expect(warningCodes(el)).to.deep.equal(['full-width', 'edge-space']);
      expect(detail(el)).to.equal('該当する文字: ｔ ａ');
      expect(label(el)).to.equal('「ta」に直す');
    });

    it('brings the details up to date when the field loses focus', async () => {
      await typeKeys(el, 'ｔａｒ');
      expect(detail(el)).to.equal('該当する文字: ｔ');
      el.input!.blur();
      await el.updateComplete;
      expect(detail(el)).to.equal('該当する文字: ｔ ａ ｒ');
    });

    it('shows the details of a paste at once', async () => {
      el.input!.focus();
      document.execCommand('insertText', false, 'ｔａｒ');
      await el.updateComplete;
      expect(detail(el)).to.equal('該当する文字: ｔ ａ ｒ');
    });

    it('updates the fix label when pressed, and applies the fix of the value now', async () => {
      await typeKeys(el, 'た');
      await waitUntil(() => fixButton(el), 'no romaji suggestion', {timeout: 5000});
      expect(label(el)).to.equal('「ta」に置き換える');
      await typeKeys(el, 'ろう');
      expect(label(el), 'followed each key').to.equal('「ta」に置き換える');
      await sendMouse({type: 'move', position: centre(fixButton(el)!)});
      await sendMouse({type: 'down'});
      await el.updateComplete;
      expect(label(el)).to.equal('「tarou」に置き換える');
      await sendMouse({type: 'up'});
      await resetMouse();
      await el.updateComplete;
      expect(el.value).to.equal('tarou');
    });

    it('never applies a fix older than the value, even clicked while typing', async () => {
      await typeKeys(el, 'た');
      await waitUntil(() => fixButton(el), 'no romaji suggestion', {timeout: 5000});
      await typeKeys(el, 'ろう');
      fixButton(el)!.click();
      await el.updateComplete;
      expect(el.value).to.equal('tarou');
    });
  });

  describe('IME composition', () => {
    function compose(input: HTMLInputElement, steps: string[]): void {
      input.dispatchEvent(new CompositionEvent('compositionstart', {bubbles: true, data: ''}));
      for (const text of steps) {
        input.value = text;
        input.dispatchEvent(new CompositionEvent('compositionupdate', {bubbles: true, data: text}));
        input.dispatchEvent(new InputEvent('input', {bubbles: true, composed: true, isComposing: true, data: text}));
      }
    }

    it('shows no warning in the middle of a composition', async () => {
      el.input!.focus();
      compose(el.input!, ['た', 'たろ', 'たろう']);
      await el.updateComplete;
      expect(warningCodes(el)).to.deep.equal([]);
    });

    it('warns about kana when the composition ends and offers the romaji', async () => {
      el.input!.focus();
      compose(el.input!, ['た', 'たろう']);
      el.input!.dispatchEvent(new CompositionEvent('compositionend', {bubbles: true, data: 'たろう'}));
      await el.updateComplete;
      expect(warningCodes(el)).to.deep.equal(['kana']);
      // wanakana arrives by dynamic import; the suggestion follows.
      await waitUntil(() => fixButton(el), 'no romaji suggestion', {timeout: 5000});
      expect(fixButton(el)!.textContent!.trim()).to.equal('「tarou」に置き換える');
      fixButton(el)!.click();
      await el.updateComplete;
      expect(el.value).to.equal('tarou');
    });

    it('keeps the romaji in step with the kana as the member goes on typing', async () => {
      el.input!.focus();
      const convert = async (text: string) => {
        compose(el.input!, [text]);
        el.input!.dispatchEvent(new CompositionEvent('compositionend', {bubbles: true, data: text}));
        await el.updateComplete;
      };
      await convert('たろう');
      await waitUntil(() => fixButton(el), 'no romaji suggestion', {timeout: 5000});
      // Typed on after the kana: the same kana run, the new characters repaired too.
      await convert('たろう＿ｓ');
      expect(fixButton(el)!.textContent!.trim()).to.equal('「tarou_s」に直す');
      // Other kana of the same length: their own romaji, not the run remembered before.
      await convert('はなこ＿ｓ');
      expect(fixButton(el)!.textContent!.trim()).to.equal('「hanako_s」に直す');
      await convert('はなこ＿ｓ＠ａ');
      fixButton(el)!.click();
      await el.updateComplete;
      expect(el.value).to.equal('hanako_s@a');
    });
  });

  describe('form association', () => {
    it('submits its value under its name, once', async () => {
      const form = await fixture<HTMLFormElement>(html`<form>
        <sonet-user-id-field name="user_id"></sonet-user-id-field>
      </form>`);
      const field = form.querySelector('sonet-user-id-field')!;
      await field.updateComplete;
      await typeInto(field, 'taro_s@aa2');
      expect([...new FormData(form).entries()]).to.deep.equal([['user_id', 'taro_s@aa2']]);
      expectSameNode(field.form, form, 'form');
    });

    it('is invalid when required and empty, with the input as anchor', async () => {
      const form = await fixture<HTMLFormElement>(html`<form>
        <sonet-user-id-field name="user_id" required></sonet-user-id-field>
      </form>`);
      const field = form.querySelector('sonet-user-id-field')!;
      await field.updateComplete;
      expect(field.validity.valueMissing).to.be.true;
      expect(field.validationMessage).to.equal('ユーザーID を入力してください。');
      expect(form.checkValidity()).to.be.false;
      await typeInto(field, 'x');
      expect(form.checkValidity()).to.be.true;
    });

    it('is valid with warnings: warnings never block submit', async () => {
      const form = await fixture<HTMLFormElement>(html`<form>
        <sonet-user-id-field name="user_id" required></sonet-user-id-field>
      </form>`);
      const field = form.querySelector('sonet-user-id-field')!;
      await field.updateComplete;
      await typeInto(field, 'ｔａｒｏ');
      expect(warningCodes(field)).to.deep.equal(['full-width']);
      expect(form.checkValidity()).to.be.true;
    });

    it('goes back to its default value and forgets warnings on form reset', async () => {
      const form = await fixture<HTMLFormElement>(html`<form>
        <sonet-user-id-field name="user_id" value="taro_s@aa2"></sonet-user-id-field>
      </form>`);
      const field = form.querySelector('sonet-user-id-field')!;
      await field.updateComplete;
      expect(field.value).to.equal('taro_s@aa2');
      field.input!.select();
      await typeInto(field, 'ｘ');
      expect(warningCodes(field)).to.deep.equal(['full-width']);
      form.reset();
      await field.updateComplete;
      expect(field.value).to.equal('taro_s@aa2');
      expect(warningCodes(field)).to.deep.equal([]);
      expect([...new FormData(form).entries()]).to.deep.equal([['user_id', 'taro_s@aa2']]);
    });

    it('is disabled with its fieldset', async () => {
      const form = await fixture<HTMLFormElement>(html`<form>
        <fieldset disabled><sonet-user-id-field name="user_id"></sonet-user-id-field></fieldset>
      </form>`);
      const field = form.querySelector('sonet-user-id-field')!;
      await waitUntil(() => field.input?.disabled, 'disabled with its fieldset', {timeout: 5000});
      form.querySelector('fieldset')!.disabled = false;
      expect(field.input!.disabled).to.be.false;
    });

    it('restores a value set before the first render', async () => {
      const field = document.createElement('sonet-user-id-field');
      field.value = 'taro_s@aa2';
      const form = await fixture<HTMLFormElement>(html`<form></form>`);
      field.name = 'user_id';
      form.append(field);
      await field.updateComplete;
      expect(field.input!.value).to.equal('taro_s@aa2');
      expect([...new FormData(form).entries()]).to.deep.equal([['user_id', 'taro_s@aa2']]);
    });
  });

  describe('i18n', () => {
    afterEach(() => setSonetLocale('ja'));

    it('speaks English when the locale is en', async () => {
      await setSonetLocale('en');
      await typeInto(el, 'ｔａｒｏ');
      expect(el.querySelector('label')!.textContent!.trim()).to.equal('User ID');
      expect(fixButton(el)!.textContent!.trim()).to.equal('Convert to half-width');
      expect(el.querySelector('[data-code="full-width"]')!.textContent).to.contain('full-width');
      await expect(el).to.be.accessible();
    });

    it('uses the label given by the host', async () => {
      el.label = 'So-net ユーザーID';
      await el.updateComplete;
      expect(el.querySelector('label')!.textContent!.trim()).to.equal('So-net ユーザーID');
    });
  });
});
