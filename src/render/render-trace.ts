/** Renders trace data as an element tree: each step from its own hop entry alone. */
import type {
  AcceptedFault,
  FaultId,
  Hop,
  LogLine,
  LocatedError,
  Message,
  Pair,
  Trace,
  TraceRecord,
  TraceUwsgiPacket,
  AsgiEvent,
  MiddlewarePass,
  WsgiResponseHop,
} from '../sim/index.ts';
import { hopVariables } from '../sim/hop-variables.ts';
import { h, type VElement, type VNode } from './element-tree.ts';
import { clip, displayText, visibleControls } from './display-text.ts';
import { hexByte, hexRows, hexToBytes } from './hex-rows.ts';
import { labelRecord, type Segment } from './fastcgi-bytes.ts';
import { labelUwsgiPacket } from './uwsgi-bytes.ts';
import { httpParts } from './http-parts.ts';
import { protocolLabel } from './node-labels.ts';
import { positionOfByte } from './text-position.ts';
import type { PlayerStrings } from '../i18n/player.ts';
import { messageParts, provenanceParts, type MessagePart } from '../i18n/render-message.ts';
import { fill } from '../i18n/fill.ts';
import { originAnchor, type OriginLines } from './origin-anchor.ts';
import { variableHref } from '../glossary/variables.ts';
import { renderExplanation, type ExplanationStrings } from './render-explanation.ts';

/**
 * The simulator writes summaries, change notes and provenance in English only: on Chinese pages they carry
 * `lang="en"`, so screen readers switch voice for them.
 */
export const simulatorText = (s: PlayerStrings): Record<string, string> => (s.lang === 'en' ? {} : { lang: 'en' });

/**
 * A sentence from its parts: the page language's words as text, each value the simulator filled in (a name, a
 * number, a quoted piece of the request) in a span that keeps its own language.
 */
export function partNodes(parts: readonly MessagePart[], s: PlayerStrings): VNode[] {
  return parts.map((part) =>
    'text' in part ? part.text : h('span', { class: 'message-value', ...simulatorText(s) }, displayText(part.value)),
  );
}

/** A simulator message as a sentence of the page language. */
export function messageNodes(message: Message, s: PlayerStrings): VNode[] {
  return partNodes(messageParts(message, s.trace), s);
}

/** A table's header row: one column header per label. */
export function columnHeads(...labels: string[]): VElement {
  return h(
    'thead',
    {},
    h(
      'tr',
      {},
      labels.map((label) => h('th', { scope: 'col' }, label)),
    ),
  );
}

/**
 * Keeps an element out of the search index (Pagefind). A step is indexed by its title and narration only: the
 * summary, provenance, changes and protocol data are simulator output (environ dumps, records, bytes) that would
 * outrank the term pages for every protocol word and make unreadable snippets.
 */
export const NOT_INDEXED: Readonly<Record<string, string>> = { 'data-pagefind-ignore': '' };

const MAX_TEXT = 2000;
const MAX_HEX_ROWS = 16;
const MAX_SEGMENTS = 120;

/** Request text as shown: decoded for display, clipped, control characters made visible. */
export const shown = (latin1: string): string => visibleControls(clip(displayText(latin1), MAX_TEXT).text);

/** A link from a variable to a configuration line shown on the same page. */
interface OriginLink {
  id: string;
  file: string;
  line: number;
  directive: string;
}

/** Variable name → the configuration lines behind it that the page shows (none on pages without the panel). */
type OriginLinks = ReadonlyMap<string, readonly OriginLink[]>;

function originLinks(hop: Hop, lines: OriginLines): OriginLinks {
  const links = new Map<string, OriginLink[]>();
  for (const origin of hop.origins ?? []) {
    const id = originAnchor(origin.file, origin.directive);
    const place = lines[id];
    if (!place) continue;
    const list = links.get(origin.name) ?? [];
    list.push({ id, file: place.file, line: place.line, directive: origin.directive });
    links.set(origin.name, list);
  }
  return links;
}

