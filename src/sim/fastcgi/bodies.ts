import { ROLES, PROTOCOL_STATUS, type RoleName, type ProtocolStatusName } from './constants.ts';

/** FCGI_BeginRequestBody (§5.1): role (2 bytes), flags (1 byte), 5 reserved bytes. */
export function encodeBeginRequestBody(role: RoleName, flags: number): Uint8Array {
  const code = ROLES[role];
  return Uint8Array.of((code >> 8) & 0xff, code & 0xff, flags & 0xff, 0, 0, 0, 0, 0);
}

/** Reads role code and flags from a BEGIN_REQUEST body, or null if it is not 8 bytes. */
export function decodeBeginRequestBody(content: Uint8Array): { role: number; flags: number } | null {
  if (content.length !== 8) return null;
  return { role: ((content[0] ?? 0) << 8) | (content[1] ?? 0), flags: content[2] ?? 0 };
}

/** FCGI_EndRequestBody (§5.5): appStatus (4 bytes), protocolStatus (1 byte), 3 reserved bytes. */
export function encodeEndRequestBody(appStatus: number, protocolStatus: ProtocolStatusName): Uint8Array {
  return Uint8Array.of(
    (appStatus >>> 24) & 0xff,
    (appStatus >>> 16) & 0xff,
    (appStatus >>> 8) & 0xff,
    appStatus & 0xff,
    PROTOCOL_STATUS[protocolStatus],
    0,
    0,
    0,
  );
}

/** Reads appStatus and protocolStatus from an END_REQUEST body, or null if it is not 8 bytes. */
export function decodeEndRequestBody(content: Uint8Array): { appStatus: number; protocolStatus: number } | null {
  if (content.length !== 8) return null;
  const appStatus =
    (((content[0] ?? 0) << 24) | ((content[1] ?? 0) << 16) | ((content[2] ?? 0) << 8) | (content[3] ?? 0)) >>> 0;
  return { appStatus, protocolStatus: content[4] ?? 0 };
}
