import {LitElement, html, nothing, render as renderTemplate, type PropertyValues, type TemplateResult} from 'lit';
import {customElement, property, state} from 'lit/decorators.js';
import {localized, msg, str} from '@lit/localize';
import {ensureSonetLocalization} from '../../localization.js';
import {AutofillController} from '../../controllers/autofill-controller.js';
import type {CapabilitiesController} from '../../controllers/capabilities-controller.js';
import {DEFAULT_REVEAL_HIDE_DELAY} from '../../controllers/password-reveal-controller.js';
import {parseLockThreshold, readFailureCount, recordFailure, resetFailures} from '../../lib/failure-counter.js';
import {safeLinkHref} from '../../lib/link-href.js';
import type {LoginErrorCode, LoginResponseResult} from '../../lib/login-response.js';
import {ERROR_HELP_DEFAULT_LINKS} from '../error-help/error-help.links.js';
import {adoptSonetStyles} from '../shared/field.styles.js';
import {PasswordCore} from '../shared/password-core.js';
import {UserIdCore} from '../shared/user-id-core.js';
import {SonetLoginErrorEvent, SonetLoginSubmitEvent, SonetLoginSuccessEvent} from './login-form.events.js';

type NoticesModule = typeof import('./login-form.notices.js');
type ResponseModule = typeof import('../../lib/login-response.js');

let responseLoad: Promise<ResponseModule> | undefined;

/**
 * The response mapping (status, headers and body to a failure code; same-origin redirects) is
 * only needed once the member submits: it is imported then (and prefetched on idle), keeping it
 * out of the form's first load.
 */