/** "Set by" and the links to the configuration lines behind a variable, shown under its value. */
function originNote(links: readonly OriginLink[], s: PlayerStrings): VElement {
  return h(
    'span',
    { class: 'origin' },
    `${s.ui.setBy}: `,
    links.flatMap((link, i) => [
      i > 0 ? ', ' : '',
      h(
        'a',
        { href: `#${link.id}`, class: 'origin-link', 'data-origin': link.id },
        h('code', {}, `${link.file}:${link.line}`),
        h('span', { class: 'sr-only' }, ` (${fill(s.ui.configLine, { n: link.line })}: ${link.directive})`),
      ),
    ]),
  );
}

/** A variable's name, linked to its page (in the page's language) when it has one. */
function variableName(name: string, s: PlayerStrings): VElement {
  const href = variableHref(name, s.lang);
  return href ? h('a', { href, class: 'variable-link' }, h('code', {}, name)) : h('code', {}, name);
}

function pairsTable(
  caption: string,
  pairs: readonly Pair[],
  s: PlayerStrings,
  links: OriginLinks = new Map(),
): VElement {
  const ui = s.ui;
  return h(
    'table',
    { class: 'hbh-pairs' },
    h('caption', {}, caption),
    columnHeads(ui.name, ui.value),
    h(
      'tbody',
      {},
      pairs.map(([name, value]) => {
        const own = links.get(name);
        return h(
          'tr',
          own ? { 'data-origins': own.map((link) => link.id).join(' ') } : {},
          h('th', { scope: 'row' }, variableName(name, s)),
          h('td', {}, h('span', { class: 'pair-value', ...simulatorText(s) }, shown(value)), own && originNote(own, s)),
        );
      }),
    ),
  );
}

function textBlock(caption: string, latin1: string, s: PlayerStrings): VElement {
  const { omitted } = clip(displayText(latin1), MAX_TEXT);
  return h(
    'figure',
    { class: 'hbh-text' },
    h('figcaption', {}, caption),
    h('pre', {}, shown(latin1)),
    omitted > 0 && h('p', { class: 'hbh-more' }, fill(s.ui.moreBytes, { n: omitted })),
  );
}

/** The HTTP message with each part labelled. */
export function renderHttp(raw: string, s: PlayerStrings, caption = s.ui.httpParts): VElement {
  const ui = s.ui;
  return h(
    'table',
    { class: 'hbh-http' },
    h('caption', {}, caption),
    columnHeads(ui.part, ui.text),
    h(
      'tbody',
      {},
      httpParts(raw).map((part) =>
        h(
          'tr',
          { class: `part-${part.kind}` },
          h(
            'th',
            { scope: 'row' },
            part.kind === 'header' ? `${s.parts.header}: ${part.name ?? ''}` : s.parts[part.kind],
          ),
          h('td', {}, h('code', {}, shown(part.text))),
        ),
      ),
    ),
  );
}

function segmentOf(segments: readonly Segment[], offset: number): Segment | undefined {
  return segments.find((s) => offset >= s.offset && offset < s.offset + s.length);
}

function renderRecord(record: TraceRecord, index: number, s: PlayerStrings): VElement {
  const bytes = hexToBytes(record.bytes);
  const title = fill(s.ui.record, { n: index + 1, type: record.type });
  const detail = `requestId ${record.requestId}, contentLength ${record.contentLength}, paddingLength ${record.paddingLength}`;
  return renderLabelledBytes(title, detail, bytes, labelRecord(bytes), s);
}

/** A uwsgi packet's header and vars block, byte by byte. */
function renderUwsgiPacket(packet: TraceUwsgiPacket, s: PlayerStrings): VElement {
  const bytes = hexToBytes(packet.bytes);
  const detail = `modifier1 ${packet.modifier1}, datasize ${packet.datasize}, modifier2 ${packet.modifier2}`;
  return renderLabelledBytes(s.ui.uwsgiPacket, detail, bytes, labelUwsgiPacket(bytes), s);
}

