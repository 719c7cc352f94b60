/** The part of Pagefind's browser API this dialog uses. */
interface PagefindModule {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(q: string): Promise<{ results: { data(): Promise<PagefindResult> }[] } | null>;
}
interface PagefindResult {
  url: string;
  excerpt: string;
  meta: { title?: string };
  sub_results?: { title: string; url: string; excerpt: string }[];
}
type Lang = 'en' | 'zh-cn';

const BUNDLES: readonly Lang[] = ['en', 'zh-cn'];
const MAX_RESULTS = 8;
const MAX_SUB_RESULTS = 3;
const RE_MARK = /<(\/?)mark>/g;

/** Keeps only Pagefind's <mark> tags in an excerpt; everything else is shown as text. */
function excerptNodes(excerpt: string): Node[] {
  const nodes: Node[] = [];
  let marked = false;
  let last = 0;
  const push = (text: string) => {
    const decoded = new DOMParser().parseFromString(text, 'text/html').documentElement.textContent ?? '';
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

/** Site search in both languages: Pagefind loads only when the dialog first opens. */
class HbhSearch extends HTMLElement {
  #dialog = this.querySelector('dialog') as HTMLDialogElement;
  #input = this.querySelector('input') as HTMLInputElement;
  #list = this.querySelector('.search-results') as HTMLUListElement;
  #status = this.querySelector('.search-status') as HTMLElement;
  #engines: Promise<Map<Lang, PagefindModule>> | undefined;
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

  async #load(): Promise<Map<Lang, PagefindModule>> {
    const engines = new Map<Lang, PagefindModule>();
    await Promise.all(
      BUNDLES.map(async (lang) => {
        const url = `/pagefind/${lang}/pagefind.js`;
        const engine = (await import(/* @vite-ignore */ url)) as PagefindModule;
        await engine.options({ baseUrl: '/', excerptLength: 18 });
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
    const pageLang = (this.dataset['lang'] ?? 'en') as Lang;
    const order = [pageLang, ...BUNDLES.filter((l) => l !== pageLang)];
    const found = await Promise.all(
      order.map(async (lang) => {
        const response = await engines.get(lang)?.search(query);
        const data = await Promise.all((response?.results ?? []).slice(0, MAX_RESULTS).map((r) => r.data()));
        return data.map((d) => ({ lang, d }));
      }),
    );
    if (ticket !== this.#query) return;
    const results = found.flat().slice(0, MAX_RESULTS * 2);
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
    const subs = (result.sub_results ?? []).filter((s) => s.url !== result.url).slice(0, MAX_SUB_RESULTS);
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

if (!customElements.get('hbh-search')) customElements.define('hbh-search', HbhSearch);