function loadResponseMapping(): Promise<ResponseModule> {
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
function loadGuidance(): Promise<void> {
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

function whenIdle(callback: () => void): void {
  const idle = (globalThis as {requestIdleCallback?: (cb: () => void, o?: {timeout: number}) => number}).requestIdleCallback;
  if (idle) idle(callback, {timeout: 5000});
  else setTimeout(callback, 2000);
}

/** Codes that count as a failed attempt with wrong credentials (for the lockout notice). */
const CREDENTIAL_FAILURE: LoginErrorCode = 'invalid-credentials';

/** Default request timeout in ms. */
export const DEFAULT_LOGIN_TIMEOUT = 15000;

let formCounter = 0;

interface ShownError {
  code: LoginErrorCode;
  retryAfterSeconds?: number;
  retryAt?: number;
  serverCode?: string;
  /** The attempt used autofilled values (for the hint). */
  autofilled: boolean;
}

/** Options of {@link SonetLoginForm.showError}. */
export interface ShowErrorOptions {
  /** Seconds until a retry makes sense (`Retry-After`). */
  retryAfterSeconds?: number;
  /** When a retry makes sense, in ms since the epoch. */
  retryAt?: number;
  /** The code as the server spelled it, shown to support as text. */
  serverCode?: string;
}

/** The page's form and inputs the element works with. */
interface FormParts {
  form: HTMLFormElement;
  userId: HTMLInputElement;
  password: HTMLInputElement;
}

/**
 * The So-net member login form: user ID (ユーザーID), password (ユーザーIDパスワード), a
 * show-password toggle, live warnings that catch the failures of So-net's support pages while
 * the member types, and inline guidance (`<sonet-error-help>`) after a failed login.
 *
 * **Progressive enhancement.** Write a plain form inside the element; it logs in without
 * JavaScript, and the element enhances it (it finds the inputs by `autocomplete="username"` /
 * `type="password"`, or by `name` `user_id` / `password`). An empty element renders the same
 * markup itself. The `<form>`, `<label>`s and `<input>`s are always in the light DOM, where
 * browsers' and third-party password managers see them.
 *
 * ```html
 * <sonet-login-form action="/api/login">
 *   <form method="post" action="/login">
 *     <label for="user_id">ユーザーID</label>
 *     <input id="user_id" name="user_id" autocomplete="username" autocapitalize="none" spellcheck="false" required>
 *     <label for="password">ユーザーIDパスワード</label>
 *     <input id="password" name="password" type="password" autocomplete="current-password" required>
 *     <button>ログイン</button>
 *   </form>
 * </sonet-login-form>
 * ```
 *
 * Put this beside it for members with JavaScript turned off (the steps are the seed page's):
 *
 * ```html
 * <noscript>
 *   <p>JavaScript が無効になっています。このままでもログインできますが、入力の誤りをその場でお知らせするには、
 *   ブラウザの設定で JavaScript と Cookie を有効にしてください。</p>
 *   <ul>
 *     <li>Microsoft Edge: 画面右上の「・・・」→「設定」→「Cookie とサイトのアクセス許可」→「すべてのアクセス許可」の
 *       「JavaScript」→「許可 (推奨)」をオンにします。</li>
 *     <li>Mac Safari: 環境設定の「セキュリティ」で「JavaScript を有効にする」にチェックを入れます。</li>
 *     <li>iOS Safari: 設定アプリ →「Safari」→「詳細」→「JavaScript」をオンにします。</li>
 *     <li>Android Chrome: 画面右上の「・・・」→「設定」→「サイトの設定」→「JavaScript」→
 *       「サイトに JavaScript の実行を許可する (推奨)」をオンにします。</li>
 *   </ul>
 * </noscript>
 * ```
 *
 * **Submission.** With `action` (or the inner form's `action`), the form data is POSTed with
 * `fetch` (same-origin credentials, `Accept: application/json`, the `<meta name="csrf-token">`
 * as `X-CSRF-Token`, hidden inputs passed through) under a `timeout`; the button says
 * 「ログインしています…」 and further submits are ignored. A 2xx answer fires
 * `sonet-login-success` and follows a same-origin redirect; anything else shows the guidance for
 * its code above the form, moves focus to its heading, fires `sonet-login-error` and clears the
 * password (the ID is kept). With `native`, the browser posts the form itself. Without any
 * action, `sonet-login-submit` hands the form data to the host, which calls `showError()` or
 * `showSuccess()`. `error-code` (or the query parameter named by `error-param`) shows guidance
 * on load, for servers that render the login page again after a failed POST.
 *
 * **Around the form** (from the seed pages): from the second consecutive failure in the tab, a
 * notice that repeated failures lock the account for a while and that a password reset does not
 * lift a lock (`lock-threshold`, default 5; only a count is kept, in `sessionStorage`); when the
 * failed attempt used browser-filled values, a hint to type them by hand; after a failure, a
 * checklist of the causes in the same place every time (WCAG 3.2.6) that never says which field
 * was wrong; help links; and cookie guidance above the form when cookies are off.
 *
 * **Strings.** Every text follows `<html lang>` (ja, en). A host replaces the field labels and
 * the button text with `user-id-label`, `password-label` and `submit-label` (when the element
 * renders the form), or simply writes its own markup inside.
 *
 * Light DOM, so `::part()` applies only from outside a shadow root the element is placed in; in
 * the document, select the same names with `sonet-login-form [part~="toggle"]`.
 *
 * @summary The So-net login form with live input warnings and inline failure guidance.
 *
 * @csspart alerts - The area above the form: guidance, notices, status.
 * @csspart help - The `<sonet-error-help>` shown after a failure (style its inside through its own parts).
 * @csspart notice - A notice of the form: `lockout`, `autofill`, `checklist` are also set on each.
 * @csspart form - The `<form>` (when the element renders it).
 * @csspart field - The wrapper of one label and input (when the element renders it).
 * @csspart toggle - The show-password button.
 * @csspart warnings - The container of a field's warnings.
 * @csspart warning - One warning.
 * @csspart fix - The user ID's one-tap fix button.
 * @csspart submit - The submit button (when the element renders it).
 * @csspart links - The help links below the form.
 *
 * @cssprop --sonet-login-form-submit-background - Background of the submit button.
 * @cssprop --sonet-login-form-submit-color - Text colour of the submit button.
 * @cssprop --sonet-login-form-link-color - Colour of the help links.
 * @cssprop --sonet-field-gap - Space below each field.
 * @cssprop --sonet-field-max-width - Largest width of the inputs (default `26em`).
 * @cssprop --sonet-field-radius - Corner radius of inputs and buttons.
 * @cssprop --sonet-field-border-color - Border colour of inputs and buttons.
 * @cssprop --sonet-field-background - Input background (default `Field`).
 * @cssprop --sonet-field-color - Input text colour (default `FieldText`).
 * @cssprop --sonet-field-focus-color - Focus outline colour.
 * @cssprop --sonet-field-reveal-font - Font of the shown password.
 * @cssprop --sonet-field-error-color - Accent of warnings that will make the login fail.
 * @cssprop --sonet-field-error-background - Background of those warnings.
 * @cssprop --sonet-field-warning-color - Accent of hints and notices.
 * @cssprop --sonet-field-warning-background - Background of hints and notices.
 * @cssprop --sonet-field-info-color - Accent of information (look-alikes, checklist).
 * @cssprop --sonet-field-info-background - Background of information.
 * @cssprop --sonet-field-button-background - Background of the toggle and fix buttons.
 * @cssprop --sonet-field-button-color - Text colour of the toggle and fix buttons.
 *
 * @fires sonet-login-submit - {@link SonetLoginSubmitEvent}, without `action`: the host sends `formData`. Cancelable.
 * @fires sonet-login-success - {@link SonetLoginSuccessEvent} after a successful login. Cancelable (navigation).
 * @fires sonet-login-error - {@link SonetLoginErrorEvent} when a failure is shown, with its `code`.
 */
@customElement('sonet-login-form')
// Below @customElement so it runs first: the element is defined (and the page's existing tags
// upgraded) only after the locale-change controller is registered.
@localized()
export class SonetLoginForm extends LitElement {
  /**
   * Where to POST the login with `fetch`. Default: the inner form's `action` attribute. Without
   * either, the form fires `sonet-login-submit` instead.
   */
  @property() action = '';

  /** Let the browser post the form itself (servers that render their own result page). */
  @property({type: Boolean, reflect: true}) native = false;

  /** Request timeout in milliseconds (default 15000). */
  @property({type: Number}) timeout = DEFAULT_LOGIN_TIMEOUT;

  /** Show the guidance for this code on load (`SS503`, `invalid-credentials`, …). */
  @property({attribute: 'error-code'}) errorCode = '';

  /**
   * The name of a query parameter that carries an error code (`error` for `?error=SS503`).
   * Off unless set; only known codes are shown.
   */
  @property({attribute: 'error-param'}) errorParam = '';

  /** Failures after which the account is locked for a while, as told to the member (default 5). */
  @property({attribute: 'lock-threshold'}) lockThreshold: string | number = 5;

  /** The mail domain that must not follow the subdomain in the user ID (default `so-net.ne.jp`). */
  @property() domain = '';

  /** Milliseconds the shown password stays visible after focus leaves the field (default 3000). */
  @property({attribute: 'reveal-timeout', type: Number}) revealTimeout = DEFAULT_REVEAL_HIDE_DELAY;

  /** Level of the guidance heading, 2–6 (default 2). */
  @property({attribute: 'heading-level', type: Number}) headingLevel = 2;

  /** Label of the user ID field when the element renders the form. */
  @property({attribute: 'user-id-label'}) userIdLabel = '';

  /** Label of the password field when the element renders the form. */
  @property({attribute: 'password-label'}) passwordLabel = '';

  /** Text of the submit button when the element renders the form. */
  @property({attribute: 'submit-label'}) submitLabel = '';

  /** Name the user ID is submitted under when the element renders the form (default `user_id`). */
  @property({attribute: 'user-id-name'}) userIdName = 'user_id';

  /** Name the password is submitted under when the element renders the form (default `password`). */
  @property({attribute: 'password-name'}) passwordName = 'password';

  /** ユーザーID / パスワードの確認や再設定 (電話発信による本人認証). http(s) or relative URLs only. */
  @property({attribute: 'reset-href'}) resetHref = '';

  /** 「So-net ユーザーID 自動変更のご案内」. http(s) or relative URLs only. */
  @property({attribute: 'id-change-href'}) idChangeHref = '';

  /** マイページ「各種サービスのログイン履歴」. http(s) or relative URLs only. */
  @property({attribute: 'login-history-href'}) loginHistoryHref = '';

  /** 障害・メンテナンス情報. http(s) or relative URLs only. */
  @property({attribute: 'maintenance-href'}) maintenanceHref = '';

  /** True while a login request is on its way (also `aria-busy` on the form). */
  @state() busy = false;

  @state() private shownError?: ShownError;
  @state() private failures = 0;
  @state() private succeeded = false;
  @state() private guidanceFailed = false;

  private readonly idBase = `sonet-login-${++formCounter}`;
  private parts?: FormParts;
  /** The element wrote the form itself (no form inside when it connected). */
  private rendersForm = false;
  private containers?: {alerts: HTMLElement; userId: HTMLElement; password: HTMLElement; after: HTMLElement};
  private savedButton?: {button: HTMLButtonElement | HTMLInputElement; nodes: Node[]; value: string};
  private pending?: AbortController;
  private lastAttemptAutofilled = false;
  /** Keys and input events seen in the form, to tell whether the member typed meanwhile. */
  private keystrokes = 0;

  private readonly userId = new UserIdCore(this, {
    input: () => this.parts?.userId,
    inputId: () => this.parts?.userId.id || `${this.idBase}-user-id`,
    domain: () => this.domain,
  });

  private readonly password = new PasswordCore(this, {
    input: () => this.parts?.password,
    inputId: () => this.parts?.password.id || `${this.idBase}-password`,
    hideDelay: () => (Number.isFinite(this.revealTimeout) && this.revealTimeout >= 0 ? this.revealTimeout : DEFAULT_REVEAL_HIDE_DELAY),
  });

  private readonly autofill = new AutofillController(this, {
    inputs: () => [this.parts?.userId, this.parts?.password],
  });

  /** Cookie detection, imported right after connecting (not needed to show the form). */
  private capabilities?: CapabilitiesController;

  /** The `<form>` the element works with (the page's, or its own). */
  get form(): HTMLFormElement | null {
    return this.parts?.form ?? null;
  }

  /** The failure shown now, or `null`. */
  get errorShown(): LoginErrorCode | null {
    return this.shownError?.code ?? null;
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void ensureSonetLocalization();
    adoptSonetStyles(this);
    this.failures = readFailureCount(this.storage());
    if (!this.parts) this.enhance();
    this.addEventListener('submit', this.onSubmit);
    this.addEventListener('keydown', this.onKeyDown, true);
    addEventListener('pageshow', this.onPageShow);
    if (!this.errorCode && this.errorParam) void this.showErrorFromQuery();
    if (!this.capabilities) {
      import('../../controllers/capabilities-controller.js').then(
        ({CapabilitiesController}) => {
          // The controller checks at once and re-renders the host when cookies are off.
          this.capabilities ??= new CapabilitiesController(this);
          this.requestUpdate();
        },
        () => {
          // Offline: no cookie check; the server's answer still explains a failure.
        }
      );
    }
    whenIdle(() => {
      void loadGuidance().catch(() => {});
      void loadResponseMapping().catch(() => {});
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('submit', this.onSubmit);
    this.removeEventListener('keydown', this.onKeyDown, true);
    removeEventListener('pageshow', this.onPageShow);
    // A pending request is not aborted: a form moved in the page shows its result when back.
  }

  /**
   * Shows the guidance for a failed login: `<sonet-error-help>` above the form, the failure
   * notices, focus on the guidance heading; clears the password (keeps the ID) and fires
   * `sonet-login-error`. Call it after sending the data of `sonet-login-submit` yourself.
   *
   * @param code a failure code, in any spelling `normalizeLoginErrorCode()` knows (`SS503`,
   *   `invalid_credentials`, …); unknown codes get the general guidance.
   * @returns a promise that settles when focus is on the guidance.
   */
  async showError(code: string, options: ShowErrorOptions = {}): Promise<void> {
    this.busy = false;
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
    this.clearPassword();
    const keysBefore = this.keystrokes;
    const focusBefore = document.activeElement;
    this.dispatchEvent(
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
    this.requestUpdate();
    await this.updateComplete;
    const help = this.querySelector<HTMLElement & {focusHeading?: () => Promise<void>; ready?: Promise<void>}>(
      '.sonet-login-form__help'
    );
    if (help?.focusHeading) await help.ready;
    // A member who went back to typing while the guidance loaded keeps their focus (and keys).
    const focused = document.activeElement;
    if (this.keystrokes !== keysBefore) return;
    if (focused !== focusBefore && focused instanceof HTMLInputElement && this.contains(focused)) return;
    if (help?.focusHeading) {
      await help.focusHeading();
    } else {
      this.querySelector<HTMLElement>('.sonet-login-form__fallback-heading')?.focus();
    }
  }

  /**
   * Marks the login as successful: forgets the failure count and any guidance, and fires
   * `sonet-login-success` (whose default, without `redirect`, is to say the login succeeded).
   *
   * @param redirect a same-origin URL to go to; other origins are ignored.
   * @returns a promise that settles when the event was handled.
   */
  async showSuccess(redirect?: string | null): Promise<void> {
    this.busy = false;
    this.shownError = undefined;
    resetFailures(this.storage());
    this.failures = 0;
    const target = await checkedRedirect(redirect);
    const event = new SonetLoginSuccessEvent(target);
    if (!this.dispatchEvent(event)) return;
    if (target) this.navigate(target);
    else this.succeeded = true;
  }

  /** Goes to a URL after a successful login (a method so tests and hosts can replace it). */
  protected navigate(url: string): void {
    location.assign(url);
  }

  // ---------------------------------------------------------------------------------------------
  // Markup

  /** Finds the page's form, or renders one; then inserts the element's own areas around it. */
  private enhance(): void {
    let form = this.querySelector('form');
    if (!form) {
      this.rendersForm = true;
      // The same template render() returns, so the first update reuses this DOM.
      renderTemplate(this.renderForm(), this, {host: this});
      form = this.querySelector('form')!;
    }
    const userId = form.querySelector<HTMLInputElement>(
      'input[autocomplete~="username"], input[name="user_id"], input[name="userId"], input[name="username"]'
    );
    const password = form.querySelector<HTMLInputElement>(
      'input[type="password"], input[autocomplete~="current-password"], input[name="password"]'
    );
    if (!userId || !password) {
      console.warn(
        '[sonet-login-elements] <sonet-login-form>: the form inside has no user ID and password inputs ' +
          '(autocomplete="username" / type="password"); it is left as it is.'
      );
      return;
    }
    if (!userId.id) userId.id = `${this.idBase}-user-id`;
    if (!password.id) password.id = `${this.idBase}-password`;
    this.parts = {form, userId, password};
    const area = (className: string, part: string): HTMLElement => {
      const div = document.createElement('div');
      div.className = className;
      div.setAttribute('part', part);
      return div;
    };
    const alerts = this.rendersForm ? this.querySelector<HTMLElement>('.sonet-login-form__alerts')! : area('sonet-login-form__alerts', 'alerts');
    const after = this.rendersForm ? this.querySelector<HTMLElement>('.sonet-login-form__after')! : area('sonet-login-form__after', 'links');
    const userIdArea = this.rendersForm ? this.querySelector<HTMLElement>('.sonet-login-form__user-id')! : area('sonet-login-form__extras', 'extras');
    const passwordArea = this.rendersForm ? this.querySelector<HTMLElement>('.sonet-login-form__password')! : area('sonet-login-form__extras', 'extras');
    if (!this.rendersForm) {
      form.before(alerts);
      form.after(after);
      // After the input, or after the label that wraps it (a button inside a label would be
      // activated by clicks on the label).
      (userId.closest('label') ?? userId).after(userIdArea);
      (password.closest('label') ?? password).after(passwordArea);
    }
    this.containers = {alerts, userId: userIdArea, password: passwordArea, after};
  }

  /** The form the element writes when the page wrote none (the same markup as the example). */
  private renderForm(): TemplateResult {
    const userId = `${this.idBase}-user-id`;
    const password = `${this.idBase}-password`;
    return html`<div class="sonet-login-form__alerts" part="alerts"></div>
      <form class="sonet-login-form__form" part="form" method="post" action=${this.action || nothing}>
        <div class="sonet-field" part="field">
          <label class="sonet-field__label" part="label" for=${userId}
            >${this.userIdLabel || msg('ユーザーID', {id: 'field.user-id-label'})}</label
          >
          <input
            id=${userId}
            class="sonet-field__input"
            part="input"
            name=${this.userIdName || 'user_id'}
            type="text"
            inputmode="email"
            autocomplete="username"
            autocapitalize="none"
            autocorrect="off"
            spellcheck="false"
            required
          />
          <div class="sonet-login-form__user-id"></div>
        </div>
        <div class="sonet-field" part="field">
          <label class="sonet-field__label" part="label" for=${password}
            >${this.passwordLabel || msg('ユーザーIDパスワード', {id: 'field.password-label'})}</label
          >
          <input
            id=${password}
            class="sonet-field__input"
            part="input"
            name=${this.passwordName || 'password'}
            type="password"
            autocomplete="current-password"
            autocapitalize="none"
            autocorrect="off"
            spellcheck="false"
            required
          />
          <div class="sonet-login-form__password"></div>
        </div>
        <button class="sonet-login-form__submit" part="submit" type="submit" aria-disabled=${this.busy ? 'true' : nothing}>
          ${this.busy ? this.busyText() : this.submitLabel || msg('ログイン', {id: 'login-form.submit'})}
        </button>
      </form>
      <div class="sonet-login-form__after" part="links"></div>`;
  }

  private busyText(): string {
    return msg('ログインしています…', {id: 'login-form.busy'});
  }

  private get links(): {reset: string; idChange: string; loginHistory: string; maintenance: string} {
    const d = ERROR_HELP_DEFAULT_LINKS;
    return {
      reset: safeLinkHref(this.resetHref, d.reset),
      idChange: safeLinkHref(this.idChangeHref, d.idChange),
      loginHistory: safeLinkHref(this.loginHistoryHref, d.loginHistory),
      maintenance: safeLinkHref(this.maintenanceHref, d.maintenance),
    };
  }

  private renderHelp(code: LoginErrorCode, shown?: ShownError): TemplateResult {
    const links = this.links;
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
      heading-level=${this.headingLevel}
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
    const cookiesOff = !shown && this.capabilities?.value.cookies === false;
    if (cookiesOff) void loadGuidance().catch(() => {});
    return html`${cookiesOff ? this.renderHelp('cookies-disabled') : nothing}${
      shown ? this.renderHelp(shown.code, shown) : nothing
    }${
      shown && notices
        ? notices.renderFailureNotices({
            code: shown.code,
            failures: this.failures,
            threshold: parseLockThreshold(this.lockThreshold),
            autofilled: shown.autofilled,
            links: this.links,
            idBase: this.idBase,
          })
        : nothing
    }<p class="sonet-login-form__status" role="status">${
      this.succeeded ? msg('ログインしました。', {id: 'login-form.success'}) : nothing
    }</p>`;
  }

  private renderLinks(): TemplateResult {
    const links = this.links;
    return html`<nav aria-label=${msg('ログインのヘルプ', {id: 'login-form.links.label'})}>
      <ul class="sonet-links">
        <li><a href=${links.reset}>${msg('ユーザーID / パスワードの確認や再設定', {id: 'login-form.link.reset'})}</a></li>
        <li><a href=${links.idChange}>${msg('ユーザーID 自動変更のご案内', {id: 'login-form.link.id-change'})}</a></li>
        <li><a href=${links.loginHistory}>${msg('各種サービスのログイン履歴', {id: 'login-form.link.login-history'})}</a></li>
        <li><a href=${links.maintenance}>${msg('障害・メンテナンス情報', {id: 'login-form.link.maintenance'})}</a></li>
      </ul>
    </nav>`;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('errorCode') && this.errorCode) void this.showError(this.errorCode);
  }

  protected override render(): unknown {
    return this.rendersForm ? this.renderForm() : nothing;
  }

  protected override update(changed: PropertyValues<this>): void {
    super.update(changed);
    // The areas around the inputs: inside the rendered form, or inserted into the page's.
    const c = this.containers;
    if (!c) return;
    renderTemplate(this.renderAlerts(), c.alerts, {host: this});
    renderTemplate(this.userId.render(), c.userId, {host: this});
    renderTemplate(this.password.render(), c.password, {host: this});
    renderTemplate(this.renderLinks(), c.after, {host: this});
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('busy')) this.syncBusy();
  }

  /** Busy state on the page's own form and button (the rendered form binds it in its template). */
  private syncBusy(): void {
    const form = this.parts?.form;
    if (!form) return;
    if (this.busy) form.setAttribute('aria-busy', 'true');
    else form.removeAttribute('aria-busy');
    if (this.rendersForm) return;
    const button = form.querySelector<HTMLButtonElement | HTMLInputElement>(
      'button[type="submit"], button:not([type]), input[type="submit"]'
    );
    if (!button) return;
    if (this.busy && !this.savedButton) {
      this.savedButton = {button, nodes: [...button.childNodes], value: button.value};
      if (button instanceof HTMLInputElement) button.value = this.busyText();
      else button.replaceChildren(this.busyText());
      button.setAttribute('aria-disabled', 'true');
    } else if (!this.busy && this.savedButton) {
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
    const input = this.parts?.password;
    if (!input || !input.value) return;
    input.value = '';
    this.autofill.forget(input);
    input.dispatchEvent(new InputEvent('input', {bubbles: true, composed: true, inputType: 'deleteContent'}));
  }

  /** Where `fetch` posts to, or `null` for the event mode. */
  private endpoint(): string | null {
    const action = this.action || this.parts?.form.getAttribute('action') || '';
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
      value = new URLSearchParams(location.search).get(this.errorParam);
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

  private readonly onKeyDown = (event: KeyboardEvent): void => {
    this.keystrokes++;
    // Enter that confirms an IME conversion must never submit (Safari sends keyCode 229 after
    // compositionend; others set isComposing).
    if (event.key === 'Enter' && (event.isComposing || event.keyCode === 229)) event.preventDefault();
  };

  private readonly onPageShow = (event: PageTransitionEvent): void => {
    // Back from the page a native POST led to: the form is usable again.
    if (event.persisted) this.busy = false;
  };

  private readonly onSubmit = (event: SubmitEvent): void => {
    const parts = this.parts;
    if (!parts || event.target !== parts.form || event.defaultPrevented) return;
    if (this.userId.analysis.composing || this.password.analysis.composing) {
      event.preventDefault();
      return;
    }
    // Hidden before the browser reads the form, so it offers to save the password.
    this.password.reveal.hide('submit');
    this.userId.analysis.analyze('submit');
    if (this.busy) {
      event.preventDefault();
      return;
    }
    this.lastAttemptAutofilled = this.autofill.used();
    if (this.native) {
      // A password never goes into a URL: a form (or button) the page wrote with method="get"
      // is posted instead. The browser reads the method after this event.
      parts.form.method = 'post';
      const submitter = event.submitter as HTMLButtonElement | HTMLInputElement | null;
      if (submitter?.hasAttribute('formmethod')) submitter.formMethod = 'post';
      this.busy = true;
      return;
    }
    event.preventDefault();
    const formData = new FormData(parts.form, event.submitter);
    const url = this.endpoint();
    if (url === null) {
      const submitEvent = new SonetLoginSubmitEvent(formData);
      if (this.dispatchEvent(submitEvent)) this.busy = true;
      return;
    }
    void this.send(url, formData);
  };

  private async send(url: string, formData: FormData): Promise<void> {
    this.busy = true;
    const controller = new AbortController();
    this.pending = controller;
    const limit = Number.isFinite(this.timeout) && this.timeout > 0 ? this.timeout : DEFAULT_LOGIN_TIMEOUT;
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
      const multipart = this.parts?.form.enctype === 'multipart/form-data';
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
}

declare global {
  interface HTMLElementTagNameMap {
    'sonet-login-form': SonetLoginForm;
  }
}
