/** The process model: N concurrent requests through a pipeline's processes and threads. */
export { simulateProcessModel, simulateProcessViews } from './simulate-process-model.ts';
export {
  ProcessModelError,
  SETTING_KEYS,
  SETTING_LIMITS,
  STEADY_WARMUP,
  STEADY_WINDOW,
  architectureOf,
  defaultProcessModelSettings,
  relevantSettings,
  resolveSettings,
} from './settings.ts';
export { type ArchitectureKind, type ProcessArchitecture, type StartupPhase } from './architectures.ts';
export type {
  Lane,
  ProcessModelViews,
  SteadyStateWindow,
  LatencyStats,
  ProcessModelParams,
  ProcessModelResult,
  ProcessModelSettings,
  RequestTiming,
  Span,
  SpanPhase,
} from './process-model-types.ts';
