// Demo page behaviour. Everything here is an enhancement: without JavaScript the page still logs
// in through the plain form and the server's own pages, and the demo controls are plain forms.
// No innerHTML: every text from the server goes in with textContent.

const BUNDLE = '/dist/bundle/sonet-login-elements.min.js';
const LOCALE_KEY = 'sonet-demo-locale';
const root = document.documentElement;

/** @type {{setSonetLocale?: (locale: string) => Promise<void>} | null} */
let lib = null;

// ---------------------------------------------------------------------------------------------
// Language: <html lang> drives the page's CSS and the elements; setSonetLocale switches them now.

function storedLocale() {
  const fromUrl = new URLSearchParams(location.search).get('lang');
  if (fromUrl === 'ja' || fromUrl === 'en') return fromUrl;
  try {
    const saved = localStorage.getItem(LOCALE_KEY);
    return saved === 'en' || saved === 'ja' ? saved : 'ja';
  } catch {
    return 'ja';
  }
}

async function applyLocale(locale) {
  root.lang = locale;
  for (const button of document.querySelectorAll('.lang-switch [data-locale]')) {
    button.setAttribute('aria-pressed', String(button.dataset.locale === locale));
  }
  // Texts that cannot hold two <span>s (the title, <option>s) carry their English in data-en.
  for (const node of document.querySelectorAll('[data-en]')) {
    if (node.dataset.ja === undefined) node.dataset.ja = node.textContent;
    node.textContent = locale === 'en' ? node.dataset.en : node.dataset.ja;
  }
  try {
    localStorage.setItem(LOCALE_KEY, locale);
  } catch {
    // Storage can be blocked; the choice then lasts for this page only.
  }
  if (lib?.setSonetLocale) await lib.setSonetLocale(locale);
}

function setUpLanguageSwitch() {
  const group = document.querySelector('.lang-switch');
  if (!group) return;
  group.hidden = false;
  group.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('[data-locale]') : null;
    if (button) void applyLocale(button.dataset.locale);
  });
}

// ---------------------------------------------------------------------------------------------
// Small DOM helpers

/** A fragment holding the Japanese and the English text; CSS shows the one <html lang> asks for. */
function bilingual(ja, en) {
  const fragment = document.createDocumentFragment();
  const jaSpan = document.createElement('span');
  jaSpan.dataset.lang = 'ja';
  jaSpan.textContent = ja;
  const enSpan = document.createElement('span');
  enSpan.dataset.lang = 'en';
  enSpan.lang = 'en';
  enSpan.textContent = en;
  fragment.append(jaSpan, enSpan);
  return fragment;
}

function formatWait(seconds) {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return {
    ja: m ? `${m} 分 ${s} 秒` : `${s} 秒`,
    en: m ? `${m} min ${s} s` : `${s} s`,
  };
}

// ---------------------------------------------------------------------------------------------
// CSRF: ask the server for a token; it sets the cookie, the page carries the token.

async function loadCsrfToken() {
  try {
    const response = await fetch('/api/csrf', {headers: {Accept: 'application/json'}, credentials: 'same-origin'});
    if (!response.ok) return;
    const {token} = await response.json();
    if (typeof token !== 'string') return;
    document.querySelector('meta[name="csrf-token"]')?.setAttribute('content', token);
    for (const input of document.querySelectorAll('input[name="_csrf"]')) input.value = token;
  } catch {
    // No token: the server then checks none (it only checks when its cookie exists).
  }
}

// ---------------------------------------------------------------------------------------------
// ?error=<code> from the server's error page → the form shows its guidance.

function applyErrorParameter() {
  const url = new URL(location.href);
  const code = url.searchParams.get('error');
  if (code === null) return;
  const form = document.querySelector('sonet-login-form');
  if (form && /^[A-Za-z0-9_-]{1,40}$/.test(code)) form.setAttribute('error-code', code);
  // A reload should not show an old error again.
  url.searchParams.delete('error');
  history.replaceState(history.state, '', url);
}

// ---------------------------------------------------------------------------------------------
// Demo server controls: the plain forms post to /api/demo/*; here they go through fetch instead.

function renderState(state, extra, announce) {
  const output = document.getElementById('demo-state');
  if (!output) return;
  // Announced after a control of this panel only: after a login attempt, focus moves to the
  // form's guidance, which a state line read at the same moment would talk over.
  output.setAttribute('aria-live', announce ? 'polite' : 'off');
  output.replaceChildren();
  for (const [name, on] of [['maintenance', state.maintenance], ['incident', state.incident]]) {
    for (const button of document.querySelectorAll(`[data-switch="${name}"]`)) {
      button.setAttribute('aria-pressed', String((button.dataset.value === 'on') === Boolean(on)));
    }
  }
  const parts = [];
  if (extra) parts.push(extra);
  parts.push(
    state.maintenance ? ['メンテナンス中です。', 'Maintenance is on.'] : ['メンテナンスはオフです。', 'Maintenance is off.'],
    state.incident ? ['障害発生中です。', 'An incident is reported.'] : ['障害はありません。', 'No incident.']
  );
  const ids = Array.isArray(state.ids) ? state.ids : [];
  if (!ids.length) parts.push(['ログインの失敗は記録されていません。', 'No failed logins are recorded.']);
  for (const entry of ids) {
    if (entry.locked) {
      const wait = formatWait(Number(entry.retryAfter) || 0);
      parts.push([
        `${entry.userId}: 連続 ${entry.failures} 回失敗、ロック中（あと ${wait.ja}）。`,
        `${entry.userId}: ${entry.failures} failures in a row, locked (${wait.en} left).`,
      ]);
    } else {
      parts.push([`${entry.userId}: 連続 ${entry.failures} 回失敗。`, `${entry.userId}: ${entry.failures} failures in a row.`]);
    }
  }
  parts.forEach(([ja, en], i) => {
    if (i) output.append(' ');
    output.append(bilingual(ja, en));
  });
}

