import {LitElement, adoptStyles, html, type PropertyDeclarations, type PropertyValues, type TemplateResult} from 'lit';
import {html as staticHtml, literal, type StaticValue} from 'lit/static-html.js';
import {msg, str, updateWhenLocaleChanges} from '@lit/localize';
import {ensureSonetLocalization, getSonetLocale} from '../../localization.js';
import {lazy} from '../../lib/lazy.js';
import {normalizeLoginErrorCode, type LoginErrorCode} from '../../lib/login-response.js';
import {detectBrowser, type BrowserFamily, type BrowserInfo} from '../../lib/capabilities.js';
import {safeLinkHref} from '../../lib/link-href.js';
import {parseRetryAt, resolveRetryAt, retryClockTime, waitAmount} from '../../lib/retry-time.js';
import {CountdownController, systemClock, type CountdownClock} from '../../controllers/countdown-controller.js';
import {ERROR_HELP_DEFAULT_LINKS, type ErrorHelpLinks} from './error-help.links.js';
import type {GuidanceContext} from './guidance.js';
import {SonetErrorHelpRetryReadyEvent} from './error-help.events.js';
import {errorHelpStyles} from './error-help.styles.js';

type GuidanceModule = typeof import('./guidance.js');

let loadedGuidance: GuidanceModule | undefined;

/** The guidance tables, once per page. */
const loadGuidance = lazy(() => import('./guidance.js').then((module) => (loadedGuidance = module)));

const BROWSER_FAMILIES = [
  'edge',
  'chrome',
  'firefox',
  'safari-mac',
  'safari-ios',
  'android-chrome',
  'samsung',
  'other',
] as const satisfies readonly BrowserFamily[];

/**
 * Codes with a wait, whose guidance shows a countdown when the retry time is known (a 503 for
 * maintenance may carry `Retry-After` too, RFC 9110 §15.6.4).
 */
const WAIT_CODES: readonly LoginErrorCode[] = ['SS503', 'locked', 'maintenance'];

/** A raw code shown as-is when the code is not one we know (letters, digits, `._:-`). */
const DISPLAYABLE_CODE = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,31}$/;

/** Screen readers may miss text put into a live region in the same frame it was created in. */
const ANNOUNCE_DELAY_MS = 300;

const HEADINGS: readonly StaticValue[] = [literal`h2`, literal`h3`, literal`h4`, literal`h5`, literal`h6`];

function headingTitle(code: LoginErrorCode): string {
  switch (code) {
    case 'SS503':
      return msg('ログインが一時的に制限されています', {id: 'help.ss503.title'});
    case 'ce500':
      return msg('ログイン後のページに移動できませんでした', {id: 'help.ce500.title'});
    case '500':
      return msg('ログインの処理を完了できませんでした', {id: 'help.500.title'});
    case 'invalid-credentials':
      return msg('ユーザーID またはユーザーIDパスワードが正しくありません', {id: 'help.credentials.title'});
    case 'locked':
      return msg('ログインが一定期間ロックされています', {id: 'help.locked.title'});
    case 'maintenance':
      return msg('障害またはメンテナンスの可能性があります', {id: 'help.maintenance.title'});
    case 'network':
      return msg('通信エラーのため、ログインできませんでした', {id: 'help.network.title'});
    case 'cookies-disabled':
      return msg('ブラウザの Cookie が無効になっています', {id: 'help.cookies.title'});
    case 'javascript-disabled':
      return msg('ブラウザの JavaScript が無効になっています', {id: 'help.javascript.title'});
    default:
      return msg('ログインできませんでした', {id: 'help.unknown.title'});
  }
}

