// Indicators of a fiche action and their measured values (each measurement counts as an update of the action).
import type { Deleted } from '../../../shared/contract/directory';
import type { IndicatorInput, MeasurementInput } from '../../../shared/contract/strategy';
import { formatDate, formatNumber } from '../../../shared/format';
import { newId } from '../../../shared/ids';
import { strategy as t } from '../../../shared/i18n/strategy';
import type { Action, Datastore, Indicator, Measurement } from '../../../shared/model';
import { DomainError } from '../../../shared/result';
import { ISO_DATE_RE } from '../../../shared/fields';
import { nowIso, type ServiceContext } from '../context';
import { assertPeriodOpen, clean, getAction } from './common';
import { detach } from '../../store/transaction';


function assertIndicatorValues(input: Partial<IndicatorInput>): void {
  if (input.target !== undefined && (typeof input.target !== 'number' || !Number.isFinite(input.target))) {
    throw new DomainError('invalid_input', t.errors.targetNotNumber, 'target');
  }
  if (input.target !== undefined && input.target < 0) throw new DomainError('invalid_input', t.errors.targetNegative, 'target');
}

export function buildIndicator(input: IndicatorInput): Indicator {
  assertIndicatorValues(input);
  return {
    ...clean({
      definition: input.definition,
      baseline: input.baseline,
      target: input.target,
      targetDate: input.targetDate,
      source: input.source,
      frequency: input.frequency,
      responsibleOrganisationId: input.responsibleOrganisationId,
    }),
    id: newId('ind'),
    title: input.title,
    unit: input.unit,
    type: input.type,
    measurements: [],
  };
}

function getIndicator(action: Action, indicatorId: string): Indicator {
  const i = action.indicators.find((x) => x.id === indicatorId);
  if (!i) throw new DomainError('not_found', t.errors.indicatorNotFound);
  return i;
}

function assertResponsible(data: Datastore, orgId: string | undefined): void {
  if (orgId && !data.organisations.some((o) => o.id === orgId)) throw new DomainError('invalid_input', t.errors.unknownPartner, 'responsibleOrganisationId');
}

export async function createIndicator(ctx: ServiceContext, actionId: string, input: IndicatorInput): Promise<Indicator> {
  return ctx.store.update((data) => {
    const a = getAction(data, actionId);
    assertPeriodOpen(data, a.periodId);
    assertResponsible(data, input.responsibleOrganisationId || undefined);
    const ind = buildIndicator(input);
    a.indicators.push(ind);
    a.updatedAt = nowIso(ctx);
    return ind;
  });
}

export async function updateIndicator(ctx: ServiceContext, actionId: string, indicatorId: string, patch: Partial<IndicatorInput>): Promise<Indicator> {
  return ctx.store.update((data) => {
    const a = getAction(data, actionId);
    assertPeriodOpen(data, a.periodId);
    const ind = getIndicator(a, indicatorId);
    assertIndicatorValues(patch);
    assertResponsible(data, patch.responsibleOrganisationId || undefined);
    const rec = ind as unknown as Record<string, unknown>;
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined) continue;
      if (v === '' && k !== 'unit') delete rec[k];
      else rec[k] = v;
    }
    a.updatedAt = nowIso(ctx);
    return ind;
  });
}

export async function deleteIndicator(ctx: ServiceContext, actionId: string, indicatorId: string): Promise<Deleted> {
  return ctx.store.update((data) => {
    const a = getAction(data, actionId);
    assertPeriodOpen(data, a.periodId);
    const ind = getIndicator(a, indicatorId);
    const index = a.indicators.indexOf(ind);
    a.indicators.splice(index, 1);
    const label = t.removed.indicator(ind.title);
    const saved = detach(ind);
    const undoToken = ctx.trash.push(label, (d) => {
      const act = d.actions.find((x) => x.id === actionId);
      if (act && !act.indicators.some((x) => x.id === saved.id)) act.indicators.splice(Math.min(index, act.indicators.length), 0, saved);
    });
    return { undoToken, label };
  });
}

/** Adds a measured value (date required); the series stays sorted by date and the action counts as updated. */
export function addMeasurementIn(ctx: ServiceContext, data: Datastore, actionId: string, indicatorId: string, input: MeasurementInput): Measurement {
  const a = getAction(data, actionId);
  assertPeriodOpen(data, a.periodId);
  const ind = getIndicator(a, indicatorId);
  if (!input.date || !ISO_DATE_RE.test(input.date)) throw new DomainError('invalid_input', t.errors.measurementDate, 'date');
  if (typeof input.value !== 'number' || !Number.isFinite(input.value)) throw new DomainError('invalid_input', t.errors.measurementValue, 'value');
  const m: Measurement = clean({ id: newId('mes'), date: input.date, value: input.value, comment: input.comment || undefined });
  ind.measurements.push(m);
  ind.measurements.sort((x, y) => x.date.localeCompare(y.date));
  const at = nowIso(ctx);
  a.journal.push(clean({ id: newId('jnl'), at, field: 'measurement', to: `${formatNumber(m.value)} ${ind.unit}`.trim(), comment: `${ind.title} — ${formatDate(m.date)}` }));
  a.lastUpdateAt = at;
  a.updatedAt = at;
  return m;
}

export async function addMeasurement(ctx: ServiceContext, actionId: string, indicatorId: string, input: MeasurementInput): Promise<Measurement> {
  return ctx.store.update((data) => addMeasurementIn(ctx, data, actionId, indicatorId, input));
}

export async function deleteMeasurement(ctx: ServiceContext, actionId: string, indicatorId: string, measurementId: string): Promise<Deleted> {
  return ctx.store.update((data) => {
    const a = getAction(data, actionId);
    assertPeriodOpen(data, a.periodId);
    const ind = getIndicator(a, indicatorId);
    const index = ind.measurements.findIndex((m) => m.id === measurementId);
    if (index < 0) throw new DomainError('not_found', t.errors.measurementNotFound);
    const [m] = ind.measurements.splice(index, 1);
    const label = t.removed.measurement(m.date);
    const saved = detach(m);
    const undoToken = ctx.trash.push(label, (d) => {
      const i = d.actions.find((x) => x.id === actionId)?.indicators.find((x) => x.id === indicatorId);
      if (i && !i.measurements.some((x) => x.id === saved.id)) {
        i.measurements.push(saved);
        i.measurements.sort((x, y) => x.date.localeCompare(y.date));
      }
    });
    return { undoToken, label };
  });
}
