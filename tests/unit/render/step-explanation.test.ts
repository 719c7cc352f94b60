import { describe, expect, it } from 'vitest';
import { PIPELINES, runPipeline, type Hop, type Trace } from '../../../src/sim/index.ts';
import { PRESETS, defaultPresetId, findPreset } from '../../../src/player/presets.ts';
import { explainStep } from '../../../src/render/step-explanation.ts';
import { explanationText, renderExplanation } from '../../../src/render/render-explanation.ts';
import { renderStep } from '../../../src/render/render-trace.ts';
import { toHtml } from '../../../src/render/element-tree.ts';
import { playerStrings, PRESET_DESCRIPTIONS } from '../../../src/i18n/player.ts';
import { EXPLANATION_LABELS, STEP_EXPLANATIONS } from '../../../src/i18n/step-explanations.ts';
import { explanationStrings } from '../../../src/player/pipeline-data.ts';
import { PRESET_FOCUS, focusStep } from '../../../src/player/preset-focus.ts';

const en = explanationStrings('en');
const zh = explanationStrings('zh-cn');
const trace = (pipeline: string, preset: string): Trace =>
  runPipeline(pipeline, new TextEncoder().encode(findPreset(preset)?.raw ?? ''));
const traceOf = (pipeline: string, raw: string): Trace => runPipeline(pipeline, new TextEncoder().encode(raw));
const step = (t: Trace, n: number): Hop => {
  const hop = t.hops[n - 1];
  if (!hop) throw new Error(`no step ${n} in ${t.pipeline}`);
  return hop;
};
const lessons = (hop: Hop) => explainStep(hop).lessons.map((part) => part.id);
const why = (hop: Hop) => explainStep(hop).why;

