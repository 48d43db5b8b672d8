// When retention runs by itself: at start-up, when the protected store is unlocked, after a restore; and the record of exported backups.
import { newId } from '../../../shared/ids';
import { addYears } from '../../../shared/register-model';
import { nowIso, type ServiceContext } from '../context';
import { readIfUnlocked, todayOf } from './common';
import { applyRetention, planRetention } from './retention';

/** Applies retention for today and never throws (a failure is reported to `log` and retried at the next run). */
export async function runRetention(ctx: ServiceContext, log: (e: unknown) => void = console.error): Promise<void> {
  try {
    if (ctx.store.state.status !== 'ok') return;
    await applyRetention(ctx);
  } catch (e) {
    log(e);
  }
}

/**
 * Earliest date on which some content held by a copy made today must be destroyed: the copy must be destroyed
 * by then too. Looks 10 years ahead; undefined when nothing in it expires (or the register is locked and empty).
 */
export function earliestExpiry(ctx: ServiceContext): string | undefined {
  const today = todayOf(ctx);
  const horizon = addYears(today, 10);
  const all = planRetention(ctx, horizon);
  const dates = [...all.due, ...all.upcoming].filter((x) => x.step === 'destroy').map((x) => (x.date < today ? today : x.date));
  // Situations still followed have no destruction date yet: their 25-year limit (if any) still bounds the copy.
  for (const s of readIfUnlocked(ctx)?.situations ?? []) if (s.legalEndDate) dates.push(s.legalEndDate);
  return dates.sort()[0];
}

/**
 * A full backup, or a table holding texts of the coffre, saved outside the data folder: recorded (date, file
 * name, destroy-by date) for the DPO journal.
 */
export async function recordBackupExport(ctx: ServiceContext, path: string): Promise<void> {
  const fileName = path.split(/[\\/]/).pop() || path;
  const destroyBy = earliestExpiry(ctx);
  await ctx.store.update((data) => {
    (data.backupExports ??= []).push({ id: newId('bkx'), at: nowIso(ctx), fileName: fileName.slice(0, 300), ...(destroyBy ? { destroyBy } : {}) });
  });
}
