import { describe, expect, it } from 'vitest';
import {
  formatTermProblems,
  parseTermId,
  validateTerms,
  type TermEntry,
} from '../../../src/glossary/validate-terms.ts';

const term = (id: string, data: Partial<TermEntry['data']> = {}): TermEntry => ({
  id,
  filePath: `src/content/docs/${id}.md`,
  data: { title: id.split('/').at(-1) ?? id, aliases: [], related: [], ...data },
});

const pair = (slug: string, en: Partial<TermEntry['data']> = {}, zh: Partial<TermEntry['data']> = {}) => [
  term(`terms/${slug}`, en),
  term(`zh-cn/terms/${slug}`, zh),
];

describe('parseTermId', () => {
  it('reads locale and slug', () => {
    expect(parseTermId('terms/cgi')).toEqual({ locale: 'en', slug: 'cgi' });
    expect(parseTermId('zh-cn/terms/fastcgi')).toEqual({ locale: 'zh-cn', slug: 'fastcgi' });
  });
  it('rejects ids outside terms/', () => {
    expect(parseTermId('glossary')).toBeUndefined();
    expect(parseTermId('zh-cn/glossary')).toBeUndefined();
  });
});

describe('validateTerms', () => {
  it('accepts a consistent glossary', () => {
    const entries = [...pair('cgi', { related: ['fastcgi'] }, { related: ['fastcgi'] }), ...pair('fastcgi')];
    expect(validateTerms(entries)).toEqual([]);
  });

  it('names the file and field of an unknown related slug', () => {
    const entries = [...pair('cgi', { related: ['fastcgi', 'fastcgii'] }), ...pair('fastcgi')];
    expect(formatTermProblems(validateTerms(entries))).toMatchInlineSnapshot(
      `"src/content/docs/terms/cgi.md: related[1]: unknown term "fastcgii"; known terms: cgi, fastcgi"`,
    );
  });

  it('reports a term without its twin in the other language', () => {
    const entries = [...pair('cgi'), term('terms/flup')];
    expect(formatTermProblems(validateTerms(entries))).toMatchInlineSnapshot(
      `"src/content/docs/terms/flup.md: type: term "flup" has no zh-cn twin (expected src/content/docs/zh-cn/terms/flup.md)"`,
    );
  });

  it('reports an alias used by two terms of one language, ignoring case and separators', () => {
    const entries = [
      ...pair('cgi', { aliases: ['Gateway'] }),
      ...pair('fastcgi', { aliases: ['gateway', 'fast_cgi'] }),
    ];
    expect(validateTerms(entries)).toEqual([
      {
        filePath: 'src/content/docs/terms/fastcgi.md',
        field: 'aliases[0]',
        message: 'alias "gateway" is already the alias of term "cgi"',
      },
    ]);
  });

  it('reports an alias that is another term’s title', () => {
    const entries = [...pair('cgi', { title: 'CGI' }), ...pair('fastcgi', { aliases: ['cgi'] })];
    expect(validateTerms(entries)[0]).toMatchObject({
      field: 'aliases[0]',
      message: 'alias "cgi" is already the title of term "cgi"',
    });
  });

  it('allows the same alias in different languages', () => {
    const entries = [...pair('cgi', { aliases: ['cgi/1.1'] }, { aliases: ['cgi/1.1'] }), ...pair('fastcgi')];
    expect(validateTerms(entries)).toEqual([]);
  });

  it('rejects a term related to itself', () => {
    const entries = [...pair('cgi', { related: ['cgi'] })];
    expect(validateTerms(entries)[0]).toMatchObject({ field: 'related[0]' });
  });
});
