import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Mounts a new, empty tmpfs over /srv (inside the capture's private mount namespace, stacked over the previous one)
 * before each run builds its site. A tmpfs numbers its inodes per mount (Linux 5.9 and later) and lighttpd's ETag
 * hashes the static file's inode, so every run now sees the same inode whatever earlier runs wrote: adding a corpus
 * case or a run no longer moves the ETags of the runs after it.
 */
export async function freshSite(): Promise<void> {
  await run('mount', ['-t', 'tmpfs', '-o', 'mode=755', 'tmpfs', '/srv']);
}
