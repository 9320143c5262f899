// The password never leaves the input except where the host asked for it. A marker password is
// typed with real key presses (sendKeys) and every flow is run — success, every failure code,
// reveal and hide, an autofilled attempt, the lockout notice, the native post, the host-handled
// submit — while test/security/leak-probe.ts watches the DOM (attributes and text, shadow roots
// included), dispatched events, the console, web storage, cookies, URLs and history, requests and
// navigations. The marker may appear only in `sonet-login-submit`'s FormData (the host's opt-in)
// and in the login request body itself. The failure counter stores a number only. A revealed
// password is hidden again before a submit is read and on pagehide.
import {expect, fixture, html, oneEvent, waitUntil} from '@open-wc/testing';
import {executeServerCommand, sendKeys} from '@web/test-runner-commands';
import sinon from 'sinon';
import '../../src/components/login-form/login-form.js';
import '../../src/components/password-field/password-field.js';
import type {SonetLoginForm} from '../../src/components/login-form/login-form.js';
import type {SonetLoginErrorEvent, SonetLoginSubmitEvent} from '../../src/components/login-form/login-form.events.js';
import type {SonetPasswordField} from '../../src/components/password-field/password-field.js';
import {FAILURE_COUNT_KEY} from '../../src/lib/failure-counter.js';
import {jsonResponse, stubFetch} from '../support/fetch-stub.js';
import {pageFormWithSink} from '../support/login-form.js';
import {LeakProbe, containsAny, encodings} from './leak-probe.js';

/** Typed with real key presses; distinctive enough that no page text contains it by chance. */
const MARKER = 'Zq7-Leak-Pw9x';
const USER_ID = 'leak_test@aa2';

const json = jsonResponse;
const htmlPage = (status: number, body: string) => new Response(body, {status, headers: {'Content-Type': 'text/html; charset=utf-8'}});

/** Answers every login request with `respond`; records the request bodies (where the marker belongs). */
function stubLogin(respond: (init: RequestInit) => Response | Promise<Response>): string[] {
  const bodies: string[] = [];
  stubFetch(({init}) => {
    bodies.push(String(init.body));
    return respond(init);
  });
  return bodies;
}

const userIdInput = (el: Element) => el.querySelector<HTMLInputElement>('input[autocomplete~="username"]')!;
const passwordInput = (el: Element) => el.querySelector<HTMLInputElement>('input[type="password"], input[data-sonet-revealed]')!;
const toggle = (el: Element) => el.querySelector<HTMLButtonElement>('[part~="toggle"]')!;
const submitButton = (el: SonetLoginForm) => el.form!.querySelector<HTMLElement>('button[type="submit"], button:not([type]), input[type="submit"]')!;

/** After a failure the form moves focus to the guidance heading; a member types again after that. */
async function guidanceFocused(el: SonetLoginForm): Promise<void> {
  await waitUntil(() => el.querySelector('sonet-error-help')?.shadowRoot?.activeElement, 'focus on the guidance', {timeout: 5000});
}

async function typeMarker(input: HTMLInputElement): Promise<void> {
  input.focus();
  await sendKeys({type: MARKER});
}

async function mountForm(attributes: {action?: string; timeout?: string; native?: boolean} = {}): Promise<{el: SonetLoginForm; went: string[]}> {
  const el = await fixture<SonetLoginForm>(
    html`<sonet-login-form action=${attributes.action ?? ''} timeout=${attributes.timeout ?? '15000'} ?native=${attributes.native}></sonet-login-form>`
  );
  const went: string[] = [];
  (el as unknown as {navigate: (url: string) => void}).navigate = (url) => went.push(url);
  return {el, went};
}

/** Types the ID and the marker password, shows the password, and submits. */
async function attempt(el: SonetLoginForm, reveal = true): Promise<void> {
  userIdInput(el).focus();
  await sendKeys({type: USER_ID});
  await typeMarker(passwordInput(el));
  if (reveal) toggle(el).click();
  await el.updateComplete;
  submitButton(el).click();
}

