/** Interface strings of the process model, per language. */
import type { ArchitectureKind, ProcessModelSettings, SpanPhase } from '../sim/process-model/index.ts';
import type { Locale } from './locale.ts';

/** A setting's label, unit and one-line hint, per language. */
interface FieldText {
  label: string;
  unit: string;
  hint: string;
}

/** Interface strings of the process model, per language. */
export const PM_TEXT = {
  en: {
    parameters: 'Model parameters',
    reset: 'Reset to defaults',
    results: 'Result',
    throughput: 'Throughput',
    perSecond: 'requests/s',
    mean: 'Mean latency',
    p50: 'Median latency (p50)',
    p95: '95th percentile latency',
    max: 'Slowest request',
    cpu: 'CPU time per request',
    ms: 'ms',
    legend: 'Key',
    table: 'The cold start as a table ({n} requests)',
    request: 'Request',
    arrival: 'Arrives (ms)',
    start: 'Taken by a worker (ms)',
    end: 'Answered (ms)',
    latency: 'Latency (ms)',
    servedBy: 'Served by',
    time: 'time (ms)',
    firstArrival: 'requests arrive',
    idle: '{n} idle lanes not drawn.',
    timelineTitle: 'Process timeline: {pipeline}',
    summary:
      '{n} requests, {served}. First request at {first} ms, last answer at {end} ms. Throughput {tp} requests per second; mean latency {mean} ms, median {p50} ms, 95th percentile {p95} ms, slowest {max} ms.',
    invalid: '{label} must be between {min} and {max}{whole}.',
    whole: ', a whole number',
    positive: '{label} must be greater than 0.',
    burstTitle: 'Cold start: the first {n} requests',
    steadyTitle: 'Steady state: requests {first}–{last} of a stream at {rate} requests/s',
    steadyTimelineTitle: 'Steady-state timeline: {pipeline}',
    steadyTime: 'ms after request {first} arrives',
    steadySummary:
      'Requests {first}–{last} of a stream at {rate} requests per second, after warm-up. Throughput {tp} requests per second; mean latency {mean} ms, 95th percentile {p95} ms, slowest {max} ms; CPU time per request {cpu} ms.',
    sharedScale: 'Every timeline on this page has the same scale: the full width is {ms} ms.',
    ownScale: 'Both timelines have the same scale: the full width is {ms} ms.',
    compareCaption: 'The pipelines on this page, with the defaults',
    comparePipeline: 'Pipeline',
    compareBurst: 'Mean latency, cold start',
    compareSteady: 'Mean latency, steady state',
    views:
      'Two views of the same costs. The first is a cold start: the first requests after the server starts. A persistent worker (FastCGI, mod_wsgi) pays its process start, interpreter start and application import once, and the first requests wait for it, so a single CGI request looks about as fast as the first request to a fresh worker. The second is the steady state after warm-up: a persistent worker now spends only the request’s own work on each request, while CGI still pays the whole start-up on every one. That start-up is CPU time: under a sustained load it fills the cores and CGI’s requests queue. Compare the CPU time per request.',
  },
  'zh-cn': {
    parameters: '模型参数',
    reset: '恢复默认值',
    results: '结果',
    throughput: '吞吐量',
    perSecond: '请求/秒',
    mean: '平均延迟',
    p50: '延迟中位数（p50）',
    p95: '95 分位延迟',
    max: '最慢的请求',
    cpu: '每个请求的 CPU 时间',
    ms: '毫秒',
    legend: '图例',
    table: '用表格查看冷启动（{n} 个请求）',
    request: '请求',
    arrival: '到达（毫秒）',
    start: '开始被处理（毫秒）',
    end: '得到响应（毫秒）',
    latency: '延迟（毫秒）',
    servedBy: '由谁处理',
    time: '时间（毫秒）',
    firstArrival: '请求到达',
    idle: '另有 {n} 条空闲的进程/线程未画出。',
    timelineTitle: '进程时间线：{pipeline}',
    summary:
      '{n} 个请求，{served}。第一个请求在 {first} 毫秒到达，最后一个响应在 {end} 毫秒发出。吞吐量每秒 {tp} 个请求；平均延迟 {mean} 毫秒，中位数 {p50} 毫秒，95 分位 {p95} 毫秒，最慢 {max} 毫秒。',
    invalid: '{label}必须在 {min} 到 {max} 之间{whole}。',
    whole: '，且为整数',
    positive: '{label}必须大于 0。',
    burstTitle: '冷启动：最先到达的 {n} 个请求',
    steadyTitle: '稳定状态：每秒 {rate} 个请求持续到达时的第 {first}–{last} 个请求',
    steadyTimelineTitle: '稳定状态时间线：{pipeline}',
    steadyTime: '请求 {first} 到达后（毫秒）',
    steadySummary:
      '预热之后，每秒 {rate} 个请求持续到达时的第 {first}–{last} 个请求。吞吐量每秒 {tp} 个请求；平均延迟 {mean} 毫秒，95 分位 {p95} 毫秒，最慢 {max} 毫秒；每个请求的 CPU 时间 {cpu} 毫秒。',
    sharedScale: '本页所有时间线的比例尺相同：整个宽度代表 {ms} 毫秒。',
    ownScale: '两幅时间线的比例尺相同：整个宽度代表 {ms} 毫秒。',
    compareCaption: '本页各流水线在默认参数下的对照',
    comparePipeline: '流水线',
    compareBurst: '冷启动平均延迟',
    compareSteady: '稳定状态平均延迟',
    views:
      '同样的开销，两种看法。第一幅是冷启动：服务器刚启动时最先到来的那批请求。常驻的工作进程（FastCGI、mod_wsgi）启动进程、启动解释器、导入应用都只做一次，但最早的请求得等它做完，所以单看一个请求，CGI 和刚启动的常驻进程处理第一个请求差不多快。第二幅是预热之后的稳定状态：常驻进程处理每个请求只花请求本身的时间，CGI 却每来一个请求都要把整套启动过程重来一遍。这些启动开销都要占用 CPU：负载一旦持续，CPU 核心很快被占满，CGI 的请求只能排队。请对比“每个请求的 CPU 时间”。',
  },
} as const satisfies Record<Locale, Record<string, string>>;

