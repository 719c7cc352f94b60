import type { LabExample } from './lab-example.ts';

/**
 * A middleware that mounts the application under a path prefix when the gateway in front passed the whole path in
 * PATH_INFO (a reverse proxy to Gunicorn, say), so that SCRIPT_NAME + PATH_INFO still name the same URL (PEP 3333
 * §"URL Reconstruction").
 */
export const PREFIX_FIX: LabExample = {
  id: 'prefix-fix',
  pipeline: 'nginx-gunicorn',
  request: 'query-utf8',
  app: {
    name: 'app.py',
    source: `from wsgiref.util import application_uri


def application(environ, start_response):
    lines = [
        "SCRIPT_NAME: " + repr(environ.get("SCRIPT_NAME", "")),
        "PATH_INFO: " + repr(environ.get("PATH_INFO", "")),
        "links start with: " + application_uri(environ),
        "",
    ]
    body = "\\n".join(lines).encode("utf-8")
    start_response("200 OK", [("Content-Type", "text/plain; charset=utf-8")])
    return [body]
`,
  },
  middleware: [
    {
      name: 'prefix_fix.py',
      source: `# The application is mounted at PREFIX, but the proxy in front passes the whole path on.
PREFIX = "/app"


class PrefixFix:
    def __init__(self, app, prefix):
        self.app = app
        self.prefix = prefix.rstrip("/")

    def __call__(self, environ, start_response):
        path = environ.get("PATH_INFO", "")
        if path == self.prefix or path.startswith(self.prefix + "/"):
            # Move the prefix from PATH_INFO to SCRIPT_NAME: together they still name the same URL.
            environ["SCRIPT_NAME"] = environ.get("SCRIPT_NAME", "") + self.prefix
            environ["PATH_INFO"] = path[len(self.prefix):]
        return self.app(environ, start_response)


def middleware(app):
    return PrefixFix(app, PREFIX)
`,
    },
  ],
};
