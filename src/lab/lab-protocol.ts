/**
 * The WSGI lab's contract: what the page hands the Python worker (the reader's code and the environ the chosen
 * pipeline's gateway builds), and what the worker hands back (what crossed each middleware boundary, what the
 * application returned or raised, what `wsgiref.validate` reported). Plain, serialisable data: it crosses
 * `postMessage`, is replayed by the simulator (`src/sim/lab/`) and is what the tests compare.
 *
 * Order: `middleware` and `boundaries` run outside in, the way a request meets them. Boundary 0 is what the gateway
 * hands over and gets back; boundary k sits inside middleware k-1; the last boundary is what the application itself
 * was called with and returned. So middleware k changed whatever differs between boundary k and boundary k+1.
 */

import type { GatewayRules } from '../sim/wsgi/gateway-rules.ts';

/** A value of an environ key (PEP 3333 §"environ Variables": native strings, plus ints, bools, tuples, objects). */
export type LabValue =
  | { kind: 'str'; value: string }
  | { kind: 'bool'; value: boolean }
  | { kind: 'int'; value: number }
  | { kind: 'tuple'; items: number[] }
  /**
   * Any other object, by its repr() with memory addresses left out. Going in, the harness builds a documented
   * stand-in for the known keys (`wsgi.input` reads `LabRunRequest.input`, `wsgi.errors` is collected into
   * `LabRunResult.errors`, `wsgi.file_wrapper` is a plain wrapper class); other keys get an object with that repr.
   */
  | { kind: 'object'; repr: string };

/** One environ key, in the order the dict holds it. */
export type LabEnvironEntry = [name: string, value: LabValue];

/** One piece of Python source the reader wrote. */
export interface LabSource {
  /** Shown in the trace and in tracebacks as the module's file name (`app.py`, `prefix_fix.py`). */
  name: string;
  source: string;
}

/** Page → worker: run the reader's code once on one request. */
export interface LabRunRequest {
  type: 'run';
  /** Echoed in the answer, so a late answer to an older run is recognised and dropped. */
  id: number;
  /** Must define `application(environ, start_response)` (PEP 3333's conventional name). */
  app: LabSource;
  /**
   * Outermost first. Each must define `middleware(app)`, a callable (a class works) taking the inner application
   * and returning the wrapped one.
   */
  middleware: LabSource[];
  /** The environ the pipeline's gateway builds for the request (the simulator's `labEnviron`). */
  environ: LabEnvironEntry[];
  /** The request body's bytes, base64, which `wsgi.input` yields. */
  input: string;
  /**
   * Appended: how the chosen gateway's start_response behaves where gateways differ, so the reader's code meets the
   * same answer it would there (a second call can raise into the code, which then takes another path). Absent: the
   * harness behaves as wsgiref's BaseHandler.
   */
  gateway?: LabGatewayRules;
}

/** Where gateways' start_response differ: each gateway model's own (src/sim/wsgi/gateway-rules.ts). */
export type LabGatewayRules = GatewayRules;

/** One item of the iterable the application (or a middleware) returned: bytes, or anything else by type and repr. */
export type LabBodyItem = { kind: 'bytes'; base64: string } | { kind: 'other'; type: string; repr: string };

/** One call of `start_response`, as made across a boundary. */
export interface LabStartResponse {
  /** The status argument, by repr() when it is not a str. */
  status: string;
  /** The headers, each pair's items as str; a pair that is not two str is kept by repr() in `invalid`. */
  headers: [string, string][];
  /** Items of the headers argument that were not a (str, str) tuple, by repr(). */
  invalid?: string[];
  /** Whether `exc_info` was passed (PEP 3333 §"The start_response() Callable"). */
  excInfo: boolean;
  /** How many body items had been yielded across this boundary before the call (0: before the body). */
  afterItems: number;
  /**
   * Appended: the exception exc_info carries (`type(e).__name__`, `str(e)`), when exc_info was passed. A gateway
   * whose headers are already out re-raises it into the code (PEP 3333 §"The start_response() Callable"), and logs
   * it; the simulator needs its type and message to say so.
   */
  excInfoException?: { type: string; message: string };
  /**
   * Appended: whether the call came after the inner side had returned its iterable, so while the outer side was
   * iterating it (a generator calls start_response in its first next(), when `afterItems` is still 0).
   */
  whileIterating?: boolean;
}

/** What crossed one boundary between two layers (or between the gateway and the outermost layer). */
export interface LabBoundary {
  /** The environ as the inner layer received it. */
  environ: LabEnvironEntry[];
  /** Every `start_response` call that crossed it, in order. */
  startResponse: LabStartResponse[];
  /** The items the outer side got from iterating what the inner side returned (stops at an exception). */
  body: LabBodyItem[];
  /** Whether the returned iterable had a `close()` method (PEP 3333: the server must call it). */
  hasClose: boolean;
  /** Whether it had `len()` (a list does, a generator does not: wsgiref then adds no Content-Length). */
  sized: boolean;
  /** The type name of the returned object (`list`, `generator`, `str`…), by `type(x).__name__`. */
  returnedType: string;
}

/** A Python exception as the reader would see it. */
export interface LabException {
  type: string;
  message: string;
  /** The whole `traceback.format_exception` text, with the reader's file names and line numbers. */
  traceback: string;
  /** Where the gateway met it: calling the application, iterating its result, or calling `close()`. */
  where: 'call' | 'iterate' | 'close';
}

/** What `wsgiref.validate` reported on a separate run of the same code (the gateway's run has no validator). */
export interface LabValidatorReport {
  /** The first AssertionError it raised, if any (it stops there). */
  assertion?: { message: string; traceback: string };
  /** Each `WSGIWarning` it issued. */
  warnings: string[];
}

/** Worker → page: one run's result. */
export type LabRunResult =
  | {
      type: 'result';
      id: number;
      ok: true;
      /** Outside in: `middleware.length + 1` boundaries (fewer if an exception stopped the call on the way in). */
      boundaries: LabBoundary[];
      /** Absent when the code returned and its result was iterated and closed without raising. */
      exception?: LabException;
      /** What the code wrote to `wsgi.errors`. */
      errors: string;
      /** What the code printed to stdout (shown apart: a gateway does not send it to the client). */
      stdout: string;
      validator: LabValidatorReport;
      /** Milliseconds the run took inside the worker (both runs). */
      durationMs: number;
      /**
       * Appended: the file names the run used (`LabRunRequest.app.name`, each `middleware[k].name`, outermost first),
       * echoed so the trace can name each layer's hop without the request at hand.
       */
      names?: { app: string; middleware: string[] };
    }
  | {
      type: 'result';
      id: number;
      ok: false;
      /**
       * `syntax`: a source does not compile (with its file name and line); `missing`: it does not define
       * `application` / `middleware`; `timeout`: the run passed `LAB_RUN_LIMIT_MS` and the worker was restarted;
       * `load`: Python could not start; `too-large`: the output passed `LAB_OUTPUT_LIMIT_BYTES`; `internal`: the
       * lab itself failed (the harness raised, or answered with something that is not a result): a bug, not the
       * reader's, reported rather than hidden.
       */
      error: {
        kind: 'syntax' | 'missing' | 'timeout' | 'load' | 'too-large' | 'internal';
        message: string;
        file?: string;
        line?: number;
      };
    };

/** A run longer than this is stopped and the worker restarted (documented on the lab page). */
export const LAB_RUN_LIMIT_MS = 5000;
/** Body bytes, stdout and wsgi.errors text kept from one run, each; more is an error, not a truncation. */
export const LAB_OUTPUT_LIMIT_BYTES = 1_048_576;
