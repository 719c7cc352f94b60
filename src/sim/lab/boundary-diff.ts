import type { LabBoundary, LabEnvironEntry } from '../../lab/lab-protocol.ts';
import type { MiddlewareDiff, Pair } from '../trace.ts';
import { renderPyValue } from '../wsgi/python-value.ts';
import { latin1 } from '../bytes.ts';
import { wsgiItem } from './replay-application.ts';
import { isBytesItem } from '../wsgi/application.ts';

/** A value in a diff row is cut past this many characters (the hop's own tables show it whole). */
const MAX_DIFF_TEXT = 200;
const cut = (text: string): string => (text.length > MAX_DIFF_TEXT ? `${text.slice(0, MAX_DIFF_TEXT - 1)}…` : text);

/** An environ as trace pairs: str values as text, the others as repr() (the trace's convention). */
export function environPairs(environ: readonly LabEnvironEntry[]): Pair[] {
  return environ.map(([name, value]) => [name, renderPyValue(value)]);
}

/** The keys a layer added, changed (value or type) and removed between the environ it got and the one it passed. */
export function environDiff(
  received: readonly LabEnvironEntry[],
  passed: readonly LabEnvironEntry[],
): MiddlewareDiff[] {
  const before = new Map(received);
  const after = new Map(passed);
  const diff: MiddlewareDiff[] = [];
  for (const [name, value] of passed) {
    const old = before.get(name);
    if (!old) diff.push({ part: 'environ', change: 'added', name, after: cut(renderPyValue(value)) });
    else if (JSON.stringify(old) !== JSON.stringify(value))
      diff.push({
        part: 'environ',
        change: 'changed',
        name,
        before: cut(renderPyValue(old)),
        after: cut(renderPyValue(value)),
      });
  }
  for (const [name, value] of received)
    if (!after.has(name)) diff.push({ part: 'environ', change: 'removed', name, before: cut(renderPyValue(value)) });
  return diff;
}

/** What a boundary carried outward: the last start_response's status and headers, the body as latin-1. */
export function boundaryResponse(boundary: LabBoundary): { status: string; headers: Pair[]; body: string } {
  const last = boundary.startResponse.at(-1);
  const body = boundary.body
    .map(wsgiItem)
    .map((item) => (isBytesItem(item) ? latin1(item) : item.repr))
    .join('');
  return { status: last?.status ?? '', headers: last?.headers.map(([n, v]): Pair => [n, v]) ?? [], body };
}

/** What a layer changed on the way out: between what it got from inside and what it handed outward. */
export function responseDiff(inner: LabBoundary | undefined, outer: LabBoundary): MiddlewareDiff[] {
  const got = inner ? boundaryResponse(inner) : { status: '', headers: [], body: '' };
  const gave = boundaryResponse(outer);
  const diff: MiddlewareDiff[] = [];
  if (got.status !== gave.status) {
    diff.push(
      got.status === ''
        ? { part: 'status', change: 'added', name: '', after: cut(gave.status) }
        : gave.status === ''
          ? { part: 'status', change: 'removed', name: '', before: cut(got.status) }
          : { part: 'status', change: 'changed', name: '', before: cut(got.status), after: cut(gave.status) },
    );
  }
  diff.push(...headerDiff(got.headers, gave.headers));
  if (got.body !== gave.body)
    diff.push(
      got.body === ''
        ? { part: 'body', change: 'added', name: '', after: cut(gave.body) }
        : gave.body === ''
          ? { part: 'body', change: 'removed', name: '', before: cut(got.body) }
          : { part: 'body', change: 'changed', name: '', before: cut(got.body), after: cut(gave.body) },
    );
  return diff;
}

/**
 * Headers compared by name (case-insensitive, as HTTP compares them, RFC 9110 §5.1): a name present once on both
 * sides with another value is changed; otherwise each pair missing on one side is added or removed.
 */
function headerDiff(got: readonly Pair[], gave: readonly Pair[]): MiddlewareDiff[] {
  const key = (name: string): string => name.toLowerCase();
  const count = (pairs: readonly Pair[], name: string) => pairs.filter(([n]) => key(n) === key(name)).length;
  const diff: MiddlewareDiff[] = [];
  const unmatched = [...got];
  for (const [name, value] of gave) {
    const same = unmatched.findIndex(([n, v]) => key(n) === key(name) && v === value);
    if (same >= 0) {
      unmatched.splice(same, 1);
      continue;
    }
    const single = count(got, name) === 1 && count(gave, name) === 1;
    const old = single ? unmatched.findIndex(([n]) => key(n) === key(name)) : -1;
    const previous = old >= 0 ? unmatched.splice(old, 1)[0] : undefined;
    diff.push(
      previous
        ? { part: 'header', change: 'changed', name, before: cut(previous[1]), after: cut(value) }
        : { part: 'header', change: 'added', name, after: cut(value) },
    );
  }
  for (const [name, value] of unmatched) diff.push({ part: 'header', change: 'removed', name, before: cut(value) });
  return diff;
}
