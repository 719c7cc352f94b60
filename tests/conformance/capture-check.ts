import { existsSync, readFileSync } from 'node:fs';
import type { Capture } from './build-capture.ts';
import type { FaultCapture } from './run-fault.ts';
import type { LabCapture } from './run-lab-app.ts';
import { diffCaptures } from './capture-diff.ts';
import { findVersionDrift, listDrift, type PackageDrift } from './version-drift.ts';
import { upstreamMoves } from './upstream-moves.ts';

/** One capture whose fresh run differs from the committed file. */
export interface CaseDifference {
  /** `<pipeline>/<case>` */
  key: string;
  lines: string[];
}

/** Fresh captures from the installed servers, compared with the committed ones. */
export interface CaptureCheck {
  /** Packages installed at another version than `versions.json` records. */
  drift: PackageDrift[];
  /** How many fresh captures were compared. */
  compared: number;
  differences: CaseDifference[];
  /** Lines of the versions table to change because an upstream version moved. */
  upstream: string[];
}

/**
 * Compares fresh captures (made from the servers installed now, masked like the committed ones) with the files in
 * `committedDir`. A version drift alone is not a failure: only a capture that differs is.
 */
export function checkCaptures(
  committedDir: string,
  fresh: readonly Capture[],
  recorded: Readonly<Record<string, string>>,
  installed: Readonly<Record<string, string>>,
): CaptureCheck {
  const differences = fresh.flatMap((capture): CaseDifference[] => {
    const key = `${capture.pipeline}/${capture.case}`;
    const lines = diffCommitted(committedDir, capture);
    return lines.length > 0 ? [{ key, lines }] : [];
  });
  return {
    drift: findVersionDrift(recorded, installed),
    compared: fresh.length,
    differences,
    upstream: upstreamMoves(installed),
  };
}

/** The differences between one fresh capture and its committed file (one line when there is no such file). */
export function diffCommitted(committedDir: string, capture: Capture): string[] {
  const path = `${committedDir}/${capture.pipeline}/${capture.case}.json`;
  if (!existsSync(path)) return [`no committed capture (${capture.pipeline}/${capture.case}.json)`];
  return diffCaptures(JSON.parse(readFileSync(path, 'utf8')), capture);
}

/** The differences between one fresh fault capture and its committed file (one line when there is no such file). */
export function diffCommittedFault(committedDir: string, capture: FaultCapture): string[] {
  const name = `${capture.pipeline}/faults/${capture.fault}.json`;
  if (!existsSync(`${committedDir}/${name}`)) return [`no committed capture (${name})`];
  return diffCaptures(JSON.parse(readFileSync(`${committedDir}/${name}`, 'utf8')), capture);
}

/** How a lab capture differs from the committed one (`<pipeline>/lab/<app>.json`). */
export function diffCommittedLab(committedDir: string, capture: LabCapture): string[] {
  const name = `${capture.pipeline}/lab/${capture.app}.json`;
  if (!existsSync(`${committedDir}/${name}`)) return [`no committed capture (${name})`];
  return diffCaptures(JSON.parse(readFileSync(`${committedDir}/${name}`, 'utf8')), capture);
}

/** The advice that ends every report of changed captures. */
export const RECAPTURE_ADVICE =
  'If the new behaviour is what the servers should do: `node scripts/capture.ts` writes the captures and versions.json in one step; then change the simulator until `npm run test:conformance` passes.';

/**
 * What the suite prints: nothing when the packages and the captures match; one line naming the drifted packages
 * when only the versions moved; a readable report, case by case, when a capture changed.
 */
export function describeCaptureCheck(check: CaptureCheck): { ok: boolean; text: string } {
  const moved =
    check.upstream.length > 0
      ? ` Upstream versions moved; after re-capturing, change ${check.upstream.join('; ')}.`
      : '';
  if (check.differences.length === 0) {
    if (check.drift.length === 0) return { ok: true, text: '' };
    return {
      ok: true,
      text: `version drift (${listDrift(check.drift)}): all ${check.compared} fresh captures are identical to the committed ones.${moved}`,
    };
  }
  const drift =
    check.drift.length > 0
      ? `Installed packages differ from versions.json: ${listDrift(check.drift)}.`
      : 'Installed packages match versions.json.';
  const cases = check.differences.map((item) =>
    [`  ${item.key}`, ...item.lines.map((line) => `    ${line}`)].join('\n'),
  );
  return {
    ok: false,
    text: [
      `${check.differences.length} of ${check.compared} fresh captures differ from the committed ones. ${drift}`,
      ...cases,
      `${RECAPTURE_ADVICE}${moved}`,
    ].join('\n'),
  };
}
