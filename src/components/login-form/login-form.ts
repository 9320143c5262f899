import {ReactiveElement, type PropertyDeclarations, type PropertyValues} from '@lit/reactive-element';
import {msg, updateWhenLocaleChanges} from '@lit/localize';
import {ensureSonetLocalization} from '../../localization.js';
import {detectPassword, detectUserId} from '../../lib/detect.js';
import {FINDING_RULES} from '../../lib/findings.js';
import {adoptSonetStyles} from '../shared/field.styles.js';
import {warningText} from '../shared/field-messages.js';
import {FieldAnnouncer, describeBy, type FieldWarning} from '../shared/field-view.js';
import type {LoginErrorCode} from '../../lib/login-response.js';
import type {FormAreas, FormParts, LoginFormBehaviour} from './login-form.behaviour.js';
import {DEFAULT_REVEAL_HIDE_DELAY} from '../../controllers/reveal-delay.js';
import {DEFAULT_LOGIN_TIMEOUT, busyText} from './login-form.view.js';

type BehaviourModule = typeof import('./login-form.behaviour.js');

let behaviourLoad: Promise<BehaviourModule> | undefined;
let linksLoad: Promise<typeof import('./login-form.links.js')> | undefined;

/**
 * Everything beyond the first view (the full field cores, submission, guidance) is in
 * `login-form.behaviour.ts`: imported on first use and prefetched on idle, once per page. A
 * failed load (offline) may be retried.
 */
function loadBehaviour(): Promise<BehaviourModule> {
  behaviourLoad ??= import('./login-form.behaviour.js').catch((error: unknown) => {
    behaviourLoad = undefined;
    throw error;
  });
  return behaviourLoad;
}

function whenIdle(callback: () => void, timeout: number): void {
  const idle = (globalThis as {requestIdleCallback?: (cb: () => void, o?: {timeout: number}) => number}).requestIdleCallback;
  if (idle) idle(callback, {timeout});
  else setTimeout(callback, Math.min(timeout, 500));
}

export {DEFAULT_LOGIN_TIMEOUT};

/** Events the element listens to on itself (the first view's warnings, attaching the behaviour). */
const EVENTS = ['submit', 'input', 'compositionstart', 'compositionend', 'keyup', 'focusout', 'focusin', 'pointerdown'];

let formCounter = 0;

/**
 * Counts the locales loaded in this page: one listener for every form (the locale controller of
 * each form then updates it, after this has run: it was added first).
 */
let localeVersion = 0;
addEventListener('lit-localize-status', (event) => {
  if ((event as CustomEvent<{status: string}>).detail?.status === 'ready') localeVersion++;
});

/** An element with a class, and a `part` and attributes when given (the first view's DOM calls). */
function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  part?: string,
  attributes: Record<string, string> = {}
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  if (part) attributes['part'] = part;
  for (const name in attributes) node.setAttribute(name, attributes[name]!);
  return node;
}

