import type {Meta, StoryObj} from '@storybook/web-components-vite';
import {html} from 'lit';
import {ifDefined} from 'lit/directives/if-defined.js';
import {expect, waitFor} from 'storybook/test';
import type {SonetLoginForm} from '../src/components/login-form/login-form.js';
import '../src/components/login-form/login-form.js';
import '../src/components/error-help/error-help.js';
import {recordFailure, resetFailures} from '../src/lib/failure-counter.js';
import {LOGIN_ERROR_CODES} from '../src/lib/login-response.js';
import {designerControls, themeStyle, withoutControls, type ThemeArgs} from './controls.js';
import {canvasOnly, inDark, inEnglish, inForcedColors} from './looks.js';
import {loseConnection} from './offline.js';
import {find, guidance, pressWithCapsLock, tab, type, warning} from './play.js';

/**
 * `<sonet-login-form>`: the So-net member login form. It renders its own form when it is empty
 * (most stories) or enhances the one the page wrote ("Page form"). Live warnings appear while
 * the member types; after a failure, the guidance of `<sonet-error-help>` and the form's
 * notices appear above the form.
 *
 * The stories with a play function type into the form as a member does; the Interactions panel
 * shows each step. They are in the sidebar, not on this page: a failure moves focus to its
 * guidance. Never type a real So-net ID or password here.
 */
type Args = ThemeArgs & {
  'error-code': string;
  domain: string;
  'reveal-timeout': number;
  'heading-level': number;
  'user-id-label': string;
  'password-label': string;
  'submit-label': string;
};

/** What a designer sees change; `action`, `native`, `timeout`, the names and the links matter to a server. */
const controls = designerControls('sonet-login-form', [
  'error-code',
  'user-id-label',
  'password-label',
  'submit-label',
  'domain',
  'reveal-timeout',
  'heading-level',
]);

const meta: Meta<Args> = {
  title: 'Elements/sonet-login-form',
  component: 'sonet-login-form',
  render: (args) => html`<sonet-login-form
    style=${themeStyle(args)}
    error-code=${ifDefined(args['error-code'] === 'none' ? undefined : args['error-code'])}
    domain=${ifDefined(args.domain || undefined)}
    reveal-timeout=${ifDefined(args['reveal-timeout'] === 3000 ? undefined : args['reveal-timeout'])}
    heading-level=${ifDefined(args['heading-level'] === 2 ? undefined : args['heading-level'])}
    user-id-label=${ifDefined(args['user-id-label'] || undefined)}
    password-label=${ifDefined(args['password-label'] || undefined)}
    submit-label=${ifDefined(args['submit-label'] || undefined)}
  ></sonet-login-form>`,
  args: {
    'error-code': 'none',
    domain: '',
    'reveal-timeout': 3000,
    'heading-level': 2,
    'user-id-label': '',
    'password-label': '',
    'submit-label': '',
  },
  argTypes: {
    ...controls.argTypes,
    // 「none」 (no attribute, no failure shown), not a blank option. Not a `mapping` to '': the
    // docs page's controls show mapped values, and '' is no option there.
    'error-code': {
      control: {type: 'select', labels: {none: 'none (no failure)'}},
      options: ['none', ...LOGIN_ERROR_CODES],
    },
    'heading-level': {control: {type: 'number', min: 2, max: 6}},
  },
  // The count of consecutive failures lives in sessionStorage (per tab): every story starts
  // from zero, whatever was viewed before.
  beforeEach: () => resetFailures(sessionStorage),
  parameters: {layout: 'padded', ...controls.parameters},
};
export default meta;

type Story = StoryObj<Args>;

const form = (root: HTMLElement) => find<SonetLoginForm>(root, 'sonet-login-form');
const userIdInput = (root: HTMLElement) => find<HTMLInputElement>(root, 'sonet-login-form input[autocomplete="username"]');
const passwordInput = (root: HTMLElement) =>
  find<HTMLInputElement>(root, 'sonet-login-form input[autocomplete="current-password"]');

/** The markup of the README (「In a server-rendered page」). */
const pageForm = () => html`<sonet-login-form action="/login">
  <form method="post" action="/login">
    <label for="page-user-id">ユーザーID</label>
    <input id="page-user-id" name="user_id" autocomplete="username" autocapitalize="none" autocorrect="off" spellcheck="false" required />
    <label for="page-password">ユーザーIDパスワード</label>
    <input id="page-password" name="password" type="password" autocomplete="current-password" autocapitalize="none" autocorrect="off" spellcheck="false" required />
    <button>ログイン</button>
  </form>
</sonet-login-form>`;

/** Types 「taro_s」 and leaves the field: the missing-subdomain hint. */
async function leaveUserIdWithoutSubdomain({canvasElement}: {canvasElement: HTMLElement}): Promise<void> {
  await type(await userIdInput(canvasElement), 'taro_s');
  await tab();
  await warning(canvasElement, 'missing-subdomain');
}

