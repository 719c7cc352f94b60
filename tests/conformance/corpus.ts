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

/** Every `tests/fixtures/requests/*.http` file, in name order. */
export function readCorpus(): CorpusCase[] {
  return readdirSync(REPO_PATHS.requests)
    .filter((file) => file.endsWith('.http'))
    .sort()
    .map((file) => {
      const name = file.slice(0, -'.http'.length);
      return { name, bytes: readFileSync(`${REPO_PATHS.requests}/${file}`), responses: RESPONSES_EXPECTED[name] ?? 1 };
    });
}
