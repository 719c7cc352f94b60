import type { MessageId } from '../message.ts';
import { FAULT_IDS, type FaultId } from './fault-ids.ts';
import type { PipelineFault } from './pipeline-fault.ts';

/** What a pipeline does with one fault: the node that fails, or the message saying why it cannot happen. */
export type FaultChoice = { node: string } | { refused: MessageId };

/**
 * A manifest entry's `faults`, one line per fault id in `FAULT_IDS` order. Taking a record keyed by every id makes
 * the type checker refuse a pipeline that forgets one.
 */
export function faultList(choices: Readonly<Record<FaultId, FaultChoice>>): readonly PipelineFault[] {
  return FAULT_IDS.map((id) => ({ id, ...choices[id] }));
}

/** The same refusal for every fault (a static pipeline has nothing behind the server to fail). */
export function refuseAll(refused: MessageId): readonly PipelineFault[] {
  return faultList(Object.fromEntries(FAULT_IDS.map((id) => [id, { refused }])) as Record<FaultId, FaultChoice>);
}
