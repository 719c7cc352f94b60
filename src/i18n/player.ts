/** Interface strings of the pipeline player, per locale. `{n}`-style slots are filled by `fill`. */

import { traceStrings, type TraceStrings } from './trace-messages.ts';
import type { Locale } from './locale.ts';
import type { FaultId } from '../sim/faults/fault-ids.ts';

export const PLAYER_UI = {
  en: {
    pipelines: 'Pipelines',
    pipelinesIntro:
      'Each pipeline below is modelled by the simulator and checked against the real servers. Open one to step through a request hop by hop, down to the bytes.',
    player: 'Request player',
    diagram: 'Diagram',
    trace: 'The trace, step by step',
    traceIntro: 'Every hop of the request below, in order, as the simulator traces it.',
    processModel: 'Process model',
    request: 'Request',
    preset: 'Preset request',
    custom: 'Your own request',
    editor: 'Raw request (edit to re-trace)',
    editorHelp: 'Line ends are sent as CRLF. The trace updates as you type.',
    play: 'Play',
    pause: 'Pause',
    first: 'First step',
    previous: 'Previous step',
    next: 'Next step',
    last: 'Last step',
    speed: 'Speed',
    stepSlider: 'Step',
    stepOf: 'Step {n} of {total}',
    stepNarration: 'Step {n} of {total}. {narration}',
    keys: 'Keys: Space plays or pauses, ← → step, Home and End jump.',
    annotations: 'Annotations',
    copy: 'Copy step',
    copied: 'Copied',
    compare: 'Compare with',
    compareNone: 'No comparison',
    differences: 'Differences in what the application received and what the client got back',
    noDifferences: 'No differences.',
    absent: '(absent)',
    key: 'Name',
    loading: 'Tracing…',
    linkRequestUnreadable: 'The request in this link could not be read, so the player shows the default request.',
    linkCompareUnreadable: 'This link names no pipeline the player knows to compare with, so no comparison is shown.',
    step: 'Step',
    changes: 'What changed at this hop',
    noChanges: 'Nothing changed at this hop.',
    provenance: 'Provenance',
    httpParts: 'The HTTP message, part by part',
    part: 'Part',
    text: 'Text',
    name: 'Name',
    value: 'Value',
    env: 'CGI environment',
    stdin: 'Standard input',
    environ: 'WSGI environ',
    records: 'FastCGI records',
    uwsgiPacket: 'uwsgi packet: header and vars',
    uwsgiVars: 'uwsgi vars, decoded from the packet',
    params: 'FastCGI parameters, decoded from the PARAMS records',
    setBy: 'Set by',
    hopData: 'What this hop carries: bytes, tables, variables',
    config: 'Reference configuration',
    configIntro:
      'What the conformance tests run for this pipeline, placeholders filled. Point at or focus a “Set by” link in a step to light up the line that produced the variable.',
    configNone: 'Nothing here sets a variable: this pipeline serves files itself.',
    configLine: 'line {n}',
    record: 'Record {n}: {type}',
    offset: 'Offset',
    hex: 'Hex',
    ascii: 'ASCII',
    field: 'Field',
    bytes: 'Bytes',
    moreBytes: '… {n} more bytes not shown',
    stdout: 'Output read back from the script',
    wsgiResponse: 'What the application returned',
    asgiScope: 'ASGI scope (each value as Python’s repr() shows it)',
    asgiEvents: 'ASGI events, in the order they were received or sent',
    asgiEvent: 'Event {n}: {type}',
    status: 'Status',
    headers: 'Headers',
    body: 'Body',
    calls: 'Calls, in order',
    response: 'The response the client receives',
    error: 'The server rejected the request',
    errorAt: 'at byte {offset} (line {line}, column {column})',
    openStep: 'Open this step in the pipeline player',
    embedded: 'Where this acts on a request',
    loadPlayer: 'Load the player',
    default: 'Default request',
    presetAbout: 'What this request shows',
    goToStep: 'Go to step {n}',
    breakHop: 'Break this hop',
    noFault: 'No fault',
    faultOn: 'Fault injected: {fault} (at {node}).',
    removeFault: 'Remove the fault',
    failedHere: 'Failed here',
    failedWhat: 'What failed: ',
    errorLog: 'What the servers wrote to their error logs',
    logFile: '{node}, in {file}',
    faultMarker: 'failed here',
    stepNarrationFailed: 'Step {n} of {total}, where the fault happens. {narration} What failed: {failed}',
    linkFaultUnreadable:
      'This link names a fault this pipeline cannot have (or no fault at all), so the player shows the request without one.',
    faultPresets: 'Faults',
    faultPreset: 'Fault: {fault}',
    faultShortened:
      'To capture this fault quickly, the conformance suite sets {setting} in {file} to {captured}; the reference configuration, like the trace, has {reference}.',
    byDefault: '{value} (the default)',
    runOwnApp: 'Run your own application here',
    runOwnAppHelp:
      'Opens the WSGI lab on this pipeline with this request: write an application and middleware in Python, run them in your browser, and see each hop.',
    runOwnAppEmbedded: 'Run your own application on this pipeline',
    middlewareDiff: 'What {layer} changed',
    middlewareNoDiff: 'This layer changed nothing on this side.',
    middlewareOut: 'What this layer handed back',
    diffPart: 'Where',
    diffChange: 'Change',
    diffBefore: 'Before',
    diffAfter: 'After',
    diffEnviron: 'environ key',
    diffStatus: 'status',
    diffHeader: 'header',
    diffBody: 'body',
    diffAdded: 'added',
    diffChanged: 'changed',
    diffRemoved: 'removed',
  },
  'zh-cn': {
    pipelines: '请求管线',
    pipelinesIntro: '下面每条管线都由模拟器建模，并与真实服务器核对过。打开一条，逐跳、逐字节地查看请求的旅程。',
    player: '请求播放器',
    diagram: '示意图',
    trace: '逐步追踪',
    traceIntro: '模拟器追踪到的这个请求的每一跳，按顺序排列。',
    processModel: '进程模型',
    request: '请求',
    preset: '预设请求',
    custom: '自己写请求',
    editor: '原始请求（编辑后重新追踪）',
    editorHelp: '换行按 CRLF 发送。输入时追踪会随之更新。',
    play: '播放',
    pause: '暂停',
    first: '第一步',
    previous: '上一步',
    next: '下一步',
    last: '最后一步',
    speed: '速度',
    stepSlider: '步骤',
    stepOf: '第 {n} 步，共 {total} 步',
    stepNarration: '第 {n} 步，共 {total} 步。{narration}',
    keys: '按键：空格播放或暂停，← → 单步，Home 与 End 跳到首尾。',
    annotations: '注解',
    copy: '复制本步',
    copied: '已复制',
    compare: '对比管线',
    compareNone: '不对比',
    differences: '应用收到的数据与客户端收到的响应之间的差异',
    noDifferences: '没有差异。',
    absent: '（无）',
    key: '名称',
    loading: '正在追踪…',
    linkRequestUnreadable: '无法读取链接中的请求，播放器改为显示默认请求。',
    linkCompareUnreadable: '链接中指定的对比管线并不存在，因此不显示对比。',
    step: '步骤',
    changes: '这一跳改变了什么',
    noChanges: '这一跳没有改变任何内容。',
    provenance: '依据',
    httpParts: '逐部分拆解的 HTTP 报文',
    part: '部分',
    text: '文本',
    name: '名称',
    value: '值',
    env: 'CGI 环境变量',
    stdin: '标准输入',
    environ: 'WSGI environ',
    records: 'FastCGI 记录',
    uwsgiPacket: 'uwsgi 数据包：包头和变量',
    uwsgiVars: 'uwsgi 变量（由数据包解码）',
    params: 'FastCGI 参数（由 PARAMS 记录解码）',
    setBy: '配置来源',
    hopData: '这一跳携带的内容：字节、表格与变量',
    config: '参考配置',
    configIntro:
      '一致性测试为这条管线实际运行的配置，占位符已填好。把指针移到某一步里的“配置来源”链接上，或用键盘聚焦它，就会高亮产生这个变量的那一行。',
    configNone: '这里没有哪一行会设置变量：这条管线直接由服务器返回文件。',
    configLine: '第 {n} 行',
    record: '记录 {n}：{type}',
    offset: '偏移',
    hex: '十六进制',
    ascii: 'ASCII',
    field: '字段',
    bytes: '字节',
    moreBytes: '…… 另有 {n} 字节未显示',
    stdout: '从脚本读回的输出',
    wsgiResponse: '应用返回的内容',
    asgiScope: 'ASGI scope（每个值按 Python 的 repr() 显示）',
    asgiEvents: 'ASGI 事件，按接收或发送的顺序',
    asgiEvent: '事件 {n}：{type}',
    status: '状态',
    headers: '响应头',
    body: '正文',
    calls: '调用顺序',
    response: '客户端收到的响应',
    error: '服务器拒绝了这个请求',
    errorAt: '位于第 {offset} 字节（第 {line} 行，第 {column} 列）',
    openStep: '在管线播放器中打开这一步',
    embedded: '它在请求中起作用的地方',
    loadPlayer: '加载播放器',
    default: '默认请求',
    presetAbout: '这个请求要演示什么',
    goToStep: '跳到第 {n} 步',
    breakHop: '让这一跳出故障',
    noFault: '不注入故障',
    faultOn: '已注入故障：{fault}（出在 {node}）。',
    removeFault: '撤除故障',
    failedHere: '在此出错',
    failedWhat: '出了什么错：',
    errorLog: '各服务器写进错误日志的内容',
    logFile: '{node}，写入 {file}',
    faultMarker: '在此出错',
    stepNarrationFailed: '第 {n} 步，共 {total} 步，故障就出在这里。{narration}出了什么错：{failed}',
    linkFaultUnreadable: '链接中指定的故障不存在，或这条管线不会出现这种故障，播放器改为显示没有故障的请求。',
    faultPresets: '故障',
    faultPreset: '故障：{fault}',
    faultShortened:
      '为了快速捕获这个故障，一致性测试把 {file} 中的 {setting} 设为 {captured}；参考配置和追踪一样，用的是 {reference}。',
    byDefault: '{value}（默认值）',
    runOwnApp: '在这里运行你自己的应用',
    runOwnAppHelp: '在 WSGI 实验室中打开这条管线和这个请求：用 Python 写应用和中间件，在浏览器里运行，逐跳查看结果。',
    runOwnAppEmbedded: '在这条管线上运行你自己的应用',
    middlewareDiff: '{layer} 做的改动',
    middlewareNoDiff: '这一层在这一方向上什么也没改。',
    middlewareOut: '这一层交回的内容',
    diffPart: '位置',
    diffChange: '改动',
    diffBefore: '改动前',
    diffAfter: '改动后',
    diffEnviron: 'environ 键',
    diffStatus: '状态行',
    diffHeader: '响应头',
    diffBody: '响应体',
    diffAdded: '新增',
    diffChanged: '修改',
    diffRemoved: '删除',
  },
} as const satisfies Record<Locale, Record<string, string>>;

