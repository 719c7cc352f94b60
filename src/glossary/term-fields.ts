import { z } from 'astro/zod';
import { WSGI_APPS, type WsgiAppId } from '../sim/apps/wsgi-apps.ts';
import { PIPELINES, PIPELINE_LIST } from '../sim/pipelines/manifest/index.ts';
import { VARIABLE_REQUEST_IDS, type VariableRequestId } from './variable-table.ts';
import { slugOfName } from './variables.ts';

/** The roles a term can play on the path of a request; the glossary index groups terms by these. */
export const TERM_ROLES = ['http-server', 'protocol', 'gateway', 'server-module', 'framework', 'successor'] as const;

/** How current a technology is today. */
export const TERM_STATUSES = ['current', 'legacy', 'historical'] as const;

/** The pipeline ids the simulator runs; a term may name one to embed a player at the hop where it acts. */
const PIPELINE_IDS = PIPELINE_LIST.map((pipeline) => pipeline.id) as [string, ...string[]];

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

/** The specifications a variable page quotes, and where each is published. */
export const VARIABLE_SPECS = {
  rfc3875: { title: 'RFC 3875', url: (section: string) => `https://www.rfc-editor.org/rfc/rfc3875#section-${section}` },
  pep3333: { title: 'PEP 3333', url: (section: string) => `https://peps.python.org/pep-3333/#${section}` },
} as const;

/** A short quotation from the specification that defines the variable. */
const specQuoteSchema = z.object({
  /** Which specification: `rfc3875` (CGI 1.1) or `pep3333` (WSGI 1.0.1). */
  doc: z.enum(['rfc3875', 'pep3333']),
  /** RFC 3875: the section number (`4.1.13`); PEP 3333: the anchor of the section (`environ-variables`). */
  section: z.string().regex(/^(?:\d+(?:\.\d+)*|[a-z0-9]+(?:-[a-z0-9]+)*)$/, 'must be "4.1.13" or "environ-variables"'),
  /** The heading shown for the section (`4.1.13. SCRIPT_NAME`, `environ Variables`). */
  heading: z.string().min(3),
  /** The words of the specification, verbatim and brief (at most 400 characters); shown in English on both pages. */
  quote: z.string().min(20).max(400),
});

/** A claim the page makes about what one pipeline puts in a variable; the build checks it against the simulator. */
const claimSchema = z
  .object({
    /** The pipeline id (`nginx-fastcgi-flup`); a static pipeline passes no variables and is refused by the check. */
    pipeline: z.enum(PIPELINE_IDS),
    /** The traced request (`prefix`, `encoded-slash`, `no-host`, `chunked`, `proxy-header`, `underscore-header`). */
    request: z.enum(VARIABLE_REQUEST_IDS as [VariableRequestId, ...VariableRequestId[]]),
    /** The variable, when it is not the page's first name. */
    name: z.string().min(1).optional(),
    /** The value the application gets … */
    value: z.string().optional(),
    /** … or `true`: the application gets no such variable … */
    unset: z.literal(true).optional(),
    /** … or the status the server answers with before any variable is made. */
    status: z.number().int().min(100).max(599).optional(),
    /** The sentence the page shows for this claim, in the page's language. */
    text: z.string().min(10),
  })
  .refine(
    (c) => [c.value !== undefined, c.unset !== undefined, c.status !== undefined].filter(Boolean).length === 1,
    'needs exactly one of value, unset or status',
  );

/** Frontmatter fields of a variable page (`type: variable`, in `variables/<slug>.md`). */
export const variableFields = z.object({
  /** Marks the page as a variable page. Required on variable pages. */
  type: z.literal('variable'),
  /** The variables the page explains, as applications see them (`SCRIPT_NAME`, `wsgi.input`, `HTTP_*`). */
  names: z.array(z.string().regex(/^(?:[A-Z][A-Z0-9_]*\*?|wsgi\.[a-z_]+)$/, 'must be a CGI or wsgi.* name')).min(1),
  /** One sentence that says what the variable holds; shown under the title and as the meta description. */
  summary: termFields.shape.summary,
  /** Where the variable is defined, quoted briefly (RFC 3875 section, PEP 3333 section). At least one. */
  spec: z.array(specQuoteSchema).min(1),
  /** The requests the page's table traces, as columns (default: prefix, encoded-slash, no-host, chunked). */
  requests: z
    .array(z.enum(VARIABLE_REQUEST_IDS as [VariableRequestId, ...VariableRequestId[]]))
    .min(1)
    .default(['prefix', 'encoded-slash', 'no-host', 'chunked']),
  /** The variables the page draws a table for (default: its names; `HTTP_*` pages name real ones). */
  tables: z.array(z.string().min(1)).optional(),
  /** What the page says about particular servers, checked against the simulator when the site is built. */
  claims: z.array(claimSchema).default([]),
  /** Slugs of related terms (files in `terms/`). */
  related: termFields.shape.related,
  /** Primary sources beyond the quoted specification: server documentation, advisories. */
  sources: z.array(sourceSchema).default([]),
});

/** The slug a variable page must have, from its first name. */
export const variablePageSlug = (names: readonly string[]): string => slugOfName(names[0] ?? '');

/** Frontmatter fields of every other page (home, indexes, 404). */
export const pageFields = z.object({
  /** Any page that is not a glossary term. Defaults to "page". */
  type: z.literal('page').default('page'),
});

/** The discriminated union merged into Starlight's base docs schema. */
export const docsFields = z.discriminatedUnion('type', [termFields, variableFields, pageFields]);

/** A term's frontmatter after parsing. */
export type TermFields = z.infer<typeof termFields>;

/** A variable page's frontmatter after parsing. */
export type VariableFields = z.infer<typeof variableFields>;

/** A claim after parsing. */
export type VariableClaimFields = VariableFields['claims'][number];