/**
 * Every control at once: the attributes a designer sees act (a failure code shows its guidance,
 * the labels, the heading level) and the theming custom properties. Type into the form to see the
 * warnings in the colours chosen.
 */
export const Playground: Story = {};

// --- Empty and enhanced --------------------------------------------------------------------

/** The empty form the element renders: ユーザーID, ユーザーIDパスワード, パスワードを表示, ログイン, help links. */
export const Empty: Story = {};

/**
 * Progressive enhancement, with the markup the README tells My Page to write: a plain form (it
 * logs in without JavaScript; the user ID input has no `type`) that the element gives the
 * library's look — labels above the inputs, 16 px input text, inputs and button one width — and
 * adds the warnings, the toggle and the guidance around.
 */
export const PageForm: Story = {
  ...withoutControls,
  render: () => pageForm(),
};

/** The README's markup after leaving the user ID at 「taro_s」: the hint fills the room kept for it; nothing below moves. */
export const PageFormMissingSubdomain: Story = {
  ...withoutControls,
  ...canvasOnly,
  render: () => pageForm(),
  play: leaveUserIdWithoutSubdomain,
};

/** The labels and the button text replaced by the host (`user-id-label`, `password-label`, `submit-label`). */
export const CustomLabels: Story = {
  args: {'user-id-label': 'So-net ユーザーID', 'password-label': 'パスワード', 'submit-label': 'マイページにログイン'},
};

// --- Live warnings --------------------------------------------------------------------------

/** Full-width characters in the user ID (seed: 全角や半角): a warning naming them, and 「全角を半角に変換」. */
export const WarningFullWidth: Story = {
  ...canvasOnly,
  play: async ({canvasElement}) => {
    await type(await userIdInput(canvasElement), 'ｔａｒｏ＿ｓ＠ａａ２');
    await warning(canvasElement, 'full-width');
    await find(canvasElement, '[part~="fix"]');
  },
};

/** Kana typed with the IME on: a warning, and the romaji the member probably meant as a one-tap fix. */
export const WarningKanaWithRomaji: Story = {
  ...canvasOnly,
  play: async ({canvasElement}) => {
    await type(await userIdInput(canvasElement), 'たろう');
    await warning(canvasElement, 'kana');
    const fix = await find(canvasElement, '[part~="fix"]');
    await waitFor(() => expect(fix.textContent).toContain('tarou'));
  },
};

/** A space in the user ID (seed: スペース (空白) が入力された場合): a warning and 「スペースを削除」. */
export const WarningSpaces: Story = {
  ...canvasOnly,
  play: async ({canvasElement}) => {
    await type(await userIdInput(canvasElement), 'taro_s @aa2');
    await warning(canvasElement, 'space');
  },
};

/** Caps Lock on while typing the password (seed: 大文字や小文字を間違えて入力). */
export const WarningCapsLock: Story = {
  ...canvasOnly,
  play: async ({canvasElement}) => {
    const input = await passwordInput(canvasElement);
    await type(input, 'SONET');
    pressWithCapsLock(input);
    await warning(canvasElement, 'caps-lock');
  },
};

/** A password whose case looks inverted (`sONET-dEMO`): a hint to check Caps Lock. */
export const WarningCaseInverted: Story = {
  ...canvasOnly,
  play: async ({canvasElement}) => {
    await type(await passwordInput(canvasElement), 'sONET-dEMO');
    await warning(canvasElement, 'caps-lock-pattern');
  },
};

/** The full mail domain typed (seed: taro_s@aa2.so-net.ne.jp): 「ドメインを除く (taro_s@aa2)」. */
export const WarningFullDomain: Story = {
  ...canvasOnly,
  play: async ({canvasElement}) => {
    await type(await userIdInput(canvasElement), 'taro_s@aa2.so-net.ne.jp');
    await warning(canvasElement, 'full-domain');
  },
};

/**
 * Only the user name (seed: taro_s): on leaving the field, a hint to add the @subdomain, in the
 * room kept under the input for it — the password field and the button do not move.
 */
export const WarningMissingSubdomain: Story = {
  ...canvasOnly,
  play: leaveUserIdWithoutSubdomain,
};

/**
 * 「パスワードを表示」 pressed (its box ticked): the password in a font that tells I l 1 and O 0 o
 * apart, the look-alike characters named in the same font, and the caution to check nobody is
 * looking.
 */
export const RevealedPasswordWithLookAlikes: Story = {
  ...canvasOnly,
  play: async ({canvasElement}) => {
    const input = await passwordInput(canvasElement);
    await type(input, 'Il1-O0o-pass');
    (await find<HTMLButtonElement>(canvasElement, '[part~="toggle"]')).click();
    await warning(canvasElement, 'look-alike');
    await warning(canvasElement, 'reveal-caution');
    await expect(input.type).toBe('text');
  },
};

