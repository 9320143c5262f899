/**
 * Story settings shared by the stories files: a story spread with one of these is pinned to a
 * locale or a look, whatever the toolbar says.
 *
 * - `inEnglish`: the English strings (the toolbar's Locale switch does the same for any story).
 * - `inDark`: `prefers-color-scheme: dark` (see `.storybook/preview.ts`, `applyScheme`).
 * - `inForcedColors`: tagged for forced-colors mode, which a page cannot switch on: the smoke
 *   test emulates it, and the story says how to turn it on in the browser.
 */
export const inEnglish = {globals: {locale: 'en'}} as const;

export const inDark = {globals: {scheme: 'dark'}, tags: ['dark']};

export const inForcedColors = {tags: ['forced-colors']};

/** When a failure happened in every story: the support box shows the same time each run. */
export const OCCURRED_AT = '2026-11-21T10:15:00+09:00';
