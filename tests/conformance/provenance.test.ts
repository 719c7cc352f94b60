import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PIPELINE_IDS, runPipeline } from '../../src/sim/index.ts';
import { traceWords } from '../../src/i18n/trace-messages.ts';
import { UPSTREAM_VERSIONS, type UpstreamVersion } from '../../src/sim/upstream-versions.ts';
import { readCorpus } from './corpus.ts';
import { upstreamVersion } from './debian-version.ts';
import { FRAMEWORK_RUNS, PIPELINES } from './pipelines.ts';
import { REPO_PATHS } from './repo-paths.ts';

/**
 * Every hop says where its behaviour comes from (`{ kind: 'verified', subject: 'nginx 1.22.1', … }`, said in English
 * as "verified against nginx 1.22.1 (Debian 12)"). These tests check
 * that those labels name the upstream versions the committed captures were made with
 * (tests/fixtures/captures/versions.json), so upgrading a package and re-capturing cannot leave stale labels.
 */

const recorded = JSON.parse(readFileSync(`${REPO_PATHS.captures}/versions.json`, 'utf8')) as Record<string, string>;
const corpus = readCorpus();
const english = traceWords('en');
const TABLE: readonly UpstreamVersion[] = Object.values(UPSTREAM_VERSIONS);

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `<product> <version>` in a provenance string: a product of the table followed by a dotted version. */
const MENTION = new RegExp(
  String.raw`(?<![\w-])(${TABLE.map((row) => escapeRegExp(row.product)).join('|')}) (\d+(?:\.\d+)+)(?![\w.])`,
  'g',
);

/** What is wrong with one provenance string of a pipeline whose captures were made with `packages`. */
function checkProvenance(provenance: string, packages: readonly string[]): string[] {
  const problems: string[] = [];
  const verified = provenance.startsWith('verified against ');
  if (!verified && !provenance.startsWith('modelled from source (')) problems.push('neither verified nor modelled');
  const mentions = [...provenance.matchAll(MENTION)];
  if (verified && mentions.length === 0) problems.push('names no product of the versions table');
  const leftover = provenance.replace(MENTION, '').match(/\d+\.\d+[\d.]*/);
  if (leftover) problems.push(`names version ${leftover[0]} of a product missing from the versions table`);
  for (const [, product, version] of mentions) {
    const row = TABLE.find((candidate) => candidate.product === product);
    if (!row?.debianPackage) {
      if (verified) problems.push(`${product} has no captured package, so it cannot be "verified against"`);
      if (version !== row?.version) problems.push(`${product} ${version}: the versions table says ${row?.version}`);
      continue;
    }
    if (!packages.includes(row.debianPackage)) {
      problems.push(`${product}: ${row.debianPackage} is not among the packages this pipeline was captured with`);
      continue;
    }
    const captured = recorded[row.debianPackage];
    if (captured === undefined || upstreamVersion(captured) !== version) {
      problems.push(`${product} ${version}: captured with ${row.debianPackage} ${captured ?? 'not recorded'}`);
    }
  }
  return problems.map((problem) => `"${provenance}": ${problem}`);
}

describe('provenance labels name the versions the captures were made with', () => {
  it('the versions table in src/sim agrees with versions.json', () => {
    const stale = TABLE.filter((row) => row.debianPackage !== null)
      .filter((row) => upstreamVersion(recorded[row.debianPackage ?? ''] ?? '') !== row.version)
      .map(
        (row) =>
          `${row.product} ${row.version}: captured with ${row.debianPackage} ${recorded[row.debianPackage ?? '']}`,
      );
    expect(stale).toEqual([]);
  });

  it('the conformance captures cover every pipeline of the simulator', () => {
    expect(PIPELINES.map((pipeline) => pipeline.id).sort()).toEqual([...PIPELINE_IDS].sort());
  });

  it.each(PIPELINES.map((pipeline) => [pipeline.id, pipeline] as const))(
    '%s: every hop names the captured versions',
    (_id, pipeline) => {
      const provenances = new Set<string>();
      for (const corpusCase of corpus) {
        // CGI pipelines run both scripts the captures ran: CGIHandler with the WSGI dump application, and the plain one.
        for (const cgiScript of ['cgihandler', 'dump'] as const) {
          for (const hop of runPipeline(pipeline.id, corpusCase.bytes, { app: 'dump', cgiScript }).hops) {
            // The structured provenance, said in English: "verified against nginx 1.22.1 (Debian 12)".
            provenances.add(english.provenance(hop.provenance));
          }
        }
        // The framework applications the pipeline's captures ran: their hops name Django, Flask or web.py.
        for (const framework of FRAMEWORK_RUNS.filter((name) => pipeline.runs.some((run) => run.name === name))) {
          for (const hop of runPipeline(pipeline.id, corpusCase.bytes, { app: framework }).hops) {
            provenances.add(english.provenance(hop.provenance));
          }
        }
      }
      expect(provenances.size).toBeGreaterThan(0);
      expect([...provenances].flatMap((provenance) => checkProvenance(provenance, pipeline.packages))).toEqual([]);
    },
  );
});
