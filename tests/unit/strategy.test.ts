// Unit tests of the strategy services: codes, journal, bad inputs, structure, aggregates, archiving and carry-over, via the invoker.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelName, InputOf, OutputOf } from '../../src/shared/contract';
import { createInvoker } from '../../src/main/ipc/handlers';
import { createContext, type ServiceContext } from '../../src/main/services/context';
import { buildNewCouncil } from '../../src/main/services/app';
import { Store } from '../../src/main/store/store';
import { createAction, updateActionProgress } from '../../src/main/services/strategy/actions';
import { collectReminders } from '../../src/main/services/reminders';
import { buildSearchIndex, filterActions, sortActions } from '../../src/shared/strategy-filter';
import { ArchiveFile } from '../../src/shared/model';

const NOW = new Date('2026-06-01T09:00:00Z');
let dir: string;
let store: Store;
let ctx: ServiceContext;
let invoke: ReturnType<typeof createInvoker>;

async function call<C extends ChannelName>(channel: C, input: InputOf<C>): Promise<OutputOf<C>> {
  const r = await invoke(channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  return r.value as OutputOf<C>;
}
async function fail<C extends ChannelName>(channel: C, input: InputOf<C> | unknown) {
  const r = await invoke(channel, input);
  if (r.ok) throw new Error(`${channel} should have failed`);
  return r.error;
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'clspd-'));
  store = Store.open(dir, { owner: 'test' });
  ctx = createContext(store, {}, () => NOW);
  const doc = buildNewCouncil(
    { communeName: 'Testville', councilAcronym: 'CLSPD', presidentName: 'M', coordinatorName: 'C', periodStartYear: 2023, periodEndYear: 2026, axes: ['Jeunesse', 'Tranquillité'] },
    NOW.toISOString(),
  );
  doc.organisations.push({ id: 'org_mairie', name: 'Mairie', categoryId: doc.categories[0].id, archived: false, createdAt: NOW.toISOString(), updatedAt: NOW.toISOString() });
  doc.people.push({ id: 'per_x', organisationId: 'org_mairie', civility: 'Mme', firstName: 'Anne', lastName: 'Durand', createdAt: NOW.toISOString(), updatedAt: NOW.toISOString() });
  await store.initialise(doc);
  invoke = createInvoker(ctx, undefined, () => undefined);
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const axes = () => store.data.axes.filter((a) => a.periodId === store.data.settings.activePeriodId).sort((a, b) => a.order - b.order);

async function objective(axisIndex = 0, title = 'Objectif') {
  return call('objectives:create', { axisId: axes()[axisIndex].id, title });
}

describe('codes', () => {
  it('generates A<axe>.<objectif>.<n> from the tree and refuses duplicates', async () => {
    const o1 = await objective(0, 'O1');
    const o2 = await objective(0, 'O2');
    const o3 = await objective(1, 'O3');
    expect((await call('actions:create', { objectiveId: o1.id, title: 'a' })).code).toBe('A1.1.1');
    expect((await call('actions:create', { objectiveId: o1.id, title: 'b' })).code).toBe('A1.1.2');
    expect((await call('actions:create', { objectiveId: o2.id, title: 'c' })).code).toBe('A1.2.1');
    expect((await call('actions:create', { objectiveId: o3.id, title: 'd' })).code).toBe('A2.1.1');
    expect((await call('actions:create', { title: 'inbox' })).code).toBe('AC.1');
    const custom = await call('actions:create', { objectiveId: o1.id, title: 'e', code: 'A1.1.9' });
    expect(custom.code).toBe('A1.1.9');
    expect((await call('actions:create', { objectiveId: o1.id, title: 'f' })).code).toBe('A1.1.10');
    const before = store.data.actions.length;
    const e = await fail('actions:create', { objectiveId: o1.id, title: 'g', code: 'a1.1.1' });
    expect(e.message).toBe('Le code « a1.1.1 » est déjà utilisé par une autre action. Choisissez un autre code.');
    expect(e.field).toBe('code');
    expect(store.data.actions.length).toBe(before);
    const e2 = await fail('actions:update', { id: custom.id, patch: { code: 'A1.1.1' } });
    expect(e2.code).toBe('conflict');
  });

  it('moving an action renumbers a generated code and journals it', async () => {
    const o1 = await objective(0);
    const o2 = await objective(1);
    const a = await call('actions:create', { objectiveId: o1.id, title: 'a' });
    await call('actions:move', { ids: [a.id], objectiveId: o2.id });
    const moved = store.data.actions.find((x) => x.id === a.id)!;
    expect(moved.code).toBe('A2.1.1');
    expect(moved.journal.map((j) => j.field)).toEqual(['created', 'code', 'moved']);
  });
});

