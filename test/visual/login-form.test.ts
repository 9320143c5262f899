/**
 * Screenshots of `<sonet-login-form>`'s key states at a phone width (375 px) and a desktop width
 * (1280 px), compared with the committed baselines in `screenshots/chromium/baseline/` (issue 19
 * item 7). A changed look fails here until the baselines are updated on purpose:
 * `npm run test:visual:update` (README, "Visual regression").
 *
 * Chromium only (web-test-runner.config.mjs leaves this file out of the other engines' runs).
 * Each picture must be the same on every run and every CI machine, so nothing in it may depend
 * on the moment or the machine: the clock is frozen while a state renders (the SS503 countdown
 * reads "あと 10 分"), the time zone is Asia/Tokyo, the font is the system's Noto Sans CJK JP
 * (Debian `fonts-noto-cjk`, installed by `.ci/run`), and the caret and any animation are off.
 */
import {fixture, html, waitUntil} from '@open-wc/testing';
import {emulateMedia, executeServerCommand, setViewport} from '@web/test-runner-commands';
import {visualDiff} from '@web/test-runner-visual-regression';
import '../../src/components/login-form/login-form.js';
import type {SonetLoginForm} from '../../src/components/login-form/login-form.js';
import {FAILURE_COUNT_KEY} from '../../src/lib/failure-counter.js';
import {LOGIN_ERROR_CODES} from '../../src/lib/login-response.js';
import {setSonetLocale} from '../../src/localization.js';
import {engine} from '../support/engine.js';
import {typeText} from '../support/typing.js';

/**
 * How long a state may take to appear. The warnings go live when the browser is idle (up to 2 s
 * after the form) and the help links, the romaji and the guidance are modules of their own: on a
 * busy CI machine each can take seconds. Waiting longer only costs time when something is wrong.
 */
const WAIT = {timeout: 15000};

/** The two screens: a phone and a desktop. */
const VIEWPORTS = [
  {width: 375, height: 740},
  {width: 1280, height: 800},
] as const;

/** 2026-01-15 10:00 in Tokyo: every wait and time shown counts from here. */
const FIXED_NOW = Date.UTC(2026, 0, 15, 1, 0, 0);
/** Codes whose guidance counts down a wait; ten minutes, as the demo server's lock. */
const RETRY_AFTER_SECONDS = 600;

/**
 * The page around the form: the page's font (the library inherits it) and a plain background
 * in either scheme. No caret (it blinks), no animation or transition (a frame in between).
 */
const PAGE_CSS = `
  html, body { margin: 0; }
  body {
    font-family: 'Noto Sans CJK JP', sans-serif;
    color-scheme: light dark;
    background: Canvas;
    color: CanvasText;
  }
  *, *::before, *::after {
    caret-color: transparent !important;
    animation: none !important;
    transition: none !important;
  }
  .stage { box-sizing: border-box; width: 100%; padding: 16px; background: Canvas; }
`;

const userIdInput = (el: SonetLoginForm) => el.querySelector<HTMLInputElement>('input[autocomplete="username"]')!;
const passwordInput = (el: SonetLoginForm) => el.querySelector<HTMLInputElement>('input[autocomplete="current-password"]')!;
const toggle = (el: SonetLoginForm) => el.querySelector<HTMLButtonElement>('[part~="toggle"]')!;
const warningCodes = (el: Element) => [...el.querySelectorAll('[part~="warning"]')].map((w) => w.getAttribute('data-code'));
const help = (el: SonetLoginForm) => el.querySelector<HTMLElement & {ready: Promise<void>}>('sonet-error-help');

/** The form in a full-width stage; the stage is what each picture shows. */
async function stage(): Promise<{stage: HTMLElement; form: SonetLoginForm}> {
  const root = await fixture<HTMLElement>(html`<div class="stage">
    <sonet-login-form action="/api/login"></sonet-login-form>
  </div>`);
  const form = root.querySelector<SonetLoginForm>('sonet-login-form')!;
  await form.updateComplete;
  return {stage: root, form};
}

