/** What servers remember of an injected fault across the requests of one trace (pipelined on one connection). */
export interface FaultMemory {
  /** Whether the web server has taken the failing backend out of service (lighttpd's `disable-time`). */
  backendDisabled: boolean;
}

/** A fresh memory for one trace: nothing has failed yet. */
export function createFaultMemory(): FaultMemory {
  return { backendDisabled: false };
}