/** A field's area in the first view: built with DOM calls, so a form keeps no template parts. */
interface FirstArea {
  warnings: HTMLElement;
  status: HTMLElement;
  toggle?: HTMLButtonElement;
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
export class SonetLoginForm extends ReactiveElement {
  static override properties: PropertyDeclarations = {
    action: {},
    native: {type: Boolean, reflect: true},
    timeout: {type: Number},
    errorCode: {attribute: 'error-code'},
    errorParam: {attribute: 'error-param'},
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

  /** Failures after which the account is locked for a while, as told to the member (default 5). */
  lockThreshold: string | number = 5;

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

  constructor() {
    super();
    // What @localized() does, in the constructor: instances the define() below upgrades (tags
    // already in the page) switch language too.
    updateWhenLocaleChanges(this);
  }

  private readonly idBase = `sonet-login-${++formCounter}`;
  private parts?: FormParts;
  /** The element wrote the form itself (no form inside when it connected). */
  private rendersForm = false;
  /** What {@link syncForm} keeps up to date in the form the element wrote. */
  private own?: {labels: [HTMLLabelElement, HTMLLabelElement]; inputs: [HTMLInputElement, HTMLInputElement]; submit: HTMLButtonElement};
  private areas?: FormAreas;
  private behaviour?: LoginFormBehaviour;
  private attaching?: Promise<LoginFormBehaviour>;
  // The first view: warnings from the small detectors, until the behaviour is attached.
  private readonly announcers = {userId: new FieldAnnouncer(), password: new FieldAnnouncer()};
  private warnings: {userId: FieldWarning[]; password: FieldWarning[]} = {userId: [], password: []};
  private composing?: 'userId' | 'password';
  /** The {@link localeVersion} last rendered (-1: nothing yet). */
  private renderedLocale = -1;
  private capsLock = false;
  /** The areas the first view built (with DOM calls), until the behaviour renders its own. */
  private first: {userId?: FirstArea; password?: FirstArea} = {};
  /** The help links will be rendered after the next frame. */
  private linksPending = false;
  /** The first view's toggle had focus when the behaviour took over: focus its own. */
  private refocusToggle = false;

  /** The `<form>` the element works with (the page's, or its own). */
  get form(): HTMLFormElement | null {
    return this.parts?.form ?? null;
  }

  /** The failure shown now, or `null`. */
  get errorShown(): LoginErrorCode | null {
    return this.behaviour?.errorShown ?? null;
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void ensureSonetLocalization();
    adoptSonetStyles(this);
    if (!this.parts) this.enhance();
    for (const type of EVENTS) {
      this.addEventListener(type, this.onEvent);
    }
    this.addEventListener('keydown', this.onEvent, true);
    this.behaviour?.reconnect();
    if (this.errorParam && !this.errorCode) void this.attach().catch(() => {});
    whenIdle(() => {
      if (!this.isConnected || !this.parts) return;
      // Prefetch what the first use needs, and tell a member whose cookies are off before they try.
      loadBehaviour().then(
        (module) => {
          void module.loadGuidance().catch(() => {});
          void module.loadResponseMapping().catch(() => {});
        },
        () => {}
      );
      if (!this.behaviour) {
        import('../../lib/capabilities.js').then(
          ({cookiesWork}) => {
            if (!cookiesWork()) void this.attach().catch(() => {});
          },
          () => {}
        );
      }
    }, 2000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const type of EVENTS) {
      this.removeEventListener(type, this.onEvent);
    }
    this.removeEventListener('keydown', this.onEvent, true);
    this.behaviour?.disconnect();
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
   * Attaches the behaviour (loading its module once per page). Updates wait for it
   * (`updateComplete` settles once it is attached).
   */
  private attach(): Promise<LoginFormBehaviour> {
    if (this.behaviour) return Promise.resolve(this.behaviour);
    const parts = this.parts;
    const areas = this.areas;
    if (!parts || !areas) return Promise.reject(new Error('<sonet-login-form> has no user ID and password inputs'));
    this.attaching ??= loadBehaviour().then(
      ({LoginFormBehaviour}) => {
        this.attaching = undefined;
        if (!this.behaviour) this.dropFirstView();
        this.behaviour ??= new LoginFormBehaviour(this, {
          parts,
          areas,
          idBase: this.idBase,
          rendersForm: this.rendersForm,
          announcers: this.announcers,
          capsLock: this.capsLock,
          composing: this.composing,
        });
        this.requestUpdate();
        return this.behaviour;
      },
      (error: unknown) => {
        this.attaching = undefined;
        throw error;
      }
    );
    return this.attaching;
  }

  protected override async getUpdateComplete(): Promise<boolean> {
    let result = await super.getUpdateComplete();
    // Also what the attach set off (a first toggle press, the analysis of what was typed).
    while (this.attaching || this.isUpdatePending) {
      try {
        await this.attaching;
      } catch {
        // Offline: the first view stays; nothing else to wait for.
      }
      result = await super.getUpdateComplete();
    }
    return result;
  }

  // ---------------------------------------------------------------------------------------------
  // Markup

  /** Finds the page's form, or renders one; then inserts the element's own areas around it. */
  private enhance(): void {
    let form = this.querySelector('form');
    if (!form) {
      this.rendersForm = true;
      form = this.buildForm();
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
    if (this.rendersForm) {
      const [userIdLabel, passwordLabel] = form.querySelectorAll('label');
      userIdLabel!.htmlFor = userId.id;
      passwordLabel!.htmlFor = password.id;
    }
    describeBy(userId, `${userId.id}-warnings`);
    describeBy(password, `${password.id}-warnings`);
    this.parts = {form, userId, password};
    const area = (className: string, part: string): HTMLElement => element('div', className, part);
    const find = (className: string): HTMLElement => this.querySelector<HTMLElement>(`.${className}`)!;
    const alerts = this.rendersForm ? find('sonet-login-form__alerts') : area('sonet-login-form__alerts', 'alerts');
    const after = this.rendersForm ? find('sonet-login-form__after') : area('sonet-login-form__after', 'links');
    const userIdArea = this.rendersForm ? find('sonet-login-form__user-id') : area('sonet-login-form__extras', 'extras');
    const passwordArea = this.rendersForm ? find('sonet-login-form__password') : area('sonet-login-form__extras', 'extras');
    if (!this.rendersForm) {
      form.before(alerts);
      form.after(after);
      // After the input, or after the label that wraps it (a button inside a label would be
      // activated by clicks on the label).
      (userId.closest('label') ?? userId).after(userIdArea);
      (password.closest('label') ?? password).after(passwordArea);
    }
    this.areas = {alerts, userId: userIdArea, password: passwordArea, after};
  }

  /**
   * The form the element writes when the page wrote none (the same markup as the example), built
   * with DOM calls: no template to prepare and no parts to keep per form (`npm run bench`: the
   * Lit template of this form took 3–5 ms of a fresh page's first render). What follows the
   * properties (labels, names, `action`, the button's text and state) is set by
   * {@link syncForm} in each update. The inputs say `aria-required` from the start; `required`
   * itself (the browser's check on submit) is set when the behaviour attaches, which every
   * submit waits for: an empty required input costs a page's first render a few ms of
   * constraint-validation work.
   */
  private buildForm(): HTMLFormElement {
    const form = element('form', 'sonet-login-form__form', 'form', {method: 'post'});
    const common = {autocapitalize: 'none', autocorrect: 'off', spellcheck: 'false', 'aria-required': 'true'};
    const field = (areaClass: string, attributes: Record<string, string>) => {
      const label = element('label', 'sonet-field__label', 'label');
      const input = element('input', 'sonet-field__input', 'input', {...attributes, ...common});
      form.append(element('div', 'sonet-field', 'field'));
      form.lastElementChild!.append(label, input, element('div', areaClass));
      return [label, input] as const;
    };
    const [userIdLabel, userId] = field('sonet-login-form__user-id', {type: 'text', inputmode: 'email', autocomplete: 'username'});
    const [passwordLabel, password] = field('sonet-login-form__password', {type: 'password', autocomplete: 'current-password'});
    const submit = form.appendChild(element('button', 'sonet-login-form__submit', 'submit', {type: 'submit'}));
    this.own = {labels: [userIdLabel, passwordLabel], inputs: [userId, password], submit};
    this.append(element('div', 'sonet-login-form__alerts', 'alerts'), form, element('div', 'sonet-login-form__after', 'links'));
    this.syncForm();
    return form;
  }

  /** Sets what the properties and the locale decide in the form the element wrote. */
  private syncForm(): void {
    const own = this.own;
    const form = this.parts?.form ?? this.querySelector('form');
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
    set(own.submit, this.busy ? busyText() : this.submitLabel || msg('ログイン', {id: 'login-form.submit'}));
    if (this.busy) own.submit.setAttribute('aria-disabled', 'true');
    else own.submit.removeAttribute('aria-disabled');
  }

  /**
   * Renders the help links. Their module is requested after the form's first frame and does not
   * hold up the form: the links appear below it once it has arrived (`updateComplete` does not
   * wait). Asking for it costs a fresh page ~1.4 ms (`npm run bench`).
   */
  private renderLinks(area: HTMLElement): void {
    if (this.linksPending) return;
    this.linksPending = true;
    requestAnimationFrame(() =>
      setTimeout(() => {
        this.linksPending = false;
        this.loadLinks(area);
      })
    );
  }

  private loadLinks(area: HTMLElement): void {
    (linksLoad ??= import('./login-form.links.js')).then(
      (module) => module.renderLoginLinks(this, area),
      // Offline before it loaded: no links (the guidance has its own); tried again on the next change.
      () => {
        linksLoad = undefined;
      }
    );
  }

  /**
   * The first view of the areas after the inputs (before the behaviour is attached): the
   * password's toggle from the start; the user ID's warnings and status region from the first
   * focus or press, or a warning (a paste without focus). The behaviour renders both areas and
   * the form's status region when it attaches, on that same first focus or press — so every
   * live region is in place before it can say anything. Built with DOM calls (no template parts
   * kept per form); the markup is the one `shared/field-view.ts` renders, with the same ids.
   * Texts are taken again each time (the locale).
   */
  private renderFirstView(which?: 'userId' | 'password'): void {
    for (const field of ['userId', 'password'] as const) {
      if (which && which !== field) continue;
      // The user ID's area is built on the first focus or press (see onEvent), or for a warning.
      if (field === 'userId' && !this.first.userId && !this.warnings.userId.length) continue;
      const area = (this.first[field] ??= this.buildFirstArea(field));
      if (!area) return;
      if (area.toggle) area.toggle.textContent = msg('パスワードを表示', {id: 'field.show-password'});
      const list = this.warnings[field];
      if (list.length) {
        const ul = document.createElement('ul');
        ul.className = 'sonet-warnings';
        for (const {code, level} of list) {
          const li = ul.appendChild(document.createElement('li'));
          li.className = 'sonet-warning';
          li.setAttribute('part', 'warning');
          li.dataset['code'] = code;
          li.dataset['level'] = level;
          li.textContent = warningText(code as 'empty', field === 'userId' ? 'user-id' : 'password');
        }
        area.warnings.replaceChildren(ul);
      } else area.warnings.replaceChildren();
      const said = this.announcers[field].text;
      if (area.status.textContent !== said) area.status.textContent = said;
    }
  }

  private buildFirstArea(field: 'userId' | 'password'): FirstArea | undefined {
    const input = this.parts?.[field];
    const container = this.areas?.[field];
    if (!input || !container) return undefined;
    let toggle: HTMLButtonElement | undefined;
    if (field === 'password') {
      toggle = element('button', 'sonet-toggle', 'toggle', {
        type: 'button',
        id: `${input.id}-toggle`,
        'aria-pressed': 'false',
        'aria-controls': input.id,
      });
      toggle.addEventListener('click', this.onFirstToggle);
    }
    const warnings = element('div', 'sonet-field__warnings', 'warnings', {id: `${input.id}-warnings`});
    const status = element('div', 'sonet-visually-hidden', undefined, {role: 'status'});
    container.replaceChildren(...(toggle ? [toggle] : []), warnings, status);
    return {warnings, status, toggle};
  }

  /** Hands the areas over to the behaviour, which renders its own (same ids) in the next update. */
  private dropFirstView(): void {
    this.refocusToggle = !!this.first.password?.toggle && this.first.password.toggle === document.activeElement;
    // The behaviour starts with the password hidden.
    this.hideOffline?.();
    for (const field of ['userId', 'password'] as const) {
      if (this.first[field]) this.areas?.[field].replaceChildren();
    }
    this.first = {};
  }

  /** The detectors' warnings for one field; renders its area when they changed. */
  private detect(which: 'userId' | 'password'): void {
    const parts = this.parts;
    if (!parts || this.behaviour) return;
    const value = parts[which].value;
    const codes =
      which === 'userId' ? detectUserId(value, this.domain || undefined) : detectPassword(value).filter((c) => c !== 'look-alike');
    const kind = which === 'userId' ? 'user-id' : 'password';
    const warnings: FieldWarning[] = codes.map((code) => ({code, level: FINDING_RULES[code][which]!, text: warningText(code, kind)}));
    if (which === 'password' && this.capsLock) {
      warnings.unshift({code: 'caps-lock', level: 'error', text: warningText('caps-lock', 'password')});
    }
    const key = (list: FieldWarning[]): string => list.map((w) => w.code).join();
    if (key(warnings) === key(this.warnings[which])) return;
    this.warnings[which] = warnings;
    this.announcers[which].update(warnings);
    this.renderFirstView(which);
  }

  private readonly onFirstToggle = (): void => {
    void this.attach().then(
      (behaviour) => behaviour.password.reveal.toggle(),
      () => this.toggleOffline()
    );
  };

  /** While the password is shown by {@link toggleOffline}: hides it (also on `pagehide`). */
  private hideOffline?: () => void;

  /**
   * Offline before the behaviour could load: the toggle still shows and hides the password,
   * which is hidden again before the page is left (a restored page must not hold it as text).
   */
  private toggleOffline(): void {
    const input = this.parts?.password;
    const toggle = this.first.password?.toggle;
    if (!input || !toggle) return;
    if (this.hideOffline) return this.hideOffline();
    const hide = (): void => {
      removeEventListener('pagehide', hide);
      this.hideOffline = undefined;
      input.type = 'password';
      toggle.setAttribute('aria-pressed', 'false');
    };
    this.hideOffline = hide;
    input.type = 'text';
    toggle.setAttribute('aria-pressed', 'true');
    addEventListener('pagehide', hide);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('errorCode') && this.errorCode) void this.showError(this.errorCode).catch(() => {});
  }

  protected override update(changed: PropertyValues<this>): void {
    super.update(changed);
    // The areas around the inputs: inside the rendered form, or inserted into the page's.
    if (!this.areas) return;
    const behaviour = this.behaviour;
    // A property other than `busy`, or the locale (its change requests an update without a
    // property), re-renders everything; otherwise only what the behaviour marked changed.
    const all = this.renderedLocale !== localeVersion || [...changed.keys()].some((k) => k !== 'busy');
    this.renderedLocale = localeVersion;
    if (all || changed.has('busy')) this.syncForm();
    if (behaviour) {
      behaviour.update(changed, all);
      if (this.refocusToggle) {
        this.refocusToggle = false;
        this.querySelector<HTMLElement>(`[id="${this.parts!.password.id}-toggle"]`)?.focus({preventScroll: true});
      }
    } else if (all) this.renderFirstView();
    if (all) this.renderLinks(this.areas.after);
  }

  protected override updated(changed: PropertyValues<this>): void {
    this.behaviour?.updated(changed);
  }

  // ---------------------------------------------------------------------------------------------
  // Events

  private readonly onEvent = (event: Event): void => {
    const parts = this.parts;
    if (!parts) return;
    const {type, target} = event;
    const behaviour = this.behaviour;
    if (type === 'keydown') {
      const key = event as KeyboardEvent;
      // Enter that confirms an IME conversion must never submit (Safari sends keyCode 229 after
      // compositionend; others set isComposing).
      if (key.key === 'Enter' && (key.isComposing || key.keyCode === 229)) event.preventDefault();
    }
    if (type === 'submit') {
      if (target !== parts.form || event.defaultPrevented) return;
      if (behaviour) return behaviour.onSubmit(event as SubmitEvent);
      // The first submit before the behaviour arrived: hold it, attach, and submit again.
      event.preventDefault();
      if (this.composing) return;
      const submitter = (event as SubmitEvent).submitter;
      this.attach().then(
        () => parts.form.requestSubmit(submitter),
        // Offline before it could load: let the browser post the form itself.
        () => {
          this.hideOffline?.();
          parts.form.method = 'post';
          if (parts.form.getAttribute('action') || this.action) HTMLFormElement.prototype.submit.call(parts.form);
        }
      );
      return;
    }
    if (type === 'focusin' || type === 'pointerdown') {
      // The user ID's status region exists from the first focus (before anything is typed), also
      // while the behaviour is still on its way.
      if (!behaviour && !this.first.userId) {
        this.first.userId = this.buildFirstArea('userId');
        this.renderFirstView('userId');
      }
      void this.attach().catch(() => {});
      return;
    }
    if (behaviour) return;
    // The first view, until the behaviour is attached.
    const which = target === parts.userId ? 'userId' : target === parts.password ? 'password' : undefined;
    if (!which) return;
    if (type === 'compositionstart') this.composing = which;
    else if (type === 'compositionend') this.composing = undefined;
    else if (type === 'input' && (this.composing || (event as InputEvent).isComposing)) return;
    if (which === 'password' && (type === 'keydown' || type === 'keyup' || type === 'focusout')) {
      const key = event as KeyboardEvent;
      this.capsLock = type !== 'focusout' && typeof key.getModifierState === 'function' && key.getModifierState('CapsLock');
    }
    if (type === 'focusout') this.composing = undefined;
    this.detect(which);
  };
}

customElements.define('sonet-login-form', SonetLoginForm);

declare global {
  interface HTMLElementTagNameMap {
    'sonet-login-form': SonetLoginForm;
  }
}