/** Bytes as a hex dump coloured by field, and the fields as a table (FastCGI records, uwsgi packets). */
function renderLabelledBytes(
  title: string,
  detail: string,
  bytes: Uint8Array,
  segments: readonly Segment[],
  s: PlayerStrings,
): VElement {
  const ui = s.ui;
  const rows = hexRows(bytes);
  const hexTable = h(
    'table',
    { class: 'hbh-hex' },
    h('caption', { class: 'sr-only' }, `${title}: ${ui.hex}`),
    columnHeads(ui.offset, ui.hex, ui.ascii),
    h(
      'tbody',
      {},
      rows.slice(0, MAX_HEX_ROWS).map((row) =>
        h(
          'tr',
          {},
          h('th', { scope: 'row' }, h('code', {}, row.offset.toString(16).padStart(4, '0'))),
          h(
            'td',
            { class: 'hex-bytes' },
            row.bytes.map((byte, i) =>
              h('span', { class: `byte seg-${segmentOf(segments, row.offset + i)?.kind ?? 'data'}` }, hexByte(byte)),
            ),
          ),
          h('td', { class: 'hex-ascii' }, h('code', {}, row.ascii)),
        ),
      ),
    ),
  );
  const hidden = bytes.length - MAX_HEX_ROWS * 16;
  const fieldTable = h(
    'table',
    { class: 'hbh-fields' },
    h('caption', { class: 'sr-only' }, `${title}: ${ui.field}`),
    columnHeads(ui.field, ui.offset, ui.bytes, ui.value),
    h(
      'tbody',
      {},
      segments.slice(0, MAX_SEGMENTS).map((segment) => {
        const [label, meaning] = s.segments[segment.kind];
        const encoding = segment.encoding ? s.encoding[segment.encoding] : undefined;
        return h(
          'tr',
          { class: `seg-${segment.kind}` },
          h('th', { scope: 'row' }, h('code', {}, label), h('span', { class: 'annotation' }, ` — ${meaning}`)),
          h('td', {}, String(segment.offset)),
          h('td', {}, encoding ?? String(segment.length)),
          h('td', {}, h('code', {}, shown(segment.value))),
        );
      }),
    ),
  );
  return h(
    'figure',
    { class: 'hbh-record' },
    h('figcaption', {}, `${title} — `, h('code', {}, detail)),
    h('div', { class: 'hbh-scroll', tabindex: '0', role: 'region', 'aria-label': `${title}: ${ui.hex}` }, hexTable),
    hidden > 0 && h('p', { class: 'hbh-more' }, fill(ui.moreBytes, { n: hidden })),
    h('div', { class: 'hbh-scroll', tabindex: '0', role: 'region', 'aria-label': `${title}: ${ui.field}` }, fieldTable),
  );
}

/** The protocol data of a hop, as tables. */
export function renderHopData(hop: Hop, s: PlayerStrings, lines: OriginLines = {}): VNode[] {
  const ui = s.ui;
  const links = originLinks(hop, lines);
  switch (hop.protocol) {
    case 'http':
      return [renderHttp(hop.http.raw, s)];
    case 'fastcgi': {
      const records = h(
        'section',
        { class: 'hbh-records', 'aria-label': ui.records },
        hop.fastcgi.records.map((record, i) => renderRecord(record, i, s)),
      );
      const params = hopVariables(hop);
      return params.length > 0 ? [records, pairsTable(ui.params, params, s, links)] : [records];
    }
    case 'uwsgi':
      if (hop.direction === 'response') return [renderHttp(hop.http.raw, s)];
      return [
        h('section', { class: 'hbh-records', 'aria-label': ui.uwsgiPacket }, renderUwsgiPacket(hop.uwsgi, s)),
        pairsTable(ui.uwsgiVars, hop.uwsgi.vars, s, links),
        ...(hop.uwsgi.body ? [textBlock(ui.body, hop.uwsgi.body, s)] : []),
      ];
    case 'wsgi':
      return hop.direction === 'request'
        ? [pairsTable(ui.environ, hop.wsgi.environ, s, links)]
        : [renderWsgiResponse(hop.wsgiResponse, s)];
    case 'asgi':
      return hop.direction === 'request'
        ? [pairsTable(ui.asgiScope, hop.asgi.scope, s, links), renderAsgiEvents(hop.asgi.events, s)]
        : [renderAsgiEvents(hop.asgiResponse.events, s)];
    case 'middleware':
      return renderMiddleware(hop.middleware, s);
    case 'cgi':
    case 'mod_wsgi':
    case 'php':
      if (hop.direction === 'response') return [textBlock(ui.stdout, hop.stdout.raw, s)];
      if (hop.protocol === 'php') return [pairsTable(hop.data.label, hop.data.pairs, s, links)];
      return [
        pairsTable(ui.env, hop.cgi.env, s, links),
        ...(hop.cgi.stdin ? [textBlock(ui.stdin, hop.cgi.stdin, s)] : []),
      ];
  }
}

