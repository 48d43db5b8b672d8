// The « À faire maintenant » list: strategy reminders (late and silent actions) plus the meetings' reminders, most urgent first.
import type { Reminder } from '../../../shared/contract/strategy';
import { formatDate } from '../../../shared/format';
import { computeHealth } from '../../../shared/health';
import { strategy as t } from '../../../shared/i18n/strategy';
import type { ServiceContext } from '../context';
import { meetingReminders } from './meetings';
import { purgeReminders } from './purges';

const SEVERITY_RANK: Record<Reminder['severity'], number> = { high: 0, medium: 1, low: 2 };

/** Reminders from the plan d'actions of the active period. */
export function strategyReminders(ctx: ServiceContext, today: string): Reminder[] {
  const data = ctx.store.data;
  const periodId = data.settings.activePeriodId;
  const stale = data.settings.staleAfterMonths;
  const out: Reminder[] = [];
  let inbox = 0;
  let firstInbox: string | undefined;
  for (const a of data.actions) {
    if (a.archived || (periodId && a.periodId !== periodId)) continue;
    if (!a.objectiveId) {
      inbox++;
      firstInbox ??= a.id;
    }
    if (a.status === 'done' || a.status === 'abandoned') continue;
    const h = computeHealth(a, today, stale);
    if (h.level === 'late') {
      out.push({
        id: `late:${a.id}`,
        kind: 'action_late',
        severity: 'high',
        title: t.reminders.lateAction(a.code, a.title),
        detail: h.reasons[0],
        link: { screen: 'action', id: a.id },
        date: a.endDate,
      });
    } else if (h.level === 'unknown') {
      out.push({
        id: `stale:${a.id}`,
        kind: 'action_stale',
        severity: 'medium',
        title: t.reminders.staleAction(a.code, a.title),
        detail: t.reminders.staleDetail(formatDate(a.lastUpdateAt.slice(0, 10))),
        link: { screen: 'action', id: a.id },
        date: a.lastUpdateAt.slice(0, 10),
      });
    }
  }
  if (inbox && firstInbox) {
    out.push({ id: 'inbox', kind: 'actions_inbox', severity: 'low', title: t.reminders.inbox(inbox), link: { screen: 'action', id: firstInbox } });
  }
  return out;
}

export function sortReminders(list: Reminder[]): Reminder[] {
  return list.sort(
    (a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || (a.date ?? '9999').localeCompare(b.date ?? '9999') || a.title.localeCompare(b.title, 'fr'),
  );
}

/** Everything the coordinator should act on now, most urgent first. */
export function collectReminders(ctx: ServiceContext, today: string): Reminder[] {
  return sortReminders([...strategyReminders(ctx, today), ...meetingReminders(ctx, today), ...purgeReminders(ctx, today)]);
}
