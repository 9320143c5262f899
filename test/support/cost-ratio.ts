/** Timings shorter than this are mostly noise (Firefox rounds `performance.now()` to 1 ms). */
const MEASURABLE_MS = 20;

/** The fastest of three runs of `reps` calls of `fn(input)`, in ms. */
function fastest(fn: (input: string) => unknown, input: string, reps: number): number {
  let t = Infinity;
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    for (let r = 0; r < reps; r++) fn(input);
    t = Math.min(t, performance.now() - start);
  }
  return t;
}

/**
 * How many times more `fn` costs on `large` than on `small`: a claim about time (linear growth,
 * a scan that stops at its limit) that a busy machine cannot break, since it slows both sides of
 * the same run alike — unlike a limit in milliseconds. Warms up (the JIT), repeats the calls
 * until `small` takes a measurable time, and returns the lowest ratio of up to three
 * measurements, stopping at one below `enough`: load can push one measurement up, a worse
 * algorithm stays high in all of them.
 *
 * @example
 * ```ts
 * // Linear: 4n costs about 4×; 10× leaves room for GC and timer coarseness, quadratic is 16×.
 * expect(costRatio(toHalfWidth, text(n), text(4 * n), {enough: 10}).ratio).to.be.lessThan(10);
 * ```
 */
export function costRatio(
  fn: (input: string) => unknown,
  small: string,
  large: string,
  {enough = 0} = {}
): {ratio: number; reps: number; small: number; large: number} {
  for (let i = 0; i < 3; i++) {
    fn(small);
    fn(large);
  }
  let reps = 1;
  let result = {ratio: Infinity, reps, small: 0, large: 0};
  for (let attempt = 0; attempt < 3 && !(result.ratio < enough); ) {
    const t = fastest(fn, small, reps);
    // Checked before every measurement: a first run slowed by the JIT or a collection can look
    // measurable once and take a fraction of it later.
    if (t < MEASURABLE_MS && reps < 1 << 16) {
      reps *= 2;
      continue;
    }
    const t4 = fastest(fn, large, reps);
    if (t4 / t < result.ratio) result = {ratio: t4 / t, reps, small: t, large: t4};
    attempt++;
  }
  return result;
}