/** ASGI events in order, each a figure: its keys ("type", "status", "more_body"), headers as byte pairs, the body. */
function renderAsgiEvents(events: readonly AsgiEvent[], s: PlayerStrings): VNode {
  const ui = s.ui;
  return h(
    'section',
    { class: 'hbh-asgi-events', 'aria-label': ui.asgiEvents },
    events.map((event, index) => {
      const keys: Pair[] = [['type', event.type]];
      if (event.status !== undefined) keys.push(['status', String(event.status)]);
      if (event.more_body !== undefined) keys.push(['more_body', event.more_body ? 'True' : 'False']);
      return h(
        'figure',
        { class: 'hbh-asgi-event' },
        h('figcaption', {}, fill(ui.asgiEvent, { n: index + 1, type: event.type })),
        pairsTable(ui.field, keys, s),
        event.headers && pairsTable(ui.headers, event.headers, s),
        event.body !== undefined && textBlock(ui.body, event.body, s),
      );
    }),
  );
}

/**
 * One middleware layer's pass: what it changed (a row per environ key, status, header or body, before and after),
 * then what it passed on whole: the environ going in, or the status, headers and body coming out.
 */
function renderMiddleware(pass: MiddlewarePass, s: PlayerStrings): VNode[] {
  const ui = s.ui;
  const parts = { environ: ui.diffEnviron, status: ui.diffStatus, header: ui.diffHeader, body: ui.diffBody };
  const kinds = { added: ui.diffAdded, changed: ui.diffChanged, removed: ui.diffRemoved };
  const cell = (value: string | undefined): VNode =>
    h('td', {}, value === undefined ? '' : h('code', { ...simulatorText(s) }, shown(value)));
  const diff =
    pass.diff.length === 0
      ? h('p', { class: 'hbh-diff-none' }, ui.middlewareNoDiff)
      : h(
          'table',
          { class: 'hbh-diff' },
          h('caption', {}, fill(ui.middlewareDiff, { layer: pass.layer })),
          columnHeads(ui.diffChange, ui.diffPart, ui.name, ui.diffBefore, ui.diffAfter),
          h(
            'tbody',
            {},
            pass.diff.map((row) =>
              h(
                'tr',
                { class: `diff-${row.change}` },
                h('td', {}, kinds[row.change]),
                h('td', {}, parts[row.part]),
                h('th', { scope: 'row' }, row.name === '' ? parts[row.part] : variableName(row.name, s)),
                cell(row.before),
                cell(row.after),
              ),
            ),
          ),
        );
  if (pass.environ) return [diff, pairsTable(ui.environ, pass.environ, s)];
  const response = pass.response;
  if (!response) return [diff];
  return [
    diff,
    h(
      'section',
      { class: 'hbh-wsgi-response', 'aria-label': ui.middlewareOut },
      h('p', {}, h('strong', {}, `${ui.status}: `), h('code', {}, shown(response.status))),
      pairsTable(ui.headers, response.headers, s),
      textBlock(ui.body, response.body, s),
    ),
  ];
}

/** What a WSGI application handed back: its status, headers, body and the order of its calls. */
function renderWsgiResponse(r: WsgiResponseHop['wsgiResponse'], s: PlayerStrings): VNode {
  const ui = s.ui;
  return h(
    'section',
    { class: 'hbh-wsgi-response', 'aria-label': ui.wsgiResponse },
    h('p', {}, h('strong', {}, `${ui.status}: `), h('code', {}, shown(r.status))),
    pairsTable(ui.headers, r.headers, s),
    textBlock(ui.body, r.body, s),
    h(
      'p',
      {},
      h('strong', {}, `${ui.calls}: `),
      r.calls.map((call, i) => [i > 0 ? ' → ' : '', h('code', {}, call)]).flat(),
    ),
  );
}

