import { GUNICORN_RULES, gunicornHandle } from './gunicorn-handle.ts';
import { isOddResult } from '../../wsgi/odd-result.ts';
import type { HttpAppServer } from '../http-app-server.ts';
import { parseRequest } from '../../http/parse-request.ts';
import { STRICT_HTTP_OPTIONS, type HttpParseOptions } from '../../http/parse-options.ts';
import { productVersion, verifiedAgainst } from '../../upstream-versions.ts';
import { contradictoryScheme, gunicornEnviron, LOOPBACK_PEER } from './gunicorn-environ.ts';
import { gunicornErrorPage, gunicornResponse } from './gunicorn-response.ts';
import { msg } from '../../message.ts';
import { GUNICORN_FAULTS } from './gunicorn-faults.ts';
import { concatBytes, fromLatin1 } from '../../bytes.ts';
import { limitRefusal, parserLimits } from '../server-limits.ts';
import { GUNICORN_LIMITS } from './gunicorn-limits.ts';
import type { HttpParseError } from '../../http/types.ts';

const LABEL = productVersion('gunicorn');

/**
 * What Gunicorn's parser accepts of what nginx sends it: HTTP/1.0 without Host, control bytes in a value and a
 * fragment in the target pass (verified with `X-Control: a\x01b` and `#section`).
 */
const READS: HttpParseOptions = {
  ...STRICT_HTTP_OPTIONS,
  requireHost: false,
  controlCharacters: 'allow',
  fragment: 'allow',
  // parse_headers: `value.lstrip()` and nothing off the end, so the tabs nginx leaves after a value reach the
  // environ (captured: case 133).
  valueTrailingWhitespace: 'keep',
  limits: parserLimits(GUNICORN_LIMITS),
};

/**
 * The text of Gunicorn's 400 page for each limit (gunicorn/http/errors.py LimitRequestLine, LimitRequestHeaders,
 * verified): the request line's length is named, a header limit by the exception's message.
 */
function limitText(error: HttpParseError): string | null {
  if (!error.limit) return null;
  if (error.limit.kind === 'requestLine')
    return `Request Line is too large (${String(error.limit.size)} > ${GUNICORN_LIMITS.requestLine?.value ?? ''})`;
  if (error.limit.kind === 'fieldLine') return "Error parsing headers: 'limit request headers fields size'";
  if (error.limit.kind === 'fieldCount') return "Error parsing headers: 'limit request headers fields'";
  return null;
}

/** Gunicorn 20.1 with one sync worker, as the reference gunicorn.conf.py runs it behind nginx. */
export const GUNICORN: HttpAppServer = {
  label: LABEL,
  provenance: verifiedAgainst(LABEL, productVersion('nginx')),
  faults: GUNICORN_FAULTS,
  rules: GUNICORN_RULES,
  limits: GUNICORN_LIMITS,
  serve(raw, callApplication) {
    const parsed = parseRequest(raw, READS);
    if (!parsed.ok) {
      const refusal = limitRefusal(GUNICORN_LIMITS, parsed.error);
      const text = limitText(parsed.error);
      if (!refusal || text === null) return null;
      return {
        raw: gunicornErrorPage(refusal.status, 'Bad Request', text),
        changes: [
          {
            kind: 'rejected',
            message: msg('change.rejected', { server: LABEL, status: refusal.status, reason: refusal.reason }),
          },
        ],
        ...(refusal.origin ? { origins: [refusal.origin] } : {}),
      };
    }
    const { request } = parsed;
    if (contradictoryScheme(request, LOOPBACK_PEER))
      return {
        raw: gunicornErrorPage(400, 'Bad Request', 'Contradictory scheme headers'),
        changes: [{ kind: 'rejected', message: msg('change.gunicornContradictoryScheme') }],
      };
    const { environ, changes, continued } = gunicornEnviron(request, LOOPBACK_PEER);
    const result = callApplication(environ, request.body, changes);
    const connection = request.headers.find((h) => h.name.toLowerCase() === 'connection')?.value.toLowerCase() ?? '';
    const closes = request.version === 'HTTP/1.0' ? !connection.includes('keep-alive') : connection.includes('close');
    const answering = { method: request.method, version: request.version, closes };
    // What the application did beyond answering (the lab's code; a fault's stand-in result has no call at all).
    const odd = (result.calls.length > 0 || result.raised !== null || result.items.length > 0) && isOddResult(result);
    if (odd) {
      const handled = gunicornHandle(result, answering, request.target);
      const failed =
        handled.failure === null
          ? undefined
          : handled.errorPage
            ? msg('wsgi.gatewayErrorPage', { exception: handled.failure })
            : handled.cut
              ? msg('wsgi.gatewayCut', { exception: handled.failure, bytes: concatBytes(result.chunks).length })
              : msg('wsgi.closeRaised', { exception: handled.failure });
      return { raw: handled.raw, changes: [], log: handled.log, ...(failed ? { failed } : {}) };
    }
    const response = gunicornResponse(result, answering);
    // wsgi.py create(): "Expect: 100-continue" makes Gunicorn write an interim 100 on the socket before the answer.
    const interim = continued ? fromLatin1('HTTP/1.1 100 Continue\r\n\r\n') : new Uint8Array(0);
    return { raw: concatBytes([interim, response.raw]), changes: response.changes };
  },
};
