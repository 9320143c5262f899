import type {LoginErrorCode} from '../../lib/login-response.js';

/**
 * Fired by `<sonet-error-help>` when the wait after an access restriction (`SS503`) or a lock
 * is over, so a login form can enable its submit button again. Bubbles and crosses shadow
 * roots; not cancelable (nothing to prevent).
 *
 * @example
 * ```ts
 * help.addEventListener('sonet-error-help-retry-ready', () => { submit.disabled = false; });
 * ```
 */
export class SonetErrorHelpRetryReadyEvent extends Event {
  static readonly eventName = 'sonet-error-help-retry-ready' as const;

  /** The failure whose wait is over. */
  readonly code: LoginErrorCode;

  constructor(code: LoginErrorCode) {
    super(SonetErrorHelpRetryReadyEvent.eventName, {bubbles: true, composed: true});
    this.code = code;
  }

  /** The same field, for code written against `CustomEvent.detail`. */
  get detail(): {code: LoginErrorCode} {
    return {code: this.code};
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'sonet-error-help-retry-ready': SonetErrorHelpRetryReadyEvent;
  }
}
