/** What the lab page hands its workbench element, as JSON in the page (built by `labConfig` at build time). */
import type { Locale } from '../../i18n/locale.ts';
import type { LabStrings } from '../../i18n/lab.ts';
import type { LabLinkProblem } from '../../lab/lab-url-state.ts';
import type { LabExample } from '../../lab/examples/lab-example.ts';

export interface LabConfig {
  lang: Locale;
  strings: LabStrings;
  problems: Readonly<Record<LabLinkProblem, string>>;
  /** The pipelines that run a WSGI application (`selectableApp`), in the page language. */
  pipelines: { id: string; title: string }[];
  /** The player's preset ids, in menu order. */
  presets: string[];
  examples: LabExample[];
  /** Example id → title in the page language. */
  exampleTitles: Record<string, string>;
  /** What the first run downloads, said in words ("12 MB"). */
  downloadSize: string;
}
