/**
 * RFC 3875 §4.1.18: a protocol-specific meta-variable name is "HTTP_" followed by the header name
 * upper-cased, with "-" replaced by "_".
 */
export function metaVariableName(headerName: string): string {
  return `HTTP_${headerName.toUpperCase().replace(/-/g, '_')}`;
}

/** True when a header name holds only letters, digits and hyphens (servers differ on what else they pass on). */
export function isPlainHeaderName(headerName: string): boolean {
  return /^[A-Za-z0-9-]+$/.test(headerName);
}