/**
 * Explains a failed So-net login in Japanese or English: what happened, then the one to three
 * numbered steps most likely to fix it (from So-net's support pages). The other steps and a box
 * of information for support (with a copy button) follow behind disclosures, always in that
 * order, so a form placed after the element stays within a screen of the heading.
 *
 * Every state renders from attributes alone. The steps, the countdown and the support box
 * live in a separate module loaded on first render (the heading, the code and a short
 * "読み込み中…" status show meanwhile); await {@link ready} to know they are in. If that module
 * cannot be loaded (offline), a short explanation with a retry button and the support link
 * shows instead.
 *
 * @summary Inline guidance for a failed So-net login, by error code.
 *
 * @csspart heading - The heading (`h2`–`h6`, focusable with `tabindex="-1"`).
 * @csspart code - The line that shows the error code.
 * @csspart lead - The sentence that says what happened.
 * @csspart steps - A numbered list of steps: the first steps, and the other steps inside `more`.
 * @csspart step - One step.
 * @csspart more - The disclosure (`<details>`) that holds the other steps.
 * @csspart countdown - The time left before a retry, in words (`SS503`, `locked`, `maintenance`).
 * @csspart browser-steps - The per-browser cookie / JavaScript steps (disclosures).
 * @csspart support-info - The disclosure (`<details>`) with the information for support.
 * @csspart copy-button - The button that copies the information for support.
 *
 * @cssprop --sonet-error-help-background - Background of the element.
 * @cssprop --sonet-error-help-color - Text colour.
 * @cssprop --sonet-error-help-muted-color - Colour of notes and labels.
 * @cssprop --sonet-error-help-accent-color - Heading colour and the start border.
 * @cssprop --sonet-error-help-border-color - Border colour.
 * @cssprop --sonet-error-help-link-color - Link colour.
 * @cssprop --sonet-error-help-focus-color - Focus outline colour.
 * @cssprop --sonet-error-help-support-background - Background of the countdown and the disclosures.
 * @cssprop --sonet-error-help-button-background - Background of the copy button.
 * @cssprop --sonet-error-help-button-color - Text colour of the copy button.
 * @cssprop --sonet-error-help-padding - Padding of the element.
 * @cssprop --sonet-error-help-radius - Corner radius of the element.
 * @cssprop --sonet-error-help-font-size - Base font size.
 * @cssprop --sonet-error-help-heading-size - Heading font size.
 * @cssprop --sonet-error-help-mono-font - Font of codes in the support box.
 *
 * @fires {SonetErrorHelpRetryReadyEvent} sonet-error-help-retry-ready - When a countdown reaches zero.
 *
 * @example
 * ```html
 * <sonet-error-help code="SS503" retry-after="300" heading-level="3"></sonet-error-help>
 * ```
 */
export class SonetErrorHelp extends LitElement {
  static override styles = errorHelpStyles;

  static override properties: PropertyDeclarations = {
    code: {reflect: true},
    serverCode: {attribute: 'server-code'},
    retryAfter: {attribute: 'retry-after'},
    retryAt: {attribute: 'retry-at'},
    browser: {reflect: true},
    browserInfo: {attribute: false},
    headingLevel: {attribute: 'heading-level', type: Number, reflect: true},
    occurredAt: {attribute: 'occurred-at'},
    resetHref: {attribute: 'reset-href'},
    idChangeHref: {attribute: 'id-change-href'},
    loginHistoryHref: {attribute: 'login-history-href'},
    cacheHelpHref: {attribute: 'cache-help-href'},
    controlPanelHelpHref: {attribute: 'control-panel-help-href'},
    inputHelpHref: {attribute: 'input-help-href'},
    maintenanceHref: {attribute: 'maintenance-href'},
    supportHref: {attribute: 'support-href'},
    clock: {attribute: false},
    guidance: {state: true, attribute: false},
    loadFailed: {state: true, attribute: false},
    announcement: {state: true, attribute: false},
    stampedAt: {state: true, attribute: false},
  };

  /**
   * Where the guidance module comes from. Overridable in subclasses (tests use it to hold or
   * fail the load).
   */
  protected static loadGuidance: () => Promise<GuidanceModule> = loadGuidance;

  /**
   * The failure to explain, as the server or the login form spells it: `SS503`, `ce500`, `500`,
   * `invalid-credentials`, `locked`, `maintenance`, `network`, `cookies-disabled`,
   * `javascript-disabled`; other spellings are normalized (`ss503`, `ＳＳ５０３`), and anything
   * unknown gets the general guidance.
   */
  code = '';

  /**
   * The code as the server sent it (`displayServerCode()` of what `mapLoginResponse()` read),
   * shown as text in the support box when it is a known code spelled otherwise than `code`
   * (`ss503`, `E500`); any other value is not shown.
   */
  serverCode = '';

  /** Seconds until a retry makes sense (`SS503`, `locked`, `maintenance`), counted from when it is set. */
  retryAfter: string | number | null = null;

  /** When a retry makes sense: ms since the epoch or an ISO 8601 date-time. Wins over `retry-after`. */
  retryAt: string | number | null = null;

  /**
   * The member's browser, overriding detection (stories, tests, or a host that knows better):
   * `edge`, `chrome`, `firefox`, `safari-mac`, `safari-ios`, `android-chrome`, `samsung`,
   * `other`. Its cookie / JavaScript steps open first. Other values are ignored.
   */
  browser: BrowserFamily | '' = '';

