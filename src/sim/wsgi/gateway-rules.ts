/**
 * Where gateways' start_response and iteration differ (each from the gateway's source or a captured run): each
 * gateway model exports its own, the runner that calls the application hands it over with the call
 * (`WsgiInvocation.gateway`), and the lab gives it to the harness, so the reader's code meets what it would meet
 * behind that gateway: an exception raised into it, or none.
 */
export interface GatewayRules {
  /**
   * A second start_response without exc_info before anything was sent: `'replace'` (the later status and headers
   * win), or the exception raised into the code. PEP 3333 §"The start_response() Callable" calls it a fatal error;
   * wsgiref raises `AssertionError('Headers already set!')`.
   */
  startResponseAgain?: 'replace' | { type: string; message: string };
  /**
   * A body item that is not bytes: `'stop'` (the gateway fails on it, stops iterating and calls close(); most do) or
   * `'continue'` (uWSGI skips it, mod_python sends it). Absent: `'stop'`.
   */
  nonBytes?: 'stop' | 'continue';
}

/** The exception a gateway's start_response raises into the application. */
export const raisesInto = (type: string, message: string): { type: string; message: string } => ({ type, message });