/** Labels of the model's settings. */
export const FIELD_TEXT: Record<Locale, Record<keyof ProcessModelSettings, FieldText>> = {
  en: {
    requests: { label: 'Concurrent requests (N)', unit: '', hint: '1–100' },
    arrivalIntervalMs: { label: 'Time between arrivals', unit: 'ms', hint: '0 = all arrive together' },
    forkExecMs: { label: 'fork + exec', unit: 'ms', hint: 'creating a process' },
    interpreterStartMs: { label: 'Interpreter start', unit: 'ms', hint: 'Python or PHP starting up' },
    appImportMs: { label: 'Application import', unit: 'ms', hint: 'importing the app and its framework' },
    workMs: { label: 'Request work', unit: 'ms', hint: "the application's own work per request" },
    cpuPercent: {
      label: 'CPU share of the work',
      unit: '%',
      hint: 'the part that needs a core (in Python threads, also the GIL)',
    },
    processes: { label: 'Processes', unit: '', hint: 'worker processes (CGI: how many at once)' },
    threads: { label: 'Threads per process', unit: '', hint: 'threads in each worker process' },
    cores: { label: 'CPU cores', unit: '', hint: 'shared by every process on the machine' },
    steadyRatePerSecond: {
      label: 'Steady-state rate',
      unit: 'requests/s',
      hint: 'the sustained load of the second view',
    },
  },
  'zh-cn': {
    requests: { label: '并发请求数（N）', unit: '', hint: '1–100' },
    arrivalIntervalMs: { label: '请求到达间隔', unit: '毫秒', hint: '0 表示同时到达' },
    forkExecMs: { label: 'fork + exec', unit: '毫秒', hint: '创建一个进程' },
    interpreterStartMs: { label: '解释器启动', unit: '毫秒', hint: 'Python 或 PHP 启动' },
    appImportMs: { label: '导入应用', unit: '毫秒', hint: '导入应用及其框架' },
    workMs: { label: '请求处理', unit: '毫秒', hint: '应用处理每个请求本身所需的时间' },
    cpuPercent: {
      label: '其中占用 CPU 的比例',
      unit: '%',
      hint: '这一部分要占一个 CPU 核心（Python 线程还要持有 GIL）',
    },
    processes: { label: '进程数', unit: '', hint: '工作进程数（CGI：同时最多几个）' },
    threads: { label: '每个进程的线程数', unit: '', hint: '每个工作进程里的线程' },
    cores: { label: 'CPU 核心数', unit: '', hint: '机器上所有进程共用' },
    steadyRatePerSecond: { label: '稳定状态的请求速率', unit: '请求/秒', hint: '第二幅图里持续的负载' },
  },
};

/** Legend names of the phases. */
export const PHASE_TEXT: Record<Locale, Record<SpanPhase, string>> = {
  en: {
    'fork-exec': 'fork + exec',
    'interpreter-start': 'interpreter start',
    'app-import': 'application import',
    queue: 'waiting',
    work: 'request work',
  },
  'zh-cn': {
    'fork-exec': 'fork + exec',
    'interpreter-start': '解释器启动',
    'app-import': '导入应用',
    queue: '等待',
    work: '处理请求',
  },
};

/** One sentence per architecture: how requests are served. */
export const ARCHITECTURE_TEXT: Record<Locale, Record<ArchitectureKind, string>> = {
  en: {
    static: 'the web server sends the file itself',
    cgi: 'a new process for every request',
    'fastcgi-pool': 'a fixed pool of persistent worker processes',
    prefork: 'a master process that forks a fixed number of single-threaded workers',
    'fastcgi-threaded': 'one persistent process that starts a thread per request',
    embedded: 'the application lives inside every Apache child process',
    daemon: 'a mod_wsgi daemon process with a pool of threads',
    single: 'one process, one request at a time',
    'thread-pool': 'one process with a fixed pool of threads',
    'event-loop': 'one process whose event loop interleaves requests while they wait',
  },
  'zh-cn': {
    static: '由 Web 服务器自己发送文件',
    cgi: '每个请求都新建一个进程',
    'fastcgi-pool': '固定数量的常驻工作进程',
    prefork: '一个主进程预先派生固定数量的单线程工作进程',
    'fastcgi-threaded': '一个常驻进程，每个请求一个线程',
    embedded: '应用运行在每个 Apache 子进程内部',
    daemon: '一个带线程池的 mod_wsgi 守护进程',
    single: '一个进程，一次只处理一个请求',
    'thread-pool': '一个进程，带固定大小的线程池',
    'event-loop': '一个进程，由事件循环在请求等待时交替处理它们',
  },
};

export { fill } from './fill.ts';

/** A number for people: at most one decimal place, with the language's digit grouping. */
export function formatNumber(value: number, lang: Locale): string {
  return new Intl.NumberFormat(lang === 'zh-cn' ? 'zh-CN' : 'en', { maximumFractionDigits: 1 }).format(value);
}
