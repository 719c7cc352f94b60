import type { RequestContext } from '../request-context.ts';
import type { Change } from '../../trace.ts';
import { Environ } from '../../wsgi/environ.ts';
import { pyBool, pyObject, pyStr, pyTuple } from '../../wsgi/python-value.ts';
import { apacheVariables } from './apache-variables.ts';
import { APACHE_VERSION, apacheServerNameAndPort } from './apache-names.ts';
import { VOLATILE } from '../../volatile.ts';
import { REFERENCE_SITE } from '../../reference-site.ts';
import { msg } from '../../message.ts';

/** The script WSGIScriptAlias /app points at in the reference config. */
export const MOD_WSGI_SCRIPT = `${REFERENCE_SITE.appRoot}/dump_wsgi.py`;

/**
 * mod_wsgi 4.9.4's environ (wsgi_build_environment in mod_wsgi.c): Apache's CGI variables with the CGI block
 * first and no PATH, then mod_wsgi.* keys, the wsgi.* keys, and the version/counter keys. Daemon mode adds
 * queue and daemon timing keys, and wsgi.multiprocess is False (one daemon process).
 */
export function modWsgiEnviron(
  context: RequestContext,
  mode: 'embedded' | 'daemon',
): { environ: Environ; changes: Change[] } {
  const variables = apacheVariables(context, {
    module: 'mod_wsgi',
    software: APACHE_VERSION,
    scriptFilename: MOD_WSGI_SCRIPT,
  });
  const environ = new Environ();
  for (const [name, value] of variables.pairs) environ.set(name, pyStr(value));
  const { port } = apacheServerNameAndPort(context);
  environ
    .set('mod_wsgi.script_name', pyStr(environ.str('SCRIPT_NAME')))
    .set('mod_wsgi.path_info', pyStr(environ.str('PATH_INFO')));
  environ.set('mod_wsgi.process_group', pyStr(mode === 'daemon' ? 'hop' : ''));
  environ.set(
    'mod_wsgi.application_group',
    pyStr(`${REFERENCE_SITE.apacheServerName}${port === '80' ? '' : `:${port}`}|/app`),
  );
  environ
    .set('mod_wsgi.callable_object', pyStr('application'))
    .set('mod_wsgi.request_handler', pyStr('wsgi-script'))
    .set('mod_wsgi.handler_script', pyStr(''));
  environ
    .set('mod_wsgi.script_reloading', pyStr('1'))
    .set('mod_wsgi.listener_host', pyStr(REFERENCE_SITE.serverAddr))
    .set('mod_wsgi.listener_port', pyStr(REFERENCE_SITE.serverPort));
  environ.set('mod_wsgi.enable_sendfile', pyStr('0')).set('mod_wsgi.ignore_activity', pyStr('0'));
  environ
    .set('mod_wsgi.request_start', pyStr(VOLATILE.variables['mod_wsgi.request_start']))
    .set('mod_wsgi.request_id', pyStr(VOLATILE.variables['mod_wsgi.request_id']));
  if (mode === 'daemon') {
    environ
      .set('mod_wsgi.queue_start', pyStr(VOLATILE.variables['mod_wsgi.queue_start']))
      .set('mod_wsgi.daemon_connects', pyStr('1'));
    environ
      .set('mod_wsgi.daemon_restarts', pyStr('0'))
      .set('mod_wsgi.daemon_start', pyStr(VOLATILE.variables['mod_wsgi.daemon_start']));
  }
  environ.set('mod_wsgi.script_start', pyStr(VOLATILE.variables['mod_wsgi.script_start']));
  environ
    .set('wsgi.version', pyTuple(1, 0))
    .set('wsgi.multithread', pyBool(true))
    .set('wsgi.multiprocess', pyBool(mode === 'embedded'));
  environ.set('wsgi.run_once', pyBool(false)).set('wsgi.url_scheme', pyStr('http'));
  environ.set('wsgi.errors', pyObject("<_io.TextIOWrapper name='<wsgi.errors>' encoding='utf-8'>"));
  environ.set('wsgi.input', pyObject('<mod_wsgi.Input object>')).set('wsgi.input_terminated', pyBool(true));
  environ.set('wsgi.file_wrapper', pyObject("<class 'mod_wsgi.FileWrapper'>"));
  environ.set('apache.version', pyTuple(2, 4, 55)).set('mod_wsgi.version', pyTuple(4, 9, 4));
  environ
    .set('mod_wsgi.total_requests', pyStr(VOLATILE.variables['mod_wsgi.total_requests']))
    .set('mod_wsgi.thread_id', pyStr(VOLATILE.variables['mod_wsgi.thread_id']))
    .set('mod_wsgi.thread_requests', pyStr(VOLATILE.variables['mod_wsgi.thread_requests']));
  const changes: Change[] = [
    ...variables.changes.filter((c) => c.to !== 'PATH'),
    {
      kind: 'added',
      to: 'mod_wsgi.process_group',
      message: mode === 'daemon' ? msg('change.modWsgiDaemon', { group: 'hop' }) : msg('change.modWsgiEmbedded'),
    },
    {
      kind: 'added',
      to: 'wsgi.input_terminated',
      message: msg('change.modWsgiInputTerminated'),
    },
  ];
  return { environ, changes };
}
