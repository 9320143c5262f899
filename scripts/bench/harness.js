// In-page side of `npm run bench`, loaded before the candidate's own script. It knows how each
// candidate is written into a page and where its user ID input is, and measures inside the page
// (performance.now() is precise here: the server sends COOP/COEP, so the page is cross-origin
// isolated). bench.mjs drives it over the DevTools protocol.

const params = new URL(import.meta.url).searchParams;
const name = params.get('c');
const mode = params.get('mode');

const EYE =
  '<svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true"><path fill="currentColor" d="M12 5C6 5 2 12 2 12s4 7 10 7 10-7 10-7-4-7-10-7zm0 11a4 4 0 1 1 0-8 4 4 0 0 1 0 8z"/></svg>';
const EYE_OFF =
  '<svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true"><path fill="currentColor" d="M2 4l18 16 1.3-1.4L3.4 2.6zM12 7a5 5 0 0 1 5 5l3 3c1.3-1.6 2-3 2-3s-4-7-10-7c-1.3 0-2.5.3-3.6.8L10 7.4c.6-.3 1.3-.4 2-.4zM4 9c-1.3 1.5-2 3-2 3s4 7 10 7c1.2 0 2.3-.2 3.3-.6l-2.1-1.8A5 5 0 0 1 7 12c0-.2 0-.5.1-.7z"/></svg>';

/** How each candidate is written into a page, and where its user ID `<input>` is. */
const CANDIDATES = {
  sonet: {
    tags: ['sonet-login-form'],
    markup: () => '<sonet-login-form></sonet-login-form>',
    userId: (root) =>
      root.querySelector('sonet-login-form input[autocomplete~="username"]') ??
      root.querySelector('sonet-login-form input:not([type="password"])'),
    warnings: (root) => root.querySelectorAll('sonet-login-form [data-code]').length,
    value: (root) => root.querySelector('sonet-login-form input[autocomplete~="username"]')?.value,
  },
  bare: {
    tags: ['bench-bare-login'],
    markup: () => '<bench-bare-login></bench-bare-login>',
    userId: (root) => root.querySelector('bench-bare-login input[autocomplete="username"]'),
    value: (root) => root.querySelector('bench-bare-login input[autocomplete="username"]')?.value,
  },
  vaadin: {
    tags: ['vaadin-login-form'],
    markup: () => '<vaadin-login-form></vaadin-login-form>',
    userId: (root) => root.querySelector('vaadin-login-form vaadin-text-field input'),
    value: (root) => root.querySelector('vaadin-login-form vaadin-text-field')?.value,
  },
  shoelace: {
    tags: ['sl-input', 'sl-button'],
    markup: () =>
      '<form method="post" action="/login">' +
      '<sl-input name="username" label="ユーザーID" autocomplete="username" autocapitalize="off" spellcheck="false"></sl-input>' +
      '<sl-input name="password" type="password" label="ユーザーIDパスワード" password-toggle autocomplete="current-password"></sl-input>' +
      '<sl-button type="submit" variant="primary">ログイン</sl-button></form>',
    userId: (root) => root.querySelector('sl-input')?.shadowRoot?.querySelector('input'),
    value: (root) => root.querySelector('sl-input')?.value,
  },
  material: {
    tags: ['md-outlined-text-field', 'md-filled-button', 'md-icon-button', 'md-icon'],
    markup: () =>
      '<form method="post" action="/login">' +
      '<md-outlined-text-field name="username" label="ユーザーID" autocomplete="username"></md-outlined-text-field>' +
      '<md-outlined-text-field name="password" type="password" label="ユーザーIDパスワード" autocomplete="current-password">' +
      `<md-icon-button toggle slot="trailing-icon" type="button" aria-label="パスワードを表示"><md-icon>${EYE}</md-icon><md-icon slot="selected">${EYE_OFF}</md-icon></md-icon-button>` +
      '</md-outlined-text-field>' +
      '<md-filled-button type="submit">ログイン</md-filled-button></form>',
    userId: (root) => root.querySelector('md-outlined-text-field')?.shadowRoot?.querySelector('input'),
    value: (root) => root.querySelector('md-outlined-text-field')?.value,
  },
};

const candidate = CANDIDATES[name];

/** Two animation frames and an idle period: style, layout and paint of anything pending are done. */
function settle() {
  return new Promise((resolve) =>
    requestAnimationFrame(() =>
      requestAnimationFrame(() => requestIdleCallback(() => resolve(), {timeout: 200}))
    )
  );
}

/** A task boundary without setTimeout's clamping: every microtask (Lit updates) has run. */
const channel = new MessageChannel();
const waiting = [];
channel.port1.onmessage = () => waiting.shift()?.();
function nextTask() {
  return new Promise((resolve) => {
    waiting.push(resolve);
    channel.port2.postMessage(0);
  });
}

