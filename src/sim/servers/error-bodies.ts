import { reasonPhrase } from '../http/reason-phrases.ts';
import { utf8 } from '../bytes.ts';

/** Where the titles of nginx's error pages differ from RFC 9110's reason phrases (its 302 page says "Found"). */
const NGINX_PAGE_TITLES: ReadonlyMap<number, string> = new Map([
  [405, 'Not Allowed'],
  [413, 'Request Entity Too Large'],
  [414, 'Request-URI Too Large'],
  [504, 'Gateway Time-out'],
]);

/** nginx's built-in error page (ngx_http_special_response.c): CRLF line ends, a signature line. */
export function nginxErrorBody(status: number, code?: string): Uint8Array {
  if (code === 'headers-too-large' || code === 'too-many-fields') {
    // nginx's internal 494, sent as 400 with its own title.
    return utf8(
      '<html>\r\n<head><title>400 Request Header Or Cookie Too Large</title></head>\r\n<body>\r\n<center><h1>400 Bad Request</h1></center>\r\n<center>Request Header Or Cookie Too Large</center>\r\n<hr><center>nginx/1.22.1</center>\r\n</body>\r\n</html>\r\n',
    );
  }
  const title = `${status} ${NGINX_PAGE_TITLES.get(status) ?? reasonPhrase(status)}`;
  return utf8(
    `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx/1.22.1</center>\r\n</body>\r\n</html>\r\n`,
  );
}

const APACHE_MESSAGES: Readonly<Record<number, string>> = {
  400: '<p>Your browser sent a request that this server could not understand.<br />\n</p>\n',
  403: "<p>You don't have permission to access this resource.</p>\n",
  404: '<p>The requested URL was not found on this server.</p>\n',
  411: '<p>A request of the requested method POST requires a valid Content-length.<br />\n</p>\n',
  414: "<p>The requested URL's length exceeds the capacity\nlimit for this server.<br />\n</p>\n",
  // ServerAdmin webmaster@localhost of the reference site (observed: the 500 page names it).
  500:
    '<p>The server encountered an internal error or\nmisconfiguration and was unable to complete\nyour request.</p>\n' +
    '<p>Please contact the server administrator at \n webmaster@localhost to inform them of the time this error occurred,\n' +
    ' and the actions you performed just before this error.</p>\n' +
    '<p>More information about this error may be available\nin the server error log.</p>\n',
  501: '<p>The server does not support the action requested by the browser.</p>\n',
  504: '<p>The gateway did not receive a timely response\nfrom the upstream server or application.</p>\n',
  503: '<p>The server is temporarily unable to service your\nrequest due to maintenance downtime or capacity\nproblems. Please try again later.</p>\n',
};

/** The 400 pages of Apache's limits (http_protocol.c, verified): a field line too long, too many field lines. */
const APACHE_LIMIT_MESSAGES: ReadonlyMap<string, string> = new Map([
  [
    'headers-too-large',
    '<p>Your browser sent a request that this server could not understand.<br />\nSize of a request header field exceeds server limit.</p>\n',
  ],
  [
    'too-many-fields',
    "<p>Your browser sent a request that this server could not understand.<br />\nThe number of request header fields exceeds this server's limit.</p>\n",
  ],
]);

const APACHE_TITLES: Readonly<Record<number, string>> = { 411: 'Length Required', 500: 'Internal Server Error' };

/** Where Apache's status lines and page titles differ from RFC 9110's reason phrases. */
const APACHE_REASONS: ReadonlyMap<number, string> = new Map([
  [413, 'Request Entity Too Large'],
  [414, 'Request-URI Too Long'],
]);

/** The reason phrase Apache writes for a status. */
export function apacheReason(status: number): string {
  return APACHE_REASONS.get(status) ?? reasonPhrase(status);
}

/**
 * Apache's default error document (http_protocol.c), with the ServerSignature line Debian's security.conf turns on.
 * `code` is the parse error's, when the page depends on which limit was crossed.
 */
