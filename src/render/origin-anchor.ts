/** How the page names a configuration line, shared by the build and the browser (imports nothing, so the player's bundle stays small). */

/** The id of a configuration line's element on a pipeline page, from the directive that names it. */
export function originAnchor(file: string, directive: string): string {
  return `config-${file}-${directive}`
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/-+$/, '')
    .toLowerCase();
}

/** Where each named line is on the page: anchor id → file and 1-based line. */
export type OriginLines = Readonly<Record<string, { file: string; line: number }>>;
