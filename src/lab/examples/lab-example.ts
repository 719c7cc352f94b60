import type { LabSource } from '../lab-protocol.ts';

/** The lab's examples, in the order the page offers them. */
export const LAB_EXAMPLE_IDS = ['hello', 'middleware-stack', 'prefix-fix', 'pig-latin', 'broken'] as const;

/** One of the lab's examples. */
export type LabExampleId = (typeof LAB_EXAMPLE_IDS)[number];

/**
 * An example to start from: the application, its middleware (outermost first, as `LabRunRequest.middleware`), and
 * the pipeline and request that show it best. Its title and explanation live in `src/i18n/lab-examples.ts`.
 */
export interface LabExample {
  id: LabExampleId;
  app: LabSource;
  middleware: LabSource[];
  pipeline: string;
  request: string;
}
