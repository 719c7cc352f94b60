/**
 * The lab's state in its URL fragment, so a reader can share what they wrote: `#code=<base64url of the
 * deflate-raw-compressed JSON>` (RFC 1951 through `CompressionStream('deflate-raw')`, RFC 4648 §5). A pipeline page's
 * "Run your own application" link carries only the pipeline and request, uncompressed: `#pipeline=<id>&req=<preset>`
 * or `#pipeline=<id>&raw=<base64url>` (the player's own `raw` form). The fragment never reaches a server.
 */
import { base64urlToBytes, base64urlToText, bytesToBase64url } from '../player/base64url.ts';
import type { LabSource } from './lab-protocol.ts';

import type { LabRequestChoice } from './lab-link.ts';

export { formatLabLink, type LabRequestChoice } from './lab-link.ts';

/** What the lab shows: the reader's code, the pipeline and the request. */
export interface LabState {
  pipeline: string;
  request: LabRequestChoice;
  app: LabSource;
  /** Outermost first. */
  middleware: LabSource[];
}

/** What a link may leave out: the pipeline page's link names no code, so the lab keeps what it shows. */
export type LabLink = Pick<LabState, 'pipeline' | 'request'> & Partial<Pick<LabState, 'app' | 'middleware'>>;

/**
 * The longest fragment a shared link may have, in characters (said on the page). Browsers take far longer URLs, but
 * chat and mail clients, and some servers' logs, cut them past a few thousand; 8,000 characters hold about 20–30 KB
 * of Python once compressed.
 */
export const LAB_URL_LIMIT_CHARS = 8000;
/** The most JSON a fragment may unpack to (a crafted link cannot make the page inflate more). */
export const LAB_UNPACKED_LIMIT_BYTES = 262_144;
/** The most middleware a state may hold. */
export const LAB_MAX_MIDDLEWARE = 8;
/** A source's file name: a Python module name and `.py`. */
export const RE_SOURCE_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,39}\.py$/;

/** Why a fragment could not be read (each has a sentence in `src/i18n/lab.ts`). */
export type LabLinkProblem =
  | 'too-long'
  | 'not-base64url'
  | 'not-deflate'
  | 'too-large'
  | 'not-json'
  | 'bad-shape'
  | 'unknown-pipeline'
  | 'unknown-request';

/** The outcome of reading a fragment: nothing to read, a link, or why it could not be read. */
export type LabLinkRead = { kind: 'none' } | { kind: 'link'; link: LabLink } | { kind: 'bad'; problem: LabLinkProblem };

/** What the page knows, to check a link against. */
export interface LabKnown {
  pipelines: readonly string[];
  presets: readonly string[];
}

const VERSION = 1;
const encoder = new TextEncoder();

/** Runs bytes through a (de)compression stream; a DecompressionStream stops past `limit` bytes of output. */
async function through(stream: CompressionStream | DecompressionStream, bytes: Uint8Array, limit = Infinity) {
  const writer = stream.writable.getWriter();
  void writer.write(bytes as Uint8Array<ArrayBuffer>).catch(() => undefined);
  void writer.close().catch(() => undefined);
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** The fragment (with its `#`) that holds a state. */
export async function formatLabFragment(state: LabState): Promise<string> {
  const json = JSON.stringify({
    v: VERSION,
    pipeline: state.pipeline,
    ...(state.request.kind === 'preset' ? { req: state.request.id } : { raw: state.request.text }),
    app: state.app,
    middleware: state.middleware,
  });
  const packed = await through(new CompressionStream('deflate-raw'), encoder.encode(json));
  return `#code=${bytesToBase64url(packed ?? new Uint8Array())}`;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A source from untrusted JSON, or undefined when it is not `{ name, source }` with a module's file name. */
function sourceOf(value: unknown): LabSource | undefined {
  if (!isRecord(value)) return undefined;
  const { name, source } = value;
  if (typeof name !== 'string' || typeof source !== 'string' || !RE_SOURCE_NAME.test(name)) return undefined;
  return { name, source };
}

/** The request a link names, checked against the presets; a `raw` request must be UTF-8 text. */
function requestOf(req: unknown, raw: unknown, known: LabKnown): LabRequestChoice | LabLinkProblem {
  if (typeof raw === 'string') return { kind: 'raw', text: raw };
  if (typeof req === 'string') return known.presets.includes(req) ? { kind: 'preset', id: req } : 'unknown-request';
  return 'bad-shape';
}

/** Checks the unpacked JSON of a `#code=` fragment. */
function stateOf(value: unknown, known: LabKnown): LabLinkRead {
  if (!isRecord(value) || value['v'] !== VERSION) return { kind: 'bad', problem: 'bad-shape' };
  const { pipeline, req, raw, app, middleware } = value;
  if (typeof pipeline !== 'string') return { kind: 'bad', problem: 'bad-shape' };
  const request = requestOf(req, raw, known);
  const appSource = sourceOf(app);
  const layers = Array.isArray(middleware) ? middleware.map(sourceOf) : undefined;
  if (typeof request === 'string') return { kind: 'bad', problem: request };
  if (!appSource || !layers || layers.length > LAB_MAX_MIDDLEWARE || layers.some((l) => l === undefined))
    return { kind: 'bad', problem: 'bad-shape' };
  if (!known.pipelines.includes(pipeline)) return { kind: 'bad', problem: 'unknown-pipeline' };
  return { kind: 'link', link: { pipeline, request, app: appSource, middleware: layers as LabSource[] } };
}

/** Reads a `#pipeline=…&req=…` fragment from a pipeline page. */
function pipelineLinkOf(fragment: string, known: LabKnown): LabLinkRead {
  const params = new URLSearchParams(fragment);
  const pipeline = params.get('pipeline') ?? '';
  const raw = params.get('raw');
  let request: LabRequestChoice | LabLinkProblem;
  if (raw !== null) {
    const text = base64urlToText(raw);
    request = text === undefined ? 'not-base64url' : { kind: 'raw', text };
  } else request = requestOf(params.get('req') ?? known.presets[0], undefined, known);
  if (typeof request === 'string') return { kind: 'bad', problem: request };
  if (!known.pipelines.includes(pipeline)) return { kind: 'bad', problem: 'unknown-pipeline' };
  return { kind: 'link', link: { pipeline, request } };
}

/**
 * Reads a URL fragment (`location.hash`, with or without its `#`). A fragment that is neither form (an in-page
 * anchor such as `#examples`) is `none`; one that is but cannot be read says why.
 */
export async function parseLabFragment(hash: string, known: LabKnown): Promise<LabLinkRead> {
  const fragment = hash.startsWith('#') ? hash.slice(1) : hash;
  if (fragment.startsWith('pipeline=')) return pipelineLinkOf(fragment, known);
  if (!fragment.startsWith('code=')) return { kind: 'none' };
  if (hash.length > LAB_URL_LIMIT_CHARS + 1) return { kind: 'bad', problem: 'too-long' };
  const packed = base64urlToBytes(fragment.slice('code='.length));
  if (!packed || packed.length === 0) return { kind: 'bad', problem: 'not-base64url' };
  let unpacked: Uint8Array | undefined;
  try {
    unpacked = await through(new DecompressionStream('deflate-raw'), packed, LAB_UNPACKED_LIMIT_BYTES);
  } catch {
    return { kind: 'bad', problem: 'not-deflate' };
  }
  if (!unpacked) return { kind: 'bad', problem: 'too-large' };
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(unpacked));
  } catch {
    return { kind: 'bad', problem: 'not-json' };
  }
  return stateOf(value, known);
}
