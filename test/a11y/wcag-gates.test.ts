// The accessibility gate of issue 7: axe with the WCAG 2.0/2.1/2.2 A and AA tags (test/a11y/
// axe-gate.ts) on every element in every state it can show, in Japanese and English, in every
// engine. The element tests run axe's default set on a few states each; this file walks all of
// them with the explicit WCAG 2.2 set (which adds target-size, off in axe's defaults).
import {expect, fixture, html, oneEvent, waitUntil} from '@open-wc/testing';
import sinon from 'sinon';
import '../../src/components/error-help/error-help.js';
import '../../src/components/login-form/login-form.js';
import '../../src/components/maintenance-notice/maintenance-notice.js';
import '../../src/components/password-field/password-field.js';
import '../../src/components/user-id-field/user-id-field.js';
import {SonetErrorHelp} from '../../src/components/error-help/error-help.js';
import type {SonetLoginForm} from '../../src/components/login-form/login-form.js';
import type {SonetMaintenanceNotice} from '../../src/components/maintenance-notice/maintenance-notice.js';
import type {SonetPasswordField} from '../../src/components/password-field/password-field.js';
import type {SonetUserIdField} from '../../src/components/user-id-field/user-id-field.js';
import {FAILURE_COUNT_KEY} from '../../src/lib/failure-counter.js';
import {LOGIN_ERROR_CODES} from '../../src/lib/login-response.js';
import {setSonetLocale} from '../../src/localization.js';
import {expectAccessible, wcagRuleIds} from './axe-gate.js';
import {jsonResponse, stubFetch} from '../support/fetch-stub.js';

const LOCALES = ['ja', 'en'] as const;
const HOUR = 3600_000;

/** Inserts text as an IME commit or a paste does (real input events through the editing pipeline). */
function insert(input: HTMLInputElement, text: string): void {
  input.focus();
  input.select();
  document.execCommand('insertText', false, text);
}