function renderChanges(hop: Hop, s: PlayerStrings): VElement {
  const ui = s.ui;
  if (hop.changes.length === 0) return h('p', { class: 'step-changes-none', ...NOT_INDEXED }, ui.noChanges);
  return h(
    'ul',
    { class: 'step-changes', 'aria-label': ui.changes, ...NOT_INDEXED },
    hop.changes.map((change) =>
      h(
        'li',
        { class: `change change-${change.kind}` },
        h('span', { class: 'change-kind' }, s.changes[change.kind]),
        ' ',
        change.from !== undefined && h('code', { class: 'change-from' }, shown(change.from)),
        change.from !== undefined && change.to !== undefined && ' → ',
        change.to !== undefined && h('code', { class: 'change-to' }, shown(change.to)),
        h('span', { class: 'annotation' }, ' — ', h('span', {}, messageNodes(change.message, s))),
      ),
    ),
  );
}

/** A node's label, given the labels a page knows; falls back to the id. */
export type NodeLabels = Readonly<Record<string, string>>;

/** What a page adds to the rendering of its steps. */
export interface StepContext {
  /** Node labels in the page language (ids otherwise). */
  labels?: NodeLabels;
  /** Where the page's configuration panel shows the lines behind variables ("Set by" links); none without a panel. */
  lines?: OriginLines;
  /** Fold the hop's protocol data into a closed disclosure (the compact player on term pages). */
  foldData?: boolean;
  /** The page language's step explanations: each step then says why its hop does what it does. */
  explanations?: ExplanationStrings;
  /** The faults the pipeline accepts: a hop into a fault's node offers it in a "Break this hop" menu. */
  faults?: readonly AcceptedFault[];
  /** The fault injected into the trace, when there is one (its menu shows it chosen). */
  fault?: FaultId | undefined;
}

/** A fault's name as a menu item: English starts with a capital, Chinese has none. */
const itemLabel = (label: string): string => label.charAt(0).toUpperCase() + label.slice(1);

/**
 * "Break this hop": the faults whose node this hop goes into (a request hop), or, on the hop that failed, the faults
 * of the nodes it joins, so the reader can take the fault back there. Shown once the player runs (CSS).
 */
function breakControl(hop: Hop, s: PlayerStrings, context: StepContext): VElement | false {
  const offered = (context.faults ?? []).filter((fault) =>
    hop.failed
      ? fault.node === hop.to || fault.node === hop.from
      : hop.direction === 'request' && fault.node === hop.to,
  );
  if (offered.length === 0) return false;
  return h(
    'div',
    { class: 'step-break', ...NOT_INDEXED },
    h(
      'label',
      {},
      h('span', {}, s.ui.breakHop),
      h(
        'select',
        { 'data-control': 'fault' },
        h('option', { value: '' }, s.ui.noFault),
        offered.map((fault) =>
          h(
            'option',
            { value: fault.id, ...(fault.id === context.fault ? { selected: '' } : {}) },
            itemLabel(s.faults[fault.id]),
          ),
        ),
      ),
    ),
  );
}

/** What failed on this hop (the hop where the injected fault happened). */
function failedNote(failed: Message, s: PlayerStrings): VElement {
  return h('p', { class: 'step-failed', role: 'note' }, h('strong', {}, s.ui.failedWhat), messageNodes(failed, s));
}

/**
 * The error-log lines written during this hop, as the servers write them: one block per server and file, one line
 * each, text only.
 */
