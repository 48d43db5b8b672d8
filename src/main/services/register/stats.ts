// Statistics of the register (counts only, for the plenary bilan): by status, origin, reason, age bracket and year.
import type { CountLine, DashboardCounts, RegisterStats } from '../../../shared/contract/register';
import { register as t } from '../../../shared/i18n/register';
import type { Datastore } from '../../../shared/model';
import type { ProtectedData } from '../../../shared/protected-model';
import { listLabel, registerSettingsOf } from '../../../shared/register-defaults';
import { AgeBracket, SituationStatus, suppressSmall, type Situation } from '../../../shared/register-model';
import type { ServiceContext } from '../context';
import { readIfUnlocked } from './common';

function lines(situations: Situation[], key: (s: Situation) => string, order: { code: string; label: string }[]): CountLine[] {
  const counts = new Map<string, number>();
  for (const s of situations) counts.set(key(s), (counts.get(key(s)) ?? 0) + 1);
  const out = order.map((o) => ({ code: o.code, label: o.label, count: counts.get(o.code) ?? 0 }));
  // Codes no longer in a list (retired then removed) still count.
  for (const [code, count] of counts) if (!order.some((o) => o.code === code)) out.push({ code, label: code, count });
  return out;
}

/** Counts of the register; `year` keeps the situations open at some point of that year. */
export function registerStats(data: Datastore, p: ProtectedData, year?: number): RegisterStats {
  const settings = registerSettingsOf(data);
  const situations = year
    ? p.situations.filter((s) => s.openedAt <= `${year}-12-31` && (!s.closedAt || s.closedAt >= `${year}-01-01`))
    : p.situations;
  const years = [...new Set(situations.map((s) => s.openedAt.slice(0, 4)))].sort();
  const listed = (list: typeof settings.origins, pick: (s: Situation) => string) =>
    lines(situations, pick, list.filter((i) => !i.retired || situations.some((s) => pick(s) === i.code)).map((i) => ({ code: i.code, label: listLabel(list, i.code) })));
  return {
    total: situations.length,
    byStatus: lines(situations, (s) => s.status, SituationStatus.options.map((c) => ({ code: c, label: t.status[c] }))),
    byOrigin: listed(settings.origins, (s) => s.origin),
    byReason: listed(settings.reasons, (s) => s.reason),
    byAgeBracket: lines(situations, (s) => s.ageBracket, AgeBracket.options.map((c) => ({ code: c, label: t.ageBracket[c] }))),
    byYear: lines(situations, (s) => s.openedAt.slice(0, 4), years.map((y) => ({ code: y, label: y }))),
  };
}

/** The register's counts for the bilan annuel of `year`, only when the coordinator opted in and the store is open. */
export function registerCountsFor(ctx: ServiceContext, year: number): RegisterStats | undefined {
  if (!ctx.store.isReady || !registerSettingsOf(ctx.store.data).countsOnDashboard) return undefined;
  const p = readIfUnlocked(ctx);
  return p ? registerStats(ctx.store.data, p, year) : undefined;
}

/** The tableau de bord's card: the same counts as the statistics PDF, each under 5 shown « < 5 » (suppressSmall). */
export function dashboardCounts(ctx: ServiceContext, year = ctx.now().getFullYear()): DashboardCounts {
  if (!registerSettingsOf(ctx.store.data).countsOnDashboard) return { state: 'off' };
  const stats = registerCountsFor(ctx, year);
  if (!stats) return { state: ctx.vault && ctx.vault.state !== 'absent' ? 'locked' : 'off' };
  const d = t.documents;
  const group = (heading: string, lines: CountLine[]) => ({ heading, lines: lines.map((l) => ({ label: l.label, value: suppressSmall(l.count) })) });
  return {
    state: 'shown',
    year,
    total: suppressSmall(stats.total),
    groups: [group(d.byStatus, stats.byStatus), group(d.byReason, stats.byReason), group(d.byOrigin, stats.byOrigin), group(d.byAgeBracket, stats.byAgeBracket)],
  };
}
