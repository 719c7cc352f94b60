import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** The newest axe-core (a direct dependency), not the copy @axe-core/playwright may bundle. */
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** An axe run over a page that collects violations only (the same checks, without the slower pass lists). */
export function axeOn(page: Page): AxeBuilder {
  return new AxeBuilder({ page, axeSource }).options({ resultTypes: ['violations'] });
}