/** Every string key. */
export type PlayerStringKey = keyof (typeof PLAYER_UI)['en'];

export { fill } from './fill.ts';

/** Labels of HTTP parts. */
export const PART_LABELS = {
  en: {
    method: 'Method',
    target: 'Request target',
    version: 'Version',
    status: 'Status code',
    reason: 'Reason phrase',
    header: 'Header',
    blank: 'Blank line (end of headers)',
    body: 'Body',
    line: 'Line',
  },
  'zh-cn': {
    method: '方法',
    target: '请求目标',
    version: '协议版本',
    status: '状态码',
    reason: '原因短语',
    header: '首部字段',
    blank: '空行（头部结束）',
    body: '正文',
    line: '行',
  },
} as const;

/** Labels and meanings of FastCGI record fields (FastCGI 1.0 §3.3, §3.4, §5.1, §5.5). */
export const SEGMENT_LABELS = {
  en: {
    version: ['version', 'FCGI_VERSION_1: always 1'],
    type: ['type', 'the record type'],
    requestId: ['requestId', 'which request on the connection (2 bytes, big-endian)'],
    contentLength: ['contentLength', 'bytes of content that follow (2 bytes)'],
    paddingLength: ['paddingLength', 'padding bytes after the content, to align to 8'],
    reserved: ['reserved', 'unused, zero'],
    role: ['role', 'what the application should do (2 bytes)'],
    flags: ['flags', '1 = keep the connection open'],
    appStatus: ['appStatus', 'the application’s exit status (4 bytes)'],
    protocolStatus: ['protocolStatus', 'how the request ended'],
    nameLength: ['nameLength', 'length of the name'],
    valueLength: ['valueLength', 'length of the value'],
    name: ['name', 'the variable name'],
    value: ['value', 'the variable value'],
    data: ['data', 'stream content'],
    padding: ['padding', 'ignored'],
    modifier1: ['modifier1', 'the packet type: 0 = a WSGI request'],
    datasize: ['datasize', 'size of the vars block (2 bytes, little-endian)'],
    modifier2: ['modifier2', 'a subtype: 0 here'],
    keySize: ['key_size', 'length of the key (2 bytes, little-endian)'],
    valSize: ['val_size', 'length of the value (2 bytes, little-endian)'],
  },
  'zh-cn': {
    version: ['version', 'FCGI_VERSION_1：恒为 1'],
    type: ['type', '记录类型'],
    requestId: ['requestId', '连接上的哪个请求（2 字节，大端）'],
    contentLength: ['contentLength', '随后内容的字节数（2 字节）'],
    paddingLength: ['paddingLength', '内容后的填充字节数，用于 8 字节对齐'],
    reserved: ['reserved', '保留，为 0'],
    role: ['role', '应用要扮演的角色（2 字节）'],
    flags: ['flags', '1 表示保持连接'],
    appStatus: ['appStatus', '应用的退出状态（4 字节）'],
    protocolStatus: ['protocolStatus', '请求如何结束'],
    nameLength: ['nameLength', '名称的长度'],
    valueLength: ['valueLength', '值的长度'],
    name: ['name', '变量名'],
    value: ['value', '变量值'],
    data: ['data', '流内容'],
    padding: ['padding', '忽略'],
    modifier1: ['modifier1', '数据包类型：0 表示 WSGI 请求'],
    datasize: ['datasize', '变量块的大小（2 字节，小端序）'],
    modifier2: ['modifier2', '子类型：这里为 0'],
    keySize: ['key_size', '键的长度（2 字节，小端序）'],
    valSize: ['val_size', '值的长度（2 字节，小端序）'],
  },
} as const;

