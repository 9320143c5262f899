import {expect, fixture, html} from '@open-wc/testing';
import {LitElement} from 'lit';
import {CapabilitiesController, CapabilitiesControllerOptions} from '../../src/controllers/capabilities-controller.js';
import {detectBrowser} from '../../src/lib/capabilities.js';

/** A window whose cookie jar the test switches on and off, like the browser settings do. */
class FakeWindow extends EventTarget {
  cookiesAllowed = true;
  cookieReads = 0;
  navigator = {userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15', maxTouchPoints: 0};
  private data = new Map<string, string>();
  document: EventTarget & {cookie: string; visibilityState: DocumentVisibilityState};

  constructor() {
    super();
    const jar = new Map<string, string>();
    const doc = new EventTarget() as FakeWindow['document'];
    let visibility: DocumentVisibilityState = 'visible';
    Object.defineProperties(doc, {
      cookie: {
        get: () => {
          this.cookieReads++;
          return [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
        },
        set: (value: string) => {
          if (!this.cookiesAllowed) return;
          const [pair, ...attrs] = value.split(';');
          const [k, v] = pair.split('=');
          if (attrs.some((a) => a.trim() === 'max-age=0')) jar.delete(k);
          else jar.set(k, v);
        },
      },
      visibilityState: {get: () => visibility, set: (v: DocumentVisibilityState) => (visibility = v)},
    });
    this.document = doc;
  }

  get localStorage() {
    return this.storage();
  }

  get sessionStorage() {
    return this.storage();
  }

  private storage(): Storage {
    const data = this.data;
    return {
      setItem: (k: string, v: string) => {
        if (!this.cookiesAllowed) throw new DOMException('Access is denied', 'SecurityError');
        data.set(k, v);
      },
      getItem: (k: string) => data.get(k) ?? null,
      removeItem: (k: string) => void data.delete(k),
    } as unknown as Storage;
  }
}

let controllerOptions: CapabilitiesControllerOptions = {};

class CapabilitiesHost extends LitElement {
  capabilities = new CapabilitiesController(this, controllerOptions);
  renders = 0;
  override render() {
    this.renders++;
    return html`<p>${this.capabilities.value.cookies ? 'cookies on' : 'cookies off'}</p>`;
  }
}
customElements.define('capabilities-host', CapabilitiesHost);

async function mount(win: FakeWindow, onChange?: CapabilitiesControllerOptions['onChange']) {
  controllerOptions = {window: win as unknown as Window, onChange};
  const el = await fixture<CapabilitiesHost>(html`<capabilities-host></capabilities-host>`);
  await el.updateComplete;
  return el;
}

describe('CapabilitiesController', () => {
  afterEach(() => {
    controllerOptions = {};
  });

  describe('initial check', () => {
    it('reports the window it was given', async () => {
      const win = new FakeWindow();
      const el = await mount(win);
      expect(el.capabilities.value.cookies).to.equal(true);
      expect(el.capabilities.value.browser.family).to.equal('safari-mac');
      expect(el.shadowRoot!.textContent).to.contain('cookies on');
    });

    it('reports blocked cookies on first render', async () => {
      const win = new FakeWindow();
      win.cookiesAllowed = false;
      const el = await mount(win);
      expect(el.capabilities.value.cookies).to.equal(false);
      expect(el.capabilities.value.storage).to.deep.equal({local: false, session: false});
      expect(el.shadowRoot!.textContent).to.contain('cookies off');
    });

    it('inspects the page window by default', async () => {
      const el = await fixture<CapabilitiesHost>(html`<capabilities-host></capabilities-host>`);
      expect(el.capabilities.value.cookies).to.equal(true);
      expect(el.capabilities.value.browser).to.deep.equal(detectBrowser(navigator));
    });
  });

  describe('re-checks', () => {
    it('re-renders when cookies were turned off and the page is shown again', async () => {
      const win = new FakeWindow();
      const el = await mount(win);
      win.cookiesAllowed = false;
      win.dispatchEvent(new Event('pageshow'));
      await el.updateComplete;
      expect(el.capabilities.value.cookies).to.equal(false);
      expect(el.shadowRoot!.textContent).to.contain('cookies off');
    });

    it('re-renders when the visitor comes back to the tab with cookies turned on', async () => {
      const win = new FakeWindow();
      win.cookiesAllowed = false;
      const el = await mount(win);
      win.cookiesAllowed = true;
      win.document.dispatchEvent(new Event('visibilitychange'));
      await el.updateComplete;
      expect(el.capabilities.value.cookies).to.equal(true);
      expect(el.capabilities.value.storage.local).to.equal(true);
      expect(el.shadowRoot!.textContent).to.contain('cookies on');
    });

    it('does not check while the tab is hidden', async () => {
      const win = new FakeWindow();
      const el = await mount(win);
      win.document.visibilityState = 'hidden';
      win.cookiesAllowed = false;
      const reads = win.cookieReads;
      win.document.dispatchEvent(new Event('visibilitychange'));
      await el.updateComplete;
      expect(win.cookieReads).to.equal(reads);
      expect(el.capabilities.value.cookies).to.equal(true);
    });

    it('does not re-render when nothing changed', async () => {
      const win = new FakeWindow();
      const el = await mount(win);
      const renders = el.renders;
      win.dispatchEvent(new Event('pageshow'));
      await el.updateComplete;
      expect(el.renders).to.equal(renders);
    });

    it('calls onChange with the new capabilities', async () => {
      const win = new FakeWindow();
      const seen: boolean[] = [];
      await mount(win, (caps) => seen.push(caps.cookies));
      win.cookiesAllowed = false;
      win.dispatchEvent(new Event('pageshow'));
      expect(seen).to.deep.equal([false]);
    });

    it('says whether check() found a change', async () => {
      const win = new FakeWindow();
      const el = await mount(win);
      expect(el.capabilities.check()).to.equal(false);
      win.cookiesAllowed = false;
      expect(el.capabilities.check()).to.equal(true);
    });
  });

  describe('lifecycle', () => {
    it('stops listening when the host disconnects', async () => {
      const win = new FakeWindow();
      const el = await mount(win);
      el.remove();
      const reads = win.cookieReads;
      win.dispatchEvent(new Event('pageshow'));
      win.document.dispatchEvent(new Event('visibilitychange'));
      expect(win.cookieReads).to.equal(reads);
    });

    it('listens again when the host reconnects', async () => {
      const win = new FakeWindow();
      const el = await mount(win);
      const parent = el.parentElement!;
      el.remove();
      parent.append(el);
      win.cookiesAllowed = false;
      win.dispatchEvent(new Event('pageshow'));
      expect(el.capabilities.value.cookies).to.equal(false);
    });

    it('checks again on reconnect', async () => {
      const win = new FakeWindow();
      const el = await mount(win);
      const parent = el.parentElement!;
      el.remove();
      win.cookiesAllowed = false;
      parent.append(el);
      expect(el.capabilities.value.cookies).to.equal(false);
    });

    it('does nothing but check when the window has no event listeners', async () => {
      const bare = {document: {get cookie() { return ''; }}, navigator: {}} as unknown as Window;
      const warn = console.warn;
      const warnings: unknown[] = [];
      console.warn = (...args: unknown[]) => warnings.push(args);
      try {
        controllerOptions = {window: bare};
        const el = await fixture<CapabilitiesHost>(html`<capabilities-host></capabilities-host>`);
        await fixture<CapabilitiesHost>(html`<capabilities-host></capabilities-host>`);
        expect(el.capabilities.value.cookies).to.equal(false);
        el.remove();
        expect(warnings).to.have.length(1);
      } finally {
        console.warn = warn;
      }
    });
  });
});
