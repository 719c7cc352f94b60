import type { Message } from '../message.ts';
import type { FaultId } from './fault-ids.ts';

/**
 * A fault the pipeline cannot have (no backend to be down under wsgiref, no application behind a static file). The
 * reason is a message (the CLI prints it in English and exits 2; the player shows it in the page's language).
 */
export class UnsupportedFaultError extends Error {
  override readonly name = 'UnsupportedFaultError';
  readonly pipeline: string;
  readonly fault: FaultId;
  readonly reason: Message;

  constructor(pipeline: string, fault: FaultId, reason: Message) {
    super(`The pipeline ${JSON.stringify(pipeline)} does not accept the fault ${JSON.stringify(fault)} (${reason.id})`);
    this.pipeline = pipeline;
    this.fault = fault;
    this.reason = reason;
  }
}
