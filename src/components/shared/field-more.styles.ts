import {css} from 'lit';

/**
 * Styles of what only the full field behaviour shows (`field-core.ts` and its cores): the shown
 * password's font and the user ID's one-tap fix. Outside `<sonet-login-form>`'s first load: its
 * behaviour module adopts them when it attaches (a toggle press or the fix always go through it);
 * `<sonet-user-id-field>` and `<sonet-password-field>` adopt them with `fieldStyles`.
 *
 * Same conventions as `fieldStyles` (light DOM, adopted into the document or shadow root, the
 * `--_*` properties it sets on the element).
 */
export const fieldMoreStyles = css`
  /* While shown, I l 1 | and O 0 o must be told apart (seed: 「I」のつもりが「l」): a monospace
     font with a slashed zero and distinct I/l/1, and a little letter spacing. Not in :where():
     this must win over the page's own input font (change it with --sonet-field-reveal-font). */
  sonet-login-form input[data-sonet-revealed],
  sonet-password-field input[data-sonet-revealed] {
    font-family: var(
      --sonet-field-reveal-font,
      'BIZ UDGothic',
      'Cascadia Mono',
      'Consolas',
      'Menlo',
      'DejaVu Sans Mono',
      ui-monospace,
      monospace
    );
    font-variant-numeric: slashed-zero;
    letter-spacing: 0.08em;
  }

  :where(.sonet-fix) {
    display: inline-flex;
    align-items: center;
    min-block-size: 2.25rem;
    min-inline-size: 2.75rem;
    margin-block-start: 0.375rem;
    padding: 0.25rem 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--sonet-field-radius, 0.375rem);
    background: var(--sonet-field-button-background, ButtonFace);
    color: var(--sonet-field-button-color, ButtonText);
    font: inherit;
    cursor: pointer;
  }

  :where(.sonet-fix):focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }

  @media (forced-colors: active) {
    :where(.sonet-fix) {
      border-color: ButtonText;
    }
  }
`;
