/**
 * Watches everywhere a password could leak from a login page, for test/security/password-leak.
 * test.ts: every attribute and text node (shadow roots included), every event a script dispatched
 * (and every native event with a `detail`), the console, web storage, cookies, the URL and
 * session history, `window.name`, the title, requests (URL and headers), resource timing entries
 * and navigations a test records.
 *
 * @example
 * ```ts
 * const probe = new LeakProbe();
 * probe.install();
 * … run a flow with the marker password …
 * expect(probe.findings(MARKER)).to.deep.equal([]);
 * probe.uninstall();
 * ```
 */
import sinon from 'sinon';

/** The forms in which a leaked marker would show up. */
export function encodings(marker: string): string[] {
  return [marker, encodeURIComponent(marker), btoa(marker), JSON.stringify(marker).slice(1, -1), [...marker].reverse().join('')];
}

interface RecordedEvent {
  type: string;
  target: string;
  event: Event;
  native: boolean;
}

const CONSOLE_METHODS = ['log', 'info', 'warn', 'error', 'debug', 'trace', 'dir', 'dirxml', 'table', 'group', 'groupCollapsed', 'assert', 'count', 'timeLog'] as const;

function describeTarget(target: EventTarget | null): string {
  if (!target) return '(none)';
  if (target === window) return 'window';
  if (target === document) return 'document';
  if (target instanceof Element) return target.localName + (target.id ? `#${target.id}` : '');
  return String(target);
}

/** Every attribute value and text of `root` and the shadow roots below it, with where it is. */
function* domStrings(root: Node, path = ''): Generator<[where: string, value: string]> {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT | NodeFilter.SHOW_COMMENT);
  for (let node: Node | null = walker.currentNode; node; node = walker.nextNode()) {
    if (node instanceof Element) {
      const where = `${path}<${node.localName}${node.id ? `#${node.id}` : ''}>`;
      for (const attribute of node.attributes) yield [`${where} attribute ${attribute.name}`, attribute.value];
      if (node.shadowRoot) yield* domStrings(node.shadowRoot, `${where} shadow `);
      if (node instanceof HTMLTemplateElement) yield* domStrings(node.content, `${where} template `);
    } else {
      yield [`${path}text in <${node.parentElement?.localName ?? '?'}>`, (node as CharacterData).data];
    }
  }
}

/** Own values of an event worth searching: its own fields and the getters its class adds. */
function eventValues(event: Event): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(event)) out[key] = (event as unknown as Record<string, unknown>)[key];
  for (let proto = Object.getPrototypeOf(event); proto && proto !== Event.prototype; proto = Object.getPrototypeOf(proto)) {
    for (const key of Object.getOwnPropertyNames(proto)) {
      if (key === 'constructor' || key in out) continue;
      const descriptor = Object.getOwnPropertyDescriptor(proto, key);
      if (!descriptor?.get) continue;
      // Skip the DOM-ish getters native events inherit (view, sourceCapabilities, relatedTarget…).
      try {
        const value = (event as unknown as Record<string, unknown>)[key];
        if (typeof value !== 'function' && !(value instanceof Node) && value !== window) out[key] = value;
      } catch {
        // A getter that throws on this event type.
      }
    }
  }
  return out;
}

/** Whether `value` (strings, FormData, URLSearchParams, Headers, arrays, objects) contains a needle. */
export function containsAny(value: unknown, needles: string[], seen = new Set<unknown>(), depth = 0): boolean {
  if (value === null || value === undefined || depth > 8) return false;
  if (typeof value === 'string') return needles.some((n) => value.includes(n));
  if (typeof value !== 'object' && typeof value !== 'function') return needles.some((n) => String(value).includes(n));
  if (typeof value === 'function' || seen.has(value) || value instanceof Node || value === window) return false;
  seen.add(value);
  if (value instanceof FormData || value instanceof URLSearchParams || value instanceof Headers) {
    for (const [k, v] of value as unknown as Iterable<[string, unknown]>) {
      if (containsAny(k, needles, seen, depth + 1) || containsAny(v, needles, seen, depth + 1)) return true;
    }
    return false;
  }
  if (value instanceof Event) return containsAny(eventValues(value), needles, seen, depth + 1);
  if (value instanceof Error) return containsAny(`${value.name} ${value.message} ${value.stack ?? ''}`, needles, seen, depth + 1);
  const entries = value instanceof Map ? [...value.entries()].flat() : Array.isArray(value) || value instanceof Set ? [...value] : Object.values(value);
  return entries.some((v) => containsAny(v, needles, seen, depth + 1));
}

/** Records everything a page could leak through while installed. */
export class LeakProbe {
  readonly events: RecordedEvent[] = [];
  readonly logs: Array<{method: string; args: unknown[]}> = [];
  readonly historyUrls: string[] = [];
  /** The page's requests while installed: URL and headers (a Request's body can be read only once). */
  get requests(): Array<{url: string; headers: Headers}> {
    return this.fetchCalls().map(([input, init]) => {
      const url = input instanceof Request ? input.url : new URL(String(input), document.baseURI).href;
      const headers = new Headers(input instanceof Request ? input.headers : undefined);
      new Headers(init?.headers).forEach((value, name) => headers.set(name, value));
      return {url, headers};
    });
  }
  private fetchCalls: () => Array<Parameters<typeof fetch>> = () => [];
  /** URLs a test saw the page navigate to (the login form's `navigate()`, a native post). */
  readonly navigations: string[] = [];

