/** A step's explanation: why this hop does what it does, and what its changes teach, in a fold open by default. */
import type { FaultId, Hop } from '../sim/index.ts';
import type { Locale } from '../i18n/locale.ts';
import type { ExplanationTable } from '../i18n/step-explanations.ts';
import { fill } from '../i18n/fill.ts';
import { explainStep, type ExplanationPart } from './step-explanation.ts';
import { h, type VElement } from './element-tree.ts';

/** What a page needs to explain its steps: its language's sentences and the fold's labels (built into the page). */
export interface ExplanationStrings {
  lang: Locale;
  table: ExplanationTable;
  labels: { why: string; lessons: string; whyLink: string };
}

/** One sentence, its `{name}`/`{to}` slots filled. */
export function explanationSentence(part: ExplanationPart, table: ExplanationTable): string {
  return fill(table[part.id], { name: part.name ?? '', to: part.to ?? '' });
}

/** The explanation's sentences as text: why, then the lessons (`fault`: the fault injected into the trace). */
export function explanationText(
  hop: Hop,
  strings: ExplanationStrings,
  fault?: FaultId,
): { why: string; lessons: string[] } {
  const { why, lessons } = explainStep(hop, fault);
  const joiner = strings.lang === 'en' ? ' ' : '';
  return {
    why: why.map((id) => strings.table[id]).join(joiner),
    lessons: lessons.map((part) => explanationSentence(part, strings.table)),
  };
}

/** The `<details open>` block shown under a step's heading; `n` is the 1-based step. */
export function renderExplanation(hop: Hop, n: number, strings: ExplanationStrings, fault?: FaultId): VElement {
  const { why, lessons } = explanationText(hop, strings, fault);
  return h(
    'details',
    // Kept out of the search index like the rest of a step's detail: the term pages answer for these words.
    { class: 'step-explanation', id: `step-${n}-why`, open: '', 'data-explanation': '', 'data-pagefind-ignore': '' },
    h('summary', {}, strings.labels.why),
    h('p', { class: 'step-why' }, why),
    lessons.length > 0 &&
      h(
        'div',
        { class: 'step-lessons' },
        h('p', { class: 'step-lessons-title' }, h('strong', {}, strings.labels.lessons)),
        h(
          'ul',
          {},
          lessons.map((lesson) => h('li', {}, lesson)),
        ),
      ),
  );
}
