// Strategy periods: list, close into a read-only archive file, start a new period carrying over chosen unfinished actions.
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ArchiveSearchHit, PeriodSummary } from '../../../shared/contract/strategy';
import { newId } from '../../../shared/ids';
import { strategy as t } from '../../../shared/i18n/strategy';
import { ArchiveFile, SCHEMA_VERSION, type Action, type Axis, type Datastore, type Objective, type StrategyPeriod } from '../../../shared/model';
import { DomainError } from '../../../shared/result';
import { foldText } from '../../../shared/strategy-filter';
import { describeIssues } from '../../../shared/validation';
import { archiveFileName, archivePath, loadArchive } from '../../store/archives';
import { writeFileDurable } from '../../store/durable';
import { detach } from '../../store/transaction';
import { nowIso, type ServiceContext } from '../context';
import { journalEntry } from './actions';
import { axesOf, getPeriod, objectivesOf, today } from './common';

export function listPeriods(ctx: ServiceContext): PeriodSummary[] {
  const data = ctx.store.data;
  return data.periods
    .map((p) => ({
      ...p,
      axesCount: data.axes.filter((a) => a.periodId === p.id).length,
      actionsCount: data.actions.filter((a) => a.periodId === p.id).length,
      active: p.id === data.settings.activePeriodId && p.status === 'active',
    }))
    .sort((a, b) => b.startYear - a.startYear);
}

/**
 * Meetings held during the period's years, copied into its archive. Those whose minutes are validated and
 * that leave no open decision then leave the live file (keeping it small over ten years); the others stay
 * live so their follow-up goes on.
 */
function meetingsOfPeriod(data: Datastore, period: StrategyPeriod) {
  return data.meetings.filter((m) => Number(m.date.slice(0, 4)) >= period.startYear && Number(m.date.slice(0, 4)) <= period.endYear);
}

/**
 * Closes a period inside an update: writes `archive-<id>.json` durably (before touching the live data),
 * then removes the period's axes, objectives and actions from the live data and marks the period closed.
 */
export function closePeriodIn(ctx: ServiceContext, data: Datastore, periodId: string): StrategyPeriod {
  const period = getPeriod(data, periodId);
  if (period.status === 'closed') throw new DomainError('conflict', t.errors.periodClosed);
  const fileName = archiveFileName(period.id);
  const closed: StrategyPeriod = { ...period, status: 'closed', closedAt: today(ctx), archiveFile: fileName };
  const axisIds = new Set(data.axes.filter((a) => a.periodId === periodId).map((a) => a.id));
  const archive: ArchiveFile = ArchiveFile.parse({
    schemaVersion: SCHEMA_VERSION,
    archiveOf: period.id,
    period: closed,
    axes: data.axes.filter((a) => axisIds.has(a.id)),
    objectives: data.objectives.filter((o) => axisIds.has(o.axisId)),
    actions: data.actions.filter((a) => a.periodId === periodId),
    meetings: meetingsOfPeriod(data, period),
  });
  writeFileDurable(join(ctx.store.dataDir, fileName), JSON.stringify(archive));
  archiveCache.delete(join(ctx.store.dataDir, fileName));
  data.axes = data.axes.filter((a) => !axisIds.has(a.id));
  data.objectives = data.objectives.filter((o) => !axisIds.has(o.axisId));
  data.actions = data.actions.filter((a) => a.periodId !== periodId);
  const archivedMeetingIds = new Set(
    archive.meetings.filter((m) => m.status === 'validated' && !m.decisions.some((d) => d.status === 'open')).map((m) => m.id),
  );
  data.meetings = data.meetings.filter((m) => !archivedMeetingIds.has(m.id));
  Object.assign(period, closed);
  if (data.settings.activePeriodId === periodId) delete data.settings.activePeriodId;
  return period;
}

export async function closePeriod(ctx: ServiceContext, periodId: string): Promise<StrategyPeriod> {
  return ctx.store.update((data) => closePeriodIn(ctx, data, periodId));
}

export interface NewPeriodInput {
  title: string;
  startYear: number;
  endYear: number;
  carryOverActionIds?: string[];
  copyStructure?: boolean;
}

/**
 * Starts a new active period. When a period is active, its axes and objectives are copied (unless
 * `copyStructure` is false), the chosen unfinished actions move to the new period (same id, so meetings
 * still point to them, with a journal entry), and the old period is closed and archived.
 */
