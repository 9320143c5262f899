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

  /* Block layout, not a flex column: as a flex item, the input made every keystroke lay out
     each item of the field again (npm run bench: a quarter of a key's layout). */
  :where(.sonet-field) {
    display: block;
    margin-block-end: var(--sonet-field-gap, 1.25rem);
  }

  :where(.sonet-field > * + *) {
    margin-block-start: 0.375rem;
  }

  /* The warnings are as wide as the input at most. */
  :where(.sonet-field > div) {
    max-inline-size: var(--sonet-field-max-width, 26em);
  }

  :where(.sonet-field__label) {
    display: block;
    inline-size: fit-content;
    font-weight: 600;
  }

  :where(.sonet-field > .sonet-field__input) {
    display: block;
  }

  :where(.sonet-field__input, sonet-login-form input[type='text'], sonet-login-form input[type='password']) {
    box-sizing: border-box;
    inline-size: 100%;
    max-inline-size: var(--sonet-field-max-width, 26em);
    min-block-size: 2.75rem;
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--sonet-field-radius, 0.375rem);
    background: var(--sonet-field-background, Field);
    color: var(--sonet-field-color, FieldText);
    /* 16px at least: iOS zooms the page into smaller inputs. */
    font: inherit;
    font-size: max(1rem, 1em);
  }

  :where(.sonet-field__input, sonet-login-form input):focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 1px;
  }

  /* One reveal button: hide Edge's own. */
  :where(sonet-login-form, sonet-password-field) input::-ms-reveal,
  :where(sonet-login-form, sonet-password-field) input::-ms-clear {
    display: none;
  }

  /* The toggle and the user ID's one-tap fix (rendered by the behaviour, sized in fieldMoreStyles). */
  :where(.sonet-toggle, .sonet-fix) {
    display: inline-flex;
    align-items: center;
    gap: 0.5rem;
    min-block-size: 2.75rem;
    min-inline-size: 2.75rem;
    padding: 0.25rem 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--sonet-field-radius, 0.375rem);
    background: var(--sonet-field-button-background, ButtonFace);
    color: var(--sonet-field-button-color, ButtonText);
    font: inherit;
    cursor: pointer;
  }

  :where(.sonet-toggle, .sonet-fix):focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }

  /* A check box look, as in the seed page's 「隠れているパスワードを表示して確認する」. */
  :where(.sonet-toggle)::before {
    content: '';
    box-sizing: border-box;
    inline-size: 1.125em;
    block-size: 1.125em;
    flex: none;
    border: 2px solid currentColor;
    border-radius: 0.2em;
  }

  :where(.sonet-toggle[aria-pressed='true'])::before {
    background: currentColor;
    box-shadow: inset 0 0 0 0.18em var(--sonet-field-button-background, ButtonFace);
  }

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

  /* The form's status line takes no room while empty. */
  :where(.sonet-login-form__status) {
    margin: 0;
  }

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
    min-block-size: 2.75rem;
    min-inline-size: 8em;
    padding: 0.5rem 1.5rem;
    border: 1px solid transparent;
    border-radius: var(--sonet-field-radius, 0.375rem);
    background: var(--sonet-login-form-submit-background, #0b57d0);
    color: var(--sonet-login-form-submit-color, #fff);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
  }

  :where(.sonet-login-form__submit):focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }

  /* Forced colors: the system palette replaces ours; borders keep warnings and the pressed
     toggle visible. */
  @media (forced-colors: active) {
    :where(.sonet-toggle, .sonet-fix, .sonet-login-form__submit) {
      border-color: ButtonText;
    }

    :where(.sonet-toggle[aria-pressed='true'])::before {
      forced-color-adjust: none;
      background: Highlight;
      border-color: Highlight;
      box-shadow: inset 0 0 0 0.18em Canvas;
    }
  }
`;
