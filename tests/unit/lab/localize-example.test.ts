import { describe, expect, it } from 'vitest';
import { LAB_EXAMPLES } from '../../../src/lab/examples/index.ts';
import { commentStart, localizeComments, localizeExample } from '../../../src/lab/examples/localize-example.ts';
import { runHarness, SAMPLE_ENVIRON } from './run-harness.ts';

/** The source's lines with their comments cut off (the code alone), and the comments alone. */
const split = (source: string) => {
  const lines = source.split('\n');
  const cut = lines.map((line) => (commentStart(line) < 0 ? line : line.slice(0, commentStart(line))));
  const comments = lines.filter((line) => commentStart(line) >= 0).map((line) => line.slice(commentStart(line)));
  return { code: cut, comments };
};

describe('the lab examples in Chinese', () => {
  it('have every comment in Chinese and the code unchanged', () => {
    for (const example of LAB_EXAMPLES) {
      const zh = localizeExample(example, 'zh-cn');
      const pairs = [example.app, ...example.middleware].map((source, index) => [
        source,
        [zh.app, ...zh.middleware][index],
      ]);
      for (const [en, cn] of pairs) {
        if (!en || !cn) throw new Error(example.id);
        const [a, b] = [split(en.source), split(cn.source)];
        expect(b.code, `${example.id}/${en.name}`).toEqual(a.code);
        expect(b.comments.length, `${example.id}/${en.name}`).toBe(a.comments.length);
        for (const comment of b.comments) expect(comment, `${example.id}/${en.name}`).toMatch(/[\u4e00-\u9fff]/);
      }
      expect(localizeExample(example, 'en')).toEqual(example);
    }
  });

  it('run under Python as the English ones do', () => {
    for (const example of LAB_EXAMPLES) {
      const zh = localizeExample(example, 'zh-cn');
      const request = { type: 'run' as const, id: 1, environ: SAMPLE_ENVIRON.map(([n, v]) => [n, v]), input: '' };
      const en = runHarness({ ...request, app: example.app, middleware: example.middleware } as never);
      const cn = runHarness({ ...request, app: zh.app, middleware: zh.middleware } as never);
      expect(cn.ok, example.id).toBe(en.ok);
      if (!en.ok || !cn.ok) continue;
      // The same status and header names, and the same body but for the clock (the middleware stack's start time).
      const outside = (result: typeof en) => ({
        calls: result.boundaries[0]?.startResponse.map(({ status, headers }) => [status, headers.map(([n]) => n)]),
        body: JSON.stringify(result.boundaries[0]?.body).length,
      });
      expect(outside(cn), example.id).toEqual(outside(en));
    }
  });

  it('names the file and line of a comment that has no translation', () => {
    expect(() => localizeComments({ name: 'app.py', source: 'x = 1\n# not translated\n' }, 'zh-cn')).toThrow(
      'app.py, line 2: no Chinese for the comment "not translated"',
    );
    expect(localizeComments({ name: 'app.py', source: 's = "# not a comment"\n' }, 'zh-cn').source).toBe(
      's = "# not a comment"\n',
    );
  });
});
