import {LitElement, nothing, type PropertyDeclarations, type PropertyValues} from 'lit';
import {html, literal, type StaticValue} from 'lit/static-html.js';
import {msg, str, updateWhenLocaleChanges} from '@lit/localize';
import {ensureSonetLocalization, getSonetLocale} from '../../localization.js';
import {safeLinkHref} from '../../lib/link-href.js';
import {
  DEFAULT_HORIZON_HOURS,
  nextStatusChange,
  selectStatusNotice,
  validateStatusFeed,
  type LocalizedText,
  type StatusFeed,
  type StatusNotice,
} from '../../lib/status-feed.js';
import {systemClock, type CountdownClock} from '../../controllers/countdown-controller.js';
import {maintenanceNoticeStyles} from './maintenance-notice.styles.js';

/** So-net's 障害・メンテナンス情報 page, linked from the support page 「ログインができない場合の対処方法」. */
export const MAINTENANCE_INFO_DEFAULT_HREF = 'https://www.so-net.ne.jp/emerge/';

/** A status feed is a few hundred bytes; anything past this is not one. */
const MAX_FEED_BYTES = 64 * 1024;
/** A status check must never hold anything up: give up after this long. */
const FETCH_TIMEOUT_MS = 10_000;
/** Timers longer than this are re-armed (browsers overflow at 2^31 ms; laptops sleep). */
const MAX_TIMER_MS = 60 * 60 * 1000;

const HEADINGS: readonly StaticValue[] = [literal`h2`, literal`h3`, literal`h4`, literal`h5`, literal`h6`];

/**
 * Shows a banner when So-net reports an outage, a maintenance window going on, or one planned
 * within the next hours — "ログインできない場合があります" before a member tries and fails — with
 * a link to the 障害・メンテナンス情報 page.
 *
 * It fetches a small JSON status feed from `src` when it connects (and when `src` changes). The
 * feed format (version 1):
 *
 * ```json
 * {
 *   "version": 1,
 *   "incident": {"title": {"ja": "…", "en": "…"}, "since": "2025-01-15T09:30:00+09:00", "until": "2025-01-15T12:00:00+09:00"},
 *   "maintenance": [{"start": "2025-01-20T02:00:00+09:00", "end": "2025-01-20T06:00:00+09:00", "services": ["マイページ"]}]
 * }
 * ```
 *
 * `incident` is `null` or an outage going on (`title` and `until` optional); `maintenance` lists
 * windows (`services` and `title` optional). Times are RFC 3339 with an offset. The full rules
 * are in `src/lib/status-feed.ts`; `demo/status.example.json` is a complete example.
 *
 * What shows: an outage; else a window going on; else the earliest window starting within
 * `horizon-hours` (72). Times are shown in Japan time (Asia/Tokyo), formatted for the current
 * locale. Nothing shows — the element is `hidden` — when there is nothing to report, and when
 * the feed cannot be fetched or is not valid (404, network failure, bad JSON, wrong format):
 * then it warns once in the console and never throws. The element manages its own `hidden`
 * attribute. Texts from the feed are only ever rendered as text.
 *
 * The banner is a labelled region (`<section>` with a heading), not a live region: it arrives
 * once while the page loads, is found by landmark and heading navigation, and does not
 * interrupt a member who is already typing. It re-renders by itself when a window starts or
 * ends while the page stays open.
 *
 * @summary Outage and planned-maintenance banner for the login page, from a JSON status feed.
 *
 * @csspart notice - The banner (`<section>`); has the class `incident`, `maintenance` or `upcoming`.
 * @csspart heading - The heading (`h2`–`h6`).
 * @csspart title - The title from the feed, when there is one.
 * @csspart message - The sentence that says what is happening and when.
 * @csspart details - A line of details: start of an outage, expected recovery, affected services.
 * @csspart link - The link to the 障害・メンテナンス情報 page.
 *
 * @cssprop --sonet-maintenance-notice-background - Background of the banner.
 * @cssprop --sonet-maintenance-notice-color - Text colour.
 * @cssprop --sonet-maintenance-notice-muted-color - Colour of the detail lines.
 * @cssprop --sonet-maintenance-notice-border-color - Border colour.
 * @cssprop --sonet-maintenance-notice-incident-color - Accent (heading, start border) for an outage.
 * @cssprop --sonet-maintenance-notice-maintenance-color - Accent for maintenance going on.
 * @cssprop --sonet-maintenance-notice-upcoming-color - Accent for planned maintenance.
 * @cssprop --sonet-maintenance-notice-link-color - Link colour.
 * @cssprop --sonet-maintenance-notice-focus-color - Focus outline colour.
 * @cssprop --sonet-maintenance-notice-padding - Padding of the banner.
 * @cssprop --sonet-maintenance-notice-radius - Corner radius of the banner.
 * @cssprop --sonet-maintenance-notice-font-size - Base font size.
 * @cssprop --sonet-maintenance-notice-heading-size - Heading font size.
 *
 * @example
 * ```html
 * <sonet-maintenance-notice src="/api/status.json" horizon-hours="48"></sonet-maintenance-notice>
 * ```
 */
