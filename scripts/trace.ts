/**
 * Traces one raw HTTP request through a pipeline and prints the Trace.
 *   node scripts/trace.ts --pipeline <id> --request <file|-> [--format json|text] [--app <id>]
 * Exit codes: 0 traced (a rejected request too), 1 I/O error, 2 bad arguments or unknown pipeline.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { runPipeline, PIPELINE_IDS, WSGI_APPS, type WsgiAppId } from '../src/sim/index.ts';
import { formatTraceText } from '../src/sim/format-trace-text.ts';

const USAGE = `usage: trace --pipeline <id> --request <file|-> [--format json|text] [--app <id>]

  --pipeline  one of: ${PIPELINE_IDS.join(', ')}
  --request   a file with the raw request bytes, or - for stdin
  --format    json (default) or text
  --app       WSGI application where the pipeline has one: ${Object.keys(WSGI_APPS).join(', ')}
`;

function fail(message: string): never {
  process.stderr.write(`trace: ${message}\n\n${USAGE}`);
  process.exit(2);
}

function readArguments() {
  try {
    return parseArgs({
      args: process.argv.slice(2),
      options: {
        pipeline: { type: 'string' },
        request: { type: 'string' },
        format: { type: 'string', default: 'json' },
        app: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
}

const values = readArguments();
if (values.help) {
  process.stderr.write(USAGE);
  process.exit(0);
}
if (!values.pipeline) fail('--pipeline is required');
if (!PIPELINE_IDS.includes(values.pipeline)) fail(`unknown pipeline ${JSON.stringify(values.pipeline)}`);
if (!values.request) fail('--request is required');
if (values.format !== 'json' && values.format !== 'text') fail(`unknown format ${JSON.stringify(values.format)}`);
if (values.app !== undefined && !(values.app in WSGI_APPS)) fail(`unknown app ${JSON.stringify(values.app)}`);

let bytes: Uint8Array;
try {
  bytes = new Uint8Array(readFileSync(values.request === '-' ? 0 : values.request));
} catch (error) {
  process.stderr.write(
    `trace: cannot read ${values.request}: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
}

const trace = runPipeline(values.pipeline, bytes, values.app === undefined ? {} : { app: values.app as WsgiAppId });
process.stdout.write(values.format === 'text' ? formatTraceText(trace) : `${JSON.stringify(trace, null, 2)}\n`);
