import { describe, expect, it } from 'vitest';
import { defaultTrace, pipelineById } from '../../../src/player/pipeline-data.ts';
import { traceWords } from '../../../src/i18n/trace-messages.ts';

const en = traceWords('en');

/** The name the trace gives the application the CGI script calls (step 3 of `apache-cgi`). */
const calledApp = (app?: Parameters<typeof defaultTrace>[1]) =>
  en.message(defaultTrace(pipelineById('apache-cgi'), app).trace.hops[2]?.summary ?? { id: 'summary.data' });

describe('the embedded player trace', () => {
  it('ends in the plain WSGI application by default', () => {
    expect(calledApp()).not.toContain('wsgifunc');
  });
  it('ends in the application a term page names, e.g. web.py behind CGI', () => {
    expect(calledApp('webpy')).toMatch(/^code:app\.wsgifunc\(\)\(environ, start_response\)/);
    const { trace } = defaultTrace(pipelineById('apache-cgi'), 'webpy');
    const body = en.message(trace.hops.at(-1)?.summary ?? { id: 'summary.data' });
    expect(body).toContain('200 OK');
  });
});
