/** One golden case: a heading, the request bytes, and the expected summary. */
export interface GoldenCase {
  title: string;
  request: string;
  expected: string;
  /** Options line under the heading, e.g. `app: flask`. */
  app: string | null;
  /** Character ranges of the expected block in the file, for rewriting. */
  expectedStart: number;
  expectedEnd: number;
}

const RE_CASE = /^## (.+)\n(?:\napp: (\S+)\n)?\n```(http|http-lf)\n([\s\S]*?)\n```\n\n```trace\n([\s\S]*?)```/gm;

/**
 * Reads an llhttp-style golden file: `## title`, an optional `app: <id>` line, an ```http block (lines joined with
 * CRLF, or LF for ```http-lf; a trailing empty line ends the header section), then a ```trace block with the
 * expected summary.
 */
export function readGoldenFile(text: string): GoldenCase[] {
  const cases: GoldenCase[] = [];
  for (const match of text.matchAll(RE_CASE)) {
    const [whole, title = '', app, kind, body = '', expected = ''] = match;
    const eol = kind === 'http-lf' ? '\n' : '\r\n';
    const start = (match.index ?? 0) + whole.lastIndexOf('```trace\n') + '```trace\n'.length;
    const lines = body.split('\n');
    // A trailing empty line is the end of the header section: it needs its own line end.
    const request = lines.join(eol) + (lines[lines.length - 1] === '' ? eol : '');
    cases.push({
      title,
      request,
      expected: expected.replace(/\n$/, ''),
      app: app ?? null,
      expectedStart: start,
      expectedEnd: start + expected.length,
    });
  }
  return cases;
}
