import { describe, expect, it } from 'vitest';
import { inlineScripts, isExecutable, policyFor, scriptHash, withPolicy } from '../../../src/csp.ts';

/** The directives of a policy by name. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((part) => {
      const [name = '', ...sources] = part.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

const PAGE = [
  '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"/><title>t</title>',
  '<script>window.a = 1;</script>',
  '<script type="module" src="/_astro/page.js"></script>',
  '<script type="module">import "/_astro/x.js";</script>',
  '<script type="application/json" data-trace>{"a":1}</script>',
  '</head><body><SCRIPT aria-hidden="true">window.a = 1;</SCRIPT></body></html>',
].join('');

describe('Content-Security-Policy', () => {
  it('hashes a script as the browser does: sha256 over UTF-8, line breaks normalised to LF', () => {
    // The example of CSP Level 3 §2.3.1 (“alert('Hello, world.');”).
    expect(scriptHash("alert('Hello, world.');")).toBe("'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='");
    expect(scriptHash('')).toBe("'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='");
    expect(scriptHash('a\r\nb\rc')).toBe(scriptHash('a\nb\nc'));
    expect(scriptHash('é')).not.toBe(scriptHash('e'));
  });

  it('finds the inline scripts a browser would run, and skips src= scripts and JSON data blocks', () => {
    expect(inlineScripts(PAGE)).toEqual(['window.a = 1;', 'import "/_astro/x.js";', 'window.a = 1;']);
    for (const type of ['', 'module', 'text/javascript', 'application/javascript', 'importmap', 'speculationrules']) {
      expect(isExecutable(` type="${type}"`), type).toBe(true);
    }
    expect(isExecutable('')).toBe(true);
    expect(isExecutable(" type='MODULE'")).toBe(true);
    expect(isExecutable(' type="application/json"')).toBe(false);
    expect(isExecutable(' type="application/ld+json"')).toBe(false);
    expect(isExecutable(' data-type="module" type="text/plain"')).toBe(false);
    expect(isExecutable(' data-type="text/plain"')).toBe(true);
    expect(inlineScripts('<script data-src="x">run()</script>')).toEqual(['run()']);
  });

  it('allows exactly the page’s inline scripts, this origin and WebAssembly, and nothing from elsewhere', () => {
    const policy = directives(policyFor(PAGE));
    const scriptSrc = policy.get('script-src') ?? [];
    expect(scriptSrc).toEqual([
      "'self'",
      "'wasm-unsafe-eval'",
      ...[scriptHash('window.a = 1;'), scriptHash('import "/_astro/x.js";')].sort(),
    ]);
    expect(scriptSrc).not.toContain(scriptHash('{"a":1}'));
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'self'"]);
    expect(policy.get('form-action')).toEqual(["'self'"]);
    expect(policy.get('worker-src')).toEqual(["'self'"]);
    expect(policy.get('img-src')).toEqual(["'self'", 'data:']);
    expect(policy.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    // Directives a meta tag cannot carry would only be ignored (and warned about) by the browser.
    for (const name of ['frame-ancestors', 'report-uri', 'sandbox']) expect(policy.has(name)).toBe(false);
  });

  it('puts the policy right after <meta charset>, before any script', () => {
    const out = withPolicy(PAGE);
    expect(out).toMatch(
      /^<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"\/><meta http-equiv="Content-Security-Policy" content="[^"]+"\/><title>/,
    );
    expect(out.indexOf('http-equiv')).toBeLessThan(out.indexOf('<script'));
    expect(out).toContain(`content="${policyFor(PAGE)}"`);
    expect(withPolicy('<html><head><script>x()</script></head></html>')).toMatch(
      /^<html><head><meta http-equiv="Content-Security-Policy" content="[^"]*sha256-/,
    );
  });

  it('refuses a page it cannot protect', () => {
    expect(() => withPolicy('<p>no head</p>')).toThrow(/no <head>/);
    expect(() => withPolicy(withPolicy(PAGE))).toThrow(/already has/);
    expect(() => withPolicy('<html><head><script>x()</script><meta charset="utf-8"></head></html>')).toThrow(
      /before <meta charset>/,
    );
  });
});