describe('the password never leaks', function () {
  this.timeout(20000);
  before(() => executeServerCommand('emulate-focus'));

  let probe: LeakProbe;
  beforeEach(() => {
    sessionStorage.removeItem(FAILURE_COUNT_KEY);
  });
  afterEach(() => {
    probe?.uninstall();
    sinon.restore();
  });

  /** Installs the probe (after any fetch stub, so it sees the requests). */
  function watch(): LeakProbe {
    probe = new LeakProbe();
    probe.install();
    return probe;
  }

  describe('the probe', () => {
    it('finds a marker in each place it watches', async () => {
      const p = watch();
      const host = await fixture(html`<div></div>`);
      const shadow = host.attachShadow({mode: 'open'});
      shadow.append(Object.assign(document.createElement('span'), {title: `x${MARKER}`}));
      host.dispatchEvent(new CustomEvent('sonet-anything', {detail: {nested: [MARKER]}}));
      console.debug('value', encodeURIComponent(MARKER));
      sessionStorage.setItem('probe-test', btoa(MARKER));
      history.replaceState(history.state, '', `${location.pathname}${location.search}#${MARKER}`);
      try {
        const found = p.findings(MARKER);
        expect(found.some((f) => f.startsWith('DOM:') && f.includes('shadow'))).to.equal(true);
        expect(found).to.include.members(['event sonet-anything on div', 'console.debug', 'sessionStorage probe-test', 'location.href']);
        expect(found.some((f) => f.startsWith('history entry'))).to.equal(true);
      } finally {
        sessionStorage.removeItem('probe-test');
        history.replaceState(history.state, '', `${location.pathname}${location.search}`);
      }
    });
  });

  describe('<sonet-password-field>', () => {
    it('keeps it out of everything through typing, reveal, Caps Lock, blur, submit, reset and pagehide', async () => {
      const p = watch();
      const form = await fixture<HTMLFormElement>(html`<form>
        <sonet-password-field name="password" reveal-timeout="30"></sonet-password-field>
        <button>送信</button>
        <input aria-label="other" />
      </form>`);
      form.addEventListener('submit', (e) => e.preventDefault());
      const el = form.querySelector<SonetPasswordField>('sonet-password-field')!;
      const input = el.input!;
      await typeMarker(input);
      input.dispatchEvent(new KeyboardEvent('keydown', {key: 'A', modifierCapsLock: true, bubbles: true, composed: true}));
      toggle(el).click();
      await el.updateComplete;
      expect(input.type).to.equal('text');
      await sendKeys({type: ' Il1'});
      form.querySelector<HTMLInputElement>('input[aria-label="other"]')!.focus();
      await waitUntil(() => input.type === 'password', 'hidden after blur', {timeout: 5000});
      toggle(el).click();
      form.requestSubmit();
      expect(new FormData(form).get('password')).to.equal(`${MARKER} Il1`);
      dispatchEvent(new PageTransitionEvent('pagehide'));
      await el.updateComplete;
      expect(p.findings(MARKER)).to.deep.equal([]);
      form.reset();
      await el.updateComplete;
      expect(p.findings(MARKER)).to.deep.equal([]);
    });
  });

  describe('<sonet-password-field>, posted by the page', () => {
    it('never puts it in a URL when its form has no method (a GET form)', async () => {
      const page = await fixture<HTMLDivElement>(html`<div>
        <iframe name="leak-sink-field" title="sink"></iframe>
        <form action="/__security/landing" target="leak-sink-field">
          <sonet-password-field name="password"></sonet-password-field>
          <button>送信</button>
        </form>
      </div>`);
      const sink = page.querySelector('iframe')!;
      const el = page.querySelector<SonetPasswordField>('sonet-password-field')!;
      await typeMarker(el.input!);
      page.querySelector<HTMLButtonElement>('form > button')!.click();
      await waitUntil(() => sink.contentDocument?.title === 'landing', 'the post landed in the frame', {timeout: 5000});
      expect(sink.contentWindow!.location.pathname).to.equal('/__security/landing');
      expect(sink.contentWindow!.location.search, 'posted, nothing in the URL').to.equal('');
    });
  });

  describe('<sonet-login-form>', () => {
    it('keeps it out of everything after a successful login', async () => {
      const bodies = stubLogin(() => json(200, {ok: true, redirect: '/mypage/'}));
      const p = watch();
      const {el, went} = await mountForm({action: '/api/login'});
      const success = oneEvent(el, 'sonet-login-success');
      await attempt(el);
      await success;
      p.navigations.push(...went);
      expect(went).to.have.length(1);
      expect(bodies[0]).to.contain(encodeURIComponent(MARKER)); // sent where it belongs, in the POST body
      expect(p.findings(MARKER)).to.deep.equal([]);
    });

    const failures: Array<[code: string, respond: (init: RequestInit) => Response | Promise<Response>, timeout?: string]> = [
      ['invalid-credentials', () => json(401, {code: 'invalid_credentials', message: 'ユーザーID や ユーザーIDパスワードが正しくありません'})],
      ['SS503', () => htmlPage(503, '<h1>エラー</h1><p>コード：SS503</p>')],
      ['ce500', () => json(500, {code: 'ce500'})],
      ['500', () => htmlPage(500, '<p>エラーが発生しました コード:500</p>')],
      ['locked', () => json(423, {code: 'locked'}, {'Retry-After': '3600'})],
      ['maintenance', () => json(503, {code: 'maintenance'}, {'Retry-After': '600'})],
      ['network (offline)', () => Promise.reject(new TypeError('Failed to fetch'))],
      [
        'network (timeout)',
        (init) => new Promise<Response>((_, reject) => init.signal?.addEventListener('abort', () => reject(init.signal!.reason))),
        '100',
      ],
      ['unknown', () => json(400, {error: 'E_WHATEVER'})],
      // A server that echoes the form back must not make the page show it.
      ['a server echoing the password', () => json(401, {code: MARKER, message: `password ${MARKER} is incorrect`, redirect: `/?p=${MARKER}`})],
    ];
    for (const [code, respond, timeout] of failures) {
      it(`keeps it out of everything after a failure: ${code}`, async () => {
        stubLogin(respond);
        const p = watch();
        const {el, went} = await mountForm({action: '/api/login', timeout});
        const failed = oneEvent(el, 'sonet-login-error');
        await attempt(el);
        await failed;
        const help = el.querySelector<HTMLElement & {ready: Promise<void>}>('sonet-error-help');
        await help?.ready;
        await el.updateComplete;
        p.navigations.push(...went);
        expect(passwordInput(el).value, 'password cleared').to.equal('');
        expect(p.findings(MARKER)).to.deep.equal([]);
      });
    }

    it('keeps it out of the lockout notice and the failure counter after repeated failures', async () => {
      stubLogin(() => json(401, {code: 'invalid_credentials'}));
      const p = watch();
      const {el} = await mountForm({action: '/api/login'});
      for (let i = 0; i < 3; i++) {
        const failed = oneEvent(el, 'sonet-login-error');
        if (i === 0) await attempt(el, false);
        else {
          await typeMarker(passwordInput(el));
          submitButton(el).click();
        }
        await failed;
        await guidanceFocused(el);
      }
      await el.updateComplete;
      expect(el.querySelector('[part~="lockout"]'), 'lockout notice shown').to.exist;
      const stored = sessionStorage.getItem(FAILURE_COUNT_KEY);
      expect(stored).to.match(/^\d+$/);
      expect(Number(stored)).to.be.at.least(3);
      // The counter is the only thing the form stores.
      const keys = Array.from({length: sessionStorage.length}, (_, i) => sessionStorage.key(i));
      const local = Array.from({length: localStorage.length}, (_, i) => localStorage.key(i));
      expect(containsAny([keys, local, keys.map((k) => sessionStorage.getItem(k!))], [...encodings(MARKER), USER_ID])).to.equal(false);
      expect(p.findings(MARKER)).to.deep.equal([]);
    });

    it('keeps it out of everything after an autofilled attempt (the type-by-hand hint)', async () => {
      stubLogin(() => json(401, {code: 'invalid_credentials'}));
      const p = watch();
      const {el} = await mountForm({action: '/api/login'});
      // What a password manager does: values set without key presses, then an input event.
      for (const [input, value] of [[userIdInput(el), USER_ID], [passwordInput(el), MARKER]] as const) {
        input.value = value;
        input.dispatchEvent(new Event('input', {bubbles: true}));
      }
      const failed = oneEvent(el, 'sonet-login-error');
      submitButton(el).click();
      await failed;
      await el.updateComplete;
      expect(el.querySelector('[part~="autofill"]'), 'autofill hint shown').to.exist;
      expect(p.findings(MARKER)).to.deep.equal([]);
    });

    it('hands it only to the host that asked, in sonet-login-submit', async () => {
      const p = watch();
      const {el} = await mountForm();
      let data: FormData | undefined;
      el.addEventListener('sonet-login-submit', (event: SonetLoginSubmitEvent) => {
        data = event.formData;
        void Promise.resolve().then(() => el.showError('invalid_credentials'));
      });
      const failed = oneEvent(el, 'sonet-login-error');
      await attempt(el);
      await failed;
      await el.updateComplete;
      expect(data?.get('password'), 'the host got the password').to.equal(MARKER);
      expect(p.events.filter((e) => e.type === 'sonet-login-submit')).to.have.length(1);
      expect(p.findings(MARKER)).to.deep.equal([]);
    });

    it('lets the browser post it natively, in the body only, after hiding it', async () => {
      const p = watch();
      const sink = Object.assign(document.createElement('iframe'), {name: 'leak-sink', title: 'sink'});
      document.body.append(sink);
      try {
        const {el} = await mountForm({action: '/__security/landing', native: true});
        el.form!.target = 'leak-sink';
        let typeAtSubmit = '';
        const onSubmit = () => (typeAtSubmit = passwordInput(el).type);
        addEventListener('submit', onSubmit);
        await attempt(el);
        removeEventListener('submit', onSubmit);
        expect(typeAtSubmit, 'hidden before the browser reads the form').to.equal('password');
        expect(el.form!.method).to.equal('post');
        await waitUntil(() => sink.contentDocument?.title === 'landing', 'the post landed in the frame', {timeout: 5000});
        expect(sink.contentWindow!.location.pathname, 'the frame landed without a query').to.equal('/__security/landing');
        expect(sink.contentWindow!.location.search).to.equal('');
        expect(p.findings(MARKER)).to.deep.equal([]);
      } finally {
        sink.remove();
      }
    });

    it('never puts it in a URL, even when the page wrote method="get"', async () => {
      const p = watch();
      const sink = Object.assign(document.createElement('iframe'), {name: 'leak-sink-get', title: 'sink'});
      document.body.append(sink);
      try {
        const el = await fixture<SonetLoginForm>(html`<sonet-login-form native>
          <form method="get" action="/__security/landing" target="leak-sink-get">
            <label for="gu">ユーザーID</label><input id="gu" name="user_id" autocomplete="username" />
            <label for="gp">ユーザーIDパスワード</label><input id="gp" name="password" type="password" autocomplete="current-password" />
            <button>ログイン</button>
          </form>
        </sonet-login-form>`);
        const frameUrl = () => {
          try {
            return sink.contentWindow?.location.href ?? '';
          } catch {
            return '(cross-origin)';
          }
        };
        let submitted = false;
        el.form!.addEventListener('submit', () => (submitted = true));
        await attempt(el, false);
        expect(submitted, 'the form was submitted').to.equal(true);
        // Wait for the browser's navigation of the target frame (or a second, if it never goes).
        await waitUntil(() => /landing/.test(frameUrl()), '', {timeout: 1000}).catch(() => {});
        p.navigations.push(frameUrl());
        for (const entry of performance.getEntriesByType('navigation')) p.navigations.push(entry.name);
        expect(p.findings(MARKER)).to.deep.equal([]);
      } finally {
        sink.remove();
      }
    });
  });

  describe('<sonet-login-form>, where the page or its server goes wrong', () => {
    it('never puts it in a URL when a handler of the page stops the submit event', async () => {
      // The form's own listeners never see the event; the GET form is still posted.
      const {el, landed} = await pageFormWithSink({
        sink: 'leak-sink-stop',
        action: '/__security/api/login',
        formAction: '/__security/landing',
        onSubmit: (event) => event.stopPropagation(),
      });
      await attempt(el, false);
      expect((await landed()).search, 'posted, nothing in the URL').to.equal('');
    });

    it('sends neither it nor the CSRF token on when its own origin redirects elsewhere', async () => {
      // The endpoint answers 307 to another origin that lets everyone in (an open redirect, a
      // misrouted proxy): the browser must stop at the origin's edge.
      const meta = Object.assign(document.createElement('meta'), {name: 'csrf-token', content: 'csrf-must-stay'});
      document.head.append(meta);
      try {
        const id = Math.random().toString(36).slice(2);
        const {el, went} = await mountForm({action: `/__security/redirect-away?id=${id}`});
        let succeeded = false;
        el.addEventListener('sonet-login-success', () => (succeeded = true));
        const failed = oneEvent(el, 'sonet-login-error') as Promise<SonetLoginErrorEvent>;
        await attempt(el, false);
        expect((await failed).code).to.equal('network');
        const reached = await (await fetch(`/__security/recorded?id=${id}`)).json();
        expect(reached, 'nothing reached the other origin').to.deep.equal([]);
        expect(succeeded, "the other origin's answer is no login").to.equal(false);
        expect(went).to.deep.equal([]);
      } finally {
        meta.remove();
      }
    });
  });

  describe('reveal', () => {
    it('hides a shown password on a real pagehide (the page navigates away)', async () => {
      // A page of its own in an iframe (the library loaded there), so it can really be left.
      const frame = Object.assign(document.createElement('iframe'), {title: 'pagehide'});
      const loaded = new Promise((r) => frame.addEventListener('load', r, {once: true}));
      frame.src = '/__security/csp/pagehide.html';
      document.body.append(frame);
      try {
        await loaded;
        const win = frame.contentWindow as Window & typeof globalThis & {cspPage?: unknown};
        await waitUntil(() => win.cspPage, 'the page started', {timeout: 15000});
        const doc = win.document;
        const field = doc.createElement('sonet-password-field') as SonetPasswordField;
        doc.body.append(field);
        await field.updateComplete;
        field.input!.focus();
        doc.execCommand('insertText', false, MARKER);
        field.revealed = true;
        await field.updateComplete;
        expect(field.input!.type).to.equal('text');
        let typeAtPagehide = '';
        // Added after the library's listener, so it sees what the library left.
        win.addEventListener('pagehide', () => (typeAtPagehide = field.input!.type));
        const left = new Promise((r) => frame.addEventListener('load', r, {once: true}));
        win.location.href = 'about:blank';
        await left;
        expect(typeAtPagehide).to.equal('password');
      } finally {
        frame.remove();
      }
    });

    it('hides the shown password before a submit is read, and on pagehide', async () => {
      stubLogin(() => json(401, {code: 'invalid_credentials'}));
      const {el} = await mountForm({action: '/api/login'});
      userIdInput(el).focus();
      await sendKeys({type: USER_ID});
      await typeMarker(passwordInput(el));
      toggle(el).click();
      await el.updateComplete;
      const input = passwordInput(el);
      expect(input.type).to.equal('text');
      let typeAtSubmit = '';
      const onSubmit = () => (typeAtSubmit = input.type);
      el.form!.addEventListener('submit', onSubmit);
      const failed = oneEvent(el, 'sonet-login-error');
      submitButton(el).click();
      el.form!.removeEventListener('submit', onSubmit);
      expect(typeAtSubmit).to.equal('password');
      await failed;
      await guidanceFocused(el);

      await typeMarker(input);
      toggle(el).click();
      await el.updateComplete;
      expect(input.type).to.equal('text');
      dispatchEvent(new PageTransitionEvent('pagehide', {persisted: true}));
      expect(input.type).to.equal('password');
      await el.updateComplete;
      expect(toggle(el).getAttribute('aria-pressed')).to.equal('false');
    });
  });
});
