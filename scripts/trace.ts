/**
 * Traces one raw HTTP request through a pipeline and prints the Trace.
 *   node scripts/trace.ts --pipeline <id> --request <file|-> [--format json|text] [--app <id>] [--fault <id>]
 * Exit codes: 0 traced (a rejected request too), 1 I/O error or no request (an empty file or standard input),
 * 2 bad arguments, an unknown pipeline, application or fault (the message lists the known ones), a fault the
 * pipeline cannot have (the message says why), or a request over
 * MAX_REQUEST_BYTES (16 MiB). A reader that closes standard output early (`| head`) ends the run quietly with 0.
 * The README's "The trace CLI" section is the contract.
 */
import { createReadStream } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  runPipeline,
  PIPELINES,
  PIPELINE_IDS,
  WSGI_APPS,
  MAX_REQUEST_BYTES,
  RequestTooLargeError,
  UnknownNameError,
  UnsupportedFaultError,
  FAULT_IDS,
  type RunPipelineOptions,
  type WsgiAppId,
} from '../src/sim/index.ts';
import { hasOwnName } from '../src/sim/own-entry.ts';
import { formatTraceText } from '../src/sim/format-trace-text.ts';
import { traceWords } from '../src/i18n/trace-messages.ts';

const USAGE = `usage: trace --pipeline <id> --request <file|-> [--format json|text] [--app <id>] [--fault <id>]

  --pipeline  one of: ${PIPELINE_IDS.join(', ')}
  --request   a file with the raw request bytes (at most ${MAX_REQUEST_BYTES} bytes), or - for stdin
  --format    json (default) or text
  --app       WSGI application where the pipeline has one: ${Object.keys(WSGI_APPS).join(', ')}
  --fault     break one hop: ${FAULT_IDS.join(', ')} (each pipeline accepts the ones that can happen in it)
`;

function fail(message: string): never {
  process.stderr.write(`trace: ${message}\n\n${USAGE}`);
  process.exit(2);
}

function failIo(message: string): never {
  process.stderr.write(`trace: ${message}\n`);
  process.exit(1);
}

// A reader that stops early (`| head -c 10`) closes the pipe: there is nobody left to tell, so end quietly.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  failIo(`cannot write the trace: ${error.message}`);
});

function readArguments() {
  try {
    return parseArgs({
      args: process.argv.slice(2),
      options: {
        pipeline: { type: 'string' },
        request: { type: 'string' },
        format: { type: 'string', default: 'json' },
        app: { type: 'string' },
        fault: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
}

/** Reads the request, stopping as soon as it is larger than the simulator traces (memory stays bounded). */
async function readRequest(source: string): Promise<Uint8Array> {
  const stream = source === '-' ? process.stdin : createReadStream(source);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Uint8Array>) {
    size += chunk.length;
    if (size > MAX_REQUEST_BYTES) {
      stream.destroy();
      throw new RequestTooLargeError(size);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size);
}

const values = readArguments();
if (values.help) {
  process.stderr.write(USAGE);
  process.exit(0);
}
if (!values.pipeline) fail('--pipeline is required');
if (!hasOwnName(PIPELINES, values.pipeline))
  fail(`unknown pipeline ${JSON.stringify(values.pipeline)}; known: ${PIPELINE_IDS.join(', ')}`);
if (!values.request) fail('--request is required');
if (values.format !== 'json' && values.format !== 'text') fail(`unknown format ${JSON.stringify(values.format)}`);
if (values.app !== undefined && !hasOwnName(WSGI_APPS, values.app))
  fail(`unknown app ${JSON.stringify(values.app)}; known: ${Object.keys(WSGI_APPS).join(', ')}`);

let bytes: Uint8Array;
try {
  bytes = await readRequest(values.request);
} catch (error) {
  if (error instanceof RequestTooLargeError)
    fail(`the request is larger than ${MAX_REQUEST_BYTES} bytes (16 MiB), the most the simulator traces`);
  failIo(`cannot read ${values.request}: ${error instanceof Error ? error.message : String(error)}`);
}
if (bytes.length === 0)
  failIo(values.request === '-' ? 'no request on standard input' : `no request in ${values.request}`);

const options: RunPipelineOptions = {
  ...(values.app === undefined ? {} : { app: values.app as WsgiAppId }),
  ...(values.fault === undefined ? {} : { fault: values.fault }),
};
let trace;
try {
  trace = runPipeline(values.pipeline, bytes, options);
} catch (error) {
  if (error instanceof UnsupportedFaultError)
    fail(`${values.pipeline} cannot have the fault ${error.fault}: ${traceWords('en').message(error.reason)}`);
  if (error instanceof UnknownNameError || error instanceof RequestTooLargeError) fail(error.message);
  throw error;
}
process.stdout.write(
  values.format === 'text' ? formatTraceText(trace, traceWords('en')) : `${JSON.stringify(trace, null, 2)}\n`,
);
