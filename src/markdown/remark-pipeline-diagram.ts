import type { Code, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { PIPELINES, PIPELINE_IDS } from '../sim/index.ts';
import { pipelineMermaid } from '../player/mermaid-source.ts';
import { diagramHtml, fenceLocation, type MarkdownFile } from './remark-mermaid.ts';

/** The page language of a Markdown file, from its path: Chinese pages live under `/zh-cn/`. */
export function pageLang(path: string | undefined): 'en' | 'zh-cn' {
  return path?.replace(/\\/g, '/').includes('/zh-cn/') ? 'zh-cn' : 'en';
}

/**
 * Turns a ```pipeline fence whose body is a simulator pipeline id (e.g. `nginx-fastcgi-flup`) into the same
 * <hbh-diagram> a ```mermaid fence produces, drawn from the pipeline's data in the page's language, so the
 * term page and the simulator cannot disagree. An unknown id fails the build.
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
      const source = pipelineMermaid(pipeline, pageLang(file.path));
      parent.children.splice(
        index,
        1,
        diagramHtml(source, () => fenceLocation(file, node)),
      );
    });
  };
}