  /**
   * The detected browser. Filled from `detectBrowser()` when the element connects; set it to
   * inject a detection result instead.
   */
  browserInfo: BrowserInfo | undefined;

  /** Level of the heading, 2–6 (default 2; other values fall back to 2). */
  headingLevel = 2;

  /** When the failure happened (ms since the epoch or ISO 8601); default: when `code` was set. */
  occurredAt: string | number | null = null;

  /**
   * ユーザーID / パスワードの確認や再設定 (電話発信による本人認証, 個人会員のみ). The default,
   * `https://www.so-net.ne.jp/support/password/`, is a guess to confirm: set this attribute.
   * Only http(s) or relative URLs.
   */
  resetHref = '';

  /**
   * 「So-net ユーザーID 自動変更のご案内」 mail. The default,
   * `https://support.so-net.ne.jp/supportsitedetailpage?id=000010196` (taken to be the support
   * page on login failures, which links to it), is a guess to confirm: set this attribute.
   * Only http(s) or relative URLs.
   */
  idChangeHref = '';

  /**
   * マイページ「各種サービスのログイン履歴」. The default, `https://www.so-net.ne.jp/retail/u/`
   * (taken to be My Page), is a guess to confirm: set this attribute. Only http(s) or relative
   * URLs.
   */
  loginHistoryHref = '';

  /**
   * キャッシュ (インターネット一時ファイル) を削除する方法. The default,
   * `https://support.so-net.ne.jp/supportsitedetailpage?id=000010196` (taken to link to it), is
   * a guess to confirm: set this attribute. Only http(s) or relative URLs.
   */
  cacheHelpHref = '';

  /**
   * コントロール パネルの表示方法 (Windows 8.1 / Windows 8), linked from the Internet Options
   * steps. The default, `https://support.so-net.ne.jp/supportsitedetailpage?id=000010196` (taken
   * to be the support page on login errors, which links to it), is a guess to confirm: set this
   * attribute. Only http(s) or relative URLs.
   */
  controlPanelHelpHref = '';

  /**
   * ID とパスワードを間違いなく入力する方法. The default,
   * `https://support.so-net.ne.jp/supportsitedetailpage?id=000012311`, is a guess to confirm:
   * set this attribute. Only http(s) or relative URLs.
   */
  inputHelpHref = '';

  /**
   * 障害・メンテナンス情報. The default, `https://www.so-net.ne.jp/emerge/`, is a guess to
   * confirm: set this attribute. Only http(s) or relative URLs.
   */
  maintenanceHref = '';

  /**
   * 会員サポート, where the operator chat (個人会員のみ, 9:00～18:00) is. Default
   * `https://support.so-net.ne.jp/` (the address the support pages give). Only http(s) or
   * relative URLs.
   */
  supportHref = '';

  /** Time source of the countdown and of the default `occurred-at` (default: the page's `Date` and timers); a host may pass another, e.g. to show a fixed moment. */
  clock: CountdownClock = systemClock;

  private guidance: GuidanceModule | undefined = loadedGuidance;
  /** When the wait ends on the member's clock, for a wait long enough to say it (set with the target). */
  private retryClock: {at: number; sameDay: boolean} | undefined;
  private loadFailed = false;
  private announcement = '';
  private stampedAt = 0;

  private get headingElement(): HTMLElement | null {
    return this.renderRoot?.querySelector<HTMLElement>('.heading') ?? null;
  }
  private stylesAdopted = false;
  private get supportList(): HTMLElement | null {
    return this.renderRoot?.querySelector<HTMLElement>('.support dl') ?? null;
  }
  private get supportDisclosure(): HTMLDetailsElement | null {
    return this.renderRoot?.querySelector<HTMLDetailsElement>('details.support') ?? null;
  }

  private readyPromise: Promise<void> | undefined;
  private announceTimer: unknown;

  private countdown = new CountdownController(this, {
    onStart: () => this.scheduleStartAnnouncement(),
    onEnd: () => {
      this.announce(msg('待ち時間が過ぎました。もう一度ログインをお試しいただけます。', {id: 'help.countdown.end'}));
      this.dispatchEvent(new SonetErrorHelpRetryReadyEvent(this.normalizedCode));
    },
  });

  constructor() {
    super();
    // What @localized() does, in the constructor: instances the define() below upgrades (tags
    // already in the page) switch language too.
    updateWhenLocaleChanges(this);
    if ((this.constructor as typeof SonetErrorHelp).loadGuidance !== loadGuidance) this.guidance = undefined;
  }

