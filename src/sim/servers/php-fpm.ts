import type { Pair, Change } from '../trace.ts';
import type { FcgiRecord } from '../fastcgi/record.ts';
import { makeRecord } from '../fastcgi/record.ts';
import { encodeEndRequestBody } from '../fastcgi/bodies.ts';
import { paddingFor } from '../fastcgi/stream.ts';
import { VOLATILE } from '../volatile.ts';
import { productVersion, verifiedAgainst } from '../upstream-versions.ts';
import { msg } from '../message.ts';
import { phpAuthVariables } from './php-auth.ts';
import { fromLatin1 } from '../bytes.ts';

/** php-fpm's provenance: $_SERVER and the output records are checked against the real php-fpm. */
export const PHP_FPM_PROVENANCE = verifiedAgainst(productVersion('phpFpm'));

/**
 * $_SERVER as php-fpm 8.2 fills it (verified against captures): the pool's USER and HOME (clear_env = yes), then the
 * FastCGI params walked back from the last one (php-fpm's param hash lists newest first; a repeated name keeps the last
 * value), HTTP_PROXY removed (httpoxy), then FCGI_ROLE, PHP_SELF, the PHP_AUTH_* variables and the request time.
 */
export function phpServerArray(params: readonly Pair[]): { pairs: Pair[]; changes: Change[] } {
  const last = new Map<string, string>();
  const order: string[] = [];
  for (const [name, value] of params) {
    if (!last.has(name)) order.push(name);
    last.set(name, value);
  }
  const pairs: Pair[] = [
    ['USER', 'www-data'],
    ['HOME', '/var/www'],
  ];
  // A value reaches $_SERVER up to its first NUL (captured: case 134, REMOTE_USER `u\0v` from nginx is `u`).
  for (const name of order.reverse())
    if (name !== 'HTTP_PROXY') pairs.push([name, (last.get(name) ?? '').split('\0', 1)[0] ?? '']);
  const scriptName = last.get('SCRIPT_NAME') ?? '';
  const pathInfo = last.get('PATH_INFO') ?? '';
  pairs.push(
    ['FCGI_ROLE', 'RESPONDER'],
    ['PHP_SELF', `${scriptName}${pathInfo}`],
    ...phpAuthVariables(last.get('HTTP_AUTHORIZATION')),
    ['REQUEST_TIME_FLOAT', VOLATILE.variables.REQUEST_TIME_FLOAT],
    ['REQUEST_TIME', VOLATILE.variables.REQUEST_TIME],
  );
  const changes: Change[] = [
    {
      kind: 'added',
      to: 'USER',
      message: msg('change.phpFpmClearEnv'),
    },
    { kind: 'rewritten', message: msg('change.phpFpmReverseOrder') },
    {
      kind: 'added',
      to: 'PHP_SELF',
      message: msg('change.phpAdds'),
    },
  ];
  if (last.has('HTTP_PROXY'))
    changes.push({ kind: 'dropped', from: 'HTTP_PROXY', message: msg('change.phpRemovesProxy') });
  return { pairs, changes };
}

/**
 * php-fpm's answer (verified by talking FastCGI to php-fpm 8.2.36): the output in STDOUT records padded to 8 bytes,
 * then END_REQUEST straight away, without the empty STDOUT record that FastCGI §3.3 asks for to close the stream.
 */
export function phpFpmResponseRecords(requestId: number, stdout: Uint8Array, stderr = ''): FcgiRecord[] {
  const records: FcgiRecord[] = [];
  // PHP's error messages go out first, on STDERR (fpm_main.c sapi_cgi_log_message → fcgi_write(FCGI_STDERR)),
  // padded like STDOUT (verified: a 186-byte fatal error with 6 bytes of padding).
  if (stderr) {
    const bytes = fromLatin1(stderr);
    records.push(makeRecord('STDERR', requestId, bytes, paddingFor(bytes.length, true)));
  }
  for (let at = 0; at < stdout.length; at += 0xfff8) {
    const piece = stdout.subarray(at, Math.min(at + 0xfff8, stdout.length));
    records.push(makeRecord('STDOUT', requestId, piece, paddingFor(piece.length, true)));
  }
  records.push(makeRecord('END_REQUEST', requestId, encodeEndRequestBody(0, 'REQUEST_COMPLETE')));
  return records;
}
