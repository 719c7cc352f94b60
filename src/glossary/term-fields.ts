import { z } from 'astro/zod';
import { WSGI_APPS, type WsgiAppId } from '../sim/apps/wsgi-apps.ts';
import { PIPELINES } from '../sim/pipelines/definitions.ts';

/** The roles a term can play on the path of a request; the glossary index groups terms by these. */
export const TERM_ROLES = ['http-server', 'protocol', 'gateway', 'server-module', 'framework', 'successor'] as const;

/** How current a technology is today. */
export const TERM_STATUSES = ['current', 'legacy', 'historical'] as const;

/** The pipeline ids the simulator runs; a term may name one to embed a player at the hop where it acts. */
export const PIPELINE_IDS = [
  'apache-static',
  'lighttpd-static',
  'nginx-static',
  'apache-cgi',
  'lighttpd-cgi',
  'apache-fastcgi-flup',
  'lighttpd-fastcgi-flup',
  'nginx-fastcgi-flup',
  'nginx-fastcgi-php',
  'apache-modwsgi-embedded',
  'apache-modwsgi-daemon',
  'apache-mod-python',
  'wsgiref',
  'werkzeug',
  'cherrypy',
] as const;

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Whether `id` names one of the simulator's WSGI applications (`webpy`, `django`, …). Own keys only, so a name that
 * only exists on Object.prototype, such as "toString" or "constructor", is no application.
 */
export function isWsgiAppId(id: unknown): id is WsgiAppId {
  return typeof id === 'string' && Object.hasOwn(WSGI_APPS, id);
}

/** A primary source a term page cites. */
const sourceSchema = z.object({
  /** The source's title as it should be shown, e.g. "RFC 3875: The Common Gateway Interface". Required. */
  title: z.string().min(3),
  /** An https URL to the primary source. Required. */
  url: z.url({ protocol: /^https$/, error: 'must be an https:// URL' }),
});

/** Frontmatter fields of a glossary term page (`type: term`). */
export const termFields = z.object({
  /** Marks the page as a glossary term. Required on term pages. */
  type: z.literal('term'),
  /** One sentence that defines the term; shown on cards, previews and as the meta description. Required. */
  summary: z
    .string({ error: 'is required: one sentence that defines the term' })
    .min(40, 'is too short: write one full sentence (at least 40 characters)')
    .max(260, 'is too long: keep it to one sentence (at most 260 characters)')
    .refine((s) => /[.。!?！？]$/.test(s.trim()), 'must end with a full stop'),
  /** Where the term acts on the path of a request; the glossary index groups by this. Required. */
  role: z.enum(TERM_ROLES),
  /** Whether the technology is current, legacy (works, not for new work) or historical (retired). Required. */
  status: z.enum(TERM_STATUSES),
  /** Other names a reader may search for, in this page's language; unique across terms of the language. */
  aliases: z.array(z.string().min(2)).default([]),
  /** Slugs of related terms (files in `terms/`); each must exist. */
  related: z.array(z.string().regex(SLUG, 'must be a term slug like "fastcgi"')).default([]),
  /** Primary sources: specifications, RFCs, PEPs, the project's own documentation. At least one. */
  sources: z.array(sourceSchema).min(1, 'needs at least one primary source'),
  /** The pipeline and step (1-based) where this term acts; the page embeds a player opened there. Optional. */
  pipeline: z
    .object({
      /** A simulator pipeline id, e.g. "nginx-fastcgi-flup". */
      id: z.enum(PIPELINE_IDS),
      /** The 1-based step of that pipeline's trace where the term acts. */
      step: z.number().int().min(1),
      /**
       * The WSGI application the embedded player's trace ends in, e.g. "webpy" to show a web.py application behind
       * `apache-cgi`. A key of the simulator's `WSGI_APPS`; only for pipelines whose application can be swapped
       * (`selectableApp`). Optional: without it the player ends in the plain WSGI application, as pipeline pages do.
       */
      app: z
        .custom<WsgiAppId>(isWsgiAppId, {
          error: `must be a simulator application id (${Object.keys(WSGI_APPS).join(', ')})`,
        })
        .optional(),
    })
    .refine((pipeline) => pipeline.app === undefined || PIPELINES[pipeline.id]?.selectableApp === true, {
      error: "is set, but this pipeline's application cannot be swapped",
      path: ['app'],
    })
    .optional(),
});

/** Frontmatter fields of every other page (home, indexes, 404). */
export const pageFields = z.object({
  /** Any page that is not a glossary term. Defaults to "page". */
  type: z.literal('page').default('page'),
});

/** The discriminated union merged into Starlight's base docs schema. */
export const docsFields = z.discriminatedUnion('type', [termFields, pageFields]);

/** A term's frontmatter after parsing. */
export type TermFields = z.infer<typeof termFields>;
