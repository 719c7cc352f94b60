import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Absolute paths of the repository folders the conformance harness reads and writes. */
export const REPO_PATHS = {
  root: repoRoot,
  configs: `${repoRoot}configs`,
  apps: `${repoRoot}tests/fixtures/apps`,
  requests: `${repoRoot}tests/fixtures/requests`,
  captures: `${repoRoot}tests/fixtures/captures`,
} as const;
