import {html, nothing, type TemplateResult} from 'lit';
import {msg} from '@lit/localize';
import type {FindingLevel} from '../../lib/findings.js';
import type {WarningCode} from './field-messages.js';

/**
 * The markup after a field's input, shared by `<sonet-login-form>` (before and after its
 * behaviour module is attached), `<sonet-user-id-field>` and `<sonet-password-field>`. One set of
 * templates, so a form whose behaviour arrives later updates the same DOM in place (a focused
 * toggle keeps its focus).
 */

/** One warning as shown next to a field. */
export interface FieldWarning {
  code: WarningCode;
  level: FindingLevel;
  text: string;
  /** A second line (the characters concerned, the look-alike names). */
  detail?: string;
}

/**
 * What a field's polite status region says: the warnings that appeared, once — never on each
 * keystroke (the list itself may update its text without being announced again). Only
 * removals clear the region, so the same warning coming back is announced again.
 */
export class FieldAnnouncer {
  /** What the status region says now. */
  text = '';
  private codes = new Set<WarningCode>();

  /** Takes the warnings rendered now; returns true when the announcement changed. */
  update(warnings: readonly FieldWarning[]): boolean {
    const codes = new Set(warnings.map((w) => w.code));
    const added = warnings.filter((w) => !this.codes.has(w.code) && w.level !== 'info');
    const changed = codes.size !== this.codes.size || added.length > 0;
    this.codes = codes;
    if (changed) this.text = added.map((w) => w.text).join(' ');
    return changed;
  }

  /** Continues where another announcer left off (nothing said twice). */
  adopt(other: FieldAnnouncer): void {
    this.codes = other.codes;
    this.text = other.text;
  }
}

/** The warnings list (an element with `id`, empty when there is nothing) and `extra` after it. */
export function warningsView(id: string, warnings: readonly FieldWarning[], extra: unknown = nothing): TemplateResult {
  return html`<div class="sonet-field__warnings" id=${id} part="warnings">${
    warnings.length
      ? html`<ul class="sonet-warnings">
          ${warnings.map(
            (w) =>
              // The detail is a block of its own: when it changes (on most keys while typing
              // kana), only its line is laid out again, not the sentence above it.
              html`<li class="sonet-warning" part="warning" data-code=${w.code} data-level=${w.level}>${w.text}${
                w.detail ? html`<span class="sonet-warning__detail">${w.detail}</span>` : nothing
              }</li>`
          )}
        </ul>`
      : nothing
  }${extra}</div>`;
}

/** A field's polite status region. */
export function statusView(text: string): TemplateResult {
  return html`<div class="sonet-visually-hidden" role="status">${text}</div>`;
}

/** The user ID's area: warnings, the one-tap fix when there is one, the status region. */
export function userIdView(
  warningsId: string,
  warnings: readonly FieldWarning[],
  announcement: string,
  fix?: {label: string; apply: () => void}
): TemplateResult {
  return html`${warningsView(
    warningsId,
    warnings,
    fix ? html`<button type="button" class="sonet-fix" part="fix" @click=${fix.apply}>${fix.label}</button>` : nothing
  )}${statusView(announcement)}`;
}

/** The password's area: the show-password toggle, the warnings, the status region. */
export function passwordView(
  ids: {input: string; toggle: string; warnings: string},
  shown: boolean,
  onToggle: () => void,
  warnings: readonly FieldWarning[],
  announcement: string
): TemplateResult {
  return html`<button
      type="button"
      class="sonet-toggle"
      part="toggle"
      id=${ids.toggle}
      aria-pressed=${shown ? 'true' : 'false'}
      aria-controls=${ids.input}
      @click=${onToggle}
    >
      ${msg('パスワードを表示', {id: 'field.show-password'})}</button
    >${warningsView(ids.warnings, warnings)}${statusView(announcement)}`;
}

/** Adds `id` to the input's `aria-describedby`, keeping what the page put there. */
export function describeBy(input: HTMLInputElement, id: string): void {
  const ids = (input.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
  if (!ids.includes(id)) input.setAttribute('aria-describedby', [...ids, id].join(' '));
}
