/**
 * What the simulator says, as data: a message id and the values for its slots. The sentences for every id live in
 * `src/i18n/trace-messages.ts`, in English and Chinese; the CLI and the player fill them with `src/i18n/fill.ts`.
 * Values are plain data (names, numbers, quoted bytes) or another message (a rejection's reason), never a sentence.
 */
import { MESSAGE_IDS } from './message-ids.ts';

export type MessageId = (typeof MESSAGE_IDS)[number];

/** A slot's value: a name, a number, a piece of the request, or a nested message (rendered in the same language). */
export type MessageValue = string | number | Message;

export interface Message {
  id: MessageId;
  values?: Record<string, MessageValue>;
}

/** A message with its slot values. */
export function msg(id: MessageId, values?: Record<string, MessageValue>): Message {
  return values ? { id, values } : { id };
}
