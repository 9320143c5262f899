/**
 * What `<sonet-login-form>` does beyond its skeleton: the field cores (warnings, the one-tap fix,
 * the characters concerned, the look-alike list, Caps Lock, blur-time hints), submission, failure
 * guidance and notices, cookie guidance. A reactive controller of the element, which it sees only
 * through `LoginFormHost` and `LoginFormSkeleton` (login-form.host.ts): it renders into the
 * regions of the skeleton and never writes the skeleton itself.
 *
 * Loaded when the browser is idle or on the first focus or press (login-form.ts). When it
 * attaches it analyses what is already typed.
 */
import {html, nothing, render as renderTemplate, type ReactiveController, type TemplateResult} from 'lit';
import {msg} from '@lit/localize';
import {getSonetLocale} from '../../localization.js';
import {lazy} from '../../lib/lazy.js';
import {AutofillController} from '../../controllers/autofill-controller.js';
import {CapabilitiesController} from '../../controllers/capabilities-controller.js';
import {
  configuredLockThreshold,
  countsAsFailedAttempt,
  readFailureCount,
  recordFailure,
  resetFailures,
  type FailureSource,
} from '../../lib/failure-counter.js';
import {csrfHeaderAllowed} from '../../lib/csrf-header.js';
import {readBodyCapped} from '../../lib/response-body.js';
import type {LoginErrorCode, LoginResponseResult} from '../../lib/login-response.js';
import {adoptSonetStyles} from '../shared/adopt-styles.js';
import {loginFormExtraStyles} from './login-form-extras.styles.js';
import {loginLinks} from './login-form.links.js';
import {SonetLoginErrorEvent, SonetLoginSubmitEvent, SonetLoginSuccessEvent} from './login-form.events.js';
import {
  DEFAULT_LOGIN_TIMEOUT,
  type LoginFormFields,
  type LoginFormHost,
  type LoginFormSkeleton,
  type ShowErrorOptions,
} from './login-form.host.js';
import type {PasswordCore} from '../shared/password-core.js';
import type {UserIdCore} from '../shared/user-id-core.js';

type NoticesModule = typeof import('./login-form.notices.js');
type ResponseModule = typeof import('../../lib/login-response.js');


/**
 * The response mapping (status, headers and body to a failure code; same-origin redirects) is
 * only needed once the member submits: it is imported then (and prefetched on idle).
 */
export const loadResponseMapping: () => Promise<ResponseModule> = lazy(() => import('../../lib/login-response.js'));

/** A code as given, when the mapping module cannot be loaded (offline): short and plain, or `unknown`. */
function plainCode(code: string): LoginErrorCode {
  return (/^[A-Za-z0-9-]{1,40}$/.test(code) ? code : 'unknown') as LoginErrorCode;
}

/** Same-origin check of a redirect target; `null` when it cannot be checked. */
async function checkedRedirect(target: string | null | undefined): Promise<string | null> {
  if (!target) return null;
  try {
    return (await loadResponseMapping()).sameOriginRedirect(target, location.href);
  } catch {
    return null;
  }
}

let notices: NoticesModule | undefined;

/**
 * Loads what is only needed after a failure — `<sonet-error-help>` (which imports its steps on
 * its first render; `./bundle` ships them in the element's file) and the form's failure notices —
 * once per page.
 */
export const loadGuidance: () => Promise<void> = lazy(() =>
  Promise.all([import('../error-help/error-help.js'), import('./login-form.notices.js')]).then(([, module]) => {
    notices = module;
  })
);

interface ShownError {
  code: LoginErrorCode;
  retryAfterSeconds?: number;
  retryAt?: number;
  serverCode?: string;
  /** The attempt used autofilled values (for the hint). */
  autofilled: boolean;
  /** When it was shown (ms): the support information's time, also for the same code again. */
  at: number;
}

/** The behaviour of one `<sonet-login-form>`; see the module comment. */
export class LoginFormBehaviour implements ReactiveController {
  readonly userId: UserIdCore;
  readonly password: PasswordCore;
  private readonly autofill: AutofillController;
  private readonly capabilities: CapabilitiesController;
  private readonly host: LoginFormHost;
  private readonly skeleton: LoginFormSkeleton;
  private shownError?: ShownError;
  private failures: number;
  private succeeded = false;
  private guidanceFailed = false;
  /** The submit button's own nodes while it says it is busy. */
  private savedButton?: {nodes: Node[]; value: string};
  private pending?: AbortController;
  private lastAttemptAutofilled = false;
  /** Keys seen in the form, to tell whether the member typed while guidance loaded. */
  private keystrokes = 0;
  /** The alerts need rendering (a failure, a success, cookies). */
  private alertsDirty = true;
  /** The locale the alerts were rendered in. */
  private alertsLocale = '';

