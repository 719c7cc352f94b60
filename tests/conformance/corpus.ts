import { readdirSync, readFileSync } from 'node:fs';
import { REPO_PATHS } from './repo-paths.ts';

/** One request of the corpus: its name (file name without `.http`) and its exact bytes. */
export interface CorpusCase {
  name: string;
  bytes: Buffer;
  /** Final responses to wait for: 2 for the pipelined case, else 1. */
  responses: number;
}

const RESPONSES_EXPECTED: Readonly<Record<string, number>> = { '39-pipelined': 2 };

/** Every `tests/fixtures/requests/*.http` file, in name order; throws when there is none, so no suite checks nothing. */
export function readCorpus(): CorpusCase[] {
  const files = readdirSync(REPO_PATHS.requests)
    .filter((file) => file.endsWith('.http'))
    .sort();
  if (files.length === 0) throw new Error(`no .http request in ${REPO_PATHS.requests}`);
  return files.map((file) => {
    const name = file.slice(0, -'.http'.length);
    return { name, bytes: readFileSync(`${REPO_PATHS.requests}/${file}`), responses: RESPONSES_EXPECTED[name] ?? 1 };
  });
}
