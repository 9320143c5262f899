import type {Meta, StoryObj} from '@storybook/web-components-vite';
import {html} from 'lit';
import {ifDefined} from 'lit/directives/if-defined.js';
import {expect, waitFor} from 'storybook/test';
import '../src/components/user-id-field/user-id-field.js';
import {designerControls, themeStyle, type ThemeArgs} from './controls.js';
import {canvasOnly, inDark, inEnglish, inForcedColors} from './looks.js';
import {find, tab, type, warning} from './play.js';

/**
 * `<sonet-user-id-field>`: the login form's user ID field on its own, for any form (an ID
 * change, a support form). Form-associated; its `<input>` is in the light DOM. The stories
 * type into it as a member does.
 */
type Args = ThemeArgs & {label: string; value: string; domain: string; required: boolean; disabled: boolean};

/** What a designer sees change; `name` and `autocomplete` matter to the form and the browser. */
const controls = designerControls('sonet-user-id-field', ['label', 'value', 'domain', 'required', 'disabled']);

const meta: Meta<Args> = {
  title: 'Elements/sonet-user-id-field',
  component: 'sonet-user-id-field',
  render: (args) => html`<sonet-user-id-field
    style=${themeStyle(args)}
    name="user_id"
    label=${ifDefined(args.label || undefined)}
    value=${ifDefined(args.value || undefined)}
    domain=${ifDefined(args.domain || undefined)}
    ?required=${args.required}
    ?disabled=${args.disabled}
  ></sonet-user-id-field>`,
  args: {label: '', value: '', domain: '', required: false, disabled: false},
  argTypes: controls.argTypes,
  parameters: {layout: 'padded', ...controls.parameters},
};
export default meta;

type Story = StoryObj<Args>;

const input = (root: HTMLElement) => find<HTMLInputElement>(root, 'sonet-user-id-field input');

/**
 * Every control at once: the label, a value, the domain the warnings know, required and disabled,
 * and the theming custom properties. Type into the field to see the warnings.
 */
export const Playground: Story = {};

/** Empty, as a form shows it first. */
export const Empty: Story = {};

/** With a value from the page (`value`), required. */
export const WithValue: Story = {args: {value: 'taro_s@aa2', required: true}};

/** A label of the host's (`label`). */
export const CustomLabel: Story = {args: {label: '変更前のユーザーID'}};

/** Disabled (also when a `<fieldset disabled>` around it is). */
export const Disabled: Story = {args: {value: 'taro_s@aa2', disabled: true}};

/** Full-width characters: the warning names them and offers 「全角を半角に変換」. */
export const FullWidth: Story = {
  ...canvasOnly,
  play: async ({canvasElement}) => {
    await type(await input(canvasElement), 'ｔａｒｏ＿ｓ＠ａａ２');
    await warning(canvasElement, 'full-width');
  },
};

/** Kana typed with the IME on: the romaji the member probably meant as the fix. */
export const KanaWithRomaji: Story = {
  ...canvasOnly,
  play: async ({canvasElement}) => {
    await type(await input(canvasElement), 'たろう');
    await warning(canvasElement, 'kana');
    const fix = await find(canvasElement, '[part~="fix"]');
    await waitFor(() => expect(fix.textContent).toContain('tarou'));
  },
};

/** A space typed (half- or full-width): 「スペースを削除」. */
export const Spaces: Story = {
  ...canvasOnly,
  play: async ({canvasElement}) => {
    await type(await input(canvasElement), 'taro_s@aa2 ');
    await warning(canvasElement, 'edge-space');
  },
};

/** The full mail domain: 「ドメインを除く (taro_s@aa2)」. */
export const FullDomain: Story = {
  ...canvasOnly,
  play: async ({canvasElement}) => {
    await type(await input(canvasElement), 'taro_s@aa2.so-net.ne.jp');
    await warning(canvasElement, 'full-domain');
  },
};

/** Only the user name, on leaving the field: add the @subdomain. */
export const MissingSubdomain: Story = {
  ...canvasOnly,
  play: async ({canvasElement}) => {
    await type(await input(canvasElement), 'taro_s');
    await tab();
    await warning(canvasElement, 'missing-subdomain');
  },
};

/** Several problems at once (full-width, spaces, full domain): one fix for all. */
export const SeveralProblems: Story = {
  ...canvasOnly,
  play: async ({canvasElement}) => {
    await type(await input(canvasElement), ' ｔａｒｏ＿ｓ＠ａａ２.so-net.ne.jp');
    await warning(canvasElement, 'full-width');
    await warning(canvasElement, 'full-domain');
  },
};

/** Full-width warning in English. */
export const FullWidthEnglish: Story = {...inEnglish, play: FullWidth.play};

/** Warnings in dark mode. */
export const SeveralProblemsDark: Story = {...inDark, play: SeveralProblems.play};

/** Warnings in forced-colors mode. */
export const SeveralProblemsForcedColors: Story = {...inForcedColors, play: SeveralProblems.play};
