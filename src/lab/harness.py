"""The WSGI lab's harness: runs the reader's application and middleware once as a gateway would, then again under
`wsgiref.validate`, and reports what crossed every boundary (see `src/lab/lab-protocol.ts`, the contract).

Entry point: `run_lab(request_json) -> str`, a `LabRunRequest` in, a `LabRunResult` out, both JSON. Standard library
only, so the same file runs in Pyodide (the browser's worker) and under Debian's /usr/bin/python3 (the tests).

The chain, outside in: gateway -> probe 0 -> middleware 0 -> probe 1 -> middleware 1 ... -> probe n -> application.
Probe k records boundary k: the environ the inner layer receives, every start_response call and write() that
crosses it outward, the items the outer layer iterates, whether the returned iterable has close() and len().

Each layer gets exactly what the layer inside it returned (PEP 3333, "Middleware: Components that Play Both
Sides") where the probes can record the items without a stand-in: a list or a tuple goes outward as it is (its items
are there already), and so does a generator, whose items a profile function records as it yields them
(`_YieldWatch`). Any other iterable (a class of the reader's, `map`, …) still reaches the outer layer as the probe's
wrapper (same type name, same close() and len()), so a middleware testing that iterable's class sees the wrapper's.

Stand-ins for the environ's objects (the page sends them as `{kind: 'object', repr}`; the repr is kept):
- `wsgi.input`: an `io.BytesIO` of the request body (read, readline, readlines, iteration, as PEP 3333 asks);
- `wsgi.errors`: a text stream that collects what is written into `LabRunResult.errors` (str only, as a real
  gateway's error stream; stderr is sent to it too, since a gateway's stderr ends in the same error log);
- `wsgi.file_wrapper`: a class like `wsgiref.util.FileWrapper` (iterates a file-like object's blocks, close()
  closes it);
- any other object: a plain object whose repr() is the one given.
"""

import base64
import builtins
import contextlib
import io
import json
import re
import sys
import time
import traceback
import types
import warnings

# Mirrors LAB_OUTPUT_LIMIT_BYTES in lab-protocol.ts: body bytes per boundary, stdout and wsgi.errors text, each.
OUTPUT_LIMIT_BYTES = 1_048_576
# Body items kept per boundary (an endless stream of empty items would otherwise fill memory before the time limit).
ITEM_LIMIT = 10_000
# A repr() kept longer than this is cut, with an ellipsis.
REPR_LIMIT = 300

_HARNESS_FILE = sys._getframe().f_code.co_filename
_ADDRESS = re.compile(r" at 0x[0-9a-fA-F]+")


class _TooLarge(BaseException):
    """Stops a run whose output passed a limit (a BaseException, so the reader's `except Exception` lets it go)."""

    def __init__(self, what):
        super().__init__(what)
        self.what = what


class _CompileError(Exception):
    def __init__(self, kind, message, file=None, line=None):
        super().__init__(message)
        self.error = {"kind": kind, "message": message}
        if file is not None:
            self.error["file"] = file
        if line is not None:
            self.error["line"] = line


def _repr(value):
    try:
        text = _ADDRESS.sub("", repr(value))
    except Exception as error:  # a broken __repr__ is the reader's, not ours
        text = "<%s object (repr() raised %s)>" % (type(value).__name__, type(error).__name__)
    return text if len(text) <= REPR_LIMIT else text[: REPR_LIMIT - 1] + "\u2026"


# ---------------------------------------------------------------------------------------------------------------
# Stand-ins


class _Text:
    """Collects text up to the output limit (wsgi.errors, stdout)."""

    def __init__(self, what, repr_text):
        self.what = what
        self.repr_text = repr_text
        self.parts = []
        self.size = 0

    def write(self, text):
        if not isinstance(text, str):
            raise TypeError("write() argument must be str, not %s" % type(text).__name__)
        self.size += len(text.encode("utf-8", "surrogatepass"))
        if self.size > OUTPUT_LIMIT_BYTES:
            raise _TooLarge(self.what)
        self.parts.append(text)
        return len(text)

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def flush(self):
        pass

    def isatty(self):
        return False

    def text(self):
        return "".join(self.parts)

    def __repr__(self):
        return self.repr_text


class _Input(io.BytesIO):
    """wsgi.input: the request body's bytes."""

    def __init__(self, data, repr_text):
        super().__init__(data)
        self._repr_text = repr_text

    def __repr__(self):
        return self._repr_text


