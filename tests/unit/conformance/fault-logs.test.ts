import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
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

describe('the volatile parts of error-log lines', () => {
  it('leaves no unmasked value in the committed fault captures', () => {
    expect(faultCaptures.length).toBeGreaterThan(0);
    const unmasked = faultCaptures.flatMap((capture) =>
      capture.exchanges.flatMap((exchange) =>
        exchange.log.filter(({ line }) => maskLogLine(line) !== line).map(({ line }) => line),
      ),
    );
    expect(unmasked).toEqual([]);
  });

  it.each([
    [
      '2026/12/06 08:34:06 [error] 30#30: *2 upstream timed out',
      '2024/01/01 00:00:00 [error] 1000#1000: *1 upstream timed out',
    ],
    [
      '[Sun Dec 06 08:49:33.708895 2026] [cgid:error] [pid 36:tid 43] [client 127.0.0.1:50000] End of script',
      '[Mon Jan 01 00:00:00.000000 2024] [cgid:error] [pid 1000:tid 1000] [client 127.0.0.1:50000] End of script',
    ],
    [
      '[2026-12-06 08:34:08 +0000] [29] [CRITICAL] WORKER TIMEOUT (pid:30)',
      '[2024-01-01 00:00:00 +0000] [1000] [CRITICAL] WORKER TIMEOUT (pid:1000)',
    ],
    [
      'INFO:     127.0.0.1:60594 - "GET /app/ HTTP/1.0" 200 OK',
      'INFO:     127.0.0.1:50000 - "GET /app/ HTTP/1.0" 200 OK',
    ],
  ])('masks %j', (line, masked) => {
    expect(maskLogLine(line)).toBe(masked);
    expect(maskLogLine(masked)).toBe(masked);
  });
});
