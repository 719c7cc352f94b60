import type { HeaderField } from './types.ts';

/** The first header with this name (case-insensitive), or undefined. */
export function findHeader(headers: readonly HeaderField[], name: string): HeaderField | undefined {
  const lower = name.toLowerCase();
  return headers.find((h) => h.name.toLowerCase() === lower);
}