  constructor(host: LoginFormHost, skeleton: LoginFormSkeleton, fields: LoginFormFields) {
    this.host = host;
    this.skeleton = skeleton;
    this.failures = readFailureCount(this.storage());
    this.userId = fields.userId;
    this.password = fields.password;
    this.autofill = new AutofillController(host, {inputs: () => [skeleton.userId, skeleton.password]});
    // Checks at once, and again when the page is shown; re-renders the host when cookies are off.
    this.capabilities = new CapabilitiesController(host, {onChange: () => this.touchAlerts()});
    host.addController(this);
    if (this.capabilities.value.cookies === false) void loadGuidance().then(() => this.touchAlerts(), () => {});
    if (host.errorParam && !host.errorCode) void this.showErrorFromQuery();
  }

  /** The failure shown now, or `null`. */
  get errorShown(): LoginErrorCode | null {
    return this.shownError?.code ?? null;
  }

  private touchAlerts(): void {
    this.alertsDirty = true;
    this.host.requestUpdate();
  }

  /**
   * See `SonetLoginForm.showError`. `source` says where the code came from: only a real answer
   * (or the host saying so) counts towards the lockout notice, never a link's `?error=`.
   */
  async showError(code: string, options: ShowErrorOptions = {}, source: FailureSource = 'host'): Promise<void> {
    const host = this.host;
    this.stopWaiting();
    host.busy = false;
    this.succeeded = false;
    let normalized: LoginErrorCode;
    try {
      normalized = (await loadResponseMapping()).normalizeLoginErrorCode(String(code ?? ''));
    } catch {
      normalized = plainCode(String(code ?? ''));
    }
    const counted = countsAsFailedAttempt(normalized, source);
    if (counted) this.failures = recordFailure(this.storage());
    this.shownError = {
      code: normalized,
      retryAfterSeconds: options.retryAfterSeconds,
      retryAt: options.retryAt,
      serverCode: options.serverCode,
      autofilled: this.lastAttemptAutofilled,
      at: Date.now(),
    };
    this.touchAlerts();
    this.clearPassword();
    const keysBefore = this.keystrokes;
    const focusBefore = document.activeElement;
    host.dispatchEvent(
      new SonetLoginErrorEvent(normalized, {
        retryAfterSeconds: options.retryAfterSeconds,
        failures: counted ? this.failures : 0,
      })
    );
    try {
      await loadGuidance();
      this.guidanceFailed = false;
    } catch {
      this.guidanceFailed = true;
    }
    // The notices module may have arrived just now: render with it.
    this.touchAlerts();
    await host.updateComplete;
    const help = host.querySelector<HTMLElement & {focusHeading?: () => Promise<void>; ready?: Promise<void>}>(
      '.sonet-login-form__help'
    );
    if (help?.focusHeading) await help.ready;
    // A member who went back to typing while the guidance loaded keeps their focus (and keys).
    const focused = document.activeElement;
    if (this.keystrokes !== keysBefore) return;
    if (focused !== focusBefore && focused instanceof HTMLInputElement && host.contains(focused)) return;
    const top = help?.focusHeading ? help : host.querySelector<HTMLElement>('.sonet-login-form__fallback-heading');
    if (help?.focusHeading) await help.focusHeading();
    else top?.focus();
    // Focus shows the heading only. With the guidance's top at the top of the view the password
    // input shows too (the guidance is laid out to leave room for it): the two together.
    if (this.skeleton.password.getBoundingClientRect().bottom > innerHeight) top?.scrollIntoView();
  }

