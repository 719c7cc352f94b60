/**
 * How the conformance suite makes each fault happen on a pipeline's real servers (`<ENTRY>_CONFORMANCE.faultRuns`): the
 * failing applications of tests/fixtures/faults/, and the settings the captured configurations shorten.
 */
import type { FaultId } from '../../faults/fault-ids.ts';
import type { CapturedConfigChange, ConformanceFaultRun, ConformanceServer } from '../pipeline-types.ts';

/** The files of tests/fixtures/faults/ that fail in each way, for one kind of application. */
export type FaultApps = Readonly<Record<Exclude<FaultId, 'backend-down'>, string>>;

export const PHP_FAULT_APPS: FaultApps = {
  'app-exception': 'php_exception.php',
  'bad-response': 'php_bad_header.php',
  'app-timeout': 'php_sleep.php',
};

export const WSGI_FAULT_APPS: FaultApps = {
  'app-exception': 'wsgi_exception.py',
  'bad-response': 'wsgi_bad_header.py',
  'app-timeout': 'wsgi_sleep.py',
};

export const ASGI_FAULT_APPS: FaultApps = {
  'app-exception': 'asgi_exception.py',
  'bad-response': 'asgi_bad_header.py',
  'app-timeout': 'asgi_sleep.py',
};

export const CGI_FAULT_APPS: FaultApps = {
  'app-exception': 'cgi_exception.py',
  'bad-response': 'cgi_bad_header.py',
  'app-timeout': 'cgi_sleep.py',
};

/** A web server with an application server behind it, as its fault runs start them. */
export interface FaultRunPlan {
  /** The server the client talks to: started alone for `backend-down`, so nothing listens on the upstream port. */
  front: ConformanceServer;
  /** What runs behind it (the main run's other servers), upstream first. */
  upstream: readonly ConformanceServer[];
  /** The application file the reference configuration names (`dump_wsgi.py`), which the failing one replaces. */
  app: string;
  apps: FaultApps;
  /**
   * What the captured configuration shortens so that `app-timeout` answers within a second or two; absent where
   * nothing sets a time limit on the application (then there is no app-timeout run: the pipeline refuses it).
   */
  timeout?: readonly CapturedConfigChange[];
  /** How many requests each fault run sends (2 where a server remembers a failed backend). */
  requests?: Partial<Record<FaultId, number>>;
}

/** The four fault runs of a web server in front of an application server. */
/* @__NO_SIDE_EFFECTS__ */
export function faultRunsBehind(plan: FaultRunPlan): readonly ConformanceFaultRun[] {
  const requests = (fault: FaultId): { requests?: number } =>
    plan.requests?.[fault] === undefined ? {} : { requests: plan.requests[fault] };
  const failing = (fault: Exclude<FaultId, 'backend-down'>): ConformanceFaultRun => ({
    fault,
    servers: [...plan.upstream, plan.front],
    app: { replace: plan.app, with: plan.apps[fault] },
    ...requests(fault),
  });
  return [
    { fault: 'backend-down', servers: [plan.front], ...requests('backend-down') },
    failing('app-exception'),
    failing('bad-response'),
    ...(plan.timeout ? [{ ...failing('app-timeout'), changes: plan.timeout }] : []),
  ];
}

/** A server that runs the application itself (a CGI script, an embedded interpreter, a Python server). */
export interface InsideFaultPlan {
  server: ConformanceServer;
  app: string;
  apps: FaultApps;
  /**
   * What the captured configuration shortens for `app-timeout`; absent where the server sets no time limit on the
   * application (then there is no app-timeout run: the pipeline refuses the fault).
   */
  timeout?: readonly CapturedConfigChange[];
}

/** The fault runs of a server with nothing behind it to be down: the application fails, answers badly or late. */
/* @__NO_SIDE_EFFECTS__ */
export function faultRunsInside(plan: InsideFaultPlan): readonly ConformanceFaultRun[] {
  const failing = (fault: Exclude<FaultId, 'backend-down'>): ConformanceFaultRun => ({
    fault,
    servers: [plan.server],
    app: { replace: plan.app, with: plan.apps[fault] },
  });
  return [
    failing('app-exception'),
    failing('bad-response'),
    ...(plan.timeout ? [{ ...failing('app-timeout'), changes: plan.timeout }] : []),
  ];
}

/**
 * Apache's `Timeout` (300 in Debian's apache2.conf): how long mod_cgid waits for a CGI script's output,
 * mod_proxy's default `ProxyTimeout` and mod_wsgi's default daemon `socket-timeout`.
 */
export const APACHE_TIMEOUT: CapturedConfigChange = {
  file: 'apache2.conf',
  setting: 'Timeout',
  reference: '300',
  captured: '1',
  find: '\nTimeout 300\n',
  write: '\nTimeout 1\n',
};

/**
 * nginx's `<module>_read_timeout` (default 60s: ngx_http_fastcgi_module, ngx_http_uwsgi_module,
 * ngx_http_proxy_module), added after the location's pass line.
 */
/* @__NO_SIDE_EFFECTS__ */
export function nginxReadTimeout(module: 'fastcgi' | 'uwsgi' | 'proxy', passLine: string): CapturedConfigChange {
  const setting = `${module}_read_timeout`;
  return {
    file: 'nginx.conf',
    setting,
    reference: '60s',
    byDefault: true,
    captured: '1s',
    find: passLine,
    write: `${passLine}\n\t\t\t${setting} 1s;`,
  };
}
