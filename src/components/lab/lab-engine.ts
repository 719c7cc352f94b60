/**
 * What the lab loads on the first Run, never before: the simulator (the gateway's environ, then the trace with the
 * reader's code in the application's place), Python in a worker (`LabRuntime`), and the player's renderers.
 */
import { PIPELINES, type PipelineDefinition, type Trace } from '../../sim/index.ts';
import { labEnviron } from '../../sim/lab/lab-environ.ts';
import { layerNames, runLab } from '../../sim/lab/run-lab.ts';
import { labPipeline } from '../../sim/lab/lab-nodes.ts';
import { LabRuntime, LabRunSuperseded, type LabProgress } from '../../lab/lab-runtime.ts';
import { registerLabOffline } from '../../lab/lab-offline.ts';
import type { LabRunResult } from '../../lab/lab-protocol.ts';
import type { LabState } from '../../lab/lab-url-state.ts';
import type { LabConfig } from './lab-config.ts';
import { playerStrings, type PlayerStrings } from '../../i18n/player.ts';
import { EXPLANATION_LABELS, STEP_EXPLANATIONS } from '../../i18n/step-explanations.ts';
import { nodeLabel } from '../../render/node-labels.ts';
import { pipelineChart } from '../../render/pipeline-chart.ts';
import { compareTraces } from '../../render/compare-traces.ts';
import { renderComparison } from '../../render/render-comparison.ts';
import { renderLabFailure, renderLabReport } from '../../render/render-lab-report.ts';
import { bytesToBase64 } from '../../sim/lab/base64.ts';
import { toDom } from '../to-dom.ts';
import { h } from '../../render/element-tree.ts';
import { renderHttp } from '../../render/render-trace.ts';
import type { LabTrace } from './lab-trace.ts';
import './lab-trace.ts';

export { findPreset } from '../../player/presets.ts';

type Ran = Extract<LabRunResult, { ok: true }>;
type Failed = Extract<LabRunResult, { ok: false }>;

/** One pipeline's run: its trace, and what the code did (absent when the request never reached it). */
export interface LabSide {
  pipeline: string;
  trace: Trace;
  result?: Ran;
}

/** A Run's outcome: both sides (the second when comparing), or why the code did not run. */
export type LabOutcome = { kind: 'ran'; main: LabSide; other?: LabSide } | { kind: 'failed'; failure: Failed };

let runtime: LabRuntime | undefined;

/** Who hears how far Python's loading has got (the workbench's loading bar). */
export interface LabLoadListener {
  progress(stage: LabProgress): void;
  bytes(loaded: number): void;
}

let listener: LabLoadListener | undefined;

/** Sends the runtime's loading stages and download progress to this listener from now on. */
export function watchLoading(next: LabLoadListener): void {
  listener = next;
}

type SideOrFailure = { kind: 'side'; side: LabSide } | { kind: 'failed'; failure: Failed };

/** Runs the code behind one pipeline. */
async function runOn(pipeline: string, state: LabState, bytes: Uint8Array): Promise<SideOrFailure> {
  const environ = labEnviron(pipeline, bytes);
  if (!environ.reached) return { kind: 'side', side: { pipeline, trace: environ.trace } };
  runtime ??= new LabRuntime({
    onProgress: (stage) => listener?.progress(stage),
    onDownload: (loaded) => listener?.bytes(loaded),
  });
  const result = await runtime.run({
    app: state.app,
    middleware: state.middleware,
    environ: environ.environ,
    input: bytesToBase64(environ.input),
    gateway: environ.gateway,
  });
  // Python has started: from now on the lab works offline (its pages, scripts and Python kept by a service worker).
  // Registered only now, so a visit that never runs code never downloads Python's 6 MB.
  if (result.ok || result.error.kind !== 'load') void registerLabOffline();
  if (!result.ok) return { kind: 'failed', failure: result };
  return { kind: 'side', side: { pipeline, trace: runLab(pipeline, bytes, result), result } };
}

