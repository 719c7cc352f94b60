/**
 * Mutations of the request line (RFC 9112 §3: method, target, version and the single spaces between them) and of
 * line endings (RFC 9112 §2.2: CRLF; a recipient MAY accept a bare LF; a bare CR must be rejected or replaced).
 */
import type { MutationKind } from './mutation.ts';
import type { RequestModel } from './request-model.ts';

const METHODS = [
  'GET',
  'HEAD',
  'POST',
  'PUT',
  'DELETE',
  'OPTIONS',
  'PATCH',
  'TRACE',
  'FROB',
  'get',
  'Get',
  'post',
  'M-SEARCH',
  'PROPFIND',
  'GET1',
  'G@T',
  'VERYLONGMETHODNAMEFORTESTING',
];

const VERSIONS = [
  'HTTP/1.0',
  'HTTP/1.1',
  'HTTP/0.9',
  'HTTP/2.0',
  'HTTP/2',
  'HTTP/1.2',
  'HTTP/1.10',
  'HTTP/01.1',
  'HTTP/3.0',
  'http/1.1',
  'HTTP/1',
  'HTTP/1.1x',
  'HTTP/9.9',
  'simple',
];

const ENDINGS = ['lf-all', 'lf-request-line', 'lf-first-header', 'lf-final', 'leading-crlf', 'leading-lf'];

function endings(model: RequestModel, arg: string): RequestModel {
  switch (arg) {
    case 'lf-all':
      return { ...model, eol: '\n' };
    case 'lf-request-line':
      return { ...model, requestLineEol: '\n' };
    case 'lf-first-header':
      return {
        ...model,
        headers: model.headers.map((header, index) => (index === 0 ? { ...header, eol: '\n' } : header)),
      };
    case 'lf-final':
      return { ...model, finalEol: '\n' };
    case 'leading-crlf':
      return { ...model, prefix: '\r\n' };
    case 'leading-lf':
      return { ...model, prefix: '\n' };
    default:
      throw new Error(`line-ending: unknown "${arg}"`);
  }
}

export const LINE_MUTATIONS: readonly MutationKind[] = [
  {
    kind: 'method',
    axis: 'request-line',
    draw: (rng) => rng.pick(METHODS),
    apply: (model, arg) => ({ ...model, method: arg }),
  },
  {
    kind: 'version',
    axis: 'request-line',
    draw: (rng) => rng.pick(VERSIONS),
    apply: (model, arg) => ({ ...model, version: arg === 'simple' ? null : arg }),
  },
  {
    kind: 'separator',
    axis: 'request-line',
    draw: (rng) => rng.pick(['  ', '\t']),
    apply: (model, arg) => ({ ...model, separator: arg }),
  },
  {
    kind: 'line-ending',
    axis: 'line-endings',
    draw: (rng) => rng.pick(ENDINGS),
    apply: endings,
  },
];
