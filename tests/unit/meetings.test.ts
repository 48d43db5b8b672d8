// Meetings: lifecycle transitions, confidentiality inheritance, agenda builder and templates, attendance, live capture, follow-up, decisions log.
import { afterEach, describe, expect, it } from 'vitest';
import { createInvoker } from '../../src/main/ipc/handlers';
import { quickCell } from '../../src/main/services/instances';
import * as mtg from '../../src/main/services/meetings';
import { inspectFile, Store } from '../../src/main/store/store';
import { openFixture, type Fixture } from './meetings-fixture';

let f: Fixture;
afterEach(async () => {
  await f?.store.close();
});

async function plenary(fx: Fixture, date = '2026-06-10') {
  return mtg.createMeeting(fx.ctx, { instanceId: fx.ids.plenary, title: `Plénière ${date}`, date, startTime: '14:00', plannedEndTime: '16:00', template: 'plenary' });
}

describe('meeting lifecycle', () => {
  it('goes draft → convened → in_progress → held → validated, and validation locks the minutes', async () => {
    f = await openFixture();
    const { meeting } = await plenary(f);
    expect(meeting.status).toBe('draft');
    await mtg.transitionMeeting(f.ctx, meeting.id, 'convened');
    const started = await mtg.transitionMeeting(f.ctx, meeting.id, 'in_progress');
    expect(started.currentAgendaItemId).toBe(started.agenda[0].id);
    const held = await mtg.transitionMeeting(f.ctx, meeting.id, 'held', '2026-12-10');
    expect(held).toMatchObject({ status: 'held', nextMeetingDate: '2026-12-10' });
    expect(held.heldAt).toBeDefined();
    const validated = await mtg.transitionMeeting(f.ctx, meeting.id, 'validated');
    expect(validated.validatedAt).toBeDefined();
    await expect(mtg.saveNotes(f.ctx, { meetingId: meeting.id, agendaItemId: meeting.agenda[0].id, notes: 'x' })).rejects.toThrow(/verrouillé/);
    await expect(mtg.addAgendaItem(f.ctx, meeting.id, { title: 'Nouveau' })).rejects.toThrow(/verrouillé/);
    await expect(mtg.transitionMeeting(f.ctx, meeting.id, 'held')).rejects.toThrow(/verrouillé/);
    await expect(mtg.capture(f.ctx, { meetingId: meeting.id, kind: 'decision', text: 'x' })).rejects.toThrow(/verrouillé/);
  });

  it('refuses illegal transitions with a French message and keeps the status', async () => {
    f = await openFixture();
    const { meeting } = await plenary(f);
    const invoke = createInvoker(f.ctx);
    for (const to of ['held', 'validated'] as const) {
      const r = await invoke('meetings:transition', { id: meeting.id, to });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.message).toMatch(/ne peut pas passer directement/);
    }
    await mtg.transitionMeeting(f.ctx, meeting.id, 'in_progress');
    await expect(mtg.transitionMeeting(f.ctx, meeting.id, 'draft')).rejects.toThrow(/En cours/);
    await expect(mtg.transitionMeeting(f.ctx, meeting.id, 'validated')).rejects.toThrow();
    expect(f.store.data.meetings[0].status).toBe('in_progress');
    // held → in_progress resumes a séance ended by mistake
    await mtg.transitionMeeting(f.ctx, meeting.id, 'held');
    expect((await mtg.transitionMeeting(f.ctx, meeting.id, 'in_progress')).status).toBe('in_progress');
  });

  it('refuses an end before the start', async () => {
    f = await openFixture();
    await expect(mtg.createMeeting(f.ctx, { instanceId: f.ids.plenary, title: 'x', date: '2026-06-10', startTime: '14:00', plannedEndTime: '13:00' })).rejects.toThrow(/heure de fin prévue est avant/);
    expect(f.store.data.meetings).toHaveLength(0);
  });
});

