// Shared helpers of the strategy services: lookups with French errors, active period, read-only checks, codes.
import { todayIso } from '../../../shared/format';
import { endsBeforeStart } from '../../../shared/fields';
import { strategy as t } from '../../../shared/i18n/strategy';
import type { Action, Axis, Datastore, Objective, StrategyPeriod } from '../../../shared/model';
import { DomainError } from '../../../shared/result';
import type { ServiceContext } from '../context';

export function today(ctx: ServiceContext): string {
  return todayIso(ctx.now());
}

export function getAction(data: Datastore, id: string): Action {
  const a = data.actions.find((x) => x.id === id);
  if (!a) throw new DomainError('not_found', t.errors.actionNotFound);
  return a;
}

export function getAxis(data: Datastore, id: string): Axis {
  const a = data.axes.find((x) => x.id === id);
  if (!a) throw new DomainError('not_found', t.errors.axisNotFound);
  return a;
}

export function getObjective(data: Datastore, id: string): Objective {
  const o = data.objectives.find((x) => x.id === id);
  if (!o) throw new DomainError('not_found', t.errors.objectiveNotFound);
  return o;
}

export function getPeriod(data: Datastore, id: string): StrategyPeriod {
  const p = data.periods.find((x) => x.id === id);
  if (!p) throw new DomainError('not_found', t.errors.periodNotFound);
  return p;
}

/** The active period; throws a French error when there is none. */
export function activePeriod(data: Datastore): StrategyPeriod {
  const p = data.periods.find((x) => x.id === data.settings.activePeriodId && x.status === 'active') ?? data.periods.find((x) => x.status === 'active');
  if (!p) throw new DomainError('conflict', t.errors.noActivePeriod);
  return p;
}

/** Refuses changes to a closed (archived) period. */
export function assertPeriodOpen(data: Datastore, periodId: string): void {
  const p = data.periods.find((x) => x.id === periodId);
  if (p && p.status === 'closed') throw new DomainError('forbidden', t.errors.periodClosed);
}

/** Empty optional strings are stored as absent. */
export function clean<T extends Record<string, unknown>>(o: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined && v !== '') out[k] = v;
  return out as T;
}

export function assertDates(startDate: string | undefined, endDate: string | undefined, field = 'endDate'): void {
  if (endsBeforeStart(startDate, endDate)) throw new DomainError('invalid_input', t.errors.endBeforeStart, field);
}

/** Axes of a period, in display order (archived last). */
export function axesOf(data: Datastore, periodId: string): Axis[] {
  return data.axes.filter((a) => a.periodId === periodId).sort((a, b) => Number(a.archived) - Number(b.archived) || a.order - b.order);
}

export function objectivesOf(data: Datastore, axisId: string): Objective[] {
  return data.objectives.filter((o) => o.axisId === axisId).sort((a, b) => Number(a.archived) - Number(b.archived) || a.order - b.order);
}

/** Code prefix of an objective in the tree: « A2.3. » (axis rank 2, objective rank 3), or « AC. » for the inbox. */
export function codePrefix(data: Datastore, objectiveId: string | undefined): string {
  if (!objectiveId) return 'AC.';
  const obj = getObjective(data, objectiveId);
  const axis = getAxis(data, obj.axisId);
  const axisRank = axesOf(data, axis.periodId).indexOf(axis) + 1;
  const objRank = objectivesOf(data, axis.id).indexOf(obj) + 1;
  return `A${axisRank}.${objRank}.`;
}

/** Next free code under the objective (A1.2.n with n one more than the highest used). */
export function nextCode(data: Datastore, periodId: string, objectiveId: string | undefined): string {
  const prefix = codePrefix(data, objectiveId);
  const used = new Set<string>();
  let max = 0;
  for (const a of data.actions) {
    if (a.periodId !== periodId) continue;
    used.add(a.code);
    if (a.code.startsWith(prefix)) {
      const n = Number(a.code.slice(prefix.length));
      if (Number.isInteger(n) && n > max) max = n;
    }
  }
  let n = max + 1;
  while (used.has(`${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}

export function assertUniqueCode(data: Datastore, periodId: string, code: string, exceptId?: string): void {
  const c = code.trim().toLowerCase();
  if (data.actions.some((a) => a.periodId === periodId && a.id !== exceptId && a.code.toLowerCase() === c)) {
    throw new DomainError('conflict', t.errors.duplicateCode(code.trim()), 'code');
  }
}
