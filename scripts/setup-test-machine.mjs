// Prepares this machine for `npm test`: checks the Node version, then makes sure the Debian
// packages the tests run (Chromium for browser tests, CJK fonts, and the real servers for
// conformance) are installed. As root with apt-get it installs what is missing; otherwise it
// stops with the exact command to run. Nothing is skipped silently.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';

import './preflight.mjs';

/** Debian packages the test suites need, and why. */
const PACKAGES = {
  chromium: 'browser tests (Playwright drives /usr/bin/chromium)',
  'fonts-noto-cjk': 'Chinese pages render with real glyphs in browser tests',
  apache2: 'conformance: Apache httpd with mod_cgi and mod_proxy_fcgi',
  'libapache2-mod-wsgi-py3': 'conformance: mod_wsgi, embedded and daemon mode',
  'libapache2-mod-python': 'conformance: mod_python',
  lighttpd: 'conformance: lighttpd with mod_cgi and mod_fastcgi',
  nginx: 'conformance: nginx with fastcgi_pass and uwsgi_pass',
  'php-fpm': 'conformance: PHP-FPM behind nginx',
  uwsgi: 'conformance: a real FastCGI-to-WSGI gateway',
  'uwsgi-core': 'conformance: uWSGI behind nginx over the uwsgi protocol (nginx-uwsgi)',
  'uwsgi-plugin-python3': 'conformance: uWSGI running Python 3 applications',
  'python3-werkzeug': 'conformance: the Werkzeug development server',
  'python3-cherrypy3': 'conformance: CherryPy',
  'python3-django': 'conformance: Django 3.2, the Django example project behind wsgiref',
  'python3-flask': 'conformance: Flask 2.2, the Flask example application behind wsgiref',
  'python3-webpy': 'conformance: web.py 0.62, the web.py example application behind wsgiref',
  'python3-cheroot': 'conformance: Cheroot, the HTTP server under CherryPy',
  gunicorn: 'conformance: Gunicorn, the WSGI HTTP server behind nginx proxy_pass',
  'python3-gunicorn': 'conformance: the Python modules Gunicorn runs',
  uvicorn: 'conformance: Uvicorn, the ASGI server behind nginx',
  'python3-uvicorn': 'conformance: Uvicorn (Python 3 libraries, with h11 as its HTTP implementation)',
  iproute2: 'conformance: brings up loopback inside the private namespaces each server runs in',
  'util-linux': 'conformance: unshare, which gives each server its own namespaces',
};

/** True when dpkg reports the package as installed. */
function installed(name) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('install ok installed');
}

if (!existsSync('/usr/bin/dpkg-query')) {
  console.error('✖ npm test needs a Debian-based machine (dpkg and apt-get) to install Chromium and the real servers.');
  process.exit(1);
}

const missing = Object.keys(PACKAGES).filter((name) => !installed(name));
if (missing.length === 0) {
  console.log(`Test machine ready: ${Object.keys(PACKAGES).length} Debian packages present.`);
  process.exit(0);
}

const command = `apt-get update && apt-get install -y --no-install-recommends ${missing.join(' ')}`;
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isRoot || !existsSync('/usr/bin/apt-get')) {
  console.error(
    [
      '✖ npm test needs these Debian packages, which are missing:',
      ...missing.map((name) => `    ${name} — ${PACKAGES[name]}`),
      '  Install them as root, then run npm test again:',
      `    sudo sh -c '${command}'`,
    ].join('\n'),
  );
  process.exit(1);
}

console.log(`Installing missing Debian packages: ${missing.join(', ')}`);
// Packages such as nginx and apache2 start their services on install; the tests start their own
// servers on 127.0.0.1, so a policy-rc.d keeps the system services from starting meanwhile.
const POLICY = '/usr/sbin/policy-rc.d';
const ownPolicy = !existsSync(POLICY);
if (ownPolicy) writeFileSync(POLICY, '#!/bin/sh\nexit 101\n', { mode: 0o755 });
try {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-q'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-q', '--no-install-recommends', ...missing], { stdio: 'inherit', env });
} finally {
  if (ownPolicy) rmSync(POLICY, { force: true });
}
const still = missing.filter((name) => !installed(name));
if (still.length > 0) {
  console.error(`✖ apt-get finished but these packages are still missing: ${still.join(', ')}`);
  process.exit(1);
}
console.log('Test machine ready.');
