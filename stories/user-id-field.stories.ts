import type {Meta, StoryObj} from '@storybook/web-components-vite';
import {html} from 'lit';
import {ifDefined} from 'lit/directives/if-defined.js';
import {expect, waitFor} from 'storybook/test';
import '../src/components/user-id-field/user-id-field.js';
import {inDark, inEnglish, inForcedColors} from './looks.js';
import {find, tab, type, warning} from './play.js';

/**
 * `<sonet-user-id-field>`: the login form's user ID field on its own, for any form (an ID
 * change, a support form). Form-associated; its `<input>` is in the light DOM. The stories
 * type into it as a member does.
 */
type Args = {name: string; label: string; value: string; domain: string; required: boolean; disabled: boolean};

const meta: Meta<Args> = {
  title: 'Elements/sonet-user-id-field',
  component: 'sonet-user-id-field',
  render: (args) => html`<sonet-user-id-field
    name=${ifDefined(args.name || undefined)}
    label=${ifDefined(args.label || undefined)}
    value=${ifDefined(args.value || undefined)}
    domain=${ifDefined(args.domain || undefined)}
    ?required=${args.required}
    ?disabled=${args.disabled}
  ></sonet-user-id-field>`,
  args: {name: 'user_id', label: '', value: '', domain: '', required: false, disabled: false},
  parameters: {layout: 'padded'},
};
export default meta;

type Story = StoryObj<Args>;

const input = (root: HTMLElement) => find<HTMLInputElement>(root, 'sonet-user-id-field input');

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
  play: async ({canvasElement}) => {
    await type(await input(canvasElement), 'ｔａｒｏ＿ｓ＠ａａ２');
    await warning(canvasElement, 'full-width');
  },
};

/** Kana typed with the IME on: the romaji the member probably meant as the fix. */
export const KanaWithRomaji: Story = {
  play: async ({canvasElement}) => {
    await type(await input(canvasElement), 'たろう');
    await warning(canvasElement, 'kana');
    const fix = await find(canvasElement, '[part~="fix"]');
    await waitFor(() => expect(fix.textContent).toContain('tarou'));
  },
};

/** A space typed (half- or full-width): 「スペースを削除」. */
export const Spaces: Story = {
  play: async ({canvasElement}) => {
    await type(await input(canvasElement), 'taro_s@aa2 ');
    await warning(canvasElement, 'edge-space');
  },
};

/** The full mail domain: 「ドメインを除く (taro_s@aa2)」. */
export const FullDomain: Story = {
  play: async ({canvasElement}) => {
    await type(await input(canvasElement), 'taro_s@aa2.so-net.ne.jp');
    await warning(canvasElement, 'full-domain');
  },
};

/** Only the user name, on leaving the field: add the @subdomain. */
export const MissingSubdomain: Story = {
  play: async ({canvasElement}) => {
    await type(await input(canvasElement), 'taro_s');
    await tab();
    await warning(canvasElement, 'missing-subdomain');
  },
};

/** Several problems at once (full-width, spaces, full domain): one fix for all. */
export const SeveralProblems: Story = {
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
