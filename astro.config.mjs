// @ts-check
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import { unified } from '@astrojs/markdown-remark';
import { remarkMermaid } from './src/markdown/remark-mermaid.ts';
import { remarkPipelineDiagram } from './src/markdown/remark-pipeline-diagram.ts';
import { contentSecurityPolicy } from './src/csp.ts';
import { siteUrl, siteUrlCheck } from './src/site-url.ts';
import { CHUNK_GROUPS } from './src/chunk-groups.ts';
import { pyodideAssets } from './src/lab/pyodide-assets.ts';
import { labOffline } from './src/lab/lab-offline-build.ts';

/** The public address of the site; used for the sitemap, canonical links, og:url and hreflang alternates. */
const site = siteUrl(process.env);

export default defineConfig({
  site,
  trailingSlash: 'always',
  // Inline CSS: one request fewer before first paint on every page (measured by `npm run bench`).
  build: { inlineStylesheets: 'always' },
  // The player loads each pipeline's parts (src/sim/pipelines/parts/) on demand; left alone, the bundler makes a
  // chunk of every set of modules two of them share (dozens of small files, each compressed alone). The simulator's
  // core, which every trace runs, is one chunk instead (src/chunk-groups.ts).
  // The lab's worker is a module worker (`type: 'module'`): it imports Pyodide's loader from the site at run time.
  vite: {
    build: { rolldownOptions: { output: { codeSplitting: { groups: CHUNK_GROUPS } } } },
    worker: { format: 'es' },
  },
  markdown: { processor: unified({ remarkPlugins: [remarkPipelineDiagram, remarkMermaid] }) },
  integrations: [
    starlight({
      title: { en: 'Hop by Hop', 'zh-CN': 'Hop by Hop 逐跳' },
      description: 'An interactive glossary of the web server–gateway stack, traced hop by hop.',
      defaultLocale: 'root',
      locales: {
        root: { label: 'English', lang: 'en' },
        'zh-cn': { label: '简体中文', lang: 'zh-CN' },
      },
      favicon: '/favicon.svg',
      // Marks the page as scripted before its first paint, so what only works with JavaScript (the player's controls,
      // its request editor) is laid out from the start instead of appearing later and moving the page (CLS).
      head: [{ tag: 'script', content: "document.documentElement.setAttribute('data-js', '')" }],
      pagefind: false,
      lastUpdated: false,
      customCss: ['./src/styles/site.css', './src/styles/pipeline-chart.css'],
      // Wrapped code never scrolls sideways, so no code block becomes an unlabelled scrollable region on phones.
      expressiveCode: { defaultProps: { wrap: true } },
      components: {
        Search: './src/components/Search.astro',
        PageTitle: './src/components/PageTitle.astro',
        MarkdownContent: './src/components/MarkdownContent.astro',
      },
      routeMiddleware: './src/route-data.ts',
      sidebar: [
        {
          label: 'Start here',
          translations: { 'zh-CN': '从这里开始' },
          items: [
            { slug: 'glossary', label: 'Glossary index', translations: { 'zh-CN': '术语索引' } },
            { slug: 'term-table', label: 'English ↔ 中文 terms', translations: { 'zh-CN': '中英术语对照' } },
            { link: '/pipelines/', label: 'Pipelines, hop by hop', translations: { 'zh-CN': '管线逐跳演示' } },
            {
              link: '/lab/',
              label: 'WSGI lab: run your own code',
              translations: { 'zh-CN': 'WSGI 实验室：运行你自己的代码' },
            },
            { slug: 'process-model', label: 'Process model', translations: { 'zh-CN': '进程模型' } },
          ],
        },
        {
          label: 'Terms, in request order',
          translations: { 'zh-CN': '术语（按请求路径排序）' },
          items: [{ autogenerate: { directory: 'terms' } }],
        },
        {
          label: 'Variables',
          translations: { 'zh-CN': '变量' },
          items: [{ autogenerate: { directory: 'variables' } }],
        },
      ],
    }),
    // Warns once per build when SITE_URL is not set.
    siteUrlCheck(process.env),
    // Pyodide's files for the lab, served from this origin (copied into the build, served from node_modules in dev).
    pyodideAssets(),
    // After the build: every page gets a Content-Security-Policy meta tag with the hashes of its inline scripts.
    contentSecurityPolicy(),
    // Then the lab's service worker, caching the lab's pages as served (with their policy) and what they load.
    labOffline({ pages: ['/lab/', '/zh-cn/lab/'] }),
  ],
});
