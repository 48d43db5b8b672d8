// « À faire maintenant »: purges and archivings of the register due within 30 days (situations only while the store is unlocked).
import type { Reminder } from '../../../shared/contract/strategy';
import { formatDate } from '../../../shared/format';
import { register as t } from '../../../shared/i18n/register';
import type { ServiceContext } from '../context';
import { planRetention } from '../register/retention';

export function purgeReminders(ctx: ServiceContext, today: string): Reminder[] {
  const report = planRetention(ctx, today);
  const out: Reminder[] = [...report.due, ...report.upcoming].map((x) => ({
    id: `purge:${x.kind}:${x.targetId}`,
    kind: 'purge_upcoming',
    severity: x.date <= today ? 'high' : 'medium',
    title: x.step === 'archive' ? t.reminders.archive(x.label.replace(/^situation n° /, ''), formatDate(x.date)) : t.reminders.purge(x.label, formatDate(x.date)),
    detail: x.canPostpone ? t.reminders.purgeDetail : t.rules.age_25,
    link: x.kind === 'situation' ? { screen: 'register', id: x.targetId } : { screen: 'meeting', id: x.targetId },
    date: x.date,
  }));
  if (!report.situationsChecked && ctx.vault?.state === 'locked') out.push({ id: 'purge:locked', kind: 'purge_upcoming', severity: 'low', title: t.reminders.locked, link: { screen: 'register', id: '' } });
  return out;
}
