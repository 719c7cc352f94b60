/**
 * Which sentences explain a step: chosen from the step's own trace entry (protocol, direction, what it carries, the
 * nodes it joins and its changes), never from the simulator's English notes. The sentences themselves live in
 * `src/i18n/step-explanations.ts`; this module only names them, so the browser bundle carries no prose.
 */
import type { Change, FaultId, Hop } from '../sim/index.ts';
import type { ExplanationId } from '../i18n/step-explanations.ts';

/** A sentence to show, with the values its `{name}`/`{to}` slots take. */
export interface ExplanationPart {
  id: ExplanationId;
  name?: string | undefined;
  to?: string | undefined;
}

/** Why the hop does what it does, and the lessons its changes teach. */
export interface StepExplanation {
  why: ExplanationId[];
  lessons: ExplanationPart[];
}

const APACHE_MODULES = new Set(['mod_cgid', 'mod_proxy_fcgi', 'mod_wsgi', 'mod_wsgi-daemon', 'mod_python']);
/** The HTTP server a request arrives at, by node id. */
const ARRIVAL: Readonly<Record<string, ExplanationId>> = {
  apache2: 'arrivalApache',
  nginx: 'arrivalNginx',
  lighttpd: 'arrivalLighttpd',
  wsgiref: 'arrivalPython',
  werkzeug: 'arrivalPython',
  cheroot: 'arrivalPython',
};
/** How an application server behind a proxy reads the proxy's request, by its node id. */
const UPSTREAM_READS: Readonly<Record<string, ExplanationId>> = { uvicorn: 'uvicornReads' };
/** What builds the WSGI environ, by the node that calls the application. */
const WSGI_SOURCE: Readonly<Record<string, ExplanationId>> = {
  'cgi-script': 'wsgiFromCgi',
  flup: 'wsgiFromFlup',
  uwsgi: 'wsgiFromUwsgi',
  mod_wsgi: 'wsgiFromModWsgi',
  'mod_wsgi-daemon': 'wsgiFromDaemon',
  mod_python: 'wsgiFromModPython',
  gunicorn: 'wsgiFromGunicorn',
};
const RE_CONTINUE = /^HTTP\/1\.1 100 /;

const arrival = (hop: Hop): ExplanationId[] => [ARRIVAL[hop.to] ?? 'arrivalOther', 'arrivalLook'];

function proxyRequest(hop: Hop): ExplanationId[] {
  const reads = UPSTREAM_READS[hop.to];
  return reads ? ['proxyRequest', reads, 'proxyRequestLook'] : ['proxyRequest', 'proxyRequestLook'];
}

function fastcgiRequest(hop: Hop): ExplanationId[] {
  const records = hop.fastcgi?.records ?? [];
  const has = (type: string, empty: boolean) =>
    records.some((r) => r.type === type && (r.contentLength === 0) === empty);
  const why: ExplanationId[] = ['fastcgiRequest'];
  if (hop.to === 'php-fpm') why.push('fastcgiPhpFpm');
  if (records.some((r) => r.type === 'BEGIN_REQUEST')) why.push('fastcgiBegin');
  if (has('PARAMS', false)) why.push('fastcgiParams');
  if (has('PARAMS', true)) why.push('fastcgiEmptyParams');
  if (has('STDIN', false)) why.push('fastcgiStdin');
  if (has('STDIN', true)) why.push('fastcgiEmptyStdin');
  return why;
}

function fastcgiResponse(hop: Hop): ExplanationId[] {
  const records = hop.fastcgi?.records ?? [];
  const why: ExplanationId[] = ['fastcgiStdout'];
  if (records.some((r) => r.type === 'STDOUT' && r.contentLength === 0)) why.push('fastcgiEmptyStdout');
  if (records.some((r) => r.type === 'END_REQUEST')) why.push('fastcgiEnd');
  return why;
}

function wsgiRequest(hop: Hop): ExplanationId[] {
  const why: ExplanationId[] = ['wsgiCall', WSGI_SOURCE[hop.from] ?? 'wsgiFromServer', 'wsgiSplit'];
  if (hop.wsgi?.input) why.push('wsgiInput');
  return why;
}

