import type {ReactiveController, ReactiveControllerHost} from 'lit';

/** Options of {@link CapsLockController}. */
export interface CapsLockControllerOptions {
  /**
   * The password input to watch. Called on every key event, so an input the page replaces is
   * followed. Events from other targets are ignored.
   */
  input: () => HTMLInputElement | null | undefined;
}

/**
 * Tracks whether Caps Lock is on while one password input has focus.
 *
 * The state is read with `getModifierState('CapsLock')` on `keydown` and `keyup` of the input
 * only: the keys go to the focused element, so nothing is tracked while the member types
 * elsewhere, and the state is forgotten (`on = false`) when focus leaves the input — the warning
 * belongs to the moment of typing the password (seed page: アルファベットの大文字や小文字を間違えて
 * 入力してしまうと、認証エラーとなってしまいます). The host re-renders only when the state changes.
 *
 * Keys reach the host element because the input lives in the host's light DOM; listening on the
 * host (not the input) keeps working when the page's own input is enhanced or replaced.
 *
 * Headless browsers never turn Caps Lock on; tests dispatch
 * `new KeyboardEvent('keydown', {key: 'A', modifierCapsLock: true, bubbles: true, composed: true})`.
 *
 * @example
 * ```ts
 * class MyField extends LitElement {
 *   private caps = new CapsLockController(this, {input: () => this.querySelector('input')});
 *   render() {
 *     return this.caps.on ? html`<p>Caps Lock がオンになっています。</p>` : nothing;
 *   }
 * }
 * ```
 */
export class CapsLockController implements ReactiveController {
  /** True while Caps Lock is known to be on and the input has focus. */
  on = false;

  private readonly host: ReactiveControllerHost & EventTarget;
  private readonly options: CapsLockControllerOptions;

  constructor(host: ReactiveControllerHost & EventTarget, options: CapsLockControllerOptions) {
    (this.host = host).addController(this);
    this.options = options;
  }

  hostConnected(): void {
    this.host.addEventListener('keydown', this.onKey);
    this.host.addEventListener('keyup', this.onKey);
    this.host.addEventListener('focusout', this.onFocusOut);
  }

  hostDisconnected(): void {
    this.host.removeEventListener('keydown', this.onKey);
    this.host.removeEventListener('keyup', this.onKey);
    this.host.removeEventListener('focusout', this.onFocusOut);
    this.set(false);
  }

  private set(on: boolean): void {
    if (on === this.on) return;
    this.on = on;
    this.host.requestUpdate();
  }

  private readonly onKey = (event: Event): void => {
    const input = this.options.input();
    if (!input || event.target !== input) return;
    // Some synthetic or IME events carry no modifier state (`getModifierState` missing or a
    // non-keyboard event): keep what we knew rather than guessing.
    const keyEvent = event as KeyboardEvent;
    if (typeof keyEvent.getModifierState !== 'function') return;
    this.set(keyEvent.getModifierState('CapsLock'));
  };

  private readonly onFocusOut = (event: Event): void => {
    if (event.target === this.options.input()) this.set(false);
  };
}
