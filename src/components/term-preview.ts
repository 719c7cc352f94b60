/** A term's preview data, as published in /glossary.json. */
interface PreviewEntry {
  title: string;
  summary: string;
}

const RE_TERM_PATH = /^(?:\/zh-cn)?\/terms\/[^/]+\/$/;
const HOVER_DELAY_MS = 250;
const CARD_ID = 'term-preview-card';

type PreviewIndex = Partial<Record<string, PreviewEntry>>;
let index: Promise<PreviewIndex> | undefined;
const loadIndex = (): Promise<PreviewIndex> =>
  (index ??= fetch('/glossary.json').then((r) => (r.ok ? (r.json() as Promise<PreviewIndex>) : {})));

/** The term link an event came from, if it is one that gets a preview. */
function termLinkOf(target: EventTarget | null): HTMLAnchorElement | undefined {
  if (!(target instanceof Element)) return undefined;
  const link = target.closest<HTMLAnchorElement>('.sl-markdown-content a[href]');
  if (!link || link.closest('.related-terms, mermaid-diagram')) return undefined;
  const url = new URL(link.href, location.href);
  if (url.origin !== location.origin || !RE_TERM_PATH.test(url.pathname) || url.pathname === location.pathname)
    return undefined;
  return link;
}

/** Shows term summaries beside term links on hover, keyboard focus and first tap. */
class TermPreview {
  #card: HTMLElement;
  #link: HTMLAnchorElement | undefined;
  #timer: number | undefined;
  #lastPointer = 'mouse';

  constructor() {
    this.#card = document.createElement('div');
    this.#card.id = CARD_ID;
    this.#card.className = 'term-preview';
    this.#card.setAttribute('role', 'tooltip');
    this.#card.hidden = true;
    document.body.append(this.#card);

    document.addEventListener('pointerdown', (e) => (this.#lastPointer = e.pointerType));
    document.addEventListener('pointerover', (e) => {
      if (e.pointerType === 'touch') return;
      const link = termLinkOf(e.target);
      if (link) this.#schedule(() => void this.#show(link));
      else if (this.#card.contains(e.target as Node)) window.clearTimeout(this.#timer);
      else this.#schedule(() => this.#hide());
    });
    document.addEventListener('focusin', (e) => {
      const link = termLinkOf(e.target);
      if (link) void this.#show(link);
      else if (!this.#card.contains(e.target as Node)) this.#hide();
    });
    document.addEventListener('click', (e) => {
      const link = termLinkOf(e.target);
      if (!link || this.#lastPointer !== 'touch') return;
      if (this.#link === link && !this.#card.hidden) return; // second tap follows the link
      e.preventDefault();
      void this.#show(link);
    });
    document.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && !this.#card.hidden) this.#hide();
    });
  }

  #schedule(action: () => void): void {
    window.clearTimeout(this.#timer);
    this.#timer = window.setTimeout(action, HOVER_DELAY_MS);
  }

  async #show(link: HTMLAnchorElement): Promise<void> {
    window.clearTimeout(this.#timer);
    const entries = await loadIndex();
    const entry = entries[new URL(link.href).pathname];
    if (!entry) return;
    this.#hide();
    this.#link = link;
    const title = document.createElement('strong');
    title.textContent = entry.title;
    const summary = document.createElement('p');
    summary.textContent = entry.summary;
    const open = document.createElement('a');
    open.href = link.href;
    open.textContent = `${document.documentElement.lang.startsWith('zh') ? '打开' : 'Open'} ${entry.title} →`;
    open.tabIndex = -1;
    this.#card.replaceChildren(title, summary, open);
    this.#card.hidden = false;
    link.setAttribute('aria-describedby', CARD_ID);
    this.#place(link);
  }

  #place(link: HTMLAnchorElement): void {
    const rect = link.getBoundingClientRect();
    const width = Math.min(360, document.documentElement.clientWidth - 16);
    const left = Math.max(8, Math.min(rect.left, document.documentElement.clientWidth - width - 8));
    this.#card.style.width = `${width}px`;
    this.#card.style.left = `${left + window.scrollX}px`;
    this.#card.style.top = `${rect.bottom + window.scrollY + 6}px`;
  }

  #hide(): void {
    this.#card.hidden = true;
    this.#link?.removeAttribute('aria-describedby');
    this.#link = undefined;
  }
}

if (document.querySelector('.sl-markdown-content a[href*="/terms/"]')) new TermPreview();
