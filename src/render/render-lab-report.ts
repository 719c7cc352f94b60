/**
 * The lab's report beside the trace: what `wsgiref.validate` said, what the code wrote to wsgi.errors and raised
 * (the error log), what it printed (standard output, apart), or why it did not run at all. Element trees only: the
 * reader's code and its output are always text, never markup.
 */
import type { LabException, LabRunResult } from '../lab/lab-protocol.ts';
import { LAB_OUTPUT_LIMIT_BYTES, LAB_RUN_LIMIT_MS } from '../lab/lab-protocol.ts';
import type { LabStrings } from '../i18n/lab.ts';
import { fill } from '../i18n/fill.ts';
import { h, type VElement } from './element-tree.ts';

type Failure = Extract<LabRunResult, { ok: false }>['error'];

import { formatBytes } from './format-bytes.ts';

export { formatBytes };

/** Output as a reader reads it: line breaks and tabs kept, every other control character shown as an escape. */
export const readableOutput = (text: string): string =>
  text.replace(/[\x00-\x08\x0b-\x1f\x7f]/g, (c) =>
    c === '\r' ? '\\r' : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`,
  );

/** A block of the reader's text (output, a traceback), as text. */
const textBlock = (text: string, label: string): VElement =>
  h('pre', { class: 'lab-output', lang: 'en', tabindex: '0', 'aria-label': label }, readableOutput(text));

/** Why the code did not run: a syntax error with its file and line, a missing name, a timeout, a load failure… */
export function renderLabFailure(error: Failure, s: LabStrings): VElement {
  const values = {
    file: error.file ?? '',
    line: error.line ?? '',
    message: error.message,
    seconds: LAB_RUN_LIMIT_MS / 1000,
    output: formatBytes(LAB_OUTPUT_LIMIT_BYTES),
  };
  const templates: Record<string, string> = {
    syntax: error.line === undefined ? s.errorMissing : s.errorSyntax,
    missing: s.errorMissing,
    timeout: s.errorTimeout,
    load: s.errorLoad,
    'too-large': s.errorTooLarge,
  };
  const template = Object.hasOwn(templates, error.kind) ? (templates[error.kind] ?? s.errorMissing) : s.errorMissing;
  // A load failure's message comes from the browser, in its own words: it is shown apart, as it was reported.
  const detail =
    error.kind === 'load'
      ? [h('p', { class: 'lab-failure-detail' }, s.errorDetail, h('code', { lang: 'en' }, error.message))]
      : [];
  return h(
    'div',
    { class: 'lab-failure', role: 'alert', 'data-error-kind': error.kind },
    h('p', {}, h('strong', {}, `${s.failed}: `), fill(template, values)),
    ...detail,
  );
}

/** The `where` of an exception in words. */
function whereText(where: LabException['where'], s: LabStrings): string {
  return where === 'call' ? s.whereCall : where === 'iterate' ? s.whereIterate : s.whereClose;
}

/** What the validator said: its assertion and warnings, or that it found nothing. */
export function renderValidator(result: Extract<LabRunResult, { ok: true }>, s: LabStrings): VElement {
  const { assertion, warnings } = result.validator;
  const clean = !assertion && warnings.length === 0;
  return h(
    'section',
    { class: 'lab-validator', 'aria-labelledby': 'lab-validator-title', 'data-clean': String(clean) },
    h('h3', { id: 'lab-validator-title' }, s.validator),
    h('p', {}, s.validatorIntro),
    clean && h('p', { class: 'lab-ok' }, s.validatorOk),
    assertion && [
      h('p', { class: 'lab-assertion' }, h('strong', {}, s.validatorAssertion), ' ', h('code', {}, assertion.message)),
      textBlock(assertion.traceback, s.validatorAssertion),
    ],
    warnings.length > 0 && [
      h('h4', {}, s.validatorWarnings),
      h(
        'ul',
        { class: 'lab-warnings' },
        warnings.map((warning) => h('li', {}, h('code', {}, warning))),
      ),
    ],
  );
}

/** The error log: wsgi.errors, then an uncaught exception's traceback. */
export function renderErrorLog(result: Extract<LabRunResult, { ok: true }>, s: LabStrings): VElement {
  const { errors, exception } = result;
  return h(
    'section',
    { class: 'lab-error-log', 'aria-labelledby': 'lab-error-log-title' },
    h('h3', { id: 'lab-error-log-title' }, s.errorLog),
    h('p', {}, s.errorLogIntro),
    !errors && !exception && h('p', {}, s.errorLogEmpty),
    errors && textBlock(errors, s.errorLog),
    exception && [
      h(
        'p',
        { class: 'lab-exception' },
        fill(s.exception, { type: exception.type, where: whereText(exception.where, s) }),
      ),
      textBlock(exception.traceback, exception.type),
    ],
  );
}

/** Standard output, apart from what the client receives. */
export function renderStdout(result: Extract<LabRunResult, { ok: true }>, s: LabStrings): VElement {
  return h(
    'section',
    { class: 'lab-stdout', 'aria-labelledby': 'lab-stdout-title' },
    h('h3', { id: 'lab-stdout-title' }, s.stdout),
    h('p', {}, s.stdoutIntro),
    result.stdout ? textBlock(result.stdout, s.stdout) : h('p', {}, s.stdoutEmpty),
  );
}

/** The whole report of a run that ran: the check, the error log, standard output. */
export function renderLabReport(result: Extract<LabRunResult, { ok: true }>, s: LabStrings): VElement {
  return h(
    'div',
    { class: 'lab-report' },
    renderValidator(result, s),
    renderErrorLog(result, s),
    renderStdout(result, s),
  );
}
