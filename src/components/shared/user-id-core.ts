import {html, nothing} from 'lit';
import {InputAnalysisController, type AnalysisPhase} from '../../controllers/input-analysis-controller.js';
import type {Finding} from '../../lib/findings.js';
import {loadRomajiSuggestion} from '../../lib/romaji-loader.js';
import {analyzeUserId} from '../../lib/user-id.js';
import {FieldCore, type FieldCoreOptions, type FieldHost, type FieldWarning} from './field-core.js';
import {charsText, fixLabel} from './field-details.js';
import {userIdExample, warningText} from './field-messages.js';

/** Options of {@link UserIdCore}. */
export interface UserIdCoreOptions extends FieldCoreOptions {
  /** The mail domain not to type after the subdomain (`so-net.ne.jp` when empty/undefined). */
  domain?: () => string | undefined;
  /**
   * The input a member moves on to after the user ID (the password): keys typed on the fix
   * button go there. None: they stay on the button.
   */
  next?: () => HTMLElement | null | undefined;
}

/**
 * How long typing must pause before the characters line and the fix's label follow the value
 * (ms). Slower typists see them follow every key; a burst of keys changes neither.
 */
export const DETAILS_PAUSE = 300;

let toRomaji: ((kana: string) => string) | undefined;
let romajiLoad: Promise<unknown> | undefined;

/**
 * The user ID's live warnings and one-tap fix, for any host that has a user ID input in its
 * light DOM (`<sonet-user-id-field>`, `<sonet-login-form>`).
 *
 * Kana typed with the IME on get a romaji suggestion (`たろう` → `tarou`): wanakana is loaded
 * (dynamic import) only when kana first appear, then the value is analysed again.
 *
 * A warning is rendered again only when its state changes (a warning appears, goes, changes
 * level or language, the fix appears or goes). While the member types key after key, the
 * characters line (`該当する文字: …`) and the fix's label keep what they said until typing
 * pauses for {@link DETAILS_PAUSE} ms, the input loses focus, the value changes by more than one
 * character (a paste, an IME conversion, a fix) or the fix button is pressed: a burst of keys
 * does not re-lay out two lines of text on every key, and the lines do not flicker while the
 * member types. The fix always applies to the current value.
 */
export class UserIdCore extends FieldCore {
  readonly analysis: InputAnalysisController;
  private readonly domain?: () => string | undefined;
  private readonly next?: () => HTMLElement | null | undefined;

  constructor(host: FieldHost, options: UserIdCoreOptions) {
    super(host, options);
    this.domain = options.domain;
    this.next = options.next;
    this.analysis = new InputAnalysisController(host, {
      input: options.input,
      analyze: this.analyze,
      shouldRender: (findings) => !this.typed || !this.sameWarnings(findings),
    });
  }

  /** The romaji of the kana runs in the value analysed last, and of the value being analysed. */
  private romaji = new Map<string, string>();
  private nextRomaji = new Map<string, string>();

  /**
   * `toRomaji`, remembering the runs of the previous value: once the kana are typed, every
   * following key (`たろう＿ｓ＠…`) has the same run, which need not go through wanakana again.
   * Only the runs of the last value are kept, so this holds a few short strings at most.
   */
  private readonly romajiOf = (kana: string): string => {
    let romaji = this.romaji.get(kana) ?? this.nextRomaji.get(kana);
    if (romaji === undefined) romaji = toRomaji!(kana);
    this.nextRomaji.set(kana, romaji);
    return romaji;
  };

  /** The value analysed last. */
  private analysed = '';
  /** True when the analysis about to be rendered followed a single key while typing. */
  private typed = false;
  private pauseTimer?: ReturnType<typeof setTimeout>;

  private readonly analyze = (value: string, phase: AnalysisPhase): Finding[] => {
    const domain = this.domain?.();
    this.nextRomaji = new Map();
    const findings = analyzeUserId(value, {phase, toRomaji: toRomaji && this.romajiOf, ...(domain ? {domain} : {})});
    this.romaji = this.nextRomaji;
    const relevant = this.relevant(findings, phase);
    this.typed = phase === 'typing' && Math.abs(value.length - this.analysed.length) === 1;
    this.analysed = value;
    if (this.typed && relevant.length) {
      // One timer per pause, not one per key (setting and clearing a timer costs more than the
      // rest of this function): it looks at the time of the last key when it fires.
      this.lastKey = performance.now();
      this.pauseTimer ??= setTimeout(this.onPauseTimer, DETAILS_PAUSE);
    } else if (this.pauseTimer !== undefined) {
      // A blur, a paste or a submit before the pause: the details on screen may be those of an
      // earlier key, and the findings' key may not change, so nothing else would update them.
      this.showDetails();
    }
    return relevant;
  };

  private lastKey = 0;

  private readonly onPauseTimer = (): void => {
    this.pauseTimer = undefined;
    const wait = this.lastKey + DETAILS_PAUSE - performance.now();
    if (wait > 1) this.pauseTimer = setTimeout(this.onPauseTimer, wait);
    else this.showDetails();
  };

  private stopPauseTimer(): void {
    if (this.pauseTimer === undefined) return;
    clearTimeout(this.pauseTimer);
    this.pauseTimer = undefined;
  }