  /** See {@link SonetLoginForm.showSuccess}. */
  async showSuccess(redirect?: string | null): Promise<void> {
    const host = this.host;
    this.stopWaiting();
    host.busy = false;
    // The password is not left in the page after it did its job.
    this.clearPassword();
    this.shownError = undefined;
    resetFailures(this.storage());
    this.failures = 0;
    this.touchAlerts();
    const target = await checkedRedirect(redirect);
    const event = new SonetLoginSuccessEvent(target);
    if (!host.dispatchEvent(event)) return;
    if (target) this.skeleton.navigate(target);
    else {
      this.succeeded = true;
      this.touchAlerts();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Markup

  private renderHelp(code: LoginErrorCode, shown?: ShownError): TemplateResult {
    const links = loginLinks(this.host);
    if (this.guidanceFailed) {
      // The guidance could not be loaded (offline, or a deploy replaced the chunks this page
      // refers to): a short text from this module, never nothing. Reloading fetches it again; a
      // bare "try again" would spend tries towards the lock on the same wrong password.
      return html`<div class="sonet-notice" part="help">
        <h2 class="sonet-notice__title sonet-login-form__fallback-heading" tabindex="-1">
          ${msg('ログインできませんでした', {id: 'login-form.fallback.heading'})}
        </h2>
        <p>${msg('エラーコード', {id: 'login-form.fallback.code'})}: <span class="sonet-login-form__code">${code}</span></p>
        <p>
          ${code === 'network'
            ? // Offline: nothing reached the server, so trying again costs no try; reloading
              // while offline would lose the page.
              msg('インターネットに接続できませんでした。接続を確かめてから、もう一度ログインしてください。', {
                id: 'login-form.fallback.network',
              })
            : msg('詳しいご案内を読み込めませんでした。接続をご確認のうえ、ページを再読み込みしてください。', {id: 'login-form.fallback.body'})}
          <a href=${links.maintenance}>${msg('障害・メンテナンス情報', {id: 'login-form.link.maintenance'})}</a>
        </p>
      </div>`;
    }
    return html`<sonet-error-help
      class="sonet-login-form__help"
      part="help"
      code=${code}
      heading-level=${this.host.headingLevel}
      retry-after=${shown?.retryAfterSeconds ?? nothing}
      retry-at=${shown?.retryAt ?? nothing}
      server-code=${shown?.serverCode ?? nothing}
      occurred-at=${shown?.at ?? nothing}
      reset-href=${links.reset}
      id-change-href=${links.idChange}
      login-history-href=${links.loginHistory}
      maintenance-href=${links.maintenance}
      cache-help-href=${this.host.getAttribute('cache-help-href') ?? nothing}
      input-help-href=${this.host.getAttribute('input-help-href') ?? nothing}
      control-panel-help-href=${this.host.getAttribute('control-panel-help-href') ?? nothing}
      support-href=${this.host.getAttribute('support-href') ?? nothing}
    ></sonet-error-help>`;
  }

  private renderAlerts(): TemplateResult {
    const shown = this.shownError;
    const cookiesOff = !shown && this.capabilities.value.cookies === false;
    if (cookiesOff && !notices) void loadGuidance().then(() => this.touchAlerts(), () => {});
    return html`${cookiesOff ? this.renderHelp('cookies-disabled') : nothing}${shown ? this.renderHelp(shown.code, shown) : nothing}${
      shown && notices
        ? notices.renderFailureNotices({
            code: shown.code,
            failures: this.failures,
            threshold: configuredLockThreshold(this.host.lockThreshold),
            autofilled: shown.autofilled,
            links: loginLinks(this.host),
            idBase: this.skeleton.idBase,
          })
        : nothing
    }`;
  }

  hostConnected(): void {
    adoptSonetStyles(this.host, loginFormExtraStyles);
    this.host.addEventListener('keydown', this.onKeyDown, true);
    this.host.addEventListener('submit', this.onSubmit);
    addEventListener('pageshow', this.onPageShow);
  }

  hostDisconnected(): void {
    this.stopWaiting();
    this.host.removeEventListener('keydown', this.onKeyDown, true);
    this.host.removeEventListener('submit', this.onSubmit);
    removeEventListener('pageshow', this.onPageShow);
  }

  /**
   * Before the element's own update, which writes its button's label unless busy: the button
   * comes back from 「ログインしています…」 in the same update, not in one more.
   */
  hostUpdate(): void {
    this.syncBusy();
  }

  /**
   * Renders the alerts when something is shown there (a failure, a success, cookie guidance: the
   * host's properties and the locale feed them) or when that changed; the fields' areas are
   * rendered by their cores.
   */
  hostUpdated(): void {
    const {alerts} = this.skeleton;
    const locale = getSonetLocale();
    const showing = this.shownError || this.succeeded || this.capabilities.value.cookies === false;
    if (this.alertsDirty || locale !== this.alertsLocale || showing) {
      this.alertsDirty = false;
      this.alertsLocale = locale;
      renderTemplate(this.renderAlerts(), alerts.content, {host: this.host});
    }
    // The polite status: a login on its way (focus stays in the form, and a slow answer may take
    // until the timeout), then a success; a failure speaks through its guidance's heading.
    const status = this.succeeded
      ? msg('ログインしました。', {id: 'login-form.success'})
      : this.host.busy
        ? msg('ログインしています…', {id: 'login-form.busy'})
        : '';
    if (alerts.status.textContent !== status) alerts.status.textContent = status;
  }

  /**
   * While a login is on its way: `aria-busy` on the form and the button saying so, on the form
   * the element wrote and on the page's alike (its own nodes are put back afterwards).
   */
  private syncBusy(): void {
    const {form, submit: button} = this.skeleton;
    const busy = this.host.busy;
    if (busy === (form.getAttribute('aria-busy') === 'true')) return;
    if (busy) form.setAttribute('aria-busy', 'true');
    else form.removeAttribute('aria-busy');
    if (!button) return;
    if (busy && !this.savedButton) {
      this.savedButton = {nodes: [...button.childNodes], value: button.value};
      const text = msg('ログインしています…', {id: 'login-form.busy'});
      if (button instanceof HTMLInputElement) button.value = text;
      else button.replaceChildren(text);
      button.setAttribute('aria-disabled', 'true');
    } else if (!busy && this.savedButton) {
      const saved = this.savedButton;
      this.savedButton = undefined;
      if (button instanceof HTMLInputElement) button.value = saved.value;
      else button.replaceChildren(...saved.nodes);
      button.removeAttribute('aria-disabled');
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Submission

  private storage(): Storage | null {
    try {
      return sessionStorage;
    } catch {
      return null;
    }
  }

  private clearPassword(): void {
    const input = this.skeleton.password;
    if (!input.value) return;
    input.value = '';
    this.autofill.forget(input);
    input.dispatchEvent(new InputEvent('input', {bubbles: true, composed: true, inputType: 'deleteContent'}));
  }

  /**
   * Where `fetch` posts to; `null` for the event mode (no `action` anywhere); `undefined` for an
   * `action` that is not a URL, which must never fall back to the event mode: that would hand
   * the password to listeners the page did not set up for it.
   */
  private endpoint(): string | null | undefined {
    const action = this.host.action || this.skeleton.form.getAttribute('action') || '';
    if (!action.trim()) return null;
    try {
      return new URL(action, document.baseURI).href;
    } catch {
      return undefined;
    }
  }

  private async showErrorFromQuery(): Promise<void> {
    let value: string | null = null;
    try {
      value = new URLSearchParams(location.search).get(this.host.errorParam);
    } catch {
      return;
    }
    if (value === null) return;
    let code: LoginErrorCode;
    try {
      code = (await loadResponseMapping()).normalizeLoginErrorCode(value);
    } catch {
      return;
    }
    // A link anyone can craft: only codes we know are shown; anything else is ignored.
    if (code !== 'unknown') void this.showError(code, {}, 'query');
  }

  private readonly onKeyDown = (): void => {
    this.keystrokes++;
  };

  /** The form's submit event. */
  private readonly onSubmit = (event: SubmitEvent): void => {
    const host = this.host;
    const form = this.skeleton.form;
    if (event.target !== form || event.defaultPrevented) return;
    if (this.userId.analysis.composing || this.password.analysis.composing) {
      event.preventDefault();
      return;
    }
    // Hidden before the browser reads the form, so it offers to save the password.
    this.password.reveal.hide('submit');
    this.userId.analysis.analyze('submit');
    if (host.busy) {
      event.preventDefault();
      return;
    }
    this.lastAttemptAutofilled = this.autofill.used();
    if (host.native) {
      // The browser posts the form (the reveal controller has made a method="get" a POST).
      host.busy = true;
      return;
    }
    event.preventDefault();
    const formData = new FormData(form, event.submitter);
    const url = this.endpoint();
    if (url === undefined) {
      // A mistake in the page (a typo in `action`): say so to its developer, and tell the member
      // the login did not go through. Nothing was sent, so it is no failed attempt.
      const action = JSON.stringify(this.host.action || form.getAttribute('action'));
      console.error(`<sonet-login-form>: action ${action} is not a URL; nothing was sent.`);
      void this.showError('unknown', {}, 'attribute');
      return;
    }
    if (url === null) {
      const submitEvent = new SonetLoginSubmitEvent(formData);
      if (host.dispatchEvent(submitEvent)) {
        host.busy = true;
        // The host answers with showError() or showSuccess(); one that never does gets the
        // connection guidance after `timeout`, as a request would.
        this.stopWaiting();
        this.waiting = setTimeout(() => void this.showError('network', {}, 'response'), this.timeoutMs());
      }
      return;
    }
    void this.send(url, formData);
  };

  private async send(url: string, formData: FormData): Promise<void> {
    const host = this.host;
    host.busy = true;
    const controller = new AbortController();
    this.pending = controller;
    const timer = setTimeout(() => controller.abort(), this.timeoutMs());
    let result: LoginResponseResult;
    let redirect: string | null = null;
    // In parallel with the request; usually already prefetched.
    const mapping = loadResponseMapping();
    mapping.catch(() => {});
    try {
      const headers = new Headers({Accept: 'application/json'});
      const token = document.querySelector('meta[name="csrf-token"]')?.getAttribute('content');
      const sameOrigin = csrfHeaderAllowed(url, location.href);
      // The page's token goes only to the page's own origin.
      if (token && sameOrigin) headers.set('X-CSRF-Token', token);
      const multipart = this.skeleton.form.enctype === 'multipart/form-data';
      const body = multipart ? formData : new URLSearchParams(formData as unknown as Record<string, string>);
      const response = await fetch(url, {
        method: 'POST',
        body,
        headers,
        credentials: 'same-origin',
        // An endpoint of the page's own origin that redirects elsewhere (an open redirect, a
        // 307 to another host) must not pass on the password or the token: the browser fails
        // the request before it would leave the origin (`network`), instead of following it.
        mode: sameOrigin ? 'same-origin' : 'cors',
        signal: controller.signal,
      });
      // Read with a cap (a huge or endless body is cut and its stream cancelled).
      const {text} = await readBodyCapped(response);
      let map: ResponseModule | undefined;
      try {
        map = await mapping;
      } catch {
        // The mapping could not be loaded (the connection dropped after the answer came):
        // go by the status alone.
      }
      result = map
        ? map.mapLoginResponse({
            status: response.status,
            headers: response.headers,
            body: text,
            url: response.url,
            errorMarker: host.errorMarker || undefined,
          })
        : {ok: response.ok, code: response.ok ? undefined : 'unknown'};
      if (result.ok && map) {
        redirect =
          map.sameOriginRedirect(result.redirect, location.href) ??
          (response.redirected ? map.sameOriginRedirect(response.url, location.href) : null);
      }
    } catch {
      // No HTTP answer: offline, refused, aborted by the timeout — all get the connection
      // guidance (mapFetchFailure() says which, but the steps are the same).
      result = {ok: false, code: 'network'};
    } finally {
      clearTimeout(timer);
    }
    if (this.pending !== controller) return;
    this.pending = undefined;
    if (result.ok) {
      await this.showSuccess(redirect);
    } else {
      let serverCode: string | undefined;
      try {
        serverCode = (await mapping).displayServerCode(result.serverCode, formData);
      } catch {
        // Without the mapping no server code is shown.
      }
      await this.showError(
        result.code ?? 'unknown',
        {retryAfterSeconds: result.retryAfterSeconds, retryAt: result.retryAt, serverCode},
        'response'
      );
    }
  }

  /** The event mode's wait for the host's answer. */
  private waiting?: ReturnType<typeof setTimeout>;

  private stopWaiting(): void {
    clearTimeout(this.waiting);
    this.waiting = undefined;
  }

  /** The request timeout in ms (`timeout`, or the default). */
  private timeoutMs(): number {
    const {timeout} = this.host;
    return Number.isFinite(timeout) && timeout > 0 ? timeout : DEFAULT_LOGIN_TIMEOUT;
  }

  private readonly onPageShow = (event: PageTransitionEvent): void => {
    // Back from the page a native POST led to: the form is usable again.
    if (event.persisted) this.host.busy = false;
  };
}

