import type {ReactiveController, ReactiveControllerHost} from 'lit';
import {DEFAULT_REVEAL_HIDE_DELAY} from './reveal-delay.js';

/** Why the password was last shown or hidden. */
export type RevealReason = 'toggle' | 'blur' | 'submit' | 'pagehide' | 'pageshow' | 'reset';

/** Options of {@link PasswordRevealController}. */
export interface PasswordRevealControllerOptions {
  /** The password input; called whenever needed, so a replaced input is followed. */
  input: () => HTMLInputElement | null | undefined;
  /** The show-password toggle button; focus moving between it and the input is not a blur. */
  toggle: () => HTMLElement | null | undefined;
  /**
   * Milliseconds the password stays visible after focus has left both the input and the toggle
   * (default 3000). Read at each blur, so a host property can feed it.
   */
  hideDelay?: () => number;
}

export {DEFAULT_REVEAL_HIDE_DELAY};

/**
 * Shows and hides a password input's value (the seed page's 「隠れているパスワードを表示して確認する」)
 * by switching it between `type=password` and `type=text`.
 *
 * - The value, the caret (`selectionStart`/`selectionEnd`) and the focus survive the switch.
 * - Hidden again: on submit of the input's form (so browsers offer to save the password and
 *   never store it as plain text), on `pagehide` and on `pageshow` (a page restored from the
 *   back-forward cache must not show a password), and {@link PasswordRevealControllerOptions.hideDelay}
 *   after focus leaves the input and the toggle.
 * - A mouse press on the toggle does not take focus from the input (Safari never focuses a
 *   clicked button; the input would blur and the delayed hide would start).
 *
 * The host renders the toggle (`aria-pressed=${shown}`) and calls {@link toggle} on click.
 *
 * @example
 * ```ts
 * private reveal = new PasswordRevealController(this, {
 *   input: () => this.querySelector('input'),
 *   toggle: () => this.querySelector('button'),
 * });
 * render() {
 *   return html`<button type="button" aria-pressed=${this.reveal.shown} @click=${() => this.reveal.toggle()}>
 *     パスワードを表示</button>`;
 * }
 * ```
 */
export class PasswordRevealController implements ReactiveController {
  /** True while the password is shown as text. */
  shown = false;
  /** Why the state last changed; `undefined` until it does. */
  reason?: RevealReason;

  private readonly host: ReactiveControllerHost & HTMLElement;
  private readonly options: PasswordRevealControllerOptions;
  private timer?: ReturnType<typeof setTimeout>;

  constructor(host: ReactiveControllerHost & HTMLElement, options: PasswordRevealControllerOptions) {
    (this.host = host).addController(this);
    this.options = options;
  }

  hostConnected(): void {
    this.host.addEventListener('focusout', this.onFocusOut);
    this.host.addEventListener('focusin', this.onFocusIn);
    this.host.addEventListener('mousedown', this.onMouseDown);
    addEventListener('pagehide', this.onPageHide);
    addEventListener('pageshow', this.onPageShow);
    // Capture on the window: the form may be anywhere above the host, and a host handler that
    // stops the submit event must not keep the password visible.
    addEventListener('submit', this.onSubmit, true);
  }

  hostDisconnected(): void {
    this.host.removeEventListener('focusout', this.onFocusOut);
    this.host.removeEventListener('focusin', this.onFocusIn);
    this.host.removeEventListener('mousedown', this.onMouseDown);
    removeEventListener('pagehide', this.onPageHide);
    removeEventListener('pageshow', this.onPageShow);
    removeEventListener('submit', this.onSubmit, true);
    this.cancelTimer();
    this.hide('pagehide');
  }

  /** Shows the password when hidden, hides it when shown. */
  toggle(): void {
    this.set(!this.shown, 'toggle');
  }

  /** Shows the password as text. */
  show(reason: RevealReason = 'toggle'): void {
    this.set(true, reason);
  }

  /** Hides the password again. */
  hide(reason: RevealReason = 'toggle'): void {
    this.set(false, reason);
  }

  /**
   * Makes the input's `type` match {@link shown}. Call after the host rendered a new input
   * (the host's template may render `type=password`).
   */
  sync(): void {
    const input = this.options.input();
    const type = this.shown ? 'text' : 'password';
    if (!input || input.type === type) return;
    const root = input.getRootNode() as Document | ShadowRoot;
    const focused = root.activeElement === input;
    let start: number | null = null;
    let end: number | null = null;
    let direction: 'forward' | 'backward' | 'none' | null = null;
    try {
      ({selectionStart: start, selectionEnd: end, selectionDirection: direction} = input);
    } catch {
      // Inputs of a type without a selection API throw; there is no caret to keep.
    }
    input.type = type;
    // Chromium keeps the selection and the focus across a type change; restore both anyway for
    // engines that reset them.
    if (start !== null && end !== null && (input.selectionStart !== start || input.selectionEnd !== end)) {
      input.setSelectionRange(start, end, direction ?? 'none');
    }
    if (focused && root.activeElement !== input) input.focus({preventScroll: true});
  }

  private set(shown: boolean, reason: RevealReason): void {
    this.cancelTimer();
    if (shown === this.shown) return;
    this.shown = shown;
    this.reason = reason;
    this.sync();
    this.host.requestUpdate();
  }

  private cancelTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private isOwn(node: EventTarget | null): boolean {
    return !!node && (node === this.options.input() || node === this.options.toggle());
  }

  private readonly onFocusOut = (event: FocusEvent): void => {
    if (!this.shown || !this.isOwn(event.target) || this.isOwn(event.relatedTarget)) return;
    this.cancelTimer();
    // Focus coming back to the input or the toggle (focusin) cancels the timer.
    this.timer = setTimeout(() => this.hide('blur'), this.options.hideDelay?.() ?? DEFAULT_REVEAL_HIDE_DELAY);
  };

  private readonly onFocusIn = (event: FocusEvent): void => {
    if (this.isOwn(event.target)) this.cancelTimer();
  };

  private readonly onMouseDown = (event: MouseEvent): void => {
    const toggle = this.options.toggle();
    const input = this.options.input();
    if (!toggle || !input || !toggle.contains(event.target as Node)) return;
    if ((input.getRootNode() as Document | ShadowRoot).activeElement === input) event.preventDefault();
  };

  private readonly onPageHide = (): void => this.hide('pagehide');

  private readonly onPageShow = (): void => this.hide('pageshow');

  private readonly onSubmit = (event: Event): void => {
    const input = this.options.input();
    if (input && input.form && event.target === input.form) this.hide('submit');
  };
}
