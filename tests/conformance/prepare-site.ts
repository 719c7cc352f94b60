import { chmod, cp, mkdir, readdir, readFile, utimes, writeFile } from 'node:fs/promises';
import { REPO_PATHS } from './repo-paths.ts';
import { renderTemplate } from './render-template.ts';
import { SITE, SITE_DIRS } from './site-layout.ts';
import { SERVER_PROGRAMS, type ServerProgram } from './server-programs.ts';
import type { FaultRunSpec, RunSpec } from './pipelines.ts';
import { applyConfigChanges } from './apply-config-changes.ts';

/** What a site is built for: a corpus run, or a fault run (its failing application and changed settings). */
export type SiteRun = Pick<RunSpec, 'servers' | 'cgiScript'> & Partial<Pick<FaultRunSpec, 'app' | 'changes'>>;

/** The script the CGI configs map /app to (configs/*-cgi/), in the site's app folder. */
const CGI_SCRIPT = 'dump_cgi.py';

/**
 * Files of tests/fixtures/apps that only some runs use (`ownFiles` of their programs): copied only for those runs,
 * after the static file. A tmpfs numbers inodes in creation order, across the runs of a pipeline, and lighttpd's
 * ETag hashes the static file's inode, so a file added for one kind of run must not move it in the others.
 */
const OWN_FILES: ReadonlySet<string> = new Set(Object.values(SERVER_PROGRAMS).flatMap(ownFilesOf));

function ownFilesOf(program: ServerProgram): readonly string[] {
  return program.ownFiles ?? [];
}

/**
 * Build the site tree under `SITE.root` for one pipeline run: folders, the dump applications (with the run's
 * `cgiScript`, a file of tests/fixtures/cgi-scripts, as the CGI script's content), the static file (with a fixed
 * mtime) and the pipeline's reference configurations rendered next to them. A server of the run that sits behind a
 * relay gets its own `upstreamPort` in place of `{{UPSTREAM_PORT}}`. A fault run also writes its failing application
 * over the dump application the configurations name, and changes the settings it lists (shortened timeouts).
 */
export async function prepareSite(pipelineId: string, run: SiteRun): Promise<void> {
  await mkdir(SITE.root, { recursive: true });
  await chmod(SITE.root, 0o755);
  for (const dir of Object.values(SITE_DIRS)) await mkdir(`${SITE.root}/${dir}`, { recursive: true, mode: 0o755 });
  // The servers' workers run as www-data and must be able to write their dumps and logs.
  for (const dir of [SITE_DIRS.dumps, SITE_DIRS.log, SITE_DIRS.uploads]) await chmod(`${SITE.root}/${dir}`, 0o777);

  const app = `${SITE.root}/${SITE_DIRS.app}`;
  const own = (source: string): boolean => OWN_FILES.has(source.slice(source.lastIndexOf('/') + 1));
  await cp(REPO_PATHS.apps, app, { recursive: true, filter: (source) => !own(source) });
  // Rewritten in place, not added: lighttpd's ETag hashes the static file's inode, which depends on how many
  // files the site held before it.
  if (run.cgiScript)
    await writeFile(`${app}/${CGI_SCRIPT}`, await readFile(`${REPO_PATHS.cgiScripts}/${run.cgiScript}`));

  const staticPath = `${SITE.root}/${SITE.staticFile.path}`;
  await mkdir(staticPath.slice(0, staticPath.lastIndexOf('/')), { recursive: true });
  await writeFile(staticPath, SITE.staticFile.content);
  await utimes(staticPath, SITE.staticMtimeSeconds, SITE.staticMtimeSeconds);
  // Apache's directory listing of `/` shows the modification time of `static/` (mod_autoindex): fixed too.
  for (const dir of [staticPath.slice(0, staticPath.lastIndexOf('/')), `${SITE.root}/${SITE_DIRS.www}`])
    await utimes(dir, SITE.staticMtimeSeconds, SITE.staticMtimeSeconds);
  for (const server of run.servers)
    for (const name of ownFilesOf(SERVER_PROGRAMS[server.program]))
      await cp(`${REPO_PATHS.apps}/${name}`, `${app}/${name}`);
  // A fault run's failing application, written over the file the reference configuration names (in place, as above).
  if (run.app) await writeFile(`${app}/${run.app.replace}`, await readFile(`${REPO_PATHS.faults}/${run.app.with}`));
  for (const file of await readdir(app)) await chmod(`${app}/${file}`, 0o755);

  const configs = `${REPO_PATHS.configs}/${pipelineId}`;
  const files = await readdir(configs);
  const unknown = (run.changes ?? []).find((change) => !files.includes(change.file));
  if (unknown)
    throw new Error(`${pipelineId}: a fault run changes ${unknown.file}, which configs/${pipelineId}/ lacks`);
  for (const file of files) {
    const port = run.servers.find((server) => server.config === file)?.upstreamPort;
    const reference = await readFile(`${configs}/${file}`, 'utf8');
    const template = applyConfigChanges(pipelineId, file, reference, run.changes ?? []);
    const relayed = port === undefined ? template : template.replaceAll('{{UPSTREAM_PORT}}', String(port));
    await writeFile(`${SITE.root}/${file}`, renderTemplate(relayed));
  }
}
