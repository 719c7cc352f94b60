/**
 * The `http.request` events an ASGI application received, consecutive ones joined into one (bodies concatenated,
 * `more_body` of the last). How Uvicorn splits a body depends on how the bytes arrive from nginx, not on a rule:
 * the same 65,536-byte request gave one event, then 65,395 + 141 bytes, in two captures a minute apart
 * (FINDINGS.md, nginx proxy_pass → Uvicorn). Both sides are compared joined.
 */
export function joinRequestEvents(events: readonly unknown[]): unknown[] {
  const joined: unknown[] = [];
  for (const event of events) {
    const previous = joined[joined.length - 1];
    if (isRequestEvent(event) && isRequestEvent(previous) && previous['more_body'] === true) {
      joined[joined.length - 1] = {
        ...previous,
        body: `${text(previous['body'])}${text(event['body'])}`,
        more_body: event['more_body'] ?? false,
      };
    } else joined.push(event);
  }
  return joined;
}

function isRequestEvent(event: unknown): event is Record<string, unknown> {
  return typeof event === 'object' && event !== null && (event as Record<string, unknown>)['type'] === 'http.request';
}

function text(body: unknown): string {
  return typeof body === 'string' ? body : '';
}
