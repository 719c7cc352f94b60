import type { APIRoute } from 'astro';
import { getAllTerms } from '../glossary/terms.ts';

/** Title and summary of every term, keyed by page path; term-link previews fetch it on first use. */
export const GET: APIRoute = async () => {
  const terms = await getAllTerms();
  const body = Object.fromEntries(terms.map((t) => [t.href, { title: t.title, summary: t.summary }]));
  return new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } });
};
