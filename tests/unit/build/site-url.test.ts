import { describe, expect, it, vi } from 'vitest';
import type { AstroIntegrationLogger } from 'astro';
import { LOCAL_SITE, siteUrl, siteUrlCheck, siteUrlWarning } from '../../../src/site-url.ts';

/** Runs the integration's build-start hook with a logger that records warnings. */
async function warningsOfBuild(env: { SITE_URL?: string }): Promise<string[]> {
  const warn = vi.fn<(message: string) => void>();
  const logger = { warn, info: vi.fn(), error: vi.fn(), debug: vi.fn() } as unknown as AstroIntegrationLogger;
  const hook = siteUrlCheck(env).hooks['astro:build:start'];
  await hook?.({ logger } as Parameters<NonNullable<typeof hook>>[0]);
  return warn.mock.calls.map(([message]) => message);
}

describe('site URL', () => {
  it('is SITE_URL when set, else the local preview address', () => {
    expect(siteUrl({})).toBe(LOCAL_SITE);
    expect(siteUrl({ SITE_URL: '' })).toBe(LOCAL_SITE);
    expect(siteUrl({ SITE_URL: 'https://hop.example.org' })).toBe('https://hop.example.org');
  });

  it('rejects a SITE_URL that is not an absolute http(s) URL', () => {
    expect(() => siteUrl({ SITE_URL: 'hop.example.org' })).toThrow(/absolute URL/);
    expect(() => siteUrl({ SITE_URL: 'ftp://hop.example.org' })).toThrow(/http/);
  });

  it('warns once per build that absolute links point at localhost when SITE_URL is not set', async () => {
    const warnings = await warningsOfBuild({});
    expect(warnings).toHaveLength(1);
    for (const what of ['SITE_URL', 'canonical', 'og:url', 'sitemap', LOCAL_SITE]) expect(warnings[0]).toContain(what);
    expect(siteUrlWarning({})).toBe(warnings[0]);
  });

  it('says nothing when SITE_URL is set', async () => {
    expect(await warningsOfBuild({ SITE_URL: 'https://hop.example.org' })).toEqual([]);
    expect(siteUrlWarning({ SITE_URL: 'https://hop.example.org' })).toBeUndefined();
  });

  it('is what astro.config.mjs builds with, checked by its integration', async () => {
    const { default: config } = await import('../../../astro.config.mjs');
    expect(config.site).toBe(siteUrl(process.env));
    const names = (config.integrations ?? []).flat(Infinity).map((i) => (i as { name: string }).name);
    expect(names).toContain('hbh:site-url');
    expect(names).toContain('hbh:content-security-policy');
  });
});
