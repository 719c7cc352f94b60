import type { AstroIntegration } from 'astro';

/** Where `npm start` and `npm run preview` serve the site; the address used when SITE_URL is not set. */
export const LOCAL_SITE = 'http://localhost:4321';

/** What the build says when it falls back to LOCAL_SITE. */
export const LOCAL_SITE_WARNING =
  `SITE_URL is not set: canonical links, og:url, hreflang alternates and the sitemap point at ${LOCAL_SITE}. ` +
  'Set SITE_URL (SITE_URL=https://example.org npm run build) when building the site for publishing.';

/** The environment variables this module reads. */
export interface SiteEnv {
  readonly SITE_URL?: string | undefined;
}

/** The public address of the site: SITE_URL when set (it must be an absolute http(s) URL), else LOCAL_SITE. */
export function siteUrl(env: SiteEnv): string {
  const value = env.SITE_URL?.trim();
  if (!value) return LOCAL_SITE;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`SITE_URL must be an absolute URL such as https://example.org, not “${value}”.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`SITE_URL must be an http:// or https:// URL, not “${value}”.`);
  }
  return value;
}

/** The warning a build prints about its site address, or undefined when SITE_URL is set. */
export function siteUrlWarning(env: SiteEnv): string | undefined {
  return env.SITE_URL?.trim() ? undefined : LOCAL_SITE_WARNING;
}

/**
 * Astro integration: warns once per build (not per page, and not in `astro dev` or `astro check`) when the built site's
 * absolute links will point at localhost.
 */
export function siteUrlCheck(env: SiteEnv): AstroIntegration {
  return {
    name: 'hbh:site-url',
    hooks: {
      'astro:build:start': ({ logger }) => {
        const warning = siteUrlWarning(env);
        if (warning) logger.warn(warning);
      },
    },
  };
}
