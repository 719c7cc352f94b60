import type { AsgiApplication, AsgiEvent } from '../asgi/asgi-types.ts';
import { DUMP_BODY, DUMP_CUSTOM_STATUS } from './dump-app.ts';
import { latin1 } from '../bytes.ts';

/**
 * The ASGI dump application (tests/fixtures/apps/dump_asgi.py): reads every `http.request` event, then answers like
 * the WSGI dump application — 200, or 404 for a path with `custom-status` (ASGI carries no reason phrase:
 * "status (int) – HTTP status code"), a text/plain body with its Content-Length — in one `http.response.start` and
 * one `http.response.body` event.
 */
export function createAsgiDumpApp(): AsgiApplication {
  return {
    name: 'dump_asgi:application',
    respond(scope): AsgiEvent[] {
      const status = `${scope.rootPath}${scope.path}`.includes('custom-status')
        ? Number(DUMP_CUSTOM_STATUS.slice(0, 3))
        : 200;
      return [
        {
          type: 'http.response.start',
          status,
          headers: [
            ['content-type', 'text/plain'],
            ['content-length', String(DUMP_BODY.length)],
          ],
        },
        // "more_body (bool) – … Optional; if missing defaults to False."
        { type: 'http.response.body', body: latin1(DUMP_BODY) },
      ];
    },
  };
}
