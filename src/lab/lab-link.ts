/**
 * A pipeline page's link into the WSGI lab: `/lab/#pipeline=<id>&req=<preset>`, or `&raw=<base64url>` for the
 * reader's own request (as the player's `?raw=`). Small on purpose: the player builds it on every step.
 */
import { textToBase64url } from '../player/base64url.ts';

/** The request a lab link or state names: one of the player's presets, or the reader's own text (CRLF). */
export type LabRequestChoice = { kind: 'preset'; id: string } | { kind: 'raw'; text: string };

/** The fragment (with its `#`) of a link that opens the lab on a pipeline and request, with no code. */
export function formatLabLink(pipeline: string, request: LabRequestChoice): string {
  const params = new URLSearchParams({ pipeline });
  if (request.kind === 'preset') params.set('req', request.id);
  else params.set('raw', textToBase64url(request.text));
  return `#${params.toString()}`;
}
