// Final deletion of a held meeting: confirmation, registre des purges entry, and « réunion supprimée » wherever it was pointed to.
import { afterEach, describe, expect, it } from 'vitest';
import { createInvoker } from '../../src/main/ipc/handlers';
import * as mtg from '../../src/main/services/meetings';
import { actionDetail } from '../../src/main/services/strategy/views';
import { renderFiche } from '../../src/main/documents';
import { openFixture, type Fixture } from './meetings-fixture';
import { pdfText } from './pdf-text';

let f: Fixture;
afterEach(async () => {
  await f?.store.close();
});

async function heldMeeting(title: string, date: string) {
  const { meeting } = await mtg.createMeeting(f.ctx, { instanceId: f.ids.restricted, title, date, startTime: '09:00' });
  await mtg.transitionMeeting(f.ctx, meeting.id, 'in_progress');
  return meeting;
}

describe('final deletion of a held meeting', () => {
  it('needs the confirmation, writes one purge line without content, and keeps what pointed to it working', async () => {
    f = await openFixture(() => new Date('2026-03-01T10:00:00.000Z'));
    const first = await heldMeeting('Copil janvier', '2026-01-20');
    const r = await mtg.capture(f.ctx, { meetingId: first.id, kind: 'action', text: 'Organiser une marche exploratoire', pilotOrganisationId: f.ids.police, dueDate: '2026-06-30' });
    await mtg.transitionMeeting(f.ctx, first.id, 'held');
    const second = await heldMeeting('Copil février', '2026-02-20');
    await mtg.updateFollowUp(f.ctx, { meetingId: second.id, decisionId: r.decision.id, status: 'done', comment: 'Marche faite le 12 février.' });
    await mtg.transitionMeeting(f.ctx, second.id, 'held');
    await mtg.transitionMeeting(f.ctx, second.id, 'validated');

    const invoke = createInvoker(f.ctx);
    // the undo-able deletion still refuses a held meeting; the final one needs its confirmation
    expect((await invoke('meetings:delete', { id: second.id })).ok).toBe(false);
    const refused = await invoke('meetings:deleteFinal', { id: second.id, confirm: false });
    expect(refused.ok).toBe(false);
    expect(f.store.data.meetings.some((m) => m.id === second.id)).toBe(true);
    expect(f.store.data.purgeLog).toEqual([]);

    const done = await invoke('meetings:deleteFinal', { id: second.id, confirm: true });
    expect(done.ok).toBe(true);
    expect(f.store.data.meetings.some((m) => m.id === second.id)).toBe(false);
    expect(f.store.data.purgeLog).toEqual([{ id: expect.any(String), at: '2026-03-01T10:00:00.000Z', kind: 'meeting_deleted', count: 1, rule: 'manual_deletion' }]);
    expect(JSON.stringify(f.store.data.purgeLog)).not.toContain('Copil');

    // the earlier meeting's decision closed in the deleted one: still closed, « Réunion supprimée »
    const row = mtg.decisionLog(f.ctx).find((x) => x.decision.id === r.decision.id)!;
    expect(row.decision.status).toBe('done');
    expect(row.closedIn).toEqual({ title: 'Réunion supprimée' });
    // the plan action and its journal entry from the deleted meeting
    const detail = actionDetail(f.ctx, r.action!.id);
    expect(detail.deletedMeetingIds).toEqual([second.id]);
    const fiche = await pdfText((await renderFiche(f.store.data, { actionId: r.action!.id })).bytes);
    expect(fiche).toContain('Marche faite le 12 février.');
    expect(fiche).toContain('réunion supprimée');

    // deleting the first meeting too: the plan action it created stays
    await mtg.deleteMeetingFinal(f.ctx, first.id, true);
    expect(f.store.data.actions.some((a) => a.id === r.action!.id)).toBe(true);
    expect(f.store.data.purgeLog).toHaveLength(2);
  });

  it('keeps the comment of a deleted confidential meeting out of a public fiche', async () => {
    f = await openFixture(() => new Date('2026-03-01T10:00:00.000Z'));
    const { meeting } = await mtg.createMeeting(f.ctx, { instanceId: f.ids.restricted, title: 'Point confidentiel', date: '2026-02-10', startTime: '09:00', confidentiality: 'confidential' });
    await mtg.transitionMeeting(f.ctx, meeting.id, 'in_progress');
    await mtg.capture(f.ctx, { meetingId: meeting.id, kind: 'decision', text: 'Avancement revu', actionId: f.ids.action1, progress: 60 });
    const before = f.store.data.actions.find((a) => a.id === f.ids.action1)!.journal.filter((j) => j.meetingId === meeting.id);
    expect(before.length).toBeGreaterThan(0);
    await mtg.transitionMeeting(f.ctx, meeting.id, 'held');
    await mtg.deleteMeetingFinal(f.ctx, meeting.id, true);
    const after = f.store.data.actions.find((a) => a.id === f.ids.action1)!.journal.filter((j) => j.meetingId === meeting.id);
    expect(after.every((j) => j.deletedMeetingConfidential)).toBe(true);
    const fiche = await pdfText((await renderFiche(f.store.data, { actionId: f.ids.action1 })).bytes);
    expect(fiche).toContain('Décidé en réunion d’une instance confidentielle (détail non reproduit).');
  });
});
