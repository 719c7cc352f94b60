/** The Apache modules that call a WSGI application inside Apache's processes (or a daemon they start). */
import type { Change, Provenance } from '../../trace.ts';
import type { HttpResponse } from '../../http/types.ts';
import type { RequestContext } from '../request-context.ts';
import type { Environ } from '../../wsgi/environ.ts';
import type { WsgiRunResult } from '../../wsgi/run-application.ts';
import { modWsgiEnviron } from './mod-wsgi.ts';
import { modWsgiAnswering } from './apache-expect.ts';
import { modPythonCrash, modPythonEnviron } from './mod-python.ts';
import { finishApacheResponse } from './apache-profile.ts';
import { wsgiResultAsResponse } from '../python/wsgi-result-response.ts';
import { productVersion, verifiedAgainst } from '../../upstream-versions.ts';
import { findHeader } from '../../http/header-lookup.ts';
import {
  MOD_PYTHON_FAULTS,
  MOD_WSGI_FAULTS,
  modPythonRespond,
  modWsgiRespond,
  type WsgiModuleFaults,
} from './wsgi-module-faults.ts';
import type { OddResultAnswer } from '../profile.ts';
import type { GatewayRules } from '../../wsgi/gateway-rules.ts';
import { MOD_WSGI_RULES } from './mod-wsgi-adapter.ts';
import { MOD_PYTHON_RULES } from './mod-python-handler.ts';

/** How one module hands a request to the application and its answer back to Apache. */
export interface WsgiModule {
  provenance: Provenance;
  /** The environ it builds; `daemon` when a daemon process it started runs the application. */
  environ(context: RequestContext, daemon: boolean): { environ: Environ; changes: Change[] };
  /** A status the module answers with instead of calling the application, or null. */
  refuse?(context: RequestContext): number | null;
  /** Why the module's process dies before calling the application (the client gets no answer), or null. */
  crash?(context: RequestContext): Change | null;
  /** What Apache sends once the application has answered; `daemon` as for `environ`. */
  finish(result: WsgiRunResult, context: RequestContext, daemon: boolean): HttpResponse;
  /** What Apache sends and logs when the application fails. */
  faults: WsgiModuleFaults;
  /**
   * How the module handles the application's result whatever it is (an exception, an item that is not bytes, a
   * bad status…): the response, the log lines and what failed. Absent: odd results are not modelled yet.
   */
  respond?(result: WsgiRunResult, context: RequestContext, daemon: boolean): OddResultAnswer;
  /** Its start_response rules (its gateway model's), handed to the application with the call. */
  rules: GatewayRules;
}

const MOD_WSGI: WsgiModule = {
  provenance: verifiedAgainst(productVersion('modWsgi'), productVersion('apache')),
  environ: (context, daemon) => modWsgiEnviron(context, daemon ? 'daemon' : 'embedded'),
  // mod_wsgi reads the body through ap_setup_client_block(REQUEST_CHUNKED_ERROR) unless WSGIChunkedRequest On:
  // a Transfer-Encoding other than exactly `chunked` is 501, a chunked body 411 (http_filters.c).
  refuse(context) {
    if (context.request.framing !== 'chunked') return null;
    const coding = findHeader(context.request.headers, 'transfer-encoding')?.value ?? '';
    return coding.toLowerCase() === 'chunked' ? 411 : 501;
  },
  finish: (result, context, daemon) =>
    finishApacheResponse(wsgiResultAsResponse(result), modWsgiAnswering(context, daemon)),
  faults: MOD_WSGI_FAULTS,
  respond: (result, context, daemon) => modWsgiRespond(result, context, daemon),
  rules: MOD_WSGI_RULES,
};

const MOD_PYTHON: WsgiModule = {
  provenance: verifiedAgainst(productVersion('modPython'), productVersion('apache')),
  environ: (context) => modPythonEnviron(context),
  crash: modPythonCrash,
  // Observed: mod_python.wsgi answers 200 OK whatever status the application gave, and keeps Content-Type in place.
  finish: (result, context) =>
    finishApacheResponse({ ...wsgiResultAsResponse(result), status: 200, reason: 'OK' }, context, {
      contentTypeLast: false,
    }),
  faults: MOD_PYTHON_FAULTS,
  respond: (result, context) => modPythonRespond(result, context),
  rules: MOD_PYTHON_RULES,
};

/** The modules by their node id in pipelines. */
export const WSGI_MODULES: ReadonlyMap<string, WsgiModule> = new Map([
  ['mod_wsgi', MOD_WSGI],
  ['mod_python', MOD_PYTHON],
]);
