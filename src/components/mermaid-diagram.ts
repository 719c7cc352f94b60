import { addFullScreenButton } from './diagram-dialog.ts';
import { DIAGRAM_UI, diagramLang } from '../i18n/diagram.ts';
import { fill } from '../i18n/fill.ts';

/** Mermaid 'base' theme colours per site theme, chosen for WCAG AA contrast on every label. */
const PALETTES = {
  light: {
    background: '#ffffff',
    primaryColor: '#e7edff',
    primaryTextColor: '#11131a',
    primaryBorderColor: '#3a56c5',
    secondaryColor: '#f1ecff',
    tertiaryColor: '#edf7ef',
    lineColor: '#3d4350',
    textColor: '#11131a',
    edgeLabelBackground: '#ffffff',
    noteBkgColor: '#fff6d6',
    noteTextColor: '#11131a',
  },
  dark: {
    darkMode: true,
    background: '#17181c',
    primaryColor: '#1d2744',
    primaryTextColor: '#f2f4f8',
    primaryBorderColor: '#8fa6ff',
    secondaryColor: '#2a2240',
    tertiaryColor: '#1b2b20',
    lineColor: '#c5cad3',
    textColor: '#f2f4f8',
    edgeLabelBackground: '#17181c',
    noteBkgColor: '#3a3217',
    noteTextColor: '#f2f4f8',
  },
} as const;

/** Below this width a left-to-right flowchart is drawn top-to-bottom, so its labels stay readable on phones. */
const NARROW_PX = 560;
const RE_LEFT_RIGHT = /^(\s*(?:flowchart|graph))\s+LR\b/m;
/** Mermaid draws text at this size; a drawing is never shrunk below MIN_TEXT_PX / FONT_PX of its own width. */
const FONT_PX = 16;
const MIN_TEXT_PX = 12;

/** Renders a Mermaid diagram when it nears the viewport, and again when the colour theme changes. */
export class MermaidDiagram extends HTMLElement {
  static #count = 0;
  #observer: IntersectionObserver | undefined;
  #themeObserver: MutationObserver | undefined;
  #renderedTheme: string | undefined;

  connectedCallback(): void {
    this.#observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((e) => e.isIntersecting)) return;
        this.#observer?.disconnect();
        performance.mark(`diagram-visible-${this.#index()}`);
        void this.#render();
        this.#themeObserver = new MutationObserver(() => void this.#render());
        this.#themeObserver.observe(document.documentElement, { attributeFilter: ['data-theme'] });
      },
      { rootMargin: '0px 0px 80px 0px' },
    );
    this.#observer.observe(this);
  }

  disconnectedCallback(): void {
    this.#observer?.disconnect();
    this.#themeObserver?.disconnect();
  }

  #index(): number {
    return [...document.querySelectorAll('mermaid-diagram')].indexOf(this);
  }

  async #render(): Promise<void> {
    const theme = document.documentElement.dataset['theme'] === 'light' ? 'light' : 'dark';
    if (theme === this.#renderedTheme) return;
    const narrow = this.clientWidth > 0 && this.clientWidth < NARROW_PX;
    const source = narrow ? this.dataset['source']?.replace(RE_LEFT_RIGHT, '$1 TB') : this.dataset['source'];
    const canvas = this.querySelector<HTMLElement>('.diagram-canvas');
    if (!source || !canvas) return;
    this.dataset['state'] = 'loading';
    try {
      const { default: mermaid } = await import('mermaid');
      mermaid.initialize({
        startOnLoad: false,
        securityLevel: 'strict',
        layout: 'dagre',
        theme: 'base',
        themeVariables: { ...PALETTES[theme], fontSize: '16px' },
        fontFamily: 'inherit',
      });
      const { svg } = await mermaid.render(`hbh-diagram-${++MermaidDiagram.#count}`, source);
      // Swap in one step so the old drawing stays until the new one is ready (no flicker).
      canvas.innerHTML = svg;
      fitDrawing(canvas);
      this.#renderedTheme = theme;
      this.dataset['state'] = 'rendered';
      this.dataset['theme'] = theme;
      performance.mark(`diagram-rendered-${this.#index()}`);
    } catch (error) {
      this.dataset['state'] = 'error';
      console.error('Diagram could not be rendered; its text description stays visible.', error);
    }
  }
}

/**
 * Keeps the drawing's text at 12 px or more on screen: the SVG is never narrower than 12/16 of its own width, and a
 * drawing wider than the column scrolls sideways in a focusable, labelled region. The SVG is hidden from screen
 * readers (the caption describes the diagram); the caption gets the full-screen button.
 */
function fitDrawing(canvas: HTMLElement): void {
  const svg = canvas.querySelector('svg');
  if (!svg) return;
  svg.setAttribute('aria-hidden', 'true');
  const width = svg.viewBox.baseVal?.width ?? 0;
  if (width > 0) svg.style.minWidth = `${Math.ceil((width * MIN_TEXT_PX) / FONT_PX)}px`;
  const scrolls = canvas.scrollWidth > canvas.clientWidth + 1;
  const title = canvas.closest('figure')?.querySelector('.diagram-title')?.textContent?.trim() ?? '';
  if (scrolls) {
    canvas.setAttribute('tabindex', '0');
    canvas.setAttribute('role', 'region');
    canvas.setAttribute('aria-label', fill(DIAGRAM_UI[diagramLang()].scrolls, { title }));
  } else {
    for (const name of ['tabindex', 'role', 'aria-label']) canvas.removeAttribute(name);
  }
  const figure = canvas.closest('figure');
  if (figure) addFullScreenButton(figure);
}

if (!customElements.get('mermaid-diagram')) customElements.define('mermaid-diagram', MermaidDiagram);
