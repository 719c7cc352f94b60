import { describe, expect, it } from 'vitest';
import type { MiddlewareHop } from '../../../src/sim/trace.ts';
import { renderStep } from '../../../src/render/render-trace.ts';
import { explainStep } from '../../../src/render/step-explanation.ts';
import { toHtml } from '../../../src/render/element-tree.ts';
import { playerStrings } from '../../../src/i18n/player.ts';
import { STEP_EXPLANATIONS } from '../../../src/i18n/step-explanations.ts';
import { renderMessage } from '../../../src/i18n/render-message.ts';
import { traceStrings } from '../../../src/i18n/trace-messages.ts';
import { formatTraceText } from '../../../src/sim/format-trace-text.ts';
import { traceWords } from '../../../src/i18n/trace-messages.ts';
import { frontDoorSteps } from '../../../src/render/front-door-steps.ts';
import { middlewareRequestHop, middlewareResponseHop } from '../../../src/sim/lab/middleware-hops.ts';
import type { LabBoundary } from '../../../src/lab/lab-protocol.ts';

const b64 = (text: string) => Buffer.from(text, 'latin1').toString('base64');

function boundary(partial: Partial<LabBoundary>): LabBoundary {
  return { environ: [], startResponse: [], body: [], hasClose: false, sized: true, returnedType: 'list', ...partial };
}

const received = boundary({
  environ: [
    ['PATH_INFO', { kind: 'str', value: '/app/x' }],
    ['HTTP_X_OLD', { kind: 'str', value: 'gone' }],
  ],
  startResponse: [
    {
      status: '200 OK',
      headers: [
        ['Content-Type', 'text/plain'],
        ['Content-Length', '5'],
      ],
      excInfo: false,
      afterItems: 0,
    },
  ],
  body: [{ kind: 'bytes', base64: b64('<b>hi') }],
});
const passed = boundary({
  environ: [
    ['PATH_INFO', { kind: 'str', value: '/x' }],
    ['lab.note', { kind: 'str', value: '<script>alert(1)</script>' }],
    ['lab.count', { kind: 'int', value: 3 }],
  ],
  startResponse: [{ status: '200 OK', headers: [['Content-Type', 'text/plain']], excInfo: false, afterItems: 0 }],
  body: [{ kind: 'bytes', base64: b64('HELLO') }],
});
const place = {
  layer: 'fix.py',
  index: 0,
  node: 'middleware-0',
  outer: 'gunicorn',
  inner: 'app',
  outerName: 'gunicorn',
  innerName: 'app.py',
};
const provenance = { kind: 'ran', subject: 'fix.py' } as const;
const going: MiddlewareHop = middlewareRequestHop(place, received, passed, provenance);
// Coming out, the layer got `passed`'s answer from inside and handed `received`'s outward.
const coming: MiddlewareHop = middlewareResponseHop(place, passed, received, provenance);

describe('a middleware hop', () => {
  it('lists the environ keys the layer added, changed and removed, and the environ it passed on', () => {
    expect(going.middleware.diff).toEqual([
      { part: 'environ', change: 'changed', name: 'PATH_INFO', before: '/app/x', after: '/x' },
      { part: 'environ', change: 'added', name: 'lab.note', after: '<script>alert(1)</script>' },
      { part: 'environ', change: 'added', name: 'lab.count', after: '3' },
      { part: 'environ', change: 'removed', name: 'HTTP_X_OLD', before: 'gone' },
    ]);
    expect(going.changes.map((change) => change.kind)).toEqual(['rewritten', 'added', 'added', 'dropped']);
    expect(going).toMatchObject({ from: 'middleware-0', to: 'app', direction: 'request', protocol: 'middleware' });
  });

  it('renders the differences as a table, values as text, in both languages', () => {
    const en = toHtml(renderStep(going, 2, playerStrings('en')));
    expect(en).toContain('<caption>What fix.py changed</caption>');
    expect(en).toContain('<tr class="diff-added"><td>added</td><td>environ key</td>');
    expect(en).toContain('<tr class="diff-removed"><td>removed</td>');
    expect(en).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(en).not.toContain('<script>');
    expect(en).toContain('WSGI environ');
    expect(en).toContain('your own code, run as real Python');
    expect(en).toContain('Your middleware <span class="message-value">fix.py</span> changes');
    const zh = toHtml(renderStep(going, 2, playerStrings('zh-cn')));
    expect(zh).toContain('<caption>fix.py 做的改动</caption>');
    expect(zh).toContain('<td>新增</td><td>environ 键</td>');
    expect(zh).toContain('你的中间件');
    expect(zh).toContain('WSGI 中间件');
  });

  it('on the way out, shows the status, header and body changes and what the layer handed back', () => {
    expect(coming.middleware.diff).toEqual([
      { part: 'header', change: 'added', name: 'Content-Length', after: '5' },
      { part: 'body', change: 'changed', name: '', before: 'HELLO', after: '<b>hi' },
    ]);
    expect(coming).toMatchObject({ from: 'middleware-0', to: 'gunicorn', direction: 'response' });
    const html = toHtml(renderStep(coming, 5, playerStrings('en')));
    expect(html).toContain('<td>header</td>');
    expect(html).toContain('What this layer handed back');
    expect(html).toContain('&lt;b&gt;hi');
    expect(renderMessage(coming.summary, traceStrings('en'))).toBe(
      'fix.py hands back start_response("200 OK") and 5 bytes of body (2 changed)',
    );
    expect(renderMessage(coming.narration, traceStrings('zh-cn'))).toBe(
      '返回时，fix.py 先改动状态行、响应头或响应体中的 2 处，再交给 gunicorn。',
    );
  });

  it('says an unchanged pass in words, and is explained and printed like every hop', () => {
    const same = middlewareRequestHop(place, passed, passed, provenance);
    expect(same.middleware.diff).toEqual([]);
    expect(toHtml(renderStep(same, 0, playerStrings('en')))).toContain('This layer changed nothing on this side.');
    expect(explainStep(going).why).toEqual(['middlewareIn', 'middlewareInLook']);
    expect(explainStep(coming).why).toEqual(['middlewareOut', 'middlewareOutLook']);
    for (const lang of ['en', 'zh-cn'] as const)
      expect(STEP_EXPLANATIONS[lang].middlewareOut.length).toBeGreaterThan(20);
    const text = formatTraceText(
      { version: 2, pipeline: 'nginx-gunicorn', hops: [going, coming], response: { raw: '' }, error: null },
      traceWords('en'),
    );
    expect(text).toContain('~ environ PATH_INFO: /app/x → /x');
    expect(text).toContain('- environ HTTP_X_OLD: gone');
    expect(text).toContain('+ header Content-Length: 5');
    expect(
      frontDoorSteps({ version: 2, pipeline: 'x', hops: [going], response: { raw: '' }, error: null })[0],
    ).toMatchObject({ protocol: 'WSGI middleware', detail: '~PATH_INFO  +lab.note  +lab.count  -HTTP_X_OLD' });
  });
});