class _Opaque:
    """Any other object of the gateway's environ, known only by its repr()."""

    def __init__(self, repr_text):
        self._repr_text = repr_text

    def __repr__(self):
        return self._repr_text


class _ReprType(type):
    def __repr__(cls):
        return cls._lab_repr


def _file_wrapper_class(repr_text):
    class FileWrapper(metaclass=_ReprType):
        """wsgi.file_wrapper (PEP 3333 §"Optional Platform-Specific File Handling"), as wsgiref.util.FileWrapper."""

        _lab_repr = repr_text

        def __init__(self, filelike, blksize=8192):
            self.filelike = filelike
            self.blksize = blksize
            if hasattr(filelike, "close"):
                self.close = filelike.close

        def __iter__(self):
            return self

        def __next__(self):
            data = self.filelike.read(self.blksize)
            if data:
                return data
            raise StopIteration

    return FileWrapper


def _build_environ(entries, body, errors):
    environ = {}
    for name, value in entries:
        kind = value.get("kind")
        if kind == "str":
            environ[name] = value["value"]
        elif kind == "bool":
            environ[name] = bool(value["value"])
        elif kind == "int":
            environ[name] = int(value["value"])
        elif kind == "tuple":
            environ[name] = tuple(int(item) for item in value["items"])
        elif name == "wsgi.input":
            environ[name] = _Input(body, value["repr"])
        elif name == "wsgi.errors":
            errors.repr_text = value["repr"]
            environ[name] = errors
        elif name == "wsgi.file_wrapper":
            environ[name] = _file_wrapper_class(value["repr"])
        else:
            environ[name] = _Opaque(value.get("repr", ""))
    return environ


def _lab_value(value):
    if isinstance(value, str):
        return {"kind": "str", "value": value}
    if isinstance(value, bool):
        return {"kind": "bool", "value": value}
    if isinstance(value, int) and abs(value) <= 2**53:
        return {"kind": "int", "value": value}
    if isinstance(value, tuple) and all(type(item) is int for item in value):
        return {"kind": "tuple", "items": list(value)}
    return {"kind": "object", "repr": _repr(value)}


def _environ_entries(environ):
    if not isinstance(environ, dict):
        return [["(environ)", {"kind": "object", "repr": _repr(environ)}]]
    return [[key if isinstance(key, str) else _repr(key), _lab_value(value)] for key, value in list(environ.items())]


# ---------------------------------------------------------------------------------------------------------------
# Loading the reader's code


def _compile(source):
    name = source["name"]
    text = source["source"]
    try:
        code = compile(text, name, "exec", dont_inherit=True)
    except SyntaxError as error:
        message = "%s: %s" % (type(error).__name__, error.msg)
        raise _CompileError("syntax", message, error.filename or name, error.lineno)
    except ValueError as error:  # null bytes
        raise _CompileError("syntax", "%s: %s" % (type(error).__name__, error), name)
    # Tracebacks show the line's text, as they would for a file on disk.
    import linecache

    linecache.cache[name] = (len(text), None, text.splitlines(True), name)
    return code


def _module(code, name):
    module = types.ModuleType(name[:-3] if name.endswith(".py") else name)
    module.__file__ = name
    exec(code, module.__dict__)
    return module


def _callable(module, attribute, name):
    value = module.__dict__.get(attribute)
    if value is None:
        raise _CompileError("missing", "%s does not define %s" % (name, attribute), name)
    if not callable(value):
        raise _CompileError("missing", "%s in %s is not callable (%s)" % (attribute, name, type(value).__name__), name)
    return value


# ---------------------------------------------------------------------------------------------------------------
# Probes


def _item(value, boundary):
    if isinstance(value, bytes):
        boundary["_bytes"] += len(value)
        if boundary["_bytes"] > OUTPUT_LIMIT_BYTES:
            raise _TooLarge("body")
        return {"kind": "bytes", "base64": base64.b64encode(value).decode("ascii")}
    return {"kind": "other", "type": type(value).__name__, "repr": _repr(value)}


def _keep_item(boundary, value):
    if len(boundary["body"]) >= ITEM_LIMIT:
        raise _TooLarge("body")
    boundary["body"].append(_item(value, boundary))


