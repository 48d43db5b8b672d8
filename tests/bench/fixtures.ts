// Shared benchmark fixtures: the ten-year dataset, generated once per day and generator version, cached in the temp folder.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { writeTenYearDataset } from '../../src/main/services/demo/scale';

const ROOT = resolve(__dirname, '..', '..');
/** Sources whose change must regenerate the cached dataset. */
const SOURCES = [
  'src/main/services/demo/scale.ts',
  'src/main/services/demo/scale-text.ts',
  'src/main/services/demo/random.ts',
  'src/shared/model.ts',
];

function cacheKey(day: string): string {
  const h = createHash('sha256');
  h.update(day);
  for (const f of SOURCES) h.update(readFileSync(join(ROOT, f)));
  return h.digest('hex').slice(0, 12);
}

/**
 * Folder holding the ten-year dataset (clspd.json + archive-*.json), generated on first use and reused by
 * every bench file of the day. Treat it as read-only: open it with `{ readOnly: true }` or work on
 * `tenYearCopy()`.
 */
export function tenYearFixture(): string {
  const now = new Date();
  const day = now.toISOString().slice(0, 10);
  const dir = join(tmpdir(), `clspd-bench-10y-${cacheKey(day)}`);
  if (existsSync(join(dir, 'clspd.json'))) return dir;
  removeOldFixtures();
  const staging = mkdtempSync(join(tmpdir(), 'clspd-bench-10y-staging-'));
  const t0 = performance.now();
  const summary = writeTenYearDataset(staging, new Date(`${day}T12:00:00Z`));
  try {
    renameSync(staging, dir);
  } catch {
    // Another process generated it at the same time: keep theirs.
    rmSync(staging, { recursive: true, force: true });
  }
  console.log(
    `Jeu de données 10 ans généré en ${Math.round(performance.now() - t0)} ms dans ${dir} : ${summary.actions} actions, ${summary.meetings} réunions, ${summary.instances} instances, ${summary.partners} partenaires.`,
  );
  return dir;
}

/** Cached datasets of previous days or generator versions (older than a day, so none is in use) go. */
function removeOldFixtures(): void {
  const dayAgo = Date.now() - 86_400_000;
  for (const name of readdirSync(tmpdir())) {
    if (!name.startsWith('clspd-bench-10y-')) continue;
    const dir = join(tmpdir(), name);
    try {
      if (statSync(dir).mtimeMs < dayAgo) rmSync(dir, { recursive: true, force: true });
    } catch {
      // Another process removed it first.
    }
  }
}

/** A private, writable copy of the ten-year dataset in a new temp folder (remove it when done). */
export function tenYearCopy(): string {
  const source = tenYearFixture();
  const dir = mkdtempSync(join(tmpdir(), 'clspd-bench-copy-'));
  cpSync(source, dir, { recursive: true, filter: (src) => basename(src) !== 'backups' && !src.endsWith('.lock') });
  return dir;
}
