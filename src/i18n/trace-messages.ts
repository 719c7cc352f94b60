/**
 * The sentences behind every message the simulator emits (`src/sim/message.ts`), in English and Chinese, with
 * `{slot}` templates for the message's values; and the sentences for provenance. `renderMessage` and
 * `renderProvenance` (`src/i18n/render-message.ts`) fill them. The player receives only its page language's column
 * (`traceStrings`), so its bundle carries no sentences at all.
 */
import type { MessageId } from '../sim/message.ts';
import type { Locale } from './locale.ts';
import type { TraceWords } from '../sim/format-trace-text.ts';
import { renderMessage, renderProvenance } from './render-message.ts';

/** Sentences for provenance: `verified` (with `{alongside}` when other products ran too), `verifiedPart`, `modelled`. */
export type ProvenanceId =
  'provenance.verified' | 'provenance.verifiedPart' | 'provenance.modelled' | 'provenance.separator' | 'provenance.ran';

export type TraceStringId = MessageId | ProvenanceId;

/** One language's sentences, as the player receives them. */
export type TraceStrings = Readonly<Record<TraceStringId, string>>;

export const TRACE_MESSAGES: Readonly<Record<TraceStringId, { en: string; 'zh-cn': string }>> = {
  'change.apacheMaxForwardsLowered': {
    en: 'mod_proxy counts this hop: Max-Forwards goes on one lower, as {value}',
    'zh-cn': 'mod_proxy 把这一跳算进去：Max-Forwards 减一后再转发，变成 {value}',
  },
  'change.apacheDropsContentLength': {
    en: 'Apache removes Content-Length when Transfer-Encoding is also present (RFC 9112 §6.3)',
    'zh-cn': '同时有 Transfer-Encoding 时，Apache 删除 Content-Length（RFC 9112 §6.3）',
  },
  'change.apacheDropsProxy': {
    en: 'Apache never passes a Proxy header as HTTP_PROXY (httpoxy, CVE-2016-5387)',
    'zh-cn': 'Apache 从不把 Proxy 请求头作为 HTTP_PROXY 传下去（httpoxy，CVE-2016-5387）',
  },
  'change.apacheLengthConflict': {
    en: 'With both Content-Length and Transfer-Encoding, Apache uses chunked, drops Content-Length and closes the connection afterwards',
    'zh-cn':
      'Content-Length 与 Transfer-Encoding 同时出现时，Apache 按 chunked 读取，丢弃 Content-Length，并在响应后关闭连接',
  },
  'change.apacheObsFold': {
    en: 'Apache joins a folded header line onto the previous one with a single space',
    'zh-cn': 'Apache 用一个空格把折行的请求头接到上一行',
  },
  'change.apachePathLeaks': {
    en: "The server's own PATH leaks into the environment",
    'zh-cn': '服务器自身的 PATH 泄漏进了环境变量',
  },
  'change.apacheSignature': {
    en: "Debian's security.conf turns ServerSignature on, so SERVER_SIGNATURE carries the server's address line",
    'zh-cn': 'Debian 的 security.conf 打开了 ServerSignature，所以 SERVER_SIGNATURE 带有服务器的地址行',
  },
  'change.apacheSplitPath': {
    en: 'The path is percent-decoded; {prefix} is SCRIPT_NAME and the rest, {pathInfo}, is PATH_INFO',
    'zh-cn': '路径经过百分号解码；{prefix} 是 SCRIPT_NAME，剩下的 {pathInfo} 是 PATH_INFO',
  },
  'change.apacheWithholdsAuthorization': {
    en: 'Authorization is withheld from scripts unless CGIPassAuth is on',
    'zh-cn': '除非打开 CGIPassAuth，否则 Authorization 不会交给脚本',
  },
  'change.apacheWithholdsProxyAuthorization': {
    en: 'Proxy-Authorization is withheld from scripts',
    'zh-cn': 'Proxy-Authorization 不会交给脚本',
  },
  'change.cgiHandlerRunOnce': {
    en: 'CGIHandler runs the application once per process: wsgi.run_once is True',
    'zh-cn': 'CGIHandler 每个进程只运行一次应用：wsgi.run_once 为 True',
  },
  'change.cgiHandlerUtf8': {
    en: 'Python decodes {name} from the environment as UTF-8; CGIHandler turns only request variables (PATH_INFO, QUERY_STRING, HTTP_*, …) back into latin-1 bytes-as-str, so {name} stays UTF-8 text',
    'zh-cn':
      'Python 按 UTF-8 解码环境变量 {name}；CGIHandler 只把请求变量（PATH_INFO、QUERY_STRING、HTTP_* 等）还原成 latin-1 的“字节当字符串”，所以 {name} 仍是 UTF-8 文本',
  },
  'change.cherootTargetControls': {
    en: 'urllib.parse.urlsplit removes tabs and line breaks from the target before Cheroot splits it, so PATH_INFO loses them; REQUEST_URI keeps the target as sent',
    'zh-cn':
      'Cheroot 拆分请求目标之前，urllib.parse.urlsplit 先删掉了其中的制表符和换行符，因此 PATH_INFO 里没有它们；REQUEST_URI 仍是原样的目标',
  },
  'change.cherootUnquotes': {
    en: 'Cheroot unquotes the path but keeps %2F encoded, so a slash inside a segment stays distinguishable',
    'zh-cn': 'Cheroot 解码路径，但保留 %2F 不解码，所以路径段内的斜杠仍能区分出来',
  },
  'change.chunkedDecoded': {
    en: 'The chunked body is decoded to {bytes} bytes',
    'zh-cn': '分块传输的请求体解码后为 {bytes} 字节',
  },
  'change.daemonHandoff': {
    en: 'The Apache child passes the request variables and the body to the daemon process over a UNIX socket',
    'zh-cn': 'Apache 子进程通过 UNIX 套接字把请求变量和请求体交给守护进程',
  },
  'change.flupDictOverwrite': {
    en: 'flup keeps params in a dict: the repeated {name} overwrites the earlier value',
    'zh-cn': 'flup 用字典保存参数：重复的 {name} 覆盖了之前的值',
  },
  'change.flupPathInfo': {
    en: "PATH_INFO was missing or empty, so flup cuts len(SCRIPT_NAME) characters off REQUEST_URI's path: {pathInfo}",
    'zh-cn': 'PATH_INFO 缺失或为空，于是 flup 从 REQUEST_URI 的路径开头去掉 len(SCRIPT_NAME) 个字符，得到 {pathInfo}',
  },
  'change.flupWsgiKeys': {
    en: 'flup adds the wsgi.* keys after the FastCGI params',
    'zh-cn': 'flup 在 FastCGI 参数之后加上 wsgi.* 键',
  },
  'change.gunicornContradictoryScheme': {
    en: 'The request carries secure-scheme headers that disagree (one says https, another not): Gunicorn refuses it with 400 before calling the application',
    'zh-cn': '请求里的安全协议头互相矛盾（一个说是 https，另一个不是）：Gunicorn 在调用应用之前就以 400 拒绝',
  },
  'change.gunicornDoubleEncodes': {
    en: 'Gunicorn decodes %XX escapes into PATH_INFO, but re-encodes the raw bytes above 0x7F it read as latin-1 into UTF-8 first: each such byte arrives as two',
    'zh-cn':
      'Gunicorn 把 %XX 转义解码进 PATH_INFO，但它先把按 latin-1 读入的、大于 0x7F 的原始字节重新编码成 UTF-8：每个这样的字节到应用时都变成了两个',
  },
  'change.gunicornError': {
    en: 'The application broke the WSGI contract: Gunicorn answers with its own 500 page',
    'zh-cn': '应用违反了 WSGI 约定：Gunicorn 用自己的 500 页面回应',
  },
  'change.gunicornFragment': {
    en: 'Gunicorn splits the target like urllib.parse.urlsplit: the fragment {fragment} stays in RAW_URI but not in PATH_INFO',
    'zh-cn': 'Gunicorn 像 urllib.parse.urlsplit 一样拆分请求目标：片段 {fragment} 留在 RAW_URI 里，不进入 PATH_INFO',
  },
  'change.gunicornHeadBody': {
    en: 'Gunicorn writes the {bytes}-byte body for HEAD too; the proxy in front must drop it',
    'zh-cn': '对 HEAD 请求，Gunicorn 也照样写出 {bytes} 字节的响应体，要靠前面的代理把它丢掉',
  },
  'change.gunicornHopHeader': {
    en: "Gunicorn drops {header} from the application's headers and writes its own (hop-by-hop, or Server/Date)",
    'zh-cn': 'Gunicorn 从应用给出的响应头中去掉 {header}，改写成自己的（逐跳头，或 Server/Date）',
  },
  'change.gunicornJoins': {
    en: 'Gunicorn joins the repeated {header} into {key} with a comma and no space',
    'zh-cn': 'Gunicorn 把重复的 {header} 用逗号（不带空格）合并到 {key}',
  },
  'change.gunicornScheme': {
    en: '{header} comes from {peer}, listed in forwarded_allow_ips: Gunicorn sets wsgi.url_scheme to {scheme}',
    'zh-cn': '{header} 来自 forwarded_allow_ips 中列出的 {peer}：Gunicorn 把 wsgi.url_scheme 设为 {scheme}',
  },
  'change.gunicornServerName': {
    en: 'Over TCP, Gunicorn takes SERVER_NAME and SERVER_PORT from the address it listens on ({host}:{port}), not from Host',
    'zh-cn':
      '通过 TCP 监听时，Gunicorn 的 SERVER_NAME 和 SERVER_PORT 取自它监听的地址（{host}:{port}），而不是 Host 请求头',
  },
  'change.gunicornUnquotes': {
    en: 'Gunicorn percent-decodes the path into PATH_INFO (%2F included); RAW_URI keeps it as sent',
    'zh-cn': 'Gunicorn 对路径做百分号解码后放入 PATH_INFO（包括 %2F）；RAW_URI 保留原样',
  },
  'change.headerNameNotAlnum': {
    en: '{header} has a character other than a letter, digit or hyphen, so it is not passed on',
    'zh-cn': '{header} 含有字母、数字和连字符以外的字符，所以不会被传下去',
  },
  'change.headerValueRewritten': {
    en: 'The {header} value is rewritten to {value}',
    'zh-cn': '{header} 的值被改写为 {value}',
  },
  'change.lighttpdContentLength': {
    en: 'lighttpd reads the whole body first and always sends CONTENT_LENGTH, 0 when there is none',
    'zh-cn': 'lighttpd 先读完整个请求体，并且总是发送 CONTENT_LENGTH，没有请求体时为 0',
  },
  'change.lighttpdDropsExpect': {
    en: 'lighttpd handles Expect: 100-continue itself and removes the header',
    'zh-cn': 'lighttpd 自己处理 Expect: 100-continue，并删掉这个请求头',
  },
  'change.lighttpdDropsProxy': {
    en: 'lighttpd drops the Proxy header (httpoxy)',
    'zh-cn': 'lighttpd 丢弃 Proxy 请求头（httpoxy）',
  },
  'change.lighttpdDropsTransferEncoding': {
    en: 'lighttpd de-chunks the body and does not pass Transfer-Encoding on',
    'zh-cn': 'lighttpd 解码分块传输的请求体，不再传递 Transfer-Encoding',
  },
  'change.lighttpdDropsUpgrade': {
    en: 'lighttpd removes Upgrade: it is ignored without Connection or as h2c without HTTP2-Settings, and mod_cgi takes no upgrade here',
    'zh-cn':
      'lighttpd 删掉 Upgrade 请求头：没有 Connection，或者是缺少 HTTP2-Settings 的 h2c 时，它会被忽略；这里的 mod_cgi 也不接受协议升级',
  },
  'change.lighttpdConnectionTokens': {
    en: 'Upgrade: h2c without HTTP2-Settings is ignored: lighttpd blanks the Upgrade and HTTP2-Settings tokens out of Connection, leaving "{value}"',
    'zh-cn':
      '没有 HTTP2-Settings 的 Upgrade: h2c 被忽略：lighttpd 把 Connection 中的 Upgrade 和 HTTP2-Settings 记号涂成空格，剩下 "{value}"',
  },
  'change.lighttpdHostFromTarget': {
    en: 'lighttpd takes Host from the absolute-form target, lower-cased ({host}), and ignores a Host header that says the same',
    'zh-cn': 'lighttpd 从绝对形式的请求目标中取出 Host 并转为小写（{host}），与之相同的 Host 请求头被忽略',
  },
  'change.lighttpdNormalises': {
    en: 'lighttpd normalises the URL path (url-normalize-*, url-path-2f-decode, dot segments)',
    'zh-cn': 'lighttpd 规范化 URL 路径（url-normalize-*、url-path-2f-decode、点路径段）',
  },
  'change.lighttpdObsFold': {
    en: 'lighttpd keeps a folded line, turning its CR and LF into spaces',
    'zh-cn': 'lighttpd 保留折行，把其中的 CR 和 LF 换成空格',
  },
  'change.lighttpdRedirectUri': {
    en: 'The normalised URL differs from the one sent, so lighttpd adds REDIRECT_URI',
    'zh-cn': '规范化后的 URL 与发来的不同，所以 lighttpd 加上 REDIRECT_URI',
  },
  'change.lighttpdSplitPath': {
    en: 'The prefix {prefix} becomes SCRIPT_NAME and the decoded rest, {pathInfo}, PATH_INFO',
    'zh-cn': '前缀 {prefix} 成为 SCRIPT_NAME，解码后的其余部分 {pathInfo} 成为 PATH_INFO',
  },
  'change.modPythonRequestUri': {
    en: 'mod_python fills REQUEST_URI from the decoded req.uri, without the query string',
    'zh-cn': 'mod_python 用解码后的 req.uri 填写 REQUEST_URI，不带查询字符串',
  },
  'change.modPythonCrash': {
    en: 'mod_python cannot make a Python str of {variable}, which is not UTF-8: the Apache child process dies (a segmentation fault in the error log) and the connection closes without an answer',
    'zh-cn':
      '{variable} 不是合法的 UTF-8，mod_python 无法把它变成 Python 字符串：Apache 子进程随即崩溃（错误日志里是段错误），连接被关闭，客户端收不到任何回答',
  },
  'change.modPythonUtf8': {
    en: "mod_python decodes the bytes as UTF-8 instead of PEP 3333's latin-1",
    'zh-cn': 'mod_python 按 UTF-8 解码字节，而不是 PEP 3333 规定的 latin-1',
  },
  'change.modWsgiDaemon': {
    en: 'The request is handed to the "{group}" daemon process, which builds the same environ there',
    'zh-cn': '请求被交给“{group}”守护进程，由它在那里构造同样的 environ',
  },
  'change.modWsgiEmbedded': {
    en: 'The application runs inside the Apache child process itself (embedded mode)',
    'zh-cn': '应用就在 Apache 子进程内部运行（嵌入模式）',
  },
  'change.modWsgiInputTerminated': {
    en: 'mod_wsgi always marks wsgi.input as terminated: reading to EOF is safe',
    'zh-cn': 'mod_wsgi 总是把 wsgi.input 标记为有终止：一直读到 EOF 是安全的',
  },
  'change.nginxBodyBuffers': {
    en: 'nginx holds the body in {buffers} buffers (the first {first} bytes arrived together with the headers, in the header buffer) and sends each buffer as its own STDIN record',
    'zh-cn':
      'nginx 把请求体存放在 {buffers} 个缓冲区里（前 {first} 字节是和请求头一起读进请求头缓冲区的），每个缓冲区各自发成一条 STDIN 记录',
  },
  'change.proxyFcgiReads': {
    en: 'mod_proxy_fcgi read the first {first} bytes of the chunked body before it connected (it prefetches up to 16 KiB and stops within 80 bytes of it), then took the rest one read at a time, each at most the rest of one chunk; each of the {reads} reads goes out as STDIN records of its own',
    'zh-cn':
      'mod_proxy_fcgi 在连接应用之前先读了分块请求体的前 {first} 字节（它最多预读 16 KiB，差不到 80 字节时就停下），之后一次读一段，每次最多读到当前分块的末尾；这 {reads} 次读取各自发成自己的 STDIN 记录',
  },
  'change.nginxBodySpooled': {
    en: "The {bytes}-byte body did not fit nginx's body buffer: nginx wrote it to a temporary file and sends it from there, in records of at most 32 KiB",
    'zh-cn':
      '{bytes} 字节的请求体放不进 nginx 的请求体缓冲区：nginx 先把它写进临时文件，再从文件中读出发送，每条记录最多 32 KiB',
  },
  'change.nginxChunkedLength': {
    en: 'nginx reads the whole chunked body and sends its decoded length as CONTENT_LENGTH',
    'zh-cn': 'nginx 读完分块传输的请求体，把解码后的长度作为 CONTENT_LENGTH 发送',
  },
  'change.nginxHostNotSent': {
    en: 'Host is not sent as a header because {file} already set HTTP_HOST',
    'zh-cn': 'Host 不作为请求头发送，因为 {file} 已经设置了 HTTP_HOST',
  },
  'change.nginxHttpHost': {
    en: "Debian's {file} sets HTTP_HOST from $host ({host}), so the Host header itself is not passed again",
    'zh-cn': 'Debian 的 {file} 用 $host（{host}）设置 HTTP_HOST，所以 Host 请求头本身不再重复传递',
  },
  'change.nginxRedirectStatus': {
    en: 'fastcgi_params adds REDIRECT_STATUS 200 for PHP',
    'zh-cn': 'fastcgi_params 为 PHP 加上 REDIRECT_STATUS 200',
  },
  'change.nginxSplitPathInfo': {
    en: 'fastcgi_split_path_info ^(/app)(/.*)$ splits the decoded $uri: SCRIPT_NAME {scriptName}, PATH_INFO {pathInfo}',
    'zh-cn':
      'fastcgi_split_path_info ^(/app)(/.*)$ 拆分解码后的 $uri：SCRIPT_NAME 为 {scriptName}，PATH_INFO 为 {pathInfo}',
  },
  'change.nginxUnderscores': {
    en: 'nginx ignores {header}: underscores in header names are invalid unless underscores_in_headers is on',
    'zh-cn': 'nginx 忽略 {header}：除非打开 underscores_in_headers，否则请求头名中的下划线无效',
  },
  'change.nginxUri': {
    en: 'nginx percent-decodes the path (%2F included), resolves dot segments and merges slashes into $uri',
    'zh-cn': 'nginx 对路径做百分号解码（包括 %2F），处理点路径段并合并连续斜杠，结果存入 $uri',
  },
  'change.nginxUwsgiPathInfo': {
    en: 'uwsgi_params sends the whole decoded path {path} as PATH_INFO and no SCRIPT_NAME',
    'zh-cn': 'uwsgi_params 把解码后的完整路径 {path} 作为 PATH_INFO 发送，不发送 SCRIPT_NAME',
  },
  'change.phpAdds': {
    en: 'PHP adds FCGI_ROLE, PHP_SELF (SCRIPT_NAME + PATH_INFO) and the request time',
    'zh-cn': 'PHP 加上 FCGI_ROLE、PHP_SELF（SCRIPT_NAME + PATH_INFO）和请求时间',
  },
  'change.phpFpmClearEnv': {
    en: 'php-fpm clears the environment (clear_env = yes) but still sets USER and HOME of the pool user',
    'zh-cn': 'php-fpm 清空了环境变量（clear_env = yes），但仍设置进程池用户的 USER 和 HOME',
  },
  'change.phpFpmReverseOrder': {
    en: 'The params come out in reverse order, and a repeated name keeps only its last value',
    'zh-cn': '参数以相反的顺序出现，重复的名字只保留最后一个值',
  },
  'change.phpRemovesProxy': {
    en: 'PHP removes HTTP_PROXY from $_SERVER (httpoxy)',
    'zh-cn': 'PHP 从 $_SERVER 中删除 HTTP_PROXY（httpoxy）',
  },
  'change.pipelinedRequest': {
    en: 'A pipelined request, starting at byte {offset} of the same connection',
    'zh-cn': '同一连接上的下一个管线化请求，从第 {offset} 字节开始',
  },
  'change.proxyChunkedLength': {
    en: 'nginx reads the whole chunked body ({bytes} bytes) first and sends it upstream with Content-Length',
    'zh-cn': 'nginx 先读完整个分块传输的请求体（{bytes} 字节），再带上 Content-Length 发给上游',
  },
  'change.proxyConnectionClose': {
    en: "proxy_set_header's default Connection: close: one upstream connection per request",
    'zh-cn': 'proxy_set_header 的默认值 Connection: close：每个请求一条上游连接',
  },
  'change.proxyConnectionHeader': {
    en: '{header} describes the upstream connection, not the response: nginx does not pass it to the client',
    'zh-cn': '{header} 描述的是上游连接，而不是响应本身：nginx 不把它转给客户端',
  },
  'change.proxyDropsHeadBody': {
    en: 'nginx discards the {bytes} body bytes the upstream sent after its HEAD response',
    'zh-cn': '上游在 HEAD 响应后多发了 {bytes} 字节的响应体，nginx 把它们丢弃',
  },
  'change.proxyDropsHeader': {
    en: "nginx does not pass the client's {header}: the proxy module sets that header itself (or leaves it out)",
    'zh-cn': 'nginx 不转发客户端的 {header}：代理模块自己设置这个头（或者不发送）',
  },
  'change.proxyFcgiChunkedLength': {
    en: 'mod_proxy_fcgi reads the chunked body and adds its decoded length',
    'zh-cn': 'mod_proxy_fcgi 读完分块传输的请求体，并加上解码后的长度',
  },
  'change.proxyFcgiPlainLength': {
    en: 'mod_proxy_fcgi sends CONTENT_LENGTH as the plain length of the body it forwards, not as sent ("{sent}")',
    'zh-cn':
      'mod_proxy_fcgi 发出的 CONTENT_LENGTH 是它转发的请求体的长度，用普通数字写出，而不是客户端发来的原样（“{sent}”）',
  },
  'change.proxyFcgiDropsTransferEncoding': {
    en: 'mod_proxy_fcgi de-chunks the body and drops Transfer-Encoding',
    'zh-cn': 'mod_proxy_fcgi 解码分块传输的请求体，并丢弃 Transfer-Encoding',
  },
  'change.proxyFcgiScriptName': {
    en: 'mod_proxy_fcgi sends the whole decoded path as SCRIPT_NAME and no PATH_INFO (its default, without proxy-fcgi-pathinfo)',
    'zh-cn':
      'mod_proxy_fcgi 把解码后的整个路径作为 SCRIPT_NAME 发送，不发 PATH_INFO（这是它的默认行为，未设置 proxy-fcgi-pathinfo）',
  },
  'change.proxyHidesHeader': {
    en: "proxy_hide_header's default: nginx does not pass the upstream's {header} to the client",
    'zh-cn': 'proxy_hide_header 的默认行为：nginx 不把上游的 {header} 转给客户端',
  },
  'change.proxyHost': {
    en: 'Host becomes $proxy_host, the address in proxy_pass ({host}), unless proxy_set_header Host is configured',
    'zh-cn': '除非配置了 proxy_set_header Host，否则 Host 变成 $proxy_host，即 proxy_pass 中的地址（{host}）',
  },
  'change.proxyRequestLine': {
    en: "nginx rebuilds the request line for HTTP/1.0 (proxy_http_version's default): {line}",
    'zh-cn': 'nginx 按 HTTP/1.0（proxy_http_version 的默认值）重写请求行：{line}',
  },
  'change.pythonEnvironFirst': {
    en: "{name} is in the environment twice; Python's os.environ keeps the first value and CGIHandler never sees the second",
    'zh-cn': '{name} 在环境中出现了两次；Python 的 os.environ 只保留第一个值，CGIHandler 看不到第二个',
  },
  'change.pythonLeadingSlashes': {
    en: 'http.server reduces the slashes at the start of the path to one, so that //host/… cannot pass for a link to another site (CPython gh-87389)',
    'zh-cn': 'http.server 把路径开头的多个斜杠合并为一个，免得 //host/… 被当成指向别的网站的链接（CPython gh-87389）',
  },
  'change.pythonLocaleCoercion': {
    en: 'Python finds no locale in the CGI environment and coerces it to C.UTF-8 (PEP 538), adding LC_CTYPE',
    'zh-cn': 'Python 在 CGI 环境里找不到区域设置，于是按 PEP 538 强制使用 C.UTF-8，并添加 LC_CTYPE',
  },
  'change.rejected': {
    en: '{server} answers {status}: {reason}',
    'zh-cn': '{server} 回应 {status}：{reason}',
  },
  'change.renamedHeader': {
    en: '{from}: becomes {to}',
    'zh-cn': '请求头 {from} 变成 {to}',
  },
  'change.repeatedHeaderComma': {
    en: 'A repeated {header} is appended with a bare comma',
    'zh-cn': '重复的 {header} 用一个不带空格的逗号接在后面',
  },
  'change.repeatedHeaderCommaSpace': {
    en: 'Repeated {header} values are joined with ", "',
    'zh-cn': '重复的 {header} 值用“, ”连接',
  },
  'change.repeatedHeaderJoined': {
    en: 'A repeated {header} header is joined onto the first one in {name}',
    'zh-cn': '重复的 {header} 请求头被接在第一个后面，合并进 {name}',
  },
  'change.repeatedHeaderReplaces': {
    en: 'A repeated {header} replaces the earlier value',
    'zh-cn': '重复的 {header} 覆盖了之前的值',
  },
  'change.unfollowed': {
    en: 'The trace stops after {max} pipelined requests: {requests} more ({bytes} bytes from byte {offset}) follow on the connection, and {server} answers them too',
    'zh-cn':
      '追踪在 {max} 个管线化请求后停止：连接上还有 {requests} 个请求（从第 {offset} 字节起共 {bytes} 字节），{server} 同样会一一回应',
  },
  'fault.staticNoBackend': {
    en: '{server} serves this pipeline from its own files: there is no backend or application behind it to fail',
    'zh-cn': '这条管线由 {server} 直接用自己的文件作答，后面没有会出故障的后端或应用',
  },
  'fault.unaffected': {
    en: 'The request never reached {node}, so the fault {fault} changed nothing',
    'zh-cn': '请求没有到达 {node}，所以故障 {fault} 没有产生任何影响',
  },
  'narration.faultRefused': {
    en: '{from} tries to connect to {to} at {address}, but nothing listens there: the connection is refused and these bytes never leave.',
    'zh-cn': '{from} 尝试连接 {address} 上的 {to}，但那里没有进程在监听：连接被拒绝，这些字节根本没有发出去。',
  },
  'fault.connectRefused': {
    en: 'The connection to {node} at {address} is refused: nothing listens there, these bytes are never sent, and the client gets {status}',
    'zh-cn': '连接 {address} 上的 {node} 被拒绝：那里没有进程在监听，这些字节根本没有发出去，客户端收到 {status}',
  },
  'fault.readTimeout': {
    en: '{node} sends nothing back within {setting} ({value}): the wait ends there and the client gets {status}',
    'zh-cn': '{node} 在 {setting}（{value}）之内没有发回任何内容：等待到此为止，客户端收到 {status}',
  },
  'fault.upstreamClosed': {
    en: '{node} closes the connection before it sends a header section: the client gets {status}',
    'zh-cn': '{node} 还没发出响应头就关闭了连接：客户端收到 {status}',
  },
  'fault.invalidHeader': {
    en: 'The header line {line} from {node} cannot be parsed (a header name holds no space or control byte): the client gets {status}',
    'zh-cn': '来自 {node} 的响应头行 {line} 无法解析（头部名称里不能有空格或控制字符）：客户端收到 {status}',
  },
  'fault.phpUncaught': {
    en: 'The script throws {exception} and nothing catches it: PHP writes the fatal error to FastCGI STDERR and answers 500 with no body',
    'zh-cn': '脚本抛出 {exception}，没有代码捕获它：PHP 把这个致命错误写进 FastCGI 的 STDERR，并回应一个没有正文的 500',
  },
  'fault.phpBadHeader': {
    en: 'The script calls header() with {line}, which has no colon: PHP passes the line on as it is',
    'zh-cn': '脚本用不含冒号的 {line} 调用 header()：PHP 原样把这一行传下去',
  },
  'fault.appRaises': {
    en: 'The application raises {exception} before it starts its response',
    'zh-cn': '应用还没开始响应就抛出了 {exception}',
  },
  'fault.appBadHeader': {
    en: 'The application answers with the header name {name}, which has a space in it',
    'zh-cn': '应用返回的响应头名称 {name} 里含有空格',
  },
  'fault.gunicornWorkerTimeout': {
    en: "The application is still sleeping when Gunicorn's arbiter finds the worker silent for longer than timeout ({seconds} s): it kills the worker, the connection closes without an answer, and the client gets {status}",
    'zh-cn':
      'Gunicorn 的主进程发现工作进程超过 timeout（{seconds} 秒）没有动静时，应用还在睡眠：主进程杀掉这个工作进程，连接没有任何回应就关闭了，客户端收到 {status}',
  },
  'fault.gunicornInvalidHeaderName': {
    en: 'Gunicorn refuses the header name {name} (no spaces in a header name) and answers 400 Bad Request itself',
    'zh-cn': 'Gunicorn 拒绝头部名称 {name}（头部名称里不能有空格），自己回应 400 Bad Request',
  },
  'fault.uvicornIllegalHeader': {
    en: 'h11 refuses the header name {name}: Uvicorn logs the exception and closes the connection without sending a byte',
    'zh-cn': 'h11 拒绝头部名称 {name}：Uvicorn 记录下这个异常，一个字节也没发就关闭了连接',
  },
  'fault.apache.cgiNoBackend': {
    en: 'mod_cgid starts the CGI script afresh for every request: there is no running backend that could be down',
    'zh-cn': 'mod_cgid 为每个请求重新启动一次 CGI 脚本，没有一直运行的后端，也就谈不上后端宕机',
  },
  'fault.lighttpd.cgiNoBackend': {
    en: "lighttpd's mod_cgi starts the CGI script afresh for every request: there is no running backend that could be down",
    'zh-cn': 'lighttpd 的 mod_cgi 为每个请求重新启动一次 CGI 脚本，没有一直运行的后端，也就谈不上后端宕机',
  },
  'fault.apache.inProcessNoBackend': {
    en: 'In {pipeline} the application runs inside the Apache children themselves: there is no connection to a backend that could be refused',
    'zh-cn': '在 {pipeline} 中，应用就运行在 Apache 子进程内部，不存在可能被拒绝的后端连接',
  },
  'fault.apache.inProcessNoTimeout': {
    en: 'In {pipeline} Apache has no timeout for the application it runs in its own processes: the request waits as long as the application runs (observed: a 4 s sleep under Timeout 2 still answered 200)',
    'zh-cn':
      '在 {pipeline} 中，Apache 对运行在自己进程里的应用没有超时：应用跑多久，请求就等多久（实测：Timeout 设为 2 时，睡 4 秒的应用照样返回 200）',
  },
  'fault.lighttpd.cgiNoTimeout': {
    en: "lighttpd's reference configuration sets no cgi.limits read-timeout: it waits for the CGI script as long as it runs (observed: a 4 s sleep answered 200)",
    'zh-cn':
      'lighttpd 的参考配置没有设置 cgi.limits 的 read-timeout，CGI 脚本跑多久它就等多久（实测：睡 4 秒的脚本照样返回 200）',
  },
  'fault.lighttpd.fastcgiNoTimeout': {
    en: "lighttpd's reference fastcgi.server sets no read-timeout: it waits for the FastCGI answer as long as it takes (observed: a peer silent for 8 s got no answer from lighttpd either)",
    'zh-cn':
      'lighttpd 参考配置里的 fastcgi.server 没有设置 read-timeout，FastCGI 的回答要多久它就等多久（实测：对端沉默 8 秒，lighttpd 也一直没有回应客户端）',
  },
  'fault.python.inProcess': {
    en: '{server} calls the application in its own process: there is no backend to connect to, so none can be down',
    'zh-cn': '{server} 在自己的进程里直接调用应用，没有要连接的后端，也就不会有后端宕机',
  },
  'fault.python.noTimeout': {
    en: '{server} has no request timeout: it waits for the application as long as it runs',
    'zh-cn': '{server} 没有请求超时，应用跑多久它就等多久',
  },
  'fault.python.slow': {
    en: 'The application answers only after {seconds} s, later than the timeout',
    'zh-cn': '应用要过 {seconds} 秒才回应，已经超过了超时时间',
  },
  'fault.apache.scriptNoHeaders': {
    en: 'The script ended without writing a header block: mod_cgid logs “End of script output before headers” and Apache answers 500',
    'zh-cn': '脚本还没写出头部就结束了，mod_cgid 记下 “End of script output before headers”，Apache 回应 500',
  },
  'fault.apache.scriptBadHeader': {
    en: 'The script’s first line is no header: mod_cgid logs “malformed header from script” and Apache answers 500',
    'zh-cn': '脚本输出的第一行不是头部，mod_cgid 记下 “malformed header from script”，Apache 回应 500',
  },
  'fault.apache.daemonManaged': {
    en: 'Apache starts the mod_wsgi daemon process itself and starts it again when it dies, so it is never down for long (only by removing its socket by hand: observed 503 “Unable to connect to WSGI daemon process”); the captures have no run for it',
    'zh-cn':
      'mod_wsgi 守护进程由 Apache 自己启动，进程一死 Apache 就会重新拉起，所以它不会长时间宕掉（只有手动删掉它的套接字才行：实测得到 503 “Unable to connect to WSGI daemon process”）；抓包中没有这种运行',
  },
  'fault.apache.headerRejected': {
    en: 'Apache’s output filter refuses the header name {name} (AH02429) and answers with its 500 page',
    'zh-cn': 'Apache 的输出过滤器拒绝了头部名称 {name}（AH02429），改用它自己的 500 页面作答',
  },
  'fault.apache.modWsgiChecksHeader': {
    en: 'mod_wsgi checks the header name and raises ValueError in start_response: Apache answers 500',
    'zh-cn': 'mod_wsgi 会检查头部名称，在 start_response 里抛出 ValueError，Apache 回应 500',
  },
  'fault.lighttpd.connectRefused': {
    en: 'Nothing listens on {address}: lighttpd logs the refused connection, disables the backend for a while and answers 503',
    'zh-cn': '{address} 上没有进程在监听，lighttpd 记下连接被拒，暂时停用这个后端，并回应 503',
  },
  'fault.lighttpd.backendDisabled': {
    en: 'lighttpd still has this backend disabled after the refused connection: it answers 503 without trying again',
    'zh-cn': '连接被拒之后 lighttpd 仍把这个后端标为停用，不再尝试，直接回应 503',
  },
  'fault.lighttpd.scriptNoHeaders': {
    en: 'The script ended without writing anything: lighttpd answers 500; the traceback goes to lighttpd’s own standard error, not its error log',
    'zh-cn': '脚本什么都没写就结束了，lighttpd 回应 500；回溯写到了 lighttpd 自己的标准错误，而不是错误日志',
  },
  'fault.lighttpd.scriptBadHeader': {
    en: 'The script’s header block holds a line without a colon: lighttpd drops that line without a word and answers with the rest',
    'zh-cn': '脚本的头部块里有一行没有冒号：lighttpd 一声不响地丢掉这一行，用其余部分作答',
  },
  'change.uwsgiDictOverwrite': {
    en: 'uWSGI puts the vars in a dict: the repeated {name} keeps its first place and takes the later value',
    'zh-cn': 'uWSGI 把变量放进字典：重复的 {name} 保留最先出现的位置，值取后来的那个',
  },
  'change.uwsgiManageScriptName': {
    en: 'manage-script-name: uWSGI finds the mountpoint {scriptName} at the start of PATH_INFO, moves it into SCRIPT_NAME and leaves {pathInfo}',
    'zh-cn':
      'manage-script-name：uWSGI 发现 PATH_INFO 以挂载点 {scriptName} 开头，把它移进 SCRIPT_NAME，PATH_INFO 只剩 {pathInfo}',
  },
  'change.uwsgiWsgiKeys': {
    en: "uWSGI's python3 plugin adds the wsgi.* keys and its own uwsgi.version and uwsgi.node after the vars",
    'zh-cn': 'uWSGI 的 python3 插件在变量之后加上 wsgi.* 键，以及它自己的 uwsgi.version 和 uwsgi.node',
  },
  'change.werkzeugAbsoluteHost': {
    en: 'For an absolute-form target Werkzeug takes HTTP_HOST from the URL',
    'zh-cn': '请求目标是绝对形式时，Werkzeug 从 URL 中取 HTTP_HOST',
  },
  'change.werkzeugDechunked': {
    en: 'A chunked body is de-chunked on the fly by DechunkedInput and marked wsgi.input_terminated',
    'zh-cn': '分块传输的请求体由 DechunkedInput 边读边解码，并标记 wsgi.input_terminated',
  },
  'change.werkzeugUnquotes': {
    en: 'Werkzeug unquotes the path (%2F too) into PATH_INFO; SCRIPT_NAME stays empty',
    'zh-cn': 'Werkzeug 把路径解码（%2F 也解码）放进 PATH_INFO；SCRIPT_NAME 保持为空',
  },
  'change.wsgirefAbsoluteForm': {
    en: 'wsgiref does not understand an absolute-form target: the scheme and host end up in PATH_INFO',
    'zh-cn': 'wsgiref 不理解绝对形式的请求目标：协议和主机名都进了 PATH_INFO',
  },
  'change.wsgirefDefaultContentType': {
    en: 'Without a Content-Type header wsgiref still sets CONTENT_TYPE, to the email default text/plain',
    'zh-cn': '即使没有 Content-Type 请求头，wsgiref 也会设置 CONTENT_TYPE，取 email 模块的默认值 text/plain',
  },
  'change.wsgirefOsEnviron': {
    en: "wsgiref copies the server process's whole os.environ into every environ (here PATH, LANG and LC_CTYPE)",
    'zh-cn': 'wsgiref 把服务器进程的整个 os.environ 复制进每个 environ（这里是 PATH、LANG 和 LC_CTYPE）',
  },
  'change.wsgirefUnquotes': {
    en: 'wsgiref unquotes the whole request path (as latin-1, %2F too) into PATH_INFO; SCRIPT_NAME stays empty',
    'zh-cn': 'wsgiref 把整个请求路径按 latin-1 解码（%2F 也解码）放进 PATH_INFO；SCRIPT_NAME 保持为空',
  },
  'http.asteriskNotOptions': {
    en: 'The asterisk-form target "*" is for OPTIONS only, not {method} (RFC 9112 §3.2.4)',
    'zh-cn': '星号形式的请求目标“*”只用于 OPTIONS，不能用于 {method}（RFC 9112 §3.2.4）',
  },
  'http.authorityNotConnect': {
    en: 'An authority-form target (host:port) is for CONNECT only, not {method} (RFC 9112 §3.2.3)',
    'zh-cn': '权威形式的请求目标（host:port）只用于 CONNECT，不能用于 {method}（RFC 9112 §3.2.3）',
  },
  'http.badHeaderName': {
    en: 'A header name contains a character that is not allowed in a token',
    'zh-cn': '请求头名中有 token 不允许的字符',
  },
  'http.badMethod': {
    en: 'The method contains a character that is not allowed in a token',
    'zh-cn': '方法名中有 token 不允许的字符',
  },
  'http.badRequestLine': {
    en: 'The request line needs a method, a target and a version separated by single spaces',
    'zh-cn': '请求行需要由单个空格分隔的方法、请求目标和版本',
  },
  'http.badTarget': {
    en: 'The request target is empty or contains whitespace or control characters',
    'zh-cn': '请求目标为空，或含有空白或控制字符',
  },
  'http.badVersion': {
    en: 'The HTTP version is not of the form HTTP/x.y',
    'zh-cn': 'HTTP 版本不是 HTTP/x.y 的形式',
  },
  'http.bareCr': {
    en: 'A CR that is not followed by LF is not allowed (RFC 9112 §2.2)',
    'zh-cn': '不允许后面没有 LF 的 CR（RFC 9112 §2.2）',
  },
  'http.bareLf': {
    en: 'Line ends with a bare LF instead of CRLF (RFC 9112 §2.2)',
    'zh-cn': '这一行以单独的 LF 而不是 CRLF 结尾（RFC 9112 §2.2）',
  },
  'http.chunkBareLf': {
    en: 'Chunk line ends with a bare LF',
    'zh-cn': '块的这一行以单独的 LF 结尾',
  },
  'http.chunkNoCrlf': {
    en: 'Chunk data is not followed by CRLF',
    'zh-cn': '块数据后面没有 CRLF',
  },
  'http.chunkSizeIncomplete': {
    en: 'The chunked body ends before a chunk-size line is complete',
    'zh-cn': '分块传输的请求体在块大小行完整之前就结束了',
  },
  'http.chunkTruncated': {
    en: 'The chunked body ends inside a chunk',
    'zh-cn': '分块传输的请求体在一个块的中间结束了',
  },
  'http.conflictingLength': {
    en: 'Both Content-Length and Transfer-Encoding are present (RFC 9112 §6.1)',
    'zh-cn': 'Content-Length 和 Transfer-Encoding 同时出现（RFC 9112 §6.1）',
  },
  'http.contentLengthTooLarge': {
    en: 'Content-Length is too large',
    'zh-cn': 'Content-Length 太大',
  },
  'http.controlInValue': {
    en: 'A header value contains a control character (RFC 9110 §5.5)',
    'zh-cn': '请求头的值中有控制字符（RFC 9110 §5.5）',
  },
  'http.duplicateContentLength': {
    en: 'More than one Content-Length header',
    'zh-cn': 'Content-Length 请求头不止一个',
  },
  'http.duplicateHost': {
    en: 'More than one Host header (RFC 9112 §3.2)',
    'zh-cn': 'Host 请求头不止一个（RFC 9112 §3.2）',
  },
  'http.emptyHeaderName': {
    en: 'A header line has an empty name',
    'zh-cn': '有一行请求头的名字为空',
  },
  'http.fragment': {
    en: 'A request target must not carry a #fragment (RFC 9112 §3.2)',
    'zh-cn': '请求目标不得带 #片段（RFC 9112 §3.2）',
  },
  'http.headerLineTooLong': {
    en: 'A header line is longer than this server accepts',
    'zh-cn': '有一行请求头超过了这个服务器接受的长度',
  },
  'http.headersTooLarge': {
    en: 'The header section is larger than this server accepts',
    'zh-cn': '请求头部分超过了这个服务器接受的大小',
  },
  'http.incomplete': {
    en: 'The request ends before the line is terminated by CRLF',
    'zh-cn': '请求在这一行以 CRLF 结束之前就结束了',
  },
  'http.incompleteBody': {
    en: 'The body is shorter than Content-Length ({bytes} bytes)',
    'zh-cn': '请求体比 Content-Length 声明的短（{bytes} 字节）',
  },
  'http.internal': {
    en: 'The parser failed: {detail}',
    'zh-cn': '解析器出错：{detail}',
  },
  'http.invalidChunkSize': {
    en: 'Invalid chunk size',
    'zh-cn': '块大小无效',
  },
  'http.invalidContentLength': {
    en: 'Content-Length is not a non-negative decimal number',
    'zh-cn': 'Content-Length 不是非负的十进制数',
  },
  'http.missingColon': {
    en: 'A header line has no colon',
    'zh-cn': '有一行请求头没有冒号',
  },
  'http.missingColonSpace': {
    en: 'A header line has no colon and its name would contain whitespace',
    'zh-cn': '有一行请求头没有冒号，而且它的名字会含有空白',
  },
  'http.missingHost': {
    en: 'An HTTP/1.1 request must carry a Host header (RFC 9112 §3.2)',
    'zh-cn': 'HTTP/1.1 请求必须带 Host 请求头（RFC 9112 §3.2）',
  },
  'http.nonAsciiTarget': {
    en: 'The request target has a raw byte above 0x7F; it must be percent-encoded',
    'zh-cn': '请求目标中有大于 0x7F 的原始字节；它必须经过百分号编码',
  },
  'http.nulInValue': {
    en: 'A header value contains a NUL byte',
    'zh-cn': '请求头的值中有 NUL 字节',
  },
  'http.obsFold': {
    en: 'A header line starts with whitespace (obs-fold, RFC 9112 §5.2)',
    'zh-cn': '有一行请求头以空白开头（obs-fold，RFC 9112 §5.2）',
  },
  'http.requestLineTooLong': {
    en: 'The request line is longer than this server accepts',
    'zh-cn': '请求行超过了这个服务器接受的长度',
  },
  'http.requestLineWords': {
    en: 'The request line splits into {words} words at its whitespace, but must have three: method, target and version (RFC 9112 §3)',
    'zh-cn': '请求行按空白拆开有 {words} 个词，而它只能有三个：方法、目标和版本（RFC 9112 §3）',
  },
  'http.spaceBeforeColon': {
    en: 'Whitespace between a header name and its colon (RFC 9112 §5.1)',
    'zh-cn': '请求头名和冒号之间有空白（RFC 9112 §5.1）',
  },
  'http.trailerNoColon': {
    en: 'A trailer line has no colon',
    'zh-cn': '有一行尾部字段没有冒号',
  },
  'http.transferEncodingHttp10': {
    en: 'An HTTP/1.0 request carries Transfer-Encoding, which HTTP/1.0 does not have (RFC 9112 §6.1)',
    'zh-cn': 'HTTP/1.0 请求带了 Transfer-Encoding，而 HTTP/1.0 没有这个机制（RFC 9112 §6.1）',
  },
  'http.unsupportedTransferCoding': {
    en: 'Transfer-Encoding other than plain "chunked" is not implemented',
    'zh-cn': '除了单纯的“chunked”，其他 Transfer-Encoding 都没有实现',
  },
  'http.leadingEmptyLine': {
    en: 'An empty line comes before the request line, and this server does not skip it',
    'zh-cn': '请求行之前有一个空行，而这个服务器不会跳过它',
  },
  'http.emptyRequestLine': {
    en: 'The first line is empty: no method, target nor version to read',
    'zh-cn': '第一行是空的：读不到方法、目标和版本',
  },
  'change.closedWithoutAnswer': {
    en: '{server} closes the connection without answering: {reason}',
    'zh-cn': '{server} 不作任何回答就关闭了连接：{reason}',
  },
  'http.waitsForHead': {
    en: 'The request line has no version, so the server waits for a header section and its empty line, which never come',
    'zh-cn': '请求行没有版本号，服务器于是等待首部区段和结尾的空行，而它们不会到来',
  },
  'http.http09Method': {
    en: 'An HTTP/0.9 request (no version) can only be a GET, not {method}',
    'zh-cn': 'HTTP/0.9 请求（没有版本号）只能是 GET，不能是 {method}',
  },
  'tolerated.http09': {
    en: 'No version: an HTTP/0.9 simple request, with no header section; the answer is the body alone, without a status line or headers',
    'zh-cn': '没有版本号：这是 HTTP/0.9 的简单请求，没有首部区段；回答只有响应体，没有状态行和首部',
  },
  'tolerated.http09AfterClose': {
    en: 'No version: an HTTP/0.9 request, yet the server waits for a header section; when the client gives up and closes, the end of the stream ends it, empty, and the server carries on with an answer no one receives',
    'zh-cn':
      '没有版本号：这是 HTTP/0.9 请求，服务器却仍等待首部区段；客户端放弃并关闭连接后，流的结束让首部区段以空告终，服务器继续处理，但它的回答已无人接收',
  },
  'change.waitsForHead': {
    en: '{server} sends nothing: it is still waiting for the rest of the request when the client gives up',
    'zh-cn': '{server} 什么也没发：客户端放弃时，它还在等待请求的其余部分',
  },
  'http.versionNotTaken': {
    en: 'The server takes no HTTP version {version} and answers 505',
    'zh-cn': '服务器不接受 HTTP 版本 {version}，回答 505',
  },
  'reject.cherootMajorVersion': {
    en: 'Cheroot speaks HTTP/1.1: a request of another major version ({version}) gets 505 with an empty body, once the target has been checked',
    'zh-cn': 'Cheroot 只讲 HTTP/1.1：主版本不同的请求（{version}）在检查完请求目标之后得到 505，响应体为空',
  },
  'http.unsupportedVersion': {
    en: 'HTTP major version {major} is not supported',
    'zh-cn': '不支持 HTTP 主版本 {major}',
  },
  'narration.cgiRequest': {
    en: '{from} starts {to} with {variables} environment variables built from the request, and pipes the body to its stdin.',
    'zh-cn': '{from} 用根据请求生成的 {variables} 个环境变量启动 {to}，并把请求体送入它的标准输入。',
  },
  'narration.daemonRequest': {
    en: '{from} sends {variables} request variables and the {bytes}-byte body to the already running {to} over its UNIX socket.',
    'zh-cn': '{from} 通过 UNIX 套接字，把 {variables} 个请求变量和 {bytes} 字节的请求体发给早已运行着的 {to}。',
  },
  'narration.daemonRequestNoBody': {
    en: '{from} sends {variables} request variables to the already running {to} over its UNIX socket; there is no body.',
    'zh-cn': '{from} 通过 UNIX 套接字，把 {variables} 个请求变量发给早已运行着的 {to}；这个请求没有请求体。',
  },
  'narration.data': {
    en: '{from} runs {to} with {label} filled from the FastCGI params.',
    'zh-cn': '{from} 运行 {to}，并用 FastCGI 参数填好 {label}。',
  },
  'narration.fastcgiRequest': {
    en: '{from} encodes the request as {records} FastCGI records ({types}) for {to}.',
    'zh-cn': '{from} 把请求编码成 {records} 条 FastCGI 记录（{types}）发给 {to}。',
  },
  'narration.fastcgiResponse': {
    en: '{from} sends the response back as {records} FastCGI records ({types}).',
    'zh-cn': '{from} 以 {records} 条 FastCGI 记录（{types}）把响应发回。',
  },
  'narration.httpRejected': {
    en: '{server} rejects the request: {reason}',
    'zh-cn': '{server} 拒绝了这个请求：{reason}',
  },
  'narration.httpRequest': {
    en: 'The client sends {bytes} bytes of HTTP to {server}.',
    'zh-cn': '客户端向 {server} 发送 {bytes} 字节的 HTTP 请求。',
  },
  'narration.httpResponse': {
    en: '{server} answers the client with {line}.',
    'zh-cn': '{server} 以 {line} 回应客户端。',
  },
  'narration.proxyRequest': {
    en: '{from} sends {bytes} bytes of HTTP to {to}.',
    'zh-cn': '{from} 向 {to} 发送 {bytes} 字节的 HTTP 请求。',
  },
  'narration.proxyResponse': {
    en: '{from} answers {to} with {line}.',
    'zh-cn': '{from} 以 {line} 回应 {to}。',
  },
  'narration.stdout': {
    en: '{from} writes its header lines, a blank line and the body back to {to}.',
    'zh-cn': '{from} 把响应头、空行和响应体写回给 {to}。',
  },
  'narration.uwsgiRequest': {
    en: '{from} packs the request into one uwsgi packet for {to}: a 4-byte header, then {vars} vars ({datasize} bytes), each key and value preceded by its 16-bit little-endian length, then the body.',
    'zh-cn':
      '{from} 把请求打包成一个 uwsgi 数据包发给 {to}：4 字节包头，然后是 {vars} 个变量（{datasize} 字节），每个键和值前面都有 16 位小端序的长度，最后是请求体。',
  },
  'narration.uwsgiResponse': {
    en: "{from} writes the response back to {to} as plain HTTP: a status line, the application's headers and the body, with no uwsgi framing.",
    'zh-cn': '{from} 以普通 HTTP 的形式把响应写回给 {to}：状态行、应用给出的头部和响应体，没有 uwsgi 封装。',
  },
  'narration.wsgiRequest': {
    en: '{from} calls {app}(environ, start_response) with an environ of {keys} keys.',
    'zh-cn': '{from} 以包含 {keys} 个键的 environ 调用 {app}(environ, start_response)。',
  },
  'narration.wsgiResponse': {
    en: 'The application calls start_response({status}) and returns {bytes} bytes to {to}.',
    'zh-cn': '应用调用 start_response({status})，并向 {to} 返回 {bytes} 字节。',
  },
  'reject.apacheConnect': {
    en: 'Apache has no proxy module loaded: no handler takes CONNECT, and it answers 405',
    'zh-cn': 'Apache 没有加载代理模块：没有处理器接受 CONNECT，于是它回答 405',
  },
  'reject.apacheInvalidHost': {
    en: 'Apache refuses the Host "{host}" (HttpProtocolOptions Strict): a port that is not digits, or a name with other characters than letters, digits, "-", "_" and "."',
    'zh-cn':
      'Apache 拒绝 Host“{host}”（HttpProtocolOptions Strict）：端口不是数字，或者名字里有字母、数字、“-”、“_”和“.”以外的字符',
  },
  'reject.apacheExpectation': {
    en: 'Apache knows only the 100-continue expectation: "Expect: {expect}" is answered 417 Expectation Failed, before any handler or check of the path',
    'zh-cn':
      'Apache 只认得 100-continue 这一种期望：收到“Expect: {expect}”，它在任何处理器和路径检查之前就回答 417 Expectation Failed',
  },
  'reject.apacheUriPort': {
    en: "The target's port is not a number: apr_uri_parse cannot read the URI, and Apache answers 400 Bad Request",
    'zh-cn': '目标里的端口不是数字：apr_uri_parse 读不懂这个 URI，Apache 回答 400 Bad Request',
  },
  'reject.apacheEncodedSlash': {
    en: 'AllowEncodedSlashes Off: Apache answers 404 to a path holding %2F or %00, before anything else looks at the request',
    'zh-cn': 'AllowEncodedSlashes Off：路径里有 %2F 或 %00 时，Apache 不再做别的检查，直接回答 404',
  },
  'reject.aboveRoot': {
    en: '{server} refuses a path whose ".." segments climb above the root, rather than stopping at "/": 400 Bad Request',
    'zh-cn': '路径里的“..”段退到了根目录之上，{server} 不会停在“/”，而是直接拒绝：400 Bad Request',
  },
  'reject.lighttpdAccessDeny': {
    en: 'Debian\'s lighttpd.conf denies paths ending in "~" or ".inc" (url.access-deny, backup and include files): 403 Forbidden',
    'zh-cn':
      'Debian 的 lighttpd.conf 禁止访问以“~”或“.inc”结尾的路径（url.access-deny，针对备份文件和包含文件）：403 Forbidden',
  },
  'reject.lighttpdUrlByte': {
    en: 'lighttpd refuses a target holding an encoded control character, or a byte that never occurs in UTF-8 (0xC0, 0xC1, 0xF5–0xFF), raw or encoded: 400 Bad Request',
    'zh-cn':
      '请求目标里有编码后的控制字符，或者有 UTF-8 中根本不会出现的字节（0xC0、0xC1、0xF5–0xFF，不论是否编码），lighttpd 一律拒绝：400 Bad Request',
  },
  'reject.badPercent': {
    en: 'The path has a % that does not start a %XX escape',
    'zh-cn': '路径中有一个 %，但后面不是 %XX 形式的转义',
  },
  'reject.cherootAbsoluteForm': {
    en: 'Cheroot is not a proxy and refuses an absolute-form target, replying {reply}',
    'zh-cn': 'Cheroot 不是代理，拒绝绝对形式的请求目标，回复 {reply}',
  },
  'reject.cherootConnect': {
    en: 'Cheroot is not in proxy mode: it answers CONNECT with 405 and an empty body',
    'zh-cn': 'Cheroot 不在代理模式下：它对 CONNECT 回答 405，响应体为空',
  },
  'reject.cherootInvalidPath': {
    en: 'Cheroot wants a path starting with "/" for any method but OPTIONS and answers: {reply}',
    'zh-cn': '除了 OPTIONS，Cheroot 要求请求目标是以“/”开头的路径，于是回答：{reply}',
  },
  'reject.cherootDoubleSlash': {
    en: "Python's urlsplit reads a target that starts with // as a host name, so Cheroot takes it for an absolute-form target and replies {reply}",
    'zh-cn': 'Python 的 urlsplit 把以 // 开头的目标读成主机名，Cheroot 因此把它当作绝对形式的请求目标，回复 {reply}',
  },
  'reject.cherootMethod': {
    en: 'Cheroot only accepts methods in capital letters and replies {reply}',
    'zh-cn': 'Cheroot 只接受全大写的方法名，它的回复是 {reply}',
  },
  'reject.lighttpdAbsoluteTarget': {
    en: 'lighttpd accepts an absolute-form target only as http:// or https:// with a host and a path',
    'zh-cn': 'lighttpd 只接受带主机名和路径、以 http:// 或 https:// 开头的绝对形式请求目标',
  },
  'reject.lighttpdBodyNotAllowed': {
    en: 'lighttpd refuses a {method} request with a body',
    'zh-cn': 'lighttpd 拒绝带请求体的 {method} 请求',
  },
  'reject.lighttpdHostMismatch': {
    en: 'lighttpd takes Host from the absolute-form target ({authority}) and rejects a Host header that differs from it ({host})',
    'zh-cn': 'lighttpd 从绝对形式的请求目标中取 Host（{authority}），与之不同的 Host 请求头（{host}）会被拒绝',
  },
  'reject.lighttpdInvalidHost': {
    en: "lighttpd's host-strict check refuses the host name {host}",
    'zh-cn': 'lighttpd 的 host-strict 检查不接受主机名 {host}',
  },
  'reject.lighttpdMethod': {
    en: 'lighttpd does not implement the method {method}',
    'zh-cn': 'lighttpd 没有实现 {method} 方法',
  },
  'reject.lighttpdNul': {
    en: 'lighttpd refuses a path that decodes to a NUL byte',
    'zh-cn': 'lighttpd 拒绝解码后含 NUL 字节的路径',
  },
  'reject.lighttpdUpgradeHttp10': {
    en: 'lighttpd refuses an Upgrade header in an HTTP/1.0 request',
    'zh-cn': 'lighttpd 拒绝 HTTP/1.0 请求中的 Upgrade 请求头',
  },
  'reject.lighttpdPostLength': {
    en: 'lighttpd needs Content-Length or chunked framing for POST',
    'zh-cn': 'lighttpd 要求 POST 请求带 Content-Length 或使用分块传输',
  },
  'reject.nginxAbsoluteAuthority': {
    en: 'nginx reads the host of an absolute-form target as letters, digits, "." and "-" (or an address in brackets), then an optional port: the next character must start the path or the query',
    'zh-cn':
      'nginx 读绝对形式目标里的主机名时，只认字母、数字、“.”和“-”（或方括号里的地址），后面可以跟端口；再往后的字符必须是路径或查询串的开头',
  },
  'reject.nginxAuthorityForm': {
    en: 'nginx reads a target that does not start with "/" as a scheme, and host:port has no "://" after it',
    'zh-cn': 'nginx 把不以“/”开头的请求目标当作协议名来读，而 host:port 后面没有“://”',
  },
  'reject.nginxAsterisk': {
    en: 'nginx does not accept the asterisk-form target',
    'zh-cn': 'nginx 不接受星号形式的请求目标',
  },
  'reject.nginxInvalidHost': {
    en: 'nginx refuses the Host "{host}": empty, or with a space, a control byte, a slash or two dots in a row',
    'zh-cn': 'nginx 拒绝 Host“{host}”：它为空，或者含有空格、控制字节、斜杠或连续两个点',
  },
  'reject.apacheMaxForwards': {
    en: 'mod_proxy answers before it picks a backend: “{reason}”, a 400 Proxy Error. RFC 9110 §7.6.2 defines Max-Forwards for TRACE and OPTIONS only (at 0 the proxy answers them itself); mod_proxy reads it on every method',
    'zh-cn':
      'mod_proxy 在选择后端之前就自己作答：“{reason}”，返回 400 Proxy Error。RFC 9110 §7.6.2 只为 TRACE 和 OPTIONS 规定了 Max-Forwards（值为 0 时由代理自己作答），而 mod_proxy 对所有方法都检查它',
  },
  'reject.traceNotAllowed': {
    en: '{server} does not answer TRACE (which would echo the request back): 405 Method Not Allowed',
    'zh-cn': '{server} 不处理 TRACE（它会把请求原样回显）：返回 405 Method Not Allowed',
  },
  'reject.nginxNul': {
    en: 'nginx refuses a path that decodes to a NUL byte',
    'zh-cn': 'nginx 拒绝解码后含 NUL 字节的路径',
  },
  'reject.uwsgiBlockSize': {
    en: 'uWSGI reads vars blocks of at most {max} bytes (buffer-size): this one is {bytes}, so it logs "invalid request block size" and closes the socket without answering',
    'zh-cn':
      'uWSGI 最多读取 {max} 字节的变量块（buffer-size），这个有 {bytes} 字节，于是它记下“invalid request block size”，不作应答就关闭连接',
  },
  'reject.uwsgiMaxVars': {
    en: 'uWSGI parses at most {max} vars (max-vars): this packet has {vars}, so the request fails and uWSGI closes the socket without answering',
    'zh-cn': 'uWSGI 最多解析 {max} 个变量（max-vars），这个数据包有 {vars} 个，请求失败，uWSGI 不作应答就关闭连接',
  },
  'summary.cgiRequest': {
    en: '{variables} environment variables and {bytes} bytes on stdin',
    'zh-cn': '{variables} 个环境变量，标准输入上 {bytes} 字节',
  },
  'summary.daemonRequest': {
    en: '{variables} request variables and {bytes} bytes of body over the daemon socket',
    'zh-cn': '经守护进程套接字发送 {variables} 个请求变量和 {bytes} 字节的请求体',
  },
  'summary.data': {
    en: '{label} with {entries} entries',
    'zh-cn': '{label}，共 {entries} 项',
  },
  'summary.fastcgi': {
    en: '{records} FastCGI records ({types}), {bytes} bytes',
    'zh-cn': '{records} 条 FastCGI 记录（{types}），共 {bytes} 字节',
  },
  'summary.httpRequest': {
    en: 'HTTP request {line} ({bytes} bytes)',
    'zh-cn': 'HTTP 请求 {line}（{bytes} 字节）',
  },
  'summary.httpResponse': {
    en: 'HTTP response {line}',
    'zh-cn': 'HTTP 响应 {line}',
  },
  'summary.stdout': {
    en: 'Output headers and body, starting {line}',
    'zh-cn': '输出的响应头和响应体，开头是 {line}',
  },
  'summary.uwsgiRequest': {
    en: 'uwsgi packet: 4-byte header, {vars} vars in {datasize} bytes, then {bytes} body bytes',
    'zh-cn': 'uwsgi 数据包：4 字节包头，{vars} 个变量共 {datasize} 字节，随后 {bytes} 字节请求体',
  },
  'summary.uwsgiResponse': {
    en: 'uWSGI answers {line}, {bytes} bytes, with no uwsgi header',
    'zh-cn': 'uWSGI 回应 {line}，共 {bytes} 字节，没有 uwsgi 包头',
  },
  'summary.wsgiRequest': {
    en: '{app}(environ, start_response) with {keys} keys',
    'zh-cn': '{app}(environ, start_response)，environ 共 {keys} 个键',
  },
  'change.asgiHeadersLowercased': {
    en: 'Uvicorn lowercases the header names in scope[\'headers\'] (the spec: "Header names should be lowercased") and keeps each value as the bytes received',
    'zh-cn': "Uvicorn 把 scope['headers'] 中的请求头名改为小写（规范要求请求头名应为小写），值保持收到的原始字节",
  },
  'change.asgiPathDecoded': {
    en: "Uvicorn puts the path into scope['path'] with %XX escapes decoded as UTF-8, and the bytes as sent into raw_path; the query string stays percent-encoded bytes",
    'zh-cn':
      "Uvicorn 把路径放进 scope['path']，其中的 %XX 按 UTF-8 解码；原样的字节放进 raw_path；查询字符串保持为百分号编码的字节",
  },
  'change.h11Rejects': {
    en: '{server} (h11) cannot read the request: the request target holds bytes outside visible ASCII, so it answers 400 without calling the application',
    'zh-cn': '{server}（h11）无法读取该请求：请求目标含有可见 ASCII 以外的字节，于是直接回答 400，不调用应用',
  },
  'narration.asgiRequest': {
    en: '{from} calls {app}(scope, receive, send); receive() gives {events} http.request event with {bytes} bytes of body.',
    'zh-cn':
      '{from} 以 scope、receive、send 三个参数调用 {app}；receive() 返回 {events} 个 http.request 事件，请求体 {bytes} 字节。',
  },
  'narration.asgiResponse': {
    en: 'The application sends http.response.start with status {status}, then http.response.body with {bytes} bytes, to {to}.',
    'zh-cn': '应用先向 {to} 发送状态码为 {status} 的 http.response.start，再发送 {bytes} 字节的 http.response.body。',
  },
  'summary.asgiRequest': {
    en: 'scope with {keys} keys, {events} http.request event, {bytes} bytes of body',
    'zh-cn': 'scope 共 {keys} 个键，{events} 个 http.request 事件，请求体 {bytes} 字节',
  },
  'summary.asgiResponse': {
    en: 'http.response.start ({status}, {headers} headers), http.response.body ({bytes} bytes)',
    'zh-cn': 'http.response.start（{status}，{headers} 个响应头），http.response.body（{bytes} 字节）',
  },
  'summary.wsgiResponse': {
    en: 'start_response({status}, {headers} headers) and {bytes} bytes of body',
    'zh-cn': 'start_response({status})，{headers} 个响应头，响应体 {bytes} 字节',
  },
  'tolerated.bareLf': {
    en: 'Accepted a bare LF as a line ending',
    'zh-cn': '接受了单独的 LF 作为行尾',
  },
  'tolerated.chunkedWins': {
    en: 'Transfer-Encoding: chunked overrides Content-Length',
    'zh-cn': 'Transfer-Encoding: chunked 优先于 Content-Length',
  },
  'tolerated.equalContentLength': {
    en: 'Accepted repeated, equal Content-Length headers',
    'zh-cn': '接受了重复但值相同的 Content-Length 请求头',
  },
  'tolerated.lastContentLength': {
    en: 'Several Content-Length headers: the last one wins',
    'zh-cn': '有多个 Content-Length 请求头：以最后一个为准',
  },
  'tolerated.missingColon': {
    en: 'Accepted a header line without a colon',
    'zh-cn': '接受了一行没有冒号的请求头',
  },
  'tolerated.missingColonEnds': {
    en: 'A header line without a colon ends the header section; the header lines after it are lost',
    'zh-cn': '没有冒号的请求头行结束了请求头部分；它后面的请求头都丢失了',
  },
  'tolerated.invalidNameKept': {
    en: 'The header name {header} holds a character a name may not (RFC 9110 §5.1); the server keeps the header as named',
    'zh-cn': '请求头名 {header} 含有名字里不允许的字符（RFC 9110 §5.1）；服务器照原名保留了这个请求头',
  },
  'tolerated.invalidNameSkipped': {
    en: 'Ignored the header {header}: its name holds a character a name may not (RFC 9110 §5.1)',
    'zh-cn': '忽略了请求头 {header}：它的名字含有名字里不允许的字符（RFC 9110 §5.1）',
  },
  'tolerated.obsFold': {
    en: 'Joined a folded line onto {header}',
    'zh-cn': '把折行接到了 {header} 上',
  },
  'tolerated.spaceBeforeColonDropped': {
    en: 'Dropped the header {header}, whose name ends in whitespace',
    'zh-cn': '丢弃了名字以空白结尾的请求头 {header}',
  },
  'tolerated.spaceBeforeColonTrimmed': {
    en: 'Trimmed the whitespace after the header name {header}',
    'zh-cn': '去掉了请求头名 {header} 后面的空白',
  },
  'tolerated.spacesInTarget': {
    en: 'The request target holds raw spaces (RFC 9112 §3 forbids them); the server reads the method up to the first space and the version after the last, and keeps the spaces between in the target',
    'zh-cn':
      '请求目标里有未编码的空格（RFC 9112 §3 不允许）；服务器把第一个空格之前当作方法、最后一个空格之后当作版本，中间的空格留在目标里',
  },
  'wsgi.hopByHopHeader': {
    en: 'Hop-by-hop header {name} is not allowed from a WSGI application',
    'zh-cn': 'WSGI 应用不得发送逐跳响应头 {name}',
  },
  'wsgi.invalidHeader': {
    en: 'Invalid header {name}',
    'zh-cn': '响应头 {name} 无效',
  },
  'wsgi.invalidStatus': {
    en: 'Invalid status line {status}',
    'zh-cn': '状态行 {status} 无效',
  },
  'wsgi.gatewayErrorPage': {
    en: 'The gateway met {exception} before sending a byte: it logs the traceback and answers with its own error page instead',
    'zh-cn': '网关在发出任何字节之前遇到 {exception}：它记录回溯信息，改用自己的错误页面作答',
  },
  'wsgi.gatewayCut': {
    en: 'The gateway met {exception} after the headers had gone out: it logs the traceback and stops, so the client gets only the first {bytes} bytes of the body',
    'zh-cn': '响应头已经发出后，网关才遇到 {exception}：它记录回溯信息后就此停止，客户端只收到正文的前 {bytes} 个字节',
  },
  'wsgi.closeRaised': {
    en: 'The whole body went out, then close() raised {exception}: the gateway logs it after the fact',
    'zh-cn': '正文已全部发出，随后 close() 抛出 {exception}：网关只能事后把它记进日志',
  },
  'wsgi.noStartResponse': {
    en: 'The application returned without calling start_response()',
    'zh-cn': '应用没有调用 start_response() 就返回了',
  },
  'wsgi.secondStartResponse': {
    en: 'start_response() called a second time without exc_info',
    'zh-cn': '第二次调用 start_response() 时没有传 exc_info',
  },
  'http.tooManyFields': {
    en: 'The request has more header lines than this server accepts',
    'zh-cn': '请求头的行数超过了这个服务器接受的数量',
  },
  'http.bodyTooLarge': {
    en: 'The body is larger than this server accepts',
    'zh-cn': '请求体超过了这个服务器接受的大小',
  },
  'limit.requestLine': {
    en: 'the request line is {size} bytes (its line end not counted) and the longest it accepts is {largest}',
    'zh-cn': '请求行有 {size} 字节（不计行尾），而它最多接受 {largest} 字节',
  },
  'limit.fieldLine': {
    en: 'a header line is {size} bytes (its line end not counted) and the longest it accepts is {largest}',
    'zh-cn': '有一行请求头长 {size} 字节（不计行尾），而它最多接受 {largest} 字节',
  },
  'limit.fieldCount': {
    en: 'header line {size} is one more than the {largest} it accepts',
    'zh-cn': '第 {size} 行请求头超出了它接受的 {largest} 行',
  },
  'limit.head': {
    en: 'the request head reaches {size} bytes, request line and line ends included, and the most it accepts is {largest}',
    'zh-cn': '请求头部连同请求行和行尾达到 {size} 字节，而它最多接受 {largest} 字节',
  },
  'limit.headBuffers': {
    en: 'the request head does not fit in its {count} header buffers of {bytes} bytes, where each line must fit in one buffer',
    'zh-cn': '请求头部装不进它的 {count} 个 {bytes} 字节的头部缓冲区，而且每一行都必须整行放进同一个缓冲区',
  },
  'limit.body': {
    en: 'the body is {size} bytes and the most it accepts is {largest}',
    'zh-cn': '请求体有 {size} 字节，而它最多接受 {largest} 字节',
  },
  'limit.compiledIn': {
    en: '{setting} {value} is the default built into the server ({source}); the reference configuration does not set it',
    'zh-cn': '{setting} {value} 是服务器自带的默认值（{source}），参考配置里没有设置它',
  },
  'limit.configured': {
    en: '{setting} {value} is set in {file}',
    'zh-cn': '{setting} {value} 在 {file} 里设置',
  },
  'limit.refused': {
    en: '{what}. {where}',
    'zh-cn': '{what}。{where}',
  },
  'summary.middlewareIn': {
    en: '{layer} calls the next layer with {keys} keys ({changes} changed)',
    'zh-cn': '{layer} 以 {keys} 个键调用下一层（改动 {changes} 处）',
  },
  'summary.middlewareOut': {
    en: '{layer} hands back start_response({status}) and {bytes} bytes of body ({changes} changed)',
    'zh-cn': '{layer} 交回 start_response({status}) 和 {bytes} 字节的响应体（改动 {changes} 处）',
  },
  'narration.middlewareIn': {
    en: 'Your middleware {layer} changes {changes} environ keys, then calls {to} with the environ.',
    'zh-cn': '你的中间件 {layer} 改动了 environ 里的 {changes} 个键，然后用这个 environ 调用 {to}。',
  },
  'narration.middlewareInSame': {
    en: 'Your middleware {layer} calls {to} with the environ exactly as it received it.',
    'zh-cn': '你的中间件 {layer} 原样把收到的 environ 交给 {to}。',
  },
  'narration.middlewareOut': {
    en: 'On the way back, {layer} changes {changes} things in the status, headers or body before handing them to {to}.',
    'zh-cn': '返回时，{layer} 先改动状态行、响应头或响应体中的 {changes} 处，再交给 {to}。',
  },
  'narration.middlewareOutSame': {
    en: 'On the way back, {layer} hands {to} the status, headers and body unchanged.',
    'zh-cn': '返回时，{layer} 把状态行、响应头和响应体原样交给 {to}。',
  },
  'change.labAdded': {
    en: '{layer} adds {name}: {value}',
    'zh-cn': '{layer} 加上了 {name}：{value}',
  },
  'change.labChanged': {
    en: '{layer} changes {name} from {before} to {after}',
    'zh-cn': '{layer} 把 {name} 从 {before} 改成了 {after}',
  },
  'change.labRemoved': {
    en: '{layer} removes {name}',
    'zh-cn': '{layer} 去掉了 {name}',
  },
  'change.labRaisedCall': {
    en: 'Your code raised {type}: {message} while the gateway was calling it',
    'zh-cn': '网关调用你的代码时，代码抛出了 {type}：{message}',
  },
  'change.labRaisedIterate': {
    en: 'Your code raised {type}: {message} while the gateway was iterating the response',
    'zh-cn': '网关迭代响应时，你的代码抛出了 {type}：{message}',
  },
  'change.labRaisedClose': {
    en: 'Your code raised {type}: {message} in close()',
    'zh-cn': '你的代码在 close() 里抛出了 {type}：{message}',
  },
  'http.methodNotUppercase': {
    en: 'The method {method} has lower-case letters: this server takes methods in capital letters only and refuses it as soon as it has read the request line',
    'zh-cn': '方法名 {method} 含有小写字母：这个服务器只接受全大写的方法名，读完请求行就拒绝了它',
  },
  'http.methodNotCapitals': {
    en: 'The method holds a character other than a capital letter, "_" or "-": this server refuses the request line at that character, before it reads the target or the version',
    'zh-cn': '方法名里出现了大写字母、“_”和“-”以外的字符：服务器读到这个字符就拒绝了请求行，请求目标和版本都还没看',
  },
  'http.connectNotAuthority': {
    en: 'The target of a CONNECT must be host:port, and this one is not (RFC 9110 §9.3.6): 400 Bad Request',
    'zh-cn': 'CONNECT 的请求目标必须是 host:port 形式，这个请求不是（RFC 9110 §9.3.6）：返回 400 Bad Request',
  },
  'http.relativeSchemePath': {
    en: 'After its scheme the target has a path that does not start with "/" (like "http:app/"): Apache parses it as a URI and answers 400 Bad Request, since a request-target must be an absolute path or an absolute URI (RFC 9112 §3.2)',
    'zh-cn':
      '这个目标在协议名之后的路径不以“/”开头（比如“http:app/”）：Apache 把它当作 URI 解析后回答 400 Bad Request，因为请求目标只能是绝对路径或绝对 URI（RFC 9112 §3.2）',
  },
  'reject.apacheUserinfo': {
    en: 'The target carries a user name before its host (user@host): Apache refuses it with 400 Bad Request as soon as the request line is read (HttpProtocolOptions Strict; RFC 9110 §4.2.4: no userinfo in an http or https target)',
    'zh-cn':
      '目标在主机名前带了用户名（user@host）：Apache 一读完请求行就以 400 Bad Request 拒绝（HttpProtocolOptions Strict；RFC 9110 §4.2.4：http 和 https 的请求目标里不得带 userinfo）',
  },
  'reject.apacheScheme': {
    en: 'Apache serves only the http and https schemes: a target naming "{scheme}:" is answered 400 Bad Request once the header section is read, before any check of the path (no mod_proxy forward proxy here to take it)',
    'zh-cn':
      'Apache 只接受 http 和 https 这两种协议名：目标写成“{scheme}:”时，它读完请求头就回答 400 Bad Request，早于任何路径检查（这里没有启用 mod_proxy 的正向代理来接手）',
  },
  'reject.nginxConnect': {
    en: 'nginx does not tunnel: it answers CONNECT with 405 Not Allowed and closes the connection',
    'zh-cn': 'nginx 不做隧道转发：它对 CONNECT 回答 405 Not Allowed，并关闭连接',
  },
  'tolerated.emptyNameSkipped': {
    en: 'A field line starting with its colon has no name: it is skipped',
    'zh-cn': '这一行以冒号开头，没有字段名：被跳过',
  },
  'tolerated.emptyNameKept': {
    en: 'A field line starting with its colon has no name: it is kept with an empty name',
    'zh-cn': '这一行以冒号开头，没有字段名：仍以空字段名保留下来',
  },
  'tolerated.notFieldLineEnds': {
    en: "A name with a space, a tab or a byte above 0x7F is not a field line to Python's email parser: the header section ends there, and the fields after it are lost",
    'zh-cn':
      '字段名里有空格、制表符或大于 0x7F 的字节，Python 的 email 解析器不把它当作字段行：请求头在这里结束，后面的字段都丢了',
  },
  'change.modPythonAuthorization': {
    en: "Apache keeps Authorization out of the variables, but mod_python's WSGI handler copies it back from the request's headers, after all the others",
    'zh-cn':
      'Apache 不把 Authorization 放进变量，但 mod_python 的 WSGI 处理器又从请求头里把它抄了回来，放在所有变量之后',
  },
  'change.proxyStatusLineKept': {
    en: 'nginx writes the upstream\'s status line as it came ("{status}"), without a reason phrase of its own',
    'zh-cn': 'nginx 原样写出上游的状态行（“{status}”），不补自己的原因短语',
  },
  'change.proxySimpleResponse': {
    en: 'nginx cannot read the upstream\'s status line ("{line}"): it logs "upstream sent no valid HTTP/1.0 header" and relays everything the upstream sent, head included, as an HTTP/0.9 response (a 200 with no status line or headers of its own)',
    'zh-cn':
      'nginx 读不懂上游的状态行（“{line}”）：它记下“upstream sent no valid HTTP/1.0 header”，把上游发来的全部内容（连同其头部）当作 HTTP/0.9 响应原样转给客户端（算作 200，不加自己的状态行和头部）',
  },
  'http.unknownMethod': {
    en: '{method} is not a method this server knows: it answers 501 Not Implemented as soon as it has read the request line, before it looks at the target or the header fields',
    'zh-cn': '{method} 不是这个服务器认识的方法：它读完请求行就回答 501 Not Implemented，不再检查请求目标和请求头',
  },
  'provenance.verified': {
    en: 'verified against {subject} ({distribution})',
    'zh-cn': '已对照 {subject}（{distribution}）验证',
  },
  'provenance.verifiedPart': {
    en: 'verified against {component} of {subject} ({distribution})',
    'zh-cn': '已对照 {subject} 的 {component}（{distribution}）验证',
  },
  'provenance.modelled': {
    en: 'modelled from source ({subject}, {source})',
    'zh-cn': '依据源码建模（{subject}，{source}）',
  },
  'provenance.ran': {
    en: 'your own code, run as real Python ({subject})',
    'zh-cn': '你自己的代码，以真实的 Python 运行（{subject}）',
  },
  'provenance.separator': {
    en: ', ',
    'zh-cn': '，',
  },
};

/** One language's column of the table. */
export function traceStrings(lang: Locale): TraceStrings {
  return Object.fromEntries(Object.entries(TRACE_MESSAGES).map(([id, sentences]) => [id, sentences[lang]])) as Record<
    TraceStringId,
    string
  >;
}

/** The sentences of one language for `formatTraceText` (the CLI's `--format text` says them in English). */
export function traceWords(lang: Locale): TraceWords {
  const strings = traceStrings(lang);
  return {
    message: (message) => renderMessage(message, strings),
    provenance: (provenance) => renderProvenance(provenance, strings),
  };
}
