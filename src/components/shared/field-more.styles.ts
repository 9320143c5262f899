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

  /* The fix button shares the toggle's look (fieldStyles); it is smaller and sits below the list. */
  :where(.sonet-fix) {
    min-block-size: 2.25rem;
    margin-block-start: 0.375rem;
  }
`;