/** How a name–value length was encoded. */
export const LENGTH_ENCODING = {
  en: { 1: '1 byte (length < 128, high bit clear)', 4: '4 bytes (high bit set, length ≥ 128)' },
  'zh-cn': { 1: '1 字节（长度 < 128，最高位为 0）', 4: '4 字节（最高位为 1，长度 ≥ 128）' },
} as const;

/** Names of change kinds. */
export const CHANGE_LABELS = {
  en: {
    renamed: 'renamed',
    decoded: 'decoded',
    dropped: 'dropped',
    added: 'added',
    joined: 'joined',
    rejected: 'rejected',
    rewritten: 'rewritten',
    framed: 'framed',
  },
  'zh-cn': {
    renamed: '改名',
    decoded: '解码',
    dropped: '丢弃',
    added: '新增',
    joined: '合并',
    rejected: '拒绝',
    rewritten: '改写',
    framed: '分帧',
  },
} as const;

/** The faults a reader can inject (`src/sim/faults/fault-ids.ts`), by id. */
export const FAULT_LABELS = {
  en: {
    'backend-down': 'the backend is down',
    'app-exception': 'the application raises an exception',
    'bad-response': 'the backend answers with unreadable headers',
    'app-timeout': 'the application does not answer in time',
  },
  'zh-cn': {
    'backend-down': '后端没有运行',
    'app-exception': '应用抛出异常',
    'bad-response': '后端返回无法解析的响应头',
    'app-timeout': '应用迟迟不回应（超时）',
  },
} as const satisfies Record<Locale, Record<FaultId, string>>;

