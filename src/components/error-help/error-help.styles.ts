import {css} from 'lit';

/**
 * Styles of the `<sonet-error-help>` shell: the box, heading, code line, loading and fallback
 * states. The steps, disclosures and support box are styled by `guidance.styles.ts`, which
 * arrives with the guidance module.
 *
 * Every colour and size comes from a `--sonet-error-help-*` custom property with a fallback;
 * private `--_*` properties pick the light or dark fallback, and the guidance styles use them
 * too. Forced-colors mode hands colours back to the system.
 */
export const errorHelpStyles = css`
  :host {
    --_background: var(--sonet-error-help-background, #fff8f6);
    --_color: var(--sonet-error-help-color, #1f1f1f);
    --_muted: var(--sonet-error-help-muted-color, #4a4a4a);
    --_accent: var(--sonet-error-help-accent-color, #b3261e);
    --_border: var(--sonet-error-help-border-color, #e6c3bf);
    --_link: var(--sonet-error-help-link-color, #0b57d0);
    --_focus: var(--sonet-error-help-focus-color, #0b57d0);
    --_support-background: var(--sonet-error-help-support-background, #ffffff);
    --_button-background: var(--sonet-error-help-button-background, #ffffff);
    --_button-color: var(--sonet-error-help-button-color, #0b57d0);

    display: block;
    box-sizing: border-box;
    padding: var(--sonet-error-help-padding, 1rem 1.25rem);
    border: 1px solid var(--_border);
    border-inline-start: 0.25rem solid var(--_accent);
    border-radius: var(--sonet-error-help-radius, 0.5rem);
    background: var(--_background);
    color: var(--_color);
    font-size: var(--sonet-error-help-font-size, 1rem);
    line-height: 1.7;
    overflow-wrap: anywhere;
  }

  @media (prefers-color-scheme: dark) {
    :host {
      --_background: var(--sonet-error-help-background, #2b1e1d);
      --_color: var(--sonet-error-help-color, #f2eceb);
      --_muted: var(--sonet-error-help-muted-color, #cfc4c2);
      --_accent: var(--sonet-error-help-accent-color, #ffb4ab);
      --_border: var(--sonet-error-help-border-color, #5c3f3c);
      --_link: var(--sonet-error-help-link-color, #a8c7fa);
      --_focus: var(--sonet-error-help-focus-color, #a8c7fa);
      --_support-background: var(--sonet-error-help-support-background, #1f1716);
      --_button-background: var(--sonet-error-help-button-background, #1f1716);
      --_button-color: var(--sonet-error-help-button-color, #a8c7fa);
    }
  }

  :host([hidden]) {
    display: none;
  }

  /* A phone: every pixel of width is a line less, and the form has to fit below. */
  @media (max-width: 30em) {
    :host {
      padding: var(--sonet-error-help-padding, 0.75rem 0.875rem);
      line-height: 1.6;
    }
  }

  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }

  p {
    margin: 0;
  }

  .heading {
    margin: 0 0 0.25rem;
    font-size: var(--sonet-error-help-heading-size, 1.125rem);
    line-height: 1.4;
    color: var(--_accent);
  }

  .heading:focus {
    outline: none;
  }

  .code,
  .note {
    color: var(--_muted);
    font-size: 0.9375em;
  }

  .code {
    font-size: 0.875em;
  }

  .lead,
  .loading {
    margin-block: 0.75rem 0.5rem;
  }

  @media (max-width: 30em) {
    .lead,
    .loading {
      margin-block: 0.5rem 0.375rem;
    }
  }

  .link {
    margin-block-start: 0.25rem;
  }

  a {
    color: var(--_link);
    text-underline-offset: 0.15em;
  }

  /* Touch targets ≥ 24 × 24 CSS px (WCAG 2.2, 2.5.8). */
  a,
  button {
    display: inline-block;
    min-block-size: 24px;
    min-inline-size: 24px;
  }

  button {
    padding: 0.25rem 0.75rem;
    border: 1px solid currentColor;
    border-radius: 0.25rem;
    background: var(--_button-background);
    color: var(--_button-color);
    font: inherit;
    cursor: pointer;
  }

  .heading:focus-visible,
  a:focus-visible,
  button:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }

  .visually-hidden {
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

  @media (forced-colors: active) {
    :host {
      border-color: CanvasText;
    }

    .heading {
      color: CanvasText;
    }

    a {
      color: LinkText;
    }

    button {
      border-color: ButtonText;
      background: ButtonFace;
      color: ButtonText;
    }

    .heading:focus-visible,
    a:focus-visible,
    button:focus-visible {
      outline-color: Highlight;
    }
  }
`;
