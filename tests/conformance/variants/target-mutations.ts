/**
 * Mutations of the request target (RFC 9112 §3.2): its form (origin, absolute, asterisk, authority), characters
 * and percent-encodings inserted into the path, dot segments and empty segments, the query and a fragment.
 */
import type { MutationKind } from './mutation.ts';
import type { RequestModel } from './request-model.ts';

/** Where the inserted text goes: right after `/app/` (or the first `/`), or at the end of the path. */
const PLACES = ['inside', 'end'] as const;

/** Raw characters, some allowed in a path (RFC 3986 §3.3), some not, and raw non-ASCII bytes. */
const CHARACTERS = [
  '~',
  '!',
  '$',
  "'",
  '(',
  ')',
  '*',
  '+',
  ',',
  ';',
  '=',
  '@',
  ':',
  '-',
  '.',
  '_',
  '"',
  '<',
  '>',
  '\\',
  '^',
  '`',
  '{',
  '|',
  '}',
  '[',
  ']',
  '\xe9',
  '\xc3\xa9',
  '\xff',
  '\x7f',
];

/** Percent-encodings: `%2F` both cases, NUL, invalid UTF-8, an overlong `/`, encoded unreserved and dot, bad hex. */
const ENCODINGS = [
  '%2F',
  '%2f',
  '%00',
  '%ff',
  '%FF',
  '%C0%AF',
  '%c0%ae',
  '%c3%a9',
  '%C3%A9',
  '%25',
  '%20',
  '%41',
  '%7e',
  '%2e',
  '%2E%2E',
  '%3F',
  '%23',
  '%5C',
  '%0a',
  '%zz',
  '%4',
  '%',
  '%E2%9C%93',
  '%ed%a0%80',
];

/** Dot segments and empty segments (RFC 3986 §5.2.4). */
const SEGMENTS = ['/.', '/..', '/./', '/../', '//', '/x/..', '/x/../', '/%2e/', '/%2e%2e/', '/.x', '/..x', '///'];

const QUERIES = ['', 'a=b', 'a=%2F&b=%zz', 'q=caf%C3%A9', 'a+b=c+d', 'x=1&x=2', 'a=/../b', 'a?b', 'a=\xe9', '&&='];

const FORMS = [
  'absolute-same',
  'absolute-port',
  'absolute-upper',
  'absolute-other',
  'absolute-https',
  'asterisk',
  'authority',
] as const;

function splitTarget(target: string): { path: string; rest: string } {
  const at = target.search(/[?#]/);
  return at < 0 ? { path: target, rest: '' } : { path: target.slice(0, at), rest: target.slice(at) };
}

function insert(model: RequestModel, arg: string): RequestModel {
  const colon = arg.indexOf(':');
  const place = arg.slice(0, colon);
  const text = arg.slice(colon + 1);
  const { path, rest } = splitTarget(model.target);
  let at = path.length;
  if (place === 'inside') {
    const app = path.startsWith('/app/') ? '/app/'.length : path.indexOf('/') + 1;
    at = Math.max(0, Math.min(app, path.length));
  }
  return { ...model, target: `${path.slice(0, at)}${text}${path.slice(at)}${rest}` };
}

const insertKind = (kind: string, pool: readonly string[]): MutationKind => ({
  kind,
  axis: 'target',
  draw: (rng) => `${rng.pick(PLACES)}:${rng.pick(pool)}`,
  apply: insert,
});

export const TARGET_MUTATIONS: readonly MutationKind[] = [
  insertKind('path-char', CHARACTERS),
  insertKind('path-percent', ENCODINGS),
  insertKind('path-segment', SEGMENTS),
  {
    kind: 'query',
    axis: 'target',
    draw: (rng) => rng.pick(QUERIES),
    apply: (model, arg) => ({ ...model, target: `${splitTarget(model.target).path}?${arg}` }),
  },
  {
    kind: 'fragment',
    axis: 'target',
    draw: (rng) => rng.pick(['', 'top', 'a/../b']),
    apply: (model, arg) => ({ ...model, target: `${model.target}#${arg}` }),
  },
  {
    kind: 'target-form',
    axis: 'target',
    draw: (rng) => rng.pick(FORMS),
    apply: (model, arg) => ({ ...model, target: retarget(model.target, arg) }),
  },
];

function retarget(target: string, form: string): string {
  switch (form) {
    case 'absolute-same':
      return `http://example.test${target}`;
    case 'absolute-port':
      return `http://example.test:8080${target}`;
    case 'absolute-upper':
      return `HTTP://EXAMPLE.TEST${target}`;
    case 'absolute-other':
      return `http://other.test${target}`;
    case 'absolute-https':
      return `https://example.test${target}`;
    case 'asterisk':
      return '*';
    case 'authority':
      return 'example.test:8080';
    default:
      throw new Error(`target-form: unknown form "${form}"`);
  }
}
