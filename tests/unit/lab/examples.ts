/** The five examples (and two stacked middleware), as plain Python sources for the harness tests. */

/** PEP 3333's "simple application" (§"The Application/Framework Side"). */
export const HELLO_WORLD = `def application(environ, start_response):
    """Simplest possible application object"""
    status = '200 OK'
    response_headers = [('Content-type', 'text/plain')]
    start_response(status, response_headers)
    return [b'Hello world!\\n']
`;

/** A middleware adding one environ key, and one adding a response header. */
export const ADD_ENVIRON_KEY = `def middleware(app):
    def wrapped(environ, start_response):
        environ['lab.seen_by'] = 'outer'
        return app(environ, start_response)
    return wrapped
`;

export const ADD_HEADER = `class middleware:
    def __init__(self, app):
        self.app = app

    def __call__(self, environ, start_response):
        def add_header(status, headers, exc_info=None):
            return start_response(status, headers + [('X-Lab', 'inner')], exc_info)
        return self.app(environ, add_header)
`;

/** Moves a proxy's prefix from PATH_INFO to SCRIPT_NAME (what werkzeug's ProxyFix does with X-Forwarded-Prefix). */
export const PREFIX_FIX = `PREFIX = '/hello'

def middleware(app):
    def fix(environ, start_response):
        path = environ.get('PATH_INFO', '')
        if path.startswith(PREFIX):
            environ['SCRIPT_NAME'] = environ.get('SCRIPT_NAME', '') + PREFIX
            environ['PATH_INFO'] = path[len(PREFIX):]
        return app(environ, start_response)
    return fix
`;

/** PEP 3333's Pig Latin middleware (§"Middleware: Components that Play Both Sides"), reduced; drops Content-Length. */
export const PIG_LATIN = `class LatinIter:
    def __init__(self, result, transform_ok):
        if hasattr(result, 'close'):
            self.close = result.close
        self._next = iter(result).__next__
        self.transform_ok = transform_ok

    def __iter__(self):
        return self

    def __next__(self):
        data = self._next()
        if self.transform_ok:
            return piglatin(data)
        return data

def piglatin(data):
    words = data.decode('latin-1').split(' ')
    return ' '.join(w[1:] + w[0] + 'ay' if w[:1].isalpha() else w for w in words).encode('latin-1')

def middleware(application):
    def latin(environ, start_response):
        transform_ok = []

        def start_latin(status, response_headers, exc_info=None):
            del transform_ok[:]
            for name, value in response_headers:
                if name.lower() == 'content-type' and value == 'text/plain':
                    transform_ok.append(True)
                    response_headers = [(n, v) for n, v in response_headers if n.lower() != 'content-length']
                    break
            write = start_response(status, response_headers, exc_info)
            return write

        return LatinIter(application(environ, start_latin), transform_ok)
    return latin
`;

/** A broken application: start_response twice, then a str body. */
export const BROKEN = `def application(environ, start_response):
    start_response('200 OK', [('Content-Type', 'text/plain')])
    start_response('200 OK', [('Content-Type', 'text/html')])
    return 'not bytes'
`;

/** Returns a str body after one start_response. */
export const STR_BODY = `def application(environ, start_response):
    start_response('200 OK', [('Content-Type', 'text/plain')])
    return 'hello'
`;

/** A generator application under a middleware that tests what it got back and rewrites it with `yield from`. */
export const GENERATOR_APP = `def application(environ, start_response):
    start_response('200 OK', [('Content-Type', 'text/plain')])
    def body():
        yield b'a'
        yield b'bc'
    return body()
`;

/** Says whether the inner layer's result reached it as a generator, then yields its items upper-cased. */
export const GENERATOR_CHECK = `import types


def middleware(app):
    def wrapped(environ, start_response):
        result = app(environ, start_response)
        kind = b'generator' if isinstance(result, types.GeneratorType) else b'stand-in'
        def body():
            yield kind + b':'
            yield from (item.upper() for item in result)
        return body()
    return wrapped
`;
