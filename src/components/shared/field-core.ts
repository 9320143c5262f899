import type {ReactiveController, ReactiveControllerHost, TemplateResult} from 'lit';
import {FieldAnnouncer, describeBy, type FieldWarning} from './field-view.js';

export type {FieldWarning};

/** Options shared by the field cores. */
export interface FieldCoreOptions {
  /** The field's `<input>` (rendered by the host or written by the page). */
  input: () => HTMLInputElement | null | undefined;
  /**
   * The input's id, known before the input is rendered; the ids of the warnings and the toggle
   * derive from it.
   */
  inputId: () => string;
}

export type FieldHost = ReactiveControllerHost & HTMLElement;

/**
 * What `<sonet-user-id-field>`, `<sonet-password-field>` and `<sonet-login-form>` share for one
 * input: the warnings list next to it, referenced from the input's `aria-describedby` (same tree:
 * everything is light DOM), and one polite status region per field (see {@link FieldAnnouncer}:
 * it announces the warnings that appeared, once, never on each keystroke).
 */
export abstract class FieldCore implements ReactiveController {
  /** The warnings rendered in this update. */
  warnings: FieldWarning[] = [];
  /** True when the last host update changed what this field renders. */
  dirty = true;

  protected readonly host: FieldHost;
  protected readonly options: FieldCoreOptions;
  protected readonly announcer = new FieldAnnouncer();
  private describedInput?: HTMLInputElement;
  private key = '';

  constructor(host: FieldHost, options: FieldCoreOptions) {
    (this.host = host).addController(this);
    this.options = options;
  }

  /** What the status region says now. */
  get announcement(): string {
    return this.announcer.text;
  }

  /** The warnings to show now (computed once per host update). */
  protected abstract computeWarnings(): FieldWarning[];

  /** A string that changes when anything else this field renders changes (the toggle, the fix). */
  protected renderKey(): string {
    return '';
  }

  /** The id of the warnings container (derived from the input's id). */
  get warningsId(): string {
    return `${this.options.inputId()}-warnings`;
  }

  hostUpdate(): void {
    this.warnings = this.computeWarnings();
    this.announcer.update(this.warnings);
    const key = `${this.announcer.text}\u0000${this.renderKey()}\u0000${this.warnings
      .map((w) => `${w.code}\u0001${w.level}\u0001${w.text}\u0001${w.detail ?? ''}`)
      .join('\u0002')}`;
    this.dirty ||= key !== this.key;
    this.key = key;
  }

  hostUpdated(): void {
    const input = this.options.input();
    if (!input || input === this.describedInput) return;
    this.describedInput = input;
    describeBy(input, this.warningsId);
  }

  /** Sets the status region's text (announced politely by screen readers). */
  announce(text: string): void {
    this.announcer.text = text;
    this.dirty = true;
  }

  /** Continues the announcements of the form's first-load view (nothing said twice). */
  adoptAnnouncer(other: FieldAnnouncer): void {
    this.announcer.adopt(other);
  }

  /** Everything rendered after the input: warnings (and, in subclasses, the toggle or fix). */
  abstract render(): TemplateResult;
}
