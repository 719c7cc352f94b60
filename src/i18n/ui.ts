import type { Locale } from './locale.ts';

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
    searchHint: 'Enter opens, ↑ ↓ move, Esc clears, then closes',
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
    frontDoorTitle: 'Watch a request travel',
    frontDoorCaption:
      'A form POST through nginx, flup and a Python application, hop by hop: the simulator’s trace, checked against what the real nginx sends.',
    frontDoorStep: 'Step {n}',
    frontDoorWatch: 'Watch a request travel',
    frontDoorPipelines: 'All pipelines',
    frontDoorProcessModel: 'Process model',
    frontDoorReplay: 'Play again',
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
    searchHint: 'Enter 打开，↑ ↓ 选择，Esc 先清空、再关闭',
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
    frontDoorTitle: '看一个请求怎样一跳一跳地走',
    frontDoorCaption:
      '一个表单 POST 请求依次经过 nginx、flup 和 Python 应用：这是模拟器给出的逐跳追踪，并且与真实 nginx 发出的字节核对过。',
    frontDoorStep: '第 {n} 步',
    frontDoorWatch: '逐跳观看请求',
    frontDoorPipelines: '全部管线',
    frontDoorProcessModel: '进程模型',
    frontDoorReplay: '再播放一次',
  },
} as const satisfies Record<Locale, Record<string, string>>;

/** Interface strings of the variable pages: the specification quote, the generated tables, the claims. */
export const VARIABLE_UI = {
  en: {
    spec: 'What the specification says',
    servers: 'What the servers really do',
    serversIntro:
      'Generated when this site was built: the simulator sends each request below through every modelled pipeline and reads the variable on the hop where it reaches the application. Each pipeline is checked against the real server.',
    caption: 'what the application gets, by pipeline and request',
    colon: ': ',
    scroll: 'Table of {name} (scrolls sideways)',
    pipeline: 'Pipeline',
    notSet: 'not set',
    empty: 'empty string',
    rejected: 'rejected: {status}',
    findings: 'Read from the table',
    requests: 'The requests, byte for byte',
    twin: 'In Chinese:',
  },
  'zh-cn': {
    spec: '规范怎么说',
    servers: '各服务器实际怎么做',
    serversIntro:
      '下面的表格在构建本站时生成：模拟器把每个请求送过所有建模的管线，在变量到达应用的那一跳读出它的值。每条管线都与真实服务器对照检验过。',
    caption: '应用在各管线、各请求下拿到的值',
    colon: '：',
    scroll: '{name} 的表格（可横向滚动）',
    pipeline: '管线',
    notSet: '未设置',
    empty: '空字符串',
    rejected: '被拒绝：{status}',
    findings: '从表中读出的要点',
    requests: '所用请求的原始字节',
    twin: '英文：',
  },
} as const satisfies Record<Locale, Record<string, string>>;

/** Column headings of the variable tables: one short name per traced request. */
export const VARIABLE_REQUEST_LABELS = {
  en: {
    prefix: 'App at a prefix',
    'encoded-slash': 'Encoded slash',
    'no-host': 'No Host (HTTP/1.0)',
    chunked: 'Chunked body',
    'proxy-header': 'Proxy: header',
    'underscore-header': 'Underscore header',
  },
  'zh-cn': {
    prefix: '应用挂在前缀下',
    'encoded-slash': '编码的斜杠',
    'no-host': '没有 Host（HTTP/1.0）',
    chunked: '分块传输的请求体',
    'proxy-header': 'Proxy 请求头',
    'underscore-header': '名字带下划线的请求头',
  },
} as const;

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
