import type {LoginErrorCode} from '../../lib/login-response.js';

/**
 * Fired by `<sonet-login-form>` without an `action` when the member submits: the host sends
 * the form data itself, then calls `showError(code)` or `showSuccess()`.
 *
 * The only event of the library that carries the password (in {@link formData}), because the
 * host asked for it by leaving `action` out. Do not log it or keep it.
 *
 * Cancelable: by default the form enters its busy state (the button says 「ログインしています…」
 * and further submits are ignored) until the host calls `showError()`/`showSuccess()`;
 * `preventDefault()` keeps the form idle.
 *
 * @example
 * ```ts
 * form.addEventListener('sonet-login-submit', async (event) => {
 *   const response = await myLogin(event.formData);
 *   if (response.ok) form.showSuccess();
 *   else form.showError(response.code);
 * });
 * ```
 */
export class SonetLoginSubmitEvent extends Event {
  static readonly eventName = 'sonet-login-submit' as const;

  /** The form's data: user ID, password and any hidden inputs (e.g. a CSRF token). */
  readonly formData: FormData;

  /** The same data, for code written against `CustomEvent.detail`. */
  readonly detail: {readonly formData: FormData};

  constructor(formData: FormData) {
    super(SonetLoginSubmitEvent.eventName, {bubbles: true, composed: true, cancelable: true});
    this.formData = formData;
    this.detail = {formData};
  }
}

/**
 * Fired by `<sonet-login-form>` when a login succeeded (a 2xx answer with `action`, or the host
 * calling `showSuccess()`). Carries no credentials.
 *
 * Cancelable: by default the page goes to {@link redirect} (same-origin only: the `redirect` of
 * the JSON answer, else the URL the request was redirected to); without one the form says that
 * the login succeeded. `preventDefault()` leaves navigation to the host.
 *
 * @example
 * ```ts
 * form.addEventListener('sonet-login-success', (event) => {
 *   event.preventDefault();
 *   router.go(event.redirect ?? '/mypage/');
 * });
 * ```
 */
export class SonetLoginSuccessEvent extends Event {
  static readonly eventName = 'sonet-login-success' as const;

  /** Where the login leads, already checked to be on this page's origin; `null` when none. */
  readonly redirect: string | null;

  constructor(redirect: string | null) {
    super(SonetLoginSuccessEvent.eventName, {bubbles: true, composed: true, cancelable: true});
    this.redirect = redirect;
  }

  /** The same field, for code written against `CustomEvent.detail`. */
  get detail(): {redirect: string | null} {
    return {redirect: this.redirect};
  }
}

/**
 * Fired by `<sonet-login-form>` when a login failed and the form shows its guidance. Carries
 * the failure code only — no ID, no password, no server text.
 *
 * @example
 * ```ts
 * form.addEventListener('sonet-login-error', (event) => analytics.count(`login-${event.code}`));
 * ```
 */
export class SonetLoginErrorEvent extends Event {
  static readonly eventName = 'sonet-login-error' as const;

  /** The failure, as `mapLoginResponse()` codes it (`invalid-credentials`, `SS503`, `network`…). */
  readonly code: LoginErrorCode;

  /** Seconds until a retry makes sense, when the server said so (`Retry-After`). */
  readonly retryAfterSeconds?: number;

  /** Consecutive failures in this tab so far (0 when the code is not a credential failure). */
  readonly failures: number;

  constructor(code: LoginErrorCode, options: {retryAfterSeconds?: number; failures?: number} = {}) {
    super(SonetLoginErrorEvent.eventName, {bubbles: true, composed: true});
    this.code = code;
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.failures = options.failures ?? 0;
  }

  /** The same fields, for code written against `CustomEvent.detail`. */
  get detail(): {code: LoginErrorCode; retryAfterSeconds?: number; failures: number} {
    return {code: this.code, retryAfterSeconds: this.retryAfterSeconds, failures: this.failures};
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'sonet-login-submit': SonetLoginSubmitEvent;
    'sonet-login-success': SonetLoginSuccessEvent;
    'sonet-login-error': SonetLoginErrorEvent;
  }
}
