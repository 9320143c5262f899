// 200% zoom (WCAG 1.4.4 Resize Text, 1.4.10 Reflow): a 1280 px wide window at 200% is a 640 CSS
// px viewport, which setViewport() gives in all three engines. Every element, in its fullest
// state (guidance with every notice, all disclosures open, long warnings, the support box), must
// fit: no horizontal scrolling of the page, and no text container whose text is wider than its
// box (cut off, or spilling over its neighbours). 320 px (400%) is checked as well.
import {expect, fixture, html, oneEvent, waitUntil} from '@open-wc/testing';
import {setViewport} from '@web/test-runner-commands';
import '../../src/components/error-help/error-help.js';
import '../../src/components/login-form/login-form.js';
import '../../src/components/maintenance-notice/maintenance-notice.js';
import '../../src/components/password-field/password-field.js';
import '../../src/components/user-id-field/user-id-field.js';
import type {SonetErrorHelp} from '../../src/components/error-help/error-help.js';
import type {SonetLoginForm} from '../../src/components/login-form/login-form.js';
import type {SonetMaintenanceNotice} from '../../src/components/maintenance-notice/maintenance-notice.js';
import type {SonetPasswordField} from '../../src/components/password-field/password-field.js';
import type {SonetUserIdField} from '../../src/components/user-id-field/user-id-field.js';
import {FAILURE_COUNT_KEY} from '../../src/lib/failure-counter.js';
import {setSonetLocale} from '../../src/localization.js';
import {engine} from '../support/engine.js';
import {jsonResponse, stubFetch} from '../support/fetch-stub.js';

function deepElements(root: ParentNode): Element[] {
  const out: Element[] = [];
  if (root instanceof Element && root.shadowRoot) out.push(...deepElements(root.shadowRoot));
  for (const el of root.querySelectorAll('*')) {
    out.push(el);
    if (el.shadowRoot) out.push(...deepElements(el.shadowRoot));
  }
  return out;
}

function isVisuallyHidden(el: Element): boolean {
  for (let e: Element | null = el; e; e = e.parentElement ?? ((e.getRootNode() as ShadowRoot).host ?? null)) {
    const style = getComputedStyle(e);
    if (style.display === 'none' || style.visibility === 'hidden') return true;
    if (style.position === 'absolute' && (parseFloat(style.width) <= 1 || style.clip.startsWith('rect(0') || style.clipPath.startsWith('inset(50%'))) return true;
    if (e instanceof HTMLDetailsElement && !e.open && el !== e && !el.closest('summary')) return true;
  }
  return false;
}

/** The nearest ancestor (or self) that lays out as a block, whose box holds the text. */
function blockOf(el: Element): Element {
  for (let e: Element | null = el; e; e = e.parentElement ?? ((e.getRootNode() as ShadowRoot).host ?? null)) {
    if (!getComputedStyle(e).display.startsWith('inline') || e.localName === 'button' || e.localName === 'a') return e;
  }
  return el;
}

/** Text containers whose text is wider than their box, or that reach past the viewport. */
function clipped(root: Element): string[] {
  const width = document.documentElement.clientWidth;
  const problems: string[] = [];
  for (const el of [root, ...deepElements(root)]) {
    if (el.localName === 'input' || el.localName === 'textarea' || el.localName === 'style') continue;
    const hasText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim());
    if (!hasText || isVisuallyHidden(el)) continue;
    const box = blockOf(el);
    const label = `<${el.localName}${el.getAttribute('part') ? ` part=${el.getAttribute('part')}` : ''}${el.className && typeof el.className === 'string' ? ` class=${el.className}` : ''}> "${el.textContent!.trim().slice(0, 30)}"`;
    if (box.scrollWidth > box.clientWidth + 1 && box.clientWidth > 0) problems.push(`${label}: text ${box.scrollWidth}px in a ${box.clientWidth}px box`);
    for (const rect of el.getClientRects()) {
      if (rect.right > width + 1 || rect.left < -1) problems.push(`${label}: reaches ${Math.round(rect.left)}–${Math.round(rect.right)} of ${width}px`);
    }
  }
  return problems;
}

const HOUR = 3600_000;

