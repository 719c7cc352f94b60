import { expect } from 'vitest';
import type { Page } from 'playwright-core';

/** Opens search with the keyboard, types a query and returns the result paths, first result first. */
export async function searchPaths(page: Page, query: string): Promise<string[]> {
  const input = page.locator('site-search input');
  if (!(await input.isVisible())) await page.keyboard.press('Control+k');
  await input.fill(query);
  const results = page.locator('.search-results > li > a');
  await expect.poll(() => results.count(), { timeout: 15_000 }).toBeGreaterThan(0);
  return results.evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
}
