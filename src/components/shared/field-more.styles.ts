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
    /* Japanese lines break between phrases (「ありま/せん」 no more), where supported; elsewhere
       the declaration is dropped and lines break as before. */
    word-break: auto-phrase;
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

  /* The user ID's example: quieter than a warning, in the room kept for one. */
  :where(.sonet-field__hint) {
    margin: 0;
    color: var(--sonet-field-hint-color, color-mix(in srgb, currentColor 72%, transparent));
    font-size: 0.875em;
    line-height: 1.5;
  }

  /* One line height whatever the fonts the text falls back to: three lines of a hint fill the
     room fieldStyles keeps under the user ID. */
  :where(.sonet-warnings) {
    display: flex;
    flex-direction: column;
    gap: 0.375rem;
    margin: 0;
    padding: 0;
    list-style: none;
    line-height: 1.5;
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

  /* The user ID's one-tap fix, below the list: the toggle's look (fieldStyles), smaller. */
  :where(.sonet-fix) {
    min-block-size: 2.25rem;
    min-inline-size: 2.75rem;
    margin-block-start: 0.375rem;
    padding: 0.25rem 0.75rem;
    gap: 0;
  }

  /* The look-alikes named in the font of the shown password, where I, l and | differ. */
  :where(.sonet-warning[data-code='look-alike'] .sonet-warning__detail) {
    font-family: var(--_reveal-font);
    font-variant-numeric: slashed-zero;
  }

  @media (forced-colors: active) {
    :where(.sonet-warning) {
      border-color: CanvasText;
    }
  }
`;