describe('step explanations', () => {
  it('has every sentence in both languages, non-empty, Chinese with Chinese punctuation', () => {
    expect(Object.keys(STEP_EXPLANATIONS['zh-cn']).sort()).toEqual(Object.keys(STEP_EXPLANATIONS.en).sort());
    for (const [id, text] of Object.entries(STEP_EXPLANATIONS.en)) {
      expect(text.trim(), id).not.toBe('');
      expect(text, id).toMatch(/[.)]$/);
    }
    for (const [id, text] of Object.entries(STEP_EXPLANATIONS['zh-cn'])) {
      expect(text, id).toMatch(/[。）]$/);
      expect(text, id).not.toMatch(/[\u4e00-\u9fff][,.;:]\s/);
      expect(text, id).not.toMatch(/[\u4e00-\u9fff]\(/);
    }
    for (const labels of Object.values(EXPLANATION_LABELS)) expect(labels.why).not.toBe('');
  });

  it('has pipelines to explain', () => expect(Object.keys(PIPELINES).length).toBeGreaterThan(0));

  it.each(Object.keys(PIPELINES))('explains every step of the default trace of %s in both languages', (id) => {
    const pipeline = PIPELINES[id];
    if (!pipeline) throw new Error(id);
    const t = trace(id, defaultPresetId(pipeline.kind));
    expect(t.hops.length).toBeGreaterThan(0);
    for (const hop of t.hops) {
      for (const strings of [en, zh]) {
        const text = explanationText(hop, strings);
        expect(text.why.length, `${id} ${hop.from}→${hop.to}`).toBeGreaterThan(40);
        for (const sentence of [text.why, ...text.lessons]) expect(sentence).not.toMatch(/\{\w+\}/);
      }
    }
  });

  it('explains every step of every preset in every pipeline', () => {
    for (const id of Object.keys(PIPELINES))
      for (const preset of PRESETS)
        for (const hop of trace(id, preset.id).hops) expect(why(hop).length, `${id} ${preset.id}`).toBeGreaterThan(0);
  });

  it('keys on the server at arrival and on the records a FastCGI hop carries', () => {
    expect(why(step(trace('nginx-fastcgi-flup', 'get'), 1))).toEqual(['arrivalNginx', 'arrivalLook']);
    expect(why(step(trace('apache-cgi', 'get'), 1))).toEqual(['arrivalApache', 'arrivalLook']);
    expect(why(step(trace('lighttpd-static', 'static'), 1))[0]).toBe('arrivalLighttpd');
    expect(why(step(trace('werkzeug', 'get'), 1))[0]).toBe('arrivalPython');
    expect(why(step(trace('nginx-fastcgi-flup', 'get'), 2))).toEqual([
      'fastcgiRequest',
      'fastcgiBegin',
      'fastcgiParams',
      'fastcgiEmptyParams',
      'fastcgiEmptyStdin',
    ]);
    expect(why(step(trace('nginx-fastcgi-php', 'form-post'), 2))).toEqual([
      'fastcgiRequest',
      'fastcgiPhpFpm',
      'fastcgiBegin',
      'fastcgiParams',
      'fastcgiEmptyParams',
      'fastcgiStdin',
      'fastcgiEmptyStdin',
    ]);
    expect(why(step(trace('apache-fastcgi-flup', 'get'), 5))).toEqual([
      'fastcgiStdout',
      'fastcgiEmptyStdout',
      'fastcgiEnd',
    ]);
    expect(why(step(trace('apache-cgi', 'form-post'), 2))).toEqual([
      'cgiRequest',
      'cgiMod_cgid',
      'cgiLook',
      'cgiStdin',
    ]);
    expect(why(step(trace('apache-cgi', 'get'), 5))).toEqual(['cgiStdout']);
    expect(why(step(trace('apache-modwsgi-daemon', 'get'), 2))).toEqual(['daemonRequest']);
    expect(why(step(trace('apache-modwsgi-daemon', 'get'), 5))).toEqual(['daemonResponse']);
    expect(why(step(trace('apache-mod-python', 'get'), 2))).toContain('wsgiFromModPython');
    expect(why(step(trace('nginx-fastcgi-php', 'get'), 3))).toEqual(['phpServer']);
    expect(why(step(trace('nginx-fastcgi-php', 'get'), 4))).toEqual(['phpStdout']);
    expect(why(step(trace('wsgiref', 'get'), 3))).toEqual(['wsgiResponse', 'wsgiResponseLook']);
    expect(why(step(trace('apache-cgi', 'get'), 3))).toEqual(['wsgiCall', 'wsgiFromCgi', 'wsgiSplit']);
  });

  it('teaches httpoxy where the Proxy header becomes HTTP_PROXY, and says where it is dropped', () => {
    expect(lessons(step(trace('nginx-fastcgi-flup', 'proxy-header'), 2)).slice(0, 2)).toEqual([
      'lessonHttpoxy',
      'lessonHttpoxyFastcgi',
    ]);
    expect(lessons(step(trace('wsgiref', 'proxy-header'), 2)).slice(0, 2)).toEqual([
      'lessonHttpoxy',
      'lessonHttpoxyWsgi',
    ]);
    expect(lessons(step(trace('apache-cgi', 'proxy-header'), 2))[0]).toBe('lessonHttpoxyDropped');
    expect(lessons(step(trace('lighttpd-fastcgi-flup', 'proxy-header'), 2))[0]).toBe('lessonHttpoxyDropped');
    expect(lessons(step(trace('nginx-fastcgi-php', 'proxy-header'), 3))[0]).toBe('lessonHttpoxyPhp');
    expect(lessons(step(trace('nginx-fastcgi-flup', 'get'), 2))).not.toContain('lessonHttpoxy');
    const text = explanationText(step(trace('nginx-fastcgi-flup', 'proxy-header'), 2), en).lessons[0];
    expect(text).toContain('HTTP_PROXY');
    expect(text).toContain('requests');
  });

  it('explains why a header with an underscore is dropped by nginx and Apache, and kept elsewhere', () => {
    const nginx = explanationText(step(trace('nginx-fastcgi-flup', 'underscore-header'), 2), en).lessons;
    expect(nginx[0]).toContain('X_Custom_Header');
    expect(nginx[0]).toContain('underscores_in_headers');
    expect(lessons(step(trace('apache-fastcgi-flup', 'underscore-header'), 2))[0]).toBe('lessonUnderscoreApache');
    expect(lessons(step(trace('apache-modwsgi-daemon', 'underscore-header'), 3))[0]).toBe('lessonUnderscoreApache');
    const kept = explanationText(step(trace('lighttpd-cgi', 'underscore-header'), 2), zh).lessons[0];
    expect(kept).toContain('X_Custom_Header');
    expect(kept).toContain('HTTP_X_CUSTOM_HEADER');
  });

  it('teaches the HTTP_ prefix, Host, joined headers, PATH_INFO and chunked bodies', () => {
    const apache = lessons(step(trace('apache-cgi', 'get'), 2));
    expect(apache).toEqual(expect.arrayContaining(['lessonHost', 'lessonHttpPrefix', 'lessonPathInfo']));
    expect(lessons(step(trace('nginx-fastcgi-flup', 'get'), 2))).toContain('lessonHostNginx');
    expect(lessons(step(trace('apache-cgi', 'repeated-headers'), 2))).toContain('lessonJoined');
    expect(lessons(step(trace('nginx-fastcgi-flup', 'chunked'), 1))).toEqual(['lessonChunked']);
    expect(lessons(step(trace('apache-fastcgi-flup', 'chunked'), 2))).toContain('lessonTeDropped');
    expect(lessons(step(trace('wsgiref', 'chunked'), 2))).toContain('lessonTeKept');
  });

  it('keys lessons on the change, never on its English note', () => {
    const hop = step(trace('nginx-fastcgi-flup', 'proxy-header'), 2);
    const renoted: Hop = { ...hop, changes: hop.changes.map((c) => ({ ...c, note: 'x' })) };
    expect(explainStep(renoted)).toEqual(explainStep(hop));
  });

  it('explains 100 Continue, chunked responses and rejected requests', () => {
    const expect100 = 'POST /app/x HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\nhi';
    const t = traceOf('apache-cgi', expect100);
    expect(lessons(step(t, t.hops.length))).toContain('lessonContinue');
    const bad = traceOf('nginx-fastcgi-flup', 'GET /app/ HTTP/1.1\r\n\r\n');
    expect(why(step(bad, bad.hops.length))).toEqual(['responseRejected', 'rejected400']);
    const te = 'POST /app/ HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip\r\n\r\n';
    const unsupported = traceOf('lighttpd-cgi', te);
    expect(why(step(unsupported, unsupported.hops.length))).toEqual(['responseRejected', 'rejected501']);
    const ok = trace('nginx-fastcgi-flup', 'get');
    expect(why(step(ok, ok.hops.length))[0]).toBe('responseHttp');
  });

  it('renders as an open fold under the step heading, before the hop data', () => {
    const hop = step(trace('nginx-fastcgi-flup', 'proxy-header'), 2);
    const html = toHtml(renderStep(hop, 1, playerStrings('zh-cn'), { explanations: zh }));
    expect(html).toMatch(
      /<\/h3><details class="step-explanation" id="step-2-why" open="" data-explanation="" data-pagefind-ignore="">/,
    );
    expect(html.indexOf('step-explanation')).toBeLessThan(html.indexOf('step-data'));
    expect(html).toContain(`<summary>${EXPLANATION_LABELS['zh-cn'].why}</summary>`);
    expect(html).toContain('HTTP_PROXY');
    expect(toHtml(renderStep(hop, 1, playerStrings('en')))).not.toContain('step-explanation');
    expect(toHtml(renderExplanation(hop, 2, en))).toContain(EXPLANATION_LABELS.en.lessons);
  });
});

