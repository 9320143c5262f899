import {ReactiveElement, type PropertyDeclarations, type PropertyValues} from '@lit/reactive-element';
import {msg, updateWhenLocaleChanges} from '@lit/localize';
import {ensureSonetLocalization} from '../../localization.js';
import {PasswordRevealController} from '../../controllers/password-reveal-controller.js';
import {DEFAULT_REVEAL_HIDE_DELAY} from '../../controllers/reveal-delay.js';
import type {LoginErrorCode} from '../../lib/login-response.js';
import {lazy} from '../../lib/lazy.js';
import {adoptSonetStyles} from '../shared/adopt-styles.js';
import {fieldStyles} from '../shared/field.styles.js';
import {buildField, buildFieldArea, element} from '../shared/field-skeleton.js';
import {DEFAULT_LOGIN_TIMEOUT, type LoginFormFields, type LoginFormSkeleton, type ShowErrorOptions} from './login-form.host.js';
import type {LoginFormBehaviour} from './login-form.behaviour.js';

export {DEFAULT_LOGIN_TIMEOUT, type ShowErrorOptions};

const loadFields = lazy(() => import('./login-form.fields.js'));
const loadBehaviour = lazy(() => import('./login-form.behaviour.js'));
const loadLinks = lazy(() => import('./login-form.links.js'));
const loadCookieCheck = lazy(() => import('../../lib/cookies.js'));

function whenIdle(callback: () => void, timeout: number): void {
  const idle = (globalThis as {requestIdleCallback?: (cb: () => void, o?: {timeout: number}) => number}).requestIdleCallback;
  if (idle) idle(callback, {timeout});
  else setTimeout(callback, Math.min(timeout, 500));
}

