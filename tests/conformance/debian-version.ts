/**
 * The upstream part of a Debian package version (Debian Policy §5.6.12: `[epoch:]upstream_version[-debian_revision]`),
 * without repacking suffixes: `1:2.4.71-1~deb12u1` → `2.4.71`, `9.0.0+ds1-2` → `9.0.0`, `1.22.1-9+deb12u12` →
 * `1.22.1`. A security update changes the Debian revision only; a new upstream release changes this.
 */
export function upstreamVersion(debian: string): string {
  const noEpoch = debian.replace(/^\d+:/, '');
  const dash = noEpoch.lastIndexOf('-');
  const noRevision = dash < 0 ? noEpoch : noEpoch.slice(0, dash);
  return noRevision.split(/[+~]/)[0] ?? noRevision;
}
