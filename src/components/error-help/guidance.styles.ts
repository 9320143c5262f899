import {css} from 'lit';

/**
 * Styles of the parts the guidance module renders (steps, countdown, the disclosures of the
 * other steps, of each browser's settings and of the support info). They use the private `--_*`
 * colours the shell's styles set from the `--sonet-error-help-*` custom properties.
 */
export const guidanceStyles = css`
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
  }

  .countdown,
  details,
  .support {
    border: 1px solid var(--_border);
    border-radius: 0.25rem;
    background: var(--_support-background);
  }

  .countdown {
    margin-block-start: 0.5rem;
    padding: 0.5rem 0.75rem;
  }

  .countdown .left {
    font-variant-numeric: tabular-nums;
    font-weight: bold;
    white-space: nowrap;
  }

  .retry-at {
    white-space: nowrap;
    color: var(--_muted);
  }

  .browser-steps {
    margin-block-start: 0.5rem;
  }

  details {
    margin-block-start: 0.5rem;
  }

  /* The other steps and the support info: one after the other, right under the first steps. */
  .more,
  .support {
    margin-block-start: 0.75rem;
  }

  .more + .support {
    margin-block-start: 0.5rem;
  }

  .more > ol {
    margin: 0.25rem 0.75rem 0.75rem;
  }

  /* A list item, so the disclosure triangle stays; ≥ 24px high (WCAG 2.2, 2.5.8). */
  summary {
    display: list-item;
    min-block-size: 24px;
    padding: 0.25rem 0.75rem;
    cursor: pointer;
    font-weight: bold;
  }

  summary:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }

  .yours {
    font-weight: normal;
    color: var(--_muted);
  }

  .browser > .note,
  .browser > ol {
    margin: 0 0.75rem 0.75rem;
  }

  .browser > ol + .note {
    margin-block-start: -0.25rem;
  }

  .browser-list li + li {
    margin-block-start: 0.25rem;
  }

  .support {
    border-style: dashed;
  }

  .support-body {
    padding: 0 0.75rem 0.75rem;
    font-size: 0.875em;
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
    font-family: var(--sonet-error-help-mono-font, ui-monospace, SFMono-Regular, Menlo, Consolas, monospace);
  }

  @media (max-width: 30em) {
    ol {
      padding-inline-start: 1.5em;
    }

    .browser-steps details {
      margin-block-start: 0.25rem;
    }

    .browser summary {
      padding-block: 0.125rem;
      line-height: 1.4;
    }

    .step + .step {
      margin-block-start: 0.5rem;
    }

    .countdown {
      margin-block-start: 0.375rem;
      padding: 0.25rem 0.625rem;
    }

    .more,
    .support {
      margin-block-start: 0.5rem;
    }

    .more + .support {
      margin-block-start: 0.375rem;
    }

    .more > summary,
    .support > summary {
      padding-block: 0.125rem;
    }
  }

  @media (forced-colors: active) {
    .countdown,
    details,
    .support {
      border-color: CanvasText;
    }

    summary:focus-visible {
      outline-color: Highlight;
    }
  }
`;