export async function createPeriod(ctx: ServiceContext, input: NewPeriodInput): Promise<StrategyPeriod> {
  return ctx.store.update((data) => {
    if (input.endYear < input.startYear) throw new DomainError('invalid_input', t.errors.periodYears, 'endYear');
    const old = data.periods.find((p) => p.id === data.settings.activePeriodId && p.status === 'active');
    // An action named twice is carried over once (it used to be copied twice, a duplicate the model refuses: internal error).
    const carry = [...new Set(input.carryOverActionIds ?? [])];
    const carried: Action[] = [];
    for (const id of carry) {
      const a = data.actions.find((x) => x.id === id && old && x.periodId === old.id);
      if (!a) throw new DomainError('invalid_input', t.errors.actionNotFound, 'carryOverActionIds');
      if (a.status === 'done' || a.status === 'abandoned') {
        throw new DomainError('invalid_input', t.errors.carryOverClosed(a.code, a.status === 'done'), 'carryOverActionIds');
      }
      carried.push(a);
    }
    const period: StrategyPeriod = { id: newId('per'), title: input.title, startYear: input.startYear, endYear: input.endYear, status: 'active' };
    const newAxes: Axis[] = [];
    const newObjectives: Objective[] = [];
    const objectiveMap = new Map<string, string>();
    if (old && input.copyStructure !== false) {
      for (const axis of axesOf(data, old.id).filter((a) => !a.archived)) {
        const copy: Axis = { ...axis, id: newId('axe'), periodId: period.id };
        newAxes.push(copy);
        for (const obj of objectivesOf(data, axis.id).filter((o) => !o.archived)) {
          const oc: Objective = { ...obj, id: newId('obj'), axisId: copy.id };
          newObjectives.push(oc);
          objectiveMap.set(obj.id, oc.id);
        }
      }
    }
    // The archive keeps the carried actions as they were at closing; the live copies move on.
    const moved = carried.map((a) => structuredClone(detach(a)));
    if (old) closePeriodIn(ctx, data, old.id);
    data.periods.push(period);
    data.axes.push(...newAxes);
    data.objectives.push(...newObjectives);
    for (const a of moved) {
      const target = a.objectiveId ? objectiveMap.get(a.objectiveId) : undefined;
      a.periodId = period.id;
      if (target) a.objectiveId = target;
      else delete a.objectiveId;
      a.journal.push(journalEntry(ctx, 'carried_over', old?.title, period.title));
      a.updatedAt = nowIso(ctx);
      data.actions.push(a);
    }
    data.settings.activePeriodId = period.id;
    return period;
  });
}

// ---------- archives (read-only) ----------
const archiveCache = new Map<string, { mtimeMs: number; archive: ArchiveFile }>();

/**
 * Reads a closed period's archive file (validated, cached while unchanged on disk), as the store's current account
 * may see it: on the team server, without the confidential meetings and actions it is not named for.
 */
export function readArchive(ctx: ServiceContext, periodId: string): ArchiveFile {
  const archive = readWholeArchive(ctx, periodId);
  return ctx.store.viewArchive ? ctx.store.viewArchive(archive) : archive;
}

function readWholeArchive(ctx: ServiceContext, periodId: string): ArchiveFile {
  const period = getPeriod(ctx.store.data, periodId);
  const file = archivePath(ctx.store.dataDir, period);
  if (!existsSync(file)) throw new DomainError('not_found', t.errors.archiveMissing);
  const mtimeMs = statSync(file).mtimeMs;
  const hit = archiveCache.get(file);
  if (hit && hit.mtimeMs === mtimeMs) return hit.archive;
  const r = loadArchive(ctx.store.dataDir, period);
  if (!r.ok) {
    if (r.problem === 'missing') throw new DomainError('not_found', t.errors.archiveMissing);
    if (r.problem === 'unreadable') throw new DomainError('io', `Le fichier d’archive ${period.archiveFile ?? ''} est endommagé et ne peut pas être lu.`);
    throw new DomainError('io', `Le fichier d’archive contient des données non conformes (${r.error ? describeIssues(r.error).message : ''}).`);
  }
  archiveCache.set(file, { mtimeMs, archive: r.archive });
  return r.archive;
}

/** Searches the actions of every archived period (code, title, description, territory, public). */
export function searchArchives(ctx: ServiceContext, query: string, limit = 200): ArchiveSearchHit[] {
  const words = foldText(query).split(/\s+/).filter(Boolean);
  if (!words.length) return [];
  const hits: ArchiveSearchHit[] = [];
  for (const p of ctx.store.data.periods) {
    if (p.status !== 'closed') continue;
    let archive: ArchiveFile;
    try {
      archive = readArchive(ctx, p.id);
    } catch {
      continue;
    }
    for (const a of archive.actions) {
      const text = foldText(`${a.code} ${a.title} ${a.description ?? ''} ${a.territory ?? ''} ${a.targetPublic ?? ''}`);
      if (words.every((w) => text.includes(w))) {
        hits.push({ periodId: p.id, periodTitle: p.title, action: { id: a.id, code: a.code, title: a.title, status: a.status, progress: a.progress } });
        if (hits.length >= limit) return hits;
      }
    }
  }
  return hits;
}
