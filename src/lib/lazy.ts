/**
 * A module (or anything else) loaded on first use and shared by every later call. A failed load
 * (offline) is not kept, so the next call tries again.
 *
 * @example
 * const loadGuidance = lazy(() => import('./guidance.js'));
 * (await loadGuidance()).renderGuidance(…);
 */
export function lazy<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () =>
    (loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    }));
}
