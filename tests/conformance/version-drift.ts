import { readFileSync } from 'node:fs';
import { readPackageVersions } from './package-versions.ts';
import { REPO_PATHS } from './repo-paths.ts';

/** Packages whose installed version differs from the one the committed captures were made with. */
export function findVersionDrift(): { name: string; recorded: string; installed: string }[] {
  const recorded = JSON.parse(readFileSync(`${REPO_PATHS.captures}/versions.json`, 'utf8')) as Record<string, string>;
  const installed = readPackageVersions(Object.keys(recorded));
  return Object.entries(recorded)
    .filter(([name, version]) => installed[name] !== version)
    .map(([name, version]) => ({ name, recorded: version, installed: installed[name] ?? 'not installed' }));
}

/** The named failure message for a version drift, one package per line. */
export function describeVersionDrift(drift: ReturnType<typeof findVersionDrift>): string {
  const lines = drift.map((item) => `  ${item.name}: captured with ${item.recorded}, installed ${item.installed}`);
  return `version drift: the installed Debian packages differ from tests/fixtures/captures/versions.json\n${lines.join('\n')}\nRe-run \`node scripts/capture.ts\` and review the capture diff.`;
}