// --- Submission -----------------------------------------------------------------------------

/** Busy: the login is on its way; the button says 「ログインしています…」 and further submits are ignored. */
export const Busy: Story = {
  ...canvasOnly,
  play: async ({canvasElement}) => {
    const el = await form(canvasElement);
    // No action: the form hands the data to the host (`sonet-login-submit`) and stays busy
    // until the host calls showError() or showSuccess(), which this story never does.
    await type(await userIdInput(canvasElement), 'taro_s@aa2');
    await type(await passwordInput(canvasElement), 'demo-password');
    el.form!.requestSubmit();
    await waitFor(() => expect(el.busy).toBe(true));
  },
};

/** After `showSuccess()` without a redirect: 「ログインしました。」 */
export const Succeeded: Story = {
  ...canvasOnly,
  play: async ({canvasElement}) => {
    const el = await form(canvasElement);
    el.showSuccess();
    await waitFor(() => expect(el.querySelector('.sonet-login-form__status')?.textContent?.trim()).toBeTruthy());
  },
};

// --- Failures inline ------------------------------------------------------------------------

/**
 * Wrong ID or password: the guidance's first three steps, then the form; the other steps, the
 * support info and the checklist of causes closed in between. The password is cleared.
 */
export const ErrorInvalidCredentials: Story = {
  ...canvasOnly,
  args: {'error-code': 'invalid-credentials'},
  play: async ({canvasElement}) => {
    await guidance(canvasElement);
  },
};

/**
 * SS503 after too many failures, with the countdown from `Retry-After` (ten minutes here): the
 * wait step and the countdown, then the form; the other steps, the support info and the
 * checklist closed in between.
 */
export const ErrorSS503: Story = {
  ...canvasOnly,
  name: 'Error SS503',
  play: async ({canvasElement}) => {
    const el = await form(canvasElement);
    await el.showError('SS503', {retryAfterSeconds: 600, serverCode: 'SS503'});
    const help = await guidance(canvasElement);
    await waitFor(() => expect(help.shadowRoot?.querySelector('[part="countdown"]')).toBeTruthy());
  },
};

/** ce500: logged in, but the page after login could not be reached. */
export const ErrorCe500: Story = {
  ...canvasOnly,
  name: 'Error ce500',
  args: {'error-code': 'ce500'},
  play: async ({canvasElement}) => void (await guidance(canvasElement)),
};

/** 500: cache or privacy settings, with the member's browser's steps first. */
export const Error500: Story = {...canvasOnly, args: {'error-code': '500'}, play: async ({canvasElement}) => void (await guidance(canvasElement))};

/** Locked (HTTP 423) with a countdown of 3 hours; a password reset does not lift it. */
export const ErrorLocked: Story = {
  ...canvasOnly,
  play: async ({canvasElement}) => {
    await (await form(canvasElement)).showError('locked', {retryAfterSeconds: 3 * 3600});
    await guidance(canvasElement);
  },
};

/** Maintenance or an outage (HTTP 503 `maintenance`). */
export const ErrorMaintenance: Story = {
  ...canvasOnly,
  args: {'error-code': 'maintenance'},
  play: async ({canvasElement}) => void (await guidance(canvasElement)),
};

/** Maintenance with `Retry-After` (30 minutes): the countdown in words and the time of day. */
export const ErrorMaintenanceWithRetryAfter: Story = {
  ...canvasOnly,
  play: async ({canvasElement}) => {
    await (await form(canvasElement)).showError('maintenance', {retryAfterSeconds: 1800});
    const help = await guidance(canvasElement);
    await waitFor(() => expect(help.shadowRoot?.querySelector('[part="countdown"]')).toBeTruthy());
  },
};

/** No answer (offline, or the request timed out). */
export const ErrorNetwork: Story = {...canvasOnly, args: {'error-code': 'network'}, play: async ({canvasElement}) => void (await guidance(canvasElement))};

/** Cookies off: the steps to allow them (also shown above the form before a try when cookies are off). */
export const ErrorCookiesDisabled: Story = {
  ...canvasOnly,
  args: {'error-code': 'cookies-disabled'},
  play: async ({canvasElement}) => void (await guidance(canvasElement)),
};

/** JavaScript off, as reported by a server that renders the login page again (`error-code`). */
export const ErrorJavascriptDisabled: Story = {
  ...canvasOnly,
  args: {'error-code': 'javascript-disabled'},
  play: async ({canvasElement}) => void (await guidance(canvasElement)),
};

/** A failure the library does not recognize: the general steps. */
export const ErrorUnknown: Story = {...canvasOnly, args: {'error-code': 'unknown'}, play: async ({canvasElement}) => void (await guidance(canvasElement))};

