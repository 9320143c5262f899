import {css} from 'lit';

/**
 * Styles of what `<sonet-login-form>` shows only around the form or after a failure: the areas
 * above the form, the lockout, autofill and checklist notices and the fallback help (the links
 * below the form have their own, in login-form.links.ts). Kept out of the first load (`fieldStyles`
 * holds what the skeleton needs); adopted by the behaviour when it attaches.
 *
 * Same conventions as `fieldStyles`: light DOM, so a constructed stylesheet adopted into the
 * document or shadow root; every selector in `:where()` (specificity zero, the page's rules win);
 * colours from the `--_*` properties `fieldStyles` sets on the element.
 */
export const loginFormExtraStyles = css`
  /* After a failure the guidance above the form takes the room; the space kept under the user ID
     for a hint (fieldStyles) goes, and with it the ID's example (the guidance says what to
     check), so that the form stays within a screen of the guidance's heading on a phone. */
  :where(sonet-login-form:has(.sonet-login-form__guidance > *) .sonet-field__warnings:first-child) {
    min-block-size: 0;
  }

  :where(sonet-login-form:has(.sonet-login-form__guidance > *) .sonet-field__hint) {
    display: none;
  }

  /* While a login is on its way (the behaviour sets it). */
  :where(.sonet-login-form__submit[aria-disabled='true']) {
    cursor: progress;
    opacity: 0.75;
  }

  :where(.sonet-login-form__guidance) {
    display: flex;
    flex-direction: column;
    gap: 0.5rem;
  }

  /* About forty Japanese characters a line on a wide screen, not the width of the page. */
  :where(.sonet-login-form__alerts) {
    max-inline-size: var(--sonet-login-form-guidance-max-width, 40rem);
  }

  /* What shows above the form (the guidance, the status line) keeps it at a distance; on each
     part, not on the area by :has(), which WebKit did not re-match as the parts filled. */
  :where(.sonet-login-form__alerts > :not(:empty)) {
    margin-block-end: 1.25rem;
  }

  :where(.sonet-notice) {
    padding: 0.75rem 1rem;
    border: 1px solid transparent;
    border-inline-start: 0.25rem solid var(--_warning);
    border-radius: 0.375rem;
    background: var(--_warning-bg);
  }

  /* Closed notices: one compact row each, under the guidance. */
  :where(details.sonet-notice) {
    padding-block: 0.375rem;
    font-size: 0.9375em;
  }

  :where(.sonet-login-form__guidance > sonet-error-help) {
    margin-block-end: 0.5rem;
  }

  :where(.sonet-notice[data-kind='info']) {
    border-inline-start-color: var(--_info);
    background: var(--_info-bg);
  }

  :where(.sonet-notice) > :where(:first-child) {
    margin-block-start: 0;
  }

  :where(.sonet-notice) > :where(:last-child) {
    margin-block-end: 0;
  }

  :where(.sonet-notice__title) {
    margin: 0 0 0.5rem;
    font-size: 1em;
    font-weight: 700;
  }

  /* The fallback's code as one piece ("invalid-credentials" broke at its hyphen): on the next
     line when it does not fit beside its label, broken only when longer than a line. */
  :where(.sonet-login-form__code) {
    display: inline-block;
    max-inline-size: 100%;
    overflow-wrap: anywhere;
  }

  :where(summary.sonet-notice__title) {
    min-block-size: 24px;
    margin: 0;
    cursor: pointer;
  }

  :where(details[open] > summary.sonet-notice__title) {
    margin-block-end: 0.5rem;
  }

  :where(.sonet-notice) :where(ul) {
    margin: 0.5rem 0 0;
    padding-inline-start: 1.25em;
  }

  :where(.sonet-notice a) {
    display: inline-block;
    min-block-size: 24px;
    padding-block: 0.125rem;
    color: var(--sonet-login-form-link-color, var(--_focus, LinkText));
  }

  @media (forced-colors: active) {
    :where(.sonet-notice) {
      border-color: CanvasText;
    }
  }
`;