/** What each fault preset shows (its step: the hop that fails), one sentence per language. */
export const FAULT_DESCRIPTIONS = {
  en: {
    'backend-down':
      'Nothing listens where the server sends the request: see which status the server in front answers with (502 from nginx, 503 from Apache and lighttpd) and the line it writes to its error log.',
    'app-exception':
      'The application fails while handling the request: see who turns the failure into an error page (a 500, or, with flup in between, even a 200), and where the error and its traceback end up.',
    'bad-response':
      'The backend answers, but with headers the server cannot parse: see the server refuse to pass them on and what it logs instead.',
    'app-timeout':
      'The application takes longer than the server is willing to wait: see which timeout fires first, the status it answers with (504 from a gateway) and what it logs.',
  },
  'zh-cn': {
    'backend-down':
      '服务器把请求发往的地方没有程序在监听：看前面的服务器回应哪个状态码（nginx 是 502，Apache 和 lighttpd 是 503），以及它在错误日志里写了什么。',
    'app-exception':
      '应用在处理请求时出错：看是谁把这个错误变成错误页（通常是 500，中间隔着 flup 时甚至是 200），错误信息和回溯又记到了哪里。',
    'bad-response': '后端有回应，但响应头服务器无法解析：看服务器如何拒绝转发，又在日志里记下了什么。',
    'app-timeout':
      '应用的处理时间超过了服务器愿意等待的时长：看哪个超时先触发，服务器回应什么状态码（网关给出 504），以及日志里写了什么。',
  },
} as const satisfies Record<Locale, Record<FaultId, string>>;

