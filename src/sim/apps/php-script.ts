import type { Pair } from '../trace.ts';
import { buildCgiStdout } from '../cgi/build-cgi-stdout.ts';
import { escapeHtml, textBody } from './respond-text.ts';
import { parseCookies } from './parse-cookies.ts';
import { APP_FIXED } from './fixed-values.ts';
import { DUMP_CUSTOM_STATUS, DUMP_BODY } from './dump-app.ts';

/** dump_php.php's answer: header() calls chosen by the path; PHP turns a Location into "302 Found" and adds its charset. */
function runDumpPhp(path: string): Uint8Array {
  const headers: [string, string][] = [];
  let status: string | null = null;
  if (path.includes('custom-status')) status = DUMP_CUSTOM_STATUS;
  else if (path.includes('local-redirect') || path.includes('client-redirect')) {
    status = '302 Found';
    headers.push(['Location', path.includes('local-redirect') ? '/static/hello.txt' : 'http://example.test/moved']);
  }
  headers.push(['Content-type', 'text/plain;charset=UTF-8']);
  return buildCgiStdout(status, headers, DUMP_BODY);
}

/**
 * The PHP script behind nginx-fastcgi-php: `session_start()`, then a page greeting the PATH_INFO name.
 * PHP sends no Status line for 200, "Content-type" with its default charset, and the session headers.
 */
export function runPhpScript(server: readonly Pair[], dump = false): Uint8Array {
  const get = (name: string) => server.find(([n]) => n === name)?.[1] ?? '';
  if (dump) return runDumpPhp(`${get('REQUEST_URI')}${get('PATH_INFO')}`);
  const hasSession = parseCookies(get('HTTP_COOKIE')).get('PHPSESSID') === APP_FIXED.phpSessionId;
  const name = get('PATH_INFO').replace(/^\//, '') || 'world';
  const { body } = textBody(
    `<p>Hello, ${escapeHtml(name)}!</p>\n<p>${get('REQUEST_METHOD')} ${escapeHtml(get('REQUEST_URI'))}</p>\n`,
  );
  const headers: [string, string][] = [];
  if (!hasSession) {
    headers.push(['Set-Cookie', `PHPSESSID=${APP_FIXED.phpSessionId}; path=/`]);
  }
  headers.push(
    ['Expires', 'Thu, 19 Nov 1981 08:52:00 GMT'],
    ['Cache-Control', 'no-store, no-cache, must-revalidate'],
    ['Pragma', 'no-cache'],
  );
  headers.push(['Content-type', 'text/html; charset=UTF-8']);
  return buildCgiStdout(null, headers, body);
}
