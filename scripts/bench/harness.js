// In-page side of `npm run bench`, loaded before the candidate's own script. It writes each
// candidate into a page as forms.js says, and measures inside the page
// (performance.now() is precise here: the server sends COOP/COEP, so the page is cross-origin
// isolated). bench.mjs drives it through puppeteer; candidates.mjs bundles it with forms.js.
import * as FORMS from './forms.js';

const params = new URL(import.meta.url).searchParams;
const name = params.get('c');
const mode = params.get('mode');

const candidate = FORMS[name];

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
  template.innerHTML = candidate.markup;
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
    template.innerHTML = Array.from({length: n}, () => `<div>${candidate.markup}</div>`).join('');
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
