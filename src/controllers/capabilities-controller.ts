import {isServer, ReactiveController, ReactiveControllerHost} from 'lit';
import {Capabilities, cookiesWork, detectCapabilities, storageWorks} from '../lib/capabilities.js';

/** Options of {@link CapabilitiesController}. */
export interface CapabilitiesControllerOptions {
  /** The window to inspect and listen to. Default: the page's window. */
  window?: Window;
  /** Called after a re-check found that cookies or storage changed. */
  onChange?: (capabilities: Capabilities) => void;
}

// Before the browser can be asked (server rendering), assume what works: a warning rendered on
// the server would be wrong for most visitors and flash away on hydration.
const ASSUMED: Capabilities = {
  cookies: true,
  storage: {local: true, session: true},
  browser: {family: 'other', name: '', os: 'other', osName: '', mobile: false},
};

let warnedMissingEvents = false;

/**
 * Keeps a host informed of what the visitor's browser can do for a login (cookies, Web Storage,
 * which browser). Checks once when created, again whenever the host connects, and again on
 * `pageshow` (back/forward cache) and when the tab becomes visible — the moment a visitor
 * returns from turning cookies back on in the browser settings — then re-renders the host if
 * anything changed.
 *
 * JavaScript being off cannot be detected by script: the page writes a `<noscript>` message
 * (see `src/lib/capabilities.ts`).
 *
 * @example
 * ```ts
 * class SonetLoginForm extends LitElement {
 *   private capabilities = new CapabilitiesController(this);
 *   render() {
 *     return this.capabilities.value.cookies ? html`…` : html`<p>Cookie を有効にしてください…</p>`;
 *   }
 * }
 * ```
 */
export class CapabilitiesController implements ReactiveController {
  private readonly host: ReactiveControllerHost;
  private readonly win?: Window;
  private readonly onChange?: (capabilities: Capabilities) => void;
  private listening = false;

  /** The latest result. Replaced (never mutated) when a re-check finds a change. */
  value: Capabilities;

  constructor(host: ReactiveControllerHost, options: CapabilitiesControllerOptions = {}) {
    this.win = options.window ?? (isServer || typeof window === 'undefined' ? undefined : window);
    this.onChange = options.onChange;
    this.value = this.win ? detectCapabilities(this.win) : ASSUMED;
    // Last: a host that is already connected calls hostConnected() right here.
    (this.host = host).addController(this);
  }

  hostConnected(): void {
    const win = this.win;
    if (!win) return;
    this.check();
    if (typeof win.addEventListener !== 'function' || typeof win.document?.addEventListener !== 'function') {
      if (!warnedMissingEvents) {
        warnedMissingEvents = true;
        console.warn('[sonet-login-elements] CapabilitiesController: no event listeners on this window; cookies are checked only on connect.');
      }
      return;
    }
    win.addEventListener('pageshow', this.onPageEvent);
    win.document.addEventListener('visibilitychange', this.onPageEvent);
    this.listening = true;
  }

  hostDisconnected(): void {
    if (!this.listening || !this.win) return;
    this.win.removeEventListener('pageshow', this.onPageEvent);
    this.win.document.removeEventListener('visibilitychange', this.onPageEvent);
    this.listening = false;
  }

  /**
   * Re-checks cookies and storage now (the browser does not change while the page lives).
   * Re-renders the host and calls `onChange` when the answer changed.
   *
   * @returns whether anything changed.
   */
  check(): boolean {
    const win = this.win;
    if (!win) return false;
    let doc: Document | undefined;
    try {
      doc = win.document;
    } catch {
      doc = undefined;
    }
    const cookies = cookiesWork(doc);
    const storage = storageWorks(win);
    const old = this.value;
    if (cookies === old.cookies && storage.local === old.storage.local && storage.session === old.storage.session) {
      return false;
    }
    this.value = {...old, cookies, storage};
    this.host.requestUpdate();
    this.onChange?.(this.value);
    return true;
  }

  private onPageEvent = (): void => {
    // A hidden tab is about to be left; check when the visitor comes back.
    if (this.win?.document?.visibilityState === 'hidden') return;
    this.check();
  };
}
