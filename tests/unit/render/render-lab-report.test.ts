import { describe, expect, it } from 'vitest';
import { toHtml } from '../../../src/render/element-tree.ts';
import {
  formatBytes,
  readableOutput,
  renderLabFailure,
  renderLabReport,
} from '../../../src/render/render-lab-report.ts';
import { LAB_UI } from '../../../src/i18n/lab.ts';
import type { LabRunResult } from '../../../src/lab/lab-protocol.ts';

type Ran = Extract<LabRunResult, { ok: true }>;
const XSS = '<img src=x onerror=alert(1)><script>alert(2)</script>';
const ran = (over: Partial<Ran> = {}): Ran => ({
  type: 'result',
  id: 1,
  ok: true,
  boundaries: [],
  errors: '',
  stdout: '',
  validator: { warnings: [] },
  durationMs: 3,
  ...over,
});

describe('the lab report', () => {
  it('says the check found nothing, and that nothing was logged or printed', () => {
    const html = toHtml(renderLabReport(ran(), LAB_UI.en));
    expect(html).toContain('data-clean="true"');
    expect(html).toContain(LAB_UI.en.validatorOk);
    expect(html).toContain(LAB_UI.en.errorLogEmpty);
    expect(html).toContain(LAB_UI.en.stdoutEmpty);
  });

  it('shows the assertion, warnings, wsgi.errors, the exception and stdout as text only', () => {
    const result = ran({
      validator: { assertion: { message: XSS, traceback: `Traceback\n  ${XSS}\n` }, warnings: [XSS] },
      errors: `${XSS}\n`,
      stdout: `${XSS}\x1b[0m\n`,
      exception: { type: 'ValueError', message: XSS, traceback: `Traceback\n${XSS}`, where: 'iterate' },
    });
    const html = toHtml(renderLabReport(result, LAB_UI['zh-cn']));
    expect(html).not.toMatch(/<img|<script/);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('data-clean="false"');
    expect(html).toContain('未捕获的 ValueError，发生在网关迭代返回结果的时候。');
    expect(html).toContain('\\x1b[0m');
  });

  it('says why a run failed, with the file and line of a syntax error', () => {
    const syntax = toHtml(
      renderLabFailure({ kind: 'syntax', message: 'invalid syntax', file: 'mw.py', line: 3 }, LAB_UI.en),
    );
    expect(syntax).toContain('Syntax error in mw.py, line 3: invalid syntax');
    expect(syntax).toContain('role="alert"');
    expect(toHtml(renderLabFailure({ kind: 'timeout', message: 'x' }, LAB_UI.en))).toContain('longer than 5 seconds');
    expect(toHtml(renderLabFailure({ kind: 'too-large', message: 'body' }, LAB_UI['zh-cn']))).toContain(
      '输出超过了 1 MB：body',
    );
    expect(toHtml(renderLabFailure({ kind: 'internal', message: 'harness broke' }, LAB_UI.en))).toContain(
      'harness broke',
    );
  });

  it("says a load failure in the page's language and shows the browser's own words apart, marked as English", () => {
    const zh = toHtml(renderLabFailure({ kind: 'load', message: 'TypeError: Failed to fetch' }, LAB_UI['zh-cn']));
    expect(zh).toContain('Python 的文件没有下载完整');
    expect(zh).toMatch(/浏览器报告的原文：<code lang="en">TypeError: Failed to fetch<\/code>/);
    expect(zh.indexOf('Failed to fetch')).toBeGreaterThan(zh.indexOf('Python 的文件'));
  });

  it('keeps line breaks and tabs in output, and writes sizes in MB', () => {
    expect(readableOutput('a\tb\nc\r\n\x00')).toBe('a\tb\nc\\r\n\\x00');
    expect(formatBytes(13_411_459)).toBe('13 MB');
    expect(formatBytes(1_048_576)).toBe('1 MB');
    expect(formatBytes(2_500_000)).toBe('2.4 MB');
  });
});
