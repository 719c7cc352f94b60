/**
 * What changed between a committed capture and a fresh one, said the way a person reads a capture: the status
 * line, a header, a variable, a FastCGI record, the body — one line each, committed value first. Used when the
 * installed Debian packages no longer match `versions.json`, to show what the new package version changed.
 */

const MAX_VALUE = 96;

/** One readable line per difference between two captures (empty when they are equal). */
export function diffCaptures(committed: unknown, fresh: unknown): string[] {
  return diffValue('', committed, fresh);
}

function diffValue(path: string, before: unknown, after: unknown): string[] {
  if (Object.is(before, after)) return [];
  if (typeof before === 'string' && typeof after === 'string') return diffString(path, before, after);
  if (isPairList(before) && isPairList(after)) return diffPairs(`${path} variable`, path, before, after);
  if (Array.isArray(before) && Array.isArray(after)) return diffArray(path, before, after);
  if (isObject(before) && isObject(after)) return diffObject(path, before, after);
  return [`${path || 'capture'}: ${show(before)} → ${show(after)}`];
}

function diffObject(path: string, before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return keys.flatMap((key) => {
    const where = path ? `${path}.${key}` : key;
    if (!Object.hasOwn(after, key)) return [`${where}: no longer present (was ${show(before[key])})`];
    if (!Object.hasOwn(before, key)) return [`${where}: new, ${show(after[key])}`];
    return diffValue(where, before[key], after[key]);
  });
}

/** Arrays by position; FastCGI records are named by their position and type (`record 3 (PARAMS)`). */
function diffArray(path: string, before: unknown[], after: unknown[]): string[] {
  const lines: string[] = [];
  if (before.length !== after.length) lines.push(`${path}: ${before.length} items → ${after.length}`);
  const shared = Math.min(before.length, after.length);
  for (let index = 0; index < shared; index += 1) {
    lines.push(...diffValue(itemPath(path, index, before[index]), before[index], after[index]));
  }
  for (let index = shared; index < after.length; index += 1) {
    lines.push(`${itemPath(path, index, after[index])}: new, ${show(after[index])}`);
  }
  for (let index = shared; index < before.length; index += 1) {
    lines.push(`${itemPath(path, index, before[index])}: no longer present`);
  }
  return lines;
}

function itemPath(path: string, index: number, item: unknown): string {
  const type = isObject(item) && typeof item['type'] === 'string' ? item['type'] : null;
  return type ? `${path} record ${index + 1} (${type})` : `${path}[${index}]`;
}

/**
 * Name–value pairs by name (`wsgi.environ variable SERVER_SOFTWARE`, `header Server`), then their order if only
 * that changed; `label` names one pair, `path` the list.
 */
function diffPairs(label: string, path: string, before: [string, string][], after: [string, string][]): string[] {
  const lines: string[] = [];
  const names = [...new Set([...before, ...after].map(([name]) => name))];
  for (const name of names) {
    const was = before.filter(([key]) => key === name).map(([, value]) => value);
    const now = after.filter(([key]) => key === name).map(([, value]) => value);
    if (was.length === 0) lines.push(`${label} ${name}: new, ${now.map(show).join(', ')}`);
    else if (now.length === 0) lines.push(`${label} ${name}: no longer set (was ${was.map(show).join(', ')})`);
    else if (was.join('\0') !== now.join('\0'))
      lines.push(`${label} ${name}: ${was.map(show).join(', ')} → ${now.map(show).join(', ')}`);
  }
  if (lines.length === 0) {
    const order = (pairs: [string, string][]) => pairs.map(([name]) => name).join(' ');
    if (order(before) !== order(after)) lines.push(`${path}: same names in another order: ${order(after)}`);
  }
  return lines;
}

function diffString(path: string, before: string, after: string): string[] {
  if (/(^|\.)raw$/.test(path) && /^HTTP\/\d/.test(before) && /^HTTP\/\d/.test(after)) {
    return diffHttp(path.replace(/\.?raw$/, ''), before, after);
  }
  if (path.endsWith('bytes')) return [`${path}: ${firstDifference(before, after, 2, 'byte')}`];
  if (before.length > MAX_VALUE || after.length > MAX_VALUE)
    return [`${path}: ${firstDifference(before, after, 1, 'character')}`];
  return [`${path}: ${show(before)} → ${show(after)}`];
}

/** An HTTP message: the status line, each header by name, then the body (and any message after it). */
function diffHttp(path: string, before: string, after: string): string[] {
  const [beforeHead, beforeBody] = splitHead(before);
  const [afterHead, afterBody] = splitHead(after);
  const [beforeStatus = '', ...beforeFields] = beforeHead.split('\r\n');
  const [afterStatus = '', ...afterFields] = afterHead.split('\r\n');
  const lines: string[] = [];
  const where = path ? `${path} ` : '';
  if (beforeStatus !== afterStatus) lines.push(`${where}status line: ${show(beforeStatus)} → ${show(afterStatus)}`);
  const headers = (fields: string[]): [string, string][] =>
    fields.map((field) => {
      const colon = field.indexOf(':');
      return colon < 0 ? [field, ''] : [field.slice(0, colon), field.slice(colon + 1).trim()];
    });
  lines.push(...diffPairs(`${where}header`, `${where}headers`, headers(beforeFields), headers(afterFields)));
  if (beforeBody !== afterBody) lines.push(`${where}body: ${firstDifference(beforeBody, afterBody, 1, 'byte')}`);
  return lines;
}

function splitHead(message: string): [string, string] {
  const end = message.indexOf('\r\n\r\n');
  return end < 0 ? [message, ''] : [message.slice(0, end), message.slice(end + 4)];
}

/** `N → M units, first difference at unit K: "…" → "…"` (hex counts two characters a byte). */
function firstDifference(before: string, after: string, width: number, unit: string): string {
  let index = 0;
  while (index < before.length && index < after.length && before[index] === after[index]) index += 1;
  const at = Math.floor(index / width) * width;
  const excerpt = (text: string) => show(text.slice(at, at + 24 * width));
  const size = (text: string) => `${text.length / width} ${unit}s`;
  return `${size(before)} → ${size(after)}, first difference at ${unit} ${at / width}: ${excerpt(before)} → ${excerpt(after)}`;
}

function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isPairList(value: unknown): value is [string, string][] {
  return (
    Array.isArray(value) &&
    value.length > 0 &&
    value.every(
      (item) => Array.isArray(item) && item.length === 2 && typeof item[0] === 'string' && typeof item[1] === 'string',
    )
  );
}
