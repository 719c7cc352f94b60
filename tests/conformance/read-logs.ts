import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { SITE, SITE_DIRS } from './site-layout.ts';

/** One line a server wrote to its error log (or its standard error) while a request was handled. */
export interface CapturedLogLine {
  /**
   * Where the server writes it: the log file's path as the reference configuration names it
   * (`/srv/hop/log/error.log`), or `stderr` for what a server writes to its standard error (the suite sends a
   * program's stdout and stderr to `log/<program>.out`).
   */
  file: string;
  line: string;
}

/** How far each log file was written when a request was sent. */
export type LogMarks = ReadonlyMap<string, number>;

const LOG_DIR = `${SITE.root}/${SITE_DIRS.log}`;
/** Access logs record every request the same way: only error logs and standard error tell about a fault. */
const ACCESS_LOG = /access/;

function logFiles(): string[] {
  if (!existsSync(LOG_DIR)) return [];
  return readdirSync(LOG_DIR)
    .filter((name) => !ACCESS_LOG.test(name))
    .sort();
}

/** The current length of every log file. */
export function markLogs(): LogMarks {
  return new Map(logFiles().map((name) => [name, statSync(`${LOG_DIR}/${name}`).size]));
}

/**
 * The lines written to each log file since `marks`, file by file (files in name order, lines in the order written).
 * A log line that spans several lines (nginx quoting PHP's stack trace) gives one entry per line.
 */
export function readLogsSince(marks: LogMarks): CapturedLogLine[] {
  return logFiles().flatMap((name) => {
    const added = readFileSync(`${LOG_DIR}/${name}`).subarray(marks.get(name) ?? 0);
    const text = added.toString('latin1');
    const lines = text.split('\n');
    if (lines.at(-1) === '') lines.pop();
    const file = name.endsWith('.out') ? 'stderr' : `${LOG_DIR}/${name}`;
    return lines.map((line) => ({ file, line }));
  });
}
