import { LOCALES, type Locale } from '../i18n/locale.ts';

/** The part of Pagefind's browser API this dialog uses. */
interface PagefindModule {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(q: string): Promise<{ results: { data(): Promise<PagefindResult> }[] } | null>;
}
interface PagefindResult {
  url: string;
  excerpt: string;
  /** `aliases` is set on term pages (PageTitle.astro), joined with ALIAS_SEPARATOR. */
  meta: { title?: string; aliases?: string };
  sub_results?: { title: string; url: string; excerpt: string }[];
}

const BUNDLES: readonly Locale[] = LOCALES;
const MAX_RESULTS = 8;
const MAX_SUB_RESULTS = 3;
const ALIAS_SEPARATOR = ' · ';
const RE_MARK = /<(\/?)mark>/g;
const RE_CJK = /[\u3400-\u9fff\uf900-\ufaff]/u;
/** Everything but letters and digits: "mod_wsgi", "mod-wsgi" and "mod wsgi" name the same thing. */
const RE_NOT_WORD = /[^\p{L}\p{N}]+/gu;

/**
 * Ranking for a glossary: a page's title and aliases (metadata) count far more than its body, and a word repeated
 * all over a long page (a pipeline page names its servers in every step) saturates fast.
 */
const RANKING = { metaWeights: { title: 10, aliases: 8 }, termSaturation: 0.8, pageLength: 0.5 };

/** A title or alias as compared with a query: lower case, letters and digits only. */
const normalise = (text: string): string => text.toLowerCase().replace(RE_NOT_WORD, '');

