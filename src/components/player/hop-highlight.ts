/** Marks a trace's hops in a pipeline chart: the current hop's arrow and boxes, past ones quieter. */
import type { Hop, Trace } from '../../sim/index.ts';
import { edgeKey } from '../../render/edge-key.ts';

function edgeOf(chart: Element, hop: Hop): HTMLElement | null {
  return (
    chart.querySelector<HTMLElement>(`[data-edge="${CSS.escape(edgeKey(hop.from, hop.to))}"]`) ??
    chart.querySelector<HTMLElement>(`[data-edge="${CSS.escape(edgeKey(hop.to, hop.from))}"]`)
  );
}

/**
 * Centres the current hop in a chart row that scrolls sideways (the player on a phone), moving the row only, never
 * the page, so the current hop is never cut off.
 */
function scrollIntoRow(edge: HTMLElement): void {
  const row = edge.closest<HTMLElement>('.chart-stages');
  if (!row || row.scrollWidth <= row.clientWidth) return;
  const box = row.getBoundingClientRect();
  const at = edge.getBoundingClientRect();
  const reduced = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  row.scrollTo({
    left: row.scrollLeft + at.left - box.left - (row.clientWidth - at.width) / 2,
    behavior: reduced ? 'auto' : 'smooth',
  });
}

/** Highlights hops 1..step of `hops` in `chart` (step 1-based), replacing any earlier highlight. */
export function highlightHops(chart: Element, hops: readonly Hop[], step: number): void {
  for (const element of chart.querySelectorAll('.hop-current, .hop-past')) {
    element.classList.remove('hop-current', 'hop-past');
  }
  hops.slice(0, step).forEach((hop, index) => {
    const className = index === step - 1 ? 'hop-current' : 'hop-past';
    const edge = edgeOf(chart, hop);
    if (edge) {
      edge.classList.remove('hop-past');
      edge.dataset['direction'] = hop.direction;
      // Reading the layout between removal and re-adding restarts the travelling dot for a hop on the same arrow.
      if (className === 'hop-current') void edge.offsetWidth;
      edge.classList.add(className);
      if (className === 'hop-current') scrollIntoRow(edge);
    }
    for (const node of [hop.from, hop.to]) {
      const element = chart.querySelector(`[data-node="${CSS.escape(node)}"]`);
      if (!element) continue;
      element.classList.remove('hop-past');
      element.classList.add(className);
    }
  });
}

/** The first step (1-based) whose hop reaches `node`, or leaves it when nothing reaches it (the client). */
export function stepOfNode(hops: readonly Hop[], node: string): number | undefined {
  const reaching = hops.findIndex((hop) => hop.to === node);
  const index = reaching >= 0 ? reaching : hops.findIndex((hop) => hop.from === node);
  return index >= 0 ? index + 1 : undefined;
}

/**
 * Draws the hop that failed (an injected fault) as failed: its arrow and the node the fault is in get the class
 * `hop-failed` and a marker, a visible ✕ and `label` for screen readers, so colour is never the only sign. Clears
 * an earlier mark first; a trace without a fault leaves the chart unmarked.
 */
export function markFailed(chart: Element, trace: Trace, label: string): void {
  for (const marker of chart.querySelectorAll('.chart-failed')) marker.remove();
  for (const element of chart.querySelectorAll('.hop-failed')) element.classList.remove('hop-failed');
  const hop = trace.hops.find((candidate) => candidate.failed);
  if (!hop || !trace.fault) return;
  const node = chart.querySelector(`[data-node="${CSS.escape(trace.fault.node)}"]`);
  for (const element of [edgeOf(chart, hop), node]) {
    if (!element) continue;
    element.classList.add('hop-failed');
    const marker = document.createElement('span');
    marker.className = 'chart-failed';
    const cross = document.createElement('span');
    cross.setAttribute('aria-hidden', 'true');
    cross.textContent = '✕';
    const text = document.createElement('span');
    text.className = 'sr-only';
    text.textContent = ` (${label})`;
    marker.append(cross, text);
    element.append(marker);
  }
}
