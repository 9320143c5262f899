// Live-region announcements (WCAG 4.1.3 Status Messages): each warning and each state change is
// put into a polite status region once — when it appears — and not again on every keystroke
// that keeps it. The regions exist before their text changes (a region created together with
// its text is often not announced), and the same region is kept for the whole session.
import {expect, fixture, html, oneEvent} from '@open-wc/testing';
import {executeServerCommand, sendKeys} from '@web/test-runner-commands';
import sinon from 'sinon';
import '../../src/components/login-form/login-form.js';
import '../../src/components/password-field/password-field.js';
import '../../src/components/user-id-field/user-id-field.js';
import type {SonetLoginForm} from '../../src/components/login-form/login-form.js';
import type {SonetPasswordField} from '../../src/components/password-field/password-field.js';
import type {SonetUserIdField} from '../../src/components/user-id-field/user-id-field.js';
import {jsonResponse, stubFetch} from '../support/fetch-stub.js';

const text = (node: Node) => (node.textContent ?? '').replace(/\s+/g, ' ').trim();

/**
 * Records every non-empty text a live region takes, once per change (also the same words again
 * after a clear, which a screen reader announces again).
 */
function listen(region: Element): {heard: string[]; stop: () => void} {
  const heard: string[] = [];
  let last = text(region);
  const observer = new MutationObserver(() => {
    const now = text(region);
    if (now && now !== last) heard.push(now);
    last = now;
  });
  observer.observe(region, {childList: true, subtree: true, characterData: true});
  return {heard, stop: () => observer.disconnect()};
}

/** Lets Lit render and the observer run. */
async function settle(el: {updateComplete: Promise<unknown>}): Promise<void> {
  await el.updateComplete;
  await new Promise((r) => setTimeout(r, 0));
}

/** Types one character at a time, as a Japanese IME commits them, letting each render. */
async function typeEach(el: {updateComplete: Promise<unknown>}, input: HTMLInputElement, chars: string): Promise<void> {
  input.focus();
  for (const ch of chars) {
    document.execCommand('insertText', false, ch);
    await settle(el);
  }
}

const capsKey = (on: boolean) => new KeyboardEvent('keydown', {key: on ? 'A' : 'a', modifierCapsLock: on, bubbles: true, composed: true});

