/**
 * Mutations of the message body and its framing (RFC 9112 §6–7): Content-Length forms, chunked with its size
 * digits, extensions and trailers, both headers at once, malformed chunk sizes, codings other than chunked, and
 * the payload's size. The framing always tells the truth about the bytes sent unless it is malformed on purpose,
 * so that a server never waits for bytes that do not come.
 */
import { halves, type MutationKind } from './mutation.ts';
import type { Framing, RequestModel } from './request-model.ts';

const FRAMINGS = [
  'length',
  'length-zeros',
  'length-plus',
  'length-space',
  'length-list',
  'chunked',
  'chunked-small',
  'chunked-upper-hex',
  'chunked-padded-hex',
  'chunked-extension',
  'chunked-trailer',
  'chunked-bad-size',
  'chunked-0x-size',
  'chunked-lf',
  'chunked-coding-case',
  'gzip-chunked',
  'both-payload',
  'both-encoded',
  'none',
];

function frame(model: RequestModel, arg: string): RequestModel {
  const framings: Record<string, Framing> = {
    length: { kind: 'length' },
    'length-zeros': { kind: 'length', lengthForm: 'zeros' },
    'length-plus': { kind: 'length', lengthForm: 'plus' },
    'length-space': { kind: 'length', lengthForm: 'space' },
    'length-list': { kind: 'length', lengthForm: 'list' },
    chunked: { kind: 'chunked' },
    'chunked-small': { kind: 'chunked', chunkSize: 3 },
    'chunked-upper-hex': { kind: 'chunked', hex: 'upper', chunkSize: 11 },
    'chunked-padded-hex': { kind: 'chunked', hex: 'padded' },
    'chunked-extension': { kind: 'chunked', extension: ';name=value' },
    'chunked-trailer': { kind: 'chunked', trailers: ['X-Trailer: yes'] },
    'chunked-bad-size': { kind: 'chunked', badSize: 'zz' },
    'chunked-0x-size': { kind: 'chunked', badSize: '0x' },
    'chunked-lf': { kind: 'chunked', chunkEol: '\n' },
    'chunked-coding-case': { kind: 'chunked', coding: 'Chunked' },
    'gzip-chunked': { kind: 'chunked', coding: 'gzip, chunked' },
    'both-payload': { kind: 'both', bothLength: 'payload' },
    'both-encoded': { kind: 'both' },
    none: { kind: 'none' },
  };
  const framing = framings[arg];
  if (!Object.hasOwn(framings, arg) || !framing) throw new Error(`framing: unknown "${arg}"`);
  // A body without framing would be read as the next request: `none` sends none.
  return { ...model, framing, payload: framing.kind === 'none' ? '' : model.payload };
}

/** A payload of `size` bytes: form-encoded text, so that applications that parse forms see something sensible. */
function payloadOf(size: number): string {
  return 'a=1&b=two&c=%C3%A9&d=x+y&'.repeat(Math.ceil(size / 25) + 1).slice(0, size);
}

export const FRAMING_MUTATIONS: readonly MutationKind[] = [
  {
    kind: 'framing',
    axis: 'framing',
    draw: (rng) => rng.pick(FRAMINGS),
    apply: frame,
  },
  {
    kind: 'body-size',
    axis: 'framing',
    draw: (rng) => String(rng.pick([0, 1, 5, 100, 1000, 1024, 4096, 8192, 8193, 16384, 20000, 65536, 1048577])),
    apply: (model, arg) => ({
      ...model,
      payload: payloadOf(Number(arg)),
      framing: model.framing.kind === 'none' && Number(arg) > 0 ? { kind: 'length' } : model.framing,
    }),
    smaller: halves,
  },
];
