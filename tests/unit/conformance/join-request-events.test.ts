import { describe, expect, it } from 'vitest';
import { joinRequestEvents } from '../../conformance/join-request-events.ts';

describe('ASGI request events compared joined', () => {
  it('joins consecutive http.request events while more_body was true', () => {
    const split = [
      { type: 'http.request', body: 'abc', more_body: true },
      { type: 'http.request', body: 'de', more_body: false },
    ];
    expect(joinRequestEvents(split)).toEqual([{ type: 'http.request', body: 'abcde', more_body: false }]);
  });
  it('keeps a finished event and any other event apart', () => {
    const events = [
      { type: 'http.request', body: 'abc', more_body: false },
      { type: 'http.disconnect' },
      { type: 'http.request', body: 'x', more_body: false },
    ];
    expect(joinRequestEvents(events)).toEqual(events);
  });
});