class _ProbeResult:
    """What probe k hands outward in place of the inner layer's iterable: the same items, recorded."""

    def __init__(self, inner, boundary):
        self._inner = inner
        self._boundary = boundary
        self._iterator = None

    def __iter__(self):
        return self

    def __next__(self):
        if self._iterator is None:
            self._iterator = iter(self._inner)
        value = next(self._iterator)
        _keep_item(self._boundary, value)
        return value


def _probe_result(inner, boundary):
    """A recording wrapper with the inner iterable's type name, and close()/len() only when the inner one has them."""
    members = {}
    if hasattr(inner, "close"):

        def close(self):
            self._boundary["_closed"] = True
            return self._inner.close()

        members["close"] = close
    if hasattr(type(inner), "__len__"):
        members["__len__"] = lambda self: len(self._inner)
    cls = type(type(inner).__name__, (_ProbeResult,), members)
    return cls(inner, boundary)


_NOTHING = object()


class _YieldWatch:
    """What the generators the layers returned yield, recorded without putting anything in their place.

    A profile function (sys.setprofile) sees a generator's frame leave, with the yielded value or at its end, and come
    back: a value it comes back after was yielded. After the run, a generator still suspended (the outer layer
    stopped taking items) had yielded its last value; one that ended had not (its end, or the exception it raised).
    """

    def __init__(self):
        self._watched = {}

    def add(self, generator, boundary):
        frame = generator.gi_frame
        if frame is not None:
            self._watched[id(frame)] = [frame, boundary, _NOTHING, generator]

    def _event(self, frame, event, arg):
        watch = self._watched.get(id(frame))
        if watch is None or watch[0] is not frame:
            return
        if event == "call":
            self._keep(watch)
        elif event == "return":
            watch[2] = arg

    def _keep(self, watch):
        value, watch[2] = watch[2], _NOTHING
        if value is not _NOTHING:
            # Past the limit, _TooLarge goes into the generator where it resumes, and out through every layer.
            _keep_item(watch[1], value)

    @contextlib.contextmanager
    def watching(self):
        previous = sys.getprofile()
        sys.setprofile(self._event)
        try:
            yield
        finally:
            sys.setprofile(previous)
            for watch in self._watched.values():
                if watch[3].gi_frame is not None:
                    self._keep(watch)
            self._watched.clear()


def _probe(inner, boundaries, record, watch=None):
    """The application probe k hands outward: records boundary k when called."""

    def probe(environ, start_response):
        boundary = {
            "environ": _environ_entries(environ),
            "startResponse": [],
            "body": [],
            "hasClose": False,
            "sized": False,
            "returnedType": "",
            "_bytes": 0,
            "_returned": False,
        }
        boundaries.append(boundary)

        def recording_start_response(status, headers, *rest):
            exc_info = rest[0] if rest else None
            call = {
                "status": status if isinstance(status, str) else _repr(status),
                "headers": [],
                "excInfo": exc_info is not None,
                "afterItems": len(boundary["body"]),
                "whileIterating": boundary["_returned"],
            }
            if exc_info is not None:
                try:
                    error = exc_info[1]
                    call["excInfoException"] = {"type": type(error).__name__, "message": str(error)}
                except Exception:
                    pass
            invalid = []
            try:
                pairs = list(headers)
            except TypeError:
                pairs = []
                invalid.append(_repr(headers))
            for pair in pairs:
                if isinstance(pair, tuple) and len(pair) == 2 and all(isinstance(part, str) for part in pair):
                    call["headers"].append([pair[0], pair[1]])
                else:
                    invalid.append(_repr(pair))
            if invalid:
                call["invalid"] = invalid
            boundary["startResponse"].append(call)
            write = start_response(status, headers, *rest)  # forwarded as called

            def recording_write(data):
                _keep_item(boundary, data)
                return write(data)

            return recording_write

        result = inner(environ, recording_start_response)
        boundary["_returned"] = True
        if isinstance(result, _ProbeResult):
            boundary["returnedType"] = result._boundary["returnedType"]
        else:
            boundary["returnedType"] = type(result).__name__
        boundary["hasClose"] = hasattr(result, "close")
        boundary["sized"] = hasattr(type(result), "__len__")
        if not record:
            return result
        if type(result) in (list, tuple):
            # A list or tuple runs no code when iterated and holds its items already: they are recorded now and the
            # object itself goes outward, so an outer layer's `isinstance(result, list)` sees what it would see
            # without the lab. The gateway trims boundary 0 to the items it took (it may stop early).
            for item in result:
                _keep_item(boundary, item)
            boundary["_as_is"] = True
            boundary["_count"] = len(result)
            return result
        if watch is not None and isinstance(result, types.GeneratorType):
            # The generator itself goes outward (an outer layer may test its class, send() to it, read gi_frame);
            # the watch records each item as it yields it.
            watch.add(result, boundary)
            return result
        return _probe_result(result, boundary)

    probe.__name__ = getattr(inner, "__name__", "application")
    return probe


