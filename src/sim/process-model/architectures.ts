import type { Locale } from '../../i18n/locale.ts';

/** The phases a worker pays once when it starts (before the first request), in order. */
export type StartupPhase = 'fork-exec' | 'interpreter-start' | 'app-import';

/** The process architectures the model knows; every pipeline maps to one. */
export type ArchitectureKind =
  | 'static'
  | 'cgi'
  | 'fastcgi-pool'
  | 'fastcgi-threaded'
  | 'prefork'
  | 'embedded'
  | 'daemon'
  | 'single'
  | 'thread-pool'
  | 'event-loop';

/** A text in both site languages. */
export type Localized = Readonly<Record<Locale, string>>;

/** How one pipeline runs its application: processes, threads and what each pays when. */
export interface ProcessArchitecture {
  /** Which of the model's architectures this is. */
  kind: ArchitectureKind;
  /** CGI: a fresh process (fork+exec, interpreter start, app import) for every request. */
  perRequestProcess: boolean;
  /** Default number of worker processes (CGI: how many may run at once). */
  processes: number;
  /** Default threads per worker process; `unbounded` starts a new thread whenever all are busy. */
  threads: number | 'unbounded';
  /** What a persistent worker pays once when it starts, before the first request. */
  startup: readonly StartupPhase[];
  /** The application is imported by the first request a process handles, not at start. */
  lazyImport: boolean;
  /** Python threads: the CPU part of a request holds the process's GIL. */
  gil: boolean;
  /** Who holds requests that wait for a free worker. */
  queueLabel: Localized;
  /** What a worker process is called in lane labels. */
  workerLabel: Localized;
}

const GIL = { gil: true } as const;
const PYTHON_START: readonly StartupPhase[] = ['fork-exec', 'interpreter-start', 'app-import'];
/** mod_wsgi's WSGILazyInitialization (on by default) starts Python in each process after the fork. */
const MODULE_START: readonly StartupPhase[] = ['fork-exec', 'interpreter-start'];

const backlog: Localized = { en: 'listen backlog (waiting)', 'zh-cn': '监听队列（等待中）' };
const waiting = (server: string): Localized => ({
  en: `${server}: waiting for a worker`,
  'zh-cn': `${server}：等待空闲工作进程`,
});

export function staticServer(name: string): ProcessArchitecture {
  return {
    kind: 'static',
    perRequestProcess: false,
    processes: 1,
    threads: 1,
    startup: [],
    lazyImport: false,
    gil: false,
    queueLabel: waiting(name),
    workerLabel: { en: `${name} worker`, 'zh-cn': `${name} 工作进程` },
  };
}

/** One process per request, at most `limit` at once (Apache's MaxRequestWorkers under Debian's mpm_event.conf: 150). */
export function cgi(name: string, limit: number): ProcessArchitecture {
  return {
    kind: 'cgi',
    perRequestProcess: true,
    processes: limit,
    threads: 1,
    startup: [],
    lazyImport: false,
    gil: false,
    queueLabel: waiting(name),
    workerLabel: { en: 'CGI process', 'zh-cn': 'CGI 进程' },
  };
}

/** flup.server.fcgi.WSGIServer: one process, a thread pool without an upper limit (maxThreads=sys.maxsize). */
export function flup(name: string): ProcessArchitecture {
  return {
    kind: 'fastcgi-threaded',
    perRequestProcess: false,
    processes: 1,
    threads: 'unbounded',
    startup: PYTHON_START,
    lazyImport: false,
    ...GIL,
    queueLabel: waiting(name),
    workerLabel: { en: 'flup process', 'zh-cn': 'flup 进程' },
  };
}

/** Apache's Debian mpm_event.conf: StartServers 2, ThreadsPerChild 25; the app is loaded on first use. */
export function embedded(): ProcessArchitecture {
  return {
    kind: 'embedded',
    perRequestProcess: false,
    processes: 2,
    threads: 25,
    startup: MODULE_START,
    lazyImport: true,
    ...GIL,
    queueLabel: waiting('Apache'),
    workerLabel: { en: 'Apache child', 'zh-cn': 'Apache 子进程' },
  };
}

export function singleProcess(kind: 'single' | 'thread-pool', name: string, threads: number): ProcessArchitecture {
  return {
    kind,
    perRequestProcess: false,
    processes: 1,
    threads,
    startup: PYTHON_START,
    lazyImport: false,
    ...GIL,
    queueLabel: backlog,
    workerLabel: { en: `${name} process`, 'zh-cn': `${name} 进程` },
  };
}

/**
 * uWSGI as Debian's default.ini sets it up: master = true, workers = 2, no threads. The master starts Python and
 * imports the application, then forks the workers (no lazy-apps); the model charges that start to the workers.
 */
export function uwsgiWorkers(): ProcessArchitecture {
  return {
    kind: 'fastcgi-pool',
    perRequestProcess: false,
    processes: 2,
    threads: 1,
    startup: PYTHON_START,
    lazyImport: false,
    ...GIL,
    queueLabel: waiting('nginx'),
    workerLabel: { en: 'uWSGI worker', 'zh-cn': 'uWSGI 工作进程' },
  };
}

/** Debian's pool.d/www.conf: pm.max_children = 5; the model starts all five at once. */
export function phpFpmPool(): ProcessArchitecture {
  return {
    kind: 'fastcgi-pool',
    perRequestProcess: false,
    processes: 5,
    threads: 1,
    startup: ['fork-exec', 'interpreter-start'],
    lazyImport: false,
    gil: false,
    queueLabel: waiting('nginx'),
    workerLabel: { en: 'php-fpm worker', 'zh-cn': 'php-fpm 工作进程' },
  };
}

/**
 * Gunicorn's sync worker class: the master forks `workers` processes (default 1; the docs suggest 2–4 per core),
 * each handling one request at a time; without preload_app each worker imports the application after the fork.
 */
export function gunicornSync(workers: number): ProcessArchitecture {
  return {
    kind: 'prefork',
    perRequestProcess: false,
    processes: workers,
    threads: 1,
    startup: PYTHON_START,
    lazyImport: false,
    gil: false,
    queueLabel: backlog,
    workerLabel: { en: 'Gunicorn worker', 'zh-cn': 'Gunicorn 工作进程' },
  };
}

/**
 * uvicorn.run() without workers: one process, one asyncio event loop. Every request is a task on that loop, so any
 * number are in progress at once while they await, and their CPU parts run one at a time (like threads under the GIL).
 */
export function uvicornEventLoop(): ProcessArchitecture {
  return {
    kind: 'event-loop',
    perRequestProcess: false,
    processes: 1,
    threads: 'unbounded',
    startup: PYTHON_START,
    lazyImport: false,
    ...GIL,
    queueLabel: backlog,
    workerLabel: { en: 'Uvicorn process (event loop)', 'zh-cn': 'Uvicorn 进程（事件循环）' },
  };
}

/** `WSGIDaemonProcess hop`: processes=1 threads=15 are mod_wsgi's defaults. */
export function modWsgiDaemon(): ProcessArchitecture {
  return {
    kind: 'daemon',
    perRequestProcess: false,
    processes: 1,
    threads: 15,
    startup: MODULE_START,
    lazyImport: true,
    ...GIL,
    queueLabel: waiting('Apache'),
    workerLabel: { en: 'mod_wsgi daemon', 'zh-cn': 'mod_wsgi 守护进程' },
  };
}
