import type {ReactiveController, ReactiveControllerHost} from 'lit';

/** Options of {@link AutofillController}. */
export interface AutofillControllerOptions {
  /** The inputs to watch (the user ID and the password). */
  inputs: () => ReadonlyArray<HTMLInputElement | null | undefined>;
}

/** An input event this soon after a key, paste, drop or IME event counts as typed by the member. */
const USER_ACTION_WINDOW_MS = 1000;

// Selectors that throw in engines that do not know them are skipped.
function matchesSafely(input: HTMLInputElement, selector: string): boolean {
  try {
    return input.matches(selector);
  } catch {
    return false;
  }
}

/**
 * Tells whether the values of some inputs were filled in by the browser (or a password manager)
 * rather than typed — the seed page's ブラウザの ID / パスワード記憶機能: saved credentials are
 * not updated when the member changes their ID or password, so an old saved value keeps failing.
 *
 * An input counts as autofilled when it matches `:autofill` / `:-webkit-autofill`, when its
 * last change came without a key press, paste, drop or IME input just before it, or when it
 * holds a value that neither the page (`value` attribute) nor an input event put there. Only
 * these flags are kept — never the values.
 *
 * @example
 * ```ts
 * private autofill = new AutofillController(this, {inputs: () => [this.userId, this.password]});
 * // after a failed login:
 * if (this.autofill.used()) showTypeByHandHint();
 * ```
 */
export class AutofillController implements ReactiveController {
  private readonly host: ReactiveControllerHost & EventTarget;
  private readonly options: AutofillControllerOptions;
  private lastUserAction = -Infinity;
  private readonly filled = new WeakMap<HTMLInputElement, boolean>();

  constructor(host: ReactiveControllerHost & EventTarget, options: AutofillControllerOptions) {
    (this.host = host).addController(this);
    this.options = options;
  }

  hostConnected(): void {
    for (const type of USER_EVENTS) this.host.addEventListener(type, this.onUserAction, true);
    this.host.addEventListener('input', this.onInput, true);
  }

  hostDisconnected(): void {
    for (const type of USER_EVENTS) this.host.removeEventListener(type, this.onUserAction, true);
    this.host.removeEventListener('input', this.onInput, true);
  }

  /** Whether any watched input with a value was filled in rather than typed. */
  used(): boolean {
    return this.options.inputs().some((input) => !!input && this.isAutofilled(input));
  }

  /** Forgets what is known about `input` (its value was cleared or replaced by the element). */
  forget(input: HTMLInputElement | null | undefined): void {
    if (input) this.filled.set(input, false);
  }

  private isAutofilled(input: HTMLInputElement): boolean {
    if (!input.value) return false;
    if (matchesSafely(input, ':autofill') || matchesSafely(input, ':-webkit-autofill')) return true;
    const known = this.filled.get(input);
    // No input event seen: filled before the element was ready, unless the page wrote it.
    return known ?? input.value !== input.defaultValue;
  }

  private readonly onUserAction = (): void => {
    this.lastUserAction = performance.now();
  };

  private readonly onInput = (event: Event): void => {
    const input = event.target as HTMLInputElement;
    if (!this.options.inputs().includes(input)) return;
    const typed = performance.now() - this.lastUserAction < USER_ACTION_WINDOW_MS;
    this.filled.set(input, !typed && input.value !== '');
  };
}

/** Events that show the member acting on the form (rather than the browser filling it). */
const USER_EVENTS = ['keydown', 'paste', 'drop', 'compositionstart', 'compositionend', 'pointerdown'] as const;
