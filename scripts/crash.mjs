// `npm run crash -- --kills N`: the SIGKILL crash test (tests/unit/crash.test.ts) with N kills instead of CI's ~200.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const args = process.argv.slice(2);
const i = args.indexOf('--kills');
const kills = i >= 0 ? Number(args[i + 1]) : 1000;
if (!Number.isInteger(kills) || kills < 2) {
  console.error('Usage : npm run crash -- --kills N (N entier, au moins 2).');
  process.exit(2);
}
const seed = args.includes('--seed') ? args[args.indexOf('--seed') + 1] : undefined;
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const r = spawnSync(npx, ['vitest', 'run', 'tests/unit/crash.test.ts'], {
  cwd: join(import.meta.dirname, '..'),
  stdio: 'inherit',
  env: { ...process.env, CRASH_KILLS_PER_LANE: String(Math.ceil(kills / 2)), ...(seed ? { CRASH_SEED: seed } : {}) },
});
process.exit(r.status ?? 1);