  /**
   * Settles when the guidance steps are rendered (or, when they could not be loaded, the short
   * fallback is). Never rejects.
   */
  get ready(): Promise<void> {
    this.readyPromise ??= this.load();
    return this.readyPromise;
  }

  /** The failure being explained, normalized (`unknown` for anything unrecognized). */
  get normalizedCode(): LoginErrorCode {
    return normalizeLoginErrorCode(this.code ?? '');
  }

  /** The code shown to the member and to support. */
  get displayCode(): string {
    const code = this.normalizedCode;
    if (code !== 'unknown') return code;
    const raw = typeof this.code === 'string' ? this.code.trim() : '';
    return DISPLAYABLE_CODE.test(raw) ? raw : 'unknown';
  }

  /**
   * Moves focus to the heading, so a screen reader reads the guidance next (the login form
   * calls this after a failed login).
   */
  async focusHeading(): Promise<void> {
    if (!this.hasUpdated) await this.updateComplete;
    this.headingElement?.focus();
  }

  /**
   * Copies the information for support to the clipboard; when the clipboard is not available,
   * selects it so the member can copy it. Announces the result politely.
   *
   * @returns whether the text reached the clipboard.
   */
  async copySupportInfo(): Promise<boolean> {
    await this.ready;
    if (!this.guidance) return false;
    const text = this.guidance.supportText(this.guidanceContext());
    let copied = false;
    try {
      if (navigator.clipboard?.writeText) {
        await navigator.clipboard.writeText(text);
        copied = true;
      }
    } catch {
      // Denied, or not a secure context: fall back to a selection below.
    }
    if (!copied) copied = this.selectSupportInfo();
    this.announce(
      copied
        ? msg('コピーしました', {id: 'help.support.copied'})
        : msg('サポート用の情報を選択しました。「Ctrl」+「C」(Mac では「⌘」+「C」) でコピーしてください。', {
            id: 'help.support.selected',
          })
    );
    return copied;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void ensureSonetLocalization();
    if (!this.browserInfo) {
      try {
        this.browserInfo = detectBrowser();
      } catch {
        // Detection is a nicety: without it the steps are listed without a preferred browser.
      }
    }
    void this.ready;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.clock.clearTimeout(this.announceTimer);
    this.announceTimer = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (this.guidance && !this.stylesAdopted && this.renderRoot instanceof ShadowRoot) {
      // The guidance brings its own styles, so the shell's first load stays small.
      adoptStyles(this.renderRoot, [...(this.constructor as typeof SonetErrorHelp).elementStyles, this.guidance.guidanceStyles]);
      this.stylesAdopted = true;
    }
    if (changed.has('clock')) this.countdown.clock = this.clock;
    if (changed.has('code') || this.stampedAt === 0) this.stampedAt = this.clock.now();
    if (changed.has('code') || changed.has('retryAfter') || changed.has('retryAt') || changed.has('clock')) {
      const waits = WAIT_CODES.includes(this.normalizedCode);
      const now = this.clock.now();
      const target = waits ? resolveRetryAt(this.retryAt, this.retryAfter, now) : undefined;
      // Decided once per target, from the whole wait: the time of day does not vanish mid-wait.
      if (target !== this.countdown.targetTime) this.retryClock = target === undefined ? undefined : retryClockTime(target, now);
      this.countdown.setTarget(target);
    }
  }

  private async load(): Promise<void> {
    try {
      this.guidance = await (this.constructor as typeof SonetErrorHelp).loadGuidance();
      this.loadFailed = false;
    } catch {
      this.loadFailed = true;
    }
    await this.updateComplete;
  }

  private retryLoad = (): void => {
    this.loadFailed = false;
    this.readyPromise = this.load();
  };

  private announce(text: string): void {
    // Empty first, so the same words spoken twice (two copies) are announced twice.
    this.announcement = '';
    void this.updateComplete.then(() => {
      this.announcement = text;
    });
  }

  private scheduleStartAnnouncement(): void {
    const target = this.countdown.targetTime;
    this.clock.clearTimeout(this.announceTimer);
    // After the steps are in and the live region has been in the page for a moment.
    void this.ready.then(() => {
      this.announceTimer = this.clock.setTimeout(() => {
        this.announceTimer = undefined;
        if (this.countdown.state !== 'running' || this.countdown.targetTime !== target) return;
        const wait = waitAmount(this.countdown.remaining);
        const amount = new Intl.NumberFormat(this.intlLocale, {
          style: 'unit',
          unit: wait.unit,
          unitDisplay: 'long',
        }).format(wait.value);
        this.announce(msg(str`${amount}ほどで、もう一度ログインをお試しいただけます。`, {id: 'help.countdown.start'}));
      }, ANNOUNCE_DELAY_MS);
    });
  }

