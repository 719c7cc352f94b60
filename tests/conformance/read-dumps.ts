import { readdir, readFile } from 'node:fs/promises';
import { SITE, SITE_DIRS } from './site-layout.ts';

/** One file written by a dump application: when it started (CLOCK_MONOTONIC ns) and what it wrote. */
export interface Dump {
  startedNs: bigint;
  kind: string;
  content: Record<string, unknown>;
}

const RE_DUMP_NAME = /^(\d{20})-([a-z]+)-/;

/** Every dump the applications wrote, oldest first. The name carries the start time (see tests/fixtures/apps). */
export async function readDumps(): Promise<Dump[]> {
  const dir = `${SITE.root}/${SITE_DIRS.dumps}`;
  const dumps: Dump[] = [];
  for (const file of (await readdir(dir)).sort()) {
    const match = RE_DUMP_NAME.exec(file);
    if (!match?.[1] || !match[2]) continue;
    const text = await readFile(`${dir}/${file}`, 'utf8');
    let content: Record<string, unknown>;
    try {
      content = JSON.parse(text) as Record<string, unknown>;
    } catch {
      content = { unreadable: text };
    }
    dumps.push({ startedNs: BigInt(match[1]), kind: match[2], content });
  }
  return dumps;
}
