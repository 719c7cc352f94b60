/** The lab examples' titles and explanations, per locale, with the PEP 3333 sections each one rests on. */
import type { LabExampleId } from '../lab/examples/lab-example.ts';
import type { Locale } from './locale.ts';

/** A section of PEP 3333 an explanation cites. */
export interface PepSection {
  /** The section's heading, as PEP 3333 writes it. */
  heading: string;
  /** Its anchor on peps.python.org. */
  anchor: string;
}

/** One example's texts in one language. */
export interface LabExampleText {
  title: string;
  /** Paragraphs: why it works, or what breaks. */
  explanation: string[];
  /** What to try next with it. */
  tryThis: string;
}

const PEP = 'https://peps.python.org/pep-3333/';
/** The PEP 3333 section's address. */
export const pepHref = (section: PepSection): string => `${PEP}#${section.anchor}`;

/** The sections each example cites, the same in both languages (PEP 3333 is in English). */
export const LAB_EXAMPLE_SECTIONS: Readonly<Record<LabExampleId, readonly PepSection[]>> = {
  hello: [
    { heading: 'The Application/Framework Side', anchor: 'the-application-framework-side' },
    { heading: 'The start_response() Callable', anchor: 'the-start-response-callable' },
  ],
  'middleware-stack': [
    { heading: 'Middleware: Components that Play Both Sides', anchor: 'middleware-components-that-play-both-sides' },
    { heading: 'environ Variables', anchor: 'environ-variables' },
  ],
  'prefix-fix': [
    { heading: 'environ Variables', anchor: 'environ-variables' },
    { heading: 'URL Reconstruction', anchor: 'url-reconstruction' },
  ],
  'pig-latin': [
    { heading: 'Middleware: Components that Play Both Sides', anchor: 'middleware-components-that-play-both-sides' },
    { heading: 'Handling the Content-Length Header', anchor: 'handling-the-content-length-header' },
  ],
  broken: [
    { heading: 'The start_response() Callable', anchor: 'the-start-response-callable' },
    { heading: 'Unicode Issues', anchor: 'unicode-issues' },
    { heading: 'Error Handling', anchor: 'error-handling' },
  ],
};

