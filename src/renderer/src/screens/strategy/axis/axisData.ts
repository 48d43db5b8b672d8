// Suivi par axe: the page's derived figures (due window, measured indicators, counts per objective, values with units), pure so they can be tested.
import type { AxisPage, DueItem, HealthCounts, IndicatorSummary } from '../../../../../shared/contract/strategy';
import { formatDate, formatNumber } from '../../../../../shared/format';
import type { HealthLevel } from '../../../../../shared/health';
import type { ActionStatus, Indicator } from '../../../../../shared/model';

export const HEALTH_ORDER: HealthLevel[] = ['late', 'watch', 'unknown', 'on_track'];
export const STATUS_ORDER: ActionStatus[] = ['planned', 'in_progress', 'postponed', 'done', 'abandoned'];
export const DUE_WINDOWS = ['30', '60', '90'] as const;
export type DueWindow = (typeof DUE_WINDOWS)[number];
/** How many charts, table rows and late actions are shown before « Afficher tout ». */
export const CHARTS_SHOWN = 4;
export const ROWS_SHOWN = 15;
export const LATE_SHOWN = 30;

/** Deadlines falling within the chosen window (each item knows the first window its date falls into). */
export function dueWithin(due: DueItem[], window: DueWindow): DueItem[] {
  const days = Number(window);
  return due.filter((d) => d.within <= days);
}

/** Indicators that have at least one measurement (the only ones worth a chart). */
export function measuredSeries(series: IndicatorSummary[]): IndicatorSummary[] {
  return series.filter((x) => x.indicator.measurements.length > 0);
}

/** The first `limit` rows, or all of them once the user asked for everything. */
export function firstRows<T>(rows: T[], all: boolean, limit: number): T[] {
  return all ? rows : rows.slice(0, limit);
}

/** How many of an objective's actions are in each weather. */
export function healthCountsOf(actions: { health: HealthLevel }[]): HealthCounts {
  const counts: HealthCounts = { on_track: 0, watch: 0, late: 0, unknown: 0 };
  for (const r of actions) counts[r.health]++;
  return counts;
}

/** « indicators on track / indicators with a verdict » — reached and on trajectory count as on track; no data counts in neither. */
export function indicatorsOnTrack(ind: AxisPage['indicators']): string {
  const good = ind.reached + ind.on_trajectory;
  return `${good} / ${good + ind.behind}`;
}

/** A number in French with its unit, or « — » when there is none. */
export function valueWithUnit(value: number | undefined, unit?: string): string {
  return value === undefined ? '—' : `${formatNumber(value)}${unit ? ` ${unit}` : ''}`;
}

/** The latest measured value of an indicator, with its unit. */
export function lastValue(indicator: Indicator): string {
  return valueWithUnit(indicator.measurements[indicator.measurements.length - 1]?.value, indicator.unit);
}

/** The numbers a chart shows, written out as its text alternative: « date : value ; … » (no unit) and the target. */
export function chartNumbers(indicator: Indicator): { values: string; target: string } {
  return {
    values: indicator.measurements.map((m) => `${formatDate(m.date)} : ${formatNumber(m.value)}`).join(' ; '),
    target: valueWithUnit(indicator.target, indicator.unit),
  };
}
