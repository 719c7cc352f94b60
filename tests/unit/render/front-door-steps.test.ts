import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../../src/sim/index.ts';
import { frontDoorSteps } from '../../../src/render/front-door-steps.ts';
import { findPreset } from '../../../src/player/presets.ts';

const trace = (pipeline: string, preset: string) =>
  runPipeline(pipeline, new TextEncoder().encode(findPreset(preset)?.raw ?? ''));

describe('frontDoorSteps', () => {
  it('gives one step per hop with a telling detail of what crossed it', () => {
    const steps = frontDoorSteps(trace('nginx-fastcgi-flup', 'form-post'));
    expect(steps.map((step) => `${step.from}→${step.to} ${step.protocol}`)).toEqual([
      'client→nginx HTTP',
      'ngx_http_fastcgi_module→flup FastCGI',
      'flup→app WSGI',
      'app→flup WSGI',
      'flup→ngx_http_fastcgi_module FastCGI',
      'nginx→client HTTP',
    ]);
    expect(steps.map((step) => step.detail)).toEqual([
      'POST /app/login HTTP/1.1',
      // FastCGI 1.0 §3.3 header: version 1, type 1 (BEGIN_REQUEST), requestId 1, contentLength 8, no padding.
      'BEGIN_REQUEST: 01 01 00 01 00 08 00 00',
      'CONTENT_LENGTH="37"  SCRIPT_NAME="/app"  PATH_INFO="/login"',
      'start_response("200 OK", …)',
      expect.stringMatching(/^STDOUT: 01 06 00 01 [0-9a-f]{2} [0-9a-f]{2} [0-9a-f]{2} 00$/),
      'HTTP/1.1 200 OK',
    ]);
    expect(steps.every((step) => step.narration.id.startsWith('narration.'))).toBe(true);
  });

  it('shows a CGI script’s output by its first line', () => {
    const steps = frontDoorSteps(trace('apache-cgi', 'get'));
    expect(steps.some((step) => step.detail.startsWith('Status: ') || step.detail.startsWith('Content-Type: '))).toBe(
      true,
    );
  });
});