describe('live regions announce each change once', function () {
  this.timeout(20000);
  before(() => executeServerCommand('emulate-focus'));

  it('listen() records each change, and a repeat after a clear (the recorder works)', async () => {
    const region = await fixture<HTMLDivElement>(html`<div role="status"></div>`);
    const {heard, stop} = listen(region);
    for (const t of ['a', 'a', 'b', '', 'b']) {
      region.textContent = t;
      await new Promise((r) => setTimeout(r, 0));
    }
    stop();
    expect(heard).to.deep.equal(['a', 'b', 'b']);
  });

  describe('<sonet-user-id-field>', () => {
    it('announces a warning when it appears, not on every keystroke that keeps it', async () => {
      const el = await fixture<SonetUserIdField>(html`<sonet-user-id-field name="user_id"></sonet-user-id-field>`);
      const region = el.querySelector('[role="status"]')!;
      expect(region, 'the region is there before any text').to.exist;
      const {heard, stop} = listen(region);
      const input = el.input!;
      await typeEach(el, input, 'ｔａｒｏ＿ｓ＠ａａ２');
      expect(heard).to.have.length(1);
      expect(heard[0]).to.contain('全角');
      // ASCII typed on: the full-width warning stays, nothing new is said.
      await sendKeys({type: 'x'});
      await settle(el);
      await typeEach(el, input, '．ｓｏ－ｎｅｔ．ｎｅ．ｊｐ');
      expect(heard, 'the full-domain warning, once').to.have.length(2);
      expect(heard[1]).to.contain('so-net.ne.jp');
      el.querySelector<HTMLButtonElement>('[part~="fix"]')!.click();
      await settle(el);
      for (let i = 0; i < 3; i++) {
        await sendKeys({press: 'Backspace'});
        await settle(el);
      }
      expect(heard, 'nothing said when warnings go away or while fixing').to.have.length(2);
      expect(el.querySelector('[role="status"]')).to.equal(region);
      stop();
    });

    it('announces the blur-time warning once, and again only when it comes back', async () => {
      const form = await fixture<HTMLFormElement>(html`<form><sonet-user-id-field name="user_id"></sonet-user-id-field><input aria-label="next" /></form>`);
      const el = form.querySelector<SonetUserIdField>('sonet-user-id-field')!;
      const next = form.querySelector<HTMLInputElement>('input[aria-label="next"]')!;
      const {heard, stop} = listen(el.querySelector('[role="status"]')!);
      el.input!.focus();
      await sendKeys({type: 'taro_s'});
      await settle(el);
      expect(heard, 'nothing while typing').to.deep.equal([]);
      next.focus();
      await settle(el);
      el.input!.focus();
      await settle(el);
      next.focus();
      await settle(el);
      expect(heard, 'said once; leaving again with the same value says nothing new').to.have.length(1);
      expect(heard[0]).to.contain('aa2');
      stop();
    });
  });

  describe('<sonet-password-field>', () => {
    it('announces Caps Lock once however many keys are pressed with it on', async () => {
      const el = await fixture<SonetPasswordField>(html`<sonet-password-field name="password"></sonet-password-field>`);
      const {heard, stop} = listen(el.querySelector('[role="status"]')!);
      const input = el.input!;
      input.focus();
      for (let i = 0; i < 5; i++) {
        input.dispatchEvent(capsKey(true));
        await settle(el);
      }
      expect(heard).to.have.length(1);
      expect(heard[0]).to.contain('Caps Lock');
      input.dispatchEvent(capsKey(false));
      await settle(el);
      expect(heard, 'turning it off says nothing').to.have.length(1);
      stop();
    });

    it('announces showing and hiding once each, and nothing while typing with the password shown', async () => {
      const el = await fixture<SonetPasswordField>(html`<sonet-password-field name="password"></sonet-password-field>`);
      const {heard, stop} = listen(el.querySelector('[role="status"]')!);
      el.input!.focus();
      await sendKeys({type: 'abc'});
      await settle(el);
      el.querySelector<HTMLButtonElement>('[part~="toggle"]')!.click();
      await settle(el);
      el.input!.focus();
      // Look-alikes come and go while shown: information, never announced.
      await sendKeys({type: 'Il1O0o'});
      await settle(el);
      el.querySelector<HTMLButtonElement>('[part~="toggle"]')!.click();
      await settle(el);
      expect(heard).to.have.length(2);
      expect(heard[0]).to.contain('表示しています');
      expect(heard[1]).to.contain('隠しました');
      stop();
    });

    it('announces a full-width warning once across many full-width keystrokes', async () => {
      const el = await fixture<SonetPasswordField>(html`<sonet-password-field name="password"></sonet-password-field>`);
      const {heard, stop} = listen(el.querySelector('[role="status"]')!);
      await typeEach(el, el.input!, 'ｐａｓｓｗｏｒｄ');
      expect(heard).to.have.length(1);
      expect(heard[0]).to.contain('全角');
      stop();
    });
  });

  describe('<sonet-login-form>', () => {
    afterEach(() => sinon.restore());

    it('announces field warnings once each and the success once', async () => {
      stubFetch(() => jsonResponse(200, {ok: true}));
      const el = await fixture<SonetLoginForm>(html`<sonet-login-form action="/api/login"></sonet-login-form>`);
      const userId = el.querySelector<HTMLInputElement>('input[autocomplete~="username"]')!;
      // Before any use the form shows only the password's region (with its toggle); the first
      // focus puts the others in place, before anything is typed.
      userId.focus();
      await el.updateComplete;
      const regions = [...el.querySelectorAll('[role="status"]')];
      expect(regions.length, 'ID, password and form status regions exist before anything is typed').to.be.at.least(3);
      const listeners = regions.map((r) => listen(r));
      const password = el.querySelector<HTMLInputElement>('input[type="password"]')!;
      await typeEach(el, userId, 'ｔａｒｏ＿ｓ＠ａａ２');
      await typeEach(el, password, 'ｐａｓｓ');
      el.querySelector<HTMLButtonElement>('[part~="fix"]')!.click();
      await settle(el);
      const success = oneEvent(el, 'sonet-login-success');
      el.form!.requestSubmit();
      await success;
      await settle(el);
      listeners.forEach((l) => l.stop());
      // Each region says each thing once.
      for (const {heard} of listeners) expect(new Set(heard).size, JSON.stringify(heard)).to.equal(heard.length);
      const heard = listeners.flatMap((l) => l.heard);
      expect(heard.filter((h) => h.includes('全角'))).to.have.length(2); // once per field
      expect(heard.some((h) => /ログインしました/.test(h))).to.equal(true);
    });
  });
});
