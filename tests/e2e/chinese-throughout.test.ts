import { describe, expect, it } from 'vitest';
import { builtPages } from '../support/site.ts';
import { useBuiltSite } from '../support/built-site.ts';

/**
 * Chinese throughout: every built /zh-cn/ page is read as its reader sees it (no JavaScript: the player's steps are
 * rendered into the HTML at build time), and no run of three or more Latin words may appear in its text.
 *
 * Not counted:
 * - code, pre, kbd, samp, script, style, svg, and text hidden from everyone (`hidden`);
 * - the text of a `<textarea>`: code the reader edits (the WSGI lab's editors open with an example's Python);
 * - English quoted on purpose, marked `lang="en"`: a `<blockquote>`, `<q>` or `<cite>` quoting a specification or its section title, a `<td>` of a
 *   variable table (what a server put in a variable), a value the simulator filled into a sentence
 *   the title of an English source in a source list or under a quotation (`a.source-title`),
 *   (`.message-value`: a name, a number, quoted request bytes) or
 *   put in a variable (`.pair-value`), and the link to the English page (`a[hreflang]`).
 *   Any other element marked `lang="en"` is counted like the rest of the page.
 * - the names in ALLOWED: products, directives and titles of sources, which are English in Chinese text too.
 */
const ALLOWED: readonly string[] = [
  // The site's name.
  'Hop by Hop',
  // Products and protocols by their English names, and what acronyms stand for.
  'Apache HTTP Server',
  'Apache JServ Protocol',
  'Java EE / Jakarta EE',
  'PHP CGI SAPI',
  'Web Server Gateway Interface',
  'Asynchronous Server Gateway Interface',
  'Common Gateway Interface',
  'Server Application Programming Interface',
  'Python Enhancement Proposal',
  // The author of PEP 333 and PEP 3333.
  'Phillip J. Eby',
];

/** An element whose text is quoted English, by the rules above (evaluated in the page). */
const EXEMPT_SELECTOR = [
  'code',
  'pre',
  'kbd',
  'samp',
  'script',
  'style',
  'svg',
  'template',
  'textarea',
  '[hidden]',
  'blockquote[lang="en"]',
  'q[lang="en"]',
  'cite[lang="en"]',
  'td[lang="en"]',
  '.message-value[lang="en"]',
  '.pair-value[lang="en"]',
  'a[hreflang][lang="en"]',
  'a.source-title[lang="en"]',
].join(', ');

/** The page's text with every exempt element cut out (a line break in its place), blocks on lines of their own. */
function pageText(selector: string): string {
  const BLOCK =
    /^(P|LI|H[1-6]|TD|TH|DT|DD|FIGCAPTION|CAPTION|SUMMARY|DIV|SECTION|NAV|HEADER|FOOTER|TR|BUTTON|OPTION|LABEL|LEGEND)$/;
  const out: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      out.push(node.textContent ?? '');
      return;
    }
    if (!(node instanceof Element)) return;
    if (node.matches(selector)) {
      out.push('\n');
      return;
    }
    const block = BLOCK.test(node.tagName);
    if (block) out.push('\n');
    for (const child of node.childNodes) walk(child);
    if (block) out.push('\n');
  };
  walk(document.body);
  const title = document.title;
  return `${title}\n${out.join('')}`;
}

/**
 * Runs of three or more Latin words: stretches without Han characters or full-width punctuation. Arrows, dashes,
 * bars, middle dots (between aliases) and curly quotes end a run (a path of names, "nginx → fastcgi_pass → flup", is not a sentence).
 */
export function latinRuns(text: string): string[] {
  let rest = text;
  for (const name of ALLOWED) rest = rest.split(name).join('\n');
  const runs: string[] = [];
  for (const stretch of rest.split(/[\n→←|·—–“”\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]+/u)) {
    // A word of prose: letters (an apostrophe or hyphen inside), without the dots, underscores, slashes and digits
    // of identifiers such as wsgi.run_once or HTTP/1.1.
    const words = stretch
      .split(/\s+/)
      .map((token) => token.replace(/^[("'‘]+|[)"'’,.:;!?]+$/g, ''))
      .filter((word) => /^[A-Za-z][A-Za-z'’-]*$/.test(word));
    if (words.length >= 3) runs.push(stretch.trim().replace(/\s+/g, ' '));
  }
  return runs;
}

describe('Chinese throughout: no English prose on /zh-cn/ pages', () => {
  const site = useBuiltSite();
  const pages = builtPages().filter((page) => page.startsWith('/zh-cn/'));

  it('has Chinese pages, the pipeline players among them', () => {
    expect(pages.length).toBeGreaterThan(40);
    expect(pages.filter((page) => page.startsWith('/zh-cn/pipelines/')).length).toBeGreaterThan(5);
  });

  it('no page has a run of three or more Latin words outside code and quotations', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const found: Record<string, string[]> = {};
    try {
      const page = await context.newPage();
      for (const path of pages) {
        await page.goto(`${site.server.url}${path}`, { waitUntil: 'domcontentloaded' });
        const runs = latinRuns(await page.evaluate(pageText, EXEMPT_SELECTOR));
        if (runs.length > 0) found[path] = runs;
      }
    } finally {
      await context.close();
    }
    const counts = Object.fromEntries(Object.entries(found).map(([path, runs]) => [path, runs.length]));
    if (Object.keys(found).length > 0) console.log(JSON.stringify(found, null, 1));
    expect(counts).toEqual({});
  }, 300_000);
});
