const RE_ACC_TITLE = /^\s*accTitle\s*:\s*(.+)$/m;
const RE_ACC_DESCR = /^\s*accDescr\s*:\s*(.+)$/m;

/** Reads a Mermaid diagram's single-line `accTitle:` and `accDescr:` statements. */
export function parseMermaidAccessibility(source: string): { title?: string; description?: string } {
  const title = RE_ACC_TITLE.exec(source)?.[1]?.trim();
  const description = RE_ACC_DESCR.exec(source)?.[1]?.trim();
  return { ...(title ? { title } : {}), ...(description ? { description } : {}) };
}