/**
 * Runs the code on the state's pipeline, then on `compare` when given. Undefined when a newer Run replaced this one
 * while Python was busy (its answer no longer matters).
 */
export async function runInLab(state: LabState, text: string, compare?: string): Promise<LabOutcome | undefined> {
  const bytes = new TextEncoder().encode(text);
  try {
    const main = await runOn(state.pipeline, state, bytes);
    if (main.kind === 'failed') return main;
    if (!compare) return { kind: 'ran', main: main.side };
    const other = await runOn(compare, state, bytes);
    if (other.kind === 'failed') return other;
    return { kind: 'ran', main: main.side, other: other.side };
  } catch (error) {
    if (error instanceof LabRunSuperseded) return undefined;
    // The simulator refused the request (too large for it, say): said like any other failure, never a crash.
    const message = error instanceof Error ? error.message : String(error);
    return { kind: 'failed', failure: { type: 'result', id: 0, ok: false, error: { kind: 'internal', message } } };
  }
}

let strings: PlayerStrings | undefined;

/** The pipeline as a side's trace draws it: with the reader's middleware as nodes of their own when it ran. */
function drawn(side: LabSide): PipelineDefinition | undefined {
  const pipeline = PIPELINES[side.pipeline];
  if (!pipeline || !side.result) return pipeline;
  return labPipeline(pipeline, layerNames(side.result).middleware);
}

/** Draws an outcome into the workbench's result area. */
export function showOutcome(root: HTMLElement, outcome: LabOutcome, text: string, config: LabConfig): void {
  const { lang, strings: s } = config;
  strings ??= playerStrings(lang);
  const failure = root.querySelector<HTMLElement>('[data-run-error]');
  const view = root.querySelector<LabTrace>('lab-trace');
  const compare = root.querySelector<HTMLElement>('[data-compare]');
  const report = root.querySelector<HTMLElement>('[data-report]');
  const notReached = root.querySelector<HTMLElement>('[data-not-reached]');
  root.querySelector<HTMLElement>('[data-results-intro]')?.setAttribute('hidden', '');
  if (outcome.kind === 'failed') {
    failure?.replaceChildren(toDom(renderLabFailure(outcome.failure.error, s)));
    for (const element of [view, compare, notReached]) if (element) element.hidden = true;
    report?.replaceChildren();
    return;
  }
  failure?.replaceChildren();
  const { main, other } = outcome;
  const pipeline = drawn(main);
  if (!pipeline || !view) return;
  const labels = Object.fromEntries(pipeline.nodes.map((node) => [node.id, nodeLabel(node, lang)]));
  const explanations = { lang, table: STEP_EXPLANATIONS[lang], labels: EXPLANATION_LABELS[lang] };
  view.show({
    trace: main.trace,
    text,
    chart: pipelineChart(pipeline, lang, 'button'),
    strings,
    context: { labels, explanations },
  });
  if (notReached) notReached.hidden = main.result !== undefined;
  const response = h(
    'section',
    { class: 'lab-response', 'aria-labelledby': 'lab-response-title' },
    h('h3', { id: 'lab-response-title' }, s.response),
    // Captioned as the trace's messages are: the heading above already says whose response it is.
    renderHttp(main.trace.response.raw, strings),
  );
  report?.replaceChildren(toDom(response), ...(main.result ? [toDom(renderLabReport(main.result, s))] : []));
  const otherPipeline = other && drawn(other);
  if (compare) compare.hidden = !otherPipeline;
  if (!other || !otherPipeline || !compare) {
    compare?.replaceChildren();
    return;
  }
  const title = (id: string) => config.pipelines.find((p) => p.id === id)?.title ?? id;
  const sides = {
    a: { pipeline, title: title(main.pipeline), trace: main.trace },
    b: { pipeline: otherPipeline, title: title(other.pipeline), trace: other.trace },
  };
  compare.replaceChildren(toDom(renderComparison(compareTraces(main.trace, other.trace), sides, text, strings)));
}
