// Reading a closed period's archive file (archive-<id>.json beside the live data): one reader for the strategy service, documents and the CLI.
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { ArchiveFile, type Datastore, type StrategyPeriod } from '../../shared/model';
import type { z } from '../../shared/validation';
import { migrate } from './migrations';

/** File name written when a period is closed. */
export function archiveFileName(periodId: string): string {
  return `archive-${periodId.replace(/[^A-Za-z0-9_-]/g, '_')}.json`;
}

/** Where a period's archive lies: only a file name at the top of the data folder is accepted (never a path elsewhere). */
export function archivePath(dataDir: string, period: Pick<StrategyPeriod, 'id' | 'archiveFile'>): string {
  return join(dataDir, basename(period.archiveFile ?? archiveFileName(period.id)));
}

export type ArchiveRead =
  | { ok: true; file: string; archive: ArchiveFile }
  | { ok: false; file: string; problem: 'missing' | 'unreadable' | 'invalid'; error?: z.ZodError };

/** Reads and validates a period's archive file; never throws, says what went wrong instead. */
export function loadArchive(dataDir: string, period: Pick<StrategyPeriod, 'id' | 'archiveFile'>): ArchiveRead {
  const file = archivePath(dataDir, period);
  if (!existsSync(file)) return { ok: false, file, problem: 'missing' };
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return { ok: false, file, problem: 'unreadable' };
  }
  // An archive of an older format is read through the same migrations (it is rewritten once the protected store takes its texts).
  try {
    if (typeof raw === 'object' && raw !== null && !Array.isArray(raw)) raw = migrate(raw as Record<string, unknown>).doc;
  } catch {
    return { ok: false, file, problem: 'invalid' };
  }
  const parsed = ArchiveFile.safeParse(raw);
  if (!parsed.success) return { ok: false, file, problem: 'invalid', error: parsed.error };
  return { ok: true, file, archive: parsed.data };
}

/** A copy of `data` with the records of the given archives added (records already present are kept). */
export function mergeArchives(data: Datastore, archives: ArchiveFile[]): Datastore {
  if (!archives.length) return data;
  const add = <T extends { id: string }>(base: T[], extra: T[]): T[] => {
    const seen = new Set(base.map((x) => x.id));
    return [...base, ...extra.filter((x) => !seen.has(x.id))];
  };
  let out = { ...data };
  for (const a of archives) {
    out = {
      ...out,
      axes: add(out.axes, a.axes),
      objectives: add(out.objectives, a.objectives),
      actions: add(out.actions, a.actions),
      meetings: add(out.meetings, a.meetings),
    };
  }
  return out;
}
