import type { CgiResponse } from '../cgi/parse-cgi-response.ts';

/** Whether an upstream's answer announces more body (Content-Length) than it sent before closing. */
export function isShortBody(response: Pick<CgiResponse, 'headers' | 'body'>): boolean {
  const length = response.headers.find(([name]) => name.toLowerCase() === 'content-length')?.[1];
  return length !== undefined && /^\d+$/.test(length.trim()) && Number(length) > response.body.length;
}
