import { readFileSync } from 'node:fs';
import { REPO_PATHS } from './repo-paths.ts';

/** A Debian package whose installed version is not the one `versions.json` records. */
export interface PackageDrift {
  name: string;
  recorded: string;
  installed: string;
}

/** `versions.json` of a captures folder: the Debian package versions the committed captures were made with. */
export function readRecordedVersions(capturesDir: string = REPO_PATHS.captures): Record<string, string> {
  return JSON.parse(readFileSync(`${capturesDir}/versions.json`, 'utf8')) as Record<string, string>;
}

/** The recorded packages whose installed version differs (a package missing from `installed` counts as drifted). */
export function findVersionDrift(
  recorded: Readonly<Record<string, string>>,
  installed: Readonly<Record<string, string>>,
): PackageDrift[] {
  return Object.entries(recorded)
    .map(([name, version]) => ({
      name,
      recorded: version,
      installed: Object.hasOwn(installed, name) ? (installed[name] ?? 'not installed') : 'not installed',
    }))
    .filter((item) => item.installed !== item.recorded);
}

/** `nginx 1.22.1-9+deb12u11 → 1.22.1-9+deb12u12, …` */
export function listDrift(drift: readonly PackageDrift[]): string {
  return drift.map((item) => `${item.name} ${item.recorded} → ${item.installed}`).join(', ');
}
