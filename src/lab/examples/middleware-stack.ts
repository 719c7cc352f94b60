import type { LabExample } from './lab-example.ts';

/**
 * The middleware stack the site models as `middleware-stack-app.ts`: `TimingMiddleware(RequestIdMiddleware(app))`.
 * Each layer adds an environ key on the way in and a header on the way out.
 */
export const MIDDLEWARE_STACK: LabExample = {
  id: 'middleware-stack',
  pipeline: 'nginx-gunicorn',
  request: 'get',
  app: {
    name: 'app.py',
    source: `def application(environ, start_response):
    lines = [
        "request id: " + environ.get("app.request_id", "(none)"),
        "started: " + environ.get("app.started", "(none)"),
        "",
    ]
    body = "\\n".join(lines).encode("utf-8")
    start_response("200 OK", [
        ("Content-Type", "text/plain; charset=utf-8"),
        ("Content-Length", str(len(body))),
    ])
    return [body]
`,
  },
  middleware: [
    {
      name: 'timing.py',
      source: `# The outer layer: app = TimingMiddleware(RequestIdMiddleware(application))
import time


class TimingMiddleware:
    def __init__(self, app):
        self.app = app

    def __call__(self, environ, start_response):
        started = time.monotonic()
        environ["app.started"] = time.strftime("%a, %d %b %Y %H:%M:%S GMT", time.gmtime())

        def timed_start_response(status, headers, exc_info=None):
            elapsed = "%.3fs" % (time.monotonic() - started)
            return start_response(status, headers + [("X-Elapsed", elapsed)], exc_info)

        return self.app(environ, timed_start_response)


def middleware(app):
    return TimingMiddleware(app)
`,
    },
    {
      name: 'request_id.py',
      source: `# The inner layer: gives every request an id, in the environ and in a response header.
import itertools

_ids = itertools.count(1)


class RequestIdMiddleware:
    def __init__(self, app):
        self.app = app

    def __call__(self, environ, start_response):
        request_id = "req-%06d" % next(_ids)
        environ["app.request_id"] = request_id

        def start_response_with_id(status, headers, exc_info=None):
            return start_response(status, headers + [("X-Request-Id", request_id)], exc_info)

        return self.app(environ, start_response_with_id)


def middleware(app):
    return RequestIdMiddleware(app)
`,
    },
  ],
};
