import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { VOLATILE } from '../../../src/sim/volatile.ts';
import type { FaultCapture } from '../../conformance/run-fault.ts';
import { REPO_PATHS } from '../../conformance/repo-paths.ts';
import { maskLogLine } from '../../conformance/volatile.ts';

/** The committed fault captures hold only masked log lines, and the masking leaves its own fixed values alone. */
const faultCaptures: FaultCapture[] = readdirSync(REPO_PATHS.captures, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(`${REPO_PATHS.captures}/${entry.name}/faults`))
  .flatMap((entry) => {
    const dir = `${REPO_PATHS.captures}/${entry.name}/faults`;
    return readdirSync(dir).map((file) => JSON.parse(readFileSync(`${dir}/${file}`, 'utf8')) as FaultCapture);
  });

/** What the named groups of the rules' patterns hold in a real line, to build a line from a fixed value. */
const GROUP_EXAMPLES = new Map([
  ['level', 'error'],
  ['before', '(pid:'],
  ['prefix', 'INFO:     '],
]);

describe('the volatile parts of error-log lines', () => {
  it.each(Object.entries(VOLATILE.logs))('%s: its fixed value matches and is masked to itself', (_name, rule) => {
    const pattern = new RegExp(rule.pattern);
    const fixed = rule.fixed.replace(/\$<(\w+)>/g, (_whole, group: string) => GROUP_EXAMPLES.get(group) ?? '');
    expect(pattern.test(fixed), 'the pattern matches its fixed value').toBe(true);
    expect(maskLogLine(fixed)).toBe(fixed);
  });

  it('leaves no unmasked value in the committed fault captures', () => {
    expect(faultCaptures.length).toBeGreaterThan(0);
    const unmasked = faultCaptures.flatMap((capture) =>
      capture.exchanges.flatMap((exchange) =>
        exchange.log.filter(({ line }) => maskLogLine(line) !== line).map(({ line }) => line),
      ),
    );
    expect(unmasked).toEqual([]);
  });

  it('masks a time, a pid and a connection number in an nginx line', () => {
    expect(maskLogLine('2026/12/06 08:34:06 [error] 30#30: *2 upstream timed out')).toBe(
      '2024/01/01 00:00:00 [error] 1000#1000: *1 upstream timed out',
    );
  });
});
