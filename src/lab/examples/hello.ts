import type { LabExample } from './lab-example.ts';

/**
 * PEP 3333's smallest application ("The Application/Framework Side"), with the name the lab calls: one
 * `start_response` call, then an iterable of bytes.
 */
export const HELLO: LabExample = {
  id: 'hello',
  pipeline: 'apache-modwsgi-daemon',
  request: 'get',
  app: {
    name: 'app.py',
    source: `# PEP 3333, "The Application/Framework Side": the simplest application object.
HELLO_WORLD = b"Hello world!\\n"


def application(environ, start_response):
    status = "200 OK"
    response_headers = [("Content-Type", "text/plain")]
    start_response(status, response_headers)
    return [HELLO_WORLD]
`,
  },
  middleware: [],
};
