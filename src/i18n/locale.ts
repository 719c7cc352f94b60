/**
 * The site's one locale system: the two languages, how Starlight's route locale maps onto them, and where a page
 * of each language lives. Every component, the player, the process model and the glossary use these.
 */

/** The site's languages: English at the root, Simplified Chinese under /zh-cn/. */
export const LOCALES = ['en', 'zh-cn'] as const;

/** A page language. */
export type Locale = (typeof LOCALES)[number];

/** Maps Starlight's route locale (undefined for the root) to a page language. */
export function toLocale(starlightLocale: string | undefined): Locale {
  return starlightLocale === 'zh-cn' ? 'zh-cn' : 'en';
}

/** The URL prefix of a locale: "" for English, "/zh-cn" for Chinese. */
export function localePrefix(locale: Locale): string {
  return locale === 'en' ? '' : `/${locale}`;
}

/** A site path in a locale: `localePath('zh-cn', '/pipelines/')` is `/zh-cn/pipelines/`. */
export function localePath(locale: Locale, path: string): string {
  return `${localePrefix(locale)}${path}`;
}

/**
 * The `[...locale]` route parameter of each language, for a page route that serves both (as Starlight's own route
 * does): `undefined` puts English at the root, `zh-cn` puts Chinese under /zh-cn/.
 */
export function localeRoutes(): { params: { locale: string | undefined }; props: { locale: Locale } }[] {
  return LOCALES.map((locale) => ({
    params: { locale: localePrefix(locale).slice(1) || undefined },
    props: { locale },
  }));
}