async function fullestStates(): Promise<HTMLElement> {
  const page = await fixture<HTMLElement>(html`<main style="display: block; margin: 0; padding: 8px"></main>`);
  const now = Date.now();
  const feed = {
    version: 1,
    incident: {
      title: {ja: '一部のお客さまで、マイページと So-net Webメールにログインしにくい状態が発生しています', en: 'Some members are having trouble logging in to My Page and So-net Webmail'},
      since: new Date(now - HOUR).toISOString(),
      until: new Date(now + HOUR).toISOString(),
    },
  };
  const notice = document.createElement('sonet-maintenance-notice') as SonetMaintenanceNotice;
  notice.src = `data:application/json,${encodeURIComponent(JSON.stringify(feed))}`;

  const help = document.createElement('sonet-error-help') as SonetErrorHelp;
  help.code = '500';
  help.serverCode = 'E'.repeat(64);
  help.retryAfter = 600;

  const userId = document.createElement('sonet-user-id-field') as SonetUserIdField;
  const password = document.createElement('sonet-password-field') as SonetPasswordField;
  const form = document.createElement('sonet-login-form') as SonetLoginForm;
  form.setAttribute('action', '/api/login');
  page.append(notice, form, userId, password, help);

  await notice.ready;
  await help.ready;
  await help.updateComplete;
  for (const details of help.shadowRoot!.querySelectorAll('details')) details.open = true;

  // Long warnings: a full-width ID with its fix, a long unbroken paste.
  userId.input!.focus();
  document.execCommand('insertText', false, 'ｔａｒｏ＿ｓ＠ａａ２．ｓｏ－ｎｅｔ．ｎｅ．ｊｐ　');
  password.input!.focus();
  document.execCommand('insertText', false, `Il1O0o|${'W'.repeat(300)}`);
  password.revealed = true;
  password.input!.dispatchEvent(new KeyboardEvent('keydown', {key: 'A', modifierCapsLock: true, bubbles: true, composed: true}));

  // The login form after three failed attempts: guidance, lockout notice, checklist.
  sessionStorage.removeItem(FAILURE_COUNT_KEY);
  const fetchStub = stubFetch(() => jsonResponse(401, {code: 'invalid_credentials'}));
  try {
    form.querySelector<HTMLInputElement>('input[autocomplete~="username"]')!.value = 'ｔａｒｏ＿ｓ＠ａａ２';
    for (let i = 0; i < 3; i++) {
      form.querySelector<HTMLInputElement>('input[type="password"]')!.value = 'wrong';
      const failed = oneEvent(form, 'sonet-login-error');
      form.form!.requestSubmit();
      await failed;
      // A member reads the guidance before trying again.
      await waitUntil(() => form.querySelector('sonet-error-help'), 'guidance', {timeout: 5000});
      await form.querySelector<SonetErrorHelp>('sonet-error-help')!.ready;
    }
    // The form does not re-render when its lazily loaded notices arrive after the failure (a bug
    // reported with test/fuzz/form-robustness.test.ts); this layout test needs them rendered.
    await import('../../src/components/login-form/login-form.notices.js');
    form.requestUpdate();
    await waitUntil(() => form.querySelector('[part~="lockout"]'), 'lockout notice', {timeout: 5000});
    const formHelp = form.querySelector<SonetErrorHelp>('sonet-error-help')!;
    await formHelp.ready;
    for (const details of formHelp.shadowRoot!.querySelectorAll('details')) details.open = true;
  } finally {
    fetchStub.restore();
    sessionStorage.removeItem(FAILURE_COUNT_KEY);
  }
  for (const el of [notice, help, userId, password, form]) await el.updateComplete;
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  return page;
}

describe('200% zoom (640 CSS px) and 400% (320 CSS px)', function () {
  this.timeout(30000);

  after(async () => {
    await setViewport({width: 800, height: 600});
    await setSonetLocale('ja');
  });

  for (const width of [640, 320]) {
    // WebKitGTK's MiniBrowser window cannot be narrower than about 447 px (its toolbar), so the
    // 400% case runs in Chromium and Firefox only; 640 px (the 200% of the issue) runs in all.
    const skipHere = width < 447 && engine === 'webkit';

    it(`gives a ${width} CSS px wide viewport in ${engine}`, async function () {
      if (skipHere) this.skip();
      await setViewport({width, height: 900});
      await waitUntil(() => Math.abs(window.innerWidth - width) <= 20, `innerWidth ${window.innerWidth}`, {timeout: 3000});
      expect(document.documentElement.clientWidth).to.be.within(width - 20, width);
    });

    for (const locale of ['ja', 'en'] as const) {
      it(`shows every element without clipped text or sideways scrolling at ${width} px (${locale})`, async function () {
        if (skipHere) this.skip();
        await setViewport({width, height: 900});
        await setSonetLocale(locale);
        await waitUntil(() => Math.abs(window.innerWidth - width) <= 20, `innerWidth ${window.innerWidth}`, {timeout: 3000});
        const page = await fullestStates();
        expect(clipped(page)).to.deep.equal([]);
        expect(document.documentElement.scrollWidth, 'page scrolls sideways').to.be.at.most(document.documentElement.clientWidth);
      });
    }
  }

  it('finds clipped text when there is some (the check itself works)', async () => {
    await setViewport({width: 640, height: 900});
    const bad = await fixture<HTMLElement>(html`<div>
      <p style="width: 100px; white-space: nowrap; overflow: hidden">${'これは長い文です'.repeat(4)}</p>
    </div>`);
    expect(clipped(bad)).to.have.length(1);
  });
});
