import type { Locale } from './locale.ts';
/**
 * Why each hop does what it does, for a newcomer, in both languages. `src/player/step-explanation.ts` picks the
 * sentences for a step from its trace entry; the page ships only its own language's table (in the player's
 * configuration), so the browser bundle carries none of these strings. `{name}` and `{to}` are filled with the
 * change's `from` and `to`.
 */

const EN = {
  // Arrival at the HTTP server.
  arrivalApache:
    'Apache reads the request line and headers from the connection and picks, from its configuration (ScriptAlias, ProxyPass, WSGIScriptAlias, …), the module that handles this URL. Nothing has reached your code yet.',
  arrivalNginx:
    'nginx parses the request line and headers with its own rules (by default it ignores a header whose name it finds invalid, and reads a body completely before passing it on), then picks the location block that handles this URL.',
  arrivalLighttpd:
    'lighttpd parses the request and matches the URL against its configuration to decide whether mod_cgi, mod_fastcgi or its own file handler answers it.',
  arrivalPython:
    'This server is a Python program that speaks HTTP itself: it parses the request and turns it straight into a WSGI call, with no separate web server in front.',
  arrivalOther: 'The server reads the request from the connection and decides who answers it.',
  arrivalLook:
    'Look at the request line (method, target, version), the Host header and the blank line that ends the headers: everything the later hops pass on comes from these bytes.',
  // CGI and mod_wsgi's daemon protocol.
  cgiRequest:
    'CGI starts a new process for each request: the request’s details become environment variables (“meta-variables”, RFC 3875 §4.1) and the body, if any, waits on the script’s standard input (§4.2).',
  cgiMod_cgid:
    'With mod_cgid, Apache’s threads do not fork the script themselves: they hand the request over a UNIX socket to the cgid daemon, which starts it.',
  cgiLook:
    'Look for the HTTP_* variables made from the headers, and for how the URL was cut into SCRIPT_NAME (the script) and PATH_INFO (the rest).',
  cgiStdin:
    'The body is on standard input: the script should read CONTENT_LENGTH bytes of it and no more (RFC 3875 §4.2).',
  daemonRequest:
    'In daemon mode the application lives in separate processes: the Apache child sends the request’s variables and body to one of them over a UNIX socket, in mod_wsgi’s own format (neither CGI nor FastCGI).',
  // FastCGI requests.
  fastcgiRequest:
    'FastCGI keeps a long-running application process and sends it each request as typed records over a socket, instead of starting a process per request as CGI does (FastCGI 1.0 §3.3).',
  fastcgiBegin:
    'BEGIN_REQUEST opens the request: it names the role the application plays (Responder) and says whether the connection stays open afterwards (§5.1).',
  fastcgiParams:
    'PARAMS records carry the CGI-style variables as name–value pairs, each length written in one byte (under 128) or four (§3.4).',
  fastcgiEmptyParams:
    'The empty PARAMS record ends the stream of variables: a stream can span any number of records, so a record with contentLength 0 is how the sender says “that was all” (§3.3).',
  fastcgiStdin: 'STDIN records carry the request body, in pieces of at most 65,535 bytes each (§5.3).',
  fastcgiEmptyStdin:
    'The empty STDIN record ends the body stream; when there is no body it is the only STDIN record, and the application knows it may answer.',
  fastcgiPhpFpm:
    'PHP-FPM is the FastCGI server here: it keeps a pool of PHP worker processes and gives each request to one of them.',
  // WSGI and friends.
  wsgiCall:
    'WSGI is a Python function call, not a wire protocol: the server calls application(environ, start_response) with the whole request in the environ dictionary (PEP 3333).',
  wsgiSplit:
    'SCRIPT_NAME is the part of the path that leads to the application (where it is mounted) and PATH_INFO is the rest, which the application routes on; together they make the path again.',
  wsgiInput:
    'The body is read from wsgi.input, a file-like object; the application should read no more than CONTENT_LENGTH bytes.',
  wsgiFromCgi:
    'Here a CGI adapter inside the script builds the environ from its process environment and standard input, and adds the wsgi.* keys (wsgi.run_once is true: the process ends after this request).',
  wsgiFromFlup:
    'flup is the FastCGI server on the Python side: it decodes the records and builds the environ from the parameters and the STDIN stream.',
  wsgiFromModWsgi:
    'mod_wsgi runs Python inside the Apache process itself and builds the environ from Apache’s own record of the request.',
  wsgiFromDaemon: 'The daemon process rebuilds the environ from what the Apache child sent and calls the application.',
  wsgiFromModPython:
    'mod_python embeds Python in Apache; its WSGI handler builds the environ from mod_python’s request object and calls the application.',
  wsgiFromServer:
    'The server builds the environ straight from the HTTP request it parsed; headers become HTTP_* keys, as in CGI.',
  phpServer:
    'PHP-FPM fills $_SERVER from the FastCGI parameters and adds entries of its own (PHP_SELF, …): it is the PHP script’s view of the request, as the environ is for a WSGI application.',
  // Responses.
  wsgiResponse:
    'The application answers by calling start_response(status, headers) and returning an iterable of byte strings; the server sends the headers only once the first non-empty piece of body is ready or the iterable ends (PEP 3333).',
  wsgiResponseLook: 'The calls show the order: start_response, the pieces of the body, then close() when there is one.',
  middlewareIn:
    'Middleware is an application that calls another application (PEP 3333, “Middleware: Components that Play Both Sides”): to the layer outside it, it is the application; to the layer inside, it is the server. Going in, it may read or change the environ before handing it on.',
  middlewareInLook:
    'The table lists the keys this layer added, changed or removed; every layer inside it, and your application, sees the environ as it is after this hop.',
  middlewareOut:
    'Coming out, the layer may change the status and headers it passes to the start_response it was given, and the body it hands back. A layer that rewrites the body must also drop or fix Content-Length, or the server sends the old length with the new body.',
  middlewareOutLook:
    'Compare with the step before: each row is something this layer changed on the way out; the steps after it lead to what the server finally got.',
  asgiCall:
    'ASGI is an asynchronous Python call: the server awaits application(scope, receive, send). The scope describes the connection; the body does not sit in it but arrives as http.request events that the application awaits from receive() (ASGI HTTP spec 2.3).',
  asgiScope:
    'Unlike a WSGI environ, the scope keeps bytes as bytes: raw_path and query_string exactly as received, headers as a list of lowercased (name, value) byte pairs. Only path is decoded text.',
  asgiResponse:
    'The application answers by awaiting send() with events: http.response.start carries the status as a number (no reason phrase) and the headers as byte pairs; each http.response.body carries part of the body, until one without more_body.',
  asgiResponseLook:
    'The server writes the HTTP bytes itself from these events: the status line’s reason phrase, its own date and server headers, and the framing (Content-Length, chunked, or closing the connection).',
  wsgiRejected:
    'The server found something wrong in what the application handed back, so it sends an error response instead of the application’s.',
  cgiStdout:
    'A CGI script answers on its standard output: header lines, a blank line, then the body. Status: sets the status (200 when absent) and Content-Type is required with a body (RFC 3875 §6); the server parses these and writes the real HTTP response.',
  phpStdout:
    'PHP writes CGI-style output back to PHP-FPM: the headers (those the script set and PHP’s own), a blank line, then what the script printed.',
  daemonResponse:
    'The daemon sends the response back to the Apache child over the same UNIX socket, and Apache writes the HTTP response from it.',
  uwsgiRequest:
    'The uwsgi protocol is uWSGI’s own binary protocol: one packet per request, a 4-byte header and the CGI-style variables, then the body as it is (uwsgi-docs, “The uwsgi Protocol”).',
  uwsgiHeader:
    'The header is modifier1 (0: a WSGI request), datasize (the size of the variable block, 16-bit little endian) and modifier2 (0).',
  uwsgiVars:
    'Each variable is a key and a value, each preceded by its length in two bytes, low byte first; there is no terminator, datasize says where the block ends.',
  uwsgiBody:
    'The body follows the block unframed: uWSGI reads CONTENT_LENGTH bytes of it, which is why nginx reads a chunked body whole and sends its length.',
  uwsgiResponse:
    'uWSGI answers with plain HTTP on the same socket: a status line, the application’s headers, a blank line and the body. No uwsgi header frames it.',
  wsgiFromUwsgi:
    'uWSGI’s python3 plugin turns the variables into the environ in packet order, moves the mountpoint from PATH_INFO into SCRIPT_NAME (manage-script-name) and calls the application in the worker.',
  fastcgiStdout:
    'The answer comes back as STDOUT records holding CGI-style output: headers, a blank line, the body (§5.3).',
  fastcgiEmptyStdout: 'The empty STDOUT record ends the output stream, as the empty PARAMS did on the way in (§3.3).',
  fastcgiEnd:
    'END_REQUEST closes the request: appStatus is the application’s exit status and protocolStatus says how it ended (REQUEST_COMPLETE when all went well, §5.5).',
  responseHttp:
    'The server writes the HTTP response the client sees: it adds a Date header and usually a Server header, and frames the body with Content-Length or chunked encoding.',
  responseChunked:
    'The body is sent chunked: the server did not know its length before sending, so each piece carries its size in hex and a zero-size chunk ends it.',
  responseClose:
    'Connection: close says the server closes the connection after this response, so the client must open a new one for its next request.',
  responseRejected:
    'The server refused the request itself, before any module or application saw it, and answered with its own error page.',
  rejected400:
    '400 Bad Request: the message breaks HTTP/1.1’s rules (RFC 9112). A server that guessed at such a request could read it differently from a proxy in front of it — the root of request smuggling — so it refuses.',
  rejected501:
    '501 Not Implemented: the request uses something this server does not support, such as a transfer coding other than chunked, so it cannot tell where the body ends.',
  proxyRequest:
    "nginx's proxy module opens a new connection to the server named in proxy_pass and writes a fresh HTTP request: the client's method and URI, but HTTP/1.0, Host set to the proxy_pass address ($proxy_host) and Connection: close. The client's other headers follow unchanged; a body was read completely first and goes on with its length.",
  uvicornReads:
    'Uvicorn reads these bytes with h11, a pure-Python HTTP/1.1 library: Debian packages no httptools, the C parser Uvicorn prefers. What h11 refuses (a request target with bytes outside visible ASCII, for one) gets a 400 from Uvicorn, and the application never runs.',
  proxyRequestLook:
    "Compare it with the client's request: no X-Forwarded-For or X-Real-IP, so the server behind sees nginx (127.0.0.1) as its client and 127.0.0.1:9000 as the host, unless proxy_set_header adds them.",
  proxyResponse:
    "The server behind nginx answers and closes the connection, as nginx's Connection: close asked (Gunicorn writes an HTTP/1.0 status line, Uvicorn an HTTP/1.1 one with lower-case headers). nginx reads this response, keeps its status, drops the Server and Date headers (proxy_hide_header's defaults) and writes its own response to the client.",
  wsgiFromGunicorn:
    'Gunicorn parses the HTTP request nginx sent and builds the environ from it: headers become HTTP_* keys (repeats joined by a comma), SERVER_NAME and SERVER_PORT come from its own bind address, and RAW_URI keeps the target as sent.',
  lessonUnderscoreProxy:
    '{name} never reached the application server: nginx ignores a header name with an underscore (underscores_in_headers is off by default) before it builds the upstream request.',
  // Lessons, keyed on a change.
  lessonHttpPrefix:
    'Headers become variables by a fixed rule: upper-case the name, turn - into _ and put HTTP_ in front (RFC 3875 §4.1.18), so User-Agent becomes HTTP_USER_AGENT.',
  lessonHost:
    'HTTP_HOST is exactly what the client sent in Host, so an application should check it against the names it serves before building links with it.',
  lessonHostNginx:
    'nginx does not pass the Host header through here: a line of the params file it includes (fastcgi_params or uwsgi_params) sets HTTP_HOST from $host (the host name from the request line or Host header, or else the server name), so the header is not sent twice.',
  lessonHttpoxy:
    'Danger: the Proxy header became HTTP_PROXY, the name that HTTP clients such as Python’s requests read as their outbound proxy setting (httpoxy, 2016: CVE-2016-5385 and relatives). Where it lands in the process environment, the application’s outgoing requests, credentials included, go through the attacker’s proxy.',
  lessonHttpoxyWsgi:
    'In a WSGI environ it is only a dictionary key; it turns dangerous when the application or a CGI adapter copies the environ into os.environ.',
  lessonHttpoxyFastcgi:
    'nginx passes it on; the usual fix is the line fastcgi_param HTTP_PROXY ""; so the application never sees a client-supplied value.',
  lessonHttpoxyDropped:
    'The Proxy header is dropped on purpose: as HTTP_PROXY it would collide with the outbound-proxy variable that HTTP clients read (httpoxy, 2016), letting a client route the application’s outgoing requests through its own proxy.',
  lessonHttpoxyPhp:
    'PHP leaves HTTP_PROXY, which came from the client’s Proxy header, out of what the script sees, so an HTTP client such as Guzzle cannot take it as its proxy setting (CVE-2016-5385).',
  lessonUnderscoreNginx:
    '{name} never got past nginx: with underscores_in_headers off (the default) a header name with an underscore is invalid, and ignore_invalid_headers (on by default) makes nginx ignore it.',
  lessonUnderscoreApache:
    'Apache 2.4 leaves out any header whose name has a character other than a letter, digit or hyphen: X_Foo and X-Foo would both become HTTP_X_FOO, so a client could spoof a header that a proxy in front set or removed.',
  lessonUnderscoreKept:
    'This server keeps {name} as {to}: the application cannot tell it from the same name with hyphens, so a client could spoof a header that a proxy in front sets or strips.',
  lessonJoined:
    'A repeated header becomes one variable with its values joined: an environment holds one value per name, so check the separator before splitting it again.',
  lessonChunked:
    'The body came chunked (each piece preceded by its size in hex); the server decodes it here, so what goes on is the plain body and its real length.',
  lessonTeDropped:
    'Transfer-Encoding is not passed on because the body handed over is no longer chunked; CONTENT_LENGTH gives its decoded length instead.',
  lessonTeKept:
    'HTTP_TRANSFER_ENCODING tells the application the body came chunked; whether the body it reads is still chunked depends on the server, so look at the body itself.',
  lessonPathInfo:
    'PATH_INFO is percent-decoded (RFC 3875 §4.1.5: it “is not URL-encoded”), so %2F and / look the same in it; REQUEST_URI, where there is one, keeps the original.',
  lessonContinue:
    'The client sent Expect: 100-continue and waited: the interim “100 Continue” told it to send the body, and the real response follows (RFC 9110 §10.1.1).',
  // Faults (the player's "Break this hop"): the hop that failed, the status the client gets, what to check.
  faultFailedHere:
    'This is the hop where the injected fault happens. From here on, each server upstream decides what the client gets: the trace follows the answers they make up themselves and the lines they write to their error logs.',
  faultBackendDown:
    'Nothing listens where the server connects: the kernel refuses the connection at once (ECONNREFUSED, “111: Connection refused” on Linux), so the request never reaches the backend and no byte of it is sent.',
  faultAppException:
    'The application fails while it handles the request, before it has sent its response: what reaches the client now is an error page made by whoever caught the failure, not the application’s answer.',
  faultBadResponse:
    'The backend answers, but what it sends does not start with headers the server can read (CGI-style output is header lines, then a blank line: RFC 3875 §6.2), so the server cannot pass it on as a response.',
  faultAppTimeout:
    'The application is still working when the server stops waiting: its read timeout runs out, it gives up on the backend and answers the client itself.',
  faultStatus200:
    '200 OK, although a fault was injected: nothing on the way turned the failure into an error status (an error page sent without a Status line, or a bad header line dropped or passed on). The client, and any monitoring that counts status codes, sees success; only the body and the error log tell otherwise.',
  faultStatus500:
    '500 Internal Server Error: the failure is inside the server that answers or the application it runs, and the client is told nothing more (RFC 9110 §15.6.1). On purpose: a traceback would show your code and paths to anyone; the details are in the error log.',
  faultStatus502:
    '502 Bad Gateway: the server acted as a gateway and got no usable answer from the server behind it (RFC 9110 §15.6.3). nginx answers 502 when it cannot connect to its upstream, when the upstream closes the connection before its headers, and when it cannot parse the headers it gets. For a backend that is down, Apache’s mod_proxy_fcgi and lighttpd answer 503 instead: HTTP lets each server choose, so read the status together with the error log.',
  faultStatus503:
    '503 Service Unavailable: the server says the service behind it cannot take requests for now (RFC 9110 §15.6.4). Apache’s mod_proxy_fcgi and lighttpd answer 503 for a backend that refuses connections, where nginx says 502. lighttpd then marks the backend down for its disable-time (1 second by default): a request in that time fails at once without trying, and logs nothing. Apache, with a ProxyPass that sets no worker parameters, tries the backend again on every request (captured: a second request logs the same refused connection).',
  faultStatus504:
    '504 Gateway Timeout: the server in front waited for the one behind it longer than its timeout allows (RFC 9110 §15.6.5). The backend may still be working on the request, and may still finish it: a timeout says nothing about whether its side effects happened.',
  faultCheckBackendDown:
    'In your own setup: is the backend running (systemctl status, or the process list), and does it listen exactly where the server connects, the same address and port or the same UNIX socket path, with permissions the server’s user may use? The error-log line names the address it tried.',
  faultCheckAppException:
    'Read the error log named here: the traceback or the PHP error is there, never in the response. Do not turn on debug pages in production to see it; they show it to every client.',
  faultCheckBadResponse:
    'Look at the first bytes the application writes: output printed before the headers (a stray print, a byte-order mark), a header line without a colon, or a missing blank line after the headers each make the response unreadable.',
  faultCheckAppTimeout:
    'Find out what is slow (the application’s own log, a database query, an outside call) before raising the timeout; then keep the server’s read timeout longer than the slowest request you accept, and each timeout in front longer than the one behind it.',
  faultTimeoutShortened:
    'The conformance suite captures this fault with {name} shortened, so the run does not wait that long; the trace, like the reference configuration on this page, keeps the configured value ({to}).',
} as const;