  /** Brings the characters line and the fix's label up to date with the value now. */
  private readonly showDetails = (): void => {
    this.stopPauseTimer();
    this.typed = false;
    if (this.host.isConnected) this.host.requestUpdate();
  };

  /**
   * A press on the fix keeps focus in the input: leaving it would add the blur-only hint above
   * the button and move the button from under the pointer, so the click missed it.
   */
  private readonly onFixPress = (event: Event): void => {
    event.preventDefault();
    this.showDetails();
  };

  hostDisconnected(): void {
    this.stopPauseTimer();
    this.typed = false;
  }

  private relevant(all: Finding[], phase: AnalysisPhase): Finding[] {
    const findings = all.filter(
      // Look-alikes are about passwords; 'empty' only matters when the member tries to log in.
      (f) => f.code !== 'look-alike' && (f.code !== 'empty' || phase === 'submit')
    );
    if (!toRomaji && findings.some((f) => f.code === 'kana')) this.loadRomaji();
    return findings;
  }

  private loadRomaji(): void {
    romajiLoad ??= loadRomajiSuggestion().then(
      (fn) => {
        toRomaji = fn;
      },
      () => {
        // Offline or blocked: the kana warning stays, without a suggestion; try again next time.
        romajiLoad = undefined;
      }
    );
    void romajiLoad.then(() => {
      if (toRomaji && this.host.isConnected) this.analysis.analyze(this.analysis.phase);
    });
  }

  /** The fix every repairable finding shares, if any. */
  get fix(): string | undefined {
    return this.analysis.findings.find((f) => f.fix !== undefined)?.fix;
  }

  /**
   * Replaces the value with the suggested fix, as if the member had typed it: keeps focus in
   * the input (the fix button is about to disappear), caret at the end, and dispatches `input`
   * so forms and frameworks see the change.
   */
  applyFix(value = this.fix): void {
    const input = this.options.input();
    if (!input || value === undefined) return;
    input.focus();
    input.value = value;
    input.setSelectionRange(value.length, value.length);
    input.dispatchEvent(new InputEvent('input', {bubbles: true, composed: true, inputType: 'insertReplacementText'}));
  }

  /** The fix offered in this update and its label (worked out once per update, not per use). */
  private offered?: {value: string; label: string};

  /**
   * The fix button's handler: one function for every render. Applies the fix of the value now,
   * which the label shows once typing pauses (pressing the button brings it up to date first).
   */
  private readonly applyOffered = (): void => {
    this.applyFix();
  };

  /**
   * A key typed on the fix button. A member who pressed Tab after the user ID is typing the
   * password: the button would swallow the keys, Enter would press the fix instead of logging
   * in, and a space would press it and send the rest into the user ID, in plain text. So a
   * printable key (Space and Enter still press the button) moves focus on, before it lands, to
   * {@link UserIdCoreOptions.next}.
   */
  private readonly onFixKey = (event: KeyboardEvent): void => {
    if (event.key.length < 2 && event.key !== ' ' && !event.ctrlKey && !event.metaKey) this.next?.()?.focus();
  };

  /**
   * Whether `findings` show the same warnings as those on screen (codes, levels, sentences, a
   * fix or none): then one more key changes only the details, which wait for a pause.
   */
  private sameWarnings(findings: readonly Finding[], next?: readonly FieldWarning[]): boolean {
    const shown = this.warnings;
    return (
      findings.length === shown.length &&
      (findings.find((f) => f.fix !== undefined) === undefined) === (this.offered === undefined) &&
      findings.every(
        (f, i) =>
          f.code === shown[i].code && f.level === shown[i].level && (!next || next[i].text === shown[i].text)
      )
    );
  }

  protected computeWarnings(): FieldWarning[] {
    const findings = this.analysis.findings;
    const fix = this.fix;
    const next = findings.map((f): FieldWarning => ({code: f.code, level: f.level, text: warningText(f.code, 'user-id')}));
    const typed = this.typed;
    this.typed = false;
    // Same warnings, one more key: the details follow when typing pauses.
    if (typed && this.sameWarnings(findings, next)) return this.warnings;
    findings.forEach((f, i) => {
      if ((f.code === 'full-width' || f.code === 'kana') && f.chars.length) next[i].detail = charsText(f.chars);
    });
    this.offered = fix === undefined ? undefined : {value: fix, label: fixLabel(findings, fix)};
    return next;
  }

  protected override renderKey(): string {
    return this.offered ? `${this.offered.value}\u0000${this.offered.label}` : (this.example ?? '');
  }

  /**
   * With nothing to warn about and no fix, the room kept for a hint says what an ID looks like
   * (part of the input's description, as a hint is), instead of standing empty.
   */
  private get example(): string | undefined {
    return this.offered || this.warnings.length ? undefined : userIdExample(this.domain?.() || undefined);
  }

  /** The one-tap fix, after the warnings (inside their container, which the input references). */
  protected override renderExtra(): unknown {
    const offered = this.offered;
    if (offered) {
      return html`<button type="button" class="sonet-fix" part="fix" @mousedown=${this.onFixPress} @click=${this.applyOffered} @keydown=${this.onFixKey}>${offered.label}</button>`;
    }
    const example = this.example;
    return example ? html`<p class="sonet-field__hint" part="hint">${example}</p>` : nothing;
  }
}
