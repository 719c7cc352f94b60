/**
 * Mutation values the committed-seed run leaves out because a mismatch they cause is still open (see FOUND.md):
 * each entry names the area, either work modelled elsewhere (limits, the parsing behaviours of issue 12) or a
 * difference found by the generator and not fixed yet. `HOP_VARIANT_ALL=1` draws them too.
 */
import type { Mutation } from './mutation.ts';
import type { RequestModel } from './request-model.ts';

interface HeldBack {
  kind: string;
  /** Whether the value is held back, given the request it would apply to. */
  holds: (arg: string, model: RequestModel) => boolean;
  area: string;
}

export const HELD_BACK: readonly HeldBack[] = [
  {
    kind: 'header-count',
    holds: (arg) => Number(arg) >= 95,
    area: 'limits: number of header fields (Apache LimitRequestFields, http.client _MAXHEADERS)',
  },
  {
    kind: 'header-size',
    holds: (arg) => Number(arg) >= 8000,
    area: 'limits: header field size (nginx large_client_header_buffers, Apache LimitRequestFieldSize)',
  },
  {
    kind: 'body-size',
    holds: (arg) => Number(arg) > 1048576,
    area: "limits: body size (nginx's client_max_body_size)",
  },
  {
    kind: 'target-form',
    holds: (arg) => arg.startsWith('absolute'),
    area: 'parsing: absolute-form targets (lighttpd compares the authority with Host; CherryPy vs Cheroot)',
  },
  {
    kind: 'method',
    holds: (arg) => !['GET', 'HEAD', 'POST', 'TRACE', 'get', 'Get', 'post'].includes(arg),
    area: 'open (FOUND.md §3): DELETE and other methods, method tokens with odd characters',
  },
  {
    kind: 'version',
    holds: (arg, model) => arg === 'HTTP/1.0' && model.target.includes('redirect'),
    area: "open (FOUND.md §19): an HTTP/1.0 request answered by an application's Location header",
  },
  {
    kind: 'method',
    holds: (arg, model) => !/^[A-Z]+$/.test(arg) && model.framing.lengthForm === 'plus',
    area: 'open (FOUND.md §30): lighttpd refuses an unknown method (501) before it reads the header section',
  },
  {
    kind: 'framing',
    holds: (arg, model) => arg === 'length-plus' && !/^[A-Z]+$/.test(model.method),
    area: 'open (FOUND.md §30): lighttpd refuses an unknown method (501) before it reads the header section',
  },
  {
    kind: 'header-add',
    holds: (arg) => /^(Upgrade|If-None-Match|X-Nul|X Space|X-\xe9|Connection: keep-alive)/.test(arg),
    area: 'open (FOUND.md §12, §15–17): Upgrade, If-None-Match, keep-alive, NUL, a space or a raw byte in a name',
  },
];

/** The area a mutation's value is held back for, if it is, on the request it would apply to. */
export function heldBackArea(mutation: Mutation, model: RequestModel): string | undefined {
  return HELD_BACK.find((entry) => entry.kind === mutation.kind && entry.holds(mutation.arg, model))?.area;
}
