/** Interface strings of diagrams in the browser: the full-screen button and dialog, the sideways-scrolling drawing. */
export const DIAGRAM_UI = {
  en: {
    fullScreen: 'Full screen',
    fullScreenOf: 'Show “{title}” full screen',
    close: 'Close',
    scrolls: '{title} (scrolls sideways)',
  },
  'zh-cn': {
    fullScreen: '全屏查看',
    fullScreenOf: '全屏查看“{title}”',
    close: '关闭',
    scrolls: '{title}（可横向滚动）',
  },
} as const;

/** The language of the page, as the diagram strings know it. */
export function diagramLang(): keyof typeof DIAGRAM_UI {
  return document.documentElement.lang.toLowerCase().startsWith('zh') ? 'zh-cn' : 'en';
}
