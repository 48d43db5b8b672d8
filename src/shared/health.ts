// Computed health (« météo ») of a plan action and status of its indicators: pure rules shared by screens, documents and reminders.
import { addDays, daysBetween, formatDate, formatNumber, formatPercent } from './format';
import { strategy } from './i18n/strategy';
import type { Action, Indicator } from './model';

export type HealthLevel = 'on_track' | 'watch' | 'late' | 'unknown';
export interface Health {
  level: HealthLevel;
  /** French sentences explaining the level, most important first. */
  reasons: string[];
}

export type IndicatorStatus = 'reached' | 'on_trajectory' | 'behind' | 'no_data';

/** The parts of an action the health rules read. */
export type HealthInput = Pick<Action, 'status' | 'progress' | 'startDate' | 'endDate' | 'milestones' | 'indicators' | 'lastUpdateAt'>;

/** Progress gap (expected − actual, in points) above which the action is late, resp. to watch. */
export const LATE_GAP = 25;
export const WATCH_GAP = 10;
/** A milestone overdue by more than this many days makes the action late (otherwise: to watch). */
export const MILESTONE_LATE_DAYS = 30;
/** Tolerance around an indicator's trajectory, as a share of the distance from baseline to target. */
export const TRAJECTORY_TOLERANCE = 0.05;

const RANK: Record<'on_track' | 'watch' | 'late', number> = { on_track: 0, watch: 1, late: 2 };

export function healthLabel(level: HealthLevel): string {
  return strategy.health[level];
}