/** Every element under `root` (shadow roots included). */
function deepElements(root, out = []) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    out.push(n);
    if (n.shadowRoot) deepElements(n.shadowRoot, out);
  }
  return out;
}

/** Waits until every Lit (or Lit-like) element under `root` has finished updating. */
async function rendered(root) {
  for (let round = 0; round < 20; round++) {
    const pending = [];
    for (const el of deepElements(root)) if (el.updateComplete) pending.push(el.updateComplete);
    const results = await Promise.all(pending);
    // updateComplete resolves false when another update was requested meanwhile.
    if (results.every((r) => r !== false)) {
      // Children upgraded or rendered by that round may have started their own updates.
      const again = deepElements(root).filter((el) => el.isUpdatePending);
      if (again.length === 0) return;
    }
  }
}

const host = document.createElement('div');
host.id = 'bench';
document.body.append(host);

async function whenDefined() {
  await Promise.all(candidate.tags.map((t) => customElements.whenDefined(t)));
}

/** Creates one instance, waits until it is rendered and laid out; returns the ms it took. */
async function createOne(container = host) {
  const t0 = performance.now();
  const template = document.createElement('template');
  template.innerHTML = candidate.markup();
  const root = document.createElement('div');
  root.append(template.content);
  container.append(root);
  await rendered(root);
  void root.offsetHeight; // style + layout, now
  return {t0, t1: performance.now(), root};
}

const ASCII = 'taro_s@aa2';
const JAPANESE = 'たろう＿ｓ＠ａａ２';

/** One keystroke: the value as it is after that key, then the input event the browser sends. */
function* keystrokes(text, count) {
  let i = 0;
  while (i < count) {
    for (let k = 1; k <= text.length && i < count; k++, i++) {
      yield {value: text.slice(0, k), inputType: 'insertText', data: text[k - 1]};
    }
    if (i < count) {
      yield {value: '', inputType: 'deleteContentBackward', data: null};
      i++;
    }
  }
}

async function type(input, text, count, onKey) {
  for (const key of keystrokes(text, count)) {
    input.value = key.value;
    input.dispatchEvent(
      new InputEvent('input', {bubbles: true, composed: true, inputType: key.inputType, data: key.data})
    );
    await nextTask();
    void host.offsetHeight; // what the keystroke changed is styled and laid out
    onKey?.();
  }
}

window.__bench = {
  name,
  ready: whenDefined(),
  settle,

  /** create → rendered and laid out, in a page that has loaded and settled. */
  async create() {
    await whenDefined();
    const {t0, t1} = await createOne();
    return t1 - t0;
  },

  /**
   * µs per keystroke over `count` input events into the user ID field of the first instance,
   * after one untimed warm-up cycle (which also loads anything the first kana pulls in).
   */
  async type(kind, count) {
    const text = kind === 'ascii' ? ASCII : JAPANESE;
    const input = candidate.userId(host);
    if (!input) throw new Error(`${name}: user ID input not found`);
    // A member focuses the field before typing (this library attaches its full behaviour then).
    input.focus();
    await settle();
    // The element saw the keystrokes (its own value follows the input).
    await type(input, text, text.length);
    const seen = candidate.value(host);
    if (seen !== text) throw new Error(`${name}: typed "${text}" but the element's value is "${seen}"`);
    // Untimed: on how many keystrokes of one word (and its clearing) warnings are on screen.
    let withWarnings = 0;
    await type(input, text, text.length + 1, () => {
      if (candidate.warnings?.(host) > 0) withWarnings++;
    });
    await type(input, text, 4 * (text.length + 1));
    await settle();
    const t0 = performance.now();
    await type(input, text, count);
    const elapsed = performance.now() - t0;
    input.value = '';
    input.dispatchEvent(new InputEvent('input', {bubbles: true, composed: true, inputType: 'deleteContentBackward'}));
    await settle();
    return {us: (elapsed * 1000) / count, withWarnings: candidate.warnings ? withWarnings : null, perWord: text.length + 1};
  },

  /** Creates `n` more instances at once (rendered); the heap is read around this by bench.mjs. */
  async createMany(n) {
    const box = document.createElement('div');
    const template = document.createElement('template');
    template.innerHTML = Array.from({length: n}, () => `<div>${candidate.markup()}</div>`).join('');
    box.append(template.content);
    host.append(box);
    await rendered(box);
    await settle();
    return box.childElementCount;
  },
};

if (mode === 'load') {
  // script start → rendered: the candidate's own script runs after this module; the first
  // instance is created as soon as its elements are defined, as a login page would.
  window.__bench.loaded = (async () => {
    await whenDefined();
    const {t1} = await createOne();
    const entry = performance.getEntriesByType('resource').find((e) => e.name.includes(`/c/${name}/`));
    return {scriptStart: entry ? entry.responseEnd : NaN, rendered: t1};
  })();
}
