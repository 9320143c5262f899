import {html, nothing, type TemplateResult} from 'lit';
import {msg} from '@lit/localize';
import type {FieldWarning} from './field-view.js';

/**
 * The Lit templates of the markup after a field's input, rendered by the full field cores
 * (`field-core.ts`: `<sonet-login-form>`'s behaviour module, `<sonet-user-id-field>`,
 * `<sonet-password-field>`). Out of `<sonet-login-form>`'s first load: its first view builds the
 * same markup (classes, parts, ids) with DOM calls, and the behaviour renders these in its place
 * when it attaches.
 */

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
  fix?: {label: string; apply: () => void; press: () => void}
): TemplateResult {
  return html`${warningsView(
    warningsId,
    warnings,
    fix ? html`<button type="button" class="sonet-fix" part="fix" @pointerdown=${fix.press} @click=${fix.apply}>${fix.label}</button>` : nothing
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
