import { readFileSync } from 'node:fs';
import { UPSTREAM_VERSIONS } from '../../src/sim/upstream-versions.ts';
import { upstreamVersion } from './debian-version.ts';
import { REPO_PATHS } from './repo-paths.ts';

const TABLE_FILE = 'src/sim/upstream-versions.ts';

/**
 * The lines of the versions table (`src/sim/upstream-versions.ts`) to change because a package's upstream version
 * moved (not just its Debian revision): `src/sim/upstream-versions.ts:24: nginx 1.22.1 → 1.22.2 (nginx
 * 1.22.2-1)`. Provenance labels ("verified against nginx 1.22.1") are built from that table.
 */
export function upstreamMoves(versions: Readonly<Record<string, string>>): string[] {
  const lines = readFileSync(`${REPO_PATHS.root}${TABLE_FILE}`, 'utf8').split('\n');
  return Object.values(UPSTREAM_VERSIONS).flatMap((row) => {
    const debian =
      row.debianPackage === null || !Object.hasOwn(versions, row.debianPackage)
        ? undefined
        : versions[row.debianPackage];
    if (debian === undefined || debian === 'not installed' || upstreamVersion(debian) === row.version) return [];
    const line = lines.findIndex((text) => text.includes(`debianPackage: '${row.debianPackage}'`)) + 1;
    return [
      `${TABLE_FILE}:${line}: ${row.product} ${row.version} → ${upstreamVersion(debian)} (${row.debianPackage} ${debian})`,
    ];
  });
}
