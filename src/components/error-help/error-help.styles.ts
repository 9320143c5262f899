import {css} from 'lit';

/**
 * Styles of `<sonet-error-help>`. Every colour and size comes from a
 * `--sonet-error-help-*` custom property with a fallback; private `--_*` properties pick the
 * light or dark fallback. Forced-colors mode hands colours back to the system.
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
    font: inherit;
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

  .heading:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }

  .code {
    color: var(--_muted);
    font-size: 0.875em;
  }

  .code-value,
  .support dd {
    font-family: var(--sonet-error-help-mono-font, ui-monospace, SFMono-Regular, Menlo, Consolas, monospace);
  }

  .lead {
    margin-block: 0.75rem 0.5rem;
  }

  ol {
    margin: 0;
    padding-inline-start: 1.75em;
  }

  .step + .step {
    margin-block-start: 0.75rem;
  }

  .step::marker {
    font-weight: bold;
  }

  .note {
    margin-block-start: 0.25rem;
    color: var(--_muted);
    font-size: 0.9375em;
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
  button,
  summary {
    display: inline-block;
    min-block-size: 24px;
    min-inline-size: 24px;
  }

  a:focus-visible,
  button:focus-visible,
  summary:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }

  .countdown {
    margin-block-start: 0.5rem;
    padding: 0.5rem 0.75rem;
    border-radius: 0.25rem;
    background: var(--_support-background);
    border: 1px solid var(--_border);
  }

  .countdown time {
    font-variant-numeric: tabular-nums;
    font-weight: bold;
  }

  .browser-steps {
    margin-block-start: 0.5rem;
  }

  details {
    margin-block-start: 0.5rem;
    border: 1px solid var(--_border);
    border-radius: 0.25rem;
    background: var(--_support-background);
  }

  summary {
    display: list-item;
    padding: 0.25rem 0.75rem;
    cursor: pointer;
    font-weight: bold;
  }

  .yours {
    font-weight: normal;
    color: var(--_muted);
  }

  details > .note,
  details > ol {
    margin: 0 0.75rem 0.75rem;
  }

  .browser-list li + li {
    margin-block-start: 0.25rem;
  }

  .support {
    margin-block-start: 1rem;
    padding: 0.75rem;
    border: 1px dashed var(--_border);
    border-radius: 0.25rem;
    background: var(--_support-background);
    font-size: 0.875em;
  }

  .support-title {
    margin: 0;
    font-size: 1em;
  }

  .support dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0 1rem;
    margin: 0.5rem 0;
  }

  .support dt {
    color: var(--_muted);
  }

  .support dd {
    margin: 0;
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

  .loading {
    margin-block-start: 0.75rem;
    color: var(--_muted);
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
    :host,
    .countdown,
    details,
    .support {
      border-color: CanvasText;
      background: Canvas;
      color: CanvasText;
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

    a:focus-visible,
    button:focus-visible,
    summary:focus-visible,
    .heading:focus-visible {
      outline-color: Highlight;
    }
  }

  @media (prefers-reduced-motion: no-preference) {
    summary {
      transition: background-color 0.15s;
    }
  }
`;
