import { describe, expect, it } from 'vitest';
import { renderStep, renderTrace } from '../../../src/render/render-trace.ts';
import { toHtml } from '../../../src/render/element-tree.ts';
import { playerStrings } from '../../../src/i18n/player.ts';
import { explainStep } from '../../../src/render/step-explanation.ts';
import { explanationStrings } from '../../../src/player/pipeline-data.ts';
import { runPipeline, type AcceptedFault, type Hop, type Trace } from '../../../src/sim/index.ts';
import { msg } from '../../../src/sim/message.ts';
import { renderComparison } from '../../../src/render/render-comparison.ts';
import { compareTraces } from '../../../src/render/compare-traces.ts';
import { PIPELINES } from '../../../src/sim/index.ts';

const en = playerStrings('en');
const zh = playerStrings('zh-cn');
const GET = 'GET /app/ HTTP/1.1\r\nHost: example.test\r\nUser-Agent: curl/7.88.1\r\nAccept: */*\r\n\r\n';
const faults: AcceptedFault[] = [
  { id: 'backend-down', node: 'php-fpm' },
  { id: 'app-exception', node: 'php-script' },
];

/** A trace of nginx-fastcgi-php whose second hop is marked failed, as a runner marks the hop where a fault happens. */
function faultyTrace(): { trace: Trace; failed: Hop } {
  const trace = runPipeline('nginx-fastcgi-php', new TextEncoder().encode(GET));
  const failed = trace.hops[1];
  if (!failed) throw new Error('no hop 2');
  failed.failed = msg('fault.staticNoBackend', { pipeline: 'nginx-fastcgi-php', fault: 'backend-down' });
  failed.log = [
    { node: 'nginx', file: 'error.log', line: '2024/01/01 00:00:00 [error] 1#1: *1 connect() failed <b>x</b>' },
    { node: 'nginx', file: 'error.log', line: 'second line' },
    { node: 'php-fpm', file: 'php-fpm.log', line: 'third line' },
  ];
  trace.fault = { id: 'backend-down', node: 'php-fpm' };
  return { trace, failed };
}

describe('a step in a faulty trace', () => {
  it('offers "Break this hop" on a hop into a fault’s node, with a way back and the chosen fault selected', () => {
    const { trace } = faultyTrace();
    const [arrival, intoFpm, intoScript] = trace.hops;
    if (!arrival || !intoFpm || !intoScript) throw new Error('short trace');
    expect(toHtml(renderStep(arrival, 0, en, { faults }))).not.toContain('data-control="fault"');
    const plain = runPipeline('nginx-fastcgi-php', new TextEncoder().encode(GET)).hops[1];
    if (!plain) throw new Error('no hop 2');
    const offered = toHtml(renderStep(plain, 1, en, { faults }));
    expect(offered).toContain('<span>Break this hop</span><select data-control="fault">');
    expect(offered).toContain(
      '<option value="">No fault</option><option value="backend-down">The backend is down</option></select>',
    );
    expect(toHtml(renderStep(intoScript, 2, zh, { faults }))).toContain(
      '<option value="app-exception">应用抛出异常</option>',
    );
    expect(toHtml(renderStep(intoFpm, 1, en, { faults, fault: 'backend-down' }))).toContain(
      '<option value="backend-down" selected="">',
    );
    expect(toHtml(renderStep(plain, 1, en))).not.toContain('data-control="fault"');
  });

  it('marks the failed hop in words, says what failed and shows the log lines as text, one per line', () => {
    const { trace, failed } = faultyTrace();
    const html = toHtml(renderStep(failed, 1, en, { labels: { nginx: 'nginx 1.22' } }));
    expect(html).toMatch(/^<li id="step-2" class="trace-step trace-step-failed" data-failed=""/);
    expect(html).toContain('<span class="step-failed-badge"><span aria-hidden="true">✕ </span>Failed here</span>');
    expect(html).toContain('<p class="step-failed" role="note"><strong>What failed: </strong>');
    expect(html).toContain('<figcaption>nginx 1.22, in error.log</figcaption>');
    expect(html).toContain(
      'connect() failed &lt;b&gt;x&lt;/b&gt;\n</span><span class="log-line">second line\n</span></pre>',
    );
    expect(html).toContain('<figcaption>php-fpm, in php-fpm.log</figcaption>');
    const other = trace.hops[0];
    if (!other) throw new Error('no hop 1');
    expect(toHtml(renderStep(other, 0, en))).not.toMatch(/step-failed|step-log/);
    expect(toHtml(renderTrace(trace, GET, zh))).toContain('在此出错');
  });

  it('explains the failed hop and the error status, only when a fault is injected', () => {
    const { trace, failed } = faultyTrace();
    expect(explainStep(failed, 'backend-down').why).toEqual(['faultBackendDown', 'faultFailedHere']);
    expect(explainStep(failed, 'backend-down').lessons.map((part) => part.id)).toContain('faultCheckBackendDown');
    expect(explainStep(failed).why).not.toContain('faultBackendDown');
    const last = trace.hops.at(-1);
    if (!last) throw new Error('no last hop');
    const bad = { ...last, http: { raw: 'HTTP/1.1 502 Bad Gateway\r\n\r\n' } } as Hop;
    expect(explainStep(bad, 'backend-down').why).toContain('faultStatus502');
    expect(explainStep(bad).why).not.toContain('faultStatus502');
    const gone = { ...last, http: { raw: 'HTTP/1.1 503 Service Unavailable\r\n\r\n' } } as Hop;
    expect(explainStep(gone, 'backend-down').why).toContain('faultStatus503');
    const html = toHtml(renderStep(failed, 1, en, { explanations: explanationStrings('en'), fault: 'backend-down' }));
    expect(html).toContain('ECONNREFUSED');
  });

  it('marks the failed hop in the comparison’s list of hops too', () => {
    const { trace } = faultyTrace();
    const pipeline = PIPELINES['nginx-fastcgi-php'];
    if (!pipeline) throw new Error('no pipeline');
    const side = { pipeline, title: 'nginx', trace };
    const html = toHtml(renderComparison(compareTraces(trace, trace), { a: side, b: side }, GET, en));
    expect(html.match(/<span class="step-failed-badge">✕ Failed here<\/span>/g)).toHaveLength(2);
  });
});
