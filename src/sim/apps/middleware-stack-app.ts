import type { WsgiApplication } from '../wsgi/application.ts';
import { defineMiddleware, wrapMiddleware } from '../wsgi/wrap-middleware.ts';
import { pyStr } from '../wsgi/python-value.ts';
import { createPlainWsgiApp } from './plain-wsgi-app.ts';
import { APP_FIXED } from './fixed-values.ts';

/** The plain app inside two middlewares: `app = TimingMiddleware(RequestIdMiddleware(hello))`. */
export function createMiddlewareStackApp(): WsgiApplication {
  const requestId = defineMiddleware(
    'RequestIdMiddleware',
    (environ) => environ.set('app.request_id', pyStr(APP_FIXED.requestId)),
    (headers) => [...headers, ['X-Request-Id', APP_FIXED.requestId]],
  );
  const timing = defineMiddleware(
    'TimingMiddleware',
    (environ) => environ.set('app.started', pyStr(APP_FIXED.now)),
    (headers) => [...headers, ['X-Elapsed', '0.000s']],
  );
  const app = wrapMiddleware(createPlainWsgiApp(), [requestId, timing]);
  // The outer object must still close the inner iterable: the plain app has no close(), the stack adds one.
  return {
    name: app.name,
    call(invocation, startResponse) {
      const result = app.call(invocation, startResponse);
      return { ...result, hasClose: true };
    },
  };
}
