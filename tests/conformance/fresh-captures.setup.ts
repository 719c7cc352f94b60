/**
 * Vitest global setup of the conformance suite: runs the installed Debian servers over the whole corpus once, into
 * a temporary folder laid out like tests/fixtures/captures/ (same corpus, same masking, plus the installed package
 * versions in versions.json), and hands its path to the tests as `inject('freshCaptures')`. The committed captures
 * are compared with it (captures.test.ts), and so is the simulator (simulator.test.ts): what the servers installed
 * now produce, whatever version Debian has shipped since the captures were made.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { TestProject } from 'vitest/node';
import { capturePipelines } from './capture-pipelines.ts';
import { readPackageVersions } from './package-versions.ts';
import { PIPELINES } from './pipelines.ts';
import { writeCaptures } from './write-captures.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Folder of the captures made from the installed servers for this run. */
    freshCaptures: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const dir = mkdtempSync(`${tmpdir()}/hop-fresh-captures-`);
  const started = Date.now();
  const { captures, faults, labs } = await capturePipelines();
  writeCaptures(dir, captures, readPackageVersions(PIPELINES.flatMap((pipeline) => pipeline.packages)), faults, labs);
  process.stdout.write(
    `conformance: captured ${captures.length} cases, ${faults.length} faults and ${labs.length} lab applications from the installed servers in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
  );
  project.provide('freshCaptures', dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
