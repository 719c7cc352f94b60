import { describe, expect, it } from 'vitest';
import { checkLink, clampStep, formatUrlState, parseUrlState } from '../../../src/player/url-state.ts';

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

describe('checkLink', () => {
  const known = {
    presets: ['get', 'static', 'form-post'],
    pipelines: { wsgiref: 'wsgiref', cherrypy: 'CherryPy' },
    defaultPreset: 'get',
  };
  const check = (search: string) => checkLink(parseUrlState(search, ''), known);

  it('reads a good link without complaint', () => {
    expect(check('?req=form-post&vs=cherrypy')).toEqual({ preset: 'form-post', vs: 'cherrypy', unreadable: [] });
    expect(check('?raw=R0VUIC8')).toEqual({ text: 'GET /', unreadable: [] });
    expect(check('?raw=R0VUIC8%3D')).toEqual({ text: 'GET /', unreadable: [] });
    expect(check('')).toEqual({ preset: 'get', unreadable: [] });
  });

  it.each(['%%%', 'R0VU+C8', 'R0VUIC8==', '_w', 'abcde'])(
    'falls back to the default for ?raw=%s and says so',
    (raw) => {
      expect(check(`?raw=${encodeURIComponent(raw)}`)).toEqual({ preset: 'get', unreadable: ['request'] });
    },
  );

  it.each(['nope', 'toString', '__proto__', 'constructor', 'hasOwnProperty'])(
    'treats ?req=%s and ?vs=%s as unreadable, inherited object keys too',
    (name) => {
      expect(check(`?req=${name}`)).toEqual({ preset: 'get', unreadable: ['request'] });
      expect(check(`?vs=${name}`)).toEqual({ preset: 'get', unreadable: ['comparison'] });
      expect(check(`?req=${name}&vs=${name}`).unreadable).toEqual(['request', 'comparison']);
    },
  );

  describe('with a fault', () => {
    const faulty = { ...known, faults: ['backend-down', 'app-timeout'] };
    const checkFault = (search: string) => checkLink(parseUrlState(search, ''), faulty);

    it('reads, writes and round-trips ?fault=', () => {
      expect(parseUrlState('?fault=backend-down', '#step-2')).toEqual({ fault: 'backend-down', step: 2 });
      expect(formatUrlState({ req: 'head', fault: 'app-timeout', step: 3 })).toBe('?req=head&fault=app-timeout#step-3');
      const state = { raw: 'R0VUIC8', vs: 'cherrypy', fault: 'backend-down', step: 4 };
      const url = new URL(`https://example.test/p/${formatUrlState(state)}`);
      expect(parseUrlState(url.search, url.hash)).toEqual(state);
    });

    it('keeps a fault the pipeline accepts', () => {
      expect(checkFault('?fault=backend-down')).toEqual({ preset: 'get', fault: 'backend-down', unreadable: [] });
      expect(checkFault('?req=form-post&fault=app-timeout&vs=cherrypy')).toEqual({
        preset: 'form-post',
        vs: 'cherrypy',
        fault: 'app-timeout',
        unreadable: [],
      });
    });

    it.each(['bad-response', 'nope', 'toString', '__proto__', ''])(
      'drops ?fault=%s (not accepted here, or no fault) and says so',
      (name) => {
        const link = checkFault(`?fault=${name}`);
        if (name === '') expect(link).toEqual({ preset: 'get', unreadable: [] });
        else expect(link).toEqual({ preset: 'get', unreadable: ['fault'] });
      },
    );

    it('refuses every fault on a pipeline that accepts none', () => {
      expect(check('?fault=backend-down')).toEqual({ preset: 'get', unreadable: ['fault'] });
    });
  });
});
