/**
 * The script of the strict-CSP test page (`/__security/csp/<name>.html`, served with
 * `script-src 'self'; style-src 'self'; require-trusted-types-for 'script'` by
 * test/plugins/security-plugin.mjs). Loaded as the page's only script; it imports the whole
 * library from the same dev server and offers `window.cspPage`, which test/security/csp.test.ts
 * drives from the parent page: every element is rendered and used, and every
 * `securitypolicyviolation` is recorded.
 *
 * Not a test file itself (no `.test.ts`): the runner does not load it on its own.
 */
import '../../src/index.js';
import {LOGIN_ERROR_CODES} from '../../src/lib/login-response.js';
import {setSonetLocale} from '../../src/localization.js';

/** One recorded violation. */
export interface Violation {
  directive: string;
  blocked: string;
  sample: string;
  source: string;
}

/** What a canary check found about the policy of this page. */
export interface CanaryResult {
  /** An inline `<style>` element was refused (style-src 'self' is enforced). */
  styleBlocked: boolean;
  /** An inline `<script>` element was refused (script-src 'self' is enforced). */
  scriptBlocked: boolean;
  /** `innerHTML` with a plain string: refused (`enforced`), or the engine has no Trusted Types. */
  trustedTypes: 'enforced' | 'not-enforced' | 'unsupported';
  /** The directives of the violations the canaries caused. */
  directives: string[];
}

/** The elements the page can exercise. */
export type CspScenario = 'error-help' | 'maintenance-notice' | 'user-id-field' | 'password-field' | 'login-form';

/** The API the test drives (`iframe.contentWindow.cspPage`). */
export interface CspPage {
  violations: Violation[];
  canaries(): Promise<CanaryResult>;
  clear(): void;
  /** Renders and uses the element; resolves to what was checked, rejects when it did not work. */
  exercise(scenario: CspScenario): Promise<string[]>;
}

declare global {
  interface Window {
    cspPage?: CspPage;
    /** Set by the canary inline script if it ever ran (it must not). */
    cspInlineRan?: boolean;
  }
}

const violations: Violation[] = [];
document.addEventListener('securitypolicyviolation', (event) => {
  violations.push({
    directive: event.effectiveDirective || event.violatedDirective,
    blocked: String(event.blockedURI ?? ''),
    sample: String(event.sample ?? ''),
    source: `${event.sourceFile ?? ''}:${event.lineNumber ?? ''}`,
  });
});

const stage = document.getElementById('stage')!;
const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function until(what: string, condition: () => boolean, timeout = 5000): Promise<void> {
  const end = performance.now() + timeout;
  while (!condition()) {
    if (performance.now() > end) throw new Error(`timed out waiting for: ${what}`);
    await wait(20);
  }
}

function check(what: string, ok: boolean, checks: string[], detail = ''): void {
  if (!ok) throw new Error(`did not work: ${what}${detail ? ` (${detail})` : ''}`);
  checks.push(what);
}

/** Types as an IME or a paste commits text: through the editing pipeline (real input events). */
function insert(input: HTMLInputElement, text: string): void {
  input.focus();
  document.execCommand('insertText', false, text);
}

/** Builds an element with attributes and children (no markup strings anywhere on this page). */
function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  ...children: Array<Node | string>
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  el.append(...children);
  return el;
}

function mount<T extends Element>(el: T): T {
  stage.append(el);
  return el;
}

interface TrustedTypePolicyLike {
  createScript(s: string): unknown;
}
const trustedTypes = (window as unknown as {trustedTypes?: {createPolicy(name: string, rules: object): TrustedTypePolicyLike}})
  .trustedTypes;

const text = (root: ParentNode | null | undefined) => (root?.textContent ?? '').replace(/\s+/g, ' ').trim();
const HOUR = 3600_000;

