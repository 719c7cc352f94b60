import type { WsgiApplication } from '../wsgi/application.ts';
import { decodePath, escapeHtml, textBody } from './respond-text.ts';

/** A web.py application: `urls = ('/(?:app/)?(.*)', 'hello')`, matched against web.ctx.path (= PATH_INFO). */
export function createWebpyApp(): WsgiApplication {
  return {
    name: 'code:app.wsgifunc()',
    call({ environ, log }, startResponse) {
      const path = decodePath(environ.str('PATH_INFO'));
      log.push(`web.py routes ctx.path=${JSON.stringify(path)}`);
      const match = /^(?:\/app)?\/(.*)$/.exec(path);
      if (!match) {
        // web.py's notfound(): 404 with body "not found".
        startResponse('404 Not Found', [['Content-Type', 'text/html; charset=utf-8']]);
        return { items: [textBody('not found').body], hasClose: true };
      }
      const name = match[1] || 'world';
      startResponse('200 OK', [['Content-Type', 'text/html; charset=utf-8']]);
      return { items: [textBody(`<p>Hello, ${escapeHtml(name)}!</p>`).body], hasClose: true };
    },
  };
}
