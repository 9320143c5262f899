// The benchmark's statistics, shared by bench.mjs and ab.mjs so both report alike.

/** Median of the finite figures (NaN when there are none). */
export function median(xs) {
  const v = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return NaN;
  const m = v.length >> 1;
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}

/** 25th and 75th percentiles of the finite figures (nearest rank). */
export function quartiles(xs) {
  const v = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  const q = (p) => v[Math.min(v.length - 1, Math.max(0, Math.round(p * (v.length - 1))))];
  return [q(0.25), q(0.75)];
}

/** Median where NaN means "not reached within the limit" (counted as later than every figure). */
export function medianReached(xs) {
  const v = xs.map((x) => (Number.isFinite(x) ? x : Infinity)).sort((a, b) => a - b);
  if (!v.length) return NaN;
  const m = v.length >> 1;
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}