export class SonetMaintenanceNotice extends LitElement {
  static override styles = maintenanceNoticeStyles;

  static override properties: PropertyDeclarations = {
    src: {},
    infoHref: {attribute: 'info-href'},
    horizonHours: {attribute: 'horizon-hours', type: Number},
    headingLevel: {attribute: 'heading-level', type: Number, reflect: true},
    clock: {attribute: false},
  };

  /** URL of the JSON status feed. Empty: nothing is fetched and nothing shows. */
  src = '';

  /**
   * The 障害・メンテナンス情報 page the banner links to. Default
   * `https://www.so-net.ne.jp/emerge/`. Only http(s) or relative URLs; others fall back to the
   * default.
   */
  infoHref = '';

  /** Hours ahead in which planned maintenance is announced (default 72; 0: only when it has begun). */
  horizonHours = DEFAULT_HORIZON_HOURS;

  /** Level of the heading, 2–6 (default 2; other values fall back to 2). */
  headingLevel = 2;

  /** Time source and timers (default: the page's `Date` and timers); a host may pass another, e.g. to show a fixed moment. */
  clock: CountdownClock = systemClock;

  private feed: StatusFeed | null = null;
  private current: StatusNotice | null = null;
  private loadedFor: string | undefined;
  private fetchAbort: AbortController | undefined;
  private loading: Promise<void> = Promise.resolve();
  private timer: unknown;
  private warned = false;

  constructor() {
    super();
    // What @localized() does, in the constructor: instances the define() below upgrades (tags
    // already in the page) switch language too.
    updateWhenLocaleChanges(this);
  }

  /** What the banner shows now, or `null` when it shows nothing. */
  get notice(): StatusNotice | null {
    return this.current;
  }

  /** Settles when the latest fetch of the feed has settled and the element has rendered its result. */
  get ready(): Promise<void> {
    return this.loading.then(() => this.updateComplete).then(() => undefined);
  }

  /** Fetches the feed again (for a page that stays open for long). */
  refresh(): Promise<void> {
    this.loadedFor = undefined;
    this.requestUpdate();
    return this.updateComplete.then(() => this.ready);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void ensureSonetLocalization();
    // Reconnected: the status may have changed meanwhile; fetch it again.
    if (this.hasUpdated) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.fetchAbort?.abort();
    this.fetchAbort = undefined;
    this.loadedFor = undefined;
    this.clearTimer();
  }

  protected override willUpdate(_changed: PropertyValues<this>): void {
    if (this.isConnected && this.src !== this.loadedFor) {
      this.loadedFor = this.src;
      this.loading = this.load(this.src);
    }
    this.current = this.feed
      ? selectStatusNotice(this.feed, this.clock.now(), {horizonHours: this.horizonHours})
      : null;
  }

