/**
 * Mutations of the header section (RFC 9110 §5, RFC 9112 §5): the case of a field name, underscores for dashes,
 * invalid tokens, odd values, repeated and dropped fields, many fields, one large field, obs-fold.
 */
import { halves, type MutationKind } from './mutation.ts';
import type { HeaderLine, RequestModel } from './request-model.ts';

/** Whole header lines to add: odd names, odd values, fields that servers treat specially. */
const LINES = [
  'X-Test: 1',
  'x-lower-case: 1',
  'X-UPPER-CASE: 1',
  'X_Under_Score: 1',
  'X-Custom-Header: dash',
  'X_Custom_Header: underscore',
  'X-Dot.Name: 1',
  "X-Tick'Name: 1",
  'X-At@Name: 1',
  'X-Slash/Name: 1',
  'X-Paren(Name): 1',
  'X Space: 1',
  'X-Spaced : 1',
  'X-Tab\t: 1',
  ': no name',
  'X-No-Colon',
  'X-Empty:',
  'X-Empty-Space: ',
  'X-Tab-Value:\tv\t',
  'X-Trailing: v   ',
  'X-Inner:  a  b  ',
  'X-Latin1: caf\xe9',
  'X-Utf8: caf\xc3\xa9',
  'X-Control: a\x01b',
  'X-Delete: a\x7fb',
  'X-Nul: a\x00b',
  'X-Bare-Cr: a\rb',
  'X-Quote: "a, b"',
  'X-\xe9: 1',
  'Proxy: http://proxy.test/',
  'Connection: close',
  'Connection: keep-alive',
  'Connection: Upgrade',
  'Upgrade: h2c',
  'Expect: 100-continue',
  'Expect: something-else',
  'TE: trailers',
  'Content-Type: text/plain; charset=utf-8',
  'Cookie: a=1; b=2',
  'Cookie: c=3',
  'Accept: text/html',
  'Authorization: Basic YTpi',
  'X-Forwarded-For: 192.0.2.1',
  'X-Forwarded-Proto: https',
  'Forwarded: for=192.0.2.1;proto=https',
  'Script-Name: /evil',
  'Path-Info: /evil',
  'Content-Encoding: gzip',
  'Range: bytes=0-3',
  'If-None-Match: *',
  'Host: other.test',
  'Max-Forwards: 0',
];

const HOSTS = [
  'EXAMPLE.TEST',
  'example.test:8080',
  'example.test:80',
  'example.test.',
  '',
  '127.0.0.1',
  '[::1]',
  '[::1]:8080',
  'example.test:',
  'example.test:abc',
  'a_b.test',
  'ex ample.test',
  'example.test/x',
  'caf\xe9.test',
  'other.test',
];

const CASES = ['lower', 'upper', 'mixed'] as const;

function find(model: RequestModel, name: string): number {
  return model.headers.findIndex((header) => header.raw === undefined && header.name.toLowerCase() === name);
}

function editHeader(model: RequestModel, name: string, edit: (header: HeaderLine) => HeaderLine): RequestModel {
  const at = find(model, name.toLowerCase());
  if (at < 0) return model;
  return { ...model, headers: model.headers.map((header, index) => (index === at ? edit(header) : header)) };
}

function recase(name: string, style: string): string {
  if (style === 'lower') return name.toLowerCase();
  if (style === 'upper') return name.toUpperCase();
  return [...name].map((char, index) => (index % 2 ? char.toLowerCase() : char.toUpperCase())).join('');
}

/** Names of the model's plain header lines, for mutations that pick one. */
function names(model: RequestModel): string[] {
  const plain = model.headers.filter((header) => header.raw === undefined).map((header) => header.name);
  return plain.length > 0 ? plain : ['Host'];
}

function rawLine(line: string): HeaderLine {
  const colon = line.indexOf(':');
  return colon < 0 ? { name: line, value: '', raw: line } : { name: line.slice(0, colon), value: '', raw: line };
}

export const HEADER_MUTATIONS: readonly MutationKind[] = [
  {
    kind: 'header-case',
    axis: 'headers',
    draw: (rng, model) => `${rng.pick(names(model))}:${rng.pick(CASES)}`,
    apply: (model, arg) => {
      const [name = '', style = ''] = arg.split(':');
      return editHeader(model, name, (header) => ({ ...header, name: recase(header.name, style) }));
    },
  },
  {
    kind: 'header-underscore',
    axis: 'headers',
    draw: (rng, model) => rng.pick([...names(model).filter((name) => name.includes('-')), 'User-Agent']),
    apply: (model, arg) => editHeader(model, arg, (header) => ({ ...header, name: header.name.replaceAll('-', '_') })),
  },
  {
    kind: 'header-add',
    axis: 'headers',
    draw: (rng) => rng.pick(LINES),
    apply: (model, arg) => ({ ...model, headers: [...model.headers, rawLine(arg)] }),
  },
  {
    kind: 'header-drop',
    axis: 'headers',
    draw: (rng, model) => rng.pick(names(model)),
    apply: (model, arg) => {
      const at = find(model, arg.toLowerCase());
      return { ...model, headers: model.headers.filter((_header, index) => index !== at) };
    },
  },
  {
    kind: 'host',
    axis: 'headers',
    draw: (rng) => rng.pick(HOSTS),
    apply: (model, arg) =>
      find(model, 'host') < 0
        ? { ...model, headers: [{ name: 'Host', value: arg }, ...model.headers] }
        : editHeader(model, 'host', (header) => ({ ...header, value: arg })),
  },
  {
    kind: 'header-count',
    axis: 'headers',
    draw: (rng) => String(rng.pick([1, 2, 5, 10, 20, 40, 60, 95, 101, 150])),
    apply: (model, arg) => ({
      ...model,
      headers: [
        ...model.headers,
        ...Array.from({ length: Number(arg) }, (_unused, index) => ({ name: `X-Extra-${index + 1}`, value: 'v' })),
      ],
    }),
    smaller: halves,
  },
  {
    kind: 'header-size',
    axis: 'headers',
    draw: (rng) => String(rng.pick([100, 1000, 1100, 4000, 8000, 8200, 9000, 16000])),
    apply: (model, arg) => ({
      ...model,
      headers: [
        ...model.headers,
        { name: 'X-Large', value: 'abcdefghij'.repeat(Number(arg) / 10 + 1).slice(0, Number(arg)) },
      ],
    }),
    smaller: halves,
  },
  {
    kind: 'obs-fold',
    axis: 'headers',
    draw: (rng, model) => `${rng.pick(names(model))}:${rng.pick([' ', '\t', '   '])}`,
    apply: (model, arg) => {
      const colon = arg.indexOf(':');
      const [name, fold] = [arg.slice(0, colon), arg.slice(colon + 1)];
      return editHeader(model, name, (header) => ({
        ...header,
        raw: `${header.name}: ${header.value}${header.eol ?? model.eol}${fold}folded`,
      }));
    },
  },
];
