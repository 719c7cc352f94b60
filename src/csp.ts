import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

/**
 * The Content-Security-Policy every built page carries, as a `<meta http-equiv>` tag that is the first thing after
 * `<meta charset>` (a policy in a meta tag covers only what comes after it). `script-src` gets, per page, the
 * sha256 hash of each inline script that page has; everything else is the same on every page.
 *
 * A meta tag cannot carry `frame-ancestors`, `report-uri` or `sandbox` (browsers ignore them there); a host that can
 * send headers should add `frame-ancestors 'none'` as a response header (see the README).
 */
export const DIRECTIVES: readonly (readonly [name: string, ...sources: string[]])[] = [
  // Everything not named below (fetch of Pagefind's index and of Pyodide's files, fonts, manifests, frames) comes
  // from this origin only.
  ['default-src', "'self'"],
  // Scripts: this origin (the bundles under /_astro/, Pagefind under /pagefind/, loaded by dynamic import) and the
  // hashed inline scripts appended per page. 'wasm-unsafe-eval' lets Pagefind and the lab's Pyodide (CPython in
  // WebAssembly, under /pyodide/) compile their WebAssembly; it does not allow eval() or new Function(), and Pyodide
  // needs neither: the lab's browser test runs Python with this very policy sent as a header on every script,
  // its worker's included (tests/e2e/lab-runtime.test.ts), and sees no violation.
  ['script-src', "'self'", "'wasm-unsafe-eval'"],
  // Styles need 'unsafe-inline': the build inlines every stylesheet (build.inlineStylesheets), Starlight and
  // Expressive Code write style="…" attributes, and Mermaid writes a <style> element into each SVG it draws at run
  // time, which no build-time hash can know. Styles cannot run script, so this keeps the script guarantees intact.
  ['style-src', "'self'", "'unsafe-inline'"],
  // Mermaid and Starlight use data: URLs for small images (icons, markers).
  ['img-src', "'self'", 'data:'],
  // Workers only from this origin: the lab's Python worker (a module script under /_astro/) and its service worker
  // (/lab-sw.js). A worker built from a URL keeps the policy its own response carries, not this page's (CSP 3
  // §"Integration with HTML": a worker's policy comes from its script's response), so a host that sends this policy
  // as a header covers the worker too; the meta tag alone governs only whether the page may start it.
  ['worker-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'self'"],
  ['form-action', "'self'"],
];

/** `type` values of a `<script>` the browser runs (and so checks against script-src); any other type is data. */
const RE_SCRIPT_TYPE =
  /^(?:module|importmap|speculationrules|(?:text|application)\/(?:x-)?(?:javascript|ecmascript)|text\/javascript1\.[0-5]|text\/(?:jscript|livescript))$/;
const RE_SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const RE_TYPE_ATTR = /(?:^|\s)type\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/i;
const RE_SRC_ATTR = /(?:^|\s)src\s*=/i;
const RE_CHARSET = /<meta\s+charset\s*=\s*["']?[\w-]+["']?\s*\/?>/i;
const RE_HEAD = /<head(?:\s[^>]*)?>/i;
const RE_EXISTING = /<meta\s+http-equiv\s*=\s*["']?content-security-policy/i;

/** Whether a `<script>` with these attributes runs as script (no `type`, a JavaScript type, module, import map…). */
export function isExecutable(attributes: string): boolean {
  const match = RE_TYPE_ATTR.exec(attributes);
  if (!match) return true;
  const type = (match[1] ?? match[2] ?? match[3] ?? '').trim().toLowerCase();
  return type === '' || RE_SCRIPT_TYPE.test(type);
}

/** The text of every inline script on a page that the browser would run (not `src=` scripts, not JSON data blocks). */
export function inlineScripts(html: string): string[] {
  const scripts: string[] = [];
  for (const [, attributes = '', text = ''] of html.matchAll(RE_SCRIPT)) {
    if (!RE_SRC_ATTR.test(attributes) && isExecutable(attributes)) scripts.push(text);
  }
  return scripts;
}

/**
 * The CSP source for a script's text: `'sha256-<base64>'` over its UTF-8 bytes. The HTML parser turns CR LF and lone
 * CR into LF before the browser hashes, so this does too.
 */
export function scriptHash(text: string): string {
  const normalised = text.replace(/\r\n?/g, '\n');
  return `'sha256-${createHash('sha256').update(normalised, 'utf8').digest('base64')}'`;
}

/** The policy for a page: the fixed directives, with the hash of each of the page's inline scripts in script-src. */
export function policyFor(html: string): string {
  const hashes = [...new Set(inlineScripts(html).map(scriptHash))].sort();
  return DIRECTIVES.map(([name, ...sources]) =>
    [name, ...sources, ...(name === 'script-src' ? hashes : [])].join(' '),
  ).join('; ');
}

/** The page with its policy as a meta tag right after `<meta charset>` (or the opening `<head>`), before any script. */
export function withPolicy(html: string): string {
  if (RE_EXISTING.test(html)) throw new Error('the page already has a Content-Security-Policy meta tag');
  const anchor = RE_CHARSET.exec(html) ?? RE_HEAD.exec(html);
  if (!anchor) throw new Error('the page has no <head> to put its Content-Security-Policy in');
  const at = anchor.index + anchor[0].length;
  const firstScript = html.search(/<script\b/i);
  if (firstScript !== -1 && firstScript < at) throw new Error('a script comes before <meta charset>');
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policyFor(html)}"/>`;
  return html.slice(0, at) + meta + html.slice(at);
}

/** Every .html file below a folder. */
async function htmlFiles(dir: string): Promise<string[]> {
  const files: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await htmlFiles(path)));
    else if (entry.name.endsWith('.html')) files.push(path);
  }
  return files;
}

/** Astro integration: after a build, gives every HTML page in the output its Content-Security-Policy meta tag. */
export function contentSecurityPolicy(): AstroIntegration {
  return {
    name: 'hbh:content-security-policy',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const files = await htmlFiles(fileURLToPath(dir));
        const hashes = new Set<string>();
        for (const file of files) {
          const html = await readFile(file, 'utf8');
          for (const script of inlineScripts(html)) hashes.add(scriptHash(script));
          try {
            await writeFile(file, withPolicy(html));
          } catch (error) {
            throw new Error(`${file}: ${(error as Error).message}`, { cause: error });
          }
        }
        logger.info(`${files.length} pages given a Content-Security-Policy (${hashes.size} distinct inline scripts).`);
      },
    },
  };
}
