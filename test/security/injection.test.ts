// Hostile text from outside — login server bodies, query parameters, status feeds, link
// attributes — is shown as text or ignored: no markup from it ever becomes an element, no
// `javascript:` (or other non-http) URL reaches an href, redirects stay on this origin, and
// bidi-override and zero-width characters cannot reorder or hide what the member reads.
import {expect, fixture, html, oneEvent, waitUntil} from '@open-wc/testing';
import sinon from 'sinon';
import '../../src/components/error-help/error-help.js';
import '../../src/components/login-form/login-form.js';
import '../../src/components/maintenance-notice/maintenance-notice.js';
import type {SonetErrorHelp} from '../../src/components/error-help/error-help.js';
import type {SonetLoginForm} from '../../src/components/login-form/login-form.js';
import type {SonetLoginSuccessEvent} from '../../src/components/login-form/login-form.events.js';
import type {SonetMaintenanceNotice} from '../../src/components/maintenance-notice/maintenance-notice.js';
import {mapLoginResponse, sameOriginRedirect} from '../../src/lib/login-response.js';
import {jsonResponse, stubFetch} from '../support/fetch-stub.js';
import {queryRead} from '../support/login-form.js';

declare global {
  interface Window {
    __injected?: unknown;
  }
}

const PAYLOAD = '<img src=x onerror="window.__injected=1"><script>window.__injected=2</script>';
const BIDI_AND_ZERO_WIDTH = /[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;

/** Every element of `root` and of the shadow roots below it. */
function deepElements(root: ParentNode): Element[] {
  const out: Element[] = [];
  if (root instanceof Element && root.shadowRoot) out.push(...deepElements(root.shadowRoot));
  for (const el of root.querySelectorAll('*')) {
    out.push(el);
    if (el.shadowRoot) out.push(...deepElements(el.shadowRoot));
  }
  return out;
}

function deepText(root: Node): string {
  let text = '';
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) text += (node as Text).data;
    for (const child of node.childNodes) walk(child);
    if (node instanceof Element && node.shadowRoot) walk(node.shadowRoot);
  };
  walk(root);
  return text;
}

/** Nothing from the payload became an element or ran. */
async function expectInert(root: Element): Promise<void> {
  // The one wait for time left: an <img onerror> parsed anywhere, even detached, fails its load
  // and runs the handler a network round trip later; nothing signals that it did not.
  await new Promise((r) => setTimeout(r, 50));
  const injected = deepElements(root).filter((el) => el.localName === 'img' || el.localName === 'script' || el.hasAttribute('onerror'));
  expect(injected.map((el) => el.outerHTML)).to.deep.equal([]);
  expect(window.__injected).to.equal(undefined);
}

const json = jsonResponse;

async function loginForm(attributes = ''): Promise<SonetLoginForm> {
  const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
  // Attributes written as a page would, parsed by the browser (not by a template).
  const el = document.createElement('sonet-login-form');
  for (const [, name, value] of attributes.matchAll(/([a-z-]+)="([^"]*)"/g)) el.setAttribute(name, value);
  wrapper.append(el);
  await el.updateComplete;
  return el;
}

async function submit(el: SonetLoginForm): Promise<void> {
  el.querySelector<HTMLInputElement>('input[autocomplete~="username"]')!.value = 'taro_s@aa2';
  el.querySelector<HTMLInputElement>('input[type="password"]')!.value = 'secret';
  el.form!.requestSubmit();
}

async function failWith(respond: () => Response | Promise<Response>): Promise<SonetLoginForm> {
  stubFetch(respond);
  const el = await loginForm('action="/api/login"');
  const failed = oneEvent(el, 'sonet-login-error');
  await submit(el);
  await failed;
  const help = el.querySelector<SonetErrorHelp>('sonet-error-help')!;
  await help.ready;
  await help.updateComplete;
  return el;
}

