/** The corpus case every fault run sends: a plain GET of the application (`GET /app/ HTTP/1.1`). */
export const FAULT_CASE = '01-get-app';
