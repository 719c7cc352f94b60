/** FastCGI 1.0 constants (FastCGI Specification §8). */

/** FCGI_VERSION_1. */
export const FCGI_VERSION = 1;

/** Length of a record header in bytes (§3.3). */
export const FCGI_HEADER_LENGTH = 8;

/** Largest contentLength a record can carry (16-bit field). */
export const FCGI_MAX_CONTENT_LENGTH = 0xffff;

/** Record types (§8) by name. */
export const RECORD_TYPES = {
  BEGIN_REQUEST: 1,
  ABORT_REQUEST: 2,
  END_REQUEST: 3,
  PARAMS: 4,
  STDIN: 5,
  STDOUT: 6,
  STDERR: 7,
  DATA: 8,
  GET_VALUES: 9,
  GET_VALUES_RESULT: 10,
  UNKNOWN_TYPE: 11,
} as const;

/** A record type name. */
export type RecordTypeName = keyof typeof RECORD_TYPES;

/** Roles in FCGI_BeginRequestBody (§5.1). */
export const ROLES = { RESPONDER: 1, AUTHORIZER: 2, FILTER: 3 } as const;

/** A role name. */
export type RoleName = keyof typeof ROLES;

/** FCGI_KEEP_CONN: the application keeps the connection open after the request (§5.1). */
export const FCGI_KEEP_CONN = 1;

/** protocolStatus values in FCGI_EndRequestBody (§5.5). */
export const PROTOCOL_STATUS = { REQUEST_COMPLETE: 0, CANT_MPX_CONN: 1, OVERLOADED: 2, UNKNOWN_ROLE: 3 } as const;

/** A protocolStatus name. */
export type ProtocolStatusName = keyof typeof PROTOCOL_STATUS;

/** The name of a numeric code in one of the maps above, or undefined if the code has none. */
export function findName(map: Readonly<Record<string, number>>, code: number): string | undefined {
  for (const [name, value] of Object.entries(map)) if (value === code) return name;
  return undefined;
}

/** Finds the name of a numeric code in one of the maps above. */
export function nameOf(map: Readonly<Record<string, number>>, code: number): string {
  return findName(map, code) ?? `UNKNOWN(${code})`;
}
