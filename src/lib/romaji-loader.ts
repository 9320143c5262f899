/**
 * Lazy access to the romaji suggestion, so wanakana is fetched only when a user actually types kana.
 */

/**
 * Loads `toRomajiSuggestion` (and wanakana with it) on first use, for `UserIdOptions.toRomaji`.
 *
 * @example
 * const toRomaji = await loadRomajiSuggestion();
 * analyzeUserId('たろう', {toRomaji})[0].fix; // 'tarou'
 */
export function loadRomajiSuggestion(): Promise<(kana: string) => string> {
  return import('./romaji.js').then((module) => module.toRomajiSuggestion);
}
