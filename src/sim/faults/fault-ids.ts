/**
 * The faults a reader can inject into a pipeline. `backend-down`: the next hop refuses connections;
 * `app-exception`: the application raises, or the CGI script exits with an error before its headers;
 * `bad-response`: the backend answers with headers the server cannot parse, or none; `app-timeout`: the application
 * does not answer within the server's timeout.
 */
export const FAULT_IDS = ['backend-down', 'app-exception', 'bad-response', 'app-timeout'] as const;

/** One fault's id. */
export type FaultId = (typeof FAULT_IDS)[number];

/** Whether a string is a fault id (own values of the list only). */
export function isFaultId(name: string): name is FaultId {
  return (FAULT_IDS as readonly string[]).includes(name);
}
