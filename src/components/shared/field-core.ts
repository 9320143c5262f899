import {html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult} from 'lit';
import type {FindingLevel} from '../../lib/findings.js';
import type {WarningCode} from './field-messages.js';

/** One warning as shown next to a field. */
export interface FieldWarning {
  code: WarningCode;
  level: FindingLevel;
  text: string;
  /** A second line (the characters concerned), for the user ID only. */
  detail?: string;
}

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
 * everything is light DOM), and one polite status region per field.
 *
 * The status region's text changes only when the *set* of warning codes changes — it announces
 * the warnings that appeared, once — never on each keystroke (the list itself may update its
 * text, e.g. the characters concerned, without being announced again).
 */
export abstract class FieldCore implements ReactiveController {
  /** What the status region says now. */
  announcement = '';
  /** The warnings rendered in this update. */
  warnings: FieldWarning[] = [];

  protected readonly host: FieldHost;
  protected readonly options: FieldCoreOptions;
  private codes = new Set<WarningCode>();
  private describedInput?: HTMLInputElement;

  constructor(host: FieldHost, options: FieldCoreOptions) {
    (this.host = host).addController(this);
    this.options = options;
  }

  /** The warnings to show now (computed once per host update). */
  protected abstract computeWarnings(): FieldWarning[];

  /** The id of the warnings container (derived from the input's id). */
  get warningsId(): string {
    return `${this.options.inputId()}-warnings`;
  }

  hostUpdate(): void {
    this.warnings = this.computeWarnings();
    const codes = new Set(this.warnings.map((w) => w.code));
    const added = this.warnings.filter((w) => !this.codes.has(w.code) && w.level !== 'info');
    const changed = codes.size !== this.codes.size || added.length > 0;
    this.codes = codes;
    // Only removals: clear the region, so the same warning coming back is announced again.
    if (changed) this.announce(added.map((w) => w.text).join(' '));
  }

  hostUpdated(): void {
    const input = this.options.input();
    if (!input || input === this.describedInput) return;
    this.describedInput = input;
    // Keep what the page put there (its own hints) and add ours.
    const ids = (input.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
    if (!ids.includes(this.warningsId)) input.setAttribute('aria-describedby', [...ids, this.warningsId].join(' '));
  }

  /** Sets the status region's text (announced politely by screen readers). */
  announce(text: string): void {
    this.announcement = text;
  }

  /** The warnings list (an element with {@link warningsId}, empty when there is nothing). */
  protected renderWarnings(extra: unknown = nothing): TemplateResult {
    const ws = this.warnings;
    return html`<div class="sonet-field__warnings" id=${this.warningsId} part="warnings">${
      ws.length
        ? html`<ul class="sonet-warnings">
            ${ws.map(
              (w) =>
                html`<li class="sonet-warning" part="warning" data-code=${w.code} data-level=${w.level}>
                  ${w.text}${w.detail ? html`<br />${w.detail}` : nothing}
                </li>`
            )}
          </ul>`
        : nothing
    }${extra}</div>`;
  }

  /** The polite status region of this field. */
  protected renderStatus(): TemplateResult {
    return html`<div class="sonet-visually-hidden" role="status">${this.announcement}</div>`;
  }

  /** Everything rendered after the input: warnings (and, in subclasses, the toggle). */
  abstract render(): TemplateResult;
}
