import type { LabExample } from './lab-example.ts';

/**
 * An application that breaks PEP 3333 in one of two ways, chosen by its first line: it returns a `str` instead of an
 * iterable of bytes, or it calls `start_response` twice without `exc_info`.
 */
export const BROKEN: LabExample = {
  id: 'broken',
  pipeline: 'wsgiref',
  request: 'get',
  app: {
    name: 'app.py',
    source: `MISTAKE = "str"  # or "twice"


def application(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain; charset=utf-8")])
    if MISTAKE == "twice":
        # A second call without exc_info: PEP 3333 says it is a fatal error.
        start_response("500 Internal Server Error", [("Content-Type", "text/plain")])
        return [b"called start_response twice\\n"]
    # A str, not an iterable of bytes: each gateway deals with it its own way.
    return "Hello from a str body\\n"
`,
  },
  middleware: [],
};
