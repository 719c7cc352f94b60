// `npm run bench`: every benchmark, one after the other; each prints its own figures.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const benches = [
  'bench/site.ts',
  'bench/sim.ts',
  'bench/hostile-input.ts',
  'bench/player.ts',
  'bench/variants.ts',
  'bench/lab.ts',
].filter((file) => existsSync(file));
for (const file of benches) {
  console.log(`\n━━ ${file}`);
  const run = spawnSync(process.execPath, [file], { stdio: 'inherit' });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
