/**
 * RFC 3875 §4.1.18: a protocol-specific meta-variable name is "HTTP_" followed by the header name
 * upper-cased, with "-" replaced by "_".
 */
export function metaVariableName(headerName: string): string {
  return `HTTP_${headerName.toUpperCase().replace(/-/g, '_')}`;
}
