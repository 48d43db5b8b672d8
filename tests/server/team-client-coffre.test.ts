// The coordinator's desktop in team mode running a confidential meeting, against a real `serve` process and PostgreSQL:
// notes, captured decisions and decision texts go to this computer's coffre file, the server gets « décision prise » only;
// a locked coffre sends nothing; colleagues (desktop, documents, exports) never get the texts; a meeting holding texts
// made confidential from this desktop leaves none on the server.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Action } from '../../src/shared/model';
import type { CaptureResult, MeetingDetail } from '../../src/shared/contract/meetings';
import type { GeneratedInfo } from '../../src/shared/contract/documents';
import type { TeamStatus } from '../../src/shared/contract/team';
import { team } from '../../src/shared/i18n/team';
import type { Meeting } from '../../src/shared/model';
import { documentBytes } from '../../src/main/documents/service';
import type { TeamClient } from '../../src/main/team/client';
import { pdfText, zipText } from '../helpers/export-sweep';
import { looksFrench } from '../helpers/fixtures';
import { rowsMentioning } from '../helpers/pg-scan';
import { PHRASE, startCoffreTeam, value, type CoffreTeam } from '../helpers/team-coffre';

const skip = Boolean(process.env.CLSPD_TEST_NO_DATABASE);
/** Every text typed in this file carries this name: it must never reach the server. */
const NAME = 'Zacharie';
let t: CoffreTeam;
let pool: CoffreTeam['pool'];
let vault: CoffreTeam['vault'];
let coffreDir: string;
let work: string;
let secret: Meeting;
let open: Meeting;
const desktop = (email: string, withCoffre: boolean, saved: string[] = []): Promise<TeamClient> => t.desktop(email, withCoffre, saved);
const meetingRow = (id: string) => t.meetingRow(id);
const auditCount = () => t.auditCount();
const coffreFromFile = () => t.coffreFromFile();

beforeAll(async () => {
  if (skip) return;
  t = await startCoffreTeam('clspd-teamcoffre-');
  ({ pool, vault, coffreDir, work, secret, open } = t);
});

afterAll(async () => {
  if (!skip) await t?.close();
});

