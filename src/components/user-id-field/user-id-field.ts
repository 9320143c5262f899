import type {PropertyDeclarations} from '@lit/reactive-element';
import {msg, updateWhenLocaleChanges} from '@lit/localize';
import {FormFieldElement} from '../shared/form-field.js';
import {UserIdCore} from '../shared/user-id-core.js';
import {warningText} from '../shared/field-messages.js';

/**
 * A So-net user ID field that warns while the member types — full-width characters, kana typed
 * with the IME on (with the romaji they probably meant), spaces, the full mail domain, a missing
 * `@subdomain` (on blur) — and offers a one-tap fix (全角を半角に変換, スペースを削除,
 * ドメインを除く, 「tarou」に置き換える). Warnings never block typing, paste or submit.
 *
 * A warning appears, changes or goes with the key that causes it. The line naming the
 * characters concerned (該当する文字: …) and the fix's label follow the value once typing pauses
 * (300 ms), when the field loses focus, on a paste, or when the fix is pressed, so they do not
 * change on every key of a burst; the fix always applies to the value as it is.
 *
 * Form-associated: inside a `<form>` it submits its value under `name`, supports `required`,
 * `disabled`, form reset and state restore. Its `<input>` lives in the element's light DOM (for
 * password managers), with `autocomplete="username"`, `autocapitalize="none"`,
 * `spellcheck="false"`, `autocorrect="off"` and no `maxlength`. Native `input` and `change`
 * events bubble from it unchanged.
 *
 * **Styling.** Theme it with the custom properties below. Everything is in the light DOM, where
 * `::part()` reaches nothing; every rule of the library has zero specificity, so the page's own
 * selectors win — the `part` attributes are stable hooks for them:
 * `sonet-user-id-field [part~="warning"] { … }` (`field`, `label`, `input`, `warnings`,
 * `warning`, `fix`, `hint`).
 *
 * @summary A user ID input with live warnings and one-tap fixes, usable in any form.
 *
 * @csspart field - A field: label, input and its warnings area (the element's own markup).
 * @csspart label - A field's label (the element's own markup).
 * @csspart input - A field's input (the element's own markup).
 * @csspart warnings - A field's warnings area (also its hint).
 * @csspart warning - One warning; `data-code` names its finding, `data-level` its level.
 * @csspart fix - The user ID's one-tap fix button.
 * @csspart hint - The user ID's example while there is nothing to warn about.
 *
 * @cssprop --sonet-field-gap - Space below the field.
 * @cssprop --sonet-field-max-width - Largest width of the input (default `26em`).
 * @cssprop --sonet-field-hint-space - Room kept under the input for a hint, so that one appearing moves nothing below (default `5.5em`; `0` to keep none).
 * @cssprop --sonet-field-hint-color - Colour of the user ID's example (「例: taro_s@aa2 …」), shown in that room while there is nothing to warn about.
 * @cssprop --sonet-field-radius - Corner radius of input and buttons.
 * @cssprop --sonet-field-border-color - Border colour of input and buttons.
 * @cssprop --sonet-field-background - Input background (default `Field`).
 * @cssprop --sonet-field-color - Input text colour (default `FieldText`).
 * @cssprop --sonet-field-focus-color - Focus outline colour.
 * @cssprop --sonet-field-error-color - Accent of warnings that will make the login fail.
 * @cssprop --sonet-field-error-background - Background of those warnings.
 * @cssprop --sonet-field-warning-color - Accent of hints.
 * @cssprop --sonet-field-warning-background - Background of hints.
 * @cssprop --sonet-field-button-background - Background of the fix button (default `Field`).
 * @cssprop --sonet-field-button-color - Text colour of the fix button (default `FieldText`).
 *
 * @example
 * ```html
 * <form method="post" action="/change-id">
 *   <sonet-user-id-field name="user_id" required></sonet-user-id-field>
 *   <button>送信</button>
 * </form>
 * ```
 */
export class SonetUserIdField extends FormFieldElement {
  static override properties: PropertyDeclarations = {
    defaultValue: {attribute: 'value'},
    domain: {},
    autocomplete: {},
  };

  /** The initial value, and the value after a form reset. */
  defaultValue = '';

  /** The mail domain that must not follow the subdomain (default `so-net.ne.jp`). */
  domain = '';

  /** The input's `autocomplete` token (default `username`). */
  autocomplete: AutoFill = 'username';

  protected readonly kind = 'user-id';

  private readonly core = new UserIdCore(this, {
    input: () => this.input,
    area: () => this.skeleton,
    domain: () => this.domain,
    // Keys typed on the fix button go to the form's next input (the password, usually).
    next: () => {
      const listed = [...(this.input?.form?.elements ?? [])] as HTMLInputElement[];
      return listed.slice(listed.indexOf(this.input!) + 1).find((el) => el.localName === 'input' && el.type !== 'hidden');
    },
  });

  constructor() {
    super();
    // In the constructor: tags already in the page, upgraded by define() below, switch language too.
    updateWhenLocaleChanges(this);
  }

  protected override autocompleteToken(): string {
    return this.autocomplete || 'username';
  }

  protected override defaultLabel(): string {
    return msg('ユーザーID', {id: 'field.user-id-label'});
  }

  protected override initialValue(): string {
    return this.defaultValue;
  }

  protected override formState(value: string): string {
    return value;
  }

  protected override missingMessage(): string {
    return warningText('empty', 'user-id');
  }

  protected override resetCore(): void {
    this.core.analysis.clear();
  }
}

customElements.define('sonet-user-id-field', SonetUserIdField);

declare global {
  interface HTMLElementTagNameMap {
    'sonet-user-id-field': SonetUserIdField;
  }
}