/** Types into one input as a member does, then waits for the warnings `codes` (in order). */
async function typeInto(form: SonetLoginForm, input: HTMLInputElement, text: string, codes: string[]): Promise<void> {
  input.focus();
  await waitUntil(() => form.live, 'the warnings went live', WAIT);
  await typeText(text);
  const field = input.closest('.sonet-field')!;
  await waitUntil(() => JSON.stringify(warningCodes(field)) === JSON.stringify(codes), `the warnings ${codes.join(', ') || '(none)'}`, WAIT);
}

/** Resolves once `root`'s subtree has not changed for `quietMs` (lazy parts, typing pauses). */
function quiet(root: Node, quietMs = 600, timeoutMs = 8000): Promise<void> {
  return new Promise((resolve, reject) => {
    let timer = setTimeout(done, quietMs);
    const deadline = setTimeout(() => {
      observer.disconnect();
      clearTimeout(timer);
      reject(new Error(`the stage kept changing for ${timeoutMs} ms`));
    }, timeoutMs);
    const observer = new MutationObserver(() => {
      clearTimeout(timer);
      timer = setTimeout(done, quietMs);
    });
    observer.observe(root, {subtree: true, childList: true, attributes: true, characterData: true});
    function done() {
      observer.disconnect();
      clearTimeout(deadline);
      resolve();
    }
  });
}

/**
 * Waits until the picture is final: the help links (a module of their own, a moment after the
 * form), whatever renders after a typing pause (the characters line, the romaji suggestion), the
 * fonts, and two frames.
 */
