/**
 * What `<sonet-login-form>` does once a member starts using it: the full field cores (the one-tap
 * fix, the characters concerned, the look-alike list, the reveal behaviour, blur-time hints),
 * submission, failure guidance and notices, cookie guidance.
 *
 * Loaded when first needed (focus or press in the form, a submit, `showError()`), and prefetched
 * on idle: the form's first load shows the form and every live warning without it
 * (`login-form.ts`). Each form attaches its own instance on first use, so forms nobody touches
 * cost only their first view.
 */
import {html, nothing, render as renderTemplate, type PropertyValues, type TemplateResult} from 'lit';
import {msg, str} from '@lit/localize';
import {AutofillController} from '../../controllers/autofill-controller.js';
import {CapabilitiesController} from '../../controllers/capabilities-controller.js';
import {DEFAULT_REVEAL_HIDE_DELAY} from '../../controllers/reveal-delay.js';
import {parseLockThreshold, readFailureCount, recordFailure, resetFailures} from '../../lib/failure-counter.js';
import type {LoginErrorCode, LoginResponseResult} from '../../lib/login-response.js';
import {adoptSonetStyles} from '../shared/field.styles.js';
import {fieldMoreStyles} from '../shared/field-more.styles.js';
import type {FieldAnnouncer} from '../shared/field-view.js';
import {loginFormExtraStyles} from './login-form-extras.styles.js';
import {loginLinks} from './login-form.links.js';
import {PasswordCore} from '../shared/password-core.js';
import {UserIdCore} from '../shared/user-id-core.js';
import {SonetLoginErrorEvent, SonetLoginSubmitEvent, SonetLoginSuccessEvent} from './login-form.events.js';
import type {SonetLoginForm, ShowErrorOptions} from './login-form.js';
import {DEFAULT_LOGIN_TIMEOUT, busyText} from './login-form.view.js';

/**
 * The alerts area above the form: `content` (guidance, notices) and the form's polite status
 * region, which is in place from the first focus or press on so that what it says later is
 * announced.
 */
function alertsView(content: unknown, status: unknown): TemplateResult {
  return html`${content}<p class="sonet-login-form__status" role="status">${status}</p>`;
}

type NoticesModule = typeof import('./login-form.notices.js');
type ResponseModule = typeof import('../../lib/login-response.js');


let responseLoad: Promise<ResponseModule> | undefined;

/**
 * The response mapping (status, headers and body to a failure code; same-origin redirects) is
 * only needed once the member submits: it is imported then (and prefetched on idle).
 */
export function loadResponseMapping(): Promise<ResponseModule> {
  responseLoad ??= import('../../lib/login-response.js').catch((error: unknown) => {
    responseLoad = undefined;
    throw error;
  });
  return responseLoad;
}

/** A code as given, when the mapping module cannot be loaded (offline): short and plain, or `unknown`. */
function plainCode(code: string): LoginErrorCode {
  return (/^[A-Za-z0-9-]{1,40}$/.test(code) ? code : 'unknown') as LoginErrorCode;
}

/**
 * The server's code as shown to support, unless it repeats something the member typed: a server
 * that echoes the request (`{"code": "<the password>"}`) must not put the password on screen or
 * into an attribute.
 */
