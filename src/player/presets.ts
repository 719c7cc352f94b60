/** Ready-made requests the player offers, the same cases as the conformance corpus. */

/** A preset request (its menu label is in `src/i18n/player.ts`, so the browser bundle carries none). */
export interface Preset {
  id: string;
  /** The raw request as text (CRLF line ends). */
  raw: string;
}

const CLIENT = 'Host: example.test\r\nUser-Agent: curl/7.88.1\r\nAccept: */*\r\n';
const WORDS = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel'] as const;
const LARGE_BODY_BYTES = 65_536;

/** A JSON body of exactly `size` bytes: generated items, padded with spaces before the final `}`. */
export function largeJsonBody(size = LARGE_BODY_BYTES): string {
  const word = (n: number): string => WORDS[n % WORDS.length] ?? 'alpha';
  const items: string[] = [];
  let length = '{"items":[]}'.length;
  for (let n = 0; ; n++) {
    const item = JSON.stringify({ id: n % 1000, name: `${word(n)}-${word(n * 3 + 1)}`, ok: n % 2 === 0 });
    if (length + item.length + 1 > size - 8) break;
    items.push(item);
    length += item.length + (items.length > 1 ? 1 : 0);
  }
  const json = `{"items":[${items.join(',')}]`;
  return `${json}${' '.repeat(Math.max(0, size - json.length - 1))}}`;
}

const form = 'user=ana&pass=s%C3%A9cret&remember=on';
const json = largeJsonBody();

/** Every preset, in menu order; the first is the default request of application pipelines. */
export const PRESETS: readonly Preset[] = [
  { id: 'get', raw: `GET /app/ HTTP/1.1\r\n${CLIENT}\r\n` },
  {
    id: 'static',
    raw: `GET /static/hello.txt HTTP/1.1\r\n${CLIENT}\r\n`,
  },
  {
    id: 'query-utf8',
    raw: `GET /app/caf%C3%A9/na%C3%AFve?q=%E2%9C%93&x=1+2&empty= HTTP/1.1\r\n${CLIENT}\r\n`,
  },
  {
    id: 'form-post',
    raw: `POST /app/login HTTP/1.1\r\n${CLIENT}Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ${form.length}\r\n\r\n${form}`,
  },
  {
    id: 'large-json',
    raw: `POST /app/upload HTTP/1.1\r\n${CLIENT}Content-Type: application/json\r\nContent-Length: ${json.length}\r\n\r\n${json}`,
  },
  {
    id: 'repeated-headers',
    raw: `GET /app/ HTTP/1.1\r\n${CLIENT}Accept: text/html\r\nCookie: a=1\r\nCookie: b=2\r\nX-Custom: one\r\nX-Custom: two\r\n\r\n`,
  },
  {
    id: 'underscore-header',
    raw: `GET /app/ HTTP/1.1\r\n${CLIENT}X_Custom_Header: underscore\r\n\r\n`,
  },
  {
    id: 'proxy-header',
    raw: `GET /app/ HTTP/1.1\r\n${CLIENT}Proxy: http://attacker.test:3128\r\n\r\n`,
  },
  {
    id: 'chunked',
    raw: `POST /app/chunked HTTP/1.1\r\n${CLIENT}Content-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nHello\r\n7\r\n, world\r\n0\r\n\r\n`,
  },
  { id: 'head', raw: `HEAD /app/ HTTP/1.1\r\n${CLIENT}\r\n` },
  {
    id: 'http10',
    raw: 'GET /app/ HTTP/1.0\r\nUser-Agent: curl/7.88.1\r\nAccept: */*\r\n\r\n',
  },
];

/** Finds a preset by id. */
export function findPreset(id: string | undefined): Preset | undefined {
  return PRESETS.find((preset) => preset.id === id);
}

/** The default preset of a pipeline: static-file pipelines get the static file, the others the application. */
export function defaultPresetId(pipelineKind: string): string {
  return pipelineKind === 'static' ? 'static' : 'get';
}
