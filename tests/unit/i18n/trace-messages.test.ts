import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  MESSAGE_IDS,
  PIPELINE_IDS,
  WSGI_APPS,
  runPipeline,
  type Message,
  type WsgiAppId,
} from '../../../src/sim/index.ts';
import { TRACE_MESSAGES, traceStrings, traceWords } from '../../../src/i18n/trace-messages.ts';
import { renderMessage } from '../../../src/i18n/render-message.ts';
import { cjkSpacing } from '../../../src/i18n/cjk-spacing.ts';
import { PRESETS } from '../../../src/player/presets.ts';
import { fromLatin1 } from '../../../src/sim/bytes.ts';

/**
 * The simulator speaks in message ids with values; src/i18n/trace-messages.ts holds their sentences. Every message
 * that any pipeline emits for the request corpus and the player's presets must have both sentences, with every slot
 * filled by the message's values.
 */
const corpusDir = fileURLToPath(new URL('../../fixtures/requests/', import.meta.url));
const requests: Uint8Array[] = [
  ...readdirSync(corpusDir)
    .filter((name) => name.endsWith('.http'))
    .map((name) => new Uint8Array(readFileSync(`${corpusDir}${name}`))),
  ...PRESETS.map((preset) => fromLatin1(preset.raw)),
];

/** Every message of a trace, nested ones included. */
function* messagesOf(message: Message): Generator<Message> {
  yield message;
  for (const value of Object.values(message.values ?? {})) if (typeof value === 'object') yield* messagesOf(value);
}

const emitted = new Map<string, Message>();
for (const id of PIPELINE_IDS) {
  for (const app of Object.keys(WSGI_APPS) as WsgiAppId[]) {
    for (const bytes of requests) {
      const trace = runPipeline(id, bytes, { app });
      const top = [
        ...trace.hops.flatMap((hop) => [hop.summary, hop.narration, ...hop.changes.map((change) => change.message)]),
        ...(trace.error ? [trace.error.message] : []),
      ];
      for (const message of top.flatMap((m) => [...messagesOf(m)])) {
        const key = `${message.id} ${JSON.stringify(Object.keys(message.values ?? {}).sort())}`;
        if (!emitted.has(key)) emitted.set(key, message);
      }
    }
  }
}

describe('the simulator’s messages and their sentences', () => {
  it('emits messages for the corpus and presets, only ids it declares', () => {
    expect(emitted.size).toBeGreaterThan(50);
    const declared = new Set<string>(MESSAGE_IDS);
    expect([...emitted.values()].map((m) => m.id).filter((id) => !declared.has(id))).toEqual([]);
  });

  it.each(['en', 'zh-cn'] as const)('every emitted message has a %s sentence with every slot filled', (lang) => {
    const strings = traceStrings(lang);
    const unfilled = [...emitted.values()]
      .map((message) => [message.id, renderMessage(message, strings)] as const)
      .filter(([, sentence]) => sentence.length === 0 || /\{\w+\}/.test(sentence));
    expect(unfilled).toEqual([]);
  });

  it('every slot of a sentence is a value the message carries, in both languages', () => {
    const problems: string[] = [];
    for (const message of emitted.values()) {
      const { en, 'zh-cn': zh } = TRACE_MESSAGES[message.id];
      const slots = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      if (JSON.stringify(slots(en)) !== JSON.stringify(slots(zh))) problems.push(`${message.id}: slots differ`);
      for (const slot of slots(en))
        if (!Object.hasOwn(message.values ?? {}, slot ?? '')) problems.push(`${message.id}: {${slot}}`);
    }
    expect(problems).toEqual([]);
  });

  it('declares no message it cannot say: every id has both sentences', () => {
    for (const id of MESSAGE_IDS) {
      expect(TRACE_MESSAGES[id].en.length, id).toBeGreaterThan(0);
      expect(TRACE_MESSAGES[id]['zh-cn'].length, id).toBeGreaterThan(0);
    }
  });

  it('writes Chinese with Chinese punctuation and spaces only between Han characters and Latin words', () => {
    const problems = Object.entries(TRACE_MESSAGES)
      .map(([id, sentences]) => [id, sentences['zh-cn']] as const)
      .filter(([id]) => id !== 'provenance.separator')
      .filter(
        ([, zh]) =>
          cjkSpacing(zh) !== zh ||
          /[\u4e00-\u9fff][,.:;()]|[,.:;(]\s*[\u4e00-\u9fff]/u.test(zh.replace(/\{\w+\}/g, 'x')) ||
          / [，。：；（）]|[，。：；（）] /u.test(zh),
      );
    expect(problems).toEqual([]);
  });

  it('says provenance in both languages', () => {
    const trace = runPipeline('nginx-fastcgi-flup', fromLatin1(PRESETS[0]?.raw ?? ''));
    const hop = trace.hops[0];
    if (!hop) throw new Error('no hop');
    expect(traceWords('en').provenance(hop.provenance)).toBe('verified against nginx 1.22.1 (Debian 12)');
    expect(traceWords('zh-cn').provenance(hop.provenance)).toBe('已对照 nginx 1.22.1（Debian 12）验证');
  });
});
