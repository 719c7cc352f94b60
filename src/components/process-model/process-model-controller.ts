import {
  ProcessModelError,
  SETTING_LIMITS,
  simulateProcessModel,
  type ProcessModelLang,
  type ProcessModelSettings,
} from '../../sim/process-model/index.ts';
import { FIELD_TEXT, PM_TEXT, fill } from '../../i18n/process-model.ts';
import { idleLanes, resultNumbers, summarize, tableRows, timelineSvgs } from './timeline-view.ts';
import { toDom } from './view-node.ts';

type SettingKey = keyof ProcessModelSettings;

const isSettingKey = (name: string): name is SettingKey => Object.hasOwn(SETTING_LIMITS, name);

/** Why a typed value is not allowed, in the reader's language; undefined when it is fine. */
function problemOf(key: SettingKey, value: number, lang: ProcessModelLang): string | undefined {
  const { min, max, integer, minExclusive } = SETTING_LIMITS[key];
  const label = FIELD_TEXT[lang][key].label;
  const t = PM_TEXT[lang];
  if (minExclusive && value === min) return fill(t.positive, { label });
  if (Number.isFinite(value) && value >= min && value <= max && (!integer || Number.isInteger(value))) return undefined;
  return fill(t.invalid, { label, min, max, whole: integer ? t.whole : '' });
}

/** Enables a server-rendered process model: re-simulates and redraws whenever a parameter changes. */
export function enhanceProcessModel(root: HTMLElement): void {
  const pipeline = root.dataset['pipeline'] ?? '';
  const lang: ProcessModelLang = root.dataset['lang'] === 'zh-cn' ? 'zh-cn' : 'en';
  const prefix = root.dataset['prefix'] ?? 'pm';
  const form = root.querySelector('form');
  const fieldset = form?.querySelector('fieldset');
  const error = root.querySelector<HTMLElement>('[data-pm-error]');
  if (!form || !fieldset || !error) return;
  const inputs = [...form.querySelectorAll<HTMLInputElement>('input[name]')];

  const redraw = () => {
    const params: Partial<ProcessModelSettings> = {};
    const problems: string[] = [];
    for (const input of inputs) {
      if (!isSettingKey(input.name)) continue;
      const value = input.valueAsNumber;
      const problem = problemOf(input.name, value, lang);
      input.setAttribute('aria-invalid', problem ? 'true' : 'false');
      if (problem) problems.push(problem);
      else params[input.name] = value;
    }
    error.textContent = problems.join(' ');
    if (problems.length > 0) return;
    let result;
    try {
      result = simulateProcessModel({ ...params, pipeline, lang });
    } catch (e) {
      if (!(e instanceof ProcessModelError)) throw e;
      error.textContent = e.message;
      return;
    }
    root.querySelector('.pm-canvas')?.replaceChildren(...timelineSvgs(result, lang, prefix).map((svg) => toDom(svg)));
    const numbers = resultNumbers(result, lang);
    root.querySelectorAll('.pm-results dd').forEach((dd, i) => {
      dd.textContent = numbers[i]?.[1] ?? '';
    });
    const live = root.querySelector('[data-pm-live]');
    if (live) live.textContent = summarize(result, lang);
    const idle = root.querySelector<HTMLElement>('[data-pm-idle]');
    if (idle) {
      const n = idleLanes(result);
      idle.hidden = n === 0;
      idle.textContent = fill(PM_TEXT[lang].idle, { n });
    }
    root.querySelector('.pm-table tbody')?.replaceChildren(...tableRows(result, lang).map((row) => toDom(row)));
    root.dataset['runs'] = String(Number(root.dataset['runs'] ?? '0') + 1);
  };

  form.addEventListener('input', redraw);
  form.addEventListener('submit', (event) => event.preventDefault());
  // The reset event fires before the inputs take their default values back.
  form.addEventListener('reset', () => requestAnimationFrame(redraw));
  fieldset.disabled = false;
  root.dataset['state'] = 'live';
}
