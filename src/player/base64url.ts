/** Base64url (RFC 4648 §5) of text as UTF-8 bytes, written without padding: what `?raw=` carries. */

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });
const RE_BASE64URL = /^([A-Za-z0-9_-]*)(={0,2})$/;

/** Encodes bytes as base64url without `=` padding. */
export function bytesToBase64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * Decodes base64url, padding optional (RFC 4648 §5: "The pad character "=" is typically percent-encoded when used in
 * an URI", and §3.2 lets specifications that know the length leave it out); padding, when present, must make the
 * length a multiple of 4. Undefined when the text is not base64url.
 */
export function base64urlToBytes(text: string): Uint8Array | undefined {
  const match = RE_BASE64URL.exec(text);
  const body = match?.[1] ?? '';
  const padding = match?.[2] ?? '';
  if (!match || body.length % 4 === 1) return undefined;
  if (padding && (body.length + padding.length) % 4 !== 0) return undefined;
  const base64 = body.replace(/-/g, '+').replace(/_/g, '/');
  try {
    const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  } catch {
    return undefined;
  }
}

/** Encodes text (as UTF-8) as base64url. */
export function textToBase64url(text: string): string {
  return bytesToBase64url(encoder.encode(text));
}

/** Decodes base64url to text; undefined when it is not base64url or not UTF-8. */
export function base64urlToText(text: string): string | undefined {
  const bytes = base64urlToBytes(text);
  if (!bytes) return undefined;
  try {
    return decoder.decode(bytes);
  } catch {
    return undefined;
  }
}