async function exerciseErrorHelp(checks: string[]): Promise<void> {
  for (const code of LOGIN_ERROR_CODES) {
    const el = mount(h('sonet-error-help', {code, 'retry-after': '90', 'server-code': 'X-1'}));
    await el.ready;
    const root = el.shadowRoot!;
    check(`${code}: heading and steps`, text(root.querySelector('[part~="heading"]')) !== '' && !!root.querySelector('ol'), checks);
    root.querySelector<HTMLButtonElement>('[part~="copy-button"]')?.click();
    const details = root.querySelector('details');
    if (details) details.open = !details.open;
    await wait(10);
    el.remove();
  }
  const el = mount(h('sonet-error-help', {code: 'SS503', 'retry-after': '1'}));
  await el.ready;
  await setSonetLocale('en');
  await el.updateComplete;
  check('switches to English', /restricted|temporarily/i.test(text(el.shadowRoot)), checks);
  await setSonetLocale('ja');
  await until('countdown ends', () => /もう一度ログインをお試しいただけます/.test(text(el.shadowRoot)), 4000);
  check('counts down to the end', true, checks);
  el.remove();
}

async function exerciseMaintenanceNotice(checks: string[]): Promise<void> {
  const now = Date.now();
  const feeds = {
    incident: {version: 1, incident: {title: {ja: '障害 <b>x</b>', en: 'Outage'}, since: new Date(now - HOUR).toISOString()}},
    maintenance: {version: 1, maintenance: [{start: new Date(now - HOUR).toISOString(), end: new Date(now + HOUR).toISOString(), services: ['マイページ']}]},
    upcoming: {version: 1, maintenance: [{start: new Date(now + HOUR).toISOString(), end: new Date(now + 2 * HOUR).toISOString()}]},
  };
  for (const [kind, feed] of Object.entries(feeds)) {
    const el = mount(h('sonet-maintenance-notice'));
    el.src = `data:application/json,${encodeURIComponent(JSON.stringify(feed))}`;
    await el.updateComplete;
    await el.ready;
    check(`${kind}: shown`, !el.hidden && el.notice?.kind === kind && !!el.shadowRoot!.querySelector('section'), checks);
    el.remove();
  }
}

async function exerciseUserIdField(checks: string[]): Promise<void> {
  const el = h('sonet-user-id-field', {name: 'user_id', required: ''});
  const form = mount(h('form', {}, el));
  await el.updateComplete;
  const input = el.input!;
  insert(input, 'ｔａｒｏ＿ｓ＠ａａ２．ｓｏ－ｎｅｔ．ｎｅ．ｊｐ');
  await el.updateComplete;
  check('warns about full-width text', !!el.querySelector('[data-code="full-width"]'), checks);
  el.querySelector<HTMLButtonElement>('[part~="fix"]')!.click();
  await el.updateComplete;
  check('applies the fix', input.value === 'taro_s@aa2', checks);
  input.select();
  insert(input, 'たろう');
  // The romaji suggestion loads wanakana with a dynamic import.
  await until('romaji suggestion', () => !!el.querySelector('[part~="fix"]') && /tarou/.test(text(el.querySelector('[part~="fix"]'))));
  check('suggests romaji for kana', true, checks);
  input.blur();
  await el.updateComplete;
  form.remove();
}

async function exercisePasswordField(checks: string[]): Promise<void> {
  const el = h('sonet-password-field', {name: 'password', 'reveal-timeout': '50'});
  const form = mount(h('form', {}, el, h('button', {}, '送信')));
  form.addEventListener('submit', (event) => event.preventDefault());
  await el.updateComplete;
  const input = el.input!;
  insert(input, 'pASSWORD1 ');
  input.dispatchEvent(new KeyboardEvent('keydown', {key: 'A', modifierCapsLock: true, bubbles: true, composed: true}));
  await el.updateComplete;
  check('warns about Caps Lock and the case pattern', !!el.querySelector('[data-code="caps-lock"]') && !!el.querySelector('[data-code="caps-lock-pattern"]'), checks);
  el.querySelector<HTMLButtonElement>('[part~="toggle"]')!.click();
  await el.updateComplete;
  check('reveals the password', input.type === 'text' && el.revealed, checks);
  form.requestSubmit();
  await el.updateComplete;
  check('hides it again on submit', input.type === 'password', checks);
  form.remove();
}