function safeServerCode(code: string | undefined, sent: FormData): string | undefined {
  if (!code) return undefined;
  const folded = code.toLowerCase();
  for (const value of sent.values()) {
    if (typeof value === 'string' && value.length >= 3 && folded.includes(value.toLowerCase())) return undefined;
  }
  return code;
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
let guidanceLoad: Promise<void> | undefined;

/**
 * Loads what is only needed after a failure — `<sonet-error-help>` (whose steps load in turn)
 * and the form's failure notices — once per page. A failed load (offline) may be retried.
 */
export function loadGuidance(): Promise<void> {
  guidanceLoad ??= Promise.all([import('../error-help/error-help.js'), import('./login-form.notices.js')]).then(
    ([, module]) => {
      notices = module;
    },
    (error: unknown) => {
      guidanceLoad = undefined;
      throw error;
    }
  );
  return guidanceLoad;
}

/** Codes that count as a failed attempt with wrong credentials (for the lockout notice). */
const CREDENTIAL_FAILURE: LoginErrorCode = 'invalid-credentials';

interface ShownError {
  code: LoginErrorCode;
  retryAfterSeconds?: number;
  retryAt?: number;
  serverCode?: string;
  /** The attempt used autofilled values (for the hint). */
  autofilled: boolean;
}

/** The page's form and inputs the element works with. */
export interface FormParts {
  form: HTMLFormElement;
  userId: HTMLInputElement;
  password: HTMLInputElement;
}

/** The areas the element renders into (inside its own form, or around the page's). */
export interface FormAreas {
  alerts: HTMLElement;
  userId: HTMLElement;
  password: HTMLElement;
  after: HTMLElement;
}

/** What the element hands over when it attaches its behaviour. */
export interface BehaviourContext {
  parts: FormParts;
  areas: FormAreas;
  idBase: string;
  /** The element wrote the form itself. */
  rendersForm: boolean;
  /** The first view's announcers, continued (nothing is announced twice). */
  announcers: {userId: FieldAnnouncer; password: FieldAnnouncer};
  /** What the first view knew: Caps Lock seen on in the password, a composition in progress. */
  capsLock: boolean;
  composing?: 'userId' | 'password';
}

/** The host as the behaviour sees it: public API plus the protected navigate(). */
type Host = SonetLoginForm & {navigate(url: string): void};

/** The behaviour of one `<sonet-login-form>`; see the module comment. */
export class LoginFormBehaviour {
  readonly userId: UserIdCore;
  readonly password: PasswordCore;
  private readonly autofill: AutofillController;
  private readonly capabilities: CapabilitiesController;
  private readonly host: Host;
  private readonly ctx: BehaviourContext;
  private shownError?: ShownError;
  private failures: number;
  private succeeded = false;
  private guidanceFailed = false;
  private savedButton?: {button: HTMLButtonElement | HTMLInputElement; nodes: Node[]; value: string};
  private pending?: AbortController;
  private lastAttemptAutofilled = false;
  /** Keys seen in the form, to tell whether the member typed while guidance loaded. */
  private keystrokes = 0;
  /** The alerts area needs rendering (a failure, a success, cookies, the locale). */
  private alertsDirty = true;

  constructor(host: SonetLoginForm, ctx: BehaviourContext) {
    this.host = host as Host;
    this.ctx = ctx;
    const {parts} = ctx;
    this.failures = readFailureCount(this.storage());
    this.userId = new UserIdCore(host, {
      input: () => parts.userId,
      inputId: () => parts.userId.id,
      domain: () => host.domain,
    });
    this.password = new PasswordCore(host, {
      input: () => parts.password,
      inputId: () => parts.password.id,
      hideDelay: () =>
        Number.isFinite(host.revealTimeout) && host.revealTimeout >= 0 ? host.revealTimeout : DEFAULT_REVEAL_HIDE_DELAY,
    });
    // The rendered form's inputs are required from now on (the first view marks them with
    // aria-required only; a submit before this point was held and is sent after it).
    if (ctx.rendersForm) parts.userId.required = parts.password.required = true;
    this.userId.adoptAnnouncer(ctx.announcers.userId);
    this.password.adoptAnnouncer(ctx.announcers.password);
    this.autofill = new AutofillController(host, {inputs: () => [parts.userId, parts.password]});
    // Checks at once, and again when the page is shown; re-renders the host when cookies are off.
    this.capabilities = new CapabilitiesController(host, {onChange: () => this.touchAlerts()});
    this.reconnect();
    if (this.capabilities.value.cookies === false) void loadGuidance().then(() => this.touchAlerts(), () => {});
    // What the member typed before this module arrived (not a composition still in progress).
    this.password.capsLock.on = ctx.capsLock;
    for (const which of ['userId', 'password'] as const) {
      if (ctx.composing === which) this[which].analysis.composing = true;
      else this[which].analysis.analyze('typing');
    }
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

  /** See {@link SonetLoginForm.showError}. */
  async showError(code: string, options: ShowErrorOptions = {}): Promise<void> {
    const host = this.host;
    host.busy = false;
    this.succeeded = false;
    let normalized: LoginErrorCode;
    try {
      normalized = (await loadResponseMapping()).normalizeLoginErrorCode(String(code ?? ''));
    } catch {
      normalized = plainCode(String(code ?? ''));
    }
    if (normalized === CREDENTIAL_FAILURE) this.failures = recordFailure(this.storage());
    this.shownError = {
      code: normalized,
      retryAfterSeconds: options.retryAfterSeconds,
      retryAt: options.retryAt,
      serverCode: options.serverCode,
      autofilled: this.lastAttemptAutofilled,
    };
    this.touchAlerts();
    this.clearPassword();
    const keysBefore = this.keystrokes;
    const focusBefore = document.activeElement;
    host.dispatchEvent(
      new SonetLoginErrorEvent(normalized, {
        retryAfterSeconds: options.retryAfterSeconds,
        failures: normalized === CREDENTIAL_FAILURE ? this.failures : 0,
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
    if (help?.focusHeading) {
      await help.focusHeading();
    } else {
      host.querySelector<HTMLElement>('.sonet-login-form__fallback-heading')?.focus();
    }
  }

  /** See {@link SonetLoginForm.showSuccess}. */
  async showSuccess(redirect?: string | null): Promise<void> {
    const host = this.host;
    host.busy = false;
    this.shownError = undefined;
    resetFailures(this.storage());
    this.failures = 0;
    this.touchAlerts();
    const target = await checkedRedirect(redirect);
    const event = new SonetLoginSuccessEvent(target);
    if (!host.dispatchEvent(event)) return;
    if (target) host.navigate(target);
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
      // The guidance could not be loaded (offline): a short text from this module, never nothing.
      return html`<div class="sonet-notice" part="help">
        <h2 class="sonet-notice__title sonet-login-form__fallback-heading" tabindex="-1">
          ${msg(str`ログインできませんでした (エラーコード: ${code})`, {id: 'login-form.fallback.title'})}
        </h2>
        <p>
          ${msg('インターネットへの接続をご確認のうえ、もう一度お試しください。', {id: 'login-form.fallback.body'})}
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
      reset-href=${links.reset}
      id-change-href=${links.idChange}
      login-history-href=${links.loginHistory}
      maintenance-href=${links.maintenance}
    ></sonet-error-help>`;
  }

  private renderAlerts(): TemplateResult {
    const shown = this.shownError;
    const cookiesOff = !shown && this.capabilities.value.cookies === false;
    if (cookiesOff && !notices) void loadGuidance().then(() => this.touchAlerts(), () => {});
    return alertsView(
      html`${cookiesOff ? this.renderHelp('cookies-disabled') : nothing}${shown ? this.renderHelp(shown.code, shown) : nothing}${
      shown && notices
        ? notices.renderFailureNotices({
            code: shown.code,
            failures: this.failures,
            threshold: parseLockThreshold(this.host.lockThreshold),
            autofilled: shown.autofilled,
            links: loginLinks(this.host),
            idBase: this.ctx.idBase,
          })
        : nothing
      }`,
      this.succeeded ? msg('ログインしました。', {id: 'login-form.success'}) : nothing
    );
  }

  /**
   * Renders the areas around the inputs: a field's area only when what it shows changed, the
   * alerts when a failure, a success or the cookie state changed (or any host property did).
   */
  update(changed: PropertyValues, all: boolean): void {
    const {areas} = this.ctx;
    const host = this.host;
    if (all || this.alertsDirty || changed.size) {
      this.alertsDirty = false;
      renderTemplate(this.renderAlerts(), areas.alerts, {host});
    }
    for (const [core, area] of [
      [this.userId, areas.userId],
      [this.password, areas.password],
    ] as const) {
      if (all || core.dirty) {
        core.dirty = false;
        renderTemplate(core.render(), area, {host});
      }
    }
  }

  /** After each host update. */
  updated(changed: PropertyValues): void {
    if (changed.has('busy')) this.syncBusy();
  }

  /** Busy state on the page's own form and button (the rendered form binds it in its template). */
  private syncBusy(): void {
    const form = this.ctx.parts.form;
    const busy = this.host.busy;
    if (busy) form.setAttribute('aria-busy', 'true');
    else form.removeAttribute('aria-busy');
    if (this.ctx.rendersForm) return;
    const button = form.querySelector<HTMLButtonElement | HTMLInputElement>(
      'button[type="submit"], button:not([type]), input[type="submit"]'
    );
    if (!button) return;
    if (busy && !this.savedButton) {
      this.savedButton = {button, nodes: [...button.childNodes], value: button.value};
      const text = busyText();
      if (button instanceof HTMLInputElement) button.value = text;
      else button.replaceChildren(text);
      button.setAttribute('aria-disabled', 'true');
    } else if (!busy && this.savedButton) {
      const saved = this.savedButton;
      this.savedButton = undefined;
      if (saved.button instanceof HTMLInputElement) saved.button.value = saved.value;
      else saved.button.replaceChildren(...saved.nodes);
      saved.button.removeAttribute('aria-disabled');
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
    const input = this.ctx.parts.password;
    if (!input.value) return;
    input.value = '';
    this.autofill.forget(input);
    input.dispatchEvent(new InputEvent('input', {bubbles: true, composed: true, inputType: 'deleteContent'}));
  }

  /** Where `fetch` posts to, or `null` for the event mode. */
  private endpoint(): string | null {
    const action = this.host.action || this.ctx.parts.form.getAttribute('action') || '';
    if (!action.trim()) return null;
    try {
      return new URL(action, document.baseURI).href;
    } catch {
      return null;
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
    if (code !== 'unknown') void this.showError(code);
  }

  private readonly onKeyDown = (): void => {
    this.keystrokes++;
  };

  /** The form's submit event (the element checked it is its form's and not yet handled). */
  onSubmit(event: SubmitEvent): void {
    const host = this.host;
    const form = this.ctx.parts.form;
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
      // A password never goes into a URL: a form (or button) the page wrote with method="get"
      // is posted instead. The browser reads the method after this event.
      form.method = 'post';
      const submitter = event.submitter as HTMLButtonElement | HTMLInputElement | null;
      if (submitter?.hasAttribute('formmethod')) submitter.formMethod = 'post';
      host.busy = true;
      return;
    }
    event.preventDefault();
    const formData = new FormData(form, event.submitter);
    const url = this.endpoint();
    if (url === null) {
      const submitEvent = new SonetLoginSubmitEvent(formData);
      if (host.dispatchEvent(submitEvent)) host.busy = true;
      return;
    }
    void this.send(url, formData);
  }

  private async send(url: string, formData: FormData): Promise<void> {
    const host = this.host;
    host.busy = true;
    const controller = new AbortController();
    this.pending = controller;
    const limit = Number.isFinite(host.timeout) && host.timeout > 0 ? host.timeout : DEFAULT_LOGIN_TIMEOUT;
    const timer = setTimeout(() => controller.abort(), limit);
    let result: LoginResponseResult;
    let redirect: string | null = null;
    // In parallel with the request; usually already prefetched.
    const mapping = loadResponseMapping();
    mapping.catch(() => {});
    try {
      const headers = new Headers({Accept: 'application/json'});
      const token = document.querySelector('meta[name="csrf-token"]')?.getAttribute('content');
      if (token) headers.set('X-CSRF-Token', token);
      const multipart = this.ctx.parts.form.enctype === 'multipart/form-data';
      const body = multipart ? formData : new URLSearchParams(formData as unknown as Record<string, string>);
      const response = await fetch(url, {
        method: 'POST',
        body,
        headers,
        credentials: 'same-origin',
        signal: controller.signal,
      });
      const text = await response.text();
      let map: ResponseModule | undefined;
      try {
        map = await mapping;
      } catch {
        // The mapping could not be loaded (the connection dropped after the answer came):
        // go by the status alone.
      }
      result = map
        ? map.mapLoginResponse({status: response.status, headers: response.headers, body: text, url: response.url})
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
      await this.showError(result.code ?? 'unknown', {
        retryAfterSeconds: result.retryAfterSeconds,
        retryAt: result.retryAt,
        serverCode: safeServerCode(result.serverCode, formData),
      });
    }
  }

  /** The element left the page. */
  disconnect(): void {
    this.host.removeEventListener('keydown', this.onKeyDown, true);
    removeEventListener('pageshow', this.onPageShow);
  }

  /** The element came back to a page. */
  reconnect(): void {
    adoptSonetStyles(this.host, fieldMoreStyles);
    adoptSonetStyles(this.host, loginFormExtraStyles);
    this.host.addEventListener('keydown', this.onKeyDown, true);
    addEventListener('pageshow', this.onPageShow);
  }

  private readonly onPageShow = (event: PageTransitionEvent): void => {
    // Back from the page a native POST led to: the form is usable again.
    if (event.persisted) this.host.busy = false;
  };
}

