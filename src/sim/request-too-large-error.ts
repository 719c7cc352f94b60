/**
 * The largest request the simulator traces: 16 MiB. A trace carries the request's bytes several times over (the
 * client's request, CGI stdin or FastCGI STDIN records as hex, the application's input), and JSON writes a control
 * byte as six characters: a 16 MiB request of control bytes gives about 336 million characters of JSON through
 * nginx → flup, the largest case, which is under JavaScript's longest string (about 537 million) and takes the CLI
 * about 1.6 GB at its peak. Larger requests would end in a RangeError or exhaust memory. 16 MiB is still far above any
 * request a reader types or a link carries, and above nginx's default client_max_body_size (1 MiB).
 */
export const MAX_REQUEST_BYTES = 16 * 1024 * 1024;

/** A request larger than `MAX_REQUEST_BYTES`: thrown before any work, so memory stays proportional to the input. */
export class RequestTooLargeError extends Error {
  override readonly name = 'RequestTooLargeError';
  /** The request's size in bytes (at least this many, when it was read from a stream and reading stopped). */
  readonly size: number;
  /** The limit it exceeded. */
  readonly limit: number;

  constructor(size: number, limit: number = MAX_REQUEST_BYTES) {
    super(`The request is ${size} bytes; the simulator traces at most ${limit} bytes (16 MiB)`);
    this.size = size;
    this.limit = limit;
  }
}
