import type {Meta, StoryObj} from '@storybook/web-components-vite';
import {html} from 'lit';
import {ifDefined} from 'lit/directives/if-defined.js';
import {expect, waitFor} from 'storybook/test';
import {SonetErrorHelp} from '../src/components/error-help/error-help.js';
import {LOGIN_ERROR_CODES} from '../src/lib/login-response.js';
import type {BrowserInfo} from '../src/lib/capabilities.js';
import {designerControls, themeStyle, withoutControls, type ThemeArgs} from './controls.js';
import {canvasOnly, inDark, inEnglish, inForcedColors, OCCURRED_AT} from './looks.js';

/**
 * `<sonet-error-help>` explains a failed login inline: the heading and code, what happened, and
 * the one to three steps from the So-net support pages most likely to help. The other steps and
 * the information for support wait behind two disclosures, always in that order.
 * Every state renders from attributes, so each story is one line of HTML (see "Show code").
 */
type Args = ThemeArgs & {
  code: string;
  'server-code': string;
  'retry-after': string;
  browser: string;
  'heading-level': number;
  'occurred-at': string;
};

/** The browsers with steps of their own; 「detected」 is the member's browser (no attribute). */
const BROWSERS = ['detected', 'edge', 'chrome', 'firefox', 'safari-mac', 'safari-ios', 'android-chrome', 'samsung', 'other'];

/** What a designer sees change; the help links' `*-href` and `retry-at` are for the page. */
const controls = designerControls('sonet-error-help', [
  'code',
  'server-code',
  'retry-after',
  'browser',
  'heading-level',
  'occurred-at',
]);

const meta: Meta<Args> = {
  title: 'Elements/sonet-error-help',
  component: 'sonet-error-help',
  render: (args) => html`<sonet-error-help
    style=${themeStyle(args)}
    code=${args.code}
    retry-after=${ifDefined(args['retry-after'] || undefined)}
    browser=${ifDefined(args.browser === 'detected' ? undefined : args.browser)}
    heading-level=${ifDefined(args['heading-level'] === 2 ? undefined : args['heading-level'])}
    server-code=${ifDefined(args['server-code'] || undefined)}
    occurred-at=${ifDefined(args['occurred-at'] || undefined)}
  ></sonet-error-help>`,
  args: {code: 'SS503', 'retry-after': '', browser: 'detected', 'heading-level': 2, 'server-code': '', 'occurred-at': OCCURRED_AT},
  argTypes: {
    ...controls.argTypes,
    code: {control: 'select', options: [...LOGIN_ERROR_CODES, 'E1234']},
    browser: {
      control: {type: 'select', labels: {detected: 'detected (this browser)'}},
      options: BROWSERS,
    },
    'heading-level': {control: {type: 'number', min: 2, max: 6}},
    'retry-after': {control: 'text'},
    'occurred-at': {control: 'text'},
  },
  parameters: {layout: 'padded', ...controls.parameters},
};
export default meta;

type Story = StoryObj<Args>;

/**
 * Every control at once: the code and what the server sent with it, the browser whose steps open
 * first, and the theming custom properties.
 */
export const Playground: Story = {args: {'retry-after': '600', 'server-code': 'SS503'}};

// --- Each code ----------------------------------------------------------------------------

/**
 * 「コード:SS503」: too many failed logins; the countdown runs from `retry-after` (ten minutes
 * here): 「あと 10 分」, with the time of day it ends (「(14:05 ごろ)」).
 */
export const SS503: Story = {
  name: 'SS503',
  args: {code: 'SS503', 'retry-after': '600', 'server-code': 'SS503'},
};

/** SS503 with a short wait (90 s): the countdown alone, without a time of day. */
export const SS503ShortWait: Story = {
  name: 'SS503 short wait',
  args: {code: 'SS503', 'retry-after': '90'},
};

/** SS503 when the wait is over (`retry-after="0"`): the countdown says a retry is possible now. */
export const SS503WaitOver: Story = {
  name: 'SS503 wait over',
  args: {code: 'SS503', 'retry-after': '0'},
};

/** SS503 without `retry-after`: no countdown, only "wait a while". */
export const SS503WithoutRetryAfter: Story = {
  name: 'SS503 without retry-after',
  args: {code: 'SS503'},
};

/** 「コード:ce500」: logged in, but the page after login could not be reached. */
export const Ce500: Story = {
  name: 'ce500',
  args: {code: 'ce500', 'server-code': 'ce500'},
};

