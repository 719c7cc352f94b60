import { LAB_COMMENTS_ZH } from '../../i18n/lab-example-comments.ts';
import type { Locale } from '../../i18n/locale.ts';
import type { LabSource } from '../lab-protocol.ts';
import type { LabExample } from './lab-example.ts';

/** Where a line's comment starts: the first `#` outside a string literal, or -1. */
export function commentStart(line: string): number {
  let quote: string | null = null;
  for (let at = 0; at < line.length; at++) {
    const char = line[at];
    if (quote) {
      if (char === '\\') at++;
      else if (char === quote) quote = null;
    } else if (char === '"' || char === "'") quote = char;
    else if (char === '#') return at;
  }
  return -1;
}

/**
 * The source with each comment in the reader's language; the code is left as it is. A comment without a
 * translation is an error naming the file and line, so that no example reaches a Chinese page half English.
 */
export function localizeComments(source: LabSource, lang: Locale): LabSource {
  if (lang === 'en') return source;
  const lines = source.source.split('\n').map((line, index) => {
    const start = commentStart(line);
    if (start < 0) return line;
    const text = line.slice(start).replace(/^#\s?/, '');
    const translated = LAB_COMMENTS_ZH.get(text);
    if (translated === undefined)
      throw new Error(
        `${source.name}, line ${index + 1}: no Chinese for the comment "${text}" (lab-example-comments.ts)`,
      );
    return `${line.slice(0, start)}# ${translated}`;
  });
  return { ...source, source: lines.join('\n') };
}

/** The example as a reader of that language sees it: its comments in the language, its code unchanged. */
export function localizeExample(example: LabExample, lang: Locale): LabExample {
  return {
    ...example,
    app: localizeComments(example.app, lang),
    middleware: example.middleware.map((source) => localizeComments(source, lang)),
  };
}