/** Whether a query names a result outright: its title, its title without the parenthesis, or one of its aliases. */
function namesResult(query: string, result: PagefindResult): boolean {
  const q = normalise(query);
  if (!q) return false;
  const title = result.meta.title ?? '';
  const names = [title, title.replace(/[（(].*$/u, ''), ...(result.meta.aliases?.split(ALIAS_SEPARATOR) ?? [])];
  return names.some((name) => normalise(name) === q);
}

const NAMED_REFERENCES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const RE_REFERENCE = /&(?:#(\d+)|#x([0-9a-f]+)|([a-z]+));/gi;

/**
 * Decodes the character references Pagefind escapes in an excerpt. Spaces stay as they are: parsing each piece as a
 * document (as this once did) dropped the space after every highlight and glued words together.
 */
function decodeText(text: string): string {
  return text.replace(RE_REFERENCE, (whole, dec?: string, hex?: string, name?: string) => {
    const code = dec ? Number(dec) : hex ? parseInt(hex, 16) : undefined;
    if (code === undefined) return NAMED_REFERENCES[(name ?? '').toLowerCase()] ?? whole;
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** Keeps only Pagefind's <mark> tags in an excerpt; everything else is shown as text. */
function excerptNodes(excerpt: string): Node[] {
  const nodes: Node[] = [];
  let marked = false;
  let last = 0;
  const push = (text: string) => {
    const decoded = decodeText(text);
    if (!decoded) return;
    if (marked) {
      const mark = document.createElement('mark');
      mark.textContent = decoded;
      nodes.push(mark);
    } else nodes.push(document.createTextNode(decoded));
  };
  for (const match of excerpt.matchAll(RE_MARK)) {
    push(excerpt.slice(last, match.index));
    marked = match[1] !== '/';
    last = match.index + match[0].length;
  }
  push(excerpt.slice(last));
  return nodes;
}

/** A result's sections, without the page itself (its title, its top) and without repeats. */
function distinctSubResults(result: PagefindResult): NonNullable<PagefindResult['sub_results']> {
  const page = result.url.replace(/#.*$/, '');
  const seen = new Set([normalise(result.meta.title ?? '')]);
  return (result.sub_results ?? []).filter((sub) => {
    const key = normalise(sub.title);
    if (sub.url === result.url || sub.url === page || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Site search in both languages: Pagefind loads only when the dialog first opens. */
class SiteSearch extends HTMLElement {
  #dialog = this.querySelector('dialog') as HTMLDialogElement;
  #input = this.querySelector('input') as HTMLInputElement;
  #list = this.querySelector('.search-results') as HTMLUListElement;
  #status = this.querySelector('.search-status') as HTMLElement;
  #engines: Promise<Map<Locale, PagefindModule>> | undefined;
  #query = 0;

  connectedCallback(): void {
    this.querySelector('[data-open]')?.addEventListener('click', () => this.open());
    window.addEventListener('keydown', (e) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        if (this.#dialog.open) this.#dialog.close();
        else this.open();
      }
    });
    this.#input.addEventListener('input', () => void this.#search());
    this.#input.addEventListener('keydown', (e) => this.#onInputKey(e));
    this.#list.addEventListener('keydown', (e) => this.#onListKey(e));
    this.#dialog.addEventListener('click', (e) => {
      if (e.target === this.#dialog) this.#dialog.close();
    });
  }

  /** Opens the dialog and starts loading both search bundles. */
  open(): void {
    this.#dialog.showModal();
    this.#input.focus();
    this.#input.select();
    this.#engines ??= this.#load();
    if (this.#input.value) void this.#search();
  }

  async #load(): Promise<Map<Locale, PagefindModule>> {
    const engines = new Map<Locale, PagefindModule>();
    await Promise.all(
      BUNDLES.map(async (lang) => {
        const url = `/pagefind/${lang}/pagefind.js`;
        const engine = (await import(/* @vite-ignore */ url)) as PagefindModule;
        await engine.options({ baseUrl: '/', excerptLength: 18, ranking: RANKING });
        await engine.init();
        engines.set(lang, engine);
      }),
    );
    return engines;
  }

  async #search(): Promise<void> {
    const query = this.#input.value.trim();
    const ticket = ++this.#query;
    if (!query) {
      this.#list.replaceChildren();
      this.#status.textContent = '';
      return;
    }
    this.#status.textContent = this.dataset['labelLoading'] ?? '';
    const engines = await (this.#engines ??= this.#load());
    const pageLang = (this.dataset['lang'] ?? 'en') as Locale;
    // A query in Chinese script is looked up in the Chinese pages first, whatever page it is typed on.
    const first: Locale = RE_CJK.test(query) ? 'zh-cn' : pageLang;
    const order = [first, ...BUNDLES.filter((l) => l !== first)];
    const found = await Promise.all(
      order.map(async (lang) => {
        const response = await engines.get(lang)?.search(query);
        const data = await Promise.all((response?.results ?? []).slice(0, MAX_RESULTS).map((r) => r.data()));
        return data.map((d) => ({ lang, d }));
      }),
    );
    if (ticket !== this.#query) return;
    // A page the query names (its title or an alias) comes first, from the first bundle that has one; then each
    // bundle's own ranking, in order.
    const all = found.flat();
    const named = found.map((list) => list.filter(({ d }) => namesResult(query, d))).find((l) => l.length > 0) ?? [];
    const results = [...named, ...all.filter((r) => !named.includes(r))].slice(0, MAX_RESULTS * 2);
    this.#list.replaceChildren(...results.map(({ lang, d }) => this.#renderResult(d, lang !== pageLang)));
    this.#status.textContent =
      results.length > 0
        ? (this.dataset['labelCount'] ?? '{n}').replace('{n}', String(results.length))
        : `${this.dataset['labelNone'] ?? ''} “${query}”`;
  }

  #renderResult(result: PagefindResult, otherLang: boolean): HTMLLIElement {
    const item = document.createElement('li');
    const link = document.createElement('a');
    link.href = result.url;
    link.textContent = result.meta.title ?? result.url;
    item.append(link);
    if (otherLang) {
      const tag = document.createElement('span');
      tag.className = 'search-lang';
      tag.textContent = this.dataset['labelOther'] ?? '';
      item.append(tag);
    }
    const excerpt = document.createElement('p');
    excerpt.append(...excerptNodes(result.excerpt));
    item.append(excerpt);
    const subs = distinctSubResults(result).slice(0, MAX_SUB_RESULTS);
    if (subs.length > 0) {
      const list = document.createElement('ul');
      for (const sub of subs) {
        const li = document.createElement('li');
        const a = document.createElement('a');
        a.href = sub.url;
        a.textContent = sub.title;
        li.append(a);
        list.append(li);
      }
      item.append(list);
    }
    return item;
  }

  #links(): HTMLAnchorElement[] {
    return [...this.#list.querySelectorAll('a')];
  }

  #onInputKey(e: KeyboardEvent): void {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      this.#links()[0]?.focus();
    } else if (e.key === 'Enter') {
      e.preventDefault();
      this.#links()[0]?.click();
    } else if (e.key === 'Escape' && this.#input.value) {
      // The hint says "Esc clears, then closes": the first Esc empties the query, the next one closes the dialog.
      e.preventDefault();
      this.#input.value = '';
      void this.#search();
    }
  }

  #onListKey(e: KeyboardEvent): void {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    e.preventDefault();
    const links = this.#links();
    const at = links.indexOf(document.activeElement as HTMLAnchorElement);
    const next = e.key === 'ArrowDown' ? at + 1 : at - 1;
    if (next < 0) this.#input.focus();
    else links[Math.min(next, links.length - 1)]?.focus();
  }
}

if (!customElements.get('site-search')) customElements.define('site-search', SiteSearch);