/**
 * The lockout warning: from the second consecutive failure in the tab, that repeated failures
 * lock the account for a while (目安 `lock-threshold`, 5) and a reset does not lift a lock.
 * Closed behind its title (「ログインに 2 回続けて失敗しています」); opened here.
 */
export const LockoutWarning: Story = {
  ...canvasOnly,
  beforeEach: () => {
    recordFailure(sessionStorage);
    recordFailure(sessionStorage);
  },
  args: {'error-code': 'invalid-credentials'},
  play: async ({canvasElement}) => {
    await guidance(canvasElement);
    const lockout = await find<HTMLDetailsElement>(canvasElement, '[part~="lockout"]');
    lockout.open = true;
  },
};

/**
 * The autofill hint: the failed attempt used values the browser filled in (seed:
 * ブラウザに記憶されている ID / パスワード), so the member is asked to type them by hand.
 */
export const AutofillHint: Story = {
  ...canvasOnly,
  play: async ({canvasElement}) => {
    const el = await form(canvasElement);
    // Values that arrive without key presses, as a password manager fills them.
    for (const [input, value] of [
      [await userIdInput(canvasElement), 'taro_s@aa2'],
      [await passwordInput(canvasElement), 'old-saved-password'],
    ] as const) {
      input.value = value;
      input.dispatchEvent(new Event('input', {bubbles: true}));
    }
    el.addEventListener('sonet-login-submit', (event) => event.preventDefault(), {once: true});
    el.form!.requestSubmit();
    await el.showError('invalid-credentials');
    await find(canvasElement, '[part~="autofill"]');
  },
};

// --- When the guidance cannot be loaded ----------------------------------------------------

/** Waits for the form's own short explanation and focus on its heading; none of the guidance. */
async function fallback({canvasElement}: {canvasElement: HTMLElement}): Promise<void> {
  const heading = await find(canvasElement, '.sonet-login-form__fallback-heading');
  await waitFor(() => expect(document.activeElement, 'focus on its heading').toBe(heading));
  await expect(canvasElement.querySelector('sonet-error-help')).toBeNull();
}

/**
 * Offline after the page loaded: this story's page cannot load the guidance (`<sonet-error-help>`),
 * so the form shows its own short explanation — that the login failed, the code, to reload the
 * page for the explanation, the maintenance link — and moves focus to its heading. The form's
 * own code renders it; the story only takes the connection away (stories/offline.ts) and opens
 * in a page of its own, which Storybook reloads when you come or go.
 */
export const Fallback: Story = {
  ...canvasOnly,
  args: {'error-code': 'invalid-credentials'},
  loaders: [loseConnection],
  parameters: {ownPage: true},
  play: fallback,
};

/** The same when the login itself got no answer (`network`): check the connection and log in again, no reload. */
export const FallbackNetwork: Story = {...Fallback, args: {'error-code': 'network'}};

// --- Languages and looks --------------------------------------------------------------------

/** The empty form in English. */
export const EmptyEnglish: Story = {...inEnglish};

/** Full-width warning in English. */
export const WarningFullWidthEnglish: Story = {...inEnglish, play: WarningFullWidth.play};

/** Wrong ID or password in English. */
export const ErrorInvalidCredentialsEnglish: Story = {...ErrorInvalidCredentials, ...inEnglish};

/** The form's own explanation, when the guidance cannot be loaded, in English. */
export const FallbackEnglish: Story = {...Fallback, ...inEnglish};

/** Warnings in dark mode. */
export const WarningsDark: Story = {
  ...inDark,
  play: async ({canvasElement}) => {
    await type(await userIdInput(canvasElement), 'ｔａｒｏ＿ｓ');
    await warning(canvasElement, 'full-width');
    const input = await passwordInput(canvasElement);
    await type(input, 'pass');
    pressWithCapsLock(input);
    await warning(canvasElement, 'caps-lock');
  },
};

/** A failure with its guidance and checklist in dark mode. */
export const ErrorDark: Story = {...ErrorInvalidCredentials, ...inDark};

/** Warnings and the pressed toggle in forced-colors mode. */
export const WarningsForcedColors: Story = {
  ...inForcedColors,
  play: async ({canvasElement}) => {
    await type(await userIdInput(canvasElement), 'taro_s@aa2.so-net.ne.jp');
    await warning(canvasElement, 'full-domain');
    await type(await passwordInput(canvasElement), 'Il1O0');
    (await find<HTMLButtonElement>(canvasElement, '[part~="toggle"]')).click();
    await warning(canvasElement, 'look-alike');
  },
};

/** A failure in forced-colors mode. */
export const ErrorForcedColors: Story = {...ErrorInvalidCredentials, ...inForcedColors};
