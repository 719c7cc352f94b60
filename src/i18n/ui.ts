import type { TermLocale } from '../glossary/validate-terms.ts';

/**
 * Interface strings of our own site components, per glossary locale. Every interface string lives in `src/i18n/`:
 * this file for the site, `player.ts` for the pipeline player and its renderer, `process-model.ts` for the process
 * model.
 */
export const UI = {
  en: {
    related: 'Related terms',
    sources: 'Primary sources',
    role: 'Role',
    status: 'Status',
    searchLabel: 'Search',
    searchPlaceholder: 'Search terms in English or 中文',
    searchClose: 'Close',
    searchNoResults: 'No results for',
    searchLoading: 'Loading search…',
    searchCount: '{n} results',
    searchHint: 'Enter opens, ↑ ↓ move, Esc closes',
    searchOther: 'Chinese page',
    searchNeedsJs: 'Search needs JavaScript',
    previewOpen: 'Open',
    az: 'A–Z',
    byRole: 'By role on the request path',
    english: 'English',
    chinese: '中文',
    summary: 'Summary',
    aliases: 'Also called:',
    twin: 'In Chinese:',
    term: 'Term',
  },
  'zh-cn': {
    related: '相关术语',
    sources: '一手资料',
    role: '角色',
    status: '状态',
    searchLabel: '搜索',
    searchPlaceholder: '用中文或 English 搜索术语',
    searchClose: '关闭',
    searchNoResults: '没有找到',
    searchLoading: '正在加载搜索…',
    searchCount: '找到 {n} 条结果',
    searchHint: 'Enter 打开，↑ ↓ 选择，Esc 关闭',
    searchOther: '英文页面',
    searchNeedsJs: '搜索需要启用 JavaScript',
    previewOpen: '打开',
    az: '按字母排序',
    byRole: '按在请求路径上的角色',
    english: 'English',
    chinese: '中文',
    summary: '简介',
    aliases: '又称：',
    twin: '英文：',
    term: '术语',
  },
} as const satisfies Record<TermLocale, Record<string, string>>;

/** Human names of term roles. */
export const ROLE_LABELS = {
  en: {
    'http-server': 'HTTP server',
    protocol: 'Protocol or interface',
    gateway: 'Gateway or application server',
    'server-module': 'Server module',
    framework: 'Web framework',
    successor: 'Where the story went next',
  },
  'zh-cn': {
    'http-server': 'HTTP 服务器',
    protocol: '协议与接口',
    gateway: '网关与应用服务器',
    'server-module': '服务器模块',
    framework: 'Web 框架',
    successor: '后来者',
  },
} as const;

/** Human names of term statuses. */
export const STATUS_LABELS = {
  en: { current: 'Current', legacy: 'Legacy', historical: 'Historical' },
  'zh-cn': { current: '仍在使用', legacy: '遗留', historical: '已成历史' },
} as const;

/** Maps Starlight's route locale (undefined for the root) to a glossary locale. */
export function toTermLocale(locale: string | undefined): TermLocale {
  return locale === 'zh-cn' ? 'zh-cn' : 'en';
}

/** The URL prefix of a locale: "" for English, "/zh-cn" for Chinese. */
export function localePrefix(locale: TermLocale): string {
  return locale === 'en' ? '' : `/${locale}`;
}
