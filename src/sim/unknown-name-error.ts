/** What kind of name a caller gave: a pipeline id, a WSGI application id, a server profile id, a fault id. */
export type NameKind = 'pipeline' | 'app' | 'server' | 'fault';

/**
 * A name that is not one of the known ones (`runPipeline('toString', …)`, `{ app: '__proto__' }`). Names inherited
 * from `Object.prototype` are unknown like any other: lookups use own keys only (see `ownEntry`).
 */
export class UnknownNameError extends Error {
  override readonly name = 'UnknownNameError';
  /** What the name was meant to be. */
  readonly kind: NameKind;
  /** The name as given. */
  readonly given: string;
  /** Every known name of this kind. */
  readonly known: readonly string[];

  constructor(kind: NameKind, given: string, known: readonly string[]) {
    super(`Unknown ${kind} ${JSON.stringify(given)}; known: ${known.join(', ')}`);
    this.kind = kind;
    this.given = given;
    this.known = known;
  }
}
