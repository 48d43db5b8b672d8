// The coordinator's desktop in team mode, against a real `serve` process and PostgreSQL: chair notes and follow-up comments
// of confidential meetings kept in the coffre (protected schema 2), action titles shown from it, the relevé de décisions
// made on this computer with the coffre's texts, and a meeting made public whose give-back is refused halfway, then resumed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaptureResult, DecisionLogRow, FollowUpRow, MeetingDetail } from '../../src/shared/contract/meetings';
import type { GeneratedInfo } from '../../src/shared/contract/documents';
import type { ActionDetail } from '../../src/shared/contract/strategy';
import { team } from '../../src/shared/i18n/team';
import { teamCoffre } from '../../src/shared/i18n/team-coffre';
import type { Action, Meeting } from '../../src/shared/model';
import { documentBytes } from '../../src/main/documents/service';
import type { TeamClient } from '../../src/main/team/client';
import { pdfText } from '../helpers/export-sweep';
import { looksFrench } from '../helpers/fixtures';
import { refusingProxy } from '../helpers/logging-relay';
import { rowsMentioning } from '../helpers/pg-scan';
import { PHRASE, startCoffreTeam, value, type CoffreTeam } from '../helpers/team-coffre';

const skip = Boolean(process.env.CLSPD_TEST_NO_DATABASE);
/** Every text typed in this file carries this name: it must never reach the server while its meeting is confidential. */
const NAME = 'Philomène';
let t: CoffreTeam;
let proxy: Awaited<ReturnType<typeof refusingProxy>>;
/** The coordinator's desktop, through a relay that records what reaches the server (and can refuse a request). */
let alice: TeamClient;

beforeAll(async () => {
  if (skip) return;
  t = await startCoffreTeam('clspd-coffretexts-');
  proxy = await refusingProxy(t.server.port);
  alice = await t.desktop('alice@valmont.fr', true, [], `http://127.0.0.1:${proxy.port}`);
});

afterAll(async () => {
  if (skip) return;
  await proxy?.close();
  await t?.close();
});

/** What the coordinator's desktop sent since `from` (index in the relay's log) that mentions `text`. */
const sentMentioning = (text: string, from = 0) => proxy.log.slice(from).filter((r) => r.body.includes(text));