describe('fiche action and journal', () => {
  it('journals status, progress and dates with from → to, comment and meeting', async () => {
    const o = await objective();
    const a = await createAction(ctx, { objectiveId: o.id, title: 'Sensibilisation', startDate: '2026-01-01', endDate: '2026-12-31', pilot: { organisationId: 'org_mairie', personId: 'per_x' } });
    expect(a.journal).toHaveLength(1);
    const later = new Date('2026-06-02T10:00:00Z');
    ctx.now = () => later;
    const u = await updateActionProgress(ctx, a.id, { status: 'in_progress', progress: 40, endDate: '2027-03-31', comment: 'Point en comité' });
    const j = u.journal.slice(1);
    expect(j.map((x) => [x.field, x.from, x.to])).toEqual([
      ['status', 'planned', 'in_progress'],
      ['progress', '0', '40'],
      ['endDate', '2026-12-31', '2027-03-31'],
    ]);
    expect(j[0].comment).toBe('Point en comité');
    expect(u.lastUpdateAt).toBe(later.toISOString());
    // a comment alone is an update
    const n = await updateActionProgress(ctx, a.id, { comment: 'Rien de neuf' });
    expect(n.journal.at(-1)).toMatchObject({ field: 'note', comment: 'Rien de neuf' });
    // done without progress sets 100 %
    const d = await updateActionProgress(ctx, a.id, { status: 'done' });
    expect(d.progress).toBe(100);
  });

  it('refuses bad inputs with French messages and saves nothing', async () => {
    const o = await objective();
    const a = await call('actions:create', { objectiveId: o.id, title: 'X', startDate: '2026-01-01' });
    const snapshot = JSON.stringify(store.data);
    expect((await fail('actions:create', { objectiveId: o.id, title: 'Y', startDate: '2026-05-01', endDate: '2026-04-01' })).message).toBe(
      'La date de fin est avant la date de début. Corrigez l’une des deux dates.',
    );
    expect((await fail('actions:updateProgress', { id: a.id, update: { endDate: '2025-12-31' } })).message).toBe(
      'La date de fin est avant la date de début. Corrigez l’une des deux dates.',
    );
    expect((await fail('actions:updateProgress', { id: a.id, update: { progress: 120 } })).message).toMatch(/entre 0 et 100/);
    expect((await fail('actions:updateProgress', { id: a.id, update: { progress: -1 } })).message).toMatch(/entre 0 et 100/);
    expect((await fail('actions:create', { title: 'Z', pilot: { organisationId: 'org_inconnue' } })).message).toMatch(/structure pilote n’existe pas/);
    expect((await fail('actions:create', { title: 'Z', pilot: { organisationId: 'org_mairie', personId: 'per_nope' } })).field).toBe('pilot.personId');
    expect((await fail('actions:create', { title: '' })).message).toMatch(/intitulé/);
    const ind = await call('indicators:create', { actionId: a.id, indicator: { title: 'Élèves', unit: 'élèves', type: 'output', target: 100 } });
    const snap2 = JSON.stringify(store.data);
    expect((await fail('indicators:create', { actionId: a.id, indicator: { title: 'I', unit: '', type: 'output', target: -5 } })).message).toMatch(/positif ou nul/);
    expect((await fail('indicators:create', { actionId: a.id, indicator: { title: 'I', unit: '', type: 'output', target: 'beaucoup' } })).message).toMatch(/La cible doit être un nombre/);
    expect((await fail('indicators:addMeasurement', { actionId: a.id, indicatorId: ind.id, measurement: { value: 3 } })).message).toMatch(/date de la mesure/);
    expect((await fail('indicators:addMeasurement', { actionId: a.id, indicatorId: ind.id, measurement: { date: '', value: 3 } })).message).toMatch(/date de la mesure/);
    expect(JSON.stringify(store.data)).toBe(snap2);
    expect(snapshot).not.toBe(snap2);
  });

  it('deletes with undo; objective deletion refused while it has actions', async () => {
    const o = await objective();
    const o2 = await objective(0, 'Autre');
    const a = await call('actions:create', { objectiveId: o.id, title: 'A' });
    const e = await fail('objectives:delete', { id: o.id });
    expect(e.message).toBe('Cet objectif contient encore 1 action(s). Déplacez-les vers un autre objectif ou archivez-les, puis supprimez l’objectif.');
    await call('actions:move', { ids: [a.id], objectiveId: o2.id });
    const del = await call('objectives:delete', { id: o.id });
    expect(store.data.objectives.some((x) => x.id === o.id)).toBe(false);
    await call('undo:restore', { undoToken: del.undoToken });
    expect(store.data.objectives.some((x) => x.id === o.id)).toBe(true);
    const delA = await call('actions:delete', { id: a.id });
    expect(store.data.actions.some((x) => x.id === a.id)).toBe(false);
    await call('undo:restore', { undoToken: delA.undoToken });
    expect(store.data.actions.some((x) => x.id === a.id)).toBe(true);
  });

  it('measurements keep the series sorted, journal and refresh the update date', async () => {
    const o = await objective();
    const a = await call('actions:create', { objectiveId: o.id, title: 'A' });
    const ind = await call('indicators:create', { actionId: a.id, indicator: { title: 'Élèves', unit: 'élèves', type: 'output', baseline: 0, target: 100, targetDate: '2026-12-31' } });
    await call('indicators:addMeasurement', { actionId: a.id, indicatorId: ind.id, measurement: { date: '2026-05-01', value: 40 } });
    await call('indicators:addMeasurement', { actionId: a.id, indicatorId: ind.id, measurement: { date: '2026-02-01', value: 10 } });
    const detail = await call('actions:get', { id: a.id });
    expect(detail.indicators[0].indicator.measurements.map((m) => m.value)).toEqual([10, 40]);
    expect(detail.action.journal.at(-1)?.field).toBe('measurement');
  });
});

