import type { WsgiApplication } from '../wsgi/application.ts';
import { readInput } from '../wsgi/run-application.ts';
import { latin1 } from '../bytes.ts';
import { decodePath, textBody } from './respond-text.ts';

/** A plain WSGI callable: answers with what it saw (method, SCRIPT_NAME, PATH_INFO read as UTF-8, query, body size). */
export function createPlainWsgiApp(): WsgiApplication {
  return {
    name: 'hello:application',
    call({ environ, input, log }, startResponse) {
      log.push('hello:application runs');
      const body = readInput(environ, input);
      const lines = [
        'Hello from a plain WSGI application.',
        `REQUEST_METHOD=${environ.str('REQUEST_METHOD')}`,
        `SCRIPT_NAME=${decodePath(environ.str('SCRIPT_NAME'))}`,
        `PATH_INFO=${decodePath(environ.str('PATH_INFO'))}`,
        `QUERY_STRING=${environ.str('QUERY_STRING')}`,
        `body=${body.length} bytes${body.length > 0 && body.length <= 64 ? `: ${latin1(body)}` : ''}`,
        '',
      ];
      const { body: out, length } = textBody(lines.join('\n'));
      startResponse('200 OK', [
        ['Content-Type', 'text/plain; charset=utf-8'],
        ['Content-Length', length],
      ]);
      return { items: [out], hasClose: false };
    },
  };
}