  protected override updated(): void {
    this.hidden = !this.current;
    this.schedule();
  }

  private async load(src: string): Promise<void> {
    this.fetchAbort?.abort();
    this.feed = null;
    if (!src) return;
    const abort = new AbortController();
    this.fetchAbort = abort;
    const timeout = this.clock.setTimeout(() => abort.abort(), FETCH_TIMEOUT_MS);
    let feed: StatusFeed | null = null;
    try {
      const response = await fetch(src, {
        signal: abort.signal,
        cache: 'no-cache',
        credentials: 'same-origin',
        headers: {accept: 'application/json'},
      });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      if (Number(response.headers.get('content-length')) > MAX_FEED_BYTES) throw new Error('the feed is too large');
      const text = await response.text();
      if (text.length > MAX_FEED_BYTES) throw new Error('the feed is too large');
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        throw new Error('the feed is not JSON');
      }
      const result = validateStatusFeed(json);
      if (!result.ok) throw new Error(result.reason);
      feed = result.feed;
    } catch (error) {
      // Replaced by a newer fetch or disconnected: not a failure of the feed.
      if (abort !== this.fetchAbort) return;
      this.warn(src, abort.signal.aborted ? 'no answer within 10 s' : error);
    } finally {
      this.clock.clearTimeout(timeout);
    }
    if (abort !== this.fetchAbort) return;
    this.fetchAbort = undefined;
    this.feed = feed;
    this.requestUpdate();
  }

  private warn(src: string, error: unknown): void {
    if (this.warned) return;
    this.warned = true;
    const reason = error instanceof Error ? error.message : String(error);
    console.warn(`[sonet-login-elements] <sonet-maintenance-notice> shows nothing: could not use the status feed ${JSON.stringify(src)} (${reason}).`);
  }

  private schedule(): void {
    this.clearTimer();
    if (!this.feed || !this.isConnected) return;
    const now = this.clock.now();
    const next = nextStatusChange(this.feed, now, {horizonHours: this.horizonHours});
    if (next === null) return;
    this.timer = this.clock.setTimeout(() => {
      this.timer = undefined;
      this.requestUpdate();
    }, Math.min(Math.max(next - now, 0), MAX_TIMER_MS));
  }

  private clearTimer(): void {
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
  }

  private get level(): number {
    const n = Number(this.headingLevel);
    return Number.isInteger(n) && n >= 2 && n <= 6 ? n : 2;
  }

  private get intlLocale(): string {
    return getSonetLocale() === 'en' ? 'en-US' : 'ja-JP';
  }

  /**
   * A formatter in Japan time for the current locale: the date and time, or the time only.
   * Japanese support pages give Japan time without naming it; English readers get "GMT+9".
   */
  private dateFormat(timeOnly: boolean, zone: boolean): Intl.DateTimeFormat {
    const options: Intl.DateTimeFormatOptions = timeOnly
      ? {hour: 'numeric', minute: '2-digit'}
      : {year: 'numeric', month: 'long', day: 'numeric', weekday: 'short', hour: 'numeric', minute: '2-digit'};
    if (zone && getSonetLocale() === 'en') options.timeZoneName = 'short';
    try {
      return new Intl.DateTimeFormat(this.intlLocale, {...options, timeZone: 'Asia/Tokyo'});
    } catch {
      // A browser without time zone data: the visitor's zone, named so it is not mistaken.
      return new Intl.DateTimeFormat(this.intlLocale, {...options, timeZoneName: 'short'});
    }
  }

  /** The calendar day of `ms` in Japan time (the zone the times are shown in). */
  private dayOf(ms: number): string {
    const {timeZone} = this.dateFormat(true, false).resolvedOptions();
    return new Intl.DateTimeFormat('en-US', {timeZone, year: 'numeric', month: 'numeric', day: 'numeric'}).format(new Date(ms));
  }

  private formatTime(ms: number): string {
    return this.dateFormat(false, true).format(new Date(ms));
  }

  /**
   * "2025年1月20日(月) 2:00～6:00" / "Mon, January 20, 2025 at 2:00 – 6:00 AM GMT+9". Composed
   * by hand: ICU's `formatRange` switches Japanese to another style ("2025/1/20(月) 2時00分～").
   */
  private formatRange(start: number, end: number): string {
    const en = getSonetLocale() === 'en';
    const sameDay = this.dayOf(start) === this.dayOf(end);
    const from = this.dateFormat(false, false).format(new Date(start));
    const to = this.dateFormat(sameDay, true).format(new Date(end));
    return `${from}${en ? ' – ' : '～'}${to}`;
  }

  private formatList(items: string[]): string {
    try {
      return new Intl.ListFormat(this.intlLocale, {style: 'long', type: 'conjunction'}).format(items);
    } catch {
      return items.join(getSonetLocale() === 'en' ? ', ' : '、');
    }
  }

  /** The feed's title in the current locale (or the other one, marked with its language). */
  private renderTitle(title: LocalizedText | undefined) {
    if (!title) return nothing;
    const locale = getSonetLocale();
    const own = locale === 'en' ? title.en : title.ja;
    const text = own ?? (locale === 'en' ? title.ja : title.en);
    const lang = own ? nothing : locale === 'en' ? 'ja' : 'en';
    return text ? html`<p part="title" class="title" lang=${lang}>${text}</p>` : nothing;
  }

  override render() {
    const notice = this.current;
    if (!notice) return nothing;
    const tag = HEADINGS[this.level - 2];
    let heading: string;
    let message: string;
    const details: string[] = [];
    if (notice.kind === 'incident') {
      heading = msg('障害発生のお知らせ', {id: 'maintenance.incident.heading'});
      message = msg('現在、障害が発生しており、ログインできない場合があります。', {id: 'maintenance.incident.message'});
      const since = this.formatTime(notice.since);
      details.push(msg(str`発生日時：${since}`, {id: 'maintenance.incident.since'}));
      if (notice.until !== undefined) {
        const until = this.formatTime(notice.until);
        details.push(msg(str`復旧見込み：${until}`, {id: 'maintenance.incident.until'}));
      }
    } else {
      const range = this.formatRange(notice.start, notice.end);
      if (notice.kind === 'maintenance') {
        heading = msg('メンテナンス実施中のお知らせ', {id: 'maintenance.current.heading'});
        message = msg(str`${range}の間、メンテナンスを実施しています。この間、ログインできない場合があります。`, {
          id: 'maintenance.current.message',
        });
      } else {
        heading = msg('メンテナンスのお知らせ', {id: 'maintenance.upcoming.heading'});
        message = msg(str`${range}の間、メンテナンスを実施します。この間、ログインできない場合があります。`, {
          id: 'maintenance.upcoming.message',
        });
      }
      if (notice.services?.length) {
        const services = this.formatList(notice.services);
        details.push(msg(str`対象サービス：${services}`, {id: 'maintenance.services'}));
      }
    }
    return html`
      <section part="notice" class="notice ${notice.kind}" aria-labelledby="heading">
        <${tag} id="heading" part="heading" class="heading">${heading}</${tag}>
        ${this.renderTitle(notice.title)}
        <p part="message">${message}</p>
        ${details.map((line) => html`<p part="details" class="meta">${line}</p>`)}
        <p>
          <a part="link" href=${safeLinkHref(this.infoHref, MAINTENANCE_INFO_DEFAULT_HREF)}>
            ${msg('障害・メンテナンス情報を確認する', {id: 'maintenance.link'})}
          </a>
        </p>
      </section>
    `;
  }
}

customElements.define('sonet-maintenance-notice', SonetMaintenanceNotice);

declare global {
  interface HTMLElementTagNameMap {
    'sonet-maintenance-notice': SonetMaintenanceNotice;
  }
}