describe('WCAG 2.2 A/AA gate', function () {
  this.timeout(20000);

  afterEach(() => setSonetLocale('ja'));

  describe('the gate itself', () => {
    it('runs the WCAG 2.0, 2.1 and 2.2 rules, target size included', async () => {
      const ids = await wcagRuleIds();
      expect(ids).to.include.members(['label', 'button-name', 'color-contrast', 'aria-valid-attr-value', 'target-size', 'link-name']);
    });

    it('fails on a page that breaks them', async () => {
      const bad = await fixture(html`<div>
        <input type="text" />
        <button style="width: 10px; height: 10px; padding: 0; border: 0"></button>
        <button style="width: 10px; height: 10px; padding: 0; border: 0; position: relative; left: 2px" aria-label="x"></button>
      </div>`);
      let message = '';
      try {
        await expectAccessible(bad);
      } catch (error) {
        message = String(error);
      }
      expect(message).to.contain('label');
      expect(message).to.contain('button-name');
      expect(message).to.contain('target-size');
    });
  });

  describe('<sonet-error-help>', () => {
    for (const locale of LOCALES) {
      for (const code of LOGIN_ERROR_CODES) {
        it(`passes for ${code} (${locale}), every disclosure open`, async () => {
          await setSonetLocale(locale);
          const el = await fixture<SonetErrorHelp>(
            html`<sonet-error-help code=${code} retry-after="600" server-code="E-1" heading-level="3"></sonet-error-help>`
          );
          await el.ready;
          await el.updateComplete;
          for (const details of el.shadowRoot!.querySelectorAll('details')) details.open = true;
          await expectAccessible(el, `${code} ${locale}`);
        });
      }
    }

    it('passes while the steps load and when they cannot be loaded', async () => {
      let fail: (error: Error) => void = () => {};
      class FailingHelp extends SonetErrorHelp {
        protected static override loadGuidance = () =>
          new Promise<typeof import('../../src/components/error-help/guidance.js')>((_resolve, reject) => {
            fail = reject;
          });
      }
      customElements.define('wcag-failing-error-help', FailingHelp);
      const el = await fixture<FailingHelp>(html`<wcag-failing-error-help code="SS503"></wcag-failing-error-help>`);
      await expectAccessible(el, 'loading');
      fail(new Error('offline'));
      await el.ready;
      expect(el.shadowRoot!.querySelector('.body button')).to.exist;
      await expectAccessible(el, 'load failed');
    });

    it('passes when the wait is over and after copying the support information', async () => {
      const el = await fixture<SonetErrorHelp>(html`<sonet-error-help code="locked" retry-at="1"></sonet-error-help>`);
      await el.ready;
      await el.copySupportInfo();
      await el.updateComplete;
      await expectAccessible(el, 'done, copied');
    });
  });

  describe('<sonet-maintenance-notice>', () => {
    const now = Date.now();
    const feeds: Record<string, unknown> = {
      incident: {version: 1, incident: {title: {ja: 'ログインしにくい状態です', en: 'Login trouble'}, since: new Date(now - HOUR).toISOString(), until: new Date(now + HOUR).toISOString()}},
      maintenance: {version: 1, maintenance: [{start: new Date(now - HOUR).toISOString(), end: new Date(now + HOUR).toISOString(), services: ['マイページ', 'So-net Webメール']}]},
      upcoming: {version: 1, maintenance: [{start: new Date(now + 5 * HOUR).toISOString(), end: new Date(now + 6 * HOUR).toISOString(), title: {ja: '定期メンテナンス'}}]},
      nothing: {version: 1},
    };
    for (const locale of LOCALES) {
      for (const [kind, feed] of Object.entries(feeds)) {
        it(`passes showing ${kind} (${locale})`, async () => {
          await setSonetLocale(locale);
          const src = `data:application/json,${encodeURIComponent(JSON.stringify(feed))}`;
          const el = await fixture<SonetMaintenanceNotice>(html`<sonet-maintenance-notice src=${src} heading-level="3"></sonet-maintenance-notice>`);
          await el.ready;
          expect(el.hidden).to.equal(kind === 'nothing');
          await expectAccessible(el, `${kind} ${locale}`);
        });
      }
    }
  });

  describe('<sonet-user-id-field>', () => {
    const states: Array<[name: string, value: string, blur: boolean]> = [
      ['empty', '', false],
      ['full-width with its fix', 'ｔａｒｏ＿ｓ＠ａａ２', false],
      ['kana with its romaji fix', 'たろう', false],
      ['spaces and invisible characters', ' taro\u200b_s @aa2', false],
      ['the full domain', 'taro_s@aa2.so-net.ne.jp', false],
      ['no subdomain, after leaving the field', 'taro_s', true],
      ['not an ID, after leaving the field', 'taro#s@aa2', true],
      ['a paste far too long', 'x'.repeat(400), false],
    ];
    for (const locale of LOCALES) {
      for (const [name, value, blur] of states) {
        it(`passes with ${name} (${locale})`, async () => {
          await setSonetLocale(locale);
          const el = await fixture<SonetUserIdField>(html`<sonet-user-id-field name="user_id" required></sonet-user-id-field>`);
          if (value) insert(el.input!, value);
          if (blur) el.input!.blur();
          await el.updateComplete;
          // The romaji fix arrives once wanakana is loaded.
          if (value === 'たろう') await waitUntil(() => el.querySelector('[part~="fix"]'), 'the romaji fix', {timeout: 5000});
          if (value) expect(el.querySelectorAll('[part~="warning"]').length, 'warnings shown').to.be.greaterThan(0);
          await expectAccessible(el, `${name} ${locale}`);
        });
      }
      it(`passes disabled (${locale})`, async () => {
        await setSonetLocale(locale);
        const el = await fixture<SonetUserIdField>(html`<sonet-user-id-field name="user_id" disabled value="taro_s@aa2"></sonet-user-id-field>`);
        await expectAccessible(el, `disabled ${locale}`);
      });
    }
  });

  describe('<sonet-password-field>', () => {
    const capsLock = (on: boolean) => new KeyboardEvent('keydown', {key: 'A', modifierCapsLock: on, bubbles: true, composed: true});
    const states: Array<[name: string, value: string, options: {shown?: boolean; caps?: boolean}]> = [
      ['empty', '', {}],
      ['hidden, with warnings', 'ｐａｓｓ　word ', {}],
      ['shown, with look-alikes and the caution', 'Il1O0o-pass', {shown: true}],
      ['shown, with kana', 'ぱすわーど', {shown: true}],
      ['Caps Lock on and a case-inverted password', 'pASSWORD1', {caps: true}],
      ['a paste far too long', 'y'.repeat(1100), {}],
    ];
    for (const locale of LOCALES) {
      for (const [name, value, {shown, caps}] of states) {
        it(`passes ${name} (${locale})`, async () => {
          await setSonetLocale(locale);
          const el = await fixture<SonetPasswordField>(html`<sonet-password-field name="password" required></sonet-password-field>`);
          if (value) insert(el.input!, value);
          if (shown) el.revealed = true;
          if (caps) el.input!.dispatchEvent(capsLock(true));
          await el.updateComplete;
          await expectAccessible(el, `${name} ${locale}`);
        });
      }
      it(`passes disabled (${locale})`, async () => {
        await setSonetLocale(locale);
        const el = await fixture<SonetPasswordField>(html`<sonet-password-field name="password" disabled></sonet-password-field>`);
        await expectAccessible(el, `disabled ${locale}`);
      });
    }
  });

  describe('<sonet-login-form>', () => {
    afterEach(() => {
      sinon.restore();
      sessionStorage.removeItem(FAILURE_COUNT_KEY);
    });

    const guidanceReady = async (el: SonetLoginForm) => {
      const help = el.querySelector<SonetErrorHelp>('sonet-error-help');
      await help?.ready;
      // The notices module arrives with the guidance; render with it (see test/fuzz/form-robustness.test.ts).
      await import('../../src/components/login-form/login-form.notices.js');
      el.requestUpdate();
      await el.updateComplete;
      for (const details of help?.shadowRoot?.querySelectorAll('details') ?? []) details.open = true;
    };

    for (const locale of LOCALES) {
      it(`passes idle, with its own form and with the page's form (${locale})`, async () => {
        await setSonetLocale(locale);
        const own = await fixture<SonetLoginForm>(html`<sonet-login-form action="/api/login"></sonet-login-form>`);
        await expectAccessible(own, `own form ${locale}`);
        const page = await fixture<SonetLoginForm>(html`<sonet-login-form>
          <form method="post" action="/api/login">
            <label for="wg-uid">ユーザーID</label><input id="wg-uid" name="user_id" autocomplete="username" />
            <label for="wg-pw">ユーザーIDパスワード</label><input id="wg-pw" name="password" type="password" autocomplete="current-password" />
            <button>ログイン</button>
          </form>
        </sonet-login-form>`);
        await expectAccessible(page, `page form ${locale}`);
      });

      it(`passes with warnings, a fix, the password shown and Caps Lock on (${locale})`, async () => {
        await setSonetLocale(locale);
        const el = await fixture<SonetLoginForm>(html`<sonet-login-form action="/api/login"></sonet-login-form>`);
        insert(el.querySelector<HTMLInputElement>('input[autocomplete~="username"]')!, 'ｔａｒｏ＿ｓ　@aa2.so-net.ne.jp');
        const password = el.querySelector<HTMLInputElement>('input[type="password"]')!;
        insert(password, 'pASSWORD1 Il1');
        password.dispatchEvent(new KeyboardEvent('keydown', {key: 'A', modifierCapsLock: true, bubbles: true, composed: true}));
        el.querySelector<HTMLButtonElement>('[part~="toggle"]')!.click();
        await el.updateComplete;
        expect(el.querySelector('[part~="fix"]')).to.exist;
        await expectAccessible(el, `warnings ${locale}`);
      });

      it(`passes while busy (${locale})`, async () => {
        await setSonetLocale(locale);
        stubFetch(() => new Promise<Response>(() => {}));
        const el = await fixture<SonetLoginForm>(html`<sonet-login-form action="/api/login"></sonet-login-form>`);
        insert(el.querySelector<HTMLInputElement>('input[autocomplete~="username"]')!, 'taro_s@aa2');
        insert(el.querySelector<HTMLInputElement>('input[type="password"]')!, 'secret');
        el.form!.requestSubmit();
        await el.updateComplete;
        expect(el.busy).to.equal(true);
        await expectAccessible(el, `busy ${locale}`);
      });

      for (const code of LOGIN_ERROR_CODES) {
        it(`passes with the guidance for ${code}, lockout and autofill notices and the checklist (${locale})`, async () => {
          await setSonetLocale(locale);
          sessionStorage.setItem(FAILURE_COUNT_KEY, '3');
          stubFetch(() => jsonResponse(401, {code}));
          const el = await fixture<SonetLoginForm>(html`<sonet-login-form action="/api/login"></sonet-login-form>`);
          // Filled without key presses, as a password manager does: the autofill notice shows too.
          for (const [selector, value] of [['input[autocomplete~="username"]', 'taro_s@aa2'], ['input[type="password"]', 'old-pass']]) {
            const input = el.querySelector<HTMLInputElement>(selector)!;
            input.value = value;
            input.dispatchEvent(new Event('input', {bubbles: true}));
          }
          const failed = oneEvent(el, 'sonet-login-error');
          el.form!.requestSubmit();
          await failed;
          await waitUntil(() => el.querySelector('sonet-error-help'), 'guidance', {timeout: 5000});
          await guidanceReady(el);
          if (code === 'invalid-credentials') expect(el.querySelector('[part~="lockout"]') && el.querySelector('[part~="autofill"]')).to.exist;
          await expectAccessible(el, `${code} ${locale}`);
        });
      }

      it(`passes after a successful login (${locale})`, async () => {
        await setSonetLocale(locale);
        const el = await fixture<SonetLoginForm>(html`<sonet-login-form></sonet-login-form>`);
        await el.showSuccess();
        await el.updateComplete;
        expect(el.querySelector('.sonet-login-form__status')!.textContent!.trim()).to.not.equal('');
        await expectAccessible(el, `success ${locale}`);
      });

      it(`passes with the cookie guidance when cookies are off (${locale})`, async () => {
        await setSonetLocale(locale);
        Object.defineProperty(document, 'cookie', {configurable: true, get: () => '', set: () => {}});
        try {
          const el = await fixture<SonetLoginForm>(html`<sonet-login-form action="/api/login"></sonet-login-form>`);
          await waitUntil(() => el.querySelector('sonet-error-help'), 'cookie guidance', {timeout: 5000});
          await guidanceReady(el);
          await expectAccessible(el, `cookies off ${locale}`);
        } finally {
          delete (document as unknown as {cookie?: string}).cookie;
        }
      });
    }
  });
});
