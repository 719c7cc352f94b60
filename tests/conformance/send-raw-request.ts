import { connect } from 'node:net';
import { measureResponses } from './response-framing.ts';

/** How long to wait, and for how many responses. */
export interface SendOptions {
  port: number;
  /** Final responses to wait for (more than one for pipelined requests). */
  responses: number;
  /** Give up on a response that never completes after this long. */
  timeoutMs: number;
  /** After the expected responses are complete, wait this long for stray extra bytes. */
  settleMs: number;
}

/** What came back, and why reading stopped. */
export interface Exchange {
  raw: Buffer;
  /** `close`: the server closed; `complete`: the responses were complete; `timeout`: neither in time. */
  ended: 'close' | 'complete' | 'timeout';
  /** The client's ephemeral port, which the server reports as REMOTE_PORT. */
  clientPort: number;
  /** A socket error such as ECONNRESET, if one ended the exchange. */
  socketError: string | null;
}

/** Send the request bytes verbatim in one write and read the response(s) (RFC 9112 framing). */
export function sendRawRequest(request: Uint8Array, options: SendOptions): Promise<Exchange> {
  const method = /^[^ \r\n]*/.exec(Buffer.from(request).toString('latin1'))?.[0] ?? '';
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let clientPort = 0;
    let settleTimer: NodeJS.Timeout | undefined;
    let finished = false;
    const socket = connect({ host: '127.0.0.1', port: options.port });
    const finish = (ended: Exchange['ended'], socketError: string | null = null): void => {
      if (finished) return;
      finished = true;
      clearTimeout(overall);
      clearTimeout(settleTimer);
      socket.destroy();
      resolve({ raw: Buffer.concat(chunks), ended, clientPort, socketError });
    };
    const overall = setTimeout(() => finish('timeout'), options.timeoutMs);
    socket.once('connect', () => {
      clientPort = socket.localPort ?? 0;
      socket.write(request);
    });
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      clearTimeout(settleTimer);
      const state = measureResponses(Buffer.concat(chunks), method);
      if (state.completeResponses >= options.responses && !state.endsAtClose) {
        settleTimer = setTimeout(() => finish('complete'), options.settleMs);
      }
    });
    socket.once('end', () => finish('close'));
    socket.once('error', (error: NodeJS.ErrnoException) => finish('close', error.code ?? error.message));
  });
}
