/**
 * The player's state in a pipeline page's URL: `?req=<preset>` or `?raw=<base64url>`, `&vs=<pipeline>`,
 * `&fault=<fault id>`, `#step-N`.
 */
import { base64urlToText } from './base64url.ts';

/** What the URL says. Absent fields mean the defaults (the page's default request, no comparison, step 1). */
export interface UrlState {
  /** A preset id, when the request is a preset. */
  req?: string;
  /** The raw request (base64url of its UTF-8 text), when the reader typed one. Wins over `req`. */
  raw?: string;
  /** The pipeline to compare with. */
  vs?: string;
  /** The injected fault (`backend-down`, …). */
  fault?: string;
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
  const fault = params.get('fault');
  if (raw) state.raw = raw;
  else if (req) state.req = req;
  if (vs) state.vs = vs;
  if (fault) state.fault = fault;
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
  if (state.fault) params.set('fault', state.fault);
  const query = params.toString();
  return `${query ? `?${query}` : ''}#step-${state.step}`;
}

/** Clamps a 1-based step into 1..count (1 when there are no steps or the number is not finite). */
export function clampStep(step: number, count: number): number {
  if (!Number.isFinite(step) || count < 1) return 1;
  return Math.min(Math.max(1, Math.trunc(step)), count);
}

/**
 * The parts of a link that could not be read: its request (`raw` or `req`), its comparison (`vs`) or its fault
 * (`fault`: no fault id, or one this pipeline does not accept).
 */
export type UnreadablePart = 'request' | 'comparison' | 'fault';

/** What a link asks the player to show, checked against what the page knows. */
export interface LinkRequest {
  /** The reader's own request, decoded from `raw`. */
  text?: string;
  /** The preset to show (the link's, or the page's default when the link names none or one that cannot be read). */
  preset?: string;
  /** The pipeline to compare with, when the link names a known one. */
  vs?: string;
  /** The fault to inject, when the link names one the pipeline accepts. */
  fault?: string;
  /** What could not be read and was replaced by the default (the reader is told). */
  unreadable: UnreadablePart[];
}

/**
 * Checks a link's state: `raw` must be base64url of UTF-8 text, `req` one of the presets, `vs` one of the
 * pipelines, by own keys only (`toString` or `__proto__` name nothing), and `fault` one of the faults the pipeline
 * accepts (`faults`; none when absent). What cannot be read falls back to the default and is listed in `unreadable`.
 */
export function checkLink(
  state: UrlState,
  known: { presets: readonly string[]; pipelines: object; defaultPreset: string; faults?: readonly string[] },
): LinkRequest {
  const link: LinkRequest = { unreadable: [] };
  const text = state.raw === undefined ? undefined : base64urlToText(state.raw);
  if (text !== undefined) link.text = text;
  else if (state.raw === undefined && (state.req === undefined || known.presets.includes(state.req)))
    link.preset = state.req ?? known.defaultPreset;
  else {
    link.preset = known.defaultPreset;
    link.unreadable.push('request');
  }
  if (state.vs !== undefined) {
    if (Object.hasOwn(known.pipelines, state.vs)) link.vs = state.vs;
    else link.unreadable.push('comparison');
  }
  if (state.fault !== undefined) {
    if ((known.faults ?? []).includes(state.fault)) link.fault = state.fault;
    else link.unreadable.push('fault');
  }
  return link;
}