describe('preset descriptions and focus', () => {
  it('describes every preset in both languages and names its step', () => {
    for (const preset of PRESETS) {
      expect(PRESET_DESCRIPTIONS[preset.id]?.en, preset.id).toBeTruthy();
      expect(PRESET_DESCRIPTIONS[preset.id]?.['zh-cn'], preset.id).toMatch(/。$/);
      expect(PRESET_FOCUS[preset.id], preset.id).toBeDefined();
    }
    expect(PRESET_DESCRIPTIONS['proxy-header']?.en).toMatch(/HTTP_PROXY.*requests.*credentials/);
    expect(PRESET_DESCRIPTIONS['underscore-header']?.en).toMatch(/underscores_in_headers.*Apache.*HTTP_X_FOO/);
  });

  it('points at the hop that shows what the preset is about', () => {
    const at = (pipeline: string, preset: string) => focusStep(trace(pipeline, preset).hops, PRESET_FOCUS[preset]);
    expect(at('nginx-fastcgi-flup', 'proxy-header')).toBe(2);
    expect(at('apache-modwsgi-daemon', 'proxy-header')).toBe(3);
    expect(at('nginx-fastcgi-php', 'underscore-header')).toBe(2);
    expect(at('apache-cgi', 'get')).toBe(2);
    expect(at('apache-modwsgi-daemon', 'get')).toBe(2);
    expect(at('nginx-static', 'proxy-header')).toBe(1);
    expect(at('nginx-static', 'static')).toBe(2);
    expect(at('wsgiref', 'head')).toBe(4);
    expect(focusStep([], PRESET_FOCUS['get'])).toBe(1);
  });
});