describe('hostile text is shown as text or ignored', function () {
  this.timeout(20000);
  afterEach(() => {
    sinon.restore();
    delete window.__injected;
  });

  describe('login server bodies', () => {
    it('finds the code in an HTML error page full of markup, and renders none of it', async () => {
      const el = await failWith(() => new Response(`<h1>${PAYLOAD}</h1><p>コード：SS503</p>`, {status: 503, headers: {'Content-Type': 'text/html'}}));
      expect(el.errorShown).to.equal('SS503');
      await expectInert(el);
    });

    it('shows no JSON code full of markup, and renders none of it', async () => {
      const el = await failWith(() => json(400, {code: '<img src=x onerror=window.__injected=1>', message: PAYLOAD}));
      expect(el.errorShown).to.equal('unknown');
      const help = el.querySelector<SonetErrorHelp>('sonet-error-help')!;
      expect(deepText(help.shadowRoot!)).not.to.contain('onerror');
      await expectInert(el);
    });

    it('drops bidi overrides and zero-width characters from a server code', async () => {
      const el = await failWith(() => json(400, {code: 'e\u202e5\u2066\u200b00\ufeff'}));
      const help = el.querySelector<SonetErrorHelp>('sonet-error-help')!;
      const text = deepText(help.shadowRoot!);
      expect(text).to.contain('e500');
      expect(BIDI_AND_ZERO_WIDTH.test(text)).to.equal(false);
      expect(BIDI_AND_ZERO_WIDTH.test(help.getAttribute('server-code') ?? '')).to.equal(false);
    });

    const serverCodes: Array<[string, string | undefined]> = [
      ['\u202eSS503', 'SS503'],
      ['SS\u200b503', 'SS503'],
      ['\u2067ce500\u2069', 'ce500'],
      ['abc\u202edef', 'abcdef'],
      ['\u200b\u200c\u200d', undefined],
    ];
    for (const [code, expected] of serverCodes) {
      it(`maps the server code ${JSON.stringify(code)} to the text ${JSON.stringify(expected)}`, () => {
        expect(mapLoginResponse({status: 400, body: JSON.stringify({code})}).serverCode).to.equal(expected);
      });
    }
  });

  describe('redirects after a successful login', () => {
    const targets: Array<[string, boolean]> = [
      ['javascript:window.__injected=1', false],
      [' JaVaScRiPt:window.__injected=1', false],
      ['java\tscript:window.__injected=1', false],
      ['data:text/html,<script>window.__injected=1</script>', false],
      ['//evil.example/mypage', false],
      ['/\\evil.example/mypage', false],
      ['https://evil.example/mypage', false],
      [`${location.protocol}//user:pass@${location.host}/mypage`, false],
      [`${location.origin}.evil.example/`, false],
      ['/mypage/', true],
      ['mypage?x=1#top', true],
      [`${location.origin}/mypage/`, true],
    ];
    for (const [target, follows] of targets) {
      it(`${follows ? 'follows' : 'never follows'} ${JSON.stringify(target)}`, async () => {
        stubFetch(() => json(200, {ok: true, redirect: target}));
        const el = await loginForm('action="/api/login"');
        const went: string[] = [];
        (el as unknown as {navigate: (url: string) => void}).navigate = (url) => went.push(url);
        const success = oneEvent(el, 'sonet-login-success') as Promise<SonetLoginSuccessEvent>;
        await submit(el);
        const event = await success;
        if (follows) {
          expect(went).to.deep.equal([new URL(target, location.href).href]);
          expect(new URL(went[0]).origin).to.equal(location.origin);
        } else {
          expect(went).to.deep.equal([]);
          expect(event.redirect).to.equal(null);
        }
        expect(sameOriginRedirect(target, location.href) !== null).to.equal(follows);
        await expectInert(el);
      });
    }
  });

  describe('query parameters', () => {
    let saved = '';
    beforeEach(() => (saved = location.search));
    afterEach(() => history.replaceState(history.state, '', `${location.pathname}${saved}${location.hash}`));

    async function withQuery(query: string): Promise<SonetLoginForm> {
      const params = new URLSearchParams(saved);
      params.set('error', query);
      history.replaceState(history.state, '', `${location.pathname}?${params}${location.hash}`);
      const el = await loginForm('error-param="error"');
      await queryRead(el);
      return el;
    }

    const ignored = [PAYLOAD, 'javascript:window.__injected=1', 'SS503\u202e', '\u202eSS503', 'SS\u200b503', 'x'.repeat(5000), '__proto__', 'constructor'];
    for (const value of ignored) {
      it(`ignores ?error=${JSON.stringify(value.slice(0, 40))}`, async () => {
        const el = await withQuery(value);
        expect(el.errorShown).to.equal(null);
        expect(el.querySelector('sonet-error-help')).to.equal(null);
        expect(deepText(el)).not.to.contain(value.slice(0, 20));
        await expectInert(el);
      });
    }

    for (const [value, code] of [['SS503', 'SS503'], ['ＳＳ５０３', 'SS503'], ['invalid_credentials', 'invalid-credentials']] as const) {
      it(`shows the guidance for ?error=${value}`, async () => {
        const el = await withQuery(value);
        await waitUntil(() => el.errorShown === code, `guidance for ${code}`, {timeout: 5000});
      });
    }
  });

  describe('status feeds', () => {
    it('shows titles and service names with markup and bidi overrides as plain text', async () => {
      const now = Date.now();
      const feed = {
        version: 1,
        incident: {title: {ja: `障害\u202e${PAYLOAD}`, en: PAYLOAD}, since: new Date(now - 3600_000).toISOString()},
        maintenance: [{start: new Date(now - 60_000).toISOString(), end: new Date(now + 60_000).toISOString(), services: [PAYLOAD]}],
      };
      const el = await fixture<SonetMaintenanceNotice>(
        html`<sonet-maintenance-notice src=${`data:application/json,${encodeURIComponent(JSON.stringify(feed))}`}></sonet-maintenance-notice>`
      );
      await el.ready;
      const text = deepText(el.shadowRoot!);
      expect(text).to.contain('<img src=x onerror=');
      expect(/[\u202a-\u202e\u2066-\u2069]/.test(text)).to.equal(false);
      await expectInert(el);
    });
  });

  describe('link attributes', () => {
    const HOSTILE = [
      'javascript:window.__injected=1',
      '  javascript:window.__injected=1',
      'JAVASCRIPT:window.__injected=1',
      'java\tscript:window.__injected=1',
      'java\nscript:window.__injected=1',
      '\u0000javascript:window.__injected=1',
      'data:text/html,<script>window.__injected=1</script>',
      'vbscript:msgbox(1)',
      'blob:https://evil.example/x',
      'file:///etc/passwd',
      '//evil.example/',
      '/\\evil.example/',
      'https://user:pass@evil.example/',
      `https://${'a'.repeat(3000)}.example/`,
    ];
    const SAFE = ['https://support.example/help', 'http://support.example/', '/help/', 'help.html', '?topic=login', '#steps'];

    /** Every href the element renders (light DOM and shadow roots). */
    const hrefs = (el: Element) => deepElements(el).filter((a) => a.hasAttribute('href')).map((a) => a.getAttribute('href')!);
    const isHttpOrRelative = (href: string) => ['http:', 'https:'].includes(new URL(href, 'https://page.example/dir/').protocol) && !href.startsWith('//');

    const elements: Array<[tag: string, attributes: string[], extra: string, prepare?: (el: Element) => Promise<void>]> = [
      ['sonet-error-help', ['reset-href', 'id-change-href', 'login-history-href', 'cache-help-href', 'input-help-href', 'maintenance-href', 'support-href'], 'code="invalid-credentials"', async (el) => (el as SonetErrorHelp).ready],
      ['sonet-login-form', ['reset-href', 'id-change-href', 'login-history-href', 'maintenance-href'], 'error-code="invalid-credentials"', async (el) => {
        await waitUntil(() => el.querySelector('sonet-error-help'), 'guidance', {timeout: 5000});
        await el.querySelector<SonetErrorHelp>('sonet-error-help')!.ready;
      }],
      ['sonet-maintenance-notice', ['info-href'], '', async (el) => {
        const now = Date.now();
        (el as SonetMaintenanceNotice).src = `data:application/json,${encodeURIComponent(JSON.stringify({version: 1, incident: {since: new Date(now - 1000).toISOString()}}))}`;
        await (el as SonetMaintenanceNotice).updateComplete;
        await (el as SonetMaintenanceNotice).ready;
      }],
    ];

    for (const [tag, attributes, extra, prepare] of elements) {
      it(`<${tag}> renders only http(s) or relative hrefs for hostile ${attributes.join(', ')}`, async () => {
        for (const value of HOSTILE) {
          const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
          const el = document.createElement(tag);
          for (const [, name, v] of extra.matchAll(/([a-z-]+)="([^"]*)"/g)) el.setAttribute(name, v);
          for (const attribute of attributes) el.setAttribute(attribute, value);
          wrapper.append(el);
          await (el as unknown as {updateComplete: Promise<unknown>}).updateComplete;
          await prepare?.(el);
          await (el as unknown as {updateComplete: Promise<unknown>}).updateComplete;
          const found = hrefs(el);
          expect(found.length, `${tag} renders links`).to.be.greaterThan(0);
          expect(found.filter((h) => !isHttpOrRelative(h) || h.includes('evil.example') || h.includes('\u0000')), JSON.stringify(value)).to.deep.equal([]);
          await expectInert(el);
        }
      });

      it(`<${tag}> uses http(s) and relative ${attributes[0]} values as given`, async () => {
        for (const value of SAFE) {
          const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
          const el = document.createElement(tag);
          for (const [, name, v] of extra.matchAll(/([a-z-]+)="([^"]*)"/g)) el.setAttribute(name, v);
          el.setAttribute(attributes[0], value);
          wrapper.append(el);
          await (el as unknown as {updateComplete: Promise<unknown>}).updateComplete;
          await prepare?.(el);
          await (el as unknown as {updateComplete: Promise<unknown>}).updateComplete;
          expect(hrefs(el), JSON.stringify(value)).to.include(value);
        }
      });
    }
  });

  describe('attributes with markup', () => {
    it('renders an error-code attribute full of markup as inert text with the general guidance', async () => {
      const el = await loginForm(`error-code="${PAYLOAD.replace(/"/g, "'")}"`);
      await waitUntil(() => el.querySelector('sonet-error-help'), 'guidance', {timeout: 5000});
      await el.querySelector<SonetErrorHelp>('sonet-error-help')!.ready;
      expect(el.errorShown).to.equal('unknown');
      await expectInert(el);
    });
  });
});