async function settled(form: SonetLoginForm): Promise<void> {
  await waitUntil(() => form.querySelectorAll('[part~="links"] a').length === 4, 'the help links below the form', WAIT);
  await form.updateComplete;
  await quiet(form);
  await document.fonts.ready;
  for (let i = 0; i < 2; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
}

/** Shows the guidance for `code` as after a failed login, and waits until it is complete. */
async function fail(form: SonetLoginForm, code: string): Promise<void> {
  await form.showError(code, {retryAfterSeconds: RETRY_AFTER_SECONDS});
  const guidance = help(form)!;
  await guidance.ready;
  await waitUntil(() => guidance.shadowRoot?.activeElement, 'focus on the guidance heading', WAIT);
}

/** A fresh form after a failed login with `code`, compared as `shot`. */
async function expectFailureLook(code: string, shot: string): Promise<void> {
  const {stage: root, form} = await stage();
  userIdInput(form).value = 'taro_s@aa2';
  await fail(form, code);
  await settled(form);
  await visualDiff(root, shot);
}

/** A fresh form with `text` typed into the user ID, showing the warnings `codes`, compared as `shot`. */
async function expectUserIdWarningLook(text: string, codes: string[], shot: string): Promise<void> {
  const {stage: root, form} = await stage();
  await typeInto(form, userIdInput(form), text, codes);
  // The romaji suggestion comes with wanakana, loaded only when kana appear.
  if (codes.includes('kana')) {
    await waitUntil(() => form.querySelector('[part~="fix"]')?.textContent?.includes('tarou'), 'the romaji suggestion', WAIT);
  }
  await settled(form);
  await visualDiff(root, shot);
}

describe('<sonet-login-form> screenshots', function () {
  this.timeout(60000);
  const realNow = Date.now;
  let style: HTMLStyleElement;

  before(async function () {
    // A baseline is Chromium's pixels; the config runs this file in Chromium only.
    if (engine !== 'chromium') this.skip();
    style = document.createElement('style');
    style.textContent = PAGE_CSS;
    document.head.append(style);
    await executeServerCommand('visual-page', {timeZone: 'Asia/Tokyo'});
  });

  after(async () => {
    style?.remove();
    if (engine === 'chromium') await emulateMedia({colorScheme: 'light'});
  });

  beforeEach(() => {
    Date.now = () => FIXED_NOW;
    sessionStorage.removeItem(FAILURE_COUNT_KEY);
  });

  afterEach(async () => {
    Date.now = realNow;
    sessionStorage.removeItem(FAILURE_COUNT_KEY);
    if (document.documentElement.lang !== 'ja') {
      document.documentElement.lang = 'ja';
      await setSonetLocale('ja');
    }
  });

  for (const viewport of VIEWPORTS) {
    const name = (state: string) => `${viewport.width}/${state}`;

    describe(`at ${viewport.width}×${viewport.height}`, () => {
      beforeEach(async () => {
        await setViewport(viewport);
        await emulateMedia({colorScheme: 'light'});
      });

      it('empty form', async () => {
        const {stage: root, form} = await stage();
        await settled(form);
        await visualDiff(root, name('empty'));
      });

      describe('warnings', () => {
        const USER_ID_WARNINGS = [
          {state: 'full-width', text: 'ｔａｒｏ＿ｓ＠ａａ２', codes: ['full-width']},
          {state: 'kana', text: 'たろう', codes: ['kana']},
          {state: 'space', text: 'taro s@aa2', codes: ['space']},
          {state: 'full-domain', text: 'taro_s@aa2.so-net.ne.jp', codes: ['full-domain']},
        ];
        for (const {state, text, codes} of USER_ID_WARNINGS) {
          it(`user ID: ${state}`, async () => {
            await expectUserIdWarningLook(text, codes, name(`warning-${state}`));
          });
        }

        it('user ID: missing @subdomain, on leaving the field', async () => {
          const {stage: root, form} = await stage();
          await typeInto(form, userIdInput(form), 'taro_s', []);
          passwordInput(form).focus();
          const field = userIdInput(form).closest('.sonet-field')!;
          await waitUntil(() => warningCodes(field).includes('missing-subdomain'), 'the missing-subdomain hint', WAIT);
          await settled(form);
          await visualDiff(root, name('warning-missing-subdomain'));
        });

        it('password: Caps Lock on', async () => {
          const {stage: root, form} = await stage();
          passwordInput(form).focus();
          await waitUntil(() => form.live, 'the warnings went live', WAIT);
          // Headless browsers never turn Caps Lock on; a key event that says it is on does
          // (TOOLCHAIN.md).
          passwordInput(form).dispatchEvent(
            new KeyboardEvent('keydown', {key: 'A', modifierCapsLock: true, bubbles: true, composed: true})
          );
          await waitUntil(() => warningCodes(form).includes('caps-lock'), 'the Caps Lock warning', WAIT);
          await settled(form);
          await visualDiff(root, name('warning-caps-lock'));
        });

        it('password: inverted case (Caps Lock pattern)', async () => {
          const {stage: root, form} = await stage();
          await typeInto(form, passwordInput(form), 'sONET-dEMO1', ['caps-lock-pattern']);
          await settled(form);
          await visualDiff(root, name('warning-caps-lock-pattern'));
        });

        it('password: full-width characters and a space', async () => {
          const {stage: root, form} = await stage();
          await typeInto(form, passwordInput(form), 'Ｓｏｎｅｔ demo', ['full-width', 'space']);
          await settled(form);
          await visualDiff(root, name('warning-password-full-width-space'));
        });
      });

      it('revealed password with look-alike characters', async () => {
        const {stage: root, form} = await stage();
        await typeInto(form, userIdInput(form), 'taro_s@aa2', []);
        // The look-alike names show only while the password does.
        await typeInto(form, passwordInput(form), 'Il1O0-Demo', []);
        toggle(form).click();
        await waitUntil(() => passwordInput(form).type === 'text', 'the password shows', WAIT);
        await waitUntil(() => warningCodes(form).includes('look-alike'), 'the look-alike names', WAIT);
        await settled(form);
        await visualDiff(root, name('revealed'));
      });

      describe('failures', () => {
        for (const code of LOGIN_ERROR_CODES) {
          it(`guidance for ${code}`, async () => {
            await expectFailureLook(code, name(`failure-${code}`));
          });
        }
      });

      describe('dark scheme', () => {
        beforeEach(async () => {
          await emulateMedia({colorScheme: 'dark'});
        });

        it('a warning', async () => {
          await expectUserIdWarningLook('ｔａｒｏ＿ｓ＠ａａ２', ['full-width'], name('dark-warning'));
        });

        it('a failure (SS503)', async () => {
          await expectFailureLook('SS503', name('dark-failure-SS503'));
        });
      });

      describe('English', () => {
        beforeEach(async () => {
          document.documentElement.lang = 'en';
          await setSonetLocale('en');
        });

        it('a warning', async () => {
          await expectUserIdWarningLook('taro_s@aa2.so-net.ne.jp', ['full-domain'], name('en-warning'));
        });

        it('a failure (SS503)', async () => {
          await expectFailureLook('SS503', name('en-failure-SS503'));
        });
      });
    });
  }
});
