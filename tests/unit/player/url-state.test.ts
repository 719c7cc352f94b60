import { describe, expect, it } from 'vitest';
import { clampStep, formatUrlState, parseUrlState } from '../../../src/player/url-state.ts';

describe('URL state', () => {
  it('reads a preset, a comparison and the step', () => {
    expect(parseUrlState('?req=form-post&vs=apache-cgi', '#step-3')).toEqual({
      req: 'form-post',
      vs: 'apache-cgi',
      step: 3,
    });
  });

  it('prefers raw over a preset and defaults to step 1', () => {
    expect(parseUrlState('?req=get&raw=R0VU', '')).toEqual({ raw: 'R0VU', step: 1 });
    expect(parseUrlState('', '#step-x')).toEqual({ step: 1 });
    expect(parseUrlState('', '#overview')).toEqual({ step: 1 });
  });

  it('writes the query and the step hash', () => {
    expect(formatUrlState({ step: 2 })).toBe('#step-2');
    expect(formatUrlState({ req: 'head', vs: 'wsgiref', step: 4 })).toBe('?req=head&vs=wsgiref#step-4');
    expect(formatUrlState({ raw: 'R0VU', req: 'head', step: 1 })).toBe('?raw=R0VU#step-1');
  });

  it('round-trips', () => {
    const state = { raw: 'R0VUIC8', vs: 'cherrypy', step: 5 };
    const url = new URL(`https://example.test/p/${formatUrlState(state)}`);
    expect(parseUrlState(url.search, url.hash)).toEqual(state);
  });

  it('clamps out-of-range steps', () => {
    expect(clampStep(0, 6)).toBe(1);
    expect(clampStep(99, 6)).toBe(6);
    expect(clampStep(3.7, 6)).toBe(3);
    expect(clampStep(Number.NaN, 6)).toBe(1);
    expect(clampStep(4, 0)).toBe(1);
  });
});
