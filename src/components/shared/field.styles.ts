import {css} from '@lit/reactive-element/css-tag.js';

/**
 * Styles of the skeleton of the login fields (field-skeleton.ts), shared by `<sonet-login-form>`,
 * `<sonet-user-id-field>` and `<sonet-password-field>`: labels, inputs, the reveal toggle and the
 * shown password's font, the submit button, the empty regions. What the field cores render
 * (warnings, the fix) is in `fieldMoreStyles`; what `<sonet-login-form>` shows only around the
 * form or after a failure in `loginFormExtraStyles`. Both come with the behaviour.
 *
 * These elements render into the light DOM (password managers must see the inputs), so their
 * styles cannot live in a shadow root. They are adopted as a constructed stylesheet into the
 * document (or the shadow root the element sits in) — allowed under `style-src 'self'`, unlike a
 * `<style>` element or `style` attributes. Every selector is wrapped in `:where()`, so its
 * specificity is zero and any rule of the page wins; colours and sizes come from
 * `--sonet-field-*` / `--sonet-login-form-*` custom properties with fallbacks.
 */
export const fieldStyles = css`
  :where(sonet-login-form, sonet-user-id-field, sonet-password-field) {
    --_focus: var(--sonet-field-focus-color, #0b57d0);
    --_border: var(--sonet-field-border-color, #6b6b6b);
    /* One line: a custom property keeps the whitespace of its value, so the minifier cannot. */
    --_reveal-font: var(--sonet-field-reveal-font, BIZ UDGothic, Cascadia Mono, Consolas, Menlo, DejaVu Sans Mono, ui-monospace, monospace);
    display: block;
    overflow-wrap: anywhere;
  }

  @media (prefers-color-scheme: dark) {
    :where(sonet-login-form, sonet-user-id-field, sonet-password-field) {
      --_focus: var(--sonet-field-focus-color, #a8c7fa);
      --_border: var(--sonet-field-border-color, #a3a3a3);
    }
  }

  :where(sonet-login-form, sonet-user-id-field, sonet-password-field)[hidden] {
    display: none;
  }

  /* The same look on the markup the element writes and on the page's own form (the element gives
     the page's user ID and password inputs the class of its own, whatever their type; the
     page's labels are its labels). Block layout, not a flex column: as a flex item, the input
     made every keystroke lay out each item of the field again (npm run bench: a quarter of a
     key's layout). */
  :where(.sonet-field__label, sonet-login-form label) {
    display: block;
    margin-block-end: 0.375rem;
    font-weight: 600;
  }

  /* Inputs and the submit button are one width. */
  :where(.sonet-field__input, .sonet-login-form__submit) {
    display: block;
    box-sizing: border-box;
    inline-size: 100%;
    max-inline-size: var(--sonet-field-max-width, 26em);
    min-block-size: 2.75rem;
    border-radius: var(--sonet-field-radius, 0.375rem);
    font: inherit;
    /* 16px at least: iOS zooms the page into smaller inputs (and em sizes both alike). */
    font-size: max(1rem, 1em);
  }

  :where(.sonet-field__input) {
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--_border);
    background: var(--sonet-field-background, Field);
    color: var(--sonet-field-color, FieldText);
  }

  /* One reveal button: hide Edge's own. */
  :where(sonet-login-form, sonet-password-field) input::-ms-reveal {
    display: none;
  }

  /* What follows each input: the toggle, then the warnings (as wide as the input at most); the
     space between fields. */
  :where(.sonet-field__area) {
    max-inline-size: var(--sonet-field-max-width, 26em);
    margin-block: 0.375rem var(--sonet-field-gap, 1.25rem);
  }

  :where(.sonet-field__area > * + *) {
    margin-block-start: 0.375rem;
  }

  :where(.sonet-field__warnings:empty) {
    display: none;
  }

  /* The user ID's warnings (the first child of its area; the password's area starts with the
     toggle) have room for one hint before anything appears: a hint shown while typing or on
     blur (missing-subdomain) must not move the password field and the button under the pointer. */
  :where(.sonet-field__warnings:first-child) {
    display: block;
    min-block-size: var(--sonet-field-hint-space, 5.5em);
  }

  /* The show-password toggle: a check box and its label (as the seed page's
     「隠れているパスワードを表示して確認する」), checked with a tick while the password is shown;
     the user ID's one-tap fix shares its look (sized in fieldMoreStyles). */
  :where(.sonet-toggle, .sonet-fix) {
    display: inline-flex;
    align-items: center;
    gap: 0.5rem;
    min-block-size: 2.75rem;
    padding: 0 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--sonet-field-radius, 0.375rem);
    background: var(--sonet-field-button-background, Field);
    color: var(--sonet-field-button-color, FieldText);
    font: inherit;
    cursor: pointer;
  }

  :where(.sonet-field__input, .sonet-toggle, .sonet-fix, .sonet-login-form__submit):focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }

  /* The box: one line of the tick inside a border of the text's colour. */
  :where(.sonet-toggle)::before {
    content: '';
    inline-size: 1em;
    block-size: 1em;
    flex: none;
    border: 2px solid;
    border-radius: 0.2em;
    font-weight: 700;
    line-height: 1;
    text-align: center;
  }

  /* Ticked: the box filled with the text's colour, the tick in the button's background colour
     (text-fill, so that currentColor stays the box's). The tick says nothing more than
     aria-pressed: no alternative text. */
  :where(.sonet-toggle[aria-pressed='true'])::before {
    content: '✓' / '';
    background: currentColor;
    -webkit-text-fill-color: var(--sonet-field-button-background, Field);
  }

  /* While shown, I l 1 | and O 0 o must be told apart (seed: 「I」のつもりが「l」): a monospace
     font with a slashed zero and distinct I/l/1, and a little letter spacing (the font is
     --_reveal-font, set above, which the look-alike list uses too). Not in :where(): this must
     win over the page's own input font (change it with --sonet-field-reveal-font). */
  sonet-login-form input[data-sonet-revealed],
  sonet-password-field input[data-sonet-revealed] {
    font-family: var(--_reveal-font);
    font-variant-numeric: slashed-zero;
    letter-spacing: 0.08em;
  }

  /* The form's status line (a div: no margin) takes no room while empty. */
  :where(.sonet-visually-hidden, .sonet-login-form__status:empty) {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }

  /* The form's submit button: the element's, or the one the page wrote (given the class). */
  :where(.sonet-login-form__submit) {
    padding: 0.5rem 1.5rem;
    border: 1px solid transparent;
    background: var(--sonet-login-form-submit-background, #0b57d0);
    color: var(--sonet-login-form-submit-color, #fff);
    font-weight: 600;
    cursor: pointer;
  }

  /* Forced colors: the system palette replaces ours; borders keep warnings and the pressed
     toggle visible. */
  @media (forced-colors: active) {
    :where(.sonet-toggle, .sonet-fix, .sonet-login-form__submit) {
      border-color: ButtonText;
    }

    :where(.sonet-toggle[aria-pressed='true'])::before {
      forced-color-adjust: none;
      border-color: Highlight;
      background: Highlight;
      -webkit-text-fill-color: HighlightText;
    }
  }
`;
