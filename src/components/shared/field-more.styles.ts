import {css} from 'lit';

/**
 * Styles of what the field cores render (`field-core.ts`): the warnings and the user ID's one-tap
 * fix. Outside `<sonet-login-form>`'s first load: its behaviour adopts them when it attaches;
 * `<sonet-user-id-field>` and `<sonet-password-field>` adopt them with `fieldStyles`.
 *
 * Same conventions as `fieldStyles` (light DOM, adopted into the document or shadow root); it
 * sets the accent properties (`--_warning`, `--_error`, `--_info`) that the warnings and the
 * form's notices use.
 */
export const fieldMoreStyles = css`
  /* The accents of warnings and notices (the skeleton's colours are in fieldStyles). */
  :where(sonet-login-form, sonet-user-id-field, sonet-password-field) {
    --_warning: var(--sonet-field-warning-color, #a15c00);
    --_warning-bg: var(--sonet-field-warning-background, #fff6e5);
    --_error: var(--sonet-field-error-color, #b3261e);
    --_error-bg: var(--sonet-field-error-background, #fff1ef);
    --_info: var(--sonet-field-info-color, #0b57d0);
    --_info-bg: var(--sonet-field-info-background, #eef3fd);
  }

  @media (prefers-color-scheme: dark) {
    :where(sonet-login-form, sonet-user-id-field, sonet-password-field) {
      --_warning: var(--sonet-field-warning-color, #ffb95c);
      --_warning-bg: var(--sonet-field-warning-background, #2e2210);
      --_error: var(--sonet-field-error-color, #ffb4ab);
      --_error-bg: var(--sonet-field-error-background, #33191a);
      --_info: var(--sonet-field-info-color, #a8c7fa);
      --_info-bg: var(--sonet-field-info-background, #17233a);
    }
  }

  :where(.sonet-field__warnings:empty) {
    display: none;
  }

  :where(.sonet-warnings) {
    display: flex;
    flex-direction: column;
    gap: 0.375rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }

  :where(.sonet-warning) {
    padding: 0.375rem 0.625rem;
    border: 1px solid transparent;
    border-inline-start: 0.25rem solid var(--_warning);
    border-radius: 0.25rem;
    background: var(--_warning-bg);
  }

  :where(.sonet-warning__detail) {
    display: block;
  }

  :where(.sonet-warning[data-level='error']) {
    border-inline-start-color: var(--_error);
    background: var(--_error-bg);
  }

  :where(.sonet-warning[data-level='info']) {
    border-inline-start-color: var(--_info);
    background: var(--_info-bg);
  }

  /* The fix button shares the toggle's look (fieldStyles); it is smaller and sits below the list. */
  :where(.sonet-fix) {
    min-block-size: 2.25rem;
    margin-block-start: 0.375rem;
  }

  @media (forced-colors: active) {
    :where(.sonet-warning) {
      border-color: CanvasText;
    }
  }
`;
