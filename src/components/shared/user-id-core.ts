import type {TemplateResult} from 'lit';
import {InputAnalysisController, type AnalysisPhase} from '../../controllers/input-analysis-controller.js';
import type {Finding} from '../../lib/findings.js';
import {loadRomajiSuggestion} from '../../lib/romaji-loader.js';
import {analyzeUserId} from '../../lib/user-id.js';
import {FieldCore, type FieldCoreOptions, type FieldHost, type FieldWarning} from './field-core.js';
import {charsText, fixLabel} from './field-details.js';
import {warningText} from './field-messages.js';
import {userIdView} from './field-templates.js';

/** Options of {@link UserIdCore}. */
export interface UserIdCoreOptions extends FieldCoreOptions {
  /** The mail domain not to type after the subdomain (`so-net.ne.jp` when empty/undefined). */
  domain?: () => string | undefined;
}

let toRomaji: ((kana: string) => string) | undefined;
let romajiLoad: Promise<unknown> | undefined;

/**
 * The user ID's live warnings and one-tap fix, for any host that has a user ID input in its
 * light DOM (`<sonet-user-id-field>`, `<sonet-login-form>`).
 *
 * Kana typed with the IME on get a romaji suggestion (`たろう` → `tarou`): wanakana is loaded
 * (dynamic import) only when kana first appear, then the value is analysed again.
 */
export class UserIdCore extends FieldCore {
  readonly analysis: InputAnalysisController;
  private readonly domain?: () => string | undefined;

  constructor(host: FieldHost, options: UserIdCoreOptions) {
    super(host, options);
    this.domain = options.domain;
    this.analysis = new InputAnalysisController(host, {input: options.input, analyze: this.analyze});
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

  private readonly analyze = (value: string, phase: AnalysisPhase): Finding[] => {
    const domain = this.domain?.();
    this.nextRomaji = new Map();
    const findings = analyzeUserId(value, {phase, toRomaji: toRomaji && this.romajiOf, ...(domain ? {domain} : {})});
    this.romaji = this.nextRomaji;
    return this.relevant(findings, phase);
  };

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

  protected computeWarnings(): FieldWarning[] {
    return this.analysis.findings.map((f) => ({
      code: f.code,
      level: f.level,
      text: warningText(f.code, 'user-id'),
      detail: (f.code === 'full-width' || f.code === 'kana') && f.chars.length ? charsText(f.chars) : undefined,
    }));
  }

  /** The fix offered in this update and its label (worked out once per update, not per use). */
  private offered?: {value: string; label: string};

  /** The fix button's handler: one function for every render, applying the fix it shows. */
  private readonly applyOffered = (): void => {
    if (this.offered) this.applyFix(this.offered.value);
  };

  override hostUpdate(): void {
    const fix = this.fix;
    this.offered = fix === undefined ? undefined : {value: fix, label: fixLabel(this.analysis.findings, fix)};
    super.hostUpdate();
  }

  protected override renderKey(): string {
    return this.offered ? `${this.offered.value}\u0000${this.offered.label}` : '';
  }

  render(): TemplateResult {
    const offered = this.offered;
    return userIdView(
      this.warningsId,
      this.warnings,
      this.announcement,
      offered ? {label: offered.label, apply: this.applyOffered} : undefined
    );
  }
}
