/** Which step each preset request is about: the player offers "Go to step N" next to the preset's description. */
import type { Hop } from '../sim/index.ts';

/**
 * `arrival`: the request reaching the server; `variables`: the first request hop that carries variables (CGI
 * environment, FastCGI parameters, WSGI environ, PHP's $_SERVER); `response`: the last hop; `header`: the first
 * hop with a change to that request header (falling back to `variables`).
 */
export type PresetFocus =
  { on: 'arrival' } | { on: 'variables' } | { on: 'response' } | { on: 'header'; header: string };

/** The focus of every preset, by id (see `src/player/presets.ts`). */
export const PRESET_FOCUS: Readonly<Record<string, PresetFocus>> = {
  get: { on: 'variables' },
  static: { on: 'response' },
  'query-utf8': { on: 'variables' },
  'form-post': { on: 'variables' },
  'large-json': { on: 'variables' },
  'repeated-headers': { on: 'header', header: 'Cookie' },
  'underscore-header': { on: 'header', header: 'X_Custom_Header' },
  'proxy-header': { on: 'header', header: 'Proxy' },
  chunked: { on: 'header', header: 'Transfer-Encoding' },
  head: { on: 'response' },
  http10: { on: 'variables' },
};

const carriesVariables = (hop: Hop): boolean => hop.direction === 'request' && hop.protocol !== 'http';

/** The 1-based step a focus points at in a trace's hops (1 when the trace has nothing better). */
export function focusStep(hops: readonly Hop[], focus: PresetFocus | undefined): number {
  if (!focus || hops.length === 0 || focus.on === 'arrival') return 1;
  if (focus.on === 'response') return hops.length;
  if (focus.on === 'header') {
    const name = focus.header.toLowerCase();
    const index = hops.findIndex((hop) => hop.changes.some((c) => c.from?.toLowerCase() === name));
    if (index >= 0) return index + 1;
  }
  const index = hops.findIndex(carriesVariables);
  return index >= 0 ? index + 1 : 1;
}