/** Every string the renderer needs in one language: built into the page, so the browser bundle carries none. */
export interface PlayerStrings {
  lang: Locale;
  ui: Record<PlayerStringKey, string>;
  parts: Record<keyof (typeof PART_LABELS)['en'], string>;
  segments: Record<keyof (typeof SEGMENT_LABELS)['en'], readonly [string, string]>;
  encoding: Record<1 | 4, string>;
  changes: Record<keyof (typeof CHANGE_LABELS)['en'], string>;
  /** Each fault's name, for the "Break this hop" menus and the notice of an injected fault. */
  faults: Record<FaultId, string>;
  /** The simulator's sentences in this language (`src/i18n/trace-messages.ts`). */
  trace: TraceStrings;
}

/** The strings of one language. */
export function playerStrings(lang: Locale): PlayerStrings {
  return {
    lang,
    ui: PLAYER_UI[lang],
    parts: PART_LABELS[lang],
    segments: SEGMENT_LABELS[lang],
    encoding: LENGTH_ENCODING[lang],
    changes: CHANGE_LABELS[lang],
    faults: FAULT_LABELS[lang],
    trace: traceStrings(lang),
  };
}

/** The preset requests' menu labels, by preset id (see `src/player/presets.ts`). */
export const PRESET_LABELS: Readonly<Record<string, Readonly<Record<Locale, string>>>> = {
  get: { en: 'Plain GET', 'zh-cn': '普通 GET' },
  static: { en: 'GET a static file', 'zh-cn': 'GET 静态文件' },
  'query-utf8': { en: 'Query and UTF-8 path', 'zh-cn': '查询串与 UTF-8 路径' },
  'form-post': { en: 'Form POST', 'zh-cn': '表单 POST' },
  'large-json': { en: 'Large JSON (64 KiB)', 'zh-cn': '大 JSON（64 KiB）' },
  'repeated-headers': { en: 'Repeated headers', 'zh-cn': '重复的请求头' },
  'underscore-header': { en: 'Underscore in a header name', 'zh-cn': '请求头名含下划线' },
  'proxy-header': { en: 'Proxy: header (httpoxy)', 'zh-cn': 'Proxy: 请求头（httpoxy）' },
  chunked: { en: 'Chunked body', 'zh-cn': '分块传输的请求体' },
  head: { en: 'HEAD', 'zh-cn': 'HEAD 请求' },
  http10: { en: 'HTTP/1.0 without Host', 'zh-cn': '不带 Host 的 HTTP/1.0' },
};

