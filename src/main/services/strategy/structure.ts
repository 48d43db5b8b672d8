// Strategy structure: axes and objectives of the active period (create, edit, reorder, move, archive, delete with undo).
import type { Deleted } from '../../../shared/contract/directory';
import { newId } from '../../../shared/ids';
import { strategy as t } from '../../../shared/i18n/strategy';
import type { Axis, Datastore, Objective } from '../../../shared/model';
import { DomainError } from '../../../shared/result';
import { AXIS_COLOURS } from '../app';
import type { ServiceContext } from '../context';
import { activePeriod, assertPeriodOpen, axesOf, clean, getAxis, getObjective, objectivesOf } from './common';
import { detach } from '../../store/transaction';

export interface AxisFields {
  title: string;
  colour?: string;
  description?: string;
}
export interface ObjectiveFields {
  title: string;
  description?: string;
}

export function listAxes(ctx: ServiceContext, input: { periodId?: string; includeArchived?: boolean } = {}): Axis[] {
  const data = ctx.store.data;
  const periodId = input.periodId ?? data.settings.activePeriodId;
  if (!periodId) return [];
  return axesOf(data, periodId).filter((a) => input.includeArchived || !a.archived);
}

export async function createAxis(ctx: ServiceContext, input: AxisFields): Promise<Axis> {
  return ctx.store.update((data) => {
    const period = activePeriod(data);
    const siblings = axesOf(data, period.id);
    const axis: Axis = {
      ...clean({ description: input.description }),
      id: newId('axe'),
      periodId: period.id,
      order: siblings.reduce((m, a) => Math.max(m, a.order), 0) + 1,
      title: input.title,
      colour: input.colour || AXIS_COLOURS[siblings.length % AXIS_COLOURS.length],
      archived: false,
    };
    data.axes.push(axis);
    return axis;
  });
}

export async function updateAxis(ctx: ServiceContext, id: string, patch: Partial<AxisFields>): Promise<Axis> {
  return ctx.store.update((data) => {
    const axis = getAxis(data, id);
    assertPeriodOpen(data, axis.periodId);
    if (patch.colour !== undefined && !/^#[0-9a-fA-F]{6}$/.test(patch.colour)) throw new DomainError('invalid_input', t.errors.colour, 'colour');
    if (patch.title) axis.title = patch.title;
    if (patch.colour) axis.colour = patch.colour;
    if (patch.description !== undefined) {
      if (patch.description) axis.description = patch.description;
      else delete axis.description;
    }
    return axis;
  });
}

/** Sets the order of a period's axes from the list of their ids (all axes of one period, each once). */
export async function reorderAxes(ctx: ServiceContext, ids: string[]): Promise<Axis[]> {
  return ctx.store.update((data) => {
    const first = getAxis(data, ids[0]);
    assertPeriodOpen(data, first.periodId);
    const all = axesOf(data, first.periodId);
    const set = new Set(ids);
    if (set.size !== ids.length || ids.length !== all.length || all.some((a) => !set.has(a.id))) {
      throw new DomainError('invalid_input', t.errors.axesOrderIncomplete);
    }
    ids.forEach((axisId, i) => (getAxis(data, axisId).order = i + 1));
    return axesOf(data, first.periodId);
  });
}

export async function archiveAxis(ctx: ServiceContext, id: string, archived: boolean): Promise<Axis> {
  return ctx.store.update((data) => {
    const axis = getAxis(data, id);
    assertPeriodOpen(data, axis.periodId);
    axis.archived = archived;
    return axis;
  });
}

// ---------- objectives ----------
export async function createObjective(ctx: ServiceContext, axisId: string, input: ObjectiveFields): Promise<Objective> {
  return ctx.store.update((data) => {
    const axis = getAxis(data, axisId);
    assertPeriodOpen(data, axis.periodId);
    const siblings = objectivesOf(data, axisId);
    const obj: Objective = {
      ...clean({ description: input.description }),
      id: newId('obj'),
      axisId,
      order: siblings.reduce((m, o) => Math.max(m, o.order), 0) + 1,
      title: input.title,
      archived: false,
    };
    data.objectives.push(obj);
    return obj;
  });
}

function periodOfObjective(data: Datastore, obj: Objective): string {
  return getAxis(data, obj.axisId).periodId;
}

export async function updateObjective(ctx: ServiceContext, id: string, patch: Partial<ObjectiveFields>): Promise<Objective> {
  return ctx.store.update((data) => {
    const obj = getObjective(data, id);
    assertPeriodOpen(data, periodOfObjective(data, obj));
    if (patch.title) obj.title = patch.title;
    if (patch.description !== undefined) {
      if (patch.description) obj.description = patch.description;
      else delete obj.description;
    }
    return obj;
  });
}

export async function reorderObjectives(ctx: ServiceContext, axisId: string, ids: string[]): Promise<Objective[]> {
  return ctx.store.update((data) => {
    const axis = getAxis(data, axisId);
    assertPeriodOpen(data, axis.periodId);
    const all = objectivesOf(data, axisId);
    const set = new Set(ids);
    if (set.size !== ids.length || ids.length !== all.length || all.some((o) => !set.has(o.id))) {
      throw new DomainError('invalid_input', t.errors.objectivesOrderIncomplete);
    }
    ids.forEach((oid, i) => (getObjective(data, oid).order = i + 1));
    return objectivesOf(data, axisId);
  });
}

/** Moves an objective (with its actions) under another axis of the same period; it goes last. */
export async function moveObjective(ctx: ServiceContext, id: string, axisId: string): Promise<Objective> {
  return ctx.store.update((data) => {
    const obj = getObjective(data, id);
    const from = getAxis(data, obj.axisId);
    const to = getAxis(data, axisId);
    assertPeriodOpen(data, from.periodId);
    if (to.periodId !== from.periodId) throw new DomainError('invalid_input', t.errors.axisNotFound, 'axisId');
    if (to.id === from.id) return obj;
    obj.axisId = to.id;
    obj.order = objectivesOf(data, to.id).reduce((m, o) => (o.id === obj.id ? m : Math.max(m, o.order)), 0) + 1;
    return obj;
  });
}

export async function archiveObjective(ctx: ServiceContext, id: string, archived: boolean): Promise<Objective> {
  return ctx.store.update((data) => {
    const obj = getObjective(data, id);
    assertPeriodOpen(data, periodOfObjective(data, obj));
    obj.archived = archived;
    return obj;
  });
}

/** Deletes an empty objective; refused (French message offering to move or archive) while it has actions. */
export async function deleteObjective(ctx: ServiceContext, id: string): Promise<Deleted> {
  return ctx.store.update((data) => {
    const obj = getObjective(data, id);
    assertPeriodOpen(data, periodOfObjective(data, obj));
    const n = data.actions.filter((a) => a.objectiveId === id).length;
    if (n) throw new DomainError('conflict', t.errors.objectiveHasActions(n));
    const index = data.objectives.indexOf(obj);
    data.objectives.splice(index, 1);
    const label = t.removed.objective(obj.title);
    const saved = detach(obj);
    const undoToken = ctx.trash.push(label, (d) => {
      if (!d.objectives.some((o) => o.id === saved.id)) d.objectives.splice(Math.min(index, d.objectives.length), 0, saved);
    });
    return { undoToken, label };
  });
}
