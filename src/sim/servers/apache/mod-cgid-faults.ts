import type { HttpResponse } from '../../http/types.ts';
import type { RequestContext } from '../request-context.ts';
import type { CgiScriptFaults } from '../cgi-script-faults.ts';
import { apacheLogLine, apacheRawLines } from './apache-error-log.ts';
import { msg } from '../../message.ts';

/** The script's name as mod_cgid's messages give it (apr_filepath_name_get of the script's path). */
const SCRIPT = 'dump_cgi.py';

/**
 * mod_cgid 2.4.71 (observed with the fault runs' cgi_*.py): the script's stderr goes into the error log as it is
 * (the cgid daemon hands the script the log's descriptor), then mod_cgid's own line; a script without a header
 * block is 500, a header line without a colon 500, no output within Timeout 504 (CGIDScriptTimeout defaults to it).
 */
export function modCgidFaults(
  errorResponse: (status: number, context: RequestContext) => HttpResponse,
): CgiScriptFaults {
  return {
    stderr: (node, lines) => apacheRawLines(node, lines),
    noOutput: (context, node, stderr) => ({
      failed: msg('fault.apache.scriptNoHeaders'),
      response: errorResponse(500, context),
      log: [...apacheRawLines(node, stderr), apacheLogLine('cgid', `End of script output before headers: ${SCRIPT}`)],
    }),
    badHeader: (context, _node, _stdout, line) => ({
      failed: msg('fault.apache.scriptBadHeader'),
      response: errorResponse(500, context),
      log: [apacheLogLine('cgid', `malformed header from script '${SCRIPT}': Bad header: ${line}`)],
    }),
    timeout: (context, node) => ({
      failed: msg('fault.readTimeout', { node, setting: 'Timeout', value: '300', status: 504 }),
      response: errorResponse(504, context),
      log: [apacheLogLine('cgid', `Script timed out before returning headers: ${SCRIPT}`)],
    }),
  };
}