# ---------------------------------------------------------------------------------------------------------------
# The gateway


class _Gateway:
    """Calls the outermost layer, iterates and closes its result as a PEP 3333 gateway does."""

    def __init__(self, rules):
        # What a second start_response without exc_info does: raise (PEP 3333 calls it "a fatal error"; wsgiref,
        # Gunicorn and flup raise) unless the gateway's rules say it replaces the first call.
        rules = rules or {}
        again = rules.get("startResponseAgain")
        self.again = again if again is not None else {"type": "AssertionError", "message": "Headers already set!"}
        # A body item that is not bytes: most gateways fail on it (in their own code, not the application's), stop
        # iterating and call close(); uWSGI skips it and mod_python sends it, and go on.
        self.stops_at_non_bytes = rules.get("nonBytes", "stop") != "continue"
        self.started = False
        self.sent = False
        self.taken = 0

    def start_response(self, status, headers, exc_info=None):
        if exc_info is not None:
            try:
                if self.sent:
                    raise exc_info[1].with_traceback(exc_info[2])
            finally:
                exc_info = None
        elif self.started and self.again != "replace":
            error_type = getattr(builtins, self.again["type"], None)
            if not (isinstance(error_type, type) and issubclass(error_type, Exception)):
                error_type = RuntimeError
            raise error_type(self.again["message"])
        self.started = True
        return self.write

    def write(self, data):
        if data:
            self.sent = True

    def run(self, app, environ):
        """Returns (where, exception) of the first exception met, or None."""
        failure = None
        # BaseException: the reader's sys.exit() or a bare `raise KeyboardInterrupt` is recorded like any exception (a
        # gateway's worker would log it), only the harness's own limit goes through.
        try:
            result = app(environ, self.start_response)
        except _TooLarge:
            raise
        except BaseException as error:
            return ("call", error)
        try:
            for data in result:
                self.taken += 1
                if not isinstance(data, bytes) and self.stops_at_non_bytes:
                    break
                if data:
                    self.sent = True
        except _TooLarge:
            raise
        except BaseException as error:
            failure = ("iterate", error)
        finally:
            # PEP 3333: "If the iterable returned by the application has a close() method, the server or gateway
            # must call that method upon completion of the current request, whether the request was completed
            # normally, or terminated early due to an application error".
            if hasattr(result, "close"):
                try:
                    result.close()
                except _TooLarge:
                    raise
                except BaseException as error:
                    if failure is None:
                        failure = ("close", error)
        return failure


def _exception(where, error):
    tb = error.__traceback__
    frames = [frame for frame in traceback.extract_tb(tb) if frame.filename != _HARNESS_FILE]
    lines = ["Traceback (most recent call last):\n"] if frames else []
    lines += traceback.format_list(frames)
    lines += traceback.format_exception_only(type(error), error)
    return {
        "type": type(error).__name__,
        "message": str(error),
        "traceback": "".join(lines),
        "where": where,
    }


# ---------------------------------------------------------------------------------------------------------------
# The two runs


def _load(codes, request):
    """Fresh module namespaces each time, so nothing the code keeps at module level leaks between the two runs."""
    app_module = _module(codes[0], request["app"]["name"])
    application = _callable(app_module, "application", request["app"]["name"])
    factories = []
    for code, source in zip(codes[1:], request["middleware"]):
        module = _module(code, source["name"])
        factories.append(_callable(module, "middleware", source["name"]))
    return application, factories


