import {expect} from '@open-wc/testing';

/**
 * Assertions about DOM nodes that fail with a short message. A failing chai assertion whose
 * `actual` is an element makes web-test-runner serialize that element's whole object graph to
 * report it, which hangs the run; these compare first and report a one-line description.
 */
export function describeNode(node: unknown): string {
  if (node === null || node === undefined) return String(node);
  if (!(node instanceof Element)) return Object.prototype.toString.call(node);
  const id = node.id ? `#${node.id}` : '';
  const cls = typeof node.className === 'string' && node.className ? `.${node.className.trim().split(/\s+/).join('.')}` : '';
  return `<${node.localName}${id}${cls}>`;
}

/** Asserts that `actual` is the node `expected`. */
export function expectSameNode(actual: unknown, expected: unknown, what = 'node'): void {
  expect(actual === expected, `${what}: expected ${describeNode(expected)}, got ${describeNode(actual)}`).to.be.true;
}

/** Asserts that there is no node (`null`/`undefined`). */
export function expectNoNode(actual: unknown, what = 'node'): void {
  expect(actual == null, `${what}: expected none, got ${describeNode(actual)}`).to.be.true;
}

/** Asserts that focus is on `expected`. */
export function expectFocus(expected: unknown): void {
  expectSameNode(document.activeElement, expected, 'focus');
}
