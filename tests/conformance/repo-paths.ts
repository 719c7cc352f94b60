import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Absolute paths of the repository folders the conformance harness reads and writes. */
export const REPO_PATHS = {
  root: repoRoot,
  configs: `${repoRoot}configs`,
  apps: `${repoRoot}tests/fixtures/apps`,
  /** CGI scripts a run installs in place of the apps' dump_cgi.py (kept apart: every file in apps/ is copied). */
  cgiScripts: `${repoRoot}tests/fixtures/cgi-scripts`,
  requests: `${repoRoot}tests/fixtures/requests`,
  captures: `${repoRoot}tests/fixtures/captures`,
} as const;