function httpResponse(hop: Hop): ExplanationId[] {
  const raw = hop.http?.raw ?? '';
  if (hop.changes.some((c) => c.kind === 'rejected')) {
    // The status code of "HTTP/1.1 400 Bad Request".
    const status = raw.slice(9, 12);
    const why: ExplanationId[] = ['responseRejected'];
    if (status === '400') why.push('rejected400');
    else if (status === '501') why.push('rejected501');
    return why;
  }
  // Header lines start after a CRLF; the traced application's body has LF lines of NAME=value, so it never matches.
  const why: ExplanationId[] = [hop.to === 'client' ? 'responseHttp' : 'proxyResponse'];
  if (/\r\ntransfer-encoding:[ \t]*chunked/i.test(raw)) why.push('responseChunked');
  if (/\r\nconnection:[ \t]*close/i.test(raw)) why.push('responseClose');
  return why;
}

/** The sentences that say why this hop does what it does, by protocol and direction. */
function whyOf(hop: Hop): ExplanationId[] {
  if (hop.direction === 'request') {
    switch (hop.protocol) {
      case 'http':
        return hop.from === 'client' ? arrival(hop) : proxyRequest(hop);
      case 'cgi': {
        const why: ExplanationId[] = ['cgiRequest'];
        if (hop.from === 'mod_cgid') why.push('cgiMod_cgid');
        why.push('cgiLook');
        if (hop.cgi?.stdin) why.push('cgiStdin');
        return why;
      }
      case 'mod_wsgi':
        return ['daemonRequest'];
      case 'fastcgi':
        return fastcgiRequest(hop);
      case 'uwsgi':
        return hop.uwsgi?.body
          ? ['uwsgiRequest', 'uwsgiHeader', 'uwsgiVars', 'uwsgiBody']
          : ['uwsgiRequest', 'uwsgiHeader', 'uwsgiVars'];
      case 'php':
        return ['phpServer'];
      case 'wsgi':
        return wsgiRequest(hop);
      case 'asgi':
        return ['asgiCall', 'asgiScope'];
      case 'middleware':
        return ['middlewareIn', 'middlewareInLook'];
    }
  }
  switch (hop.protocol) {
    case 'http':
      return httpResponse(hop);
    case 'fastcgi':
      return fastcgiResponse(hop);
    case 'uwsgi':
      return ['uwsgiResponse'];
    case 'cgi':
      return ['cgiStdout'];
    case 'php':
      return ['phpStdout'];
    case 'mod_wsgi':
      return ['daemonResponse'];
    case 'asgi':
      return ['asgiResponse', 'asgiResponseLook'];
    case 'wsgi': {
      const why: ExplanationId[] = ['wsgiResponse', 'wsgiResponseLook'];
      if (hop.changes.some((c) => c.kind === 'rejected')) why.push('wsgiRejected');
      return why;
    }
    case 'middleware':
      return ['middlewareOut', 'middlewareOutLook'];
  }
}

const lower = (value: string | undefined): string => (value ?? '').toLowerCase();
const isProxy = (c: Change) => lower(c.from) === 'proxy';
const isUnderscoreHeader = (c: Change) => c.from !== undefined && c.from.includes('_') && !c.from.startsWith('HTTP_');