export function apacheErrorBody(
  status: number,
  signature: string,
  detail: {
    location?: string;
    method?: string;
    code?: string;
    expect?: string;
    notes?: string;
    recursive?: number;
    /** r->status_line's reason where a module set one (ap_proxyerror's "Proxy Error"): the title and heading. */
    statusReason?: string;
  } = {},
): Uint8Array {
  const shown = status === 431 ? 400 : status;
  const reason = detail.statusReason ?? apacheReason(shown);
  const heading = detail.statusReason ?? APACHE_TITLES[shown] ?? reason;
  let message =
    (detail.code === undefined ? undefined : APACHE_LIMIT_MESSAGES.get(detail.code)) ??
    APACHE_MESSAGES[status === 431 ? 400 : status] ??
    '';
  if (status === 431) message = APACHE_LIMIT_MESSAGES.get('headers-too-large') ?? message;
  if (status === 301 || status === 302)
    message = `<p>The document has moved <a href="${detail.location ?? ''}">here</a>.</p>\n`;
  if (status === 501) message = `<p>${detail.method ?? 'GET'} not supported for current URL.<br />\n</p>\n`;
  if (status === 405) message = `<p>The requested method ${detail.method ?? 'GET'} is not allowed for this URL.</p>\n`;
  // The 411 page names the request's method (captured: a chunked GET to mod_wsgi says GET).
  if (status === 411)
    message = `<p>A request of the requested method ${detail.method ?? 'POST'} requires a valid Content-length.<br />\n</p>\n`;
  // The 417 page quotes the Expect field as Apache merged it, HTML-escaped (ap_escape_html; captured: case 138).
  if (status === 417)
    message =
      '<p>The expectation given in the Expect request-header\nfield could not be met by this server.\n' +
      `The client sent<pre>\n    Expect: ${escapeHtml(detail.expect ?? '')}\n</pre>\n` +
      '</p><p>Only the 100-continue expectation is supported.</p>\n';
  // A body over LimitRequestBody (verified with a POST): the sentence without a paragraph, naming the method.
  if (status === 413)
    message = `The requested resource does not allow request data with ${detail.method ?? 'GET'} requests, or the amount of data provided in\nthe request exceeds the capacity limit.\n`;
  // The request's error-notes close the 400 page's paragraph (TRACE's refusal writes one).
  if (status === 400 && detail.notes !== undefined)
    message = `<p>Your browser sent a request that this server could not understand.<br />\n${detail.notes}</p>\n`;
  // ap_send_error_response names the first error when answering it failed in turn (recursive_error).
  if (detail.recursive !== undefined)
    message +=
      `<p>Additionally, a ${detail.recursive} ${apacheReason(detail.recursive)}\n` +
      'error was encountered while trying to use an ErrorDocument to handle the request.</p>\n';
  return utf8(
    '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01//EN" "http://www.w3.org/TR/html4/strict.dtd">\n' +
      `<html><head>\n<title>${shown} ${reason}</title>\n</head><body>\n<h1>${heading}</h1>\n${message}` +
      (signature ? `<hr>\n${signature}` : '') +
      '</body></html>\n',
  );
}

/** ap_escape_html (server/util.c): the four characters HTML gives a meaning to. */
const HTML_ESCAPES: ReadonlyMap<string, string> = new Map([
  ['&', '&amp;'],
  ['<', '&lt;'],
  ['>', '&gt;'],
  ['"', '&quot;'],
]);
function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => HTML_ESCAPES.get(c) ?? c);
}

/** lighttpd's built-in error page (XHTML 1.0, iso-8859-1 declaration). */
export function lighttpdErrorBody(status: number): Uint8Array {
  const title = `${status} ${reasonPhrase(status)}`;
  return utf8(
    '<?xml version="1.0" encoding="iso-8859-1"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN"\n' +
      '         "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">\n' +
      '<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en" lang="en">\n' +
      ` <head>\n  <title>${title}</title>\n </head>\n <body>\n  <h1>${title}</h1>\n </body>\n</html>\n`,
  );
}