describe('confidentiality', () => {
  it('inherits from the instance, can be raised, never lowered below the instance nor after the start', async () => {
    f = await openFixture();
    const cell = await quickCell(f.ctx, { theme: 'VIF', personIds: [f.ids.ccasDir] });
    const { meeting } = await mtg.createMeeting(f.ctx, { instanceId: cell.instance.id, title: 'Cellule VIF', date: '2026-04-01', startTime: '09:00' });
    expect(meeting.confidentiality).toBe('confidential');
    await expect(mtg.updateMeeting(f.ctx, meeting.id, { confidentiality: 'public' })).rejects.toThrow(/ne peut pas être inférieure à celle de son instance/);
    await expect(mtg.createMeeting(f.ctx, { instanceId: cell.instance.id, title: 'x', date: '2026-04-01', startTime: '09:00', confidentiality: 'restricted' })).rejects.toThrow(/inférieure/);

    const { meeting: restricted } = await mtg.createMeeting(f.ctx, { instanceId: f.ids.restricted, title: 'Copil', date: '2026-04-02', startTime: '09:00' });
    expect(restricted.confidentiality).toBe('restricted');
    expect((await mtg.updateMeeting(f.ctx, restricted.id, { confidentiality: 'confidential' })).confidentiality).toBe('confidential');
    // Before the séance, it can come back to the instance's level…
    expect((await mtg.updateMeeting(f.ctx, restricted.id, { confidentiality: 'restricted' })).confidentiality).toBe('restricted');
    await mtg.updateMeeting(f.ctx, restricted.id, { confidentiality: 'confidential' });
    await mtg.transitionMeeting(f.ctx, restricted.id, 'in_progress');
    // …but not once notes were taken under the higher level.
    const r = await createInvoker(f.ctx)('meetings:update', { id: restricted.id, patch: { confidentiality: 'restricted' } });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(f.store.data.meetings.find((m) => m.id === restricted.id)?.confidentiality).toBe('confidential');
  });
});

