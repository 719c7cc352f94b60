/**
 * The Chinese of each comment in the lab examples' Python, keyed by the English comment as the example writes it
 * (after `# `). The code itself is the same in both languages; only its comments are the reader's.
 */
export const LAB_COMMENTS_ZH: ReadonlyMap<string, string> = new Map([
  [
    'PEP 3333, "The Application/Framework Side": the simplest application object.',
    'PEP 3333 的 "The Application/Framework Side" 一节：最简单的应用对象。',
  ],
  [
    'The outer layer: app = TimingMiddleware(RequestIdMiddleware(application))',
    '外层：app = TimingMiddleware(RequestIdMiddleware(application))',
  ],
  [
    'The inner layer: gives every request an id, in the environ and in a response header.',
    '内层：给每个请求编一个号，既放进 environ，也放进一个响应头。',
  ],
  [
    'After PEP 3333, "Middleware: Components that Play Both Sides".',
    '仿照 PEP 3333 的 "Middleware: Components that Play Both Sides" 一节。',
  ],
  ['start_response may be called again with exc_info', 'start_response 可能还会带着 exc_info 再被调用一次'],
  [
    'The body changes length: drop Content-Length, or it would be wrong.',
    '响应体的长度变了：要去掉 Content-Length，否则它就是错的。',
  ],
  [
    'PEP 3333: whoever iterates an iterable with close() must call it.',
    'PEP 3333：谁遍历一个带 close() 的可迭代对象，谁就得在最后调用它。',
  ],
  [
    'The application is mounted at PREFIX, but the proxy in front passes the whole path on.',
    '应用挂在 PREFIX 之下，但前面的代理把整条路径原样传了过来。',
  ],
  [
    'Move the prefix from PATH_INFO to SCRIPT_NAME: together they still name the same URL.',
    '把前缀从 PATH_INFO 挪到 SCRIPT_NAME：两者拼起来仍是同一个 URL。',
  ],
  ['or "twice"', '也可以改成 "twice"'],
  [
    'A second call without exc_info: PEP 3333 says it is a fatal error.',
    '第二次调用却没带 exc_info：PEP 3333 规定这是致命错误。',
  ],
  [
    'A str, not an iterable of bytes: each gateway deals with it its own way.',
    '返回的是 str，而不是由 bytes 组成的可迭代对象：各个网关对此各有各的处理方式。',
  ],
]);
