/**
 * The pages Django 3.2 answers with when no template of the project overrides them (DEBUG = False), byte for byte as
 * the real Debian 12 package sends them (captured in tests/fixtures/captures/wsgiref/, `frameworks.django`).
 */

/** django/views/defaults.py ERROR_PAGE_TEMPLATE: the body of the default 400, 403, 404 and 500 views. */
export function djangoErrorPage(title: string, details: string): string {
  return `
<!doctype html>
<html lang="en">
<head>
  <title>${title}</title>
</head>
<body>
  <h1>${title}</h1><p>${details}</p>
</body>
</html>
`;
}

/**
 * django/views/csrf.py CSRF_FAILURE_TEMPLATE as rendered with DEBUG = False: the 403 of CsrfViewMiddleware. The two
 * paragraphs about cookies appear only when the request had no CSRF cookie at all (`no_cookie`).
 */
export function djangoCsrfFailurePage(noCookie: boolean): string {
  return `${CSRF_PAGE_START}${noCookie ? CSRF_NO_COOKIE : ''}${CSRF_PAGE_END}`;
}

const CSRF_PAGE_START = `
<!DOCTYPE html>
<html lang="en">
<head>
  <meta http-equiv="content-type" content="text/html; charset=utf-8">
  <meta name="robots" content="NONE,NOARCHIVE">
  <title>403 Forbidden</title>
  <style type="text/css">
    html * { padding:0; margin:0; }
    body * { padding:10px 20px; }
    body * * { padding:0; }
    body { font:small sans-serif; background:#eee; color:#000; }
    body>div { border-bottom:1px solid #ddd; }
    h1 { font-weight:normal; margin-bottom:.4em; }
    h1 span { font-size:60%; color:#666; font-weight:normal; }
    #info { background:#f6f6f6; }
    #info ul { margin: 0.5em 4em; }
    #info p, #summary p { padding-top:10px; }
    #summary { background: #ffc; }
    #explanation { background:#eee; border-bottom: 0px none; }
  </style>
</head>
<body>
<div id="summary">
  <h1>Forbidden <span>(403)</span></h1>
  <p>CSRF verification failed. Request aborted.</p>


`;

const CSRF_NO_COOKIE = `  <p>You are seeing this message because this site requires a CSRF cookie when submitting forms. This cookie is required for security reasons, to ensure that your browser is not being hijacked by third parties.</p>
  <p>If you have configured your browser to disable cookies, please re-enable them, at least for this site, or for “same-origin” requests.</p>

`;

const CSRF_PAGE_END = `</div>

<div id="explanation">
  <p><small>More information is available with DEBUG=True.</small></p>
</div>

</body>
</html>
`;
