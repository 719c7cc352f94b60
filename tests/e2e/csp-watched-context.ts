import type { Browser, BrowserContext, Page } from 'playwright-core';

declare global {
  interface Window {
    __cspViolations?: string[];
  }
}

/** A browser context, its first page, and what went wrong on its pages so far. */
export interface WatchedContext {
  context: BrowserContext;
  page: Page;
  /** Every CSP violation, page error and CSP console error so far, on any page of the context. */
  problems: () => Promise<string[]>;
}

/**
 * A fresh browser context (its own service workers and caches) that records every CSP violation, page error and
 * CSP console error on any of its pages. The listener is an init script, so it runs before any script of each
 * document and even a blocked script in <head> is recorded.
 */
export async function cspWatchedContext(
  browser: Browser,
  viewport: { width: number; height: number },
): Promise<WatchedContext> {
  const context = await browser.newContext({ viewport });
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener(
      'securitypolicyviolation',
      (e) => {
        window.__cspViolations?.push(
          `${location.pathname}: ${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber} ${e.sample}`,
        );
      },
      true,
    );
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /content.security.policy/i.test(message.text())) errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  const problems = async () => [...errors, ...(await page.evaluate(() => window.__cspViolations ?? []))];
  return { context, page, problems };
}
