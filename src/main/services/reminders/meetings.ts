// Meeting reminders for the dashboard « À faire maintenant »: plenary not held, charter signatures and yearly reviews, office holders, minutes, meetings to prepare.
import type { Reminder } from '../../../shared/contract/strategy';
import { addDays, formatDate, formatLongDate } from '../../../shared/format';
import { meetings as t } from '../../../shared/i18n/meetings';
import type { ServiceContext } from '../context';
import { governance as g } from '../../../shared/i18n/governance';
import { charterState, isCurrent } from '../instances';
import { charterReviewReminders } from '../instances/governance';

export function meetingReminders(ctx: ServiceContext, today: string = ctx.now().toISOString().slice(0, 10)): Reminder[] {
  const data = ctx.store.data;
  const out: Reminder[] = [];
  const year = Number(today.slice(0, 4));
  const instances = new Map(data.instances.map((i) => [i.id, i]));

  // The legal minimum: one plenary a year.
  const plenaries = data.instances.filter((i) => i.kind === 'plenary' && i.status === 'active');
  if (plenaries.length) {
    const ids = new Set(plenaries.map((p) => p.id));
    const thisYear = data.meetings.filter((m) => ids.has(m.instanceId) && m.date.startsWith(`${year}-`));
    if (!thisYear.some((m) => m.status === 'held' || m.status === 'validated')) {
      const planned = thisYear.filter((m) => m.date >= today).sort((a, b) => a.date.localeCompare(b.date))[0];
      out.push({
        id: `plenary:${year}`,
        kind: 'plenary_missing',
        severity: planned ? 'medium' : today.slice(5) >= '09-01' ? 'high' : 'medium',
        title: t.reminders.plenaryMissing(year),
        detail: planned ? t.reminders.plenaryScheduled(formatLongDate(planned.date)) : t.reminders.plenaryNotScheduled,
        link: planned ? { screen: 'meeting', id: planned.id } : { screen: 'instance', id: plenaries[0].id },
        ...(planned ? { date: planned.date } : {}),
      });
    }
  }

  // Charter signatures missing (signed once, never renewed), per confidential instance; the yearly bilan is its own reminder.
  for (const instance of data.instances) {
    if (instance.status !== 'active' || instance.confidentiality !== 'confidential') continue;
    const n = data.memberships.filter((m) => m.instanceId === instance.id && isCurrent(m, today)).filter((m) => charterState(instance, m).missing).length;
    if (n) {
      out.push({ id: `charter:${instance.id}`, kind: 'other', severity: 'medium', title: g.reminders.signatures(instance.name, n), detail: g.reminders.signaturesDetail, link: { screen: 'instance', id: instance.id } });
    }
  }
  out.push(...charterReviewReminders(ctx, today));

  // The head of an institution changed after a current membership started: the composition may be out of date.
  const seen = new Set<string>();
  for (const m of data.memberships) {
    if (!isCurrent(m, today)) continue;
    const org = data.organisations.find((o) => o.id === m.organisationId);
    const changed = org?.officeHolderChangedAt;
    if (!org || !changed || changed <= m.startDate || changed > today) continue;
    const instance = instances.get(m.instanceId);
    if (!instance || instance.status !== 'active') continue;
    const key = `${instance.id}:${org.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({
      id: `office:${key}`,
      kind: 'other',
      severity: 'medium',
      title: t.reminders.officeHolder(org.name, instance.name),
      detail: t.reminders.officeHolderDetail(formatDate(changed)),
      link: { screen: 'instance', id: instance.id },
      date: changed,
    });
  }

  const in14 = addDays(today, 14);
  const monthAgo = addDays(today, -30);
  for (const m of data.meetings) {
    // Minutes held but not validated after a month.
    if (m.status === 'held' && m.date <= monthAgo) {
      out.push({ id: `minutes:${m.id}`, kind: 'minutes_to_validate', severity: 'medium', title: t.reminders.minutes(m.title), detail: t.reminders.minutesDetail(formatLongDate(m.date)), link: { screen: 'meeting', id: m.id }, date: m.date });
    }
    // Meetings to prepare in the next 14 days.
    if ((m.status === 'draft' || m.status === 'convened') && m.date >= today && m.date <= in14) {
      out.push({
        id: `prepare:${m.id}`,
        kind: 'meeting_to_prepare',
        severity: m.status === 'draft' && m.date <= addDays(today, 7) ? 'high' : m.status === 'draft' ? 'medium' : 'low',
        title: t.reminders.prepare(m.title, formatLongDate(m.date)),
        detail: m.status === 'draft' ? t.reminders.prepareDraft : t.reminders.prepareConvened,
        link: { screen: 'meeting', id: m.id },
        date: m.date,
      });
    }
  }
  return out;
}
