import type {ReactiveController, ReactiveControllerHost} from 'lit';
import type {Finding} from '../lib/findings.js';
import type {AnalysisPhase} from '../lib/user-id.js';

export type {AnalysisPhase};

/** Options of {@link InputAnalysisController}. */
export interface InputAnalysisControllerOptions {
  /** The input to analyse; called on every event, so a replaced input is followed. */
  input: () => HTMLInputElement | null | undefined;
  /** Returns the findings for a value. Must be total (never throw); see `src/lib`. */
  analyze: (value: string, phase: AnalysisPhase) => Finding[];
  /**
   * Whether changed findings need the host to render again (by default they always do). The
   * findings are kept either way: a host that shows some details only when typing pauses (see
   * `UserIdCore`) answers false for the keys in between and requests its update itself later.
   */
  shouldRender?: (findings: readonly Finding[]) => boolean;
}

/** A string that changes exactly when what a list of findings would display changes. */
export function findingsKey(findings: readonly Finding[]): string {
  return findings
    .map((f) => `${f.code}\u0000${f.level}\u0000${f.chars.join('\u0001')}\u0000${f.fix ?? '\u0002'}`)
    .join('\u0003');
}

/**
 * Runs an input analyser at the right moments and keeps its findings for rendering.
 *
 * - On `input` when no IME composition is in progress, and on `compositionend`: never in the
 *   middle of a composition, where the text is still being converted (`たろう` becomes `太郎`) and
 *   a warning would flicker on every keystroke.
 * - On `focusout` of the input with phase `blur`, and from {@link analyze} with phase `submit`.
 * - The host re-renders only when the findings change (compared by {@link findingsKey}), so
 *   ordinary typing without warnings costs one analysis and no render.
 *
 * Events are read on the host: the input lives in the host's light DOM and its events bubble.
 *
 * @example
 * ```ts
 * private analysis = new InputAnalysisController(this, {
 *   input: () => this.querySelector('input'),
 *   analyze: (value, phase) => analyzeUserId(value, {phase}),
 * });
 * ```
 */
export class InputAnalysisController implements ReactiveController {
  /** The findings of the latest analysis. */
  findings: readonly Finding[] = [];
  /** The phase of the latest analysis. */
  phase: AnalysisPhase = 'typing';
  /** True between `compositionstart` and `compositionend` on the input. */
  composing = false;

  private readonly host: ReactiveControllerHost & EventTarget;
  private readonly options: InputAnalysisControllerOptions;
  private key = '';

  constructor(host: ReactiveControllerHost & EventTarget, options: InputAnalysisControllerOptions) {
    (this.host = host).addController(this);
    this.options = options;
  }

  hostConnected(): void {
    this.host.addEventListener('input', this.onInput);
    this.host.addEventListener('compositionstart', this.onCompositionStart);
    this.host.addEventListener('compositionend', this.onCompositionEnd);
    this.host.addEventListener('focusout', this.onFocusOut);
  }

  hostDisconnected(): void {
    this.host.removeEventListener('input', this.onInput);
    this.host.removeEventListener('compositionstart', this.onCompositionStart);
    this.host.removeEventListener('compositionend', this.onCompositionEnd);
    this.host.removeEventListener('focusout', this.onFocusOut);
    this.composing = false;
  }

  /**
   * Analyses the input's current value now and re-renders the host when the findings changed.
   * @returns the findings.
   */
  analyze(phase: AnalysisPhase = 'typing'): readonly Finding[] {
    this.phase = phase;
    const input = this.options.input();
    const findings = input ? this.options.analyze(input.value, phase) : [];
    const key = findingsKey(findings);
    if (key !== this.key) {
      this.key = key;
      this.findings = findings;
      if (this.options.shouldRender?.(findings) !== false) this.host.requestUpdate();
    }
    return this.findings;
  }

  /** Forgets every finding (a form reset, a cleared field). */
  clear(): void {
    this.phase = 'typing';
    if (this.key === '') return;
    this.key = '';
    this.findings = [];
    this.host.requestUpdate();
  }

  private isOwnInput(event: Event): boolean {
    const input = this.options.input();
    return !!input && event.target === input;
  }

  private readonly onInput = (event: Event): void => {
    if (!this.isOwnInput(event)) return;
    if ((event as InputEvent).isComposing || this.composing) return;
    this.analyze('typing');
  };

  private readonly onCompositionStart = (event: Event): void => {
    if (this.isOwnInput(event)) this.composing = true;
  };

  private readonly onCompositionEnd = (event: Event): void => {
    if (!this.isOwnInput(event)) return;
    this.composing = false;
    this.analyze('typing');
  };

  private readonly onFocusOut = (event: Event): void => {
    if (!this.isOwnInput(event)) return;
    // A composition cut short by moving focus may never send compositionend.
    this.composing = false;
    this.analyze('blur');
  };
}
