/**
 * A server's stock limits on a request, as data: the setting behind each, its value, the status the server answers,
 * and where the value comes from (a line of the pipeline's reference configuration, or a default compiled into the
 * server). The parser checks them (`RequestLimits`); a refusal says which limit and where it is set.
 */
import type { ConfigOrigin } from '../trace.ts';
import type { HttpParseError } from '../http/types.ts';
import type { HttpParseOptions } from '../http/parse-options.ts';
import { NO_LIMITS, type HeadBuffers, type LimitKind, type RequestLimits } from '../http/request-limits.ts';
import { msg, type Message } from '../message.ts';

/** Where a limit's value is set: a line of a configuration file, or the server's own default (source file, constant). */
export type LimitOrigin =
  { file: string; directive: string; compiledIn?: undefined } | { compiledIn: string; file?: undefined };

/** One limit of a server. */
export interface ServerLimit {
  /** The setting that holds it: a directive, an option, or a constant of the source. */
  setting: string;
  /** Its value as the setting states it (`8190`, `1m`, `4 8k`). */
  value: string;
  /** The largest request part accepted, counted as `RequestLimits` counts (measured at the boundary). */
  largest: number;
  /** The status the server answers with. */
  status: number;
  origin: LimitOrigin;
  /** For `head`: the head is read into these buffers (nginx), rather than counted as a whole. */
  buffers?: HeadBuffers;
}

/** A server's limits; a kind it does not limit is absent. */
export type ServerLimits = Readonly<Partial<Record<LimitKind, ServerLimit>>>;

/** What the parser checks, from a server's limits table. */
export function parserLimits(limits: ServerLimits): RequestLimits {
  const head = limits.head;
  // A head read into buffers: the buffers decide how long a line can be (the table's lines say so in its words).
  const lines = !head?.buffers;
  return {
    ...NO_LIMITS,
    requestLine: lines ? (limits.requestLine?.largest ?? null) : null,
    fieldLine: lines ? (limits.fieldLine?.largest ?? null) : null,
    fieldCount: limits.fieldCount?.largest ?? null,
    head: head && !head.buffers ? head.largest : null,
    headBuffers: head?.buffers ?? null,
    body: limits.body?.largest ?? null,
  };
}

/** The refusal of a request over one of a server's limits: status, the sentence saying why, the config line if any. */
export interface LimitRefusal {
  status: number;
  reason: Message;
  origin: ConfigOrigin | null;
}

const WHAT: Readonly<Record<LimitKind, Message['id']>> = {
  requestLine: 'limit.requestLine',
  fieldLine: 'limit.fieldLine',
  fieldCount: 'limit.fieldCount',
  head: 'limit.head',
  body: 'limit.body',
};

/** Says which limit a parse error crossed and where it is set, or null when the error is not about a limit. */
export function limitRefusal(limits: ServerLimits, error: HttpParseError): LimitRefusal | null {
  if (!error.limit) return null;
  const limit = limits[error.limit.kind];
  if (!limit) return null;
  const { setting, value, largest, origin } = limit;
  const what = msg(limit.buffers ? 'limit.headBuffers' : WHAT[error.limit.kind], {
    size: error.limit.size,
    largest,
    ...(limit.buffers ? { count: limit.buffers.count, bytes: limit.buffers.size } : {}),
  });
  if (origin.file !== undefined)
    return {
      status: limit.status,
      reason: msg('limit.refused', { what, where: msg('limit.configured', { setting, value, file: origin.file }) }),
      origin: { name: setting, file: origin.file, directive: origin.directive, limit: true },
    };
  const where = msg('limit.compiledIn', { setting, value, source: origin.compiledIn });
  return { status: limit.status, reason: msg('limit.refused', { what, where }), origin: null };
}

/**
 * The limits that apply to a pipeline's web-facing server, and how its parser checks them: the profile's defaults,
 * with what the pipeline's reference configuration sets over them.
 */
export function effectiveLimits(
  defaults: ServerLimits,
  options: HttpParseOptions,
  configured: ServerLimits | undefined,
): { limits: ServerLimits; options: HttpParseOptions } {
  if (!configured) return { limits: defaults, options };
  const limits = { ...defaults, ...configured };
  return { limits, options: { ...options, limits: parserLimits(limits) } };
}