let formCounter = 0;

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
 * Put the README's `<noscript>` text beside it for members with JavaScript turned off (the plain
 * form logs in without it; the seed page's steps to turn JavaScript on).
 *
 * **Submission.** With `action` (or the inner form's `action`), the form data is POSTed with
 * `fetch` (same-origin credentials, `Accept: application/json`, the `<meta name="csrf-token">`
 * as `X-CSRF-Token` to the page's own origin only, hidden inputs passed through) under a `timeout`; the button says
 * 「ログインしています…」 and further submits are ignored. A 2xx answer fires
 * `sonet-login-success` and follows a same-origin redirect; anything else shows the guidance for
 * its code above the form, moves focus to its heading, fires `sonet-login-error` and clears the
 * password (the ID is kept). With `native`, the browser posts the form itself. Without any
 * action, `sonet-login-submit` hands the form data to the host, which calls `showError()` or
 * `showSuccess()`. `error-code` (or the query parameter named by `error-param`) shows guidance
 * on load, for servers that render the login page again after a failed POST.
 *
 * **Loading.** The element's own module is small: it finds or writes the form (the skeleton:
 * labels, inputs, the show-password toggle, empty regions for warnings and alerts) and runs the
 * toggle, which works from the first click. Everything else — warnings, submission, guidance — is
 * its behaviour (`login-form.behaviour.ts`), fetched when the browser is idle and on the first
 * focus or press; when it attaches it analyses what is already typed, and a submit made before it
 * arrived is held and sent then. `live` is true from then on.
 *
 * **Warnings.** A warning appears, changes or goes with the key that causes it, and is announced
 * once. Under the user ID, the characters concerned (該当する文字: …) and the one-tap fix's label
 * follow the value once typing pauses (300 ms), when the field loses focus, on a paste, or when
 * the fix is pressed, so a burst of keys does not rewrite them on every key; the fix always
 * applies to the value as it is.
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
 * **Styling.** The same look on the page's own form and on the one the element writes: the
 * element gives the page's user ID and password inputs, their labels and its submit button the
 * classes of its own markup (whatever the inputs' `type`). Theme both with the custom
 * properties below, set on the element or any ancestor. Everything is in the light DOM, where
 * `::part()` reaches nothing; every rule of the library has zero specificity (but the shown
 * password's font, which must beat the page's input font), so the page's own selectors win —
 * the `part` attributes are stable hooks for them: `sonet-login-form [part~="toggle"] { … }`
 * (listed below; `form`, `field`, `label`, `input` and `submit` are on the markup the element
 * writes — on the server's markup those are the page's own nodes). Style the inside of the
 * guidance, which has a shadow root, with `sonet-error-help::part(…)`.
 *
 * @summary The So-net login form with live input warnings and inline failure guidance.
 *
 * @csspart form - The form the element writes (the server's own form otherwise).
 * @csspart field - A field the element writes: label, input and its warnings area.
 * @csspart label - A label the element writes.
 * @csspart input - An input the element writes.
 * @csspart toggle - The show-password toggle.
 * @csspart warnings - A field's warnings area (also its hint).
 * @csspart warning - One warning; `data-code` names its finding, `data-level` its level.
 * @csspart fix - The user ID's one-tap fix button.
 * @csspart hint - The user ID's example while there is nothing to warn about.
 * @csspart submit - The submit button the element writes.
 * @csspart alerts - The area above the form: failure guidance, notices, cookie guidance.
 * @csspart help - The guidance shown after a failure (`<sonet-error-help>`, or the short text when it cannot load).
 * @csspart notice - A notice above the form; also `lockout`, `autofill` or `checklist`.
 * @csspart links - The help links below the form.
 *
 * @cssprop --sonet-login-form-submit-background - Background of the submit button (the element's or the page's).
 * @cssprop --sonet-login-form-submit-color - Text colour of the submit button.
 * @cssprop --sonet-login-form-link-color - Colour of the help links (default: the focus colour).
 * @cssprop --sonet-login-form-guidance-max-width - Largest width of the guidance and notices above the form (default `40rem`).
 * @cssprop --sonet-field-gap - Space below each field.
 * @cssprop --sonet-field-max-width - Largest width of the inputs and the submit button (default `26em`).
 * @cssprop --sonet-field-hint-space - Room kept under the user ID for a hint, so that one appearing moves nothing below (default `5.5em`; `0` to keep none).
 * @cssprop --sonet-field-hint-color - Colour of the user ID's example (「例: taro_s@aa2 …」), shown in that room while there is nothing to warn about.
 * @cssprop --sonet-field-radius - Corner radius of inputs and buttons.
 * @cssprop --sonet-field-border-color - Border colour of inputs and buttons.
 * @cssprop --sonet-field-background - Input background (default `Field`).
 * @cssprop --sonet-field-color - Input text colour (default `FieldText`).
 * @cssprop --sonet-field-focus-color - Focus outline colour.
 * @cssprop --sonet-field-reveal-font - Font of the shown password and of the look-alikes it names.
 * @cssprop --sonet-field-error-color - Accent of warnings that will make the login fail.
 * @cssprop --sonet-field-error-background - Background of those warnings.
 * @cssprop --sonet-field-warning-color - Accent of hints and notices.
 * @cssprop --sonet-field-warning-background - Background of hints and notices.
 * @cssprop --sonet-field-info-color - Accent of information (look-alikes, checklist).
 * @cssprop --sonet-field-info-background - Background of information.
 * @cssprop --sonet-field-button-background - Background of the toggle and fix buttons (default `Field`); also the tick.
 * @cssprop --sonet-field-button-color - Text colour of the toggle and fix buttons (default `FieldText`); also the ticked box.
 *
 * @attr cache-help-href - Passed to the guidance (`<sonet-error-help>`): キャッシュを削除する方法. Its default is a guess to confirm (README, "Help links to confirm").
 * @attr input-help-href - Passed to the guidance: ID とパスワードを間違いなく入力する方法. Its default is a guess to confirm.
 * @attr control-panel-help-href - Passed to the guidance: コントロール パネルの表示方法 (Windows 8.1 / 8). Its default is a guess to confirm.
 * @attr support-href - Passed to the guidance: 会員サポート, where the operator chat is (default `https://support.so-net.ne.jp/`).
 *
 * @fires {SonetLoginSubmitEvent} sonet-login-submit - Without `action`: the host sends `formData`. Cancelable.
 * @fires {SonetLoginSuccessEvent} sonet-login-success - After a successful login. Cancelable (navigation).
 * @fires {SonetLoginErrorEvent} sonet-login-error - When a failure is shown, with its `code`.
 */
export class SonetLoginForm extends ReactiveElement {
  static override properties: PropertyDeclarations = {
    action: {},
    native: {type: Boolean, reflect: true},
    timeout: {type: Number},
    errorCode: {attribute: 'error-code'},
    errorParam: {attribute: 'error-param'},
    errorMarker: {attribute: 'error-marker'},
    lockThreshold: {attribute: 'lock-threshold'},
    domain: {},
    revealTimeout: {attribute: 'reveal-timeout', type: Number},
    headingLevel: {attribute: 'heading-level', type: Number},
    userIdLabel: {attribute: 'user-id-label'},
    passwordLabel: {attribute: 'password-label'},
    submitLabel: {attribute: 'submit-label'},
    userIdName: {attribute: 'user-id-name'},
    passwordName: {attribute: 'password-name'},
    resetHref: {attribute: 'reset-href'},
    idChangeHref: {attribute: 'id-change-href'},
    loginHistoryHref: {attribute: 'login-history-href'},
    maintenanceHref: {attribute: 'maintenance-href'},
    busy: {state: true, attribute: false},
  };

  /**
   * Where to POST the login with `fetch`. Default: the inner form's `action` attribute. Without
   * either, the form fires `sonet-login-submit` instead.
   */
  action = '';

  /** Let the browser post the form itself (servers that render their own result page). */
  native = false;

  /** Request timeout in milliseconds (default 15000). */
  timeout = DEFAULT_LOGIN_TIMEOUT;

  /** Show the guidance for this code on load (`SS503`, `invalid-credentials`, …). */
  errorCode = '';

  /**
   * The name of a query parameter that carries an error code (`error` for `?error=SS503`).
   * Off unless set; only known codes are shown.
   */
  errorParam = '';

  /**
   * A string that marks the server's own error page when it answers a failed login with 2xx and
   * HTML (see `mapLoginResponse`): a 2xx answer is a failure only by the JSON contract
   * (`ok:false`, a code field) or by this marker, never by guessing from the page's text.
   */
  errorMarker = '';

  /**
   * Failures after which the account is locked for a while, as told to the member. Unset: the
   * notice names no number (the support pages give none).
   */
  lockThreshold: string | number = '';

  /** The mail domain that must not follow the subdomain in the user ID (default `so-net.ne.jp`). */
  domain = '';

  /** Milliseconds the shown password stays visible after focus leaves the field (default 3000). */
  revealTimeout = DEFAULT_REVEAL_HIDE_DELAY;

  /** Level of the guidance heading, 2–6 (default 2). */
  headingLevel = 2;

  /** Label of the user ID field when the element renders the form. */
  userIdLabel = '';

  /** Label of the password field when the element renders the form. */
  passwordLabel = '';

  /** Text of the submit button when the element renders the form. */
  submitLabel = '';

  /** Name the user ID is submitted under when the element renders the form (default `user_id`). */
  userIdName = 'user_id';

  /** Name the password is submitted under when the element renders the form (default `password`). */
  passwordName = 'password';

  /** ユーザーID / パスワードの確認や再設定 (電話発信による本人認証). http(s) or relative URLs only. */
  resetHref = '';

  /** 「So-net ユーザーID 自動変更のご案内」. http(s) or relative URLs only. */
  idChangeHref = '';

  /** マイページ「各種サービスのログイン履歴」. http(s) or relative URLs only. */
  loginHistoryHref = '';

  /** 障害・メンテナンス情報. http(s) or relative URLs only. */
  maintenanceHref = '';

  /** True while a login request is on its way (also `aria-busy` on the form). */
  busy = false;

  /** True once the field cores are attached: warnings follow the typing (read-only). */
  get live(): boolean {
    return this.fields !== undefined;
  }

  private readonly idBase = `sonet-login-${++formCounter}`;
  /** The form, inputs and regions, written or found once (see {@link enhance}). */
  private skeleton?: LoginFormSkeleton;
  /** The labels, inputs and button of the form the element wrote (see {@link syncForm}). */
  private own?: {labels: [HTMLLabelElement, HTMLLabelElement]; inputs: [HTMLInputElement, HTMLInputElement]; submit: HTMLButtonElement};
  private linksArea?: HTMLElement;
  private fields?: LoginFormFields;
  private behaviour?: LoginFormBehaviour;
  /** Loading and attaching what comes after the skeleton (fields, then the behaviour). */
  private attaching?: Promise<unknown>;
  private fieldsAttach?: Promise<LoginFormFields>;
  private behaviourAttach?: Promise<LoginFormBehaviour>;
  /** The help links will be rendered after the next frame. */
  private linksPending = false;

  /** The toggle's one owner, from the first click: the behaviour only reads its state. */
  private readonly reveal = new PasswordRevealController(this, {
    input: () => this.skeleton?.password,
    toggle: () => this.skeleton?.areas.password.toggle,
    hideDelay: () => this.revealTimeout,
  });

  constructor() {
    super();
    // In the constructor: tags already in the page, upgraded by define() below, switch language too.
    updateWhenLocaleChanges(this);
  }

  /** The `<form>` the element works with (the page's, or its own). */
  get form(): HTMLFormElement | null {
    return this.skeleton?.form ?? null;
  }

  /** The failure shown now, or `null`. */
  get errorShown(): LoginErrorCode | null {
    return this.behaviour?.errorShown ?? null;
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    if (!this.skeleton) this.enhance();
    super.connectedCallback();
    void ensureSonetLocalization();
    adoptSonetStyles(this, fieldStyles);
    this.addEventListener('submit', this.onSubmit);
    this.addEventListener('focusin', this.onFirstUse);
    this.addEventListener('pointerdown', this.onFirstUse);
    this.addEventListener('keydown', this.onKeyDown, true);
    if (this.errorParam && !this.errorCode) void this.attach().catch(() => {});
    whenIdle(() => {
      if (!this.isConnected || !this.skeleton) return;
      // Warnings go live without waiting for a first touch.
      void this.attachFields().catch(() => {});
      // A member whose cookies are off is told so before trying (the guidance comes with the behaviour).
      loadCookieCheck().then(
        ({cookiesWork}) => {
          if (!cookiesWork()) void this.attach().catch(() => {});
        },
        () => {}
      );
    }, 2000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('submit', this.onSubmit);
    this.removeEventListener('focusin', this.onFirstUse);
    this.removeEventListener('pointerdown', this.onFirstUse);
    this.removeEventListener('keydown', this.onKeyDown, true);
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
    await (await this.attach()).showError(code, options);
  }

  /**
   * Marks the login as successful: forgets the failure count and any guidance, and fires
   * `sonet-login-success` (whose default, without `redirect`, is to say the login succeeded).
   *
   * @param redirect a same-origin URL to go to; other origins are ignored.
   * @returns a promise that settles when the event was handled.
   */
  async showSuccess(redirect?: string | null): Promise<void> {
    await (await this.attach()).showSuccess(redirect);
  }

  /** Goes to a URL after a successful login (a method so tests and hosts can replace it). */
  protected navigate(url: string): void {
    location.assign(url);
  }

  /**
   * Attaches the field cores (loading their module once per page): warnings go live.
   * `updateComplete` waits for an attach in progress.
   */
  private attachFields(): Promise<LoginFormFields> {
    const skeleton = this.skeleton;
    if (!skeleton) return Promise.reject(new Error('<sonet-login-form> has no user ID and password inputs'));
    this.fieldsAttach ??= this.track(
      loadFields().then(
        ({attachFields}) => (this.fields ??= attachFields(this, skeleton)),
        (error: unknown) => {
          this.fieldsAttach = undefined;
          throw error;
        }
      )
    );
    return this.fieldsAttach;
  }

  /**
   * Attaches the behaviour — submission, guidance, notices — after the field cores it works
   * with: a controller of this element that renders into the skeleton.
   */
  private attach(): Promise<LoginFormBehaviour> {
    const skeleton = this.skeleton;
    if (!skeleton) return Promise.reject(new Error('<sonet-login-form> has no user ID and password inputs'));
    this.behaviourAttach ??= this.track(
      Promise.all([this.attachFields(), loadBehaviour()]).then(
        ([fields, {LoginFormBehaviour}]) => {
          this.behaviour ??= new LoginFormBehaviour(this, skeleton, fields);
          this.requestUpdate();
          return this.behaviour;
        },
        (error: unknown) => {
          this.behaviourAttach = undefined;
          throw error;
        }
      )
    );
    return this.behaviourAttach;
  }

  /** Makes `updateComplete` wait for `attaching` too. */
  private track<T>(attaching: Promise<T>): Promise<T> {
    const all = Promise.allSettled([this.attaching, attaching]).then(() => {
      if (this.attaching === all) this.attaching = undefined;
    });
    this.attaching = all;
    return attaching;
  }

  protected override async getUpdateComplete(): Promise<boolean> {
    let result = await super.getUpdateComplete();
    // Offline, an attach fails: the skeleton stays; nothing else to wait for (allSettled).
    while (this.attaching) {
      await this.attaching;
      result = await super.getUpdateComplete();
    }
    return result;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('errorCode') && this.errorCode) {
      const code = this.errorCode;
      void this.attach().then((behaviour) => behaviour.showError(code, {}, 'attribute'), () => {});
    }
  }

  protected override update(changed: PropertyValues<this>): void {
    super.update(changed);
    this.syncForm();
    // Links follow the properties and the locale (whose change updates with nothing changed).
    if (this.linksArea && !(changed.size === 1 && changed.has('busy'))) this.renderLinks(this.linksArea);
  }

  // ---------------------------------------------------------------------------------------------
  // The skeleton

  /**
   * Finds the page's form, or writes one; then writes the regions the behaviour renders into:
   * the alerts above the form, the area after each input (the password's holds the toggle), the
   * links below. Runs once; nothing here is written again.
   */
  private enhance(): void {
    let form = this.querySelector('form');
    const rendersForm = !form;
    if (!form) form = this.buildForm();
    const userId = form.querySelector<HTMLInputElement>(
      'input[autocomplete~="username"], input[name="user_id"], input[name="userId"], input[name="username"]'
    );
    const password = form.querySelector<HTMLInputElement>(
      'input[type="password"], input[autocomplete~="current-password"], input[name="password"]'
    );
    if (!userId || !password) {
      console.warn('<sonet-login-form>: no user ID and password inputs (autocomplete="username", type="password") in the form; left as it is.');
      return;
    }
    if (!userId.id) userId.id = `${this.idBase}-user-id`;
    if (!password.id) password.id = `${this.idBase}-password`;
    const content = element('div', 'sonet-login-form__guidance');
    const status = element('div', 'sonet-login-form__status', {role: 'status'});
    const alerts = element('div', 'sonet-login-form__alerts', {part: 'alerts'});
    alerts.append(content, status);
    const links = (this.linksArea = element('div', 'sonet-login-form__after', {part: 'links'}));
    form.before(alerts);
    form.after(links);
    // The fields the element wrote have their areas; a page's inputs get one each, after the
    // input or after the label that wraps it (a button inside a label would be activated by
    // clicks on the label).
    const area = (input: HTMLInputElement, kind: 'user-id' | 'password') => {
      // The fields' look, whatever the input's type (zero specificity: the page's rules win).
      input.classList.add('sonet-field__input');
      const container = element('div', 'sonet-field__area');
      (input.closest('label') ?? input).after(container);
      return buildFieldArea(container, input, kind);
    };
    const areas = this.ownAreas ?? {userId: area(userId, 'user-id'), password: area(password, 'password')};
    // The page's submit button gets the library's look (zero specificity: the page's rules win).
    const submit = form.querySelector<HTMLButtonElement | HTMLInputElement>('button:not([type]), [type="submit"]');
    submit?.classList.add('sonet-login-form__submit');
    this.skeleton = {
      form,
      userId,
      password,
      areas,
      alerts: {container: alerts, content, status},
      submit,
      idBase: this.idBase,
      rendersForm,
      reveal: this.reveal,
      navigate: (url) => this.navigate(url),
    };
  }

  /** The areas of the fields the element wrote. */
  private ownAreas?: LoginFormSkeleton['areas'];

  /**
   * The form the element writes when the page wrote none: the README's markup, from the same
   * builder as the standalone fields. What follows the properties (labels, names, `action`, the
   * button's text) is set by {@link syncForm} in each update.
   */
  private buildForm(): HTMLFormElement {
    const form = element('form', 'sonet-login-form__form', {part: 'form', method: 'post'});
    const userId = buildField('user-id', `${this.idBase}-user-id`, 'username');
    const password = buildField('password', `${this.idBase}-password`, 'current-password');
    for (const {input} of [userId, password]) input.required = true;
    const submit = element('button', 'sonet-login-form__submit', {part: 'submit', type: 'submit'});
    form.append(userId.field, password.field, submit);
    this.own = {labels: [userId.label, password.label], inputs: [userId.input, password.input], submit};
    this.ownAreas = {userId, password};
    this.append(form);
    return form;
  }

  /** Sets what the properties and the locale decide in the form the element wrote. */
  private syncForm(): void {
    const own = this.own;
    const form = this.skeleton?.form;
    if (!own || !form) return;
    const set = (node: Node, text: string): void => {
      if (node.textContent !== text) node.textContent = text;
    };
    if (!this.action) form.removeAttribute('action');
    else if (form.getAttribute('action') !== this.action) form.setAttribute('action', this.action);
    set(own.labels[0], this.userIdLabel || msg('ユーザーID', {id: 'field.user-id-label'}));
    set(own.labels[1], this.passwordLabel || msg('ユーザーIDパスワード', {id: 'field.password-label'}));
    const names = [this.userIdName || 'user_id', this.passwordName || 'password'];
    own.inputs.forEach((input, i) => {
      if (input.name !== names[i]) input.name = names[i]!;
    });
    // While busy the behaviour shows its own text in the button (on any form's button alike).
    if (!this.busy) set(own.submit, this.submitLabel || msg('ログイン', {id: 'login-form.submit'}));
  }

  /**
   * Renders the help links, from their own module requested after the form's first frame: they
   * appear below the form once it has arrived (`updateComplete` does not wait).
   */
  private renderLinks(area: HTMLElement): void {
    if (this.linksPending) return;
    this.linksPending = true;
    requestAnimationFrame(() =>
      setTimeout(() => {
        this.linksPending = false;
        // Offline before it loaded: no links (the guidance has its own); tried again on the next change.
        loadLinks().then((module) => module.renderLoginLinks(this, area), () => {});
      })
    );
  }

  // ---------------------------------------------------------------------------------------------
  // Events before the behaviour arrives

  private readonly onFirstUse = (): void => {
    void this.attach().catch(() => {});
  };

  private readonly onKeyDown = (event: KeyboardEvent): void => {
    // Enter that confirms an IME conversion must never submit (Safari sends keyCode 229 after
    // compositionend; others set isComposing).
    if (event.key === 'Enter' && (event.isComposing || event.keyCode === 229)) event.preventDefault();
  };

  /** A submit before the behaviour arrived: held, and sent again once it is attached. */
  private readonly onSubmit = (event: Event): void => {
    const skeleton = this.skeleton;
    if (this.behaviour || !skeleton || event.target !== skeleton.form || event.defaultPrevented) return;
    event.preventDefault();
    const submitter = (event as SubmitEvent).submitter;
    this.attach().then(
      () => skeleton.form.requestSubmit(submitter),
      // Offline before it could load: let the browser post the form itself, to where the
      // behaviour would have sent it (`action` first). The reveal controller made it a POST
      // during this submit event; the password may have been shown again since.
      () => {
        const form = skeleton.form;
        this.reveal.hide('submit');
        if (this.action) form.action = this.action;
        if (form.getAttribute('action')) HTMLFormElement.prototype.submit.call(form);
      }
    );
  };
}

customElements.define('sonet-login-form', SonetLoginForm);

declare global {
  interface HTMLElementTagNameMap {
    'sonet-login-form': SonetLoginForm;
  }
}