function renderLog(lines: readonly LogLine[], s: PlayerStrings, labels: NodeLabels): VElement {
  const groups: { node: string; file: string; lines: string[] }[] = [];
  for (const line of lines) {
    const last = groups.at(-1);
    if (last && last.node === line.node && last.file === line.file) last.lines.push(line.line);
    else groups.push({ node: line.node, file: line.file, lines: [line.line] });
  }
  return h(
    'section',
    { class: 'step-log', 'aria-label': s.ui.errorLog, ...NOT_INDEXED },
    h('p', { class: 'step-log-title' }, h('strong', {}, s.ui.errorLog)),
    groups.map((group) =>
      h(
        'figure',
        { class: 'log-file' },
        h('figcaption', {}, fill(s.ui.logFile, { node: labels[group.node] ?? group.node, file: group.file })),
        h(
          'pre',
          { class: 'log-lines', lang: 'en' },
          group.lines.map((line) => h('span', { class: 'log-line' }, `${visibleControls(line)}\n`)),
        ),
      ),
    ),
  );
}

/** One step: an `<li id="step-N">` rendered from its own hop alone. */
export function renderStep(hop: Hop, index: number, s: PlayerStrings, context: StepContext = {}): VElement {
  const { labels = {}, lines = {}, foldData = false } = context;
  const data = h('div', { class: 'step-data', ...NOT_INDEXED }, renderHopData(hop, s, lines));
  const ui = s.ui;
  const n = index + 1;
  const failed = hop.failed ? { class: 'trace-step trace-step-failed', 'data-failed': '' } : { class: 'trace-step' };
  return h(
    'li',
    { id: `step-${n}`, ...failed, 'data-step': String(n), 'data-direction': hop.direction },
    h(
      'h3',
      { class: 'step-title' },
      h('span', { class: 'step-number' }, `${ui.step} ${n}`),
      ' ',
      `${labels[hop.from] ?? hop.from} → ${labels[hop.to] ?? hop.to}`,
      ' ',
      h('span', { class: `protocol protocol-${hop.protocol}` }, protocolLabel(hop.protocol, s.lang)),
      hop.failed && [
        ' ',
        h('span', { class: 'step-failed-badge' }, h('span', { 'aria-hidden': 'true' }, '✕ '), ui.failedHere),
      ],
    ),
    breakControl(hop, s, context),
    context.explanations && renderExplanation(hop, n, context.explanations, context.fault),
    h('p', { class: 'step-summary', ...NOT_INDEXED }, messageNodes(hop.summary, s)),
    h('p', { class: 'step-narration', lang: s.lang === 'en' ? 'en' : 'zh-CN' }, messageNodes(hop.narration, s)),
    hop.failed && failedNote(hop.failed, s),
    hop.log && hop.log.length > 0 && renderLog(hop.log, s, labels),
    h(
      'p',
      { class: 'step-provenance', ...NOT_INDEXED },
      h('span', { class: 'provenance-label' }, `${ui.provenance}: `),
      h('span', {}, partNodes(provenanceParts(hop.provenance, s.trace), s)),
    ),
    renderChanges(hop, s),
    foldData ? h('details', { class: 'step-data-fold' }, h('summary', {}, ui.hopData), data) : data,
  );
}

/** The located error of a malformed request, with its line and column in the request text. */
export function renderError(error: LocatedError, requestText: string, s: PlayerStrings): VElement {
  const ui = s.ui;
  const position = positionOfByte(requestText, error.offset);
  return h(
    'p',
    { class: 'trace-error', role: 'note', ...NOT_INDEXED },
    h('strong', {}, `${ui.error}: `),
    ...messageNodes(error.message, s),
    ' ',
    fill(ui.errorAt, { offset: error.offset, line: position.line, column: position.column }),
  );
}

/** The whole trace: the error (if any), every step in order, and the response. */
export function renderTrace(trace: Trace, requestText: string, s: PlayerStrings, context: StepContext = {}): VElement {
  const ui = s.ui;
  return h(
    'div',
    { class: 'trace', 'data-pipeline': trace.pipeline, 'data-steps': String(trace.hops.length) },
    trace.error && renderError(trace.error, requestText, s),
    h(
      'ol',
      { class: 'trace-steps' },
      trace.hops.map((hop, i) => renderStep(hop, i, s, context)),
    ),
    h(
      'section',
      { class: 'trace-response', 'aria-label': ui.response, ...NOT_INDEXED },
      renderHttp(trace.response.raw, s, ui.response),
    ),
  );
}
