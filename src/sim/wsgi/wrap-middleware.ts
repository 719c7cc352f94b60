import type { WsgiApplication, WsgiMiddleware } from './application.ts';
import type { Environ } from './environ.ts';

/** Applies middleware innermost first: `wrapMiddleware(app, [M1, M2])` is `M2(M1(app))`, so M2 sees the request first. */
export function wrapMiddleware(app: WsgiApplication, middleware: readonly WsgiMiddleware[]): WsgiApplication {
  return middleware.reduce((inner, wrap) => wrap(inner), app);
}

/** Builds a middleware that logs its entry and exit and may edit the environ on the way in and headers on the way out. */
export function defineMiddleware(
  name: string,
  onRequest: (environ: Environ) => void,
  onResponse: (headers: [string, string][]) => [string, string][],
): WsgiMiddleware {
  return (inner) => ({
    name: `${name}(${inner.name})`,
    call(invocation, startResponse) {
      invocation.log.push(`${name}: request in`);
      onRequest(invocation.environ);
      const result = inner.call(invocation, (status, headers, excInfo) => {
        invocation.log.push(`${name}: start_response ${status}`);
        startResponse(status, onResponse(headers), excInfo);
      });
      invocation.log.push(`${name}: response out`);
      return result;
    },
  });
}
