/**
 * apr_uri_port_of_scheme: the default port APR knows for a scheme (apr_uri.c's table, compared without case), 0
 * for any other. apr_uri_parse gives it to a URI whose authority ends in an empty port (`http://example.test:/`),
 * and Apache's pages then name that port (captured: case 179, `ftp:` 21, `ldap:` 389, `foo:` 0).
 */
const APR_SCHEME_PORTS: ReadonlyMap<string, number> = new Map([
  ['http', 80],
  ['ftp', 21],
  ['https', 443],
  ['gopher', 70],
  ['ldap', 389],
  ['nntp', 119],
  ['snews', 563],
  ['imap', 143],
  ['pop', 110],
  ['sip', 5060],
  ['rtsp', 554],
  ['wais', 210],
  ['z39.50r', 210],
  ['z39.50s', 210],
  ['prospero', 191],
  ['nfs', 2049],
  ['tip', 3372],
  ['acap', 674],
  ['telnet', 23],
  ['ssh', 22],
]);

export function aprSchemePort(scheme: string | null): number {
  return APR_SCHEME_PORTS.get((scheme ?? '').toLowerCase()) ?? 0;
}
