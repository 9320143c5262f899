// Entry of the self-contained bundle (`sonet-login-elements/bundle`), for server-rendered pages:
// it defines each element lazily — its module is imported when its tag first appears in the
// document — so a page pays only for the elements it uses. The locale functions are exported
// (they are small and every element needs them); the rest of the API is the npm route's.
export * from './localization.js';

/** Each tag and the module that defines it (a static map: rollup splits a chunk per import). */
const ELEMENTS: Record<string, () => Promise<unknown>> = {
  'sonet-login-form': () => import('./components/login-form/login-form.js'),
  'sonet-error-help': () => import('./components/error-help/error-help.js'),
  'sonet-maintenance-notice': () => import('./components/maintenance-notice/maintenance-notice.js'),
  'sonet-user-id-field': () => import('./components/user-id-field/user-id-field.js'),
  'sonet-password-field': () => import('./components/password-field/password-field.js'),
};

const requested = new Set<string>();

/** Imports the module of every element under `root` (and `root` itself) not yet requested. */
function defineUnder(root: Element | Document): void {
  for (const tag in ELEMENTS) {
    if (requested.has(tag)) continue;
    if ((root instanceof Element && root.localName === tag) || root.querySelector(tag)) {
      requested.add(tag);
      // A failed load (offline) is tried again when the tag next appears.
      ELEMENTS[tag]!().catch(() => requested.delete(tag));
    }
  }
}

defineUnder(document);
// Tags the parser writes after this module ran (a module script runs after parsing, but a page
// may add markup later), and tags that scripts insert.
new MutationObserver((records) => {
  if (requested.size === Object.keys(ELEMENTS).length) return;
  for (const record of records) {
    for (const node of record.addedNodes) if (node instanceof Element) defineUnder(node);
  }
}).observe(document.documentElement, {childList: true, subtree: true});
