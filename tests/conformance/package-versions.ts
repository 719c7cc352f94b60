import { execFileSync } from 'node:child_process';

/** The installed Debian version of each package (`dpkg-query -W`); a missing package maps to "not installed". */
export function readPackageVersions(packages: readonly string[]): Record<string, string> {
  const versions: Record<string, string> = {};
  for (const name of [...new Set(packages)].sort()) {
    try {
      versions[name] = execFileSync('dpkg-query', ['-W', '-f=${Version}', name], { encoding: 'utf8' }).trim();
    } catch {
      versions[name] = 'not installed';
    }
  }
  return versions;
}
