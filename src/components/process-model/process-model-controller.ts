import {
  ProcessModelError,
  SETTING_LIMITS,
  simulateProcessViews,
  type ProcessModelSettings,
  type ProcessModelViews,
} from '../../sim/process-model/index.ts';
import type { Locale } from '../../i18n/locale.ts';
import { FIELD_TEXT, PM_TEXT, fill } from '../../i18n/process-model.ts';
import {
  idleLanes,
  resultNumbers,
  scaleNote,
  sharedScaleMs,
  steadyNumbers,
  summarize,
  summarizeSteady,
  tableRows,
  viewSvgs,
  viewTitle,
} from '../../render/timeline-view.ts';
import { toDom } from '../to-dom.ts';

type SettingKey = keyof ProcessModelSettings;

const isSettingKey = (name: string): name is SettingKey => Object.hasOwn(SETTING_LIMITS, name);

/** Why a typed value is not allowed, in the reader's language; undefined when it is fine. */
function problemOf(key: SettingKey, value: number, lang: Locale): string | undefined {
  const { min, max, integer, minExclusive } = SETTING_LIMITS[key];
  const label = FIELD_TEXT[lang][key].label;
  const t = PM_TEXT[lang];
  if (minExclusive && value === min) return fill(t.positive, { label });
  if (Number.isFinite(value) && value >= min && value <= max && (!integer || Number.isInteger(value))) return undefined;
  return fill(t.invalid, { label, min, max, whole: integer ? t.whole : '' });
}

/** A live model: its latest views (the last good settings) and how to draw them at a scale. */
interface LiveModel {
  views: ProcessModelViews;
  draw: (scaleMs: number) => void;
}

/** The live models of each comparison group (the pipelines a page draws on one time scale). */
const groups = new Map<string, Set<LiveModel>>();

/** Redraws every live model of a group at the scale that fits all of them. */
function redrawGroup(members: Set<LiveModel>): void {
  const scaleMs = sharedScaleMs([...members].map((m) => m.views));
  for (const member of members) member.draw(scaleMs);
}

/**
 * Enables a server-rendered process model: re-simulates and redraws whenever a parameter changes. The other
 * models it is compared with go live with it, so that all of them keep one time scale.
 */
export function enhanceProcessModel(root: HTMLElement): void {
  const group = root.dataset['group'] ?? '';
  const others = [...document.querySelectorAll<HTMLElement>('process-model')].filter(
    (el) => el !== root && group !== '' && el.dataset['group'] === group,
  );
  for (const el of [root, ...others]) enhanceOne(el);
  const members = groups.get(group);
  if (members) redrawGroup(members);
}

function enhanceOne(root: HTMLElement): void {
  if (root.dataset['state'] === 'live') return;
  const pipeline = root.dataset['pipeline'] ?? '';
  const lang: Locale = root.dataset['lang'] === 'zh-cn' ? 'zh-cn' : 'en';
  const prefix = root.dataset['prefix'] ?? 'pm';
  const group = root.dataset['group'] ?? prefix;
  const compared = Number(root.dataset['compared'] ?? '1');
  const form = root.querySelector('form');
  const fieldset = form?.querySelector('fieldset');
  const error = root.querySelector<HTMLElement>('[data-pm-error]');
  if (!form || !fieldset || !error) return;
  const inputs = [...form.querySelectorAll<HTMLInputElement>('input[name]')];

  /** The views for the form's values, or undefined (with the problem shown) when a value is not allowed. */
  const simulate = (): ProcessModelViews | undefined => {
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
    if (problems.length > 0) return undefined;
    try {
      return simulateProcessViews({ ...params, pipeline, lang });
    } catch (e) {
      if (!(e instanceof ProcessModelError)) throw e;
      error.textContent = e.message;
      return undefined;
    }
  };

  const initial = simulate();
  if (!initial) return;
  const model: LiveModel = {
    views: initial,
    draw: (scaleMs) => {
      const { views } = model;
      const result = views.burst;
      for (const view of ['burst', 'steady'] as const) {
        const panel = root.querySelector(`.pm-view[data-view="${view}"]`);
        if (!panel) continue;
        const title = panel.querySelector('[data-pm-title]');
        if (title) title.textContent = viewTitle(views, view, lang);
        panel
          .querySelector('.pm-canvas')
          ?.replaceChildren(...viewSvgs(views, view, scaleMs, lang, prefix).map((svg) => toDom(svg)));
        const numbers = view === 'burst' ? resultNumbers(result, lang) : steadyNumbers(views.steady, lang);
        panel.querySelectorAll('.pm-results dd').forEach((dd, i) => {
          dd.textContent = numbers[i]?.[1] ?? '';
        });
      }
      const scale = root.querySelector('[data-pm-scale]');
      if (scale) scale.textContent = scaleNote(scaleMs, compared, lang);
      const idle = root.querySelector<HTMLElement>('[data-pm-idle]');
      if (idle) {
        const n = idleLanes(result);
        idle.hidden = n === 0;
        idle.textContent = fill(PM_TEXT[lang].idle, { n });
      }
      const tableTitle = root.querySelector('[data-pm-table-title]');
      if (tableTitle) tableTitle.textContent = fill(PM_TEXT[lang].table, { n: result.settings.requests });
      root.querySelector('.pm-table tbody')?.replaceChildren(...tableRows(result, lang).map((row) => toDom(row)));
    },
  };
  const members = groups.get(group) ?? new Set<LiveModel>();
  groups.set(group, members);
  members.add(model);

  const redraw = () => {
    const views = simulate();
    if (!views) return;
    model.views = views;
    redrawGroup(members);
    const live = root.querySelector('[data-pm-live]');
    if (live) live.textContent = `${summarize(views.burst, lang)} ${summarizeSteady(views, lang)}`;
    root.dataset['runs'] = String(Number(root.dataset['runs'] ?? '0') + 1);
  };

  form.addEventListener('input', redraw);
  form.addEventListener('submit', (event) => event.preventDefault());
  // The reset event fires before the inputs take their default values back.
  form.addEventListener('reset', () => requestAnimationFrame(redraw));
  fieldset.disabled = false;
  root.dataset['state'] = 'live';
}
