/**
 * Locale handling for sonet-login-elements.
 *
 * The library's source strings are Japanese (`ja`); English (`en`) is a target locale whose
 * templates are loaded on first use. The locale follows `<html lang>` when the first element
 * connects, keeps following it when the page changes `lang`, and can be switched with
 * {@link setSonetLocale}.
 *
 * A page that uses `@lit/localize` itself owns `configureLocalization()` (it may only be called
 * once per page): call {@link useHostLocalization} before the first element connects and feed
 * {@link loadSonetLocale} from your own `loadLocale`.
 */
import {configureLocalization, LocaleModule} from '@lit/localize';
import {sourceLocale, targetLocales} from './locales/locale-codes.js';

/** A locale this library ships strings for. */
export type SonetLocale = typeof sourceLocale | (typeof targetLocales)[number];

/** Every locale this library ships strings for, source locale first. */
export const sonetLocales: readonly SonetLocale[] = [sourceLocale, ...targetLocales];

// A static map of import() calls: a template-literal import is not followed by rollup
// or the test runner (../shared/TOOLCHAIN.md).
const loaders: Record<(typeof targetLocales)[number], () => Promise<LocaleModule>> = {
  en: () => import('./locales/en.js'),
};

/**
 * Loads the translated templates of one of this library's target locales.
 * For pages that configure `@lit/localize` themselves.
 *
 * @example
 * ```ts
 * configureLocalization({
 *   sourceLocale: 'ja', targetLocales: ['en'],
 *   loadLocale: (l) => loadSonetLocale(l as 'en'),
 * });
 * useHostLocalization();
 * ```
 */
export function loadSonetLocale(locale: (typeof targetLocales)[number]): Promise<LocaleModule> {
  return loaders[locale]();
}

/**
 * Maps a BCP 47 language tag (as found in `<html lang>`) to a locale this library ships:
 * `en`, `en-US`, `EN-gb` → `en`; `ja`, `ja-JP`, empty, unknown → `ja`.
 */
export function resolveSonetLocale(tag: string | null | undefined): SonetLocale {
  const primary = String(tag ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return (sonetLocales as readonly string[]).includes(primary) ? (primary as SonetLocale) : sourceLocale;
}

let runtime: {getLocale: () => string; setLocale: (l: string) => Promise<void>} | undefined;
let hostOwned = false;
let followingLang = false;

/**
 * Tells the library that the page configures `@lit/localize` itself, so the library must not
 * call `configureLocalization()`. Call it before the first element connects.
 */
export function useHostLocalization(): void {
  hostOwned = true;
}

function followHtmlLang(): void {
  if (followingLang || typeof document === 'undefined' || typeof MutationObserver === 'undefined') return;
  followingLang = true;
  const root = document.documentElement;
  new MutationObserver(() => {
    void setSonetLocale(resolveSonetLocale(root.lang));
  }).observe(root, {attributes: true, attributeFilter: ['lang']});
}

/**
 * Configures the library's localization once (idempotent) and starts following `<html lang>`.
 * Elements call this when they first connect; pages rarely need to.
 *
 * @returns a promise that settles when the initial locale is loaded.
 */
export function ensureSonetLocalization(): Promise<void> {
  if (hostOwned || typeof document === 'undefined') return Promise.resolve();
  if (!runtime) {
    try {
      runtime = configureLocalization({
        sourceLocale,
        targetLocales,
        loadLocale: (locale) => loaders[locale as (typeof targetLocales)[number]](),
      });
    } catch (error) {
      // The page configured @lit/localize first: its locale wins; ours must not break it.
      hostOwned = true;
      console.warn(
        '[sonet-login-elements] @lit/localize is already configured by the page; ' +
          'call useHostLocalization() and load our templates with loadSonetLocale().',
        error
      );
      return Promise.resolve();
    }
    followHtmlLang();
    return setSonetLocale(resolveSonetLocale(document.documentElement.lang));
  }
  return Promise.resolve();
}

/**
 * Switches every sonet element on the page to `locale` (`'ja'` or `'en'`; other tags are
 * mapped with {@link resolveSonetLocale}). Elements re-render when the strings are loaded.
 *
 * @example
 * ```ts
 * import {setSonetLocale} from 'sonet-login-elements';
 * await setSonetLocale('en');
 * ```
 */
export async function setSonetLocale(locale: string): Promise<void> {
  if (!runtime && !hostOwned) await ensureSonetLocalization();
  if (!runtime) return;
  const resolved = resolveSonetLocale(locale);
  if (runtime.getLocale() !== resolved) await runtime.setLocale(resolved);
}

/** The library's current locale (`'ja'` until configured). */
export function getSonetLocale(): SonetLocale {
  return resolveSonetLocale(runtime?.getLocale() ?? sourceLocale);
}