describe('attachments', () => {
  it('links a chosen file, opens it through the platform and removes the link with undo', async () => {
    const opened: string[] = [];
    ctx.platform = { chooseOpenPath: async () => 'C:\\Users\\coord\\Documents\\Bilan 2025.pdf', openPath: async (p) => void opened.push(p) };
    const a = await call('actions:create', { title: 'A' });
    const withFile = await call('actions:addAttachment', { id: a.id });
    expect(withFile?.attachments[0]).toMatchObject({ label: 'Bilan 2025.pdf', path: 'C:\\Users\\coord\\Documents\\Bilan 2025.pdf' });
    await call('actions:openAttachment', { id: a.id, attachmentId: withFile!.attachments[0].id });
    expect(opened).toHaveLength(1);
    const del = await call('actions:deleteAttachment', { id: a.id, attachmentId: withFile!.attachments[0].id });
    expect(store.data.actions.find((x) => x.id === a.id)!.attachments).toHaveLength(0);
    await call('undo:restore', { undoToken: del.undoToken });
    expect(store.data.actions.find((x) => x.id === a.id)!.attachments).toHaveLength(1);
    ctx.platform = { chooseOpenPath: async () => undefined };
    expect(await call('actions:addAttachment', { id: a.id })).toBeNull();
    ctx.platform = {};
    expect((await fail('actions:addAttachment', { id: a.id })).message).toMatch(/application installée/);
  });
});

