/** Marks a trace's hops in a drawn pipeline diagram: the current hop's edge and nodes, past ones quieter, and a marker. */
import type { Hop } from '../../sim/index.ts';
import type { PlayerConfig } from './pipeline-data.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';
type DiagramIds = Pick<PlayerConfig, 'edges' | 'mermaidIds'>;

function edgePath(svg: SVGSVGElement, ids: DiagramIds, hop: Hop): SVGPathElement | null {
  const edge = ids.edges.find(([a, b]) => (a === hop.from && b === hop.to) || (a === hop.to && b === hop.from));
  if (!edge) return null;
  const [a, b] = edge.map((id) => ids.mermaidIds[id]);
  return svg.querySelector<SVGPathElement>(`path[data-id^="L_${a}_${b}_"]`);
}

function nodeElement(svg: SVGSVGElement, ids: DiagramIds, node: string): Element | null {
  const id = ids.mermaidIds[node];
  return id ? svg.querySelector(`g.node[data-id="${id}"], g.node[id*="-${id}-"]`) : null;
}

/** A circle that travels along the edge (CSS offset-path; still under reduced motion). */
function placeMarker(edge: SVGPathElement, hop: Hop): void {
  const d = edge.getAttribute('d');
  if (!d || !edge.parentNode) return;
  const marker = document.createElementNS(SVG_NS, 'circle');
  marker.setAttribute('r', '9');
  marker.setAttribute('class', 'hop-marker');
  marker.dataset['direction'] = hop.direction;
  marker.style.setProperty('offset-path', `path("${d.replace(/"/g, '')}")`);
  edge.parentNode.append(marker);
}

/** Highlights hops 1..step of `hops` in `svg` (step 1-based), replacing any earlier highlight. */
export function highlightHops(svg: SVGSVGElement, ids: DiagramIds, hops: readonly Hop[], step: number): void {
  for (const element of svg.querySelectorAll('.hop-current, .hop-past')) {
    element.classList.remove('hop-current', 'hop-past');
  }
  svg.querySelector('.hop-marker')?.remove();
  hops.slice(0, step).forEach((hop, index) => {
    const isCurrent = index === step - 1;
    const className = isCurrent ? 'hop-current' : 'hop-past';
    const edge = edgePath(svg, ids, hop);
    edge?.classList.add(className);
    for (const node of [hop.from, hop.to]) nodeElement(svg, ids, node)?.classList.add(className);
    if (isCurrent && edge) placeMarker(edge, hop);
  });
}
