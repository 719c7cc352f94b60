/**
 * A pipeline the lab cannot run the reader's code behind: an unknown id, or one whose end is not a WSGI application
 * (static files, PHP, ASGI). Says which pipelines it can.
 */
export class LabPipelineError extends Error {
  override readonly name = 'LabPipelineError';
  /** The pipeline id as given. */
  readonly given: string;
  /** Every pipeline the lab runs behind (`selectableApp: true`). */
  readonly known: readonly string[];

  constructor(given: string, known: readonly string[], isPipeline: boolean) {
    super(
      `${isPipeline ? 'Pipeline' : 'Unknown pipeline'} ${JSON.stringify(given)}${
        isPipeline ? ' ends in no WSGI application the lab can replace' : ''
      }; lab pipelines: ${known.join(', ')}`,
    );
    this.given = given;
    this.known = known;
  }
}