describe('structure', () => {
  it('creates, renames, recolours, reorders and archives axes', async () => {
    const ax = await call('axes:create', { title: 'Vulnérables' });
    expect(ax.order).toBe(3);
    await call('axes:update', { id: ax.id, patch: { title: 'Personnes vulnérables', colour: '#123456' } });
    expect((await fail('axes:update', { id: ax.id, patch: { colour: 'rouge' } })).message).toMatch(/#RRGGBB/);
    const ids = axes().map((a) => a.id).reverse();
    const re = await call('axes:reorder', { ids });
    expect(re.map((a) => a.id)).toEqual(ids);
    expect((await fail('axes:reorder', { ids: ids.slice(1) })).code).toBe('invalid_input');
    await call('axes:archive', { id: ax.id, archived: true });
    expect((await call('axes:list', undefined)).some((a) => a.id === ax.id)).toBe(false);
  });

  it('tree puts unclassified actions in the inbox', async () => {
    const o = await objective();
    await call('actions:create', { objectiveId: o.id, title: 'A' });
    await call('actions:create', { title: 'B' });
    const tree = await call('strategy:tree', undefined);
    expect(tree.axes[0].objectives[0].actions.map((r) => r.title)).toEqual(['A']);
    expect(tree.inbox.map((r) => r.title)).toEqual(['B']);
  });
});

describe('aggregates, filter and dashboard', () => {
  it('computes per-axis counts, health, progress, due soon, indicators and money', async () => {
    const o = await objective();
    const late = await call('actions:create', { objectiveId: o.id, title: 'En retard', startDate: '2026-01-01', endDate: '2026-05-01', status: 'in_progress', progress: 50 });
    const ok = await call('actions:create', {
      objectiveId: o.id,
      title: 'Dans les temps',
      startDate: '2026-01-01',
      endDate: '2026-07-15',
      status: 'in_progress',
      progress: 80,
      milestones: [{ title: 'Bilan intermédiaire', dueDate: '2026-08-20' }],
      funding: [
        { funder: 'FIPDR', requested: 10000, obtained: 8000, spent: 5000 },
        { funder: 'Commune', requested: 2000, obtained: 2000, spent: 1000 },
      ],
    });
    await call('actions:create', { objectiveId: o.id, title: 'Abandon', status: 'abandoned', progress: 0 });
    const ind = await call('indicators:create', { actionId: ok.id, indicator: { title: 'Élèves', unit: 'élèves', type: 'output', baseline: 0, target: 100, targetDate: '2026-12-31' } });
    await call('indicators:addMeasurement', { actionId: ok.id, indicatorId: ind.id, measurement: { date: '2026-05-30', value: 100 } });
    const page = await call('axes:page', { id: axes()[0].id, today: '2026-06-01' });
    expect(page.actionsCount).toBe(3);
    expect(page.byStatus).toMatchObject({ in_progress: 2, abandoned: 1 });
    expect(page.byHealth).toMatchObject({ late: 1, on_track: 2 });
    expect(page.averageProgress).toBe(65);
    expect(page.late.map((r) => r.id)).toEqual([late.id]);
    expect(page.due.map((d) => [d.kind, d.within])).toEqual([
      ['end', 60],
      ['milestone', 90],
    ]);
    expect(page.indicators).toEqual({ reached: 1, on_trajectory: 0, behind: 0, no_data: 0 });
    expect(page.funding).toMatchObject({ requested: 12000, obtained: 10000, spent: 6000 });
    expect(page.funding.byFunder[0].funder).toBe('FIPDR');
    expect(page.indicatorSeries).toHaveLength(1);

    const dash = await call('dashboard:get', { today: '2026-06-01' });
    expect(dash.axes).toHaveLength(2);
    expect(dash.totals.actions).toBe(3);
    expect(dash.reminders[0]).toMatchObject({ kind: 'action_late', severity: 'high', link: { screen: 'action', id: late.id } });
  });

  it('reminders include silent actions', async () => {
    const o = await objective();
    const a = await createAction(ctx, { objectiveId: o.id, title: 'Silencieuse' });
    ctx.now = () => new Date('2026-10-01T09:00:00Z');
    const r = collectReminders(ctx, '2026-10-01');
    expect(r.find((x) => x.link.id === a.id)?.kind).toBe('action_stale');
  });

  it('filters rows by every criterion and free text without accents', async () => {
    const o1 = await objective(0, 'Écoles');
    const o2 = await objective(1, 'Quartiers');
    await call('actions:create', { objectiveId: o1.id, title: 'Prévention du harcèlement scolaire', territory: 'Collège Jean Moulin', targetPublic: 'Collégiens', pilot: { organisationId: 'org_mairie' } });
    await call('actions:create', { objectiveId: o2.id, title: 'Opération tranquillité vacances', territory: 'Toute la commune', status: 'in_progress' });
    const rows = await call('strategy:actions', undefined);
    const idx = buildSearchIndex(rows);
    expect(filterActions(idx, { text: 'HARCELEMENT college' }).map((r) => r.code)).toEqual(['A1.1.1']);
    expect(filterActions(idx, { text: 'mairie' })).toHaveLength(1);
    expect(filterActions(idx, { axisId: axes()[1].id })).toHaveLength(1);
    expect(filterActions(idx, { status: ['in_progress'] })).toHaveLength(1);
    expect(filterActions(idx, { pilotId: 'org_mairie' })).toHaveLength(1);
    expect(filterActions(idx, { territory: 'commune' })).toHaveLength(1);
    expect(filterActions(idx, { targetPublic: 'collegiens' })).toHaveLength(1);
    expect(filterActions(idx, { objectiveId: 'inbox' })).toHaveLength(0);
    expect(sortActions(rows, 'code', 'desc').map((r) => r.code)).toEqual(['A2.1.1', 'A1.1.1']);
    expect((await call('strategy:actions', { text: 'tranquillite' })).length).toBe(1);
  });
});

describe('periods: archive and carry-over', () => {
  it('closes the active period into a read-only archive file and carries over chosen actions', async () => {
    const o = await objective(0, 'Écoles');
    const keep = await call('actions:create', { objectiveId: o.id, title: 'À reprendre', status: 'in_progress', progress: 30 });
    const leave = await call('actions:create', { objectiveId: o.id, title: 'À laisser', status: 'in_progress' });
    const done = await call('actions:create', { objectiveId: o.id, title: 'Réalisée', status: 'done' });
    const oldPeriodId = store.data.settings.activePeriodId!;
    expect((await fail('strategy:createPeriod', { title: 'S', startYear: 2027, endYear: 2030, carryOverActionIds: [done.id] })).message).toMatch(/close/);
    expect((await fail('strategy:createPeriod', { title: 'S', startYear: 2030, endYear: 2027 })).message).toMatch(/avant l’année de début/);

    const next = await call('strategy:createPeriod', { title: 'Stratégie 2027–2030', startYear: 2027, endYear: 2030, carryOverActionIds: [keep.id] });
    expect(store.data.settings.activePeriodId).toBe(next.id);
    const old = store.data.periods.find((p) => p.id === oldPeriodId)!;
    expect(old).toMatchObject({ status: 'closed', archiveFile: `archive-${oldPeriodId}.json` });
    const file = join(dir, old.archiveFile!);
    expect(existsSync(file)).toBe(true);
    const archive = ArchiveFile.parse(JSON.parse(readFileSync(file, 'utf8')));
    expect(archive.actions.map((a) => a.title).sort()).toEqual(['Réalisée', 'À laisser', 'À reprendre']);
    expect(archive.period.status).toBe('closed');

    // live data: only the carried action, in the copied structure, same id, journalled
    expect(store.data.actions.map((a) => a.title)).toEqual(['À reprendre']);
    const carried = store.data.actions[0];
    expect(carried.id).toBe(keep.id);
    expect(carried.periodId).toBe(next.id);
    expect(carried.journal.at(-1)?.field).toBe('carried_over');
    const newObj = store.data.objectives.find((x) => x.id === carried.objectiveId)!;
    expect(newObj.title).toBe('Écoles');
    expect(store.data.axes.filter((a) => a.periodId === next.id)).toHaveLength(2);

    // archive readable, searchable, read-only
    expect((await call('strategy:archive', { id: oldPeriodId })).actions).toHaveLength(3);
    const hits = await call('strategy:searchArchives', { query: 'laisser' });
    expect(hits.map((h) => h.action.id)).toEqual([leave.id]);
    const detail = await call('actions:get', { id: leave.id });
    expect(detail.readOnly).toBe(true);
    const oldTree = await call('strategy:tree', { periodId: oldPeriodId });
    expect(oldTree.axes[0].objectives[0].actions).toHaveLength(3);
    expect((await fail('axes:update', { id: oldTree.axes[0].id, patch: { title: 'x' } })).code).toBe('not_found');
    const periods = await call('strategy:periods', undefined);
    expect(periods.map((p) => p.active)).toEqual([true, false]);
  });

  it('closing without a new period leaves no active period and refuses new actions', async () => {
    const id = store.data.settings.activePeriodId!;
    await call('strategy:closePeriod', { id });
    expect((await fail('actions:create', { title: 'x' })).message).toMatch(/Aucune période/);
    expect((await fail('strategy:closePeriod', { id })).message).toMatch(/archivée/);
  });
});