describe('invitees and attendance', () => {
  it('defaults invitees to current members; guests and late additions; representative must be a person or a name', async () => {
    f = await openFixture();
    const { meeting, invitees } = await plenary(f);
    expect(invitees.map((i) => i.name)).toEqual(['Mme Anne Roux', 'Mme Marc Blanc', 'Mme Léa Martin', 'Mme Paul Durand']);
    await mtg.addInvitee(f.ctx, { meetingId: meeting.id, guest: { guestName: 'Jean Invité', guestOrganisation: 'Association Trait d’union' } });
    await expect(mtg.addInvitee(f.ctx, { meetingId: meeting.id, personId: f.ids.prefet })).rejects.toThrow(/déjà invitée/);
    const prefetInv = meeting.invitees.find((i) => i.personId === f.ids.prefet)!;
    const invoke = createInvoker(f.ctx);
    const bad = await invoke('meetings:setAttendance', { meetingId: meeting.id, inviteeId: prefetInv.id, status: 'represented' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    if (!bad.ok) expect(bad.error.message).toMatch(/Indiquez qui représente/);
    const unknownRep = await invoke('meetings:setAttendance', { meetingId: meeting.id, inviteeId: prefetInv.id, status: 'represented', representedByPersonId: 'ghost' });
    expect(unknownRep.ok).toBe(false);
    expect(f.store.data.meetings[0].attendance).toHaveLength(0);
    await mtg.setAttendance(f.ctx, { meetingId: meeting.id, inviteeId: prefetInv.id, status: 'represented', representedByName: 'M. le sous-préfet' });
    await expect(mtg.setAttendance(f.ctx, { meetingId: meeting.id, inviteeId: meeting.invitees[1].id, status: 'present', arrivedAt: '15:00', leftAt: '14:30' })).rejects.toThrow(/départ est avant/);
    await mtg.transitionMeeting(f.ctx, meeting.id, 'in_progress');
    const late = await mtg.addInvitee(f.ctx, { meetingId: meeting.id, personId: f.ids.ccasDir, present: true, arrivedAt: '14:20' });
    expect(late.attendance.find((a) => a.inviteeId === late.invitees[late.invitees.length - 1].id)).toMatchObject({ status: 'present', arrivedAt: '14:20' });
    // An invitee whose presence was noted cannot be removed
    await expect(mtg.removeInvitee(f.ctx, meeting.id, prefetInv.id)).rejects.toThrow(/feuille d’émargement/);
  });

  it('computes attendance statistics per institution over a year (held meetings only)', async () => {
    f = await openFixture();
    for (const [date, polStatus] of [['2026-02-10', 'present'], ['2026-05-10', 'absent'], ['2026-09-10', 'excused']] as const) {
      const { meeting } = await mtg.createMeeting(f.ctx, { instanceId: f.ids.plenary, title: `P ${date}`, date, startTime: '14:00' });
      const inv = (pid: string) => meeting.invitees.find((i) => i.personId === pid)!.id;
      await mtg.setAttendance(f.ctx, { meetingId: meeting.id, inviteeId: inv(f.ids.prefet), status: 'represented', representedByName: 'Délégué du préfet' });
      await mtg.setAttendance(f.ctx, { meetingId: meeting.id, inviteeId: inv(f.ids.commissaire), status: polStatus });
      await mtg.setAttendance(f.ctx, { meetingId: meeting.id, inviteeId: inv(f.ids.cpe), status: 'present' });
      if (date !== '2026-09-10') {
        await mtg.transitionMeeting(f.ctx, meeting.id, 'in_progress');
        await mtg.transitionMeeting(f.ctx, meeting.id, 'held');
      }
    }
    const stats = mtg.attendanceStats(f.ctx, 2026);
    const by = Object.fromEntries(stats.map((s) => [s.organisationId, s]));
    expect(by[f.ids.prefecture]).toMatchObject({ invited: 2, represented: 2, rate: 100 });
    expect(by[f.ids.police]).toMatchObject({ invited: 2, present: 1, absent: 1, rate: 50 });
    // The college counts once per meeting (titular unknown, substitute present → present).
    expect(by[f.ids.college]).toMatchObject({ invited: 2, present: 2, rate: 100 });
    expect(mtg.attendanceStats(f.ctx, 2025)).toEqual([]);
  });
});

describe('agenda builder', () => {
  it('adds, edits, reorders (full order and keyboard moves), deletes; total duration vs planned end', async () => {
    f = await openFixture();
    const { meeting: m0 } = await mtg.createMeeting(f.ctx, { instanceId: f.ids.restricted, title: 'Copil', date: '2026-04-02', startTime: '09:00', plannedEndTime: '10:00' });
    await mtg.addAgendaItem(f.ctx, m0.id, { kind: 'section', title: 'Partie 1' });
    await mtg.addAgendaItem(f.ctx, m0.id, { title: 'Point A', durationMin: 30, presenter: 'Police municipale', linkedActionIds: [f.ids.action1] });
    let m = await mtg.addAgendaItem(f.ctx, m0.id, { title: 'Point B', durationMin: 45, axisId: f.ids.axis1, chairNotes: 'Donner la parole au collège' });
    expect(mtg.agendaSummary(m)).toEqual({ totalMin: 75, plannedMin: 60, overrunMin: 15, endsAt: '10:15' });
    await expect(mtg.addAgendaItem(f.ctx, m0.id, { title: '   ' })).rejects.toThrow(/Donnez un titre/);
    await expect(mtg.updateAgendaItem(f.ctx, m0.id, m.agenda[1].id, { title: '' })).rejects.toThrow(/Donnez un titre/);
    await expect(mtg.addAgendaItem(f.ctx, m0.id, { title: 'x', linkedActionIds: ['nope'] })).rejects.toThrow(/introuvable/);
    const [s, a, b] = m.agenda.map((i) => i.id);
    m = await mtg.reorderAgenda(f.ctx, m0.id, [s, b, a]);
    expect(m.agenda.map((i) => i.title)).toEqual(['Partie 1', 'Point B', 'Point A']);
    await expect(mtg.reorderAgenda(f.ctx, m0.id, [s, b])).rejects.toThrow(/rechargez/);
    m = await mtg.moveAgendaItem(f.ctx, m0.id, a, -1);
    expect(m.agenda.map((i) => i.title)).toEqual(['Partie 1', 'Point A', 'Point B']);
    m = await mtg.updateAgendaItem(f.ctx, m0.id, b, { durationMin: 20, presenter: '' });
    expect(mtg.agendaSummary(m).overrunMin).toBe(-10);
    await mtg.deleteAgendaItem(f.ctx, m0.id, s);
    expect(f.store.data.meetings.find((x) => x.id === m0.id)!.agenda).toHaveLength(2);
    // Via the contract: an empty title is refused with a French message.
    const r = await createInvoker(f.ctx)('meetings:addAgendaItem', { meetingId: m0.id, item: { title: '' } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/titre/);
  });

  it('templates: plenary, restricted (one review per axis), cellule (situations, no names); copy from previous', async () => {
    f = await openFixture();
    const { meeting: p } = await plenary(f);
    expect(p.agenda.map((i) => i.title).join('|')).toMatch(/Statistiques annuelles.*préfet.*\|Bilan de l’année.*\|.*Orientations/);
    const { meeting: r } = await mtg.createMeeting(f.ctx, { instanceId: f.ids.restricted, title: 'Copil', date: '2026-04-02', startTime: '09:00', template: 'restricted' });
    const axisItems = r.agenda.filter((i) => i.axisId);
    expect(axisItems.map((i) => i.title)).toEqual(['Revue de l’axe : Jeunesse', 'Revue de l’axe : Tranquillité publique', 'Revue de l’axe : Personnes vulnérables']);
    const cell = await quickCell(f.ctx, { theme: 'Harcèlement', personIds: [f.ids.cpe] });
    const { meeting: c1 } = await mtg.createMeeting(f.ctx, { instanceId: cell.instance.id, title: 'Cellule 1', date: '2026-04-01', startTime: '09:00', template: 'working_group' });
    expect(c1.agenda.map((i) => i.title)).toContain('Revue des situations suivies (par n° de situation, sans nom)');
    expect(c1.agenda.map((i) => i.title)).toContain('Nouvelles situations');
    await expect(mtg.createMeeting(f.ctx, { instanceId: f.ids.restricted, title: 'x', date: '2026-01-01', startTime: '09:00', template: 'copy_previous' })).rejects.toThrow(/Aucune réunion précédente/);
    await mtg.saveNotes(f.ctx, { meetingId: c1.id, agendaItemId: c1.agenda[1].id, notes: 'notes privées' });
    const { meeting: c2 } = await mtg.createMeeting(f.ctx, { instanceId: cell.instance.id, title: 'Cellule 2', date: '2026-05-01', startTime: '09:00', template: 'copy_previous' });
    // The copy keeps the previous agenda and adds the review of earlier decisions after the opening.
    expect(c2.agenda.map((i) => i.title)).toEqual([c1.agenda[0].title, 'Suivi des décisions de la réunion précédente', ...c1.agenda.slice(1).map((i) => i.title)]);
    expect(c2.agenda.every((i) => i.notes === '')).toBe(true);
    // A later cellule from the template gets the « Suivi des décisions » item.
    const { meeting: c3 } = await mtg.createMeeting(f.ctx, { instanceId: cell.instance.id, title: 'Cellule 3', date: '2026-06-01', startTime: '09:00', template: 'working_group' });
    expect(c3.agenda.map((i) => i.title)).toContain('Suivi des décisions de la réunion précédente');
  });
});

describe('live mode, capture and follow-up', () => {
  it('saves notes durably, moves the current item and keeps item timers', async () => {
    let now = new Date('2026-06-10T12:00:00.000Z');
    f = await openFixture(() => now);
    const { meeting } = await plenary(f);
    await mtg.transitionMeeting(f.ctx, meeting.id, 'in_progress');
    const [i1, i2] = meeting.agenda;
    await mtg.setCurrentItem(f.ctx, meeting.id, i1.id);
    await mtg.saveNotes(f.ctx, { meetingId: meeting.id, agendaItemId: i1.id, notes: 'Le maire ouvre la séance.' });
    now = new Date('2026-06-10T12:04:30.000Z');
    let m = await mtg.setCurrentItem(f.ctx, meeting.id, i2.id);
    expect(m.agenda[0]).toMatchObject({ elapsedSec: 270 });
    expect(m.agenda[0].startedAt).toBeUndefined();
    expect(m.agenda[1].startedAt).toBe(now.toISOString());
    now = new Date('2026-06-10T12:05:00.000Z');
    expect(mtg.elapsedSeconds(m.agenda[1], now)).toBe(30);
    m = await mtg.timer(f.ctx, meeting.id, i2.id, 'stop');
    expect(m.agenda[1].elapsedSec).toBe(30);
    await mtg.saveNotes(f.ctx, { meetingId: meeting.id, notes: 'Notes générales' });
    await f.store.close();
    f.store = Store.open(f.dir, { owner: 'test' });
    const reread = f.store.data.meetings[0];
    expect(reread.agenda[0].notes).toBe('Le maire ouvre la séance.');
    expect(reread.generalNotes).toBe('Notes générales');
    expect(reread.currentAgendaItemId).toBe(i2.id);
  });

  it('coalesces a burst of note saves into few writes, last text wins', async () => {
    f = await openFixture();
    const { meeting } = await plenary(f);
    let writes = 0;
    f.store.onSavingChange((s) => { if (s) writes++; });
    const all = [];
    for (let i = 1; i <= 50; i++) all.push(mtg.saveNotes(f.ctx, { meetingId: meeting.id, agendaItemId: meeting.agenda[0].id, notes: 'x'.repeat(i) }));
    await Promise.all(all);
    expect(writes).toBeLessThanOrEqual(3);
    await f.store.close();
    f.store = Store.open(f.dir, { owner: 'test' });
    expect(f.store.data.meetings[0].agenda[0].notes).toBe('x'.repeat(50));
  });

  it('captures an action into the plan (objective or « à classer ») with a journal entry pointing to the meeting', async () => {
    f = await openFixture();
    const { meeting } = await plenary(f);
    await mtg.transitionMeeting(f.ctx, meeting.id, 'in_progress');
    const r1 = await mtg.capture(f.ctx, { meetingId: meeting.id, agendaItemId: meeting.agenda[1].id, kind: 'action', text: 'Organiser une marche exploratoire', pilotOrganisationId: f.ids.police, dueDate: '2026-09-30', objectiveId: f.ids.objective1 });
    expect(r1.action).toMatchObject({ code: 'A1.1.2', objectiveId: f.ids.objective1, endDate: '2026-09-30', pilot: { organisationId: f.ids.police }, followingInstanceId: f.ids.plenary });
    expect(r1.action!.journal[0]).toMatchObject({ field: 'created', meetingId: meeting.id });
    expect(r1.decision).toMatchObject({ kind: 'action', actionId: r1.action!.id, status: 'open' });
    const r2 = await mtg.capture(f.ctx, { meetingId: meeting.id, kind: 'action', text: 'Étudier un dispositif de médiation' });
    expect(r2.action).toMatchObject({ code: 'AC.1' });
    expect(r2.action!.objectiveId).toBeUndefined();
    // a decision about an existing action updates it the same way
    const r3 = await mtg.capture(f.ctx, { meetingId: meeting.id, kind: 'decision', text: 'Étendre les interventions aux CM2', actionId: f.ids.action1, progress: 60 });
    const a1 = f.store.data.actions.find((a) => a.id === f.ids.action1)!;
    expect(a1.progress).toBe(60);
    expect(a1.journal.at(-1)).toMatchObject({ field: 'progress', meetingId: meeting.id });
    expect(r3.decision.status).toBe('open');
    // bad input: nothing saved
    const before = f.store.data.actions.length;
    await expect(mtg.capture(f.ctx, { meetingId: meeting.id, kind: 'action', text: 'x', objectiveId: 'nope' })).rejects.toThrow(/objectif/);
    await expect(mtg.capture(f.ctx, { meetingId: meeting.id, kind: 'decision', text: 'x', situationRef: 'Dupont' })).rejects.toThrow(/AAAA-NNN/);
    expect(f.store.data.actions.length).toBe(before);
    expect(f.store.data.meetings[0].decisions).toHaveLength(3);
  });

  it('builds « Suivi des décisions » from earlier meetings of the instance; updates flow back to the plan', async () => {
    f = await openFixture();
    const cell = await quickCell(f.ctx, { theme: 'Harcèlement', personIds: [f.ids.cpe, f.ids.commissaire] });
    const { meeting: c1 } = await mtg.createMeeting(f.ctx, { instanceId: cell.instance.id, title: 'Cellule avril', date: '2026-04-01', startTime: '09:00', template: 'working_group' });
    await mtg.transitionMeeting(f.ctx, c1.id, 'in_progress');
    const ref = mtg.nextSituationRef(f.ctx, 2026).ref;
    expect(ref).toBe('2026-001');
    const dec = await mtg.capture(f.ctx, { meetingId: c1.id, kind: 'decision', text: 'Proposer un rendez-vous à la famille', situationRef: ref });
    const act = await mtg.capture(f.ctx, { meetingId: c1.id, kind: 'action', text: 'Former les surveillants', pilotOrganisationId: f.ids.college });
    await mtg.capture(f.ctx, { meetingId: c1.id, kind: 'decision', text: 'Clos aussitôt' }).then((r) => mtg.updateDecision(f.ctx, { meetingId: c1.id, decisionId: r.decision.id, status: 'done' }));
    await mtg.transitionMeeting(f.ctx, c1.id, 'held', '2026-05-01');
    await mtg.transitionMeeting(f.ctx, c1.id, 'validated');
    expect(mtg.nextSituationRef(f.ctx, 2026).ref).toBe('2026-002');
    expect(mtg.nextSituationRef(f.ctx, 2026).ref).toBe('2026-003');

    const { meeting: c2, followUp } = await mtg.createMeeting(f.ctx, { instanceId: cell.instance.id, title: 'Cellule mai', date: '2026-05-01', startTime: '09:00' });
    expect(followUp.map((r) => r.decision.text)).toEqual(['Proposer un rendez-vous à la famille', 'Former les surveillants']);
    expect(followUp[1].action).toMatchObject({ status: 'planned', progress: 0 });
    expect(followUp[1].pilotName).toBe('Collège Jean Moulin');
    // Other instances' decisions are not carried over
    const { followUp: otherFu } = await mtg.createMeeting(f.ctx, { instanceId: f.ids.restricted, title: 'Copil', date: '2026-05-02', startTime: '09:00' });
    expect(otherFu).toEqual([]);

    await mtg.transitionMeeting(f.ctx, c2.id, 'in_progress');
    const row = await mtg.updateFollowUp(f.ctx, { meetingId: c2.id, decisionId: act.decision.id, actionStatus: 'in_progress', progress: 40, comment: 'Deux sessions faites' });
    expect(row.action).toMatchObject({ status: 'in_progress', progress: 40 });
    const planAction = f.store.data.actions.find((a) => a.id === act.action!.id)!;
    expect(planAction.journal.filter((j) => j.meetingId === c2.id).map((j) => j.field)).toEqual(['status', 'progress']);
    const closed = await mtg.updateFollowUp(f.ctx, { meetingId: c2.id, decisionId: dec.decision.id, status: 'done', comment: 'Rendez-vous tenu' });
    expect(closed.decision).toMatchObject({ status: 'done', closedInMeetingId: c2.id, followUpComment: 'Rendez-vous tenu' });
    // Still visible in this meeting's follow-up (closed here), gone from the next one.
    expect(mtg.followUp(f.ctx, c2.id)).toHaveLength(2);
    const { followUp: next } = await mtg.createMeeting(f.ctx, { instanceId: cell.instance.id, title: 'Cellule juin', date: '2026-06-01', startTime: '09:00' });
    expect(next.map((r) => r.decision.text)).toEqual(['Former les surveillants']);
  });

  it('a template names the review of an axis whose title has 300 characters within the 300 an item title may have (found by the fuzzer)', async () => {
    f = await openFixture();
    await f.store.update((d) => {
      d.axes.find((a) => a.id === f.ids.axis1)!.title = 'é'.repeat(300);
    });
    const { meeting } = await mtg.createMeeting(f.ctx, { instanceId: f.ids.restricted, title: 'Copil', date: '2026-06-10', startTime: '14:00' });
    const applied = await mtg.applyTemplate(f.ctx, meeting.id, 'restricted', true);
    const review = applied.agenda.find((i) => i.axisId === f.ids.axis1)!;
    expect(review.title).toMatch(/^Revue de l’axe : é+…$/);
    expect(review.title.length).toBeLessThanOrEqual(300);
    await f.store.flush();
    expect(inspectFile(f.store.file).ok).toBe(true);
  });

  it('updateFollowUp refuses, changing nothing, a decision of a later meeting of the instance (found by the fuzzer)', async () => {
    f = await openFixture();
    const cell = await quickCell(f.ctx, { theme: 'Harcèlement', personIds: [f.ids.cpe] });
    const { meeting: april } = await mtg.createMeeting(f.ctx, { instanceId: cell.instance.id, title: 'Cellule avril', date: '2026-04-01', startTime: '09:00' });
    const { meeting: may } = await mtg.createMeeting(f.ctx, { instanceId: cell.instance.id, title: 'Cellule mai', date: '2026-05-01', startTime: '09:00' });
    const later = await mtg.capture(f.ctx, { meetingId: may.id, kind: 'decision', text: 'Décidé en mai' });
    const before = structuredClone(f.store.data);
    // Once, the change was saved and then refused with « Cette décision est introuvable ».
    const r = await createInvoker(f.ctx)('meetings:updateFollowUp', { meetingId: april.id, decisionId: later.decision.id, status: 'done', comment: 'Fait' });
    expect(r).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(f.store.data).toEqual(before);
  });

  it('updateFollowUp refuses, changing nothing, a decision closed in another meeting (found by the fuzzer)', async () => {
    f = await openFixture();
    const cell = await quickCell(f.ctx, { theme: 'Harcèlement', personIds: [f.ids.cpe] });
    const { meeting: april } = await mtg.createMeeting(f.ctx, { instanceId: cell.instance.id, title: 'Cellule avril', date: '2026-04-01', startTime: '09:00' });
    const { meeting: may } = await mtg.createMeeting(f.ctx, { instanceId: cell.instance.id, title: 'Cellule mai', date: '2026-05-01', startTime: '09:00' });
    const { meeting: june } = await mtg.createMeeting(f.ctx, { instanceId: cell.instance.id, title: 'Cellule juin', date: '2026-06-01', startTime: '09:00' });
    const dec = await mtg.capture(f.ctx, { meetingId: april.id, kind: 'decision', text: 'Rencontrer le bailleur' });
    await mtg.updateFollowUp(f.ctx, { meetingId: may.id, decisionId: dec.decision.id, status: 'done' });
    expect(mtg.followUp(f.ctx, june.id)).toEqual([]);
    const before = structuredClone(f.store.data);
    // Once, the meeting's modification date was saved and then the call refused with « Cette décision est introuvable ».
    const r = await createInvoker(f.ctx)('meetings:updateFollowUp', { meetingId: june.id, decisionId: dec.decision.id, comment: 'Vu' });
    expect(r).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/close lors d’une autre réunion/) } });
    expect(f.store.data).toEqual(before);
  });

  it('decisions log: search and filter by instance, axis, period and linked action status', async () => {
    f = await openFixture();
    const { meeting } = await plenary(f);
    await mtg.capture(f.ctx, { meetingId: meeting.id, kind: 'decision', text: 'Étendre aux CM2', actionId: f.ids.action1 });
    await mtg.capture(f.ctx, { meetingId: meeting.id, kind: 'action', text: 'Marche exploratoire', objectiveId: f.ids.objective1 });
    const { meeting: other } = await mtg.createMeeting(f.ctx, { instanceId: f.ids.restricted, title: 'Copil', date: '2025-11-02', startTime: '09:00' });
    await mtg.capture(f.ctx, { meetingId: other.id, kind: 'decision', text: 'Relancer le bailleur' });
    expect(mtg.decisionLog(f.ctx).map((r) => r.decision.text)).toEqual(['Marche exploratoire', 'Étendre aux CM2', 'Relancer le bailleur']);
    expect(mtg.decisionLog(f.ctx, { instanceId: f.ids.restricted })).toHaveLength(1);
    expect(mtg.decisionLog(f.ctx, { axisId: f.ids.axis1 })).toHaveLength(2);
    expect(mtg.decisionLog(f.ctx, { from: '2026-01-01', to: '2026-12-31' })).toHaveLength(2);
    expect(mtg.decisionLog(f.ctx, { actionStatus: 'planned' }).map((r) => r.decision.text)).toEqual(['Marche exploratoire']);
    expect(mtg.decisionLog(f.ctx, { query: 'etendre' })).toHaveLength(1);
    const r = await createInvoker(f.ctx)('meetings:decisions', { from: '2026-1-01' });
    expect(r.ok).toBe(false);
  });

  it('deletes a draft meeting with undo but sends a held one to the final deletion', async () => {
    f = await openFixture();
    const { meeting } = await plenary(f);
    const d = await mtg.deleteMeeting(f.ctx, meeting.id);
    expect(f.store.data.meetings).toHaveLength(0);
    await createInvoker(f.ctx)('undo:restore', { undoToken: d.undoToken });
    expect(f.store.data.meetings).toHaveLength(1);
    await mtg.transitionMeeting(f.ctx, meeting.id, 'in_progress');
    await mtg.transitionMeeting(f.ctx, meeting.id, 'held');
    await expect(mtg.deleteMeeting(f.ctx, meeting.id)).rejects.toThrow(/ne va pas à la corbeille : utilisez « Supprimer définitivement »/);
  });
});
