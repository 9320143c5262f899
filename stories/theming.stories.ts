import type {Meta, StoryObj} from '@storybook/web-components-vite';
import {html} from 'lit';
import type {SonetLoginForm} from '../src/components/login-form/login-form.js';
import '../src/components/login-form/login-form.js';
import '../src/components/error-help/error-help.js';
import '../src/components/maintenance-notice/maintenance-notice.js';
import {resetFailures} from '../src/lib/failure-counter.js';
import {canvasOnly, inDark} from './looks.js';
import {find, guidance, type, warning} from './play.js';

/**
 * The elements together on a login page, and a theme for all of them.
 *
 * Theming: every colour and size is a `--sonet-*` custom property with a fallback. The
 * `<sonet-error-help>` and `<sonet-maintenance-notice>` shadow roots expose `::part()`s. The
 * login form and the fields render in the light DOM (password managers must see the inputs), so
 * in the document their parts are selected as attributes: `sonet-login-form [part~="submit"]`;
 * their styles have zero specificity (`:where()`), so any rule of the page wins.
 */
const meta: Meta = {
  title: 'Examples/Login page',
  beforeEach: () => resetFailures(sessionStorage),
  parameters: {layout: 'padded'},
};
export default meta;

type Story = StoryObj;

const HOUR = 60 * 60 * 1000;
const upcoming = `data:application/json,${encodeURIComponent(
  JSON.stringify({
    version: 1,
    incident: null,
    maintenance: [
      {start: new Date(Date.now() + 20 * HOUR).toISOString(), end: new Date(Date.now() + 24 * HOUR).toISOString()},
    ],
  })
)}`;

const page = (className = '') => html`<style>
    .login-page > * + * {
      margin-block-start: 1rem;
    }
  </style>
  <main class="login-page ${className}">
  <h1>So-net ログイン</h1>
  <sonet-maintenance-notice src=${upcoming}></sonet-maintenance-notice>
  <sonet-login-form heading-level="2"></sonet-login-form>
</main>`;

/** The login page as a member sees it: a planned maintenance notice above an empty form. */
export const LoginPage: Story = {render: () => page()};

/** The same page after a wrong password: the guidance and the checklist above the form. */
export const LoginPageAfterFailure: Story = {
  ...canvasOnly,
  render: () => page(),
  play: async ({canvasElement}) => {
    await (await find<SonetLoginForm>(canvasElement, 'sonet-login-form')).showError('invalid-credentials');
    await guidance(canvasElement);
  },
};

const theme = html`<style>
  .brand {
    --brand: #6a1b9a;
    --brand-soft: #f6effa;
    --focus: #e65100;
    font-family: 'Noto Sans JP', system-ui, sans-serif;
    max-inline-size: 40rem;
  }
  .brand h1 {
    color: var(--brand);
  }
  /* The fields and the form (light DOM): custom properties, and [part~=…] selectors. */
  .brand sonet-login-form {
    --sonet-field-radius: 0.75rem;
    --sonet-field-border-color: #7b6a86;
    --sonet-field-focus-color: var(--focus);
    --sonet-field-warning-color: #8a4b00;
    --sonet-field-warning-background: #fff4e0;
    --sonet-field-error-color: #b00020;
    --sonet-field-error-background: #fdecee;
    --sonet-field-info-color: var(--brand);
    --sonet-field-info-background: var(--brand-soft);
    --sonet-field-button-background: var(--brand-soft);
    --sonet-field-button-color: var(--brand);
    --sonet-login-form-submit-background: var(--brand);
    --sonet-login-form-submit-color: #fff;
    --sonet-login-form-link-color: var(--brand);
  }
  .brand sonet-login-form [part~='submit'] {
    border-radius: 999px;
  }
  .brand sonet-login-form [part~='label'] {
    color: var(--brand);
  }
  /* The guidance and the notice (shadow DOM): custom properties, and ::part(). */
  .brand sonet-error-help {
    --sonet-error-help-background: var(--brand-soft);
    --sonet-error-help-accent-color: var(--brand);
    --sonet-error-help-border-color: #d9c4e6;
    --sonet-error-help-link-color: var(--brand);
    --sonet-error-help-focus-color: var(--focus);
    --sonet-error-help-button-background: var(--brand);
    --sonet-error-help-button-color: #fff;
    --sonet-error-help-radius: 0.75rem;
  }
  .brand sonet-error-help::part(copy-button) {
    border-radius: 999px;
  }
  .brand sonet-maintenance-notice {
    --sonet-maintenance-notice-background: #fff;
    --sonet-maintenance-notice-upcoming-color: var(--brand);
    --sonet-maintenance-notice-link-color: var(--brand);
    --sonet-maintenance-notice-radius: 0.75rem;
  }
  .brand sonet-maintenance-notice::part(heading) {
    font-size: 1.125rem;
  }
</style>`;

/** A brand theme over the whole page: see the style element in "Show code". */
export const Themed: Story = {
  ...canvasOnly,
  render: () => html`${theme}${page('brand')}`,
  play: async ({canvasElement}) => {
    await type(await find<HTMLInputElement>(canvasElement, 'input[autocomplete="username"]'), 'taro_s@aa2.so-net.ne.jp');
    await warning(canvasElement, 'full-domain');
    await (await find<SonetLoginForm>(canvasElement, 'sonet-login-form')).showError('SS503', {retryAfterSeconds: 600});
    await guidance(canvasElement);
  },
};

/** The login page in dark mode. */
export const LoginPageDark: Story = {...inDark, render: () => page()};
