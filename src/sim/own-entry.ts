import { UnknownNameError, type NameKind } from './unknown-name-error.ts';

/**
 * Looks a name up among a table's own keys, never its prototype's (`toString`, `__proto__`, `constructor` are not
 * names). Every lookup of a name that comes from a reader, a command line or a library caller goes through here or
 * through `hasOwnName`.
 */
export function ownEntry<T>(kind: NameKind, table: Readonly<Record<string, T>>, name: string): T {
  if (!hasOwnName(table, name)) throw new UnknownNameError(kind, name, Object.keys(table));
  return table[name] as T;
}

/** Whether the name is one of the table's own keys (and so a name the table knows). */
export function hasOwnName(table: object, name: string): boolean {
  return Object.hasOwn(table, name);
}
