import type { LabExample } from './lab-example.ts';

/**
 * PEP 3333's response-rewriting middleware (§"Middleware: Components that Play Both Sides"): it turns text/plain
 * bodies into Pig Latin, so it must drop the Content-Length the application set.
 */
export const PIG_LATIN: LabExample = {
  id: 'pig-latin',
  pipeline: 'nginx-uwsgi',
  request: 'get',
  app: {
    name: 'app.py',
    source: `def application(environ, start_response):
    body = b"hello world from the application\\n"
    start_response("200 OK", [
        ("Content-Type", "text/plain"),
        ("Content-Length", str(len(body))),
    ])
    return [body]
`,
  },
  middleware: [
    {
      name: 'latinator.py',
      source: `# After PEP 3333, "Middleware: Components that Play Both Sides".
import re


def piglatin(data):
    def word(match):
        w = match.group(0)
        vowel = re.search(rb"[aeiouAEIOU]", w)
        if vowel is None or vowel.start() == 0:
            return w + b"way"
        return w[vowel.start():] + w[:vowel.start()] + b"ay"
    return re.sub(rb"[A-Za-z]+", word, data)


class Latinator:
    def __init__(self, app):
        self.app = app

    def __call__(self, environ, start_response):
        transform = []

        def start_latin(status, headers, exc_info=None):
            del transform[:]  # start_response may be called again with exc_info
            for name, value in headers:
                if name.lower() == "content-type" and value == "text/plain":
                    transform.append(True)
                    # The body changes length: drop Content-Length, or it would be wrong.
                    headers = [(n, v) for n, v in headers if n.lower() != "content-length"]
                    break
            return start_response(status, headers, exc_info)

        return self.rewrite(self.app(environ, start_latin), transform)

    def rewrite(self, result, transform):
        try:
            for data in result:
                yield piglatin(data) if transform else data
        finally:
            # PEP 3333: whoever iterates an iterable with close() must call it.
            if hasattr(result, "close"):
                result.close()


def middleware(app):
    return Latinator(app)
`,
    },
  ],
};
