import type { LabGatewayRules } from '../../lab/lab-protocol.ts';

const raises = (type: string, message: string): { type: string; message: string } => ({ type, message });

/**
 * How each gateway's start_response and iteration answer the reader's code where gateways differ, by the node that
 * calls the application. Captured from the real servers (tests/conformance/FINDINGS.md, "Odd application results":
 * `start_twice`, `str_body`); flup's from fcgi_base.py. The harness uses them so the code meets what it would meet
 * there: an exception raised into it, or none.
 */
export const GATEWAY_RULES: ReadonlyMap<string, LabGatewayRules> = new Map<string, LabGatewayRules>([
  ['wsgiref', { startResponseAgain: raises('AssertionError', 'Headers already set!'), nonBytes: 'stop' }],
  // CGIHandler is wsgiref's BaseHandler.
  ['cgi-script', { startResponseAgain: raises('AssertionError', 'Headers already set!'), nonBytes: 'stop' }],
  ['werkzeug', { startResponseAgain: raises('AssertionError', 'Headers already set'), nonBytes: 'stop' }],
  [
    'cheroot',
    {
      startResponseAgain: raises('RuntimeError', 'WSGI start_response called a second time with no exc_info.'),
      nonBytes: 'stop',
    },
  ],
  ['gunicorn', { startResponseAgain: raises('AssertionError', 'Response headers already set!'), nonBytes: 'stop' }],
  ['flup', { startResponseAgain: raises('AssertionError', 'Headers already set!'), nonBytes: 'stop' }],
  // uWSGI and mod_wsgi let a second call replace the first; uWSGI skips an item that is not bytes.
  ['uwsgi', { startResponseAgain: 'replace', nonBytes: 'continue' }],
  ['mod_wsgi', { startResponseAgain: 'replace', nonBytes: 'stop' }],
  ['mod_wsgi-daemon', { startResponseAgain: 'replace', nonBytes: 'stop' }],
  // mod_python raises nothing into the application: it sends the first status with both header lists, and a str.
  ['mod_python', { startResponseAgain: 'replace', nonBytes: 'continue' }],
]);

/** The rules of the gateway node that calls the application (PEP 3333's own where a gateway is not listed). */
export function gatewayRules(node: string): LabGatewayRules {
  return GATEWAY_RULES.get(node) ?? {};
}
