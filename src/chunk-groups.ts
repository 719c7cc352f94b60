/**
 * How the client build groups the simulator's modules into chunks (astro.config.mjs, Rolldown's
 * `output.codeSplitting.groups`). The player imports one parts module per pipeline on demand
 * (src/sim/pipelines/parts/); left alone, the bundler makes a chunk of every set of modules a different set of them
 * shares, dozens of small files, each compressed alone.
 */
const SEP = String.raw`[\\/]`;
const CORE_PIPELINE_FILES =
  'trace-pipeline|hops|attach-origins|definition-origins|pipelined-requests|route|run-static|call-application|call-failing-application|stage-nodes';
/** Folders most pipelines' runners share: CGI responses (CGI, flup), WSGI, the applications, the faults. */
const SHARED_DIRS = 'http|cgi|wsgi|apps|faults';
/**
 * Server helpers only some pipelines' runners use, and the registry of every front server's profile
 * (server-profiles.ts: `partsOf` reads it, the player never does); in the core it would pull in every profile.
 */
const SERVER_FILES_ELSEWHERE = '(?:php-fpm|http-app-servers?|cgi-script-faults|upstream-failure|server-profiles)\\.ts';

export const CHUNK_GROUPS = [
  // The simulator's core, which every trace runs (the request parser, the tracer and its hops, the shared server
  // helpers, messages) and what most pipelines share (calling the application, WSGI, CGI responses, faults); what
  // fewer pipelines run (FastCGI, uwsgi, ASGI, the runners, the servers' profiles) stays with them.
  {
    name: 'sim-core',
    test: new RegExp(
      `${SEP}src${SEP}sim${SEP}(?:(?:${SHARED_DIRS})${SEP}|(?!index\\.ts)[\\w-]+\\.ts|pipelines${SEP}(?:${CORE_PIPELINE_FILES})\\.ts|servers${SEP}(?!${SERVER_FILES_ELSEWHERE})[\\w-]+\\.ts)`,
    ),
    priority: 2,
  },
  // The helpers every Python gateway model shares (its exceptions, the loop over a result, stderr lines): one chunk
  // rather than three small ones, each compressed alone, that every page tracing a Python gateway loads together.
  {
    name: 'python-gateway',
    test: new RegExp(
      `${SEP}src${SEP}sim${SEP}servers${SEP}python${SEP}(?:gateway-raise|replay-result|python-stderr)\\.ts`,
    ),
    priority: 1,
  },
  // Every manifest entry in one chunk (after the core took its modules): the process model, which loads as it nears
  // the viewport, reads them all, and the player its pipelines'.
  { name: 'pipeline-manifest', test: new RegExp(`${SEP}src${SEP}sim${SEP}pipelines${SEP}manifest${SEP}`), priority: 1 },
];
