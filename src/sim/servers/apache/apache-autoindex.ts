import { utf8 } from '../../bytes.ts';
import type { DirectoryEntry } from '../static-files.ts';

/** The listing's time column: the entries' modification time (REFERENCE_SITE.mtimeSeconds) as the servers' UTC clock shows it. */
const LISTED_TIME = '2024-01-01 00:00';

/**
 * apr_strfsize as mod_autoindex shows a file's size: below 973 bytes, the number right-aligned in three places
 * and a space where the unit would go (the reference site's one file is 25 bytes).
 */
function listedSize(size: number): string {
  if (size >= 973) throw new Error(`autoindex: a ${size}-byte file is larger than the reference site holds`);
  return `${String(size).padStart(3)} `;
}

function row(icon: string, alt: string, href: string, name: string, time: string, size: string): string {
  return (
    `<tr><td valign="top"><img src="/icons/${icon}" alt="[${alt}]"></td><td><a href="${href}">${name}</a></td>` +
    `<td${time ? ' align="right"' : ''}>${time || '&nbsp;'}</td><td align="right">${size}</td><td>&nbsp;</td></tr>\n`
  );
}

/**
 * mod_autoindex's listing of a directory (Debian's autoindex.conf: FancyIndexing, HTMLTable, VersionSort, the
 * icons), in its default order (by name, no `?C=…;O=…` sort asked for): a Parent Directory row below the root,
 * then each entry. `signature` is the ServerSignature line. Captured: 100.
 */
export function autoindexBody(path: string, entries: readonly DirectoryEntry[], signature: string): Uint8Array {
  // The title names the directory without its trailing slash, except the root.
  const title = path === '/' ? '/' : path.replace(/\/$/, '');
  const rows = [
    ...(path === '/' ? [] : [row('back.gif', 'PARENTDIR', parentOf(path), 'Parent Directory', '', '  - ')]),
    ...entries.map((entry) =>
      entry.size === null
        ? row('folder.gif', 'DIR', entry.name, entry.name, `${LISTED_TIME}  `, '  - ')
        : row('text.gif', 'TXT', entry.name, entry.name, `${LISTED_TIME}  `, listedSize(entry.size)),
    ),
  ];
  return utf8(
    '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01//EN" "http://www.w3.org/TR/html4/strict.dtd">\n' +
      `<html>\n <head>\n  <title>Index of ${title}</title>\n </head>\n <body>\n<h1>Index of ${title}</h1>\n` +
      '  <table>\n   <tr><th valign="top"><img src="/icons/blank.gif" alt="[ICO]"></th>' +
      '<th><a href="?C=N;O=D">Name</a></th><th><a href="?C=M;O=A">Last modified</a></th>' +
      '<th><a href="?C=S;O=A">Size</a></th><th><a href="?C=D;O=A">Description</a></th></tr>\n' +
      '   <tr><th colspan="5"><hr></th></tr>\n' +
      rows.join('') +
      '   <tr><th colspan="5"><hr></th></tr>\n</table>\n' +
      signature +
      '</body></html>\n',
  );
}

function parentOf(path: string): string {
  const trimmed = path.replace(/\/$/, '');
  return trimmed.slice(0, trimmed.lastIndexOf('/') + 1);
}
