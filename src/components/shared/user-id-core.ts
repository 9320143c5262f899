import type {TemplateResult} from 'lit';
import {InputAnalysisController, type AnalysisPhase} from '../../controllers/input-analysis-controller.js';
import type {Finding} from '../../lib/findings.js';
import {loadRomajiSuggestion} from '../../lib/romaji-loader.js';
import {analyzeUserId} from '../../lib/user-id.js';
import {FieldCore, type FieldCoreOptions, type FieldHost, type FieldWarning} from './field-core.js';
import {charsText, fixLabel} from './field-details.js';
import {warningText} from './field-messages.js';
import {userIdView} from './field-view.js';

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

  private readonly analyze = (value: string, phase: AnalysisPhase): Finding[] => {
    const domain = this.domain?.();
    const findings = analyzeUserId(value, {phase, toRomaji, ...(domain ? {domain} : {})}).filter(
      // Look-alikes are about passwords; 'empty' only matters when the member tries to log in.
      (f) => f.code !== 'look-alike' && (f.code !== 'empty' || phase === 'submit')
    );
    if (!toRomaji && findings.some((f) => f.code === 'kana')) this.loadRomaji();
    return findings;
  };

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

  protected override renderKey(): string {
    const fix = this.fix;
    return fix === undefined ? '' : `${fix}\u0000${fixLabel(this.analysis.findings, fix)}`;
  }

  render(): TemplateResult {
    const fix = this.fix;
    return userIdView(
      this.warningsId,
      this.warnings,
      this.announcement,
      fix !== undefined ? {label: fixLabel(this.analysis.findings, fix), apply: () => this.applyFix(fix)} : undefined
    );
  }
}
