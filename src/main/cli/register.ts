// CLI of the register of situations and the retention engine: `situations list|stats` and `retention` (dry run unless --apply).
import { existsSync } from 'node:fs';
import { formatShortDate } from '../../shared/format';
import { cli as tc } from '../../shared/i18n/cli';
import { register as t } from '../../shared/i18n/register';
import { isCalendarDate } from '../../shared/fields';
import { createContext, type ServiceContext } from '../services/context';
import * as reg from '../services/register';
import { Store } from '../store/store';
import { vaultPath } from '../vault/vault';
import { type Command, DATA_FLAG, dataDirFrom, type Io, type ParsedArgs, stringFlag, UsageError } from './framework';
import { PASSPHRASE_FLAG, unlockedVault } from './passphrase';

const c = t.cli;

/** Opens the folder and unlocks its protected store; exit code 2 without passphrase, 1 when it is wrong. */
async function withRegister(args: ParsedArgs, io: Io, needVault: boolean, run: (ctx: ServiceContext, vaultOpen: boolean) => Promise<number>): Promise<number> {
  const dir = dataDirFrom(args);
  const hasVault = existsSync(vaultPath(dir));
  if (needVault && !hasVault) {
    io.err(c.noRegister);
    return 1;
  }
  // Unlocked before the folder is opened: a missing (exit 2) or wrong (exit 1) passphrase changes nothing.
  const vault = hasVault ? await unlockedVault(dir, args) : undefined;
  const store = Store.open(dir, { owner: 'cli' });
  try {
    if (!store.isReady) {
      io.err(store.state.status === 'broken' ? store.state.message : c.emptyFolder);
      return 1;
    }
    const ctx = createContext(store);
    if (vault) ctx.vault = vault;
    return await run(ctx, hasVault);
  } finally {
    await store.close();
  }
}

const situations: Command = {
  name: 'situations',
  positionals: 1,
  summary: tc.situations.summary,
  usage: 'situations list|stats --data DOSSIER [--passphrase-file FICHIER] [--json] [--reason TEXTE] [--year AAAA]',
  flags: {
    data: DATA_FLAG,
    'passphrase-file': PASSPHRASE_FLAG,
    json: { description: tc.json },
    reason: { value: 'TEXTE', description: tc.situations.reasonFlag },
    year: { value: 'AAAA', description: tc.situations.yearFlag },
  },
  async run(args, io) {
    const sub = args.positionals[0];
    if (sub !== 'list' && sub !== 'stats') throw new UsageError(c.subcommand);
    const yearText = stringFlag(args, 'year');
    const year = yearText === undefined ? undefined : Number(yearText);
    if (year !== undefined && (!Number.isInteger(year) || year < 2000 || year > 2100)) throw new UsageError(c.year);
    return withRegister(args, io, true, async (ctx) => {
      if (sub === 'stats') {
        const stats = reg.registerStats(ctx.store.data, reg.requireVault(ctx).read(), year);
        await reg.requireVault(ctx).update((d) => reg.logAccess(ctx, d, 'export', undefined, c.statsLogged));
        if (args.flags.json) io.out(JSON.stringify(stats, null, 2));
        else for (const [label, lines] of [[t.documents.byStatus, stats.byStatus], [t.documents.byOrigin, stats.byOrigin], [t.documents.byReason, stats.byReason], [t.documents.byAgeBracket, stats.byAgeBracket], [t.documents.byYear, stats.byYear]] as const) {
          io.out(label);
          for (const l of lines) io.out(`  ${l.label}\t${l.count}`);
        }
        return 0;
      }
      const reason = stringFlag(args, 'reason')?.trim();
      const list = reg.situationsForCli(ctx, reason);
      await reg.requireVault(ctx).update((d) => {
        reg.logAccess(ctx, d, 'list', undefined, c.listLogged);
        if (reason) for (const s of list) if (s.status === 'archived') reg.logAccess(ctx, d, 'consult_archived', s.reference, reason);
      });
      if (args.flags.json) io.out(JSON.stringify(list, null, 2));
      else for (const s of list) io.out(`${s.reference}\t${t.status[s.status]}\t${formatShortDate(s.openedAt)}\t${s.origin}\t${s.reason}\t${s.ageBracket}`);
      return 0;
    });
  },
};

const retention: Command = {
  name: 'retention',
  positionals: 0,
  summary: tc.retention.summary,
  usage: 'retention --data DOSSIER [--as-of AAAA-MM-JJ] [--apply] [--passphrase-file FICHIER] [--json]',
  flags: {
    data: DATA_FLAG,
    'as-of': { value: 'AAAA-MM-JJ', description: tc.retention.asOfFlag },
    apply: { description: tc.retention.applyFlag },
    'passphrase-file': PASSPHRASE_FLAG,
    json: { description: tc.json },
  },
  async run(args, io) {
    const asOf = stringFlag(args, 'as-of');
    if (asOf !== undefined && !isCalendarDate(asOf)) throw new UsageError(tc.badDate);
    return withRegister(args, io, false, async (ctx) => {
      const when = asOf ?? ctx.now().toISOString().slice(0, 10);
      const report = args.flags.apply ? await reg.applyRetention(ctx, when) : reg.planRetention(ctx, when);
      if (args.flags.json) {
        io.out(JSON.stringify(report, null, 2));
        return 0;
      }
      io.out(report.applied ? c.applied(when) : c.dryRun(when));
      if (!report.due.length) io.out(c.nothingDue);
      for (const x of report.due) io.out(`  ${formatShortDate(x.date)}\t${x.step === 'archive' ? c.archive : c.destroy}\t${x.label}\t${t.rules[x.rule] ?? x.rule}`);
      if (report.upcoming.length) io.out(c.upcoming(report.upcoming.length));
      if (!report.situationsChecked) io.out(c.noVault);
      return 0;
    });
  },
};

export const registerCommands: Command[] = [situations, retention];
