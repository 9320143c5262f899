// How each candidate is written into a page and where its user ID `<input>` is. Shared by the
// in-page harness (harness.js) and the navigation probe (probe.js), both bundled by
// candidates.mjs, and read by candidates.mjs to write the navigation pages: one copy of each
// selector. Plain data and self-contained functions of a root, so it runs in Node and in pages.

const EYE =
  '<svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true"><path fill="currentColor" d="M12 5C6 5 2 12 2 12s4 7 10 7 10-7 10-7-4-7-10-7zm0 11a4 4 0 1 1 0-8 4 4 0 0 1 0 8z"/></svg>';
const EYE_OFF =
  '<svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true"><path fill="currentColor" d="M2 4l18 16 1.3-1.4L3.4 2.6zM12 7a5 5 0 0 1 5 5l3 3c1.3-1.6 2-3 2-3s-4-7-10-7c-1.3 0-2.5.3-3.6.8L10 7.4c.6-.3 1.3-.4 2-.4zM4 9c-1.3 1.5-2 3-2 3s4 7 10 7c1.2 0 2.3-.2 3.3-.6l-2.1-1.8A5 5 0 0 1 7 12c0-.2 0-.5.1-.7z"/></svg>';

/**
 * @typedef {object} Form
 * @property {string[]} tags the custom elements the candidate defines
 * @property {string} markup what a script writes to create one instance
 * @property {string} [page] what a server writes in the page (default: `markup`)
 * @property {(root: ParentNode) => HTMLInputElement | null | undefined} userId
 * @property {(root: ParentNode) => string | undefined} value the element's own idea of the user ID
 * @property {(root: ParentNode) => unknown} [toggle] the show-password toggle, when the form is only ready with it
 * @property {(root: ParentNode) => boolean} [live] warnings follow typing (behaviour attached)
 * @property {(root: ParentNode) => number} [warnings] how many warnings are on screen
 */

/** @type {Form} */
export const sonet = {
  tags: ['sonet-login-form'],
  markup: '<sonet-login-form></sonet-login-form>',
  // The README's server-rendered page: a plain form that logs in without JavaScript.
  page:
    '<sonet-login-form action="/login"><form method="post" action="/login">' +
    '<label for="user_id">ユーザーID</label>' +
    '<input id="user_id" name="user_id" autocomplete="username" autocapitalize="none" autocorrect="off" spellcheck="false" required>' +
    '<label for="password">ユーザーIDパスワード</label>' +
    '<input id="password" name="password" type="password" autocomplete="current-password" autocapitalize="none" autocorrect="off" spellcheck="false" required>' +
    '<button>ログイン</button></form></sonet-login-form>',
  userId: (root) =>
    root.querySelector('sonet-login-form input[autocomplete~="username"]') ??
    root.querySelector('sonet-login-form input:not([type="password"])'),
  value: (root) => root.querySelector('sonet-login-form input[autocomplete~="username"]')?.value,
  toggle: (root) => root.querySelector('sonet-login-form [part~="toggle"]'),
  // `live` is the element's public flag; `behaviour` (private) stands in until it exists.
  live: (root) => {
    const el = root.querySelector('sonet-login-form');
    return !!el && !!(el.live ?? el.behaviour !== undefined);
  },
  warnings: (root) => root.querySelectorAll('sonet-login-form [data-code]').length,
};

/** @type {Form} */
export const bare = {
  tags: ['bench-bare-login'],
  markup: '<bench-bare-login></bench-bare-login>',
  userId: (root) => root.querySelector('bench-bare-login input[autocomplete="username"]'),
  value: (root) => root.querySelector('bench-bare-login input[autocomplete="username"]')?.value,
};

/** @type {Form} */
export const vaadin = {
  tags: ['vaadin-login-form'],
  markup: '<vaadin-login-form></vaadin-login-form>',
  userId: (root) => root.querySelector('vaadin-login-form vaadin-text-field input'),
  value: (root) => root.querySelector('vaadin-login-form vaadin-text-field')?.value,
};

/** @type {Form} */
export const shoelace = {
  tags: ['sl-input', 'sl-button'],
  markup:
    '<form method="post" action="/login">' +
    '<sl-input name="username" label="ユーザーID" autocomplete="username" autocapitalize="off" spellcheck="false"></sl-input>' +
    '<sl-input name="password" type="password" label="ユーザーIDパスワード" password-toggle autocomplete="current-password"></sl-input>' +
    '<sl-button type="submit" variant="primary">ログイン</sl-button></form>',
  userId: (root) => root.querySelector('sl-input')?.shadowRoot?.querySelector('input'),
  value: (root) => root.querySelector('sl-input')?.value,
};

/** @type {Form} */
export const material = {
  tags: ['md-outlined-text-field', 'md-filled-button', 'md-icon-button', 'md-icon'],
  markup:
    '<form method="post" action="/login">' +
    '<md-outlined-text-field name="username" label="ユーザーID" autocomplete="username"></md-outlined-text-field>' +
    '<md-outlined-text-field name="password" type="password" label="ユーザーIDパスワード" autocomplete="current-password">' +
    `<md-icon-button toggle slot="trailing-icon" type="button" aria-label="パスワードを表示"><md-icon>${EYE}</md-icon><md-icon slot="selected">${EYE_OFF}</md-icon></md-icon-button>` +
    '</md-outlined-text-field>' +
    '<md-filled-button type="submit">ログイン</md-filled-button></form>',
  userId: (root) => root.querySelector('md-outlined-text-field')?.shadowRoot?.querySelector('input'),
  value: (root) => root.querySelector('md-outlined-text-field')?.value,
};
