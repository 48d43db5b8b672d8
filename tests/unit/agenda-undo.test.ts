// Removing an agenda point with undo: the point comes back exactly at its place, and a restore made impossible is refused, changing nothing.
import { afterEach, describe, expect, it } from 'vitest';
import { createInvoker } from '../../src/main/ipc/handlers';
import { undoDeletion } from '../../src/main/services/directory';
import * as mtg from '../../src/main/services/meetings';
import type { Deleted } from '../../src/shared/contract/directory';
import type { Meeting } from '../../src/shared/model';
import type { DomainError } from '../../src/shared/result';
import { meetings as t } from '../../src/shared/i18n/meetings';
import { looksFrench, sha256 } from '../helpers/fixtures';
import { openFixture, type Fixture } from './meetings-fixture';

let f: Fixture;
afterEach(async () => {
  await f?.store.close();
});

const stored = (id: string): Meeting => f.store.data.meetings.find((m) => m.id === id)!;
const titles = (id: string) => stored(id).agenda.map((i) => i.title);

/** A draft meeting: Partie 1, Point A (presenter, linked action), Point B (axis, chair notes), Point C. */
async function meetingWithAgenda(): Promise<Meeting> {
  const { meeting } = await mtg.createMeeting(f.ctx, { instanceId: f.ids.restricted, title: 'Copil', date: '2026-04-02', startTime: '09:00' });
  await mtg.addAgendaItem(f.ctx, meeting.id, { kind: 'section', title: 'Partie 1' });
  await mtg.addAgendaItem(f.ctx, meeting.id, { title: 'Point A', durationMin: 30, presenter: 'Police municipale', linkedActionIds: [f.ids.action1] });
  await mtg.addAgendaItem(f.ctx, meeting.id, { title: 'Point B', durationMin: 45, axisId: f.ids.axis1, chairNotes: 'Donner la parole au collège' });
  return mtg.addAgendaItem(f.ctx, meeting.id, { title: 'Point C', durationMin: 15 });
}

async function refusedUnchanged(p: () => Promise<unknown>, code: string, message: RegExp): Promise<void> {
  const data = structuredClone(f.store.data);
  await f.store.flush();
  const hash = sha256(f.store.file);
  const e = await p().then(
    () => expect.fail('expected a refusal'),
    (err: unknown) => err as DomainError,
  );
  expect(e.code).toBe(code);
  expect(looksFrench(e.message), e.message).toBe(true);
  expect(e.message).toMatch(message);
  expect(f.store.data).toEqual(data);
  await f.store.flush();
  expect(sha256(f.store.file)).toBe(hash);
}

describe('agenda point removal with undo', () => {
  it('undo:restore puts the point back exactly, at its place, once', async () => {
    f = await openFixture();
    const m = await meetingWithAgenda();
    const before = structuredClone(stored(m.id).agenda);
    const invoke = createInvoker(f.ctx);
    const result = await invoke('meetings:deleteAgendaItem', { meetingId: m.id, agendaItemId: before[2].id });
    if (!result.ok) throw new Error(result.error.message);
    const removed = result.value as Deleted;
    expect(removed.label).toBe('Point « Point B » retiré.');
    expect(titles(m.id)).toEqual(['Partie 1', 'Point A', 'Point C']);

    const restored = await invoke('undo:restore', { undoToken: removed.undoToken });
    expect(restored).toEqual({ ok: true, value: { label: removed.label } });
    expect(stored(m.id).agenda).toEqual(before);
    // The token is spent: a second undo is refused and adds nothing.
    const again = await invoke('undo:restore', { undoToken: removed.undoToken });
    expect(again.ok).toBe(false);
    expect(stored(m.id).agenda).toEqual(before);
  });

  it('comes back after the point that preceded it, even if the agenda was reordered since; first stays first', async () => {
    f = await openFixture();
    const m = await meetingWithAgenda();
    const [section, a, b, c] = stored(m.id).agenda.map((i) => i.id);
    const delB = await mtg.deleteAgendaItem(f.ctx, m.id, b);
    await mtg.reorderAgenda(f.ctx, m.id, [a, c, section]);
    await undoDeletion(f.ctx, delB.undoToken);
    expect(titles(m.id)).toEqual(['Point A', 'Point B', 'Point C', 'Partie 1']);

    const delA = await mtg.deleteAgendaItem(f.ctx, m.id, a);
    await mtg.moveAgendaItem(f.ctx, m.id, section, -3);
    await undoDeletion(f.ctx, delA.undoToken);
    expect(titles(m.id)).toEqual(['Point A', 'Partie 1', 'Point B', 'Point C']);
  });

  it('during the séance, the current point removed and restored is current again', async () => {
    f = await openFixture();
    const m = await meetingWithAgenda();
    const c = stored(m.id).agenda[3].id;
    await mtg.transitionMeeting(f.ctx, m.id, 'in_progress');
    await mtg.setCurrentItem(f.ctx, m.id, c);
    const del = await mtg.deleteAgendaItem(f.ctx, m.id, c);
    expect(stored(m.id).currentAgendaItemId).toBeUndefined();
    await undoDeletion(f.ctx, del.undoToken);
    expect(stored(m.id).currentAgendaItemId).toBe(c);
    expect(titles(m.id).at(-1)).toBe('Point C');
  });

  it('refuses to remove a point holding notes, with the catalogue’s message, changing nothing', async () => {
    f = await openFixture();
    const m = await meetingWithAgenda();
    const point = stored(m.id).agenda[3];
    await mtg.saveNotes(f.ctx, { meetingId: m.id, agendaItemId: point.id, notes: 'Le collège signale trois absences.' });
    const escaped = t.errors.itemNotEmpty('Point C').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    await refusedUnchanged(() => mtg.deleteAgendaItem(f.ctx, m.id, point.id), 'conflict', new RegExp(`^${escaped}$`));
  });

  it('refuses the undo, changing nothing, once the minutes are validated', async () => {
    f = await openFixture();
    const m = await meetingWithAgenda();
    const del = await mtg.deleteAgendaItem(f.ctx, m.id, stored(m.id).agenda[2].id);
    await mtg.transitionMeeting(f.ctx, m.id, 'in_progress');
    await mtg.transitionMeeting(f.ctx, m.id, 'held');
    await mtg.transitionMeeting(f.ctx, m.id, 'validated');
    await refusedUnchanged(() => undoDeletion(f.ctx, del.undoToken), 'locked', /« Point B » ne peut plus être rétabli : le compte rendu/);
    // The token was given back: the same refusal again, not « cannot be undone any more ».
    await refusedUnchanged(() => undoDeletion(f.ctx, del.undoToken), 'locked', /compte rendu de sa réunion a été validé/);
  });

  it('refuses the undo, changing nothing, while the meeting is deleted, and restores once the meeting is back', async () => {
    f = await openFixture();
    const m = await meetingWithAgenda();
    const before = structuredClone(stored(m.id).agenda);
    const delPoint = await mtg.deleteAgendaItem(f.ctx, m.id, before[1].id);
    const delMeeting = await mtg.deleteMeeting(f.ctx, m.id);
    await refusedUnchanged(() => undoDeletion(f.ctx, delPoint.undoToken), 'not_found', /« Point A » ne peut plus être rétabli : sa réunion a été supprimée/);
    await undoDeletion(f.ctx, delMeeting.undoToken);
    await undoDeletion(f.ctx, delPoint.undoToken);
    expect(stored(m.id).agenda).toEqual(before);
  });
});
