import {ReactiveElement, type PropertyDeclarations, type PropertyValues} from '@lit/reactive-element';
import {ensureSonetLocalization} from '../../localization.js';
import {adoptSonetStyles} from './adopt-styles.js';
import {fieldStyles} from './field.styles.js';
import {fieldMoreStyles} from './field-more.styles.js';
import {buildField, type FieldKind, type FieldSkeleton} from './field-skeleton.js';

let counter = 0;

/**
 * The form-associated base of `<sonet-user-id-field>` and `<sonet-password-field>`.
 *
 * The element takes part in its `<form>` through ElementInternals (`setFormValue`, `setValidity`
 * with the real `<input>` as anchor, reset / disable / restore callbacks) under its own `name`.
 * Its field is written into the element's light DOM once, on first connection, by the builder
 * the login form uses too (`field-skeleton.ts`) — never into a shadow root, so browsers' and
 * third-party password managers find, fill and save the `<input>` — with an `id`, a
 * `<label for>` and `autocomplete`, but without `name`, so the value is not submitted twice.
 *
 * @internal
 */
export abstract class FormFieldElement extends ReactiveElement {
  static formAssociated = true;

  static override properties: PropertyDeclarations = {
    name: {reflect: true},
    label: {},
    required: {type: Boolean, reflect: true},
    disabled: {type: Boolean, reflect: true},
  };

  /** The name the value is submitted under. */
  name = '';

  /** The visible label; the localized default when empty. */
  label = '';

  /** The member must fill the field before the form submits (`valueMissing`). */
  required = false;

  /** Disables the field (also set when an ancestor `<fieldset disabled>` disables it). */
  disabled = false;

  protected readonly internals: ElementInternals;
  /** The id of the `<input>`, unique in the document. */
  protected readonly inputId = `sonet-field-${++counter}`;
  /** The field the element wrote (on first connection). */
  protected skeleton?: FieldSkeleton;
  private pendingValue?: string;
  private formDisabled = false;

  constructor() {
    super();
    this.internals = this.attachInternals();
  }

  /** The `<input>` in the element's light DOM (once connected). */
  get input(): HTMLInputElement | null {
    return this.skeleton?.input ?? null;
  }

  /** The current value. */
  get value(): string {
    return this.input?.value ?? this.pendingValue ?? '';
  }

  set value(value: string) {
    const v = value == null ? '' : String(value);
    const input = this.input;
    if (!input) {
      this.pendingValue = v;
      return;
    }
    input.value = v;
    this.onValueChange();
  }

  /** The form the element belongs to. */
  get form(): HTMLFormElement | null {
    return this.internals.form;
  }

  /** The element's validity (only `valueMissing` with `required`; warnings never invalidate). */
  get validity(): ValidityState {
    return this.internals.validity;
  }

  /** The message of the current validity problem, or `''`. */
  get validationMessage(): string {
    return this.internals.validationMessage;
  }

  /** Whether the element takes part in constraint validation. */
  get willValidate(): boolean {
    return this.internals.willValidate;
  }

  /** Checks validity; fires `invalid` when invalid. */
  checkValidity(): boolean {
    return this.internals.checkValidity();
  }

  /** Checks validity and shows the browser's message at the `<input>` when invalid. */
  reportValidity(): boolean {
    return this.internals.reportValidity();
  }

  /** Moves focus to the `<input>`. */
  override focus(options?: FocusOptions): void {
    this.input?.focus(options);
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    if (!this.skeleton) {
      const skeleton = (this.skeleton = buildField(this.kind, this.inputId, this.autocompleteToken()));
      this.append(skeleton.field);
      skeleton.input.addEventListener('input', () => this.onValueChange());
      const initial = this.pendingValue ?? this.initialValue();
      this.pendingValue = undefined;
      if (initial) skeleton.input.value = initial;
    }
    super.connectedCallback();
    void ensureSonetLocalization();
    adoptSonetStyles(this, fieldStyles);
    adoptSonetStyles(this, fieldMoreStyles);
  }

  /** Which field the element is. */
  protected abstract readonly kind: FieldKind;

  /** The input's `autocomplete` token now. */
  protected abstract autocompleteToken(): string;

  /** The label's text when `label` is empty (localized). */
  protected abstract defaultLabel(): string;

  protected override update(changed: PropertyValues<this>): void {
    super.update(changed);
    const skeleton = this.skeleton;
    if (!skeleton) return;
    // Each update: a locale change updates the element without a property change.
    const text = this.label || this.defaultLabel();
    if (skeleton.label.textContent !== text) skeleton.label.textContent = text;
    const token = this.autocompleteToken();
    if (skeleton.input.getAttribute('autocomplete') !== token) skeleton.input.setAttribute('autocomplete', token);
  }

  protected override firstUpdated(): void {
    this.onValueChange();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('disabled')) this.syncDisabled();
    if (changed.has('required') || changed.has('label')) this.syncValidity();
  }

  /** The value on first render and after a form reset. */
  protected initialValue(): string {
    return '';
  }

  /** The state kept for session history (`formStateRestoreCallback`). */
  protected abstract formState(value: string): string;

  /** The localized "please fill in" message. */
  protected abstract missingMessage(): string;

  /** Forgets warnings and hides what the field shows (a form reset). */
  protected abstract resetCore(): void;

  private onValueChange(): void {
    const value = this.value;
    this.internals.setFormValue(value, this.formState(value));
    this.syncValidity();
  }

  private syncValidity(): void {
    const input = this.input;
    if (!input) return;
    if (this.required) input.setAttribute('aria-required', 'true');
    else input.removeAttribute('aria-required');
    if (this.required && !input.value) this.internals.setValidity({valueMissing: true}, this.missingMessage(), input);
    else this.internals.setValidity({});
  }

  private syncDisabled(): void {
    const input = this.input;
    if (input) input.disabled = this.disabled || this.formDisabled;
  }

  /** @internal */
  formResetCallback(): void {
    const input = this.input;
    if (input) input.value = this.initialValue();
    this.resetCore();
    this.onValueChange();
  }

  /** @internal */
  formDisabledCallback(disabled: boolean): void {
    this.formDisabled = disabled;
    this.syncDisabled();
  }

  /** @internal */
  formStateRestoreCallback(state: string | File | FormData | null): void {
    if (typeof state === 'string' && state) this.value = state;
  }
}
