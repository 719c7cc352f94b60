/** The player's state in a pipeline page's URL: `?req=<preset>` or `?raw=<base64url>`, `&vs=<pipeline>`, `#step-N`. */

/** What the URL says. Absent fields mean the defaults (the page's default request, no comparison, step 1). */
export interface UrlState {
  /** A preset id, when the request is a preset. */
  req?: string;
  /** The raw request (base64url of its UTF-8 text), when the reader typed one. Wins over `req`. */
  raw?: string;
  /** The pipeline to compare with. */
  vs?: string;
  /** The 1-based step. */
  step: number;
}

const RE_STEP = /^#step-(\d{1,6})$/;

/** Reads the state from a URL's query and hash. Unknown parameters are ignored; the step is not yet clamped. */
export function parseUrlState(search: string, hash: string): UrlState {
  const params = new URLSearchParams(search);
  const state: UrlState = { step: 1 };
  const raw = params.get('raw');
  const req = params.get('req');
  const vs = params.get('vs');
  if (raw) state.raw = raw;
  else if (req) state.req = req;
  if (vs) state.vs = vs;
  const match = RE_STEP.exec(hash);
  if (match?.[1]) state.step = Number(match[1]);
  return state;
}

/** Writes the state as `?query#step-N`; the default request and step 1 still write their step so links are explicit. */
export function formatUrlState(state: UrlState): string {
  const params = new URLSearchParams();
  if (state.raw) params.set('raw', state.raw);
  else if (state.req) params.set('req', state.req);
  if (state.vs) params.set('vs', state.vs);
  const query = params.toString();
  return `${query ? `?${query}` : ''}#step-${state.step}`;
}

/** Clamps a 1-based step into 1..count (1 when there are no steps or the number is not finite). */
export function clampStep(step: number, count: number): number {
  if (!Number.isFinite(step) || count < 1) return 1;
  return Math.min(Math.max(1, Math.trunc(step)), count);
}