describe.skipIf(skip)('the coordinator’s desktop in team mode, in a confidential meeting', () => {
  let alice: TeamClient;
  const item = () => secret.agenda.find((i) => i.kind === 'item')!;

  it('keeps notes, captured decisions and decision texts in this computer’s coffre; the server records « décision prise » only', async () => {
    alice = await desktop('alice@valmont.fr', true);
    expect(value<MeetingDetail>(await alice.invoke('meetings:get', { id: secret.id })).meeting.confidentiality).toBe('confidential');
    const auditBefore = await auditCount();
    expect((await alice.invoke('meetings:saveNotes', { meetingId: secret.id, agendaItemId: item().id, notes: `Notes sur M. ${NAME}` })).ok).toBe(true);
    expect((await alice.invoke('meetings:update', { id: secret.id, patch: { generalNotes: `Synthèse ${NAME}` } })).ok).toBe(true);
    const captured = value<CaptureResult>(await alice.invoke('meetings:capture', { meetingId: secret.id, agendaItemId: item().id, kind: 'decision', text: `Orienter M. ${NAME} vers la PJJ`, situationRef: '2026-014' }));
    expect(captured.decision.text).toBe(`Orienter M. ${NAME} vers la PJJ`);
    const action = value<CaptureResult>(await alice.invoke('meetings:capture', { meetingId: secret.id, kind: 'action', text: `Accompagner la famille ${NAME}` }));
    // The plan action's title is the placeholder on the server; this desktop shows it from the coffre.
    expect(action.action?.title).toBe(`Accompagner la famille ${NAME}`);
    expect((await t.entityRow<Action>('actions', action.action!.id)).title).toBe(team.confidentialPlaceholder);
    const first = secret.decisions[0]!;
    expect((await alice.invoke('meetings:updateDecision', { meetingId: secret.id, decisionId: first.id, text: `Texte revu ${NAME}`, status: 'done' })).ok).toBe(true);
    expect(value<TeamStatus>(await alice.invoke('team:status', undefined)).queuedNotes).toBe(0);

    // The server knows the decisions exist (kind, situation reference, status, linked action), never their text.
    const row = await meetingRow(secret.id);
    const ids = [captured.decision.id, action.decision.id];
    expect(row.decisions.filter((d) => ids.includes(d.id)).map((d) => [d.kind, d.text])).toEqual([
      ['decision', team.confidentialPlaceholder],
      ['action', team.confidentialPlaceholder],
    ]);
    expect(row.decisions.find((d) => d.id === captured.decision.id)?.situationRef).toBe('2026-014');
    expect(row.decisions.find((d) => d.id === action.decision.id)?.actionId).toBe(action.action!.id);
    expect(row.decisions.find((d) => d.id === first.id)?.status).toBe('done');
    expect(row.generalNotes).toBe('');
    expect(row.agenda.every((i) => !i.notes)).toBe(true);
    expect((await rowsMentioning(pool, NAME)).tables).toEqual({});
    // Notes were not sent at all; the captures and the decision edit were, with the placeholder.
    expect(await auditCount()).toBe(auditBefore + 4);

    // The texts are in the coffre file (encrypted: not in clear on disk), under the server's ids.
    const files = readdirSync(join(coffreDir, 'protected')).map((f) => readFileSync(join(coffreDir, 'protected', f)).toString('latin1'));
    expect(files.some((f) => f.includes(NAME))).toBe(false);
    const entry = (await coffreFromFile()).meetingTexts.find((m) => m.meetingId === secret.id)!;
    expect(entry.agendaNotes[item().id]).toBe(`Notes sur M. ${NAME}`);
    expect(entry.generalNotes).toBe(`Synthèse ${NAME}`);
    expect(entry.decisionTexts).toMatchObject({ [captured.decision.id]: `Orienter M. ${NAME} vers la PJJ`, [action.decision.id]: `Accompagner la famille ${NAME}`, [first.id]: `Texte revu ${NAME}` });

    // Reading the meeting on this desktop merges the coffre's texts back in, as in local mode.
    const shown = value<MeetingDetail>(await alice.invoke('meetings:get', { id: secret.id })).meeting;
    expect(shown.generalNotes).toBe(`Synthèse ${NAME}`);
    expect(shown.agenda.find((i) => i.id === item().id)?.notes).toBe(`Notes sur M. ${NAME}`);
    expect(shown.decisions.find((d) => d.id === captured.decision.id)?.text).toBe(`Orienter M. ${NAME} vers la PJJ`);
    expect(shown.decisions.find((d) => d.id === first.id)?.text).toBe(`Texte revu ${NAME}`);
  });

  it('sends nothing while the coffre is locked, with a French message; the meeting then says its texts are locked', async () => {
    vault.lock();
    try {
      const before = await meetingRow(secret.id);
      const audited = await auditCount();
      for (const [channel, payload] of [
        ['meetings:capture', { meetingId: secret.id, kind: 'decision', text: `Autre décision ${NAME}` }],
        ['meetings:updateDecision', { meetingId: secret.id, decisionId: secret.decisions[0]!.id, text: `Encore ${NAME}`, status: 'open' }],
        ['meetings:saveNotes', { meetingId: secret.id, notes: `Notes ${NAME}` }],
        ['meetings:update', { id: secret.id, patch: { generalNotes: `Synthèse ${NAME} 2`, place: 'Salle B' } }],
      ] as const) {
        const r = await alice.invoke(channel, payload);
        expect(r.ok, channel).toBe(false);
        if (!r.ok) {
          expect(r.error.message).toBe(team.desktop.errors.coffreLocked);
          expect(looksFrench(r.error.message)).toBe(true);
        }
      }
      expect(await meetingRow(secret.id)).toEqual(before);
      expect(await auditCount()).toBe(audited);
      const detail = value<MeetingDetail>(await alice.invoke('meetings:get', { id: secret.id }));
      expect(detail.textsLocked).toBe(true);
      expect(JSON.stringify(detail)).not.toContain(NAME);
    } finally {
      await vault.unlock(PHRASE);
    }
  });

  it('never gives the texts to a colleague: desktop, relevé de décisions, exports', async () => {
    const saved: string[] = [];
    const chloe = await desktop('chloe@valmont.fr', false, saved);
    const detail = value<MeetingDetail>(await chloe.invoke('meetings:get', { id: secret.id }));
    expect(detail.meeting.decisions.length).toBeGreaterThan(secret.decisions.length);
    expect(JSON.stringify(detail)).not.toContain(NAME);
    expect(detail.meeting.decisions.every((d) => d.text === team.confidentialPlaceholder)).toBe(true);
    // A colleague's desktop cannot write texts into its own coffre: refused, nothing sent.
    const typed = await chloe.invoke('meetings:capture', { meetingId: secret.id, kind: 'decision', text: `Décision de Chloé sur ${NAME}` });
    expect(typed.ok).toBe(false);
    expect(JSON.stringify(await chloe.invoke('meetings:decisions', { query: NAME }))).not.toContain(NAME);

    const minutes = value<GeneratedInfo>(await chloe.invoke('documents:minutes', { meetingId: secret.id }));
    const text = pdfText(Buffer.from(documentBytes(minutes.token)), work);
    expect(text).not.toContain(NAME);
    expect(text.replace(/\s+/g, ' ')).toContain('séance confidentielle');
    value(await chloe.invoke('sharing:exportTable', { table: 'decisions', format: 'csv', includeConfidential: true }));
    value(await chloe.invoke('sharing:exportMinutesDocx', { meetingId: secret.id }));
    expect(saved.length).toBe(2);
    expect(readFileSync(saved[0]!, 'utf8')).not.toContain(NAME);
    expect(zipText(readFileSync(saved[1]!))).not.toContain(NAME);
    // Not a member: the meeting is not even served.
    const bruno = await desktop('bruno@valmont.fr', false);
    expect((await bruno.invoke('meetings:get', { id: secret.id })).ok).toBe(false);
    expect((await rowsMentioning(pool, NAME)).total).toBe(0);
  });

  it('makes a meeting holding texts confidential: its texts move into the coffre and none stays on the server', async () => {
    const it0 = open.agenda.find((i) => i.kind === 'item')!;
    value(await alice.invoke('meetings:get', { id: open.id }));
    value(await alice.invoke('meetings:saveNotes', { meetingId: open.id, agendaItemId: it0.id, notes: `Avant bascule ${NAME}` }));
    const dec = value<CaptureResult>(await alice.invoke('meetings:capture', { meetingId: open.id, kind: 'decision', text: `Décision publique ${NAME}` }));
    expect((await rowsMentioning(pool, NAME)).total).toBeGreaterThan(0); // public: on the server, as typed
    // A locked coffre: the switch is refused before anything is sent.
    vault.lock();
    const locked = await alice.invoke('meetings:update', { id: open.id, patch: { confidentiality: 'confidential' } });
    await vault.unlock(PHRASE);
    expect(locked.ok).toBe(false);
    expect((await meetingRow(open.id)).confidentiality).toBe('public');

    const switched = value<Meeting>(await alice.invoke('meetings:update', { id: open.id, patch: { confidentiality: 'confidential' } }));
    expect(switched.confidentiality).toBe('confidential');
    expect(switched.decisions.find((d) => d.id === dec.decision.id)?.text).toBe(`Décision publique ${NAME}`);
    const row = await meetingRow(open.id);
    expect(row.confidentiality).toBe('confidential');
    expect(row.decisions.find((d) => d.id === dec.decision.id)?.text).toBe(team.confidentialPlaceholder);
    expect((await rowsMentioning(pool, NAME)).tables).toEqual({});
    const entry = (await coffreFromFile()).meetingTexts.find((m) => m.meetingId === open.id)!;
    expect(entry.agendaNotes[it0.id]).toBe(`Avant bascule ${NAME}`);
    expect(entry.decisionTexts[dec.decision.id]).toBe(`Décision publique ${NAME}`);
    const shown = value<MeetingDetail>(await alice.invoke('meetings:get', { id: open.id })).meeting;
    expect(shown.agenda.find((i) => i.id === it0.id)?.notes).toBe(`Avant bascule ${NAME}`);
  });

  it('gives the texts back to the server when a meeting stops being confidential before the séance, as local mode does', async () => {
    const created = value<MeetingDetail>(await alice.invoke('meetings:create', { instanceId: open.instanceId, title: 'Réunion préparatoire', date: '2026-12-20', startTime: '09:00' }));
    const m = value<Meeting>(await alice.invoke('meetings:addAgendaItem', { meetingId: created.meeting.id, item: { title: 'Préparation' } }));
    const it0 = m.agenda.find((i) => i.kind === 'item')!;
    value(await alice.invoke('meetings:update', { id: m.id, patch: { confidentiality: 'confidential' } }));
    value(await alice.invoke('meetings:saveNotes', { meetingId: m.id, agendaItemId: it0.id, notes: 'Ordre de passage Ordinaire' }));
    value(await alice.invoke('meetings:update', { id: m.id, patch: { generalNotes: 'Synthèse Ordinaire' } }));
    const dec = value<CaptureResult>(await alice.invoke('meetings:capture', { meetingId: m.id, kind: 'decision', text: 'Décision Ordinaire' }));
    expect((await rowsMentioning(pool, 'Ordinaire')).total).toBe(0);

    const back = value<Meeting>(await alice.invoke('meetings:update', { id: m.id, patch: { confidentiality: 'public' } }));
    expect(back.confidentiality).toBe('public');
    const row = await meetingRow(m.id);
    expect(row.generalNotes).toBe('Synthèse Ordinaire');
    expect(row.agenda.find((i) => i.id === it0.id)?.notes).toBe('Ordre de passage Ordinaire');
    expect(row.decisions.find((d) => d.id === dec.decision.id)?.text).toBe('Décision Ordinaire');
    expect((await coffreFromFile()).meetingTexts.some((t) => t.meetingId === m.id)).toBe(false);
  });

  it('leaves the texts out of the server’s complete backup (the local app’s format), which the coordinator exports', async () => {
    const saved: string[] = [];
    const exporter = await desktop('alice@valmont.fr', true, saved);
    const r = value<{ cancelled: boolean; path: string }>(await exporter.invoke('sharing:exportBackup', undefined));
    expect(r.cancelled).toBe(false);
    const all = zipText(readFileSync(saved[0]!));
    expect(all).toContain(secret.id);
    expect(all).toContain(team.confidentialPlaceholder);
    expect(all).not.toContain(NAME);
  });

  it('sends to the coffre a decision captured in a meeting made confidential elsewhere after it was shown here', async () => {
    const created = value<MeetingDetail>(await alice.invoke('meetings:create', { instanceId: open.instanceId, title: 'Point de situation', date: '2026-12-18', startTime: '10:00' }));
    const other = value<Meeting>(await alice.invoke('meetings:addAgendaItem', { meetingId: created.meeting.id, item: { title: 'Situations' } }));
    const it0 = other.agenda.find((i) => i.kind === 'item')!;
    expect(value<MeetingDetail>(await alice.invoke('meetings:get', { id: other.id })).meeting.confidentiality).toBe('public'); // shown as public here
    const bruno = await desktop('bruno@valmont.fr', false);
    value(await bruno.invoke('meetings:get', { id: other.id }));
    const made = await bruno.invoke('meetings:update', { id: other.id, patch: { confidentiality: 'confidential' } });
    expect(made.ok, JSON.stringify(made)).toBe(true);
    const r = await alice.invoke('meetings:capture', { meetingId: other.id, agendaItemId: it0.id, kind: 'decision', text: `Tardive ${NAME}` });
    expect(r.ok, JSON.stringify(r)).toBe(true);
    expect((await rowsMentioning(pool, NAME)).total).toBe(0);
    const id = value<CaptureResult>(r).decision.id;
    expect((await coffreFromFile()).meetingTexts.find((m) => m.meetingId === other.id)?.decisionTexts[id]).toBe(`Tardive ${NAME}`);
  });
});
