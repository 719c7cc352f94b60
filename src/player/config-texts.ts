/** Build-time: the reference configuration files of a pipeline, read from `configs/` and filled in. */
import { pipelineOrigins } from '../sim/index.ts';
import { configFiles, fillPlaceholders, originLines } from './reference-config.ts';
import type { OriginLines } from '../render/origin-anchor.ts';

const RAW = import.meta.glob<string>('/configs/**/*.{conf,py,ini}', { query: '?raw', import: 'default', eager: true });
const DEBIAN = import.meta.glob<string>('/configs/debian/*', { query: '?raw', import: 'default', eager: true });

/** One configuration file as the page shows it. */
export interface ConfigText {
  file: string;
  source: string;
  text: string;
}

/** The files a pipeline's servers read, with their text; an error names a file that is missing. */
export function configTexts(pipelineId: string): ConfigText[] {
  return configFiles(pipelineId).map(({ file, source }) => {
    const raw = RAW[`/${source}`] ?? DEBIAN[`/${source}`];
    if (raw === undefined) throw new Error(`${source}: reference configuration file not found`);
    return { file, source, text: fillPlaceholders(raw).replace(/\n$/, '') };
  });
}

/** Where the lines behind a pipeline's variables are, for the renderer's "Set by" links. */
export function pipelineOriginLines(pipelineId: string, texts: readonly ConfigText[]): OriginLines {
  return originLines(pipelineOrigins(pipelineId), new Map(texts.map((t) => [t.file, t.text])));
}
