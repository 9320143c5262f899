// <sonet-login-form> before and after its behaviour arrives. This page loads the element from
// `/__held/<token>/src/…` (test/plugins/offline-modules.mjs): the behaviour module is held by the
// dev server until the page releases it, so everything below happens on the skeleton alone. One
// writer per node: the toggle, the inputs and the regions the member used are the same nodes
// after the hand-over, and nothing they did is lost.
import {expect, fixture, html} from '@open-wc/testing';
import {executeServerCommand} from '@web/test-runner-commands';
import type {SonetLoginForm} from '../../src/components/login-form/login-form.js';
import type {SonetLoginSubmitEvent} from '../../src/components/login-form/login-form.events.js';
import {expectSameNode} from '../support/dom-assert.js';
import {typeText} from '../support/typing.js';

const TOKEN = `handover-${Math.random().toString(36).slice(2)}`;
const HELD_ELEMENT = `/__held/${TOKEN}/src/components/login-form/login-form.ts`;

const userIdInput = (el: SonetLoginForm) => el.querySelector<HTMLInputElement>('input[autocomplete="username"]')!;
const passwordInput = (el: SonetLoginForm) => el.querySelector<HTMLInputElement>('input[autocomplete="current-password"]')!;
const toggleOf = (el: SonetLoginForm) => el.querySelector<HTMLButtonElement>('[part~="toggle"]')!;
const codes = (el: Element) => [...el.querySelectorAll('[part~="warning"]')].map((w) => w.getAttribute('data-code'));

describe('<sonet-login-form> hand-over from its skeleton to its behaviour', () => {
  let revealing: SonetLoginForm;
  let typing: SonetLoginForm;
  let submitting: SonetLoginForm;
  let toggle: HTMLButtonElement;
  let typedInput: HTMLInputElement;
  const before_: {live: boolean[]; shown?: string; pressed?: string; warnings?: Array<string | null>} = {live: []};
  /**
   * What the forms showed once the behaviour had attached, taken in `before()`: the fixtures are
   * removed after the first test.
   */
  let after: {
    focus: Element | null;
    caret: Array<number | null>;
    live: boolean[];
    shown: string;
    pressed: string | null;
    toggle: Element | null;
    password: string;
    passwordWarnings: Array<string | null>;
    userIdInput: Element | null;
    userId: string;
    userIdWarnings: Array<string | null>;
  };
  const submits: FormData[] = [];

  before(async () => {
    await import(/* @vite-ignore */ HELD_ELEMENT);
    await customElements.whenDefined('sonet-login-form');
    const page = await fixture<HTMLDivElement>(html`<div>
      <sonet-login-form id="revealing" reveal-timeout="600000"></sonet-login-form>
      <sonet-login-form id="typing"></sonet-login-form>
      <sonet-login-form id="submitting"></sonet-login-form>
    </div>`);
    [revealing, typing, submitting] = [...page.querySelectorAll<SonetLoginForm>('sonet-login-form')] as [
      SonetLoginForm,
      SonetLoginForm,
      SonetLoginForm,
    ];

    // The first click on the toggle, with the password field empty, then typing.
    toggle = toggleOf(revealing);
    toggle.click();
    passwordInput(revealing).focus();
    await typeText('ｐａｓｓ');
    before_.shown = passwordInput(revealing).type;
    before_.pressed = toggle.getAttribute('aria-pressed') ?? undefined;

    // Typing in the user ID, the caret moved back into the middle, focus kept there.
    typedInput = userIdInput(typing);
    typedInput.focus();
    await typeText('ｔａｒｏ_s@aa2');
    typedInput.setSelectionRange(3, 3);
    before_.warnings = codes(typing);

    // A submit (event mode: no action) before the behaviour arrived.
    submitting.addEventListener('sonet-login-submit', (event: SonetLoginSubmitEvent) => {
      event.preventDefault();
      submits.push(event.formData);
    });
    userIdInput(submitting).value = 'taro_s@aa2';
    passwordInput(submitting).value = 'Sonet-Demo1';
    submitting.form!.requestSubmit();

    before_.live = [revealing.live, typing.live, submitting.live];
    await executeServerCommand('release-behaviour', {token: TOKEN});
    await Promise.all([revealing.updateComplete, typing.updateComplete, submitting.updateComplete]);
    after = {
      focus: document.activeElement,
      caret: [typedInput.selectionStart, typedInput.selectionEnd],
      live: [revealing.live, typing.live, submitting.live],
      shown: passwordInput(revealing).type,
      pressed: toggle.getAttribute('aria-pressed'),
      toggle: toggleOf(revealing),
      password: passwordInput(revealing).value,
      passwordWarnings: codes(passwordInput(revealing).closest('.sonet-field')!),
      userIdInput: userIdInput(typing),
      userId: typedInput.value,
      userIdWarnings: codes(typing),
    };
  });

  it('had no behaviour while the module was held', () => {
    expect(before_.live).to.deep.equal([false, false, false]);
    expect(before_.warnings, 'warnings start with the behaviour').to.deep.equal([]);
    expect(after.live).to.deep.equal([true, true, true]);
  });

  it('shows the password on the first click of the toggle, before the behaviour arrives', () => {
    expect(before_.shown).to.equal('text');
    expect(before_.pressed).to.equal('true');
  });

  it('keeps the password shown, and the same toggle, when the behaviour attaches', () => {
    expect(after.shown).to.equal('text');
    expectSameNode(after.toggle, toggle, 'toggle');
    expect(after.pressed).to.equal('true');
    expect(after.password).to.equal('ｐａｓｓ');
    // The behaviour's reveal caution, and its analysis of what was typed while it loaded.
    expect(after.passwordWarnings).to.include.members(['full-width', 'reveal-caution']);
  });

  it('keeps the value, the caret and the focus of the field the member was typing in', () => {
    expectSameNode(after.userIdInput, typedInput, 'input');
    expect(after.userId).to.equal('ｔａｒｏ_s@aa2');
    expectSameNode(after.focus, typedInput, 'focus');
    expect(after.caret).to.deep.equal([3, 3]);
  });

  it('analyses what was typed before it arrived', () => {
    expect(after.userIdWarnings).to.include('full-width');
  });

  it('sends a submit made before it arrived, once', () => {
    expect(submits).to.have.length(1);
    expect(submits[0]!.get('user_id')).to.equal('taro_s@aa2');
    expect(submits[0]!.get('password')).to.equal('Sonet-Demo1');
  });
});