/** What each preset request demonstrates, one sentence per language (its step: `PRESET_FOCUS`, `src/player/preset-focus.ts`). */
export const PRESET_DESCRIPTIONS: Readonly<Record<string, Readonly<Record<Locale, string>>>> = {
  get: {
    en: 'The simplest request to the application: see which variables the server makes from it and where the path is split into SCRIPT_NAME and PATH_INFO.',
    'zh-cn': '发给应用的最简单的请求：看服务器从中生成了哪些变量，以及路径在哪里被切分成 SCRIPT_NAME 和 PATH_INFO。',
  },
  static: {
    en: 'A file the server sends by itself, with no gateway and no application: compare its response headers with an application’s answer.',
    'zh-cn': '服务器自己发送的文件，不经网关也不经应用：把它的响应头和应用给出的应答比较一下。',
  },
  'query-utf8': {
    en: 'A path and query string with percent-encoded UTF-8: see which variables keep the encoding (QUERY_STRING, REQUEST_URI) and which decode it (PATH_INFO).',
    'zh-cn':
      '路径和查询串里带有百分号编码的 UTF-8：看哪些变量保留编码（QUERY_STRING、REQUEST_URI），哪些会解码（PATH_INFO）。',
  },
  'form-post': {
    en: 'A form sent as the request body: see how the body travels (standard input, STDIN records, wsgi.input) with CONTENT_TYPE and CONTENT_LENGTH beside it.',
    'zh-cn':
      '以请求体发送的表单：看请求体如何一路传递（标准输入、STDIN 记录、wsgi.input），CONTENT_TYPE 和 CONTENT_LENGTH 又如何随行。',
  },
  'large-json': {
    en: 'A 64 KiB body, more than one FastCGI record can carry (65,535 bytes): see how each pipeline passes it on in pieces.',
    'zh-cn': '64 KiB 的请求体，超过一条 FastCGI 记录的容量（65535 字节）：看每条管线如何把它分段传下去。',
  },
  'repeated-headers': {
    en: 'Cookie, Accept and X-Custom each sent twice: an environment holds one value per name, so see how each server joins the values or keeps only one.',
    'zh-cn':
      'Cookie、Accept 和 X-Custom 各发送两次：环境中一个名字只能有一个值，看每台服务器是把值合并起来，还是只留下一个。',
  },
  'underscore-header': {
    en: 'A header named X_Custom_Header: nginx ignores it (underscores_in_headers is off by default) and Apache 2.4 drops it, because X_Foo and X-Foo would both become HTTP_X_FOO and a client could spoof a header that a proxy in front set or removed.',
    'zh-cn':
      '名为 X_Custom_Header 的请求头：nginx 会忽略它（underscores_in_headers 默认为 off），Apache 2.4 则直接丢弃，因为 X_Foo 和 X-Foo 都会变成 HTTP_X_FOO，客户端就能冒充前面的代理设置或删除的请求头。',
  },
  'proxy-header': {
    en: 'A Proxy: header (httpoxy): where it arrives as HTTP_PROXY, an application whose HTTP client reads that variable as its outbound proxy setting (Python’s requests, or urllib before its 2016 fix) sends its outgoing requests, credentials included, through the attacker’s proxy.',
    'zh-cn':
      '带 Proxy: 头的请求（httpoxy）：它一旦以 HTTP_PROXY 的名字到达应用，而应用的 HTTP 客户端又把这个变量当作对外代理设置（如 Python 的 requests，或 2016 年修复之前的 urllib），应用发出的对外请求（连同凭据）就会经过攻击者的代理。',
  },
  chunked: {
    en: 'A body sent in chunks with no Content-Length: see which servers decode it and pass its length on, and which leave the application to cope.',
    'zh-cn': '分块发送、没有 Content-Length 的请求体：看哪些服务器会解码并给出长度，哪些把难题留给应用。',
  },
  head: {
    en: 'HEAD asks for the headers alone: the application runs as for GET, but the server must send no body back (RFC 9110 §9.3.2).',
    'zh-cn': 'HEAD 只要响应头：应用照常像处理 GET 一样运行，但服务器不能回送正文（RFC 9110 §9.3.2）。',
  },
  http10: {
    en: 'An HTTP/1.0 request without Host: see what each server puts in HTTP_HOST and SERVER_NAME when the client names no host.',
    'zh-cn': '不带 Host 的 HTTP/1.0 请求：客户端没有指明主机时，看每台服务器在 HTTP_HOST 和 SERVER_NAME 里放了什么。',
  },
};