async function refreshState(extra, announce = false) {
  try {
    const response = await fetch('/api/demo/state', {headers: {Accept: 'application/json'}});
    if (response.ok) renderState(await response.json(), extra, announce);
  } catch {
    // The state line is informative only.
  }
}

function refreshMaintenanceNotice() {
  const notice = document.querySelector('sonet-maintenance-notice');
  // A new URL makes the element fetch the feed again (the server ignores the query).
  if (notice) notice.setAttribute('src', `/api/status.json?t=${Date.now()}`);
}

function setUpControls() {
  for (const form of document.querySelectorAll('form[data-demo-control]')) {
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const submitter = event.submitter;
      const action = submitter?.getAttribute('formaction') || form.getAttribute('action');
      const buttons = form.querySelectorAll('button');
      buttons.forEach((b) => (b.disabled = true));
      try {
        const response = await fetch(action, {
          method: 'POST',
          headers: {Accept: 'application/json'},
          body: new URLSearchParams(new FormData(form)),
        });
        const body = await response.json();
        if (!response.ok) throw new Error(String(body?.code ?? response.status));
        let extra;
        if ('lockLifted' in body) {
          extra = body.locked
            ? [
                `パスワードを再設定しました（デモ）が、ロックは解除されていません（あと ${formatWait(body.retryAfter).ja}）。`,
                `Password re-set (demo), but the lock stays (${formatWait(body.retryAfter).en} left).`,
              ]
            : ['パスワードを再設定しました（デモ）。ロックはかかっていません。', 'Password re-set (demo). There is no lock.'];
        }
        await refreshState(extra, true);
        refreshMaintenanceNotice();
      } catch (error) {
        renderError(error);
      } finally {
        buttons.forEach((b) => (b.disabled = false));
      }
    });
  }
}

function renderError(error) {
  const output = document.getElementById('demo-state');
  if (!output) return;
  output.setAttribute('aria-live', 'polite');
  output.replaceChildren(
    bilingual(
      `デモ用サーバーに接続できませんでした（${error.message}）。サーバーが動いているかご確認ください。`,
      `Could not reach the demo server (${error.message}). Check that it is running.`
    )
  );
}

// ---------------------------------------------------------------------------------------------
// Error help gallery

function setUpHelpGallery() {
  const select = document.getElementById('help-code');
  const help = document.getElementById('help-element');
  if (!(select instanceof HTMLSelectElement) || !help) return;
  select.value = help.getAttribute('code') || select.value;
  select.addEventListener('change', () => help.setAttribute('code', select.value));
  const browser = document.getElementById('help-browser');
  if (!(browser instanceof HTMLSelectElement)) return;
  browser.addEventListener('change', () => {
    if (browser.value) help.setAttribute('browser', browser.value);
    else help.removeAttribute('browser');
  });
}

// ---------------------------------------------------------------------------------------------
// Event log: the type and the code of each element event, never the detail as a whole.

const LOGGED_EVENTS = ['sonet-login-submit', 'sonet-login-success', 'sonet-login-error'];

function setUpEventLog() {
  const list = document.getElementById('event-log');
  if (!list) return;
  for (const type of LOGGED_EVENTS) {
    document.addEventListener(type, (event) => {
      const detail = /** @type {CustomEvent} */ (event).detail;
      const code = detail && typeof detail.code === 'string' ? ` ${detail.code}` : '';
      const item = document.createElement('li');
      item.textContent = `${new Date().toLocaleTimeString()} ${type}${code}`;
      list.prepend(item);
      while (list.children.length > 50) list.lastElementChild?.remove();
      if (type !== 'sonet-login-submit') void refreshState();
    });
  }
}

// ---------------------------------------------------------------------------------------------

function showBundleMissing() {
  const intro = document.querySelector('.page__intro');
  if (!intro) return;
  const notice = document.createElement('p');
  notice.className = 'notice notice--warning';
  notice.setAttribute('role', 'status');
  notice.append(
    bilingual(
      '部品（dist/bundle/sonet-login-elements.min.js）を読み込めませんでした。npm run build を実行してから再読み込みしてください。通常のフォームでのログインはこのままでもおこなえます。',
      'Could not load the elements (dist/bundle/sonet-login-elements.min.js). Run npm run build, then reload. The plain form still logs in.'
    )
  );
  intro.append(notice);
}

async function main() {
  setUpLanguageSwitch();
  applyErrorParameter();
  setUpHelpGallery();
  setUpControls();
  setUpEventLog();
  const csrf = loadCsrfToken();
  try {
    lib = await import(BUNDLE);
  } catch {
    showBundleMissing();
  }
  await applyLocale(storedLocale());
  await Promise.all([csrf, refreshState()]);
}

void main();