describe.skipIf(skip)('texts of confidential meetings the coffre keeps in team mode (schema 2)', () => {
  it('keeps chair notes and follow-up comments in the coffre, shows them on this desktop, and the server never has them', async () => {
    const secret = t.secret;
    const item = secret.agenda.find((i) => i.kind === 'item')!;
    value(await alice.invoke('meetings:get', { id: secret.id }));
    const audited = await t.auditCount();
    // A new point with chair notes, and chair notes added to an existing point along with a new title.
    const added = value<Meeting>(await alice.invoke('meetings:addAgendaItem', { meetingId: secret.id, item: { title: 'Point ajouté', chairNotes: `Rappeler la situation de ${NAME}` } }));
    const newItem = added.agenda[added.agenda.length - 1]!;
    expect(newItem.chairNotes).toBe(`Rappeler la situation de ${NAME}`);
    const changed = value<Meeting>(await alice.invoke('meetings:updateAgendaItem', { meetingId: secret.id, agendaItemId: item.id, patch: { title: 'Point renommé', chairNotes: `Ne pas citer ${NAME}` } }));
    expect(changed.agenda.find((i) => i.id === item.id)).toMatchObject({ title: 'Point renommé', chairNotes: `Ne pas citer ${NAME}` });

    // A later séance of the same cellule follows the decision up, with a comment.
    const next = value<MeetingDetail>(await alice.invoke('meetings:create', { instanceId: secret.instanceId, title: 'Cellule de décembre', date: '2026-12-07', startTime: '14:00' }));
    expect(next.meeting.confidentiality).toBe('confidential');
    const rows = value<FollowUpRow[]>(await alice.invoke('meetings:followUp', { meetingId: next.meeting.id }));
    const followed = rows.find((r) => r.meetingId === secret.id)!;
    expect(followed).toBeTruthy();
    const row = value<FollowUpRow>(await alice.invoke('meetings:updateFollowUp', { meetingId: next.meeting.id, decisionId: followed.decision.id, status: 'done', comment: `${NAME} a repris les cours` }));
    expect(row.decision).toMatchObject({ status: 'done', followUpComment: `${NAME} a repris les cours` });

    // The server: the points, the new title and the closed decision, never the texts — in no table at all.
    const stored = await t.meetingRow(secret.id);
    expect(stored.agenda.find((i) => i.id === newItem.id)?.chairNotes).toBeUndefined();
    expect(stored.agenda.find((i) => i.id === item.id)).toMatchObject({ title: 'Point renommé' });
    expect(stored.agenda.find((i) => i.id === item.id)?.chairNotes).toBeUndefined();
    expect(stored.decisions.find((d) => d.id === followed.decision.id)).toMatchObject({ status: 'done' });
    expect(stored.decisions.find((d) => d.id === followed.decision.id)?.followUpComment).toBeUndefined();
    expect((await rowsMentioning(t.pool, NAME)).tables).toEqual({});
    expect(sentMentioning(NAME)).toEqual([]);
    expect(await t.auditCount()).toBe(audited + 4); // add, update, create, follow-up: sent without their texts

    // The coffre file (reopened with the passphrase) holds them under the server's ids.
    const coffre = await t.coffreFromFile();
    expect(coffre.schemaVersion).toBe(2);
    expect(coffre.meetingTexts.find((m) => m.meetingId === secret.id)?.chairNotes).toEqual({ [newItem.id]: `Rappeler la situation de ${NAME}`, [item.id]: `Ne pas citer ${NAME}` });
    expect(coffre.meetingTexts.find((m) => m.meetingId === next.meeting.id)?.followUpComments).toEqual({ [followed.decision.id]: `${NAME} a repris les cours` });

    // Shown again on this desktop: the meeting page and the later séance's follow-up.
    const shown = value<MeetingDetail>(await alice.invoke('meetings:get', { id: secret.id })).meeting;
    expect(shown.agenda.find((i) => i.id === newItem.id)?.chairNotes).toBe(`Rappeler la situation de ${NAME}`);
    expect(shown.decisions.find((d) => d.id === followed.decision.id)?.followUpComment).toBe(`${NAME} a repris les cours`);
    const later = value<MeetingDetail>(await alice.invoke('meetings:get', { id: next.meeting.id }));
    expect(later.followUp.find((r) => r.decision.id === followed.decision.id)?.decision.followUpComment).toBe(`${NAME} a repris les cours`);

    // Cleared chair notes leave the coffre too.
    value(await alice.invoke('meetings:updateAgendaItem', { meetingId: secret.id, agendaItemId: item.id, patch: { chairNotes: '' } }));
    expect((await t.coffreFromFile()).meetingTexts.find((m) => m.meetingId === secret.id)?.chairNotes).toEqual({ [newItem.id]: `Rappeler la situation de ${NAME}` });

    // A member colleague sees the points and the closed decision, never the texts; her own chair notes are refused.
    const chloe = await t.desktop('chloe@valmont.fr', false);
    expect(JSON.stringify(await chloe.invoke('meetings:get', { id: secret.id }))).not.toContain(NAME);
    const refused = await chloe.invoke('meetings:updateAgendaItem', { meetingId: secret.id, agendaItemId: item.id, patch: { chairNotes: `Note de Chloé sur ${NAME}` } });
    expect(refused.ok).toBe(false);
    expect((await rowsMentioning(t.pool, NAME)).total).toBe(0);
  });

  it('shows the title of an action decided in a confidential meeting on this desktop; the server keeps the placeholder', async () => {
    const captured = value<CaptureResult>(await alice.invoke('meetings:capture', { meetingId: t.secret.id, kind: 'action', text: `Accompagner ${NAME} au collège` }));
    const actionId = captured.action!.id;
    expect((await t.entityRow<Action>('actions', actionId)).title).toBe(team.confidentialPlaceholder);
    expect((await t.coffreFromFile()).meetingTexts.find((m) => m.meetingId === t.secret.id)?.actionTitles).toEqual({ [actionId]: `Accompagner ${NAME} au collège` });
    // The fiche action and the decision log show the title here, as in local mode.
    expect(value<ActionDetail>(await alice.invoke('actions:get', { id: actionId })).action.title).toBe(`Accompagner ${NAME} au collège`);
    const log = value<DecisionLogRow[]>(await alice.invoke('meetings:decisions', {}));
    expect(log.find((r) => r.action?.id === actionId)?.action?.title).toBe(`Accompagner ${NAME} au collège`);
    // A member colleague gets the placeholder; nothing of the title is on the server.
    const chloe = await t.desktop('chloe@valmont.fr', false);
    expect(JSON.stringify(await chloe.invoke('actions:get', { id: actionId }))).not.toContain(NAME);
    expect((await rowsMentioning(t.pool, NAME)).total).toBe(0);
  });

  it('makes the relevé de décisions of a confidential meeting on this desktop with the coffre’s texts; the server gets reads only', async () => {
    const secret = t.secret;
    value(await alice.invoke('meetings:capture', { meetingId: secret.id, kind: 'decision', text: `Orienter ${NAME} vers la maison des adolescents` }));
    const audited = await t.auditCount();
    const from = proxy.log.length;
    const info = value<GeneratedInfo>(await alice.invoke('documents:minutes', { meetingId: secret.id }));
    const text = pdfText(Buffer.from(documentBytes(info.token)), t.work).replace(/\s+/g, ' ');
    expect(text).toContain(`Orienter ${NAME} vers la maison des adolescents`);
    expect(text).toContain(`Accompagner ${NAME} au collège`);
    expect(text).toContain('séance confidentielle');
    expect(info.suggestedName).toMatch(/^releve-de-decisions/);
    // Made here: the server was only read (the meeting and the directory), wrote nothing, and holds no text.
    expect(proxy.log.slice(from).map((r) => r.path).sort()).toEqual(['/api/categories/list', '/api/meetings/get', '/api/partners/list', '/api/people/list', '/api/settings/get']);
    expect(sentMentioning(NAME)).toEqual([]);
    expect(await t.auditCount()).toBe(audited);
    expect((await rowsMentioning(t.pool, NAME)).total).toBe(0);

    // Coffre locked: said in French, nothing made with placeholders.
    t.vault.lock();
    try {
      const locked = await alice.invoke('documents:minutes', { meetingId: secret.id });
      expect(locked.ok).toBe(false);
      if (!locked.ok) {
        expect(locked.error.message).toBe(teamCoffre.minutesCoffreLocked);
        expect(looksFrench(locked.error.message)).toBe(true);
      }
    } finally {
      await t.vault.unlock(PHRASE);
    }
    // A public meeting's compte rendu is still the server's.
    const held = t.demo.meetings.find((m) => m.confidentiality === 'public' && m.status === 'held')!;
    const before = proxy.log.length;
    value(await alice.invoke('documents:minutes', { meetingId: held.id }));
    expect(proxy.log.slice(before).map((r) => r.path)).toContain('/api/documents/minutes');
  });

  it('makes a meeting holding chair notes and follow-up comments confidential from this desktop: they move into the coffre', async () => {
    const WORD = 'Anatole';
    const a = value<MeetingDetail>(await alice.invoke('meetings:create', { instanceId: t.open.instanceId, title: 'Réunion à protéger', date: '2026-12-08', startTime: '09:00' }));
    const withItem = value<Meeting>(await alice.invoke('meetings:addAgendaItem', { meetingId: a.meeting.id, item: { title: 'Situation du quartier', chairNotes: `Présidence : citer ${WORD}` } }));
    const item = withItem.agenda[withItem.agenda.length - 1]!;
    const dec = value<CaptureResult>(await alice.invoke('meetings:capture', { meetingId: a.meeting.id, kind: 'decision', text: 'Renforcer la médiation' })).decision;
    const b = value<MeetingDetail>(await alice.invoke('meetings:create', { instanceId: t.open.instanceId, title: 'Réunion suivante', date: '2026-12-22', startTime: '09:00' }));
    value(await alice.invoke('meetings:updateFollowUp', { meetingId: b.meeting.id, decisionId: dec.id, comment: `Suivi par ${WORD}` }));
    expect((await rowsMentioning(t.pool, WORD)).total).toBeGreaterThan(0); // public: on the server, as typed

    const switched = value<Meeting>(await alice.invoke('meetings:update', { id: a.meeting.id, patch: { confidentiality: 'confidential' } }));
    expect(switched.agenda.find((i) => i.id === item.id)?.chairNotes).toBe(`Présidence : citer ${WORD}`);
    expect((await rowsMentioning(t.pool, WORD)).tables).toEqual({});
    const entry = (await t.coffreFromFile()).meetingTexts.find((m) => m.meetingId === a.meeting.id)!;
    expect(entry.chairNotes).toEqual({ [item.id]: `Présidence : citer ${WORD}` });
    expect(entry.followUpComments).toEqual({ [dec.id]: `Suivi par ${WORD}` });
    const shown = value<MeetingDetail>(await alice.invoke('meetings:get', { id: a.meeting.id })).meeting;
    expect(shown.decisions.find((d) => d.id === dec.id)?.followUpComment).toBe(`Suivi par ${WORD}`);
  });

  it('a give-back refused halfway leaves the rest in the coffre, shown and said in French; reopening the meeting resumes it once', async () => {
    const desk = alice;
    try {
      const created = value<MeetingDetail>(await desk.invoke('meetings:create', { instanceId: t.open.instanceId, title: 'Réunion à rendre publique', date: '2026-12-21', startTime: '09:00' }));
      const m = value<Meeting>(await desk.invoke('meetings:addAgendaItem', { meetingId: created.meeting.id, item: { title: 'Préparation' } }));
      const item = m.agenda.find((i) => i.kind === 'item')!;
      value(await desk.invoke('meetings:update', { id: m.id, patch: { confidentiality: 'confidential' } }));
      value(await desk.invoke('meetings:saveNotes', { meetingId: m.id, agendaItemId: item.id, notes: `Notes Rendues ${NAME}` }));
      value(await desk.invoke('meetings:updateAgendaItem', { meetingId: m.id, agendaItemId: item.id, patch: { chairNotes: `Présidence Rendue ${NAME}` } }));
      const texts = ['un', 'deux', 'trois'].map((n) => `Décision ${n} Rendue ${NAME}`);
      const ids: string[] = [];
      for (const text of texts) ids.push(value<CaptureResult>(await desk.invoke('meetings:capture', { meetingId: m.id, kind: 'decision', text })).decision.id);
      expect((await rowsMentioning(t.pool, NAME)).total).toBe(0);

      // The server refuses the second decision text it is given back.
      proxy.refuse = (path, n) => path === '/api/meetings/updateDecision' && n >= 2;
      const lowered = await desk.invoke('meetings:update', { id: m.id, patch: { confidentiality: 'public' } });
      expect(lowered.ok).toBe(false);
      if (!lowered.ok) {
        expect(lowered.error.message).toBe(teamCoffre.giveBackIncomplete(2, 'Refus injecté par le test.'));
        expect(looksFrench(lowered.error.message)).toBe(true);
      }
      let row = await t.meetingRow(m.id);
      expect(row.confidentiality).toBe('public');
      expect(row.agenda.find((i) => i.id === item.id)).toMatchObject({ notes: `Notes Rendues ${NAME}`, chairNotes: `Présidence Rendue ${NAME}` });
      expect(row.decisions.map((d) => d.text)).toEqual([texts[0], team.confidentialPlaceholder, team.confidentialPlaceholder]);
      expect(Object.keys((await t.coffreFromFile()).meetingTexts.find((x) => x.meetingId === m.id)!.decisionTexts).sort()).toEqual([ids[1], ids[2]].sort());

      // Still refused: opening the meeting shows the texts still in the coffre (not hidden because it is public now).
      proxy.refuse = (path) => path === '/api/meetings/updateDecision';
      const pending = value<MeetingDetail>(await desk.invoke('meetings:get', { id: m.id }));
      expect(pending.textsToGiveBack).toBe(2);
      expect(pending.meeting.decisions.map((d) => d.text)).toEqual(texts);
      expect((await t.meetingRow(m.id)).decisions[1]!.text).toBe(team.confidentialPlaceholder);

      // The server accepts again: opening the meeting gives the rest back, each text once, and the coffre entry goes.
      proxy.refuse = () => false;
      const resumedFrom = proxy.log.length;
      const resumed = value<MeetingDetail>(await desk.invoke('meetings:get', { id: m.id }));
      expect(resumed.textsToGiveBack).toBeUndefined();
      expect(resumed.meeting.decisions.map((d) => d.text)).toEqual(texts);
      row = await t.meetingRow(m.id);
      expect(row.decisions.map((d) => d.text)).toEqual(texts);
      expect(proxy.log.slice(resumedFrom).filter((r) => r.path === '/api/meetings/updateDecision').map((r) => r.body)).toEqual([
        JSON.stringify({ meetingId: m.id, decisionId: ids[1], text: texts[1] }),
        JSON.stringify({ meetingId: m.id, decisionId: ids[2], text: texts[2] }),
      ]);
      expect((await t.coffreFromFile()).meetingTexts.some((x) => x.meetingId === m.id)).toBe(false);
      // Nothing left to give back: opening it again sends no write.
      const quiet = proxy.log.length;
      value(await desk.invoke('meetings:get', { id: m.id }));
      expect(proxy.log.slice(quiet).map((r) => r.path)).toEqual(['/api/meetings/get']);
    } finally {
      proxy.refuse = () => false;
    }
  });
});
