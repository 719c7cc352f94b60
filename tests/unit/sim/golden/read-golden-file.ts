/** One golden case: a heading, the request bytes, and the expected summary. */
export interface GoldenCase {
  title: string;
  request: string;
  expected: string;
  /** Options line under the heading, e.g. `app: flask`. */
  app: string | null;
  /** Options line under the heading, e.g. `fault: backend-down`: the fault injected into the run. */
  fault: string | null;
  /** Character ranges of the expected block in the file, for rewriting. */
  expectedStart: number;
  expectedEnd: number;
}

const RE_CASE =
  /^## (.+)\n(?:\n((?:(?:app|fault): \S+\n)+))?\n```(http|http-lf)\n([\s\S]*?)\n```\n\n```trace\n([\s\S]*?)```/gm;

/** The value of one `name: value` options line, or null. */
function option(options: string, name: string): string | null {
  return new RegExp(`^${name}: (\\S+)$`, 'm').exec(options)?.[1] ?? null;
}

/**
 * Reads an llhttp-style golden file: `## title`, optional `app: <id>` and `fault: <id>` lines, an ```http block (lines joined with
 * CRLF, or LF for ```http-lf; a trailing empty line ends the header section), then a ```trace block with the
 * expected summary.
 */
export function readGoldenFile(text: string): GoldenCase[] {
  const cases: GoldenCase[] = [];
  for (const match of text.matchAll(RE_CASE)) {
    const [whole, title = '', options = '', kind, body = '', expected = ''] = match;
    const eol = kind === 'http-lf' ? '\n' : '\r\n';
    const start = (match.index ?? 0) + whole.lastIndexOf('```trace\n') + '```trace\n'.length;
    const lines = body.split('\n');
    // A trailing empty line is the end of the header section: it needs its own line end.
    const request = lines.join(eol) + (lines[lines.length - 1] === '' ? eol : '');
    cases.push({
      title,
      request,
      expected: expected.replace(/\n$/, ''),
      app: option(options, 'app'),
      fault: option(options, 'fault'),
      expectedStart: start,
      expectedEnd: start + expected.length,
    });
  }
  return cases;
}