/** The lesson a change teaches, if it is one of the known ones. */
function lessonOf(change: Change, hop: Hop, changes: readonly Change[]): ExplanationPart[] {
  const from = lower(change.from);
  const to = change.to ?? '';
  const named = (id: ExplanationId): ExplanationPart => ({ id, name: change.from, to: change.to });
  switch (change.kind) {
    case 'renamed':
      if (isProxy(change) && to === 'HTTP_PROXY') {
        const parts = [named('lessonHttpoxy')];
        if (hop.protocol === 'wsgi') parts.push(named('lessonHttpoxyWsgi'));
        if (hop.protocol === 'fastcgi' && hop.from === 'ngx_http_fastcgi_module')
          parts.push(named('lessonHttpoxyFastcgi'));
        return parts;
      }
      if (isUnderscoreHeader(change)) return [named('lessonUnderscoreKept')];
      if (from === 'host') return [named('lessonHost')];
      if (from === 'transfer-encoding') return [named('lessonTeKept')];
      if (to.startsWith('HTTP_')) return [named('lessonHttpPrefix')];
      return [];
    case 'dropped':
      if (isProxy(change)) return [named('lessonHttpoxyDropped')];
      if (change.from === 'HTTP_PROXY') return [named('lessonHttpoxyPhp')];
      if (from === 'transfer-encoding') return [named('lessonTeDropped')];
      if (from === 'host' && changes.some((c) => c.kind === 'added' && c.to === 'HTTP_HOST'))
        return [named('lessonHostNginx')];
      if (isUnderscoreHeader(change)) {
        if (hop.from === 'ngx_http_fastcgi_module' || hop.from === 'ngx_http_uwsgi_module')
          return [named('lessonUnderscoreNginx')];
        if (hop.from === 'ngx_http_proxy_module') return [named('lessonUnderscoreProxy')];
        if (APACHE_MODULES.has(hop.from)) return [named('lessonUnderscoreApache')];
      }
      return [];
    case 'joined':
      return [named('lessonJoined')];
    case 'framed':
      return [named('lessonChunked')];
    case 'decoded':
      return to === 'PATH_INFO' ? [named('lessonPathInfo')] : [];
    default:
      return [];
  }
}

/** What happens on the hop where each fault happens, and what to check in one's own setup. */
const FAULT_WHY: Readonly<Record<FaultId, readonly [ExplanationId, ExplanationId]>> = {
  'backend-down': ['faultBackendDown', 'faultCheckBackendDown'],
  'app-exception': ['faultAppException', 'faultCheckAppException'],
  'bad-response': ['faultBadResponse', 'faultCheckBadResponse'],
  'app-timeout': ['faultAppTimeout', 'faultCheckAppTimeout'],
};
/** The status a server answers a fault with, by its three digits. */
const FAULT_STATUS: Readonly<Record<string, ExplanationId>> = {
  '200': 'faultStatus200',
  '500': 'faultStatus500',
  '502': 'faultStatus502',
  '503': 'faultStatus503',
  '504': 'faultStatus504',
};

/**
 * A faulty trace's steps: the hop that failed says what failed and what to check; the response to the client says
 * what its error status means (RFC 9110 §15.6).
 */
function faultWhy(hop: Hop, fault: FaultId, why: ExplanationId[]): { why: ExplanationId[]; check?: ExplanationId } {
  if (hop.failed) {
    const [what, check] = FAULT_WHY[fault];
    return { why: [what, 'faultFailedHere'], check };
  }
  if (hop.direction !== 'response' || hop.to !== 'client') return { why };
  // The status code of "HTTP/1.1 502 Bad Gateway".
  const status = FAULT_STATUS[(hop.http?.raw ?? '').slice(9, 12)];
  return { why: status ? [...why, status] : why };
}

/** The explanation of one step, from its trace entry alone (and the fault injected into the trace, if any). */
export function explainStep(hop: Hop, fault?: FaultId): StepExplanation {
  const lessons: ExplanationPart[] = [];
  const seen = new Set<ExplanationId>();
  const add = (part: ExplanationPart) => {
    if (seen.has(part.id)) return;
    seen.add(part.id);
    lessons.push(part);
  };
  // The dangerous lessons first (httpoxy, underscore headers), then the others in the order of the changes.
  const urgent = (c: Change) => isProxy(c) || isUnderscoreHeader(c);
  const ordered = [...hop.changes.filter(urgent), ...hop.changes.filter((c) => !urgent(c))];
  // On the hop that failed, what to check comes first; a timeout the trace names (`fault.readTimeout`: its setting
  // and value) was shortened for the capture.
  const faulty = fault ? faultWhy(hop, fault, whyOf(hop)) : { why: whyOf(hop) };
  if (faulty.check) add({ id: faulty.check });
  const { setting, value } = hop.failed?.values ?? {};
  if (fault === 'app-timeout' && typeof setting === 'string')
    add({ id: 'faultTimeoutShortened', name: setting, to: typeof value === 'object' ? '' : String(value ?? '') });
  for (const change of ordered) for (const part of lessonOf(change, hop, hop.changes)) add(part);
  if (hop.direction === 'response' && RE_CONTINUE.test(hop.http?.raw ?? '')) add({ id: 'lessonContinue' });
  return { why: faulty.why, lessons };
}
