/** The reference configuration a pipeline page shows: which files, and how a directive names one of their lines. */
import { PIPELINES, REFERENCE_SITE } from '../sim/index.ts';
import type { ConfigFile } from '../sim/pipelines/pipeline-types.ts';
import { ownEntry } from '../sim/own-entry.ts';
import { originAnchor, type OriginLines } from '../render/origin-anchor.ts';

export type { ConfigFile };

/** The files a pipeline's servers read, in the order a reader follows them (from the pipeline's manifest entry). */
export function configFiles(pipelineId: string): readonly ConfigFile[] {
  return ownEntry('pipeline', PIPELINES, pipelineId).configs;
}

const PLACEHOLDERS: Readonly<Record<string, string>> = {
  '{{ROOT}}': REFERENCE_SITE.root,
  '{{PORT}}': REFERENCE_SITE.serverPort,
  '{{UPSTREAM_PORT}}': REFERENCE_SITE.upstreamPort,
};

/** A configuration template with `{{ROOT}}`, `{{PORT}}` and `{{UPSTREAM_PORT}}` filled as the tests fill them. */
export function fillPlaceholders(template: string): string {
  return template.replace(/\{\{[A-Z_]+\}\}/g, (slot) => {
    const value = PLACEHOLDERS[slot];
    if (value === undefined) throw new Error(`unknown placeholder ${slot} in a reference configuration`);
    return value;
  });
}

/** A line with its whitespace collapsed, as directives name lines. */
export function normaliseLine(line: string): string {
  return line.trim().replace(/\s+/g, ' ');
}

/** Whether a directive names this line: equal to it, or its start followed by a space. */
export function directiveMatches(directive: string, line: string): boolean {
  const text = normaliseLine(line);
  return text === directive || text.startsWith(`${directive} `);
}

/** The 1-based numbers of the lines a directive names (exactly one, when the configuration and origins agree). */
export function linesOf(directive: string, text: string): number[] {
  return text.split('\n').flatMap((line, index) => (directiveMatches(directive, line) ? [index + 1] : []));
}

/** The lines of a pipeline's configuration that its origins name, given the files' filled text. */
export function originLines(
  origins: readonly { file: string; directive: string }[],
  texts: ReadonlyMap<string, string>,
): OriginLines {
  const lines: Record<string, { file: string; line: number }> = {};
  for (const { file, directive } of origins) {
    const [line] = linesOf(directive, texts.get(file) ?? '');
    if (line !== undefined) lines[originAnchor(file, directive)] = { file, line };
  }
  return lines;
}
