/** The centre of an element, in the viewport's CSS pixels (what `sendMouse` takes). */
export function centre(node: Element): [number, number] {
  const r = node.getBoundingClientRect();
  return [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)];
}
