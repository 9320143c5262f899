import type {CSSResult} from '@lit/reactive-element/css-tag.js';

// How the light-DOM elements add their stylesheets (all of them: the field skeleton, the warnings,
// the form's extras, the links). Its own module so any chunk can use it without the field styles.

/** Roots given a `<style>` fallback, with the sheets each already holds. */
const fallbackRoots = new WeakMap<Node, Set<CSSResult>>();

/**
 * Adds `styles` to the stylesheets of the document or shadow root `host` is in, once per root,
 * after the sheets already there (so a sheet adopted later, such as `loginFormExtraStyles`,
 * comes after `fieldStyles`), keeping the page's own adopted sheets. CSP-safe
 * (`adoptedStyleSheets`); in browsers without constructable stylesheets it falls back to one
 * `<style>` element per sheet and root (honouring `window.litNonce`).
 */
export function adoptSonetStyles(host: Element, styles: CSSResult): void {
  const root = host.getRootNode();
  const isDocument = root instanceof Document;
  if (!isDocument && !(root instanceof ShadowRoot)) return;
  const sheet = styles.styleSheet;
  if (sheet && 'adoptedStyleSheets' in root) {
    if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    return;
  }
  let adopted = fallbackRoots.get(root);
  if (!adopted) fallbackRoots.set(root, (adopted = new Set()));
  if (adopted.has(styles)) return;
  adopted.add(styles);
  const style = document.createElement('style');
  const nonce = (globalThis as {litNonce?: string}).litNonce;
  if (nonce) style.setAttribute('nonce', nonce);
  style.textContent = styles.cssText;
  (isDocument ? (root as Document).head ?? root.documentElement : root).append(style);
}
