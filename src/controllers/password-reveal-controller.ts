import type {ReactiveController, ReactiveControllerHost} from '@lit/reactive-element';
import {msg} from '@lit/localize';
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
   * (default 3000, also for a value that is not a finite, non-negative number). Read at each
   * blur, so a host property can feed it.
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
 *   never store it as plain text; a form or button with `method="get"` is posted then, so the
 *   password never goes into a URL), on `pagehide` and on `pageshow` (a page restored from the
 *   back-forward cache must not show a password), and {@link PasswordRevealControllerOptions.hideDelay}
 *   after focus leaves the input and the toggle.
 * - A mouse press on the toggle puts focus in the input, never on the toggle: what the member
 *   types next goes into the password (a first click before typing used to leave focus on the
 *   toggle, and the keys went nowhere), and the input never blurs, which would start the
 *   delayed hide. Keyboard presses leave focus on the toggle.
 *
 * The controller is the toggle's only writer: the host writes a `<button type="button">` once,
 * and the controller handles its clicks and writes its `aria-pressed`, its text
 * (「パスワードを表示」, in the current locale) and `data-sonet-revealed` on the input. It is
 * small and has no template, so it works from the first click, before anything else loads.
 *
 * @example
 * ```ts
 * private reveal = new PasswordRevealController(this, {
 *   input: () => this.querySelector('input'),
 *   toggle: () => this.querySelector('button'),
 * });
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
    this.host.addEventListener('click', this.onClick);
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
    this.host.removeEventListener('click', this.onClick);
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

  hostUpdated(): void {
    this.sync();
  }

  /**
   * Makes the input's `type` and the toggle's state match {@link shown}, and the toggle's text
   * the current locale. Runs after each host update (a locale change updates the host).
   */
  sync(): void {
    const toggle = this.options.toggle();
    if (toggle) {
      const pressed = String(this.shown);
      if (toggle.getAttribute('aria-pressed') !== pressed) toggle.setAttribute('aria-pressed', pressed);
      const text = msg('パスワードを表示', {id: 'field.show-password'});
      if (toggle.textContent !== text) toggle.textContent = text;
    }
    const input = this.options.input();
    const type = this.shown ? 'text' : 'password';
    if (!input) return;
    input.toggleAttribute('data-sonet-revealed', this.shown);
    if (input.type === type) return;
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
    // A host property feeds the delay: anything but a finite, non-negative number gets the default.
    const delay = this.options.hideDelay?.();
    this.timer = setTimeout(
      () => this.hide('blur'),
      typeof delay === 'number' && Number.isFinite(delay) && delay >= 0 ? delay : DEFAULT_REVEAL_HIDE_DELAY
    );
  };

  private readonly onClick = (event: MouseEvent): void => {
    const toggle = this.options.toggle();
    if (toggle && toggle.contains(event.target as Node)) this.toggle();
  };

  private readonly onFocusIn = (event: FocusEvent): void => {
    if (this.isOwn(event.target)) this.cancelTimer();
  };

  private readonly onMouseDown = (event: MouseEvent): void => {
    const toggle = this.options.toggle();
    const input = this.options.input();
    if (toggle && input && toggle.contains(event.target as Node)) {
      // Not the toggle's focus: the member types next, into the input.
      event.preventDefault();
      input.focus();
    }
  };

  private readonly onPageHide = (): void => this.hide('pagehide');

  private readonly onPageShow = (): void => this.hide('pageshow');

  private readonly onSubmit = (event: Event): void => {
    const form = this.options.input()?.form;
    const submitter = (event as SubmitEvent).submitter as HTMLButtonElement | null;
    if (form && event.target === form) {
      this.hide('submit');
      // A password never goes into a URL: a form or button the page wrote with method="get"
      // (or none) is posted instead. The browser reads the method after this event; no
      // handler of the page's can stop it before this window listener runs.
      if (form.method === 'get') form.method = 'post';
      if (submitter?.formMethod === 'get') submitter.formMethod = 'post';
    }
  };
}