export const LAB_EXAMPLE_TEXT: Readonly<Record<Locale, Readonly<Record<LabExampleId, LabExampleText>>>> = {
  en: {
    hello: {
      title: 'Hello world (PEP 3333)',
      explanation: [
        'The smallest application PEP 3333 gives: a callable that takes the environ and start_response, calls start_response once with a status string and a list of (name, value) header pairs, and returns an iterable of bytes.',
        'It sets no Content-Length. Whether the client gets one, or a chunked body, or a body ended by closing the connection, is the server’s choice: run it behind two pipelines and compare the responses.',
      ],
      tryThis: 'Return a generator instead of a list, or leave out the Content-Type header, and run again.',
    },
    'middleware-stack': {
      title: 'A middleware stack',
      explanation: [
        'The stack the site models elsewhere: app = TimingMiddleware(RequestIdMiddleware(application)). A middleware is an application to the server and a server to the application it wraps: it may change the environ on the way in and wrap start_response to change the status and headers on the way out.',
        'The trace shows one hop per layer each way. Going in, the timing layer adds app.started, then the request-id layer adds app.request_id; coming out, the inner layer’s X-Request-Id header is added before the outer layer’s X-Elapsed, so the outer layer is last to touch the response.',
      ],
      tryThis: 'Swap the two middleware and run again: the order of the environ keys and of the headers swaps too.',
    },
    'prefix-fix': {
      title: 'Fixing SCRIPT_NAME and PATH_INFO behind a proxy',
      explanation: [
        'SCRIPT_NAME is where the application is mounted, PATH_INFO the rest of the path; PEP 3333 rebuilds the URL from the two together. A gateway that mounts the application itself (mod_wsgi’s WSGIScriptAlias) splits them; a reverse proxy in front of a plain WSGI server (nginx before Gunicorn) passes the whole path, so SCRIPT_NAME is empty and every link the application builds misses the prefix.',
        'The middleware moves a known prefix from PATH_INFO to SCRIPT_NAME, and leaves a path alone that does not start with it, so the same code is right behind both kinds of gateway. Take the prefix from a configuration value, not from a request header any client can send.',
      ],
      tryThis: 'Choose apache-modwsgi-daemon, then nginx + Gunicorn, and compare what the application received.',
    },
    'pig-latin': {
      title: 'Rewriting the response: Pig Latin (PEP 3333)',
      explanation: [
        'PEP 3333’s own example of a middleware that plays both sides: it watches the headers the application passes to start_response and, for a text/plain response, rewrites every body item on the way out.',
        'The rewritten body is longer than the one the application measured, so the middleware must drop the Content-Length header: left in, it would promise the wrong number of bytes and the client would cut the body short or wait for bytes that never come. It also calls close() on the application’s iterable when it is done, because PEP 3333 makes whoever iterates it responsible for that.',
      ],
      tryThis:
        'Delete the line that filters out Content-Length and run again: the check stays quiet, but see what the server sends.',
    },
    broken: {
      title: 'A broken application',
      explanation: [
        'With MISTAKE = "str", the application returns a str where PEP 3333 wants an iterable of bytestrings. A str is iterable too, one character at a time, and each character is a str, not bytes; wsgiref.validate stops at it, and each gateway treats it its own way.',
        'With MISTAKE = "twice", it calls start_response a second time without exc_info, which PEP 3333 calls a fatal error. wsgiref.validate lets that one through; the check runs it under wsgiref’s own server handler, which raises AssertionError: Headers already set!, and the trace shows what the chosen gateway does.',
      ],
      tryThis: 'Switch MISTAKE between "str" and "twice", and run each behind more than one pipeline.',
    },
  },
  'zh-cn': {
    hello: {
      title: 'Hello world（PEP 3333）',
      explanation: [
        '这是 PEP 3333 给出的最小应用：一个接收 environ 和 start_response 的可调用对象，先用状态字符串和由 (名称, 值) 组成的响应头列表调用一次 start_response，再返回一个由字节串组成的可迭代对象。',
        '它没有设置 Content-Length。客户端最后拿到的是带长度的响应、分块传输的响应，还是靠关闭连接来结束的响应，由服务器决定：把它放到两条管线后面运行，比较一下两边的响应。',
      ],
      tryThis: '把返回的列表换成生成器，或者去掉 Content-Type 响应头，再运行一次。',
    },
    'middleware-stack': {
      title: '中间件栈',
      explanation: [
        '这就是本站其他地方建模过的那组中间件：app = TimingMiddleware(RequestIdMiddleware(application))。中间件对服务器来说是应用，对它包住的应用来说又是服务器：进去时可以改 environ，出来时可以包一层 start_response，改状态和响应头。',
        '追踪里每层中间件在两个方向上各占一跳。进去时，计时层先加上 app.started，请求编号层再加上 app.request_id；出来时，内层的 X-Request-Id 先加上，外层的 X-Elapsed 后加上，所以最后碰到响应的是外层。',
      ],
      tryThis: '把两层中间件的顺序对调再运行：environ 键和响应头的顺序也会跟着对调。',
    },
    'prefix-fix': {
      title: '在反向代理后面修正 SCRIPT_NAME 和 PATH_INFO',
      explanation: [
        'SCRIPT_NAME 是应用挂载的位置，PATH_INFO 是路径剩下的部分，PEP 3333 把两者拼起来还原 URL。自己负责挂载应用的网关（mod_wsgi 的 WSGIScriptAlias）会把两者分开；而在普通 WSGI 服务器前面放一个反向代理（nginx 加 Gunicorn）时，整条路径都原样传进来，SCRIPT_NAME 是空的，应用生成的每个链接都会丢掉前缀。',
        '这个中间件把已知的前缀从 PATH_INFO 挪到 SCRIPT_NAME；路径不以前缀开头时就不动它，所以同一段代码放在两类网关后面都对。前缀应当来自配置，而不是来自任何客户端都能伪造的请求头。',
      ],
      tryThis: '先选 apache-modwsgi-daemon，再选 nginx + Gunicorn，对比应用收到的内容。',
    },
    'pig-latin': {
      title: '改写响应：Pig Latin（PEP 3333）',
      explanation: [
        '这是 PEP 3333 自己举的例子，演示中间件如何两头兼顾：它盯着应用传给 start_response 的响应头，遇到 text/plain 响应，就在返回途中改写每一段响应体。',
        '改写后的响应体比应用算出的长度更长，所以中间件必须删掉 Content-Length：留着它，就等于承诺了错误的字节数，客户端要么把响应体截短，要么一直等永远不会来的字节。它用完应用返回的可迭代对象后还会调用 close()，因为 PEP 3333 规定，谁迭代它，谁就负责关闭它。',
      ],
      tryThis: '删掉过滤 Content-Length 的那一行再运行：检查不会报错，但看看服务器实际发出了什么。',
    },
    broken: {
      title: '有错误的应用',
      explanation: [
        'MISTAKE = "str" 时，应用返回的是 str，而 PEP 3333 要求的是由字节串组成的可迭代对象。str 本身也能迭代，只是一次一个字符，每个字符仍是 str 而不是 bytes；wsgiref.validate 会在这里停下，各个网关的处理方式则各不相同。',
        'MISTAKE = "twice" 时，应用在没有传 exc_info 的情况下第二次调用 start_response，PEP 3333 把这算作致命错误。wsgiref.validate 本身放过了这个错误；检查时代码跑在 wsgiref 自带的服务器处理器下，由它抛出 AssertionError: Headers already set!，而所选网关怎么处理，请看追踪。',
      ],
      tryThis: '把 MISTAKE 在 "str" 和 "twice" 之间切换，并分别放到几条不同的管线后面运行。',
    },
  },
};
