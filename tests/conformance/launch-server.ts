import { spawn, type ChildProcess } from 'node:child_process';
import { openSync, readFileSync } from 'node:fs';
import { once } from 'node:events';
import { SERVER_PROGRAMS } from './server-programs.ts';
import type { ServerSpec } from './pipelines.ts';
import { SITE, SITE_DIRS } from './site-layout.ts';
import { waitForPort } from './wait-for-port.ts';

const START_TIMEOUT_MS = 10_000;
const STOP_TIMEOUT_MS = 3_000;

/** A started server: stop() ends it by its pid and waits for it to exit. */
export interface RunningServer {
  pid: number;
  stop: () => Promise<void>;
}

/** Start one server in the foreground with its rendered configuration and wait until its port accepts. */
export async function launchServer(spec: ServerSpec): Promise<RunningServer> {
  const program = SERVER_PROGRAMS[spec.program];
  const [command, ...args] = program.command(`${SITE.root}/${spec.config ?? ''}`);
  if (!command) throw new Error(`no command for ${spec.program}`);
  const outputPath = `${SITE.root}/${SITE_DIRS.log}/${spec.program}.out`;
  const output = openSync(outputPath, 'a');
  const child = spawn(command, args, {
    cwd: SITE.root,
    env: { ...SITE.launchEnvironment, ...program.environment },
    stdio: ['ignore', output, output],
  });
  const exited = once(child, 'exit');
  const pid = child.pid;
  if (pid === undefined) throw new Error(`could not start ${command}`);
  const started = waitForPort(spec.port, START_TIMEOUT_MS);
  const early = exited.then(([code]) => {
    const said = readFileSync(outputPath, 'utf8').slice(-2000);
    throw new Error(`${command} exited with ${String(code)} before listening:\n${said}`);
  });
  await Promise.race([started, early]);
  early.catch(() => undefined);
  return { pid, stop: () => stopChild(child, pid, program.stopSignal, exited) };
}

async function stopChild(
  child: ChildProcess,
  pid: number,
  signal: NodeJS.Signals,
  exited: Promise<unknown>,
): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  process.kill(pid, signal);
  const timer = setTimeout(() => child.exitCode === null && process.kill(pid, 'SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}