/** Adds whole calendar months to `YYYY-MM-DD`, clamping the day (31 jan + 1 month → 28/29 feb). */
export function addMonths(iso: string, months: number): string {
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7)) - 1 + months;
  const d = Number(iso.slice(8, 10));
  const year = y + Math.floor(m / 12);
  const month = ((m % 12) + 12) % 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return `${year}-${String(month + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** Progress expected at `today` if the work went linearly from start to end date (0–100), or undefined without both dates. */
export function expectedProgress(startDate: string | undefined, endDate: string | undefined, today: string): number | undefined {
  if (!startDate || !endDate) return undefined;
  if (today <= startDate) return 0;
  if (today >= endDate) return 100;
  const total = daysBetween(startDate, endDate);
  if (total <= 0) return 100;
  return (daysBetween(startDate, today) / total) * 100;
}

/** Value an indicator should have reached at `date` on the straight line from (originDate, baseline) to (targetDate, target). */
export function expectedIndicatorValue(
  baseline: number,
  target: number,
  originDate: string,
  targetDate: string,
  date: string,
): number {
  if (date <= originDate) return baseline;
  if (date >= targetDate) return target;
  const total = daysBetween(originDate, targetDate);
  if (total <= 0) return target;
  return baseline + ((target - baseline) * daysBetween(originDate, date)) / total;
}

function latestMeasurement(ind: Indicator) {
  let best: Indicator['measurements'][number] | undefined;
  for (const m of ind.measurements) if (!best || m.date >= best.date) best = m;
  return best;
}

/**
 * Status of one indicator at `today`:
 * - no_data: no target or no measurement;
 * - reached: the latest value reaches the target (≥ target, or ≤ target when the target is a decrease);
 * - behind: the target date has passed without reaching it, or the latest value is below the straight line
 *   from the baseline (at the action's start, else at the first measurement) to the target at the target date;
 * - on_trajectory: otherwise (also when no target date lets us draw the line).
 */
export function indicatorStatus(indicator: Indicator, today: string, context: { startDate?: string } = {}): IndicatorStatus {
  if (indicator.target === undefined) return 'no_data';
  const last = latestMeasurement(indicator);
  if (!last) return 'no_data';
  const first = indicator.measurements.reduce((a, m) => (m.date < a.date ? m : a), last);
  const baseline = indicator.baseline ?? (indicator.measurements.length > 1 ? first.value : 0);
  const target = indicator.target;
  const decreasing = target < baseline;
  const reached = decreasing ? last.value <= target : last.value >= target;
  if (reached) return 'reached';
  if (!indicator.targetDate) return 'on_trajectory';
  if (today > indicator.targetDate) return 'behind';
  const origin = context.startDate && context.startDate < indicator.targetDate ? context.startDate : first.date;
  const expected = expectedIndicatorValue(baseline, target, origin, indicator.targetDate, last.date);
  const tolerance = Math.abs(target - baseline) * TRAJECTORY_TOLERANCE;
  const behind = decreasing ? last.value > expected + tolerance : last.value < expected - tolerance;
  return behind ? 'behind' : 'on_trajectory';
}

/** True when nobody reported on the action for `staleAfterMonths` months or more. */
export function isStale(lastUpdateAt: string, today: string, staleAfterMonths: number): boolean {
  return addMonths(lastUpdateAt.slice(0, 10), staleAfterMonths) <= today;
}

/**
 * Health of an action at `today` (`YYYY-MM-DD`). Rules, in order (documented for users in
 * `strategy.healthRules`):
 * 1. réalisée or abandonnée → dans les temps (the action is closed; nothing left to watch).
 * 2. end date passed and not réalisée → en retard (always, even without recent update).
 * 3. no update for `staleAfterMonths` months → non renseignée (the other rules would judge stale data);
 *    not applied before the start date of an action that has not started (nothing to report yet).
 * 4. progress behind the linear expectation from start to end date by more than 25 points → en retard,
 *    by more than 10 points → à surveiller.
 * 5. a milestone not done after its due date → à surveiller, en retard beyond 30 days.
 * 6. an indicator below its expected trajectory → à surveiller.
 * 7. reportée → at least à surveiller.
 * The worst level wins; every rule that fired gives a reason.
 */
export function computeHealth(action: HealthInput, today: string, staleAfterMonths: number): Health {
  const t = strategy.healthReasons;
  if (action.status === 'done') return { level: 'on_track', reasons: [t.done] };
  if (action.status === 'abandoned') return { level: 'on_track', reasons: [t.abandoned] };

  let level: 'on_track' | 'watch' | 'late' = 'on_track';
  const reasons: string[] = [];
  const raise = (l: 'watch' | 'late', reason: string) => {
    if (RANK[l] > RANK[level]) level = l;
    reasons.push(reason);
  };

  const endPassed = action.endDate !== undefined && action.endDate < today;
  if (endPassed) raise('late', t.endPassed(formatDate(action.endDate!)));

  const notStartedYet = action.startDate !== undefined && action.startDate > today && action.status === 'planned';
  if (!notStartedYet && isStale(action.lastUpdateAt, today, staleAfterMonths)) {
    const stale = t.stale(formatDate(action.lastUpdateAt.slice(0, 10)), staleAfterMonths);
    if (endPassed) return { level: 'late', reasons: [...reasons, stale] };
    return { level: 'unknown', reasons: [stale] };
  }

  if (!endPassed) {
    const expected = expectedProgress(action.startDate, action.endDate, today);
    if (expected !== undefined) {
      const gap = expected - action.progress;
      if (gap > LATE_GAP) raise('late', t.progressBehind(formatPercent(action.progress), formatPercent(expected), LATE_GAP));
      else if (gap > WATCH_GAP) raise('watch', t.progressBehind(formatPercent(action.progress), formatPercent(expected), WATCH_GAP));
    }
  }

  for (const m of action.milestones) {
    if (m.doneAt || m.dueDate >= today) continue;
    const overdueLong = addDays(m.dueDate, MILESTONE_LATE_DAYS) < today;
    raise(overdueLong ? 'late' : 'watch', t.milestoneOverdue(m.title, formatDate(m.dueDate)));
  }

  for (const ind of action.indicators) {
    if (indicatorStatus(ind, today, { startDate: action.startDate }) === 'behind') {
      const last = latestMeasurement(ind);
      raise('watch', t.indicatorBehind(ind.title, last ? `${formatNumber(last.value)} ${ind.unit}`.trim() : '—', `${formatNumber(ind.target ?? 0)} ${ind.unit}`.trim()));
    }
  }

  if (action.status === 'postponed') raise('watch', t.postponed);
  if (!reasons.length) reasons.push(action.startDate && action.endDate ? t.onTrack : t.onTrackNoDates);
  return { level, reasons };
}
