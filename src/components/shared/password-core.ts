import {msg} from '@lit/localize';
import {CapsLockController} from '../../controllers/caps-lock-controller.js';
import {InputAnalysisController, type AnalysisPhase} from '../../controllers/input-analysis-controller.js';
import type {PasswordRevealController} from '../../controllers/password-reveal-controller.js';
import type {Finding} from '../../lib/findings.js';
import {analyzePassword} from '../../lib/password.js';
import {FieldCore, type FieldCoreOptions, type FieldHost, type FieldWarning} from './field-core.js';
import {lookAlikeName} from './field-details.js';
import {warningText} from './field-messages.js';

/** Options of {@link PasswordCore}. */
export interface PasswordCoreOptions extends FieldCoreOptions {
  /** The host's show-password controller (it owns the toggle; this core reads its state). */
  reveal: PasswordRevealController;
}

/**
 * The password's show/hide toggle, Caps Lock warning and live warnings, for any host with a
 * password input in its light DOM (`<sonet-password-field>`, `<sonet-login-form>`).
 *
 * The password is never changed, only warned about (ASVS 5.0 V6.2.8). While it is shown: a
 * caution to check that nobody is looking (seed page), a monospace font that tells `I l 1` and
 * `O 0 o` apart, and a line naming the look-alike characters present. Showing turns the input
 * into `type=text`, where the IME can switch on again: kana typed then get the kana warning.
 */
export class PasswordCore extends FieldCore {
  readonly analysis: InputAnalysisController;
  readonly capsLock: CapsLockController;
  readonly reveal: PasswordRevealController;
  /** The reveal state last rendered: a core attached while the password is shown says nothing of it. */
  private lastShown: boolean;

  constructor(host: FieldHost, options: PasswordCoreOptions) {
    super(host, options);
    this.reveal = options.reveal;
    this.lastShown = this.reveal.shown;
    this.analysis = new InputAnalysisController(host, {input: options.input, analyze: this.analyze});
    this.capsLock = new CapsLockController(host, {input: options.input});
  }

  private readonly analyze = (value: string, phase: AnalysisPhase): Finding[] =>
    // Look-alikes only matter while the password is shown; the list changes with every `l` or
    // `1` typed, so leaving them out while hidden also saves a render per keystroke.
    analyzePassword(value).filter(
      (f) => (f.code !== 'look-alike' || this.reveal?.shown) && (f.code !== 'empty' || phase === 'submit')
    );

  override hostUpdate(): void {
    const {shown, reason} = this.reveal;
    const revealChanged = shown !== this.lastShown;
    this.lastShown = shown;
    // The look-alike line depends on the reveal state.
    if (revealChanged) this.analysis.analyze(this.analysis.phase);
    super.hostUpdate();
    // Said once, politely (GOV.UK's show-password pattern); not when hidden by a submit or a
    // page change, where nobody is listening for it.
    if (revealChanged && (reason === 'toggle' || reason === 'blur')) {
      this.announce(
        shown
          ? msg('パスワードを表示しています。', {id: 'field.password-shown'})
          : msg('パスワードを隠しました。', {id: 'field.password-hidden'})
      );
    }
  }

  protected computeWarnings(): FieldWarning[] {
    const warnings: FieldWarning[] = [];
    if (this.capsLock.on) warnings.push({code: 'caps-lock', level: 'error', text: warningText('caps-lock', 'password')});
    for (const f of this.analysis.findings) {
      if (f.code === 'look-alike') {
        warnings.push({
          code: f.code,
          level: 'info',
          text: warningText(f.code, 'password'),
          detail: f.chars.map(lookAlikeName).join(' / '),
        });
      } else {
        warnings.push({code: f.code, level: f.level, text: warningText(f.code, 'password')});
      }
    }
    if (this.reveal.shown) {
      warnings.push({
        code: 'reveal-caution',
        level: 'info',
        text: msg('パスワードを表示しています。まわりに人がいないことをご確認ください。', {id: 'field.reveal-caution'}),
      });
    }
    return warnings;
  }

}