  private get intlLocale(): string {
    return getSonetLocale() === 'ja' ? 'ja-JP' : 'en';
  }

  private get links(): ErrorHelpLinks {
    const d = ERROR_HELP_DEFAULT_LINKS;
    return {
      reset: safeLinkHref(this.resetHref, d.reset),
      idChange: safeLinkHref(this.idChangeHref, d.idChange),
      loginHistory: safeLinkHref(this.loginHistoryHref, d.loginHistory),
      cacheHelp: safeLinkHref(this.cacheHelpHref, d.cacheHelp),
      controlPanelHelp: safeLinkHref(this.controlPanelHelpHref, d.controlPanelHelp),
      inputHelp: safeLinkHref(this.inputHelpHref, d.inputHelp),
      maintenance: safeLinkHref(this.maintenanceHref, d.maintenance),
      support: safeLinkHref(this.supportHref, d.support),
    };
  }

  /** The browser family whose steps open first. */
  private get family(): BrowserFamily {
    const override = this.browser as string;
    if ((BROWSER_FAMILIES as readonly string[]).includes(override)) return override as BrowserFamily;
    return this.browserInfo?.family ?? 'other';
  }

  private get level(): number {
    const n = Number(this.headingLevel);
    return Number.isInteger(n) && n >= 2 && n <= 6 ? n : 2;
  }

  private get occurred(): Date {
    return new Date(parseRetryAt(this.occurredAt) ?? this.stampedAt);
  }

  private guidanceContext(): GuidanceContext {
    const family = this.family;
    return {
      code: this.normalizedCode,
      links: this.links,
      browser: family,
      windows: /win/i.test(this.browserInfo?.os ?? ''),
      countdown: {state: this.countdown.state, remaining: this.countdown.remaining, at: this.retryClock},
      support: {
        code: this.displayCode,
        serverCode: typeof this.serverCode === 'string' ? this.serverCode : '',
        occurred: this.occurred,
        family,
        overridden: (BROWSER_FAMILIES as readonly string[]).includes(this.browser as string),
        info: this.browserInfo,
      },
      intlLocale: this.intlLocale,
      onCopy: this.onCopy,
    };
  }

  private onCopy = (): void => {
    void this.copySupportInfo();
  };

  private selectSupportInfo(): boolean {
    const list = this.supportList;
    const selection = globalThis.getSelection?.();
    if (!list || !selection) return false;
    // A closed disclosure renders nothing to select, and the member should see what is selected.
    const disclosure = this.supportDisclosure;
    if (disclosure) disclosure.open = true;
    selection.selectAllChildren(list);
    try {
      // Deprecated, but the only copy that works without the async clipboard (http, old browsers).
      return document.execCommand('copy');
    } catch {
      return false;
    }
  }

  private renderBody(): TemplateResult {
    if (this.guidance) {
      const ctx = this.guidanceContext();
      return html`${this.guidance.renderGuidance(ctx)}${this.guidance.renderSupportInfo(ctx)}`;
    }
    if (this.loadFailed) {
      return html`<p class="lead">
          ${msg(
            '手順を読み込めませんでした。インターネットへの接続をご確認のうえ、もう一度読み込んでください。解決しない場合は、会員サポートにお問い合わせください。',
            {id: 'help.load-failed'}
          )}
        </p>
        <p class="link"><a href=${this.links.support}>${msg('会員サポート', {id: 'help.load-failed.support'})}</a></p>
        <p><button type="button" @click=${this.retryLoad}>${msg('もう一度読み込む', {id: 'help.load-retry'})}</button></p>`;
    }
    return html`<p class="loading" role="status">${msg('読み込み中…', {id: 'help.loading'})}</p>`;
  }

  protected override render(): TemplateResult {
    const heading = HEADINGS[this.level - 2];
    return staticHtml`
      <${heading} part="heading" class="heading" tabindex="-1">${headingTitle(this.normalizedCode)}</${heading}>
      <p part="code" class="code">${msg(str`エラーコード: ${this.displayCode}`, {id: 'help.code'})}</p>
      <div class="body">${this.renderBody()}</div>
      <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.announcement}</div>
    `;
  }
}

customElements.define('sonet-error-help', SonetErrorHelp);

declare global {
  interface HTMLElementTagNameMap {
    'sonet-error-help': SonetErrorHelp;
  }
}