def _gateway_run(codes, request, body, errors):
    boundaries = []
    try:
        application, factories = _load(codes, request)
        watch = _YieldWatch()
        layer = _probe(application, boundaries, True, watch)
        for factory in reversed(factories):
            layer = _probe(factory(layer), boundaries, True, watch)
    except _CompileError:
        raise
    except _TooLarge:
        raise
    except BaseException as error:  # raised while importing the code or building the stack: the gateway never calls it
        return boundaries, _exception("call", error)
    environ = _build_environ(request["environ"], body, errors)
    gateway = _Gateway(request.get("gateway"))
    with watch.watching():
        failure = gateway.run(layer, environ)
    if boundaries and boundaries[0].get("_as_is"):
        # write() items come first, then the list's; the gateway took `taken` of the list's.
        written = len(boundaries[0]["body"]) - boundaries[0]["_count"]
        del boundaries[0]["body"][written + gateway.taken :]
    # Probes are appended as they are called, inner ones later: the list is already outside in.
    for boundary in boundaries:
        del boundary["_bytes"]
        del boundary["_returned"]
        boundary.pop("_closed", None)
        boundary.pop("_as_is", None)
        boundary.pop("_count", None)
    return boundaries, _exception(*failure) if failure else None


def _validator_run(codes, request, body):
    """The same code behind `wsgiref.validate.validator`, served by wsgiref's own reference handler."""
    from wsgiref.handlers import SimpleHandler
    from wsgiref.validate import WSGIWarning, validator

    report = {"warnings": []}
    environ = _build_environ(request["environ"], body, _Text("errors", "<wsgi.errors>"))

    class Handler(SimpleHandler):
        def setup_environ(self):
            self.environ = environ

        def handle_error(self):
            error = sys.exc_info()[1]
            if isinstance(error, AssertionError) and "assertion" not in report:
                # A bare `assert_(cond)` has no message: the failing line says what was checked.
                frames = traceback.extract_tb(error.__traceback__)
                message = str(error) or (frames[-2].line if len(frames) > 1 else "") or "AssertionError"
                report["assertion"] = {
                    "message": message,
                    "traceback": "".join(traceback.format_exception(type(error), error, error.__traceback__)),
                }

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            application, factories = _load(codes, request)
            for factory in reversed(factories):
                application = factory(application)
        except _TooLarge:
            raise
        except BaseException:  # the gateway's run has reported it
            return report
        handler = Handler(io.BytesIO(body), io.BytesIO(), _Text("stderr", "<stderr>"), environ, multithread=False)
        handler.run(validator(application))
        for warning in caught:
            if issubclass(warning.category, WSGIWarning):
                report["warnings"].append(str(warning.message))
    return report


def run_lab(request_json):
    started = time.perf_counter()
    try:
        request = json.loads(request_json)
        run_id = request.get("id", 0)
    except Exception as error:
        return json.dumps(_failure(0, "load", "the request is not JSON: %s" % error))
    try:
        return json.dumps(_run(request, run_id, started))
    except _CompileError as error:
        return json.dumps({"type": "result", "id": run_id, "ok": False, "error": error.error})
    except _TooLarge as error:
        message = "the run's %s passed %d bytes" % (error.what, OUTPUT_LIMIT_BYTES)
        if error.what == "body":
            message = "the response body passed %d bytes or %d items" % (OUTPUT_LIMIT_BYTES, ITEM_LIMIT)
        return json.dumps(_failure(run_id, "too-large", message))


def _failure(run_id, kind, message):
    return {"type": "result", "id": run_id, "ok": False, "error": {"kind": kind, "message": message}}


def _run(request, run_id, started):
    sources = [request["app"]] + list(request["middleware"])
    codes = [_compile(source) for source in sources]
    body = base64.b64decode(request.get("input", ""))
    errors = _Text("wsgi.errors", "<wsgi.errors>")
    stdout = _Text("stdout", "<stdout>")
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(errors):
        boundaries, exception = _gateway_run(codes, request, body, errors)
    # The second run's output is not the gateway's: it goes nowhere (a limit passed there only ends that run).
    with contextlib.redirect_stdout(_Text("stdout", "")), contextlib.redirect_stderr(_Text("stderr", "")):
        try:
            validator = _validator_run(codes, request, body)
        except _TooLarge:
            validator = {"warnings": []}
    result = {
        "type": "result",
        "id": run_id,
        "ok": True,
        "boundaries": boundaries,
        "errors": errors.text(),
        "stdout": stdout.text(),
        "validator": validator,
        "durationMs": round((time.perf_counter() - started) * 1000, 1),
        "names": {"app": request["app"]["name"], "middleware": [source["name"] for source in request["middleware"]]},
    }
    if exception is not None:
        result["exception"] = exception
    return result
