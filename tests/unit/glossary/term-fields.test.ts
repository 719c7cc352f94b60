import { describe, expect, it } from 'vitest';
import { isWsgiAppId, termFields } from '../../../src/glossary/term-fields.ts';

const valid = {
  type: 'term',
  summary: 'CGI is the original contract between a web server and a program it starts for each request.',
  role: 'protocol',
  status: 'legacy',
  aliases: ['common gateway interface'],
  related: ['fastcgi'],
  sources: [{ title: 'RFC 3875', url: 'https://www.rfc-editor.org/rfc/rfc3875' }],
};

/** The first issue's path and message, as the build would print it. */
const firstIssue = (data: unknown) => {
  const result = termFields.safeParse(data);
  if (result.success) return 'ok';
  const issue = result.error.issues[0];
  return `${issue?.path.join('.')}: ${issue?.message}`;
};

describe('term frontmatter', () => {
  it('accepts a complete term', () => {
    expect(firstIssue(valid)).toBe('ok');
  });
  it('requires a summary', () => {
    expect(firstIssue({ ...valid, summary: undefined })).toMatchInlineSnapshot(
      `"summary: is required: one sentence that defines the term"`,
    );
  });
  it('wants the summary to be one full sentence', () => {
    expect(firstIssue({ ...valid, summary: 'Too short.' })).toMatchInlineSnapshot(
      `"summary: is too short: write one full sentence (at least 40 characters)"`,
    );
    expect(firstIssue({ ...valid, summary: valid.summary.replace(/\.$/, '') })).toMatchInlineSnapshot(
      `"summary: must end with a full stop"`,
    );
  });
  it('accepts a Chinese full stop', () => {
    expect(
      firstIssue({
        ...valid,
        summary: 'CGI 是 Web 服务器为每个请求启动一个程序、并把请求信息交给它的最早约定，由 RFC 3875 规定。',
      }),
    ).toBe('ok');
  });
  it('rejects an unknown role and a non-https source', () => {
    expect(firstIssue({ ...valid, role: 'proxy' })).toMatch(/^role: /);
    expect(firstIssue({ ...valid, sources: [{ title: 'RFC 3875', url: 'http://example.com' }] })).toMatchInlineSnapshot(
      `"sources.0.url: must be an https:// URL"`,
    );
  });
  it('checks related slugs and the optional pipeline step', () => {
    expect(firstIssue({ ...valid, related: ['Fast CGI'] })).toMatchInlineSnapshot(
      `"related.0: must be a term slug like "fastcgi""`,
    );
    expect(firstIssue({ ...valid, pipeline: { id: 'nginx-fastcgi-flup', step: 0 } })).toMatch(/^pipeline.step: /);
    expect(firstIssue({ ...valid, pipeline: { id: 'nginx-fastcgi-flup', step: 2 } })).toBe('ok');
  });
  it('lets the embedded player end in a named simulator application', () => {
    expect(firstIssue({ ...valid, pipeline: { id: 'apache-cgi', step: 3, app: 'webpy' } })).toBe('ok');
    expect(firstIssue({ ...valid, pipeline: { id: 'apache-cgi', step: 3, app: 'bottle' } })).toMatch(
      /^pipeline\.app: must be a simulator application id \(plain, middleware, webpy, /,
    );
  });
  it('takes only own keys as application ids, not names inherited from Object.prototype', () => {
    expect(isWsgiAppId('webpy')).toBe(true);
    for (const inherited of ['toString', 'constructor', 'hasOwnProperty', '__proto__']) {
      expect(isWsgiAppId(inherited)).toBe(false);
      expect(firstIssue({ ...valid, pipeline: { id: 'apache-cgi', step: 3, app: inherited } })).toMatch(
        /^pipeline\.app: /,
      );
    }
  });
  it('refuses an application on a pipeline whose application cannot be swapped', () => {
    expect(
      firstIssue({ ...valid, pipeline: { id: 'nginx-fastcgi-php', step: 2, app: 'webpy' } }),
    ).toMatchInlineSnapshot(`"pipeline.app: is set, but this pipeline's application cannot be swapped"`);
  });
});
