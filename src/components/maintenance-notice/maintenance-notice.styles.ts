import {css} from 'lit';

/**
 * Styles of `<sonet-maintenance-notice>`. Colours come from `--sonet-maintenance-notice-*`
 * custom properties with light and dark fallbacks; the accent differs by kind (outage: red,
 * maintenance now: amber, planned: blue). Forced-colors mode hands colours back to the system.
 */
export const maintenanceNoticeStyles = css`
  :host {
    --_background: var(--sonet-maintenance-notice-background, #fffbf0);
    --_color: var(--sonet-maintenance-notice-color, #1f1f1f);
    --_muted: var(--sonet-maintenance-notice-muted-color, #4a4a4a);
    --_border: var(--sonet-maintenance-notice-border-color, #e8d9b0);
    --_link: var(--sonet-maintenance-notice-link-color, #0b57d0);
    --_focus: var(--sonet-maintenance-notice-focus-color, #0b57d0);
    --_incident: var(--sonet-maintenance-notice-incident-color, #b3261e);
    --_maintenance: var(--sonet-maintenance-notice-maintenance-color, #8a5a00);
    --_upcoming: var(--sonet-maintenance-notice-upcoming-color, #0b57d0);

    display: block;
    box-sizing: border-box;
    color: var(--_color);
    font: inherit;
    font-size: var(--sonet-maintenance-notice-font-size, 1rem);
    line-height: 1.7;
    overflow-wrap: anywhere;
  }

  @media (prefers-color-scheme: dark) {
    :host {
      --_background: var(--sonet-maintenance-notice-background, #2a2418);
      --_color: var(--sonet-maintenance-notice-color, #f1ece2);
      --_muted: var(--sonet-maintenance-notice-muted-color, #d0c8b8);
      --_border: var(--sonet-maintenance-notice-border-color, #5c4f30);
      --_link: var(--sonet-maintenance-notice-link-color, #a8c7fa);
      --_focus: var(--sonet-maintenance-notice-focus-color, #a8c7fa);
      --_incident: var(--sonet-maintenance-notice-incident-color, #ffb4ab);
      --_maintenance: var(--sonet-maintenance-notice-maintenance-color, #f5c46a);
      --_upcoming: var(--sonet-maintenance-notice-upcoming-color, #a8c7fa);
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

  .notice {
    --_accent: var(--_upcoming);
    padding: var(--sonet-maintenance-notice-padding, 0.75rem 1rem);
    border: 1px solid var(--_border);
    border-inline-start: 0.25rem solid var(--_accent);
    border-radius: var(--sonet-maintenance-notice-radius, 0.5rem);
    background: var(--_background);
  }

  .notice.incident {
    --_accent: var(--_incident);
  }

  .notice.maintenance {
    --_accent: var(--_maintenance);
  }

  .heading {
    margin: 0 0 0.25rem;
    font-size: var(--sonet-maintenance-notice-heading-size, 1.0625rem);
    line-height: 1.4;
    color: var(--_accent);
  }

  p {
    margin: 0;
  }

  p + p {
    margin-block-start: 0.25rem;
  }

  .title {
    font-weight: bold;
  }

  .meta {
    color: var(--_muted);
    font-size: 0.9375em;
  }

  a {
    display: inline-block;
    min-block-size: 24px;
    color: var(--_link);
    text-underline-offset: 0.15em;
  }

  a:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
    border-radius: 2px;
  }

  @media (forced-colors: active) {
    .notice {
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
  }
`;