/** 「コード:500」: cache or strict privacy settings; the browser's own steps open first (Chrome here). */
export const Code500: Story = {args: {code: '500', browser: 'chrome', 'server-code': '500'}};

/** Wrong user ID or password (HTTP 401 `invalid_credentials`): the input checklist from the support page. */
export const InvalidCredentials: Story = {args: {code: 'invalid-credentials', 'server-code': 'invalid_credentials'}};

/** Locked after repeated failures (HTTP 423), with a countdown of 3 hours: a password reset does not lift it. */
export const Locked: Story = {args: {code: 'locked', 'retry-after': '10800'}};

/** Outage or maintenance (HTTP 503 `maintenance`): check 障害・メンテナンス情報 and wait. */
export const Maintenance: Story = {args: {code: 'maintenance'}};

/** Maintenance with `Retry-After` (30 minutes here): the wait step shows the countdown. */
export const MaintenanceWithRetryAfter: Story = {args: {code: 'maintenance', 'retry-after': '1800'}};

/** The request never got an answer (offline, timeout). */
export const Network: Story = {args: {code: 'network'}};

/** Cookies are off (detected before the member tries): per-browser steps to allow them (Safari on iPhone here). */
export const CookiesDisabled: Story = {args: {code: 'cookies-disabled', browser: 'safari-ios'}};

/** JavaScript is off (the server-rendered page shows this after a plain form post); Edge's steps first. */
export const JavascriptDisabled: Story = {args: {code: 'javascript-disabled', browser: 'edge'}};

/**
 * A code the library does not know: the general steps; the server's code is not repeated in the
 * support box (only known codes are).
 */
export const Unknown: Story = {args: {code: 'E1234', 'server-code': 'E1234'}};

// --- Disclosures -------------------------------------------------------------------------

/** Opens the `<details>` with `part` in the element's shadow root, by keyboard as a member may. */
async function openDisclosure(canvasElement: HTMLElement, part: string): Promise<void> {
  const help = canvasElement.querySelector<SonetErrorHelp>('sonet-error-help')!;
  await help.ready;
  const details = help.shadowRoot!.querySelector<HTMLDetailsElement>(`details[part="${part}"]`)!;
  // A click on the summary, as a member's: user-event's keyboard types into the page's focused
  // element, which is the host, not the summary inside its shadow root.
  details.querySelector('summary')!.click();
  await waitFor(() => expect(details.open).toBe(true));
}

/** Wrong ID or password with the other steps opened: the numbering goes on from the first three. */
export const InvalidCredentialsMoreSteps: Story = {
  ...canvasOnly,
  args: {code: 'invalid-credentials'},
  play: ({canvasElement}) => openDisclosure(canvasElement, 'more'),
};

/** The information for support opened: code, time, browser and OS, and the copy button. */
export const SupportInfoOpen: Story = {
  ...canvasOnly,
  args: {code: 'SS503', 'retry-after': '600', 'server-code': 'ss503'},
  play: ({canvasElement}) => openDisclosure(canvasElement, 'support-info'),
};

// --- 500 in each browser ------------------------------------------------------------------
// In the sidebar only: the docs page shows 500 once (Code500); the Playground's browser control
// shows the rest.

/** 500 in Microsoft Edge, the other steps opened: Edge's cookie and JavaScript steps open first. */
export const Code500Edge: Story = {
  ...canvasOnly,
  args: {code: '500', browser: 'edge'},
  play: ({canvasElement}) => openDisclosure(canvasElement, 'more'),
};

/**
 * 500 in Google Chrome on a computer: the support pages give no steps for it, so no browser's
 * steps open first and the member picks one.
 */
export const Code500Chrome: Story = {...canvasOnly, args: {code: '500', browser: 'chrome'}};

/** 500 in Safari on a Mac. */
export const Code500SafariMac: Story = {...canvasOnly, args: {code: '500', browser: 'safari-mac'}};

/** 500 on an iPhone or iPad (every iOS browser uses Safari's settings). */
export const Code500SafariIos: Story = {
  ...canvasOnly,
  name: 'Code 500 Safari iOS',
  args: {code: '500', browser: 'safari-ios'},
};

/** 500 in Chrome on Android. */
export const Code500AndroidChrome: Story = {...canvasOnly, args: {code: '500', browser: 'android-chrome'}};

const windowsOther: BrowserInfo = {family: 'other', name: '', os: 'windows', osName: 'Windows', mobile: false};

/**
 * 500 in an unrecognized browser on Windows: the Internet Options steps (the support page's
 * 1/5–5/5) open first. The detection result is injected through the `browserInfo` property.
 */
