import { VOLATILE } from '../volatile.ts';

/** The applications' fixed secrets, ids and clock, so every trace is reproducible. */
export const APP_FIXED = {
  /** The clock every application reads. */
  now: 'Mon, 01 Jan 2024 00:00:00 GMT',
  /** Django SECRET_KEY and Flask SECRET_KEY (never used outside this simulator). */
  secretKey: 'hop-by-hop-fixed-secret',
  /** When a new Django session cookie expires: `now` + SESSION_COOKIE_AGE (two weeks). */
  sessionExpires: VOLATILE.cookieExpires,
  /** Django's session id for a new session. */
  djangoSessionId: VOLATILE.cookies.sessionid.fixed,
  /**
   * Flask's session cookie for `{"visited": true}`: the payload, then itsdangerous' timestamp (`now`) and a fixed
   * 27-character stand-in for the HMAC signature (both volatile: `VOLATILE.cookies.session`).
   */
  flaskSessionCookie: `eyJ2aXNpdGVkIjp0cnVlfQ.${VOLATILE.cookies.session.fixed}`,
  /** PHP's session id. */
  phpSessionId: 'h0pbyh0pfixedphpsess1d000',
  /** Request id handed out by the middleware stack. */
  requestId: 'req-000001',
} as const;
