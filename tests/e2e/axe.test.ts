import { describe, it } from 'vitest';
import { axeOn } from '../support/axe.ts';
import { useBuiltSite } from '../support/built-site.ts';
import { builtPages } from '../support/site.ts';

const site = useBuiltSite();

const VIEWPORTS = { desktop: { width: 1280, height: 800 }, mobile: { width: 390, height: 844 } } as const;
const SCHEMES = ['light', 'dark'] as const;

describe.concurrent('axe-core finds no violations', () => {
  for (const scheme of SCHEMES) {
    for (const [name, viewport] of Object.entries(VIEWPORTS)) {
      it(`on every page, ${scheme} theme, ${name}`, { timeout: 1_800_000 }, async ({ expect }) => {
        const context = await site.browser.newContext({ viewport, colorScheme: scheme, reducedMotion: 'reduce' });
        const page = await context.newPage();
        const violations: string[] = [];
        for (const path of builtPages()) {
          await page.goto(site.server.url + path);
          expect(await page.locator('html').getAttribute('data-theme')).toBe(scheme);
          const result = await axeOn(page).analyze();
          for (const v of result.violations) {
            violations.push(`${path}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
          }
        }
        await context.close();
        expect(violations).toEqual([]);
      });
    }
  }
});
