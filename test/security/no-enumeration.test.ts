// No user enumeration in the elements' own wording (OWASP ASVS V6.3.8 / WSTG-IDNT-04): after a
// failed login the form never says which of the two fields was wrong — not in the heading, the
// guidance, the notices or the checklist, in Japanese or in English — and marks neither input
// alone as invalid. Every sentence that says something is wrong names both fields or neither.
import {expect, fixture, html, oneEvent} from '@open-wc/testing';
import sinon from 'sinon';
import '../../src/components/error-help/error-help.js';
import '../../src/components/login-form/login-form.js';
import type {SonetErrorHelp} from '../../src/components/error-help/error-help.js';
import type {SonetLoginForm} from '../../src/components/login-form/login-form.js';
import {FAILURE_COUNT_KEY} from '../../src/lib/failure-counter.js';
import {setSonetLocale} from '../../src/localization.js';
import {jsonResponse, stubFetch} from '../support/fetch-stub.js';

/** The text a member sees: light DOM and shadow roots, hidden parts and live regions excluded. */
function visibleText(root: Node): string {
  let text = '';
  const walk = (node: Node) => {
    if (node instanceof Element) {
      if (node.closest('[hidden], [aria-hidden="true"]')) return;
      if (node.localName === 'style' || node.localName === 'script') return;
    }
    if (node.nodeType === Node.TEXT_NODE) text += (node as Text).data;
    for (const child of node.childNodes) walk(child);
    if (node instanceof Element && node.shadowRoot) walk(node.shadowRoot);
    if (node instanceof Element && /^(p|li|h\d|dt|dd|div|summary|button|a|label)$/.test(node.localName)) text += '\n';
  };
  walk(root);
  return text;
}

/** Sentences, split at Japanese and English sentence ends and at block boundaries. */
function sentences(text: string): string[] {
  return text
    .split(/(?<=[。！？])|(?<=[.!?])\s+|\n+/)
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

// Saying a value is wrong, unknown or missing in the system — about a subject (が/は …), not
// advice such as 「入力の誤りを防げます」 or "type it in half-width".
const WRONG =
  /(?:が|は)\s?(?:正しくありません|間違って|違って|誤って|存在しません|登録されていません|見つかりません|一致しません)|incorrect|wrong|invalid|not (?:be )?found|no (?:account|user)|does(?:n't| not) exist|not registered|unknown (?:user|account|ID)|does(?:n't| not) match/i;
const ID = /ユーザー\s?ID(?!\s?パスワード)|(?<![a-z])ID(?!\s?(?:パスワード|password))|user\s?ID(?! password)/i;
const PASSWORD = /パスワード|password/i;

/** The sentences that call exactly one of the two fields wrong. */
function enumerating(text: string): string[] {
  return sentences(text).filter((s) => WRONG.test(s) && ID.test(s) !== PASSWORD.test(s));
}

describe('no user enumeration', function () {
  this.timeout(20000);

  afterEach(async () => {
    sinon.restore();
    sessionStorage.removeItem(FAILURE_COUNT_KEY);
    await setSonetLocale('ja');
  });

  it('flags a sentence that names one field as wrong (the check itself works)', () => {
    expect(enumerating('ユーザーID が正しくありません。')).to.have.length(1);
    expect(enumerating('このユーザーIDは登録されていません。')).to.have.length(1);
    expect(enumerating('パスワードが間違っています。')).to.have.length(1);
    expect(enumerating('The password is incorrect.')).to.have.length(1);
    expect(enumerating('No account was found for this user ID.')).to.have.length(1);
    expect(enumerating('ユーザーID またはユーザーIDパスワードが正しくありません。The user ID or password is incorrect.')).to.deep.equal([]);
    expect(enumerating('パスワードは半角英数字で入力してください。')).to.deep.equal([]);
  });

  for (const locale of ['ja', 'en'] as const) {
    it(`says in ${locale} only that the ID or the password is wrong, never which, through three failures`, async () => {
      await setSonetLocale(locale);
      stubFetch(() => jsonResponse(401, {code: 'invalid_credentials'}));
      const el = await fixture<SonetLoginForm>(html`<sonet-login-form action="/api/login"></sonet-login-form>`);
      const userId = el.querySelector<HTMLInputElement>('input[autocomplete~="username"]')!;
      const password = el.querySelector<HTMLInputElement>('input[type="password"]')!;
      userId.value = 'taro_s@aa2';
      for (let i = 0; i < 3; i++) {
        password.value = `wrong-${i}`;
        const failed = oneEvent(el, 'sonet-login-error');
        el.form!.requestSubmit();
        await failed;
        const help = el.querySelector<SonetErrorHelp>('sonet-error-help')!;
        await help.ready;
        await el.updateComplete;
      }
      // The lockout notice, the checklist and the guidance are all there now.
      expect(el.querySelector('[part~="lockout"]')).to.exist;
      expect(el.querySelector('[part~="checklist"]')).to.exist;
      const help = el.querySelector<SonetErrorHelp>('sonet-error-help')!;
      const heading = visibleText(help.shadowRoot!.querySelector('[part~="heading"]')!);
      expect(ID.test(heading) && PASSWORD.test(heading), `the heading names both fields: ${heading}`).to.equal(true);
      expect(heading).to.match(locale === 'ja' ? /または/ : / or /);

      const text = visibleText(el);
      expect(text.length).to.be.greaterThan(200);
      expect(enumerating(text)).to.deep.equal([]);

      // Neither input is marked as the wrong one.
      for (const input of [userId, password]) expect(input.getAttribute('aria-invalid'), input.type).not.to.equal('true');
      const warnings = (input: HTMLInputElement) =>
        (input.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean).map((id) => visibleText(document.getElementById(id) ?? document.createElement('i'))).join(' ');
      expect(enumerating(warnings(userId) + '\n' + warnings(password))).to.deep.equal([]);
    });
  }

  for (const code of ['invalid-credentials', 'SS503', 'locked', 'unknown'] as const) {
    for (const locale of ['ja', 'en'] as const) {
      it(`<sonet-error-help code="${code}"> never names one field as the wrong one (${locale})`, async () => {
        await setSonetLocale(locale);
        const el = await fixture<SonetErrorHelp>(html`<sonet-error-help code=${code}></sonet-error-help>`);
        await el.ready;
        for (const details of el.shadowRoot!.querySelectorAll('details')) details.open = true;
        expect(enumerating(visibleText(el.shadowRoot!))).to.deep.equal([]);
      });
    }
  }
});
