/** The applications' fixed secrets, ids and clock, so every trace is reproducible. */
export const APP_FIXED = {
  /** The clock every application reads. */
  now: 'Mon, 01 Jan 2024 00:00:00 GMT',
  /** Django SECRET_KEY and Flask SECRET_KEY (never used outside this simulator). */
  secretKey: 'hop-by-hop-fixed-secret',
  /** Django's session id for a new session. */
  djangoSessionId: 'h0pbyh0pfixedsessionid00000000ab',
  /** Flask's signed session cookie for `{"visits": 1}` under `secretKey`, written out once. */
  flaskSessionCookie: 'eyJ2aXNpdHMiOjF9.ZZIAAA.hop-by-hop-fixed-signature',
  /** PHP's session id. */
  phpSessionId: 'h0pbyh0pfixedphpsess1d000',
  /** Request id handed out by the middleware stack. */
  requestId: 'req-000001',
} as const;
