import type { MessageId } from '../message.ts';
import type { FaultId } from './fault-ids.ts';

/** A fault a pipeline accepts: the node that fails (`php-fpm`, `wsgi-app`), as the manifest lists it. */
export interface AcceptedFault {
  id: FaultId;
  /** The node that fails: the hop into it (or out of it) is the one drawn as failed. */
  node: string;
}

/** A fault a pipeline cannot have, and why (a message id; its slots are filled with `pipeline` and `server`). */
export interface RefusedFault {
  id: FaultId;
  refused: MessageId;
}

/** One line of a pipeline's fault list: every pipeline says, for each fault id, whether it accepts it. */
export type PipelineFault = AcceptedFault | RefusedFault;

/** Whether the entry accepts its fault. */
export function isAccepted(fault: PipelineFault): fault is AcceptedFault {
  return Object.hasOwn(fault, 'node');
}