export const Code500WindowsInternetOptions: Story = {
  ...withoutControls,
  ...canvasOnly,
  render: () => html`<sonet-error-help
    code="500"
    occurred-at=${OCCURRED_AT}
    .browserInfo=${windowsOther}
  ></sonet-error-help>`,
};

/** 500 in a browser the library does not know (`browser="other"`): every browser's steps, all closed. */
export const Code500OtherBrowser: Story = {...canvasOnly, args: {code: '500', browser: 'other'}};

// --- Loading and offline ------------------------------------------------------------------

/** The steps are still loading (they are a separate module, loaded on first render). */
class SonetErrorHelpLoading extends SonetErrorHelp {
  protected static override loadGuidance = () => new Promise<never>(() => {});
}
customElements.define('sonet-error-help-loading', SonetErrorHelpLoading);

/** The steps could not be loaded (offline): a short explanation, a retry button and the support link. */
class SonetErrorHelpOffline extends SonetErrorHelp {
  protected static override loadGuidance = () => Promise.reject(new Error('offline'));
}
customElements.define('sonet-error-help-offline', SonetErrorHelpOffline);

/** While the steps load: the heading, the code and 「読み込み中…」. */
export const Loading: Story = {
  ...withoutControls,
  render: () => html`<sonet-error-help-loading code="invalid-credentials"></sonet-error-help-loading>`,
};

/** The steps could not be loaded (offline): what to do instead, with a retry button. */
export const StepsUnavailable: Story = {
  ...withoutControls,
  render: () => html`<sonet-error-help-offline code="500"></sonet-error-help-offline>`,
};

// --- Languages and looks ------------------------------------------------------------------

/** SS503 in English (any story switches with the Locale toolbar). */
export const SS503English: Story = {
  name: 'SS503 English',
  ...inEnglish,
  args: {code: 'SS503', 'retry-after': '597'},
};

/** Wrong ID or password, in English. */
export const InvalidCredentialsEnglish: Story = {...inEnglish, args: {code: 'invalid-credentials'}};

/** 500 with the browser steps, in English. */
export const Code500English: Story = {...inEnglish, args: {code: '500', browser: 'edge'}};

/** SS503 in dark mode (`prefers-color-scheme: dark`). */
export const SS503Dark: Story = {
  name: 'SS503 dark',
  ...inDark,
  args: {code: 'SS503', 'retry-after': '1800'},
};

/** 500 with an open browser disclosure in dark mode. */
export const Code500Dark: Story = {...inDark, args: {code: '500', browser: 'safari-mac'}};

/** SS503 in forced-colors mode (Windows contrast themes). */
export const SS503ForcedColors: Story = {
  name: 'SS503 forced colors',
  ...inForcedColors,
  args: {code: 'SS503', 'retry-after': '1800'},
};

/** 500 in forced-colors mode: borders keep the disclosures and the support box visible. */
export const Code500ForcedColors: Story = {...inForcedColors, args: {code: '500', browser: 'edge'}};

/**
 * A theme through the custom properties (colours, radius, sizes) and the parts (heading, steps,
 * copy button): see the style element in "Show code".
 */
export const Themed: Story = {
  ...withoutControls,
  render: () => html`<style>
      .brand-help {
        --sonet-error-help-background: #f4f7ff;
        --sonet-error-help-color: #14213d;
        --sonet-error-help-muted-color: #3d4a66;
        --sonet-error-help-accent-color: #1d3fbf;
        --sonet-error-help-border-color: #b9c6ef;
        --sonet-error-help-link-color: #0f49c2;
        --sonet-error-help-focus-color: #e05a00;
        --sonet-error-help-support-background: #ffffff;
        --sonet-error-help-button-background: #1d3fbf;
        --sonet-error-help-button-color: #ffffff;
        --sonet-error-help-radius: 1rem;
        --sonet-error-help-padding: 1.5rem;
        --sonet-error-help-heading-size: 1.375rem;
        --sonet-error-help-font-size: 1.0625rem;
      }
      .brand-help::part(heading) {
        letter-spacing: 0.02em;
      }
      .brand-help::part(step) {
        padding-inline-start: 0.25rem;
      }
      .brand-help::part(copy-button) {
        border-radius: 999px;
        padding-inline: 1.25rem;
      }
    </style>
    <sonet-error-help class="brand-help" code="SS503" retry-after="900" occurred-at=${OCCURRED_AT}></sonet-error-help>`,
};
