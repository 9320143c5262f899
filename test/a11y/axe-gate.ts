/**
 * The accessibility gate of issue 7: axe-core with exactly the WCAG 2.0, 2.1 and 2.2 level A and
 * AA rule tags. `expect(el).to.be.accessible()` (chai-a11y-axe) runs axe's default set and
 * accepts no tags; this runs the tagged set explicitly, which also turns on WCAG rules that axe
 * leaves off by default (e.g. `target-size`, 2.5.8 in WCAG 2.2).
 */
import type {AxeResults, Result, RunOptions} from 'axe-core';

/** The WCAG conformance tags the gate runs (axe-core tag names). */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'] as const;

interface AxeGlobal {
  run(context: Element | Document, options: RunOptions): Promise<AxeResults>;
  getRules(tags?: string[]): Array<{ruleId: string}>;
}

async function loadAxe(): Promise<AxeGlobal> {
  const w = window as unknown as {axe?: AxeGlobal};
  if (!w.axe) await import('axe-core/axe.min.js');
  if (!w.axe) throw new Error('axe-core did not load');
  return w.axe;
}

/** The ids of the rules the gate runs (to show it is not empty). */
export async function wcagRuleIds(): Promise<string[]> {
  const axe = await loadAxe();
  return axe.getRules([...WCAG_TAGS]).map((r) => r.ruleId);
}

function describe(violations: Result[]): string {
  return violations
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `  ${n.target.join(' ')}: ${n.failureSummary ?? ''}`).join('\n')}`)
    .join('\n');
}

/**
 * Runs the WCAG A/AA rules on `el` (and its shadow roots) and throws with a readable list when
 * any is violated.
 *
 * @example
 * ```ts
 * await expectAccessible(el, 'with the password shown');
 * ```
 */
export async function expectAccessible(el: Element, state = ''): Promise<void> {
  const axe = await loadAxe();
  const results = await axe.run(el, {runOnly: {type: 'tag', values: [...WCAG_TAGS]}, resultTypes: ['violations']});
  if (results.violations.length) {
    throw new Error(`WCAG violations${state ? ` ${state}` : ''}:\n${describe(results.violations)}`);
  }
}
