/**
 * Story settings shared by the stories files: a story spread with one of these is pinned to a
 * locale or a look, whatever the toolbar says.
 *
 * - `inEnglish`: the English strings (the toolbar's Locale switch does the same for any story).
 * - `inDark`: `prefers-color-scheme: dark` (see `.storybook/preview.ts`, `applyScheme`).
 * - `inForcedColors`: tagged for forced-colors mode, which a page cannot switch on: the smoke
 *   test emulates it, and the story says how to turn it on in the browser.
 * - `canvasOnly`: a story that is left off the docs page (it stays in the sidebar and the smoke
 *   test).
 *
 * The docs page renders its stories together in one document, so a story there must not change
 * the page: a locale or scheme would switch every element on it, and a story whose state comes
 * from its play function would show its starting state only (docs pages do not play; a failure
 * moves focus to the guidance, which scrolls the page). The looks and every story with a play
 * function are `canvasOnly`; spread a look after the story it varies, so its tags win.
 */
export const canvasOnly = {tags: ['!autodocs']};

export const inEnglish = {globals: {locale: 'en'}, tags: ['!autodocs']};

export const inDark = {globals: {scheme: 'dark'}, tags: ['dark', '!autodocs']};

export const inForcedColors = {tags: ['forced-colors', '!autodocs']};

/** When a failure happened in every story: the support box shows the same time each run. */
export const OCCURRED_AT = '2026-11-21T10:15:00+09:00';
