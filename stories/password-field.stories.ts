import type {Meta, StoryObj} from '@storybook/web-components-vite';
import {html} from 'lit';
import {ifDefined} from 'lit/directives/if-defined.js';
import {expect} from 'storybook/test';
import '../src/components/password-field/password-field.js';
import {designerControls, themeStyle, type ThemeArgs} from './controls.js';
import {canvasOnly, inDark, inEnglish, inForcedColors} from './looks.js';
import {find, pressWithCapsLock, type, warning} from './play.js';

/**
 * `<sonet-password-field>`: the login form's password field on its own, for a password change
 * form (`autocomplete="new-password"`). A show-password toggle, the Caps Lock warning, and
 * warnings for full-width characters, kana, spaces and an inverted case. The element never
 * changes the password, it only warns.
 */
type Args = ThemeArgs & {
  name: string;
  label: string;
  autocomplete: string;
  'reveal-timeout': number;
  required: boolean;
  disabled: boolean;
};

/** What a designer sees change; `name` and `autocomplete` matter to the form and the password manager. */
const controls = designerControls('sonet-password-field', ['label', 'reveal-timeout', 'required', 'disabled']);

const meta: Meta<Args> = {
  title: 'Elements/sonet-password-field',
  component: 'sonet-password-field',
  render: (args) => html`<sonet-password-field
    style=${themeStyle(args)}
    name=${ifDefined(args.name || undefined)}
    label=${ifDefined(args.label || undefined)}
    autocomplete=${ifDefined(args.autocomplete || undefined)}
    reveal-timeout=${ifDefined(args['reveal-timeout'] === 3000 ? undefined : args['reveal-timeout'])}
    ?required=${args.required}
    ?disabled=${args.disabled}
  ></sonet-password-field>`,
  args: {name: 'password', label: '', autocomplete: 'current-password', 'reveal-timeout': 3000, required: false, disabled: false},
  argTypes: controls.argTypes,
  parameters: {layout: 'padded', ...controls.parameters},
};
export default meta;

type Story = StoryObj<Args>;

const input = (root: HTMLElement) => find<HTMLInputElement>(root, 'sonet-password-field input');
const toggle = (root: HTMLElement) => find<HTMLButtonElement>(root, 'sonet-password-field [part~="toggle"]');

/**
 * Every control at once: the label, how long a shown password stays shown after leaving the
 * field, required and disabled, and the theming custom properties. Type and press
 * 「パスワードを表示」 to see the warnings and the shown password's font.
 */
export const Playground: Story = {};

/** Empty, with the 「パスワードを表示」 toggle. */
export const Empty: Story = {};

/** In a password change form: `autocomplete="new-password"` and the host's label. */
export const NewPassword: Story = {args: {autocomplete: 'new-password', label: '新しいパスワード', name: 'new_password', required: true}};

/** Disabled. */
export const Disabled: Story = {args: {disabled: true}};

/** Caps Lock on while typing. */
export const CapsLock: Story = {
  ...canvasOnly,
  play: async ({canvasElement}) => {
    const field = await input(canvasElement);
    await type(field, 'PASS');
    pressWithCapsLock(field);
    await warning(canvasElement, 'caps-lock');
  },
};

/** The case looks inverted (`pASSWORD`): a hint to check Caps Lock. */
export const CaseInverted: Story = {
  ...canvasOnly,
  play: async ({canvasElement}) => {
    await type(await input(canvasElement), 'sONET-dEMO');
    await warning(canvasElement, 'caps-lock-pattern');
  },
};

/** Full-width characters and a full-width space (never quoted: the password stays hidden). */
export const FullWidth: Story = {
  ...canvasOnly,
  play: async ({canvasElement}) => {
    await type(await input(canvasElement), 'ｐａｓｓ　ｗｏｒｄ');
    await warning(canvasElement, 'full-width');
  },
};

/**
 * Shown: the password in a font that tells I l 1 and O 0 o apart, the look-alikes named, and
 * the caution to check nobody is looking.
 */
export const RevealedWithLookAlikes: Story = {
  ...canvasOnly,
  play: async ({canvasElement}) => {
    const field = await input(canvasElement);
    await type(field, 'Il1-O0o-pass');
    (await toggle(canvasElement)).click();
    await warning(canvasElement, 'look-alike');
    await warning(canvasElement, 'reveal-caution');
    await expect(field.type).toBe('text');
  },
};

/** Shown as text, the IME can switch on again: kana typed then are caught. */
export const RevealedWithKana: Story = {
  ...canvasOnly,
  play: async ({canvasElement}) => {
    const field = await input(canvasElement);
    (await toggle(canvasElement)).click();
    await type(field, 'ぱすわーど');
    await warning(canvasElement, 'kana');
  },
};

/** Caps Lock warning in English. */
export const CapsLockEnglish: Story = {...inEnglish, play: CapsLock.play};

/** Shown with look-alikes, in English. */
export const RevealedWithLookAlikesEnglish: Story = {...inEnglish, play: RevealedWithLookAlikes.play};

/** Shown with look-alikes in dark mode. */
export const RevealedWithLookAlikesDark: Story = {...inDark, play: RevealedWithLookAlikes.play};

/** The pressed toggle and the warnings in forced-colors mode. */
export const RevealedWithLookAlikesForcedColors: Story = {...inForcedColors, play: RevealedWithLookAlikes.play};