  private restore: Array<() => void> = [];

  install(): void {
    const dispatch = EventTarget.prototype.dispatchEvent;
    const events = this.events;
    EventTarget.prototype.dispatchEvent = function (this: EventTarget, event: Event): boolean {
      events.push({type: event.type, target: describeTarget(this), event, native: false});
      return dispatch.call(this, event);
    };
    this.restore.push(() => (EventTarget.prototype.dispatchEvent = dispatch));

    // Native events that carry a detail object (CustomEvent). The browser's own input events are
    // the member's keystrokes, not something the library sends anywhere; the `formdata` event
    // fires on the page's own form whenever a FormData is built from it (the page can read the
    // input anyway). Neither is a channel the library controls.
    const onAny = (event: Event) => {
      if (!event.isTrusted) return; // script-dispatched ones are recorded above
      const detail = (event as CustomEvent).detail;
      if (event instanceof CustomEvent || (typeof detail === 'object' && detail !== null)) {
        events.push({type: event.type, target: describeTarget(event.target), event, native: true});
      }
    };
    const types = ['input', 'change', 'submit', 'formdata', 'reset', 'invalid', 'focusin', 'focusout', 'keydown', 'keyup', 'click', 'pagehide', 'pageshow', 'message', 'storage', 'error'];
    for (const type of types) addEventListener(type, onAny, true);
    this.restore.push(() => types.forEach((type) => removeEventListener(type, onAny, true)));

    const logs = this.logs;
    for (const method of CONSOLE_METHODS) {
      const original = console[method] as (...args: unknown[]) => void;
      (console as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
        logs.push({method, args});
        original.apply(console, args);
      };
      this.restore.push(() => ((console as unknown as Record<string, unknown>)[method] = original));
    }

    for (const method of ['pushState', 'replaceState'] as const) {
      const original = history[method];
      const urls = this.historyUrls;
      history[method] = function (this: History, data: unknown, unused: string, url?: string | URL | null) {
        urls.push(`${url ?? ''} ${JSON.stringify(data) ?? ''}`);
        return original.call(this, data, unused, url);
      };
      this.restore.push(() => (history[method] = original));
    }

    // Through the test's fetch stub when it has one (test/support/fetch-stub.ts), else a spy.
    const stubbed = (window.fetch as {isSinonProxy?: boolean}).isSinonProxy;
    const spy = stubbed ? (window.fetch as sinon.SinonSpy<Parameters<typeof fetch>>) : sinon.spy(window, 'fetch');
    const from = spy.callCount;
    this.fetchCalls = () => spy.args.slice(from);
    if (!stubbed) this.restore.push(() => spy.restore());
  }

  uninstall(): void {
    for (const undo of this.restore.splice(0).reverse()) undo();
  }

  /**
   * Every place `marker` (raw, URL-encoded, base64, JSON-escaped or reversed) was found, except
   * the `sonet-login-submit` event's form data, which the host asked for. Empty when it leaked
   * nowhere.
   */
  findings(marker: string): string[] {
    const needles = encodings(marker);
    const found: string[] = [];
    for (const [where, value] of domStrings(document.documentElement)) {
      if (containsAny(value, needles)) found.push(`DOM: ${where}`);
    }
    for (const {type, target, event, native} of this.events) {
      if (type === 'sonet-login-submit') continue;
      if (containsAny(eventValues(event), needles)) found.push(`event ${type} on ${target}${native ? ' (native)' : ''}`);
    }
    this.logs.forEach(({method, args}) => {
      if (containsAny(args, needles)) found.push(`console.${method}`);
    });
    for (const [name, storage] of [['localStorage', localStorage], ['sessionStorage', sessionStorage]] as const) {
      for (let i = 0; i < storage.length; i++) {
        const key = storage.key(i) ?? '';
        if (containsAny([key, storage.getItem(key)], needles)) found.push(`${name} ${key}`);
      }
    }
    if (containsAny(document.cookie, needles)) found.push('document.cookie');
    if (containsAny(location.href, needles)) found.push('location.href');
    if (containsAny(JSON.stringify(history.state) ?? '', needles)) found.push('history.state');
    this.historyUrls.forEach((url) => containsAny(url, needles) && found.push(`history entry ${url}`));
    if (containsAny(window.name, needles)) found.push('window.name');
    if (containsAny(document.title, needles)) found.push('document.title');
    for (const {url, headers} of this.requests) {
      if (containsAny(url, needles)) found.push(`request URL ${url}`);
      if (containsAny(headers, needles)) found.push(`request headers of ${url}`);
    }
    for (const entry of performance.getEntriesByType('resource')) {
      if (containsAny(entry.name, needles)) found.push(`resource ${entry.name}`);
    }
    this.navigations.forEach((url) => containsAny(url, needles) && found.push(`navigation to ${url}`));
    return found;
  }
}
