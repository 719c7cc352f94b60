import type { HttpResponse } from '../../http/types.ts';
import type { RequestContext } from '../request-context.ts';
import type { CgiScriptFaults } from '../cgi-script-faults.ts';
import type { CgiResponse } from '../../cgi/parse-cgi-response.ts';
import { parseCgiResponse } from '../../cgi/parse-cgi-response.ts';
import { logLine } from '../../faults/fault-hops.ts';
import { fromLatin1, latin1 } from '../../bytes.ts';
import { msg } from '../../message.ts';

/** Where lighttpd's own standard error goes: a CGI script inherits it (mod_cgi does not redirect it to the log). */
const LIGHTTPD_STDERR = 'stderr';

/**
 * lighttpd 1.4.69's mod_cgi (observed with the fault runs' cgi_*.py): a script that writes nothing is 500 with
 * lighttpd's page, its traceback left on lighttpd's standard error (nothing in error.log); a header line without a
 * colon is dropped without a word and the rest answered; no timeout in the reference configuration.
 */
export function modCgiFaults(
  errorResponse: (status: number, context: RequestContext) => HttpResponse,
  finish: (response: CgiResponse, context: RequestContext) => HttpResponse,
): CgiScriptFaults {
  return {
    stderr: (node, lines) => lines.map((line) => logLine(node, LIGHTTPD_STDERR, line)),
    noOutput: (context, node, stderr) => ({
      failed: msg('fault.lighttpd.scriptNoHeaders'),
      response: errorResponse(500, context),
      log: stderr.map((line) => logLine(node, LIGHTTPD_STDERR, line)),
    }),
    badHeader(context, _node, stdout, line) {
      // http_response_parse_headers skips a line that has no colon (http-header-glue.c).
      const kept = latin1(stdout).replace(`${line}\r\n`, '');
      const parsed = parseCgiResponse(fromLatin1(kept));
      if (!parsed.ok) throw new Error(`the script's output without ${JSON.stringify(line)} still does not parse`);
      return { failed: msg('fault.lighttpd.scriptBadHeader'), response: finish(parsed.response, context), log: [] };
    },
  };
}