async function exerciseLoginForm(checks: string[]): Promise<void> {
  const el = mount(h('sonet-login-form', {action: '/__security/api/login', timeout: '5000'}));
  await el.updateComplete;
  const form = el.form!;
  const userId = form.querySelector<HTMLInputElement>('input[autocomplete~="username"]')!;
  const password = form.querySelector<HTMLInputElement>('input[type="password"]')!;
  insert(userId, `csp-${Math.random().toString(36).slice(2, 8)}@aa2`);
  insert(password, 'wrong-password');
  el.querySelector<HTMLButtonElement>('[part~="toggle"]')?.click();
  const failed = new Promise((resolve) => el.addEventListener('sonet-login-error', resolve, {once: true}));
  form.requestSubmit();
  await failed;
  await until('guidance shown', () => !!el.querySelector('sonet-error-help')?.shadowRoot?.querySelector('ol'));
  check('shows the guidance after a failed login', true, checks);
  check('keeps the user ID, clears the password', userId.value !== '' && password.value === '', checks, `ID ${JSON.stringify(userId.value)}, password length ${password.value.length}`);

  insert(userId, '');
  userId.select();
  insert(userId, 'taro_s@aa2');
  insert(password, 'Sonet-Demo1');
  const succeeded = new Promise<Event>((resolve) =>
    el.addEventListener(
      'sonet-login-success',
      (event) => {
        event.preventDefault(); // stay on the page
        resolve(event);
      },
      {once: true}
    )
  );
  form.requestSubmit();
  await succeeded;
  check('logs in', true, checks);
  el.remove();
}

const SCENARIOS: Record<CspScenario, (checks: string[]) => Promise<void>> = {
  'error-help': exerciseErrorHelp,
  'maintenance-notice': exerciseMaintenanceNotice,
  'user-id-field': exerciseUserIdField,
  'password-field': exercisePasswordField,
  'login-form': exerciseLoginForm,
};

window.cspPage = {
  violations,

  clear() {
    violations.length = 0;
  },

  async canaries() {
    const before = violations.length;
    const style = document.createElement('style');
    style.textContent = '#stage { outline: 3px solid rgb(1, 2, 3); }';
    document.head.append(style);
    const styleBlocked = getComputedStyle(stage).outlineColor !== 'rgb(1, 2, 3)';
    style.remove();

    const script = document.createElement('script');
    // Through a policy, so that only script-src can refuse it (not Trusted Types).
    const policy = trustedTypes?.createPolicy('csp-page-canary', {createScript: (s: string) => s});
    const code = 'window.cspInlineRan = true;';
    (script as unknown as {text: unknown}).text = policy ? policy.createScript(code) : code;
    document.head.append(script);
    script.remove();

    let typesResult: CanaryResult['trustedTypes'] = 'unsupported';
    if (trustedTypes) {
      const probe = document.createElement('div');
      try {
        probe.innerHTML = '<b>x</b>';
        typesResult = 'not-enforced';
      } catch {
        typesResult = 'enforced';
      }
    }
    // Violation events are queued as tasks.
    await wait(100);
    return {
      styleBlocked,
      scriptBlocked: window.cspInlineRan !== true,
      trustedTypes: typesResult,
      directives: violations.slice(before).map((v) => v.directive),
    };
  },

  async exercise(scenario) {
    const checks: string[] = [];
    await SCENARIOS[scenario](checks);
    await wait(100);
    return checks;
  },
};
document.dispatchEvent(new Event('csp-page-ready'));
