import type {PropertyDeclarations} from '@lit/reactive-element';
import {msg, updateWhenLocaleChanges} from '@lit/localize';
import {DEFAULT_REVEAL_HIDE_DELAY, PasswordRevealController} from '../../controllers/password-reveal-controller.js';
import {FormFieldElement} from '../shared/form-field.js';
import {PasswordCore} from '../shared/password-core.js';
import {warningText} from '../shared/field-messages.js';

/**
 * A password field with the seed page's 「隠れているパスワードを表示して確認する」 as a real
 * toggle button, a Caps Lock warning, and live warnings for full-width characters, kana (the IME
 * switches on when the password is shown as text), spaces and a case-inverted pattern. The
 * password is never changed by the element, only warned about.
 *
 * The toggle (`<button type="button" aria-pressed aria-controls>`, name 「パスワードを表示」)
 * follows the input in the tab order; the state change is announced once. While shown, a
 * caution to check nobody is looking, a font that tells `I l 1` and `O 0 o` apart and a line
 * naming those characters. The password is hidden again on submit, on `pagehide`/`pageshow` and
 * `reveal-timeout` ms after focus leaves the field.
 *
 * Form-associated: submits under `name`, supports `required`, `disabled` and form reset; the
 * password is never kept for session-history restore. Its `<input>` lives in the element's light
 * DOM (for password managers) with `autocomplete` (default `current-password`; use
 * `new-password` in a password change form) and no `maxlength`.
 *
 * **Styling.** Theme it with the custom properties below. Everything is in the light DOM, where
 * `::part()` reaches nothing; every rule of the library has zero specificity, so the page's own
 * selectors win — the `part` attributes are stable hooks for them:
 * `sonet-password-field [part~="toggle"] { … }` (`field`, `label`, `input`, `toggle`,
 * `warnings`, `warning`).
 *
 * @summary A password input with a show-password toggle, Caps Lock and input warnings.
 *
 * @csspart field - A field: label, input and its warnings area (the element's own markup).
 * @csspart label - A field's label (the element's own markup).
 * @csspart input - A field's input (the element's own markup).
 * @csspart toggle - The show-password toggle.
 * @csspart warnings - A field's warnings area (also its hint).
 * @csspart warning - One warning; `data-code` names its finding, `data-level` its level.
 *
 * @cssprop --sonet-field-gap - Space below the field.
 * @cssprop --sonet-field-max-width - Largest width of the input (default `26em`).
 * @cssprop --sonet-field-radius - Corner radius of input and buttons.
 * @cssprop --sonet-field-border-color - Border colour of input and buttons.
 * @cssprop --sonet-field-background - Input background (default `Field`).
 * @cssprop --sonet-field-color - Input text colour (default `FieldText`).
 * @cssprop --sonet-field-focus-color - Focus outline colour.
 * @cssprop --sonet-field-reveal-font - Font of the shown password and of the look-alikes it names (monospace with distinct I l 1 O 0).
 * @cssprop --sonet-field-error-color - Accent of warnings that will make the login fail.
 * @cssprop --sonet-field-error-background - Background of those warnings.
 * @cssprop --sonet-field-warning-color - Accent of hints.
 * @cssprop --sonet-field-warning-background - Background of hints.
 * @cssprop --sonet-field-info-color - Accent of information (look-alikes, caution).
 * @cssprop --sonet-field-info-background - Background of information.
 * @cssprop --sonet-field-button-background - Background of the toggle (default `Field`); also the tick.
 * @cssprop --sonet-field-button-color - Text colour of the toggle (default `FieldText`); also the ticked box.
 *
 * @example
 * ```html
 * <form method="post" action="/change-password">
 *   <sonet-password-field name="new_password" autocomplete="new-password" label="新しいパスワード" required>
 *   </sonet-password-field>
 * </form>
 * ```
 */
export class SonetPasswordField extends FormFieldElement {
  static override properties: PropertyDeclarations = {
    autocomplete: {},
    revealTimeout: {attribute: 'reveal-timeout', type: Number},
  };

  /** The input's `autocomplete` token: `current-password` (default) or `new-password`. */
  autocomplete: AutoFill = 'current-password';

  /** Milliseconds the shown password stays visible after focus leaves the field (default 3000). */
  revealTimeout = DEFAULT_REVEAL_HIDE_DELAY;

  protected readonly kind = 'password';

  private readonly core = new PasswordCore(this, {
    input: () => this.input,
    area: () => this.skeleton,
    reveal: new PasswordRevealController(this, {
      input: () => this.input,
      toggle: () => this.skeleton?.toggle,
      hideDelay: () => this.revealTimeout,
    }),
  });

  constructor() {
    super();
    // In the constructor: tags already in the page, upgraded by define() below, switch language too.
    updateWhenLocaleChanges(this);
  }

  protected override autocompleteToken(): string {
    return this.autocomplete || 'current-password';
  }

  protected override defaultLabel(): string {
    return msg('ユーザーIDパスワード', {id: 'field.password-label'});
  }

  /** Whether the password is shown as text. */
  get revealed(): boolean {
    return this.core.reveal.shown;
  }

  /** Shows (`true`) or hides the password, as the toggle does. */
  set revealed(shown: boolean) {
    if (shown) this.core.reveal.show();
    else this.core.reveal.hide();
  }

  protected override formState(): string {
    // Never keep the password in session history.
    return '';
  }

  protected override missingMessage(): string {
    return warningText('empty', 'password');
  }

  protected override resetCore(): void {
    this.core.analysis.clear();
    this.core.reveal.hide('reset');
  }
}

customElements.define('sonet-password-field', SonetPasswordField);

declare global {
  interface HTMLElementTagNameMap {
    'sonet-password-field': SonetPasswordField;
  }
}
