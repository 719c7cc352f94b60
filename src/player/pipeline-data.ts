/** Build-time helpers shared by the pipeline page, the index and the embedded player. */
import {
  PIPELINES,
  runPipeline,
  type AcceptedFault,
  type FaultId,
  type PipelineDefinition,
  type Trace,
} from '../sim/index.ts';
import { type Locale, localePath } from '../i18n/locale.ts';
import type { WsgiAppId } from '../sim/apps/wsgi-apps.ts';
import { defaultPresetId, findPreset, PRESETS } from './presets.ts';
import { nodeLabel } from '../render/node-labels.ts';
import { PLAYER_UI, fill, playerStrings, type PlayerStrings } from '../i18n/player.ts';
import type { OriginLines } from '../render/origin-anchor.ts';
import type { ExplanationStrings } from '../render/render-explanation.ts';
import { EXPLANATION_LABELS, STEP_EXPLANATIONS } from '../i18n/step-explanations.ts';
import { acceptedFaults } from './fault-presets.ts';
import { conformanceOf } from '../sim/pipelines/manifest/conformance.ts';

/** What the player element needs to know about its pipeline, passed as `data-config`. */
export interface PlayerConfig {
  pipeline: string;
  lang: Locale;
  /** The default preset of this pipeline (the trace rendered at build time). */
  defaultPreset: string;
  /** Node id → label. */
  labels: Record<string, string>;
  /** Where the pipeline pages live for this language ("/pipelines/" or "/zh-cn/pipelines/"). */
  base: string;
  /** Compare choices: id → title. */
  pipelines: Record<string, string>;
  /** The preset ids a link's `?req=` may name. */
  presets: string[];
  /**
   * The faults this pipeline accepts (the "Break this hop" menus, `?fault=`); none on an embedded player, which
   * never re-traces.
   */
  faults: AcceptedFault[];
  /** The faults each other pipeline accepts, for the comparison (pipelines that accept none are left out). */
  compareFaults: Record<string, AcceptedFault[]>;
  /**
   * Per fault, what the conformance capture changes in the reference configuration (a shortened timeout), said in
   * the page language; the player shows it while that fault is injected.
   */
  faultNotes: Partial<Record<FaultId, string>>;
  /** Embedded on a term page: never reads or writes the URL. */
  embedded: boolean;
  /** Every interface string the player and its renderer use, in the page language. */
  strings: PlayerStrings;
  /** Where the configuration panel shows the lines behind variables (empty when there is no panel). */
  originLines: OriginLines;
  /**
   * The page language's step explanations, for steps rendered in the browser after a re-trace (pipeline pages
   * only: an embedded player shows its build-time step and never re-traces).
   */
  explanations?: ExplanationStrings;
}

/** The step explanations of one language, as the renderer takes them. */
export function explanationStrings(lang: Locale): ExplanationStrings {
  return { lang, table: STEP_EXPLANATIONS[lang], labels: EXPLANATION_LABELS[lang] };
}

/** The pipeline definition, or an error naming the bad id. */
export function pipelineById(id: string): PipelineDefinition {
  const pipeline = Object.hasOwn(PIPELINES, id) ? PIPELINES[id] : undefined;
  if (!pipeline) throw new Error(`unknown pipeline id "${id}"`);
  return pipeline;
}

/**
 * The default request text of a pipeline and its trace, ending in `app` when given (a term page can show, say, a
 * web.py application behind `apache-cgi`) and in the plain WSGI application otherwise.
 */
export function defaultTrace(
  pipeline: PipelineDefinition,
  app?: WsgiAppId,
): { presetId: string; text: string; trace: Trace } {
  const presetId = defaultPresetId(pipeline.kind);
  const text = findPreset(presetId)?.raw ?? '';
  const options = app === undefined ? {} : { app };
  return { presetId, text, trace: runPipeline(pipeline.id, new TextEncoder().encode(text), options) };
}

/** The player configuration for a pipeline. */
export function playerConfig(
  pipeline: PipelineDefinition,
  lang: Locale,
  embedded = false,
  originLines: OriginLines = {},
): PlayerConfig {
  const labels: Record<string, string> = {};
  for (const node of pipeline.nodes) labels[node.id] = nodeLabel(node, lang);
  return {
    pipeline: pipeline.id,
    lang,
    defaultPreset: defaultPresetId(pipeline.kind),
    labels,
    base: localePath(lang, '/pipelines/'),
    pipelines: Object.fromEntries(Object.values(PIPELINES).map((p) => [p.id, p.title[lang]])),
    presets: PRESETS.map((preset) => preset.id),
    faults: embedded ? [] : acceptedFaults(pipeline),
    compareFaults: embedded ? {} : compareFaults(pipeline.id),
    faultNotes: embedded ? {} : faultNotes(pipeline, lang),
    embedded,
    strings: playerStrings(lang),
    originLines,
    ...(embedded ? {} : { explanations: explanationStrings(lang) }),
  };
}

/** What each fault's capture changes in the reference configuration, one sentence per fault that changes any. */
export function faultNotes(pipeline: PipelineDefinition, lang: Locale): Partial<Record<FaultId, string>> {
  const ui = PLAYER_UI[lang];
  const notes: Partial<Record<FaultId, string>> = {};
  for (const run of conformanceOf(pipeline.id).faultRuns ?? []) {
    const said = (run.changes ?? []).map((change) =>
      fill(ui.faultShortened, {
        setting: change.setting,
        file: change.file,
        captured: change.captured,
        reference: change.byDefault ? fill(ui.byDefault, { value: change.reference }) : change.reference,
      }),
    );
    if (said.length > 0) notes[run.fault] = said.join(lang === 'en' ? ' ' : '');
  }
  return notes;
}

/** The accepted faults of every pipeline but `id` that accepts any. */
function compareFaults(id: string): Record<string, AcceptedFault[]> {
  const table: Record<string, AcceptedFault[]> = {};
  for (const other of Object.values(PIPELINES)) {
    const faults = acceptedFaults(other);
    if (other.id !== id && faults.length > 0) table[other.id] = faults;
  }
  return table;
}

/** JSON safe to put inside a `<script type="application/json">` (no `</script>` or `<!--` can form). */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
