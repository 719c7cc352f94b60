import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Absolute paths of the repository folders the conformance harness reads and writes. */
export const REPO_PATHS = {
  root: repoRoot,
  configs: `${repoRoot}configs`,
  apps: `${repoRoot}tests/fixtures/apps`,
  /** CGI scripts a run installs in place of the apps' dump_cgi.py (kept apart: every file in apps/ is copied). */
  cgiScripts: `${repoRoot}tests/fixtures/cgi-scripts`,
  /** The relay that records nginx-uwsgi's uwsgi packets; run from here, never copied into the site. */
  uwsgiRecorder: `${repoRoot}tests/fixtures/relays/uwsgi_recorder.py`,
  requests: `${repoRoot}tests/fixtures/requests`,
  /** What the fault runs install in place of a dump application, and the scripted FastCGI peer that plays flup. */
  faults: `${repoRoot}tests/fixtures/faults`,
  captures: `${repoRoot}tests/fixtures/captures`,
  /** The WSGI lab's odd applications (a `str` body, start_response twice…), each run in place of dump_wsgi.py. */
  lab: `${repoRoot}tests/fixtures/lab`,
} as const;
