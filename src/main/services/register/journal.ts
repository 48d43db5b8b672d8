// The DPO journal: access journal (protected store), registre des purges and exported backups (clspd.json), settings.
import type { DpoJournal } from '../../../shared/contract/register';
import { registerSettingsOf } from '../../../shared/register-defaults';
import type { ServiceContext } from '../context';
import { requireVault, todayOf } from './common';

export function dpoJournal(ctx: ServiceContext): DpoJournal {
  const p = requireVault(ctx).read();
  const data = ctx.store.data;
  const today = todayOf(ctx);
  return {
    access: [...p.accessLog].reverse(),
    purges: [...data.purgeLog].reverse(),
    backups: (data.backupExports ?? []).map((b) => ({ ...b, expired: b.destroyBy !== undefined && b.destroyBy <= today })).reverse(),
    settings: registerSettingsOf(data),
  };
}