/** Every sentence id. */
export type ExplanationId = keyof typeof EN;

/** One language's sentences. */
export type ExplanationTable = Readonly<Record<ExplanationId, string>>;

const ZH: ExplanationTable = {
  arrivalApache:
    'Apache 从连接上读出请求行和请求头，再按配置（ScriptAlias、ProxyPass、WSGIScriptAlias 等）选出处理这个 URL 的模块。此时你的代码还什么都没收到。',
  arrivalNginx:
    'nginx 按自己的规则解析请求行和请求头（默认会忽略名称不合法的请求头，并先把请求体完整读入再往后传），然后选出负责这个 URL 的 location 块。',
  arrivalLighttpd: 'lighttpd 解析请求后，拿 URL 去匹配配置，决定由 mod_cgi、mod_fastcgi 还是它自己的文件处理器来应答。',
  arrivalPython:
    '这个服务器本身就是一个会说 HTTP 的 Python 程序：它解析请求后直接变成一次 WSGI 调用，前面没有另一台 Web 服务器。',
  arrivalOther: '服务器从连接上读出请求，并决定由谁来应答。',
  arrivalLook:
    '注意请求行（方法、目标、版本）、Host 头，以及结束头部的那个空行：后面每一跳传下去的内容，都出自这几段字节。',
  cgiRequest:
    'CGI 为每个请求启动一个新进程：请求的信息变成环境变量（RFC 3875 §4.1 所说的“元变量”），请求体（如果有）则在脚本的标准输入里等着被读取（§4.2）。',
  cgiMod_cgid:
    '使用 mod_cgid 时，Apache 的线程并不亲自 fork 脚本，而是通过 UNIX 套接字把请求交给 cgid 守护进程，由它启动脚本。',
  cgiLook: '留意由请求头生成的 HTTP_* 变量，以及 URL 是怎样被切成 SCRIPT_NAME（脚本本身）和 PATH_INFO（其余部分）的。',
  cgiStdin: '请求体在标准输入里：脚本应当读取 CONTENT_LENGTH 个字节，不多读（RFC 3875 §4.2）。',
  daemonRequest:
    '守护进程模式下，应用运行在独立的进程里：Apache 子进程通过 UNIX 套接字，把请求变量和请求体按 mod_wsgi 自己的格式发给其中一个进程（既不是 CGI，也不是 FastCGI）。',
  fastcgiRequest:
    'FastCGI 让应用进程常驻，每个请求都拆成带类型的记录，经套接字发过去；不像 CGI 那样每个请求都启动一个新进程（FastCGI 1.0 §3.3）。',
  fastcgiBegin: 'BEGIN_REQUEST 开启一个请求：它说明应用要扮演的角色（Responder），以及请求结束后是否保持连接（§5.1）。',
  fastcgiParams:
    'PARAMS 记录以“名称—值”对的形式携带 CGI 风格的变量，每个长度用 1 个字节（小于 128 时）或 4 个字节表示（§3.4）。',
  fastcgiEmptyParams:
    '空的 PARAMS 记录表示变量流到此结束：一个流可以跨越任意多条记录，所以发送方用 contentLength 为 0 的记录来说“就这些了”（§3.3）。',
  fastcgiStdin: 'STDIN 记录携带请求体，每段最多 65535 字节（§5.3）。',
  fastcgiEmptyStdin:
    '空的 STDIN 记录表示请求体结束；没有请求体时，它就是唯一的 STDIN 记录，应用由此知道可以开始应答了。',
  fastcgiPhpFpm: '这里的 FastCGI 服务器是 PHP-FPM：它维护一池 PHP 工作进程，把每个请求交给其中一个。',
  wsgiCall:
    'WSGI 是一次 Python 函数调用，而不是线路上的协议：服务器调用 application(environ, start_response)，整个请求都装在 environ 字典里（PEP 3333）。',
  wsgiSplit:
    'SCRIPT_NAME 是路径中通向应用的那一段（应用挂载的位置），PATH_INFO 是剩下的部分，应用按它来路由；两者拼起来就是原来的路径。',
  wsgiInput: '请求体从 wsgi.input（一个类文件对象）读取；应用读取的字节数不应超过 CONTENT_LENGTH。',
  wsgiFromCgi:
    '这里由脚本里的 CGI 适配器根据进程的环境变量和标准输入构造 environ，再补上 wsgi.* 各键（wsgi.run_once 为真：处理完这个请求，进程就结束）。',
  wsgiFromFlup: 'flup 是 Python 一侧的 FastCGI 服务器：它解码记录，再用参数和 STDIN 流构造 environ。',
  wsgiFromModWsgi: 'mod_wsgi 直接在 Apache 进程内运行 Python，并根据 Apache 自己的请求记录构造 environ。',
  wsgiFromDaemon: '守护进程根据 Apache 子进程发来的内容重建 environ，然后调用应用。',
  wsgiFromModPython:
    'mod_python 把 Python 嵌入 Apache；它的 WSGI 处理器根据 mod_python 的请求对象构造 environ，再调用应用。',
  wsgiFromServer: '服务器直接根据解析出的 HTTP 请求构造 environ；请求头变成 HTTP_* 键，和 CGI 一样。',
  phpServer:
    'PHP-FPM 用 FastCGI 参数填充 $_SERVER，再加上自己的条目（PHP_SELF 等）：这就是 PHP 脚本眼中的请求，正如 environ 之于 WSGI 应用。',
  wsgiResponse:
    '应用调用 start_response(status, headers)，再返回一个由字节串组成的可迭代对象作为应答；服务器要等到第一段非空的正文产生、或迭代结束时，才发出响应头（PEP 3333）。',
  wsgiResponseLook: '调用顺序一目了然：先是 start_response，然后是正文的各个片段，最后是 close()（如果有的话）。',
  middlewareIn:
    '中间件是一个会去调用另一个应用的应用（PEP 3333，“Middleware: Components that Play Both Sides”）：对外层来说它是应用，对内层来说它是服务器。请求进来时，它可以先读取或改动 environ，再往里传。',
  middlewareInLook:
    '表中列出这一层新增、改动和删除的键；它里面的每一层，以及你的应用，看到的都是经过这一跳之后的 environ。',
  middlewareOut:
    '响应出去时，这一层可以改动它交给上层 start_response 的状态行和响应头，以及交回的响应体。改写响应体的中间件还必须去掉或改正 Content-Length，否则服务器会带着旧的长度发出新的响应体。',
  middlewareOutLook: '和上一步对照着看：每一行都是这一层在返回途中做的改动；再往后几步，就是服务器最终拿到的内容。',
  asgiCall:
    'ASGI 是一次异步的 Python 调用：服务器以 scope、receive、send 三个参数 await 应用。scope 描述这条连接；请求体不在 scope 里，而是作为 http.request 事件，由应用从 receive() 中等待取得（ASGI HTTP 规范 2.3）。',
  asgiScope:
    '与 WSGI 的 environ 不同，scope 中的字节仍然是字节：raw_path 和 query_string 与收到的完全一样，headers 是小写的（名，值）字节对列表。只有 path 是解码后的文本。',
  asgiResponse:
    '应用通过 await send() 发送事件来作答：http.response.start 带有数字形式的状态码（没有原因短语）和字节对形式的响应头；每个 http.response.body 带一段正文，直到某个事件不再带 more_body。',
  asgiResponseLook:
    '真正的 HTTP 字节由服务器根据这些事件写出：状态行的原因短语、它自己的 date 和 server 头，以及分帧方式（Content-Length、分块，或关闭连接）。',
  wsgiRejected: '服务器发现应用交回的内容有问题，于是不用应用的应答，而是发出一个错误响应。',
  cgiStdout:
    'CGI 脚本在标准输出上作答：若干头部行、一个空行，然后是正文。Status: 设定状态码（省略时为 200），有正文时必须给出 Content-Type（RFC 3875 §6）；服务器解析这些行，再写出真正的 HTTP 响应。',
  phpStdout: 'PHP 把 CGI 风格的输出交回 PHP-FPM：响应头（脚本设置的和 PHP 自己加的）、一个空行，然后是脚本打印的内容。',
  daemonResponse: '守护进程经同一个 UNIX 套接字把响应送回 Apache 子进程，再由 Apache 据此写出 HTTP 响应。',
  uwsgiRequest:
    'uwsgi 协议是 uWSGI 自己的二进制协议：每个请求一个数据包，先是 4 字节包头和 CGI 风格的变量，然后原样附上请求体（见 uWSGI 文档中讲 uwsgi 协议的一页）。',
  uwsgiHeader: '包头由 modifier1（0 表示 WSGI 请求）、datasize（变量块的大小，16 位小端序）和 modifier2（0）组成。',
  uwsgiVars:
    '每个变量由键和值组成，两者前面各有用两个字节表示的长度，低位字节在前；变量块没有结束标记，由 datasize 说明它在哪里结束。',
  uwsgiBody:
    '请求体紧跟在变量块后面，不再分帧：uWSGI 按 CONTENT_LENGTH 读取，所以 nginx 会先读完分块传输的请求体，再把长度发过去。',
  uwsgiResponse:
    'uWSGI 在同一个套接字上用普通 HTTP 应答：状态行、应用给出的头部、一个空行和正文，外面没有 uwsgi 包头。',
  wsgiFromUwsgi:
    'uWSGI 的 python3 插件按数据包里的顺序把变量放进 environ，把挂载点从 PATH_INFO 移到 SCRIPT_NAME（manage-script-name），然后在 worker 里调用应用。',
  fastcgiStdout: '应答以 STDOUT 记录传回，里面是 CGI 风格的输出：响应头、一个空行、正文（§5.3）。',
  fastcgiEmptyStdout: '空的 STDOUT 记录表示输出流结束，和来时那条空 PARAMS 记录的作用一样（§3.3）。',
  fastcgiEnd:
    'END_REQUEST 结束这个请求：appStatus 是应用的退出状态，protocolStatus 说明请求如何结束（一切正常时为 REQUEST_COMPLETE，§5.5）。',
  responseHttp:
    '服务器写出客户端看到的 HTTP 响应：加上 Date 头（通常还有 Server 头），并用 Content-Length 或分块编码来界定正文。',
  responseChunked:
    '正文以分块方式发送：服务器在发送前并不知道正文多长，所以每块都先写上自己的长度（十六进制），最后用一个长度为 0 的块收尾。',
  responseClose: 'Connection: close 表示服务器发完这个响应就关闭连接，客户端发下一个请求时必须新建连接。',
  responseRejected: '服务器自己拒绝了这个请求，任何模块或应用都还没见到它，回复的是服务器自带的错误页。',
  rejected400:
    '400 Bad Request：这条报文违反了 HTTP/1.1 的规则（RFC 9112）。服务器如果去猜这种请求的意思，就可能和前面的代理理解得不一样——这正是请求走私（request smuggling）的根源——所以干脆拒绝。',
  rejected501:
    '501 Not Implemented：请求用到了这台服务器不支持的东西，例如 chunked 以外的传输编码，服务器因此无法判断请求体在哪里结束。',
  proxyRequest:
    'nginx 的代理模块向 proxy_pass 指定的服务器新开一条连接，重新写出一个 HTTP 请求：方法和 URI 沿用客户端的，但协议是 HTTP/1.0，Host 改为 proxy_pass 中的地址（$proxy_host），并带上 Connection: close。客户端的其余请求头原样跟在后面；请求体先被完整读入，再带着长度转发。',
  uvicornReads:
    'Uvicorn 用 h11 读取这些字节，h11 是一个纯 Python 的 HTTP/1.1 库：Debian 没有打包 Uvicorn 更偏好的 C 解析器 httptools。h11 拒绝的请求（例如请求目标中含有可见 ASCII 以外的字节）会由 Uvicorn 直接回答 400，应用根本不会运行。',
  proxyRequestLook:
    '和客户端的请求对照一下：这里没有 X-Forwarded-For 或 X-Real-IP，所以除非用 proxy_set_header 加上，后面的服务器看到的客户端是 nginx（127.0.0.1），主机是 127.0.0.1:9000。',
  proxyResponse:
    'nginx 后面的服务器作答后关闭连接，正如 nginx 的 Connection: close 所要求的（Gunicorn 写出 HTTP/1.0 的状态行，Uvicorn 写出 HTTP/1.1 的状态行和小写的响应头）。nginx 读入这个响应，保留状态码，去掉 Server 和 Date 头（proxy_hide_header 的默认行为），再写出自己给客户端的响应。',
  wsgiFromGunicorn:
    'Gunicorn 解析 nginx 发来的 HTTP 请求，并据此构造 environ：请求头变成 HTTP_* 键（重复的用逗号合并），SERVER_NAME 和 SERVER_PORT 取自它自己的监听地址，RAW_URI 保留原样的请求目标。',
  lessonUnderscoreProxy:
    '{name} 根本没有到达应用服务器：nginx 在构造上游请求之前，就忽略了名字里带下划线的请求头（underscores_in_headers 默认关闭）。',
  lessonHttpPrefix:
    '请求头按固定规则变成变量：名称转成大写，- 换成 _，前面加上 HTTP_（RFC 3875 §4.1.18），于是 User-Agent 成了 HTTP_USER_AGENT。',
  lessonHost: 'HTTP_HOST 原样来自客户端发送的 Host 头，所以应用在用它拼接链接之前，应先核对它是不是自己服务的域名。',
  lessonHostNginx:
    'nginx 在这里没有转发 Host 头：它引入的参数文件（fastcgi_params 或 uwsgi_params）中有一行用 $host（请求行或 Host 头中的主机名，都没有时取服务器名）设置了 HTTP_HOST，所以这个头不会重复发送。',
  lessonHttpoxy:
    '危险：Proxy 头变成了 HTTP_PROXY，而 Python 的 requests 等 HTTP 客户端正是把这个名字当作对外请求的代理设置来读取的（httpoxy，2016 年，CVE-2016-5385 等）。一旦它进入进程的环境变量，应用发出的对外请求（连同其中的凭据）就会经过攻击者的代理。',
  lessonHttpoxyWsgi:
    '在 WSGI 的 environ 里，它只是字典中的一个键；一旦应用或 CGI 适配器把 environ 复制进 os.environ，它就变得危险了。',
  lessonHttpoxyFastcgi:
    'nginx 会把它原样转发；常见的修复办法是加一行 fastcgi_param HTTP_PROXY ""; 让应用永远看不到客户端提供的值。',
  lessonHttpoxyDropped:
    '这里故意丢弃了 Proxy 头：变成 HTTP_PROXY 后，它会和 HTTP 客户端读取的对外代理变量撞名（httpoxy，2016 年），客户端就能让应用的对外请求绕经自己的代理。',
  lessonHttpoxyPhp:
    'PHP 没有把来自客户端 Proxy 头的 HTTP_PROXY 交给脚本，这样 Guzzle 之类的 HTTP 客户端就不会把它当成代理设置（CVE-2016-5385）。',
  lessonUnderscoreNginx:
    '{name} 根本没能通过 nginx：underscores_in_headers 为 off（默认值）时，名称含下划线的请求头被视为不合法，而 ignore_invalid_headers（默认为 on）会让 nginx 忽略它。',
  lessonUnderscoreApache:
    'Apache 2.4 会略去名称中含有字母、数字、连字符以外字符的请求头：X_Foo 和 X-Foo 都会变成 HTTP_X_FOO，客户端就能冒充前面的代理设置或删除的那个请求头。',
  lessonUnderscoreKept:
    '这台服务器把 {name} 保留为 {to}：应用无法把它和用连字符的同名请求头区分开，客户端就能冒充前面的代理设置或删掉的那个请求头。',
  lessonJoined:
    '重复的请求头合并成一个变量，各个值连在一起：环境中一个名字只能有一个值，所以重新拆分之前要先看清分隔符。',
  lessonChunked:
    '请求体是分块传来的（每块前面写着十六进制的长度）；服务器在这里把它解码，往后传的是普通的请求体和它的真实长度。',
  lessonTeDropped:
    'Transfer-Encoding 没有往后传，因为交出去的请求体已经不再分块；改由 CONTENT_LENGTH 给出解码后的长度。',
  lessonTeKept:
    'HTTP_TRANSFER_ENCODING 告诉应用请求体曾经是分块传来的；应用读到的请求体是否仍是分块格式，取决于服务器，所以要看请求体本身。',
  lessonPathInfo:
    'PATH_INFO 经过了百分号解码（RFC 3875 §4.1.5：它“不是 URL 编码的”），所以其中的 %2F 和 / 看起来一模一样；有 REQUEST_URI 时，它保留原始形式。',
  lessonContinue:
    '客户端发送了 Expect: 100-continue 并等待：临时响应“100 Continue”通知它发送请求体，真正的响应随后才到（RFC 9110 §10.1.1）。',
  faultFailedHere:
    '注入的故障就发生在这一跳。从这里开始，客户端拿到什么，由上游的每台服务器自己决定：追踪接下来展示的，是它们自行给出的应答，以及它们写进错误日志的内容。',
  faultBackendDown:
    '服务器要连接的地址上没有程序在监听：内核当即拒绝连接（ECONNREFUSED，在 Linux 上是“111: Connection refused”），请求根本到不了后端，一个字节也没有发出去。',
  faultAppException:
    '应用在处理请求时出错，还没来得及发出响应：客户端现在收到的是捕获到这个错误的一方生成的错误页，而不是应用的应答。',
  faultBadResponse:
    '后端有回应，但开头并不是服务器能读懂的响应头（CGI 风格的输出应当是若干行响应头，再跟一个空行：RFC 3875 §6.2），所以服务器无法把它当作响应转发出去。',
  faultAppTimeout: '应用还在处理，服务器却不再等了：读超时到期，服务器放弃这个后端，自己给客户端作答。',
  faultStatus200:
    '虽然注入了故障，状态码却是 200 OK：一路上没有谁把这个故障变成错误状态码（错误页发出时没有 Status 行，或者有问题的响应头行被丢掉或原样转发）。客户端以及按状态码统计的监控看到的都是成功，只有正文和错误日志能说明真相。',
  faultStatus500:
    '500 Internal Server Error：故障出在作答的服务器或它运行的应用内部，客户端得不到更多信息（RFC 9110 §15.6.1）。这是有意为之：回溯信息会把你的代码和路径暴露给任何人，详情只写在错误日志里。',
  faultStatus502:
    '502 Bad Gateway：服务器充当网关，却没有从后面的服务器那里得到可用的应答（RFC 9110 §15.6.3）。连不上上游、上游还没发出响应头就关闭了连接、或者收到的响应头无法解析时，nginx 都回应 502。同样是后端没有运行，Apache 的 mod_proxy_fcgi 和 lighttpd 却回应 503：HTTP 允许各家自行选择，所以要把状态码和错误日志放在一起看。',
  faultStatus503:
    '503 Service Unavailable：服务器表示它后面的服务暂时无法接收请求（RFC 9110 §15.6.4）。后端拒绝连接时，Apache 的 mod_proxy_fcgi 和 lighttpd 回应 503（nginx 则是 502）。随后 lighttpd 会在 disable-time（默认 1 秒）内把这个后端标记为停用：这段时间里的请求不经尝试就直接失败，日志里也不再记录。Apache 的 ProxyPass 没有设置 worker 参数时，每个请求都会重新尝试连接后端（已捕获验证：第二个请求记下了同样的连接被拒绝）。',
  faultStatus504:
    '504 Gateway Timeout：前面的服务器等待后面的服务器，超过了超时时间（RFC 9110 §15.6.5）。后端可能还在处理这个请求，也可能最终处理完：超时并不能说明请求的副作用有没有发生。',
  faultCheckBackendDown:
    '检查你自己的部署：后端在运行吗（用 systemctl status 或查看进程列表）？它监听的地方是否正好是服务器连接的地方，地址和端口一致，或 UNIX 套接字路径一致，且服务器的运行用户有权限访问？错误日志里的那一行写明了它尝试连接的地址。',
  faultCheckAppException:
    '去看这里列出的错误日志：回溯或 PHP 错误信息就在那里，绝不会出现在响应里。不要为了看它而在生产环境打开调试页面，那会把它展示给每一个客户端。',
  faultCheckBadResponse:
    '看看应用最先写出的那些字节：在响应头之前输出的内容（多余的 print、字节顺序标记），没有冒号的响应头行，或者响应头之后缺少空行，都会让响应无法解析。',
  faultCheckAppTimeout:
    '先查明慢在哪里（应用自己的日志、数据库查询、对外调用），再考虑调大超时；然后让服务器的读超时长于你能接受的最慢请求，并让前面每一层的超时都长于它后面那一层。',
  faultTimeoutShortened:
    '一致性测试捕获这个故障时缩短了 {name}，免得运行时真的等那么久；追踪和本页的参考配置一样，保留配置中的取值（{to}）。',
};

/** Both languages' sentences. */
export const STEP_EXPLANATIONS: Readonly<Record<Locale, ExplanationTable>> = { en: EN, 'zh-cn': ZH };

/** The label of the fold that holds a step's explanation, and of the narration's link to it. */
export const EXPLANATION_LABELS = {
  en: { why: 'Why this hop', lessons: 'What to notice', whyLink: 'Why this hop?' },
  'zh-cn': { why: '这一跳在做什么', lessons: '值得留意', whyLink: '这一跳在做什么？' },
} as const satisfies Record<Locale, Record<string, string>>;
