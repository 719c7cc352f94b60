import type { Code, Root } from 'mdast';
import type { Locale } from '../i18n/locale.ts';
import { visit } from 'unist-util-visit';
import { PIPELINES, PIPELINE_IDS } from '../sim/index.ts';
import { pipelineChart } from '../render/pipeline-chart.ts';
import { toHtml } from '../render/element-tree.ts';
import { fenceLocation, type MarkdownFile } from './remark-mermaid.ts';

/** The page language of a Markdown file, from its path: Chinese pages live under `/zh-cn/`. */
export function pageLang(path: string | undefined): Locale {
  return path?.replace(/\\/g, '/').includes('/zh-cn/') ? 'zh-cn' : 'en';
}

/**
 * Turns a ```pipeline fence whose body is a simulator pipeline id (e.g. `nginx-fastcgi-flup`) into the pipeline's
 * chart, drawn at build time from the pipeline's data in the page's language (plain HTML: no Mermaid to load, no
 * layout after load), so the term page and the simulator cannot disagree. Each node links to its term. An unknown
 * id fails the build.
 */
export function remarkPipelineDiagram() {
  return (tree: Root, file: MarkdownFile) => {
    visit(tree, 'code', (node: Code, index, parent) => {
      if (node.lang !== 'pipeline' || !parent || index === undefined) return;
      const id = node.value.trim();
      const pipeline = Object.hasOwn(PIPELINES, id) ? PIPELINES[id] : undefined;
      if (!pipeline) {
        throw new Error(`${fenceLocation(file, node)}: unknown pipeline "${id}" (known: ${PIPELINE_IDS.join(', ')})`);
      }
      parent.children.splice(index, 1, { type: 'html', value: toHtml(pipelineChart(pipeline, pageLang(file.path))) });
    });
  };
}
