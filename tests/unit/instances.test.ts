// Instances and dated memberships: quick cellule, close, titular/substitute, charter flags, refusal to remove a referenced member.
import { afterEach, describe, expect, it } from 'vitest';
import { createInvoker } from '../../src/main/ipc/handlers';
import * as ins from '../../src/main/services/instances';
import { createMeeting } from '../../src/main/services/meetings';
import { openFixture, type Fixture } from './meetings-fixture';

let f: Fixture;
afterEach(async () => {
  await f?.store.close();
});

describe('instances', () => {
  it('creates a « nouvelle cellule » with its members in one call, confidential by default', async () => {
    f = await openFixture();
    const detail = await ins.quickCell(f.ctx, { theme: 'Harcèlement scolaire', personIds: [f.ids.principal, f.ids.cpe], organisationIds: [f.ids.police] });
    expect(detail.instance.name).toBe('Cellule de veille — Harcèlement scolaire');
    expect(detail.instance.kind).toBe('working_group');
    expect(detail.instance.confidentiality).toBe('confidential');
    expect(detail.byOrganisation.map((g) => g.organisationName)).toEqual(['Police municipale de Valmont', 'Collège Jean Moulin']);
    // Nobody signed the charter yet: every member is flagged.
    expect(detail.history.every((r) => r.charterMissing)).toBe(true);
    expect(ins.listInstances(f.ctx).find((i) => i.id === detail.instance.id)?.unsignedMembers).toBe(3);
    // The data is on disk.
    await f.store.close();
    const { Store } = await import('../../src/main/store/store');
    f.store = Store.open(f.dir, { owner: 'test' });
    expect(f.store.data.memberships.filter((m) => m.instanceId === detail.instance.id)).toHaveLength(3);
  });

  it('names a cellule whose theme has the full 300 characters within the 300 an instance name may have (found by the fuzzer)', async () => {
    f = await openFixture();
    const theme = `${'é'.repeat(298)}👍`;
    const detail = await ins.quickCell(f.ctx, { theme, personIds: [] });
    expect(detail.instance.name.length).toBeLessThanOrEqual(300);
    expect(detail.instance.name).toMatch(/^Cellule de veille — é+…$/);
    expect(detail.instance.theme).toBe(theme);
    // The saved file still passes `clspd check`.
    await f.store.flush();
    const { inspectFile } = await import('../../src/main/store/store');
    expect(inspectFile(f.store.file).ok).toBe(true);
  });

  it('refuses a cellule without theme and an unknown person, saving nothing', async () => {
    f = await openFixture();
    const invoke = createInvoker(f.ctx);
    const before = f.store.data.instances.length;
    const r1 = await invoke('instances:quickCell', { theme: '  ', personIds: [] });
    expect(r1.ok).toBe(false);
    const r2 = await invoke('instances:quickCell', { theme: 'VIF', personIds: ['nope'] });
    expect(r2).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(f.store.data.instances.length).toBe(before);
  });

  it('lists current members by institution in protocol order, with substitutes linked', async () => {
    f = await openFixture();
    const d = ins.instanceDetail(f.ctx, f.ids.plenary);
    expect(d.byOrganisation.map((g) => g.organisationId)).toEqual([f.ids.prefecture, f.ids.police, f.ids.college]);
    const college = d.byOrganisation[2].members;
    expect(college.map((m) => m.membership.seat)).toEqual(['titular', 'substitute']);
    expect(college[0].linkedNames).toEqual(['Mme Paul Durand']);
    expect(college[1].linkedNames).toEqual(['Mme Léa Martin']);
  });

  it('keeps history: an ended membership leaves the current list but stays in history', async () => {
    f = await openFixture();
    await ins.endMembership(f.ctx, 'm_comm', '2026-02-01');
    const d = ins.instanceDetail(f.ctx, f.ids.plenary);
    expect(d.byOrganisation.some((g) => g.organisationId === f.ids.police)).toBe(false);
    expect(d.history.find((h) => h.membership.id === 'm_comm')?.current).toBe(false);
    // ending a titular ends the substitutes
    await ins.endMembership(f.ctx, 'm_princ', '2026-02-15');
    expect(f.store.data.memberships.find((m) => m.id === 'm_cpe')?.endDate).toBe('2026-02-15');
  });

  it('refuses end before start, a substitute without titular, and overlapping memberships', async () => {
    f = await openFixture();
    await expect(ins.addMembership(f.ctx, { instanceId: f.ids.restricted, personId: f.ids.ccasDir, role: 'designated', seat: 'titular', startDate: '2026-03-01', endDate: '2026-01-01' })).rejects.toThrow(/date de fin est avant la date de début/);
    await expect(ins.addMembership(f.ctx, { instanceId: f.ids.restricted, personId: f.ids.ccasDir, role: 'designated', seat: 'substitute', startDate: '2026-03-01' })).rejects.toThrow(/suppléant/);
    await expect(ins.addMembership(f.ctx, { instanceId: f.ids.plenary, personId: f.ids.prefet, role: 'ex_officio', seat: 'titular', startDate: '2026-03-01' })).rejects.toThrow(/déjà membre/);
    await expect(ins.endMembership(f.ctx, 'm_prefet', '2023-01-01')).rejects.toThrow(/avant la date de début/);
  });

  it('flags missing charter signatures in confidential groups; a signature never expires (signed once)', async () => {
    f = await openFixture();
    const cell = await ins.quickCell(f.ctx, { theme: 'VIF', personIds: [f.ids.ccasDir] });
    const row = cell.history[0];
    expect(row.charterMissing).toBe(true);
    await ins.updateMembership(f.ctx, row.membership.id, { charterSignedAt: '2019-03-01' });
    // Signed seven years ago: still valid.
    expect(ins.instanceDetail(f.ctx, cell.instance.id).history[0].charterMissing).toBe(false);
    // A public plenary never flags charters.
    expect(ins.instanceDetail(f.ctx, f.ids.plenary).history.every((h) => !h.charterMissing)).toBe(true);
  });

  it('refuses to remove a member still referenced by a meeting and offers to end the membership', async () => {
    f = await openFixture();
    await createMeeting(f.ctx, { instanceId: f.ids.plenary, title: 'Plénière 2026', date: '2026-06-10', startTime: '14:00' });
    const invoke = createInvoker(f.ctx);
    const r = await invoke('memberships:remove', { id: 'm_comm' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/Mettez plutôt fin à son appartenance/);
    expect(f.store.data.memberships.some((m) => m.id === 'm_comm')).toBe(true);
    // A membership entered by mistake and never used can be removed, and undone.
    const m = await ins.addMembership(f.ctx, { instanceId: f.ids.restricted, personId: f.ids.ccasDir, role: 'qualified', seat: 'titular', startDate: '2026-03-01' });
    const del = await ins.removeMembership(f.ctx, m.id);
    expect(f.store.data.memberships.some((x) => x.id === m.id)).toBe(false);
    const undo = await invoke('undo:restore', { undoToken: del.undoToken });
    expect(undo.ok).toBe(true);
    expect(f.store.data.memberships.some((x) => x.id === m.id)).toBe(true);
  });

  it('closes an instance with date and reason, ending its memberships; refuses meetings on a closed instance', async () => {
    f = await openFixture();
    const cell = await ins.quickCell(f.ctx, { theme: 'Tensions quartier Nord', personIds: [f.ids.commissaire] });
    await expect(ins.closeInstance(f.ctx, cell.instance.id, '2020-01-01', 'Fin')).rejects.toThrow(/avant la création/);
    const closed = await ins.closeInstance(f.ctx, cell.instance.id, '2026-03-10', 'Situation apaisée');
    expect(closed).toMatchObject({ status: 'closed', closedAt: '2026-03-10', closedReason: 'Situation apaisée' });
    expect(f.store.data.memberships.find((m) => m.instanceId === cell.instance.id)?.endDate).toBe('2026-03-10');
    await expect(createMeeting(f.ctx, { instanceId: cell.instance.id, title: 'x', date: '2026-04-01', startTime: '10:00' })).rejects.toThrow(/close/);
    expect(ins.listInstances(f.ctx, { includeClosed: false }).some((i) => i.id === cell.instance.id)).toBe(false);
  });
});
