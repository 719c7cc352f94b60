import type { WsgiException } from './application.ts';

/**
 * Thrown by `WsgiApplication.call` when the application raises before returning its iterable: the simulator's
 * stand-in for a Python exception leaving `app(environ, start_response)`. `runApplication` catches it.
 */
export class WsgiRaised extends Error {
  readonly exception: WsgiException;
  constructor(exception: WsgiException) {
    super(`${exception.type}: ${exception.message}`);
    this.name = 'WsgiRaised';
    this.exception = exception;
  }
}
