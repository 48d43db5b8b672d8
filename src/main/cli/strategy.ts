// Strategy CLI commands: the plan d'actions with its health (météo), per axis, readable or as JSON.
import { formatPercent, formatShortDate } from '../../shared/format';
import type { HealthLevel } from '../../shared/health';
import { fr } from '../../shared/i18n';
import { cli as tc } from '../../shared/i18n/cli';
import { createContext } from '../services/context';
import { dashboard, listActionRows } from '../services/strategy/views';
import { Store } from '../store/store';
import { type Command, DATA_FLAG, dataDirFrom, stringFlag, UsageError } from './framework';

const HEALTHS: HealthLevel[] = ['on_track', 'watch', 'late', 'unknown'];

const plan: Command = {
  name: 'plan',
  positionals: 0,
  summary: tc.plan.summary,
  usage: 'plan --data DOSSIER [--meteo late|watch|unknown|on_track] [--json] [--date AAAA-MM-JJ]',
  flags: {
    data: DATA_FLAG,
    meteo: { value: tc.plan.meteoValue, description: tc.plan.meteoFlag },
    date: { value: 'AAAA-MM-JJ', description: tc.plan.dateFlag },
    json: { description: tc.json },
  },
  async run(args, io) {
    const meteo = stringFlag(args, 'meteo');
    if (meteo !== undefined && !HEALTHS.includes(meteo as HealthLevel)) throw new UsageError(tc.plan.unknownMeteo(meteo, HEALTHS));
    const date = stringFlag(args, 'date');
    if (date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new UsageError(tc.plan.badDate);
    const store = Store.open(dataDirFrom(args), { readOnly: true });
    if (!store.isReady) {
      io.err(store.state.status === 'broken' ? store.state.message : tc.plan.noData);
      return 1;
    }
    const ctx = createContext(store, {}, date ? () => new Date(`${date}T12:00:00Z`) : undefined);
    const rows = listActionRows(ctx, meteo ? { health: [meteo as HealthLevel] } : {});
    const board = dashboard(ctx, date);
    if (args.flags.json) {
      io.out(JSON.stringify({ today: board.today, period: board.period?.title, axes: board.axes.map((a) => ({ title: a.axis.title, actions: a.actionsCount, byHealth: a.byHealth, averageProgress: a.averageProgress })), actions: rows }, null, 2));
      return 0;
    }
    io.out(tc.plan.heading(board.period?.title ?? tc.plan.noPeriod, formatShortDate(board.today)));
    for (const a of board.axes) {
      io.out(`  ${a.axis.title} : ${a.actionsCount} action(s), avancement ${formatPercent(a.averageProgress)} — ${HEALTHS.map((h) => `${fr.strategy.health[h]} ${a.byHealth[h]}`).join(', ')}`);
    }
    io.out('');
    for (const r of rows) {
      io.out(`${r.code}\t${fr.strategy.health[r.health]}\t${fr.actionStatus[r.status]}\t${formatPercent(r.progress)}\t${r.endDate ? formatShortDate(r.endDate) : '—'}\t${r.title}`);
    }
    return 0;
  },
};

export const strategyCommands: Command[] = [plan];
