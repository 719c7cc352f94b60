/**
 * Turns the simulator's messages and provenance into sentences of one language, given that language's strings
 * (`traceStrings` in `src/i18n/trace-messages.ts`). Kept apart from the table so the player bundle holds no sentences.
 */
import type { MessageValue, Provenance } from '../sim/trace.ts';
import type { TraceStringId, TraceStrings } from './trace-messages.ts';

/** A simulator message, or one over the provenance sentences. */
interface AnyMessage {
  id: TraceStringId;
  values?: Readonly<Record<string, MessageValue>>;
}

/** A piece of a rendered sentence: text of the sentence itself, or a value the simulator filled in. */
export type MessagePart = { text: string } | { value: string };

const SLOT = /\{(\w+)\}/g;

/** The sentence of `message` in parts, nested messages rendered in place; a slot without a value stays visible. */
export function messageParts(message: AnyMessage, strings: TraceStrings): MessagePart[] {
  const template = strings[message.id];
  const parts: MessagePart[] = [];
  let at = 0;
  for (const match of template.matchAll(SLOT)) {
    if (match.index > at) parts.push({ text: template.slice(at, match.index) });
    const name = match[1] ?? '';
    const value = message.values && Object.hasOwn(message.values, name) ? message.values[name] : undefined;
    if (value === undefined) parts.push({ text: match[0] });
    else if (typeof value === 'object') parts.push(...messageParts(value, strings));
    else parts.push({ value: String(value) });
    at = match.index + match[0].length;
  }
  if (at < template.length) parts.push({ text: template.slice(at) });
  return parts;
}

/** The sentence of `message` as plain text. */
export function renderMessage(message: AnyMessage, strings: TraceStrings): string {
  return messageParts(message, strings)
    .map((part) => ('text' in part ? part.text : part.value))
    .join('');
}

/** Where a hop's behaviour comes from, as a message over the provenance sentences. */
export function provenanceMessage(provenance: Provenance, strings: TraceStrings): AnyMessage {
  if (provenance.kind === 'modelled')
    return { id: 'provenance.modelled', values: { subject: provenance.subject, source: provenance.source } };
  if (provenance.kind === 'ran') return { id: 'provenance.ran', values: { subject: provenance.subject } };
  const distribution = [provenance.distribution, ...provenance.alongside].join(strings['provenance.separator']);
  return provenance.component === undefined
    ? { id: 'provenance.verified', values: { subject: provenance.subject, distribution } }
    : {
        id: 'provenance.verifiedPart',
        values: { subject: provenance.subject, component: provenance.component, distribution },
      };
}

/** Where a hop's behaviour comes from, in parts. */
export function provenanceParts(provenance: Provenance, strings: TraceStrings): MessagePart[] {
  return messageParts(provenanceMessage(provenance, strings), strings);
}

/** Where a hop's behaviour comes from, as plain text ("verified against nginx 1.22.1 (Debian 12)"). */
export function renderProvenance(provenance: Provenance, strings: TraceStrings): string {
  return provenanceParts(provenance, strings)
    .map((part) => ('text' in part ? part.text : part.value))
    .join('');
}
