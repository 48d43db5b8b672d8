// Register services over an in-memory protected store: creation rules, status flow, access journal, retention engine, postponements.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setupDemo } from '../../src/main/services/app';
import { createContext, type ServiceContext } from '../../src/main/services/context';
import { nextSituationRef } from '../../src/main/services/meetings/live';
import * as reg from '../../src/main/services/register';
import { meetingDetail } from '../../src/main/services/meetings';
import { generateDocument } from '../../src/main/documents';
import { fr } from '../../src/shared/i18n';
import { formatLongDate } from '../../src/shared/format';
import { pdfText } from './pdf-text';
import { Store } from '../../src/main/store/store';
import { MemoryVault } from '../helpers/memory-vault';

let dir = '';
let store: Store;
let ctx: ServiceContext;
let vault: MemoryVault;
let now = new Date('2026-03-10T10:00:00Z');
let cell = '';

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'clspd-register-'));
  store = Store.open(dir, { owner: 'test' });
  now = new Date('2026-03-10T10:00:00Z');
  ctx = createContext(store, {}, () => now);
  await setupDemo(ctx);
  vault = new MemoryVault();
  ctx.vault = vault;
  cell = store.data.instances.find((i) => i.kind === 'working_group' && i.confidentiality === 'confidential')!.id;
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const input = (over: Partial<Parameters<typeof reg.createSituation>[1]> = {}) => ({
  openedAt: '2026-02-01',
  instanceIds: [cell],
  origin: 'school',
  reason: 'harassment',
  ageBracket: '15_17' as const,
  birthYear: 2010,
  orientations: ['mediation'],
  note: 'Orientation vers la médiation scolaire.',
  ...over,
});

describe('creating a situation', () => {
  it('allocates the next reference shared with the séance inserter, computes the legal end date and never stores the birth year', async () => {
    const s = await reg.createSituation(ctx, input());
    expect(s.reference).toMatch(/^2026-\d{3}$/);
    expect(s.legalEndDate).toBe('2035-01-01');
    expect(JSON.stringify(vault.read())).not.toContain('2010');
    // The séance's inserter now skips that number.
    const next = nextSituationRef(ctx, 2026).ref;
    expect(Number(next.slice(5))).toBeGreaterThan(Number(s.reference.slice(5)));
    expect(vault.read().accessLog.at(-1)).toMatchObject({ action: 'create', reference: s.reference });
    expect(vault.read().accessLog.at(-1)?.user).toBeTruthy();
  });

  it('refuses without changing anything: plenary instance, unknown code, missing or inconsistent birth year, taken reference', async () => {
    const plenary = store.data.instances.find((i) => i.kind === 'plenary')!.id;
    const first = await reg.createSituation(ctx, input());
    const before = JSON.stringify(vault.read());
    const writes = vault.writes;
    await expect(reg.createSituation(ctx, input({ instanceIds: [plenary] }))).rejects.toMatchObject({ field: 'instanceIds' });
    await expect(reg.createSituation(ctx, input({ origin: 'nope' }))).rejects.toMatchObject({ field: 'origin' });
    await expect(reg.createSituation(ctx, input({ orientations: ['mediation', 'zzz'] }))).rejects.toMatchObject({ field: 'orientations.1' });
    await expect(reg.createSituation(ctx, input({ birthYear: undefined }))).rejects.toMatchObject({ field: 'birthYear' });
    await expect(reg.createSituation(ctx, input({ birthYear: 1990 }))).rejects.toMatchObject({ field: 'birthYear' });
    await expect(reg.createSituation(ctx, input({ reference: first.reference }))).rejects.toMatchObject({ code: 'conflict' });
    await expect(reg.createSituation(ctx, input({ openedAt: '2026-12-01' }))).rejects.toMatchObject({ field: 'openedAt' });
    expect(JSON.stringify(vault.read())).toBe(before);
    expect(vault.writes).toBe(writes);
  });

  it('an adult without a birth year has no 25-year limit', async () => {
    const s = await reg.createSituation(ctx, input({ ageBracket: '25_plus', birthYear: undefined }));
    expect(s.legalEndDate).toBeUndefined();
    expect(reg.situationNextStep(s)).toBeUndefined();
  });

  it('refuses while the protected store is locked', async () => {
    vault.state = 'locked';
    await expect(reg.createSituation(ctx, input())).rejects.toMatchObject({ code: 'locked' });
  });
});

describe('status and consultation', () => {
  it('open → en suivi → close with a reason; archived situations only with a logged reason and read-only', async () => {
    const s = await reg.createSituation(ctx, input());
    await reg.setSituationStatus(ctx, { id: s.id, status: 'in_follow_up' });
    await expect(reg.setSituationStatus(ctx, { id: s.id, status: 'closed' })).rejects.toMatchObject({ field: 'closureReason' });
    const closed = await reg.setSituationStatus(ctx, { id: s.id, status: 'closed', closureReason: 'resolved', closedAt: '2026-03-01' });
    expect(closed.closedAt).toBe('2026-03-01');
    // 30 days later the engine archives it.
    now = new Date('2026-04-02T08:00:00Z');
    const r = await reg.applyRetention(ctx);
    expect(r.counts.archived).toBe(1);
    expect(vault.read().situations[0].status).toBe('archived');
    await expect(reg.getSituationDetail(ctx, s.id)).rejects.toMatchObject({ field: 'reason' });
    const d = await reg.getSituationDetail(ctx, s.id, 'Demande du juge des enfants');
    expect(d.situation.reference).toBe(s.reference);
    expect(vault.read().accessLog.at(-1)).toMatchObject({ action: 'consult_archived', reason: 'Demande du juge des enfants' });
    await expect(reg.updateSituation(ctx, s.id, { note: 'x' })).rejects.toMatchObject({ code: 'locked' });
    // Archiving is not a purge: nothing in the registre des purges yet.
    expect(store.data.purgeLog).toHaveLength(0);
  });

  it('lists decisions of meetings that cite the reference', async () => {
    const s = await reg.createSituation(ctx, input());
    const m = store.data.meetings.find((x) => x.instanceId === cell)!;
    await store.update((data) => {
      data.meetings.find((x) => x.id === m.id)!.decisions.push({ id: 'dec_t', kind: 'decision', text: 'Orientation', situationRef: s.reference, status: 'open', createdAt: '2026-02-02T10:00:00Z' });
    });
    const d = await reg.getSituationDetail(ctx, s.id);
    expect(d.decisions.map((x) => x.id)).toContain('dec_t');
  });
});

describe('retention engine', () => {
  it('destroys at the 25-year limit and after 3 years of archive, logs counts only, and a dry run writes nothing', async () => {
    const young = await reg.createSituation(ctx, input({ ageBracket: '22_24', birthYear: 2003, openedAt: '2026-01-05' }));
    const old = await reg.createSituation(ctx, input({ ageBracket: '25_plus', birthYear: undefined }));
    await reg.setSituationStatus(ctx, { id: old.id, status: 'closed', closureReason: 'moved', closedAt: '2026-03-01' });
    now = new Date('2026-06-01T08:00:00Z');
    await reg.applyRetention(ctx); // archive
    const plan = reg.planRetention(ctx, '2029-03-02');
    expect(plan.due.filter((x) => x.kind === 'situation').map((x) => [x.targetId, x.rule]).sort()).toEqual([[young.id, 'age_25'], [old.id, 'retention']].sort());
    const disk = JSON.stringify(store.data);
    const v = JSON.stringify(vault.read());
    expect(JSON.stringify(store.data)).toBe(disk);
    expect(JSON.stringify(vault.read())).toBe(v);
    const applied = await reg.applyRetention(ctx, '2029-03-02');
    expect(applied.counts.situations).toBe(2);
    expect(vault.read().situations).toHaveLength(0);
    const log = store.data.purgeLog;
    expect(log.filter((e) => e.kind !== 'meeting_texts').map((e) => [e.kind, e.rule, e.count]).sort()).toEqual([['situation', 'age_25', 1], ['situation_archived', 'retention', 1]].sort());
    expect(JSON.stringify(log)).not.toContain(young.reference);
  });

  it('postpones only with a reason, within 90 days, never past the 25-year limit', async () => {
    const s = await reg.createSituation(ctx, input({ ageBracket: '25_plus', birthYear: undefined }));
    await reg.setSituationStatus(ctx, { id: s.id, status: 'closed', closureReason: 'resolved', closedAt: '2026-03-01' });
    const up = reg.planRetention(ctx).upcoming.find((x) => x.targetId === s.id)!;
    expect(up.date).toBe('2026-03-31');
    await expect(reg.postponePurge(ctx, { kind: 'situation', targetId: s.id, until: '2026-04-15', reason: ' ' })).rejects.toMatchObject({ field: 'reason' });
    await expect(reg.postponePurge(ctx, { kind: 'situation', targetId: s.id, until: '2026-12-31', reason: 'Audience prévue' })).rejects.toMatchObject({ field: 'until' });
    await reg.postponePurge(ctx, { kind: 'situation', targetId: s.id, until: '2026-04-15', reason: 'Audience prévue' });
    expect(reg.planRetention(ctx, '2026-04-01').due).toHaveLength(0);
    expect(vault.read().accessLog.at(-1)).toMatchObject({ action: 'postpone', reason: 'Audience prévue' });
    const young = await reg.createSituation(ctx, input({ ageBracket: '22_24', birthYear: 2002, openedAt: '2026-01-05' }));
    now = new Date('2026-12-20T08:00:00Z');
    await expect(reg.postponePurge(ctx, { kind: 'situation', targetId: young.id, until: '2027-01-10', reason: 'x' })).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('purges the texts of confidential meetings after the set duration, keeping the meeting and its decisions', async () => {
    const m = store.data.meetings.find((x) => x.confidentiality === 'confidential' && x.status !== 'draft' && x.decisions.length)!;
    await store.update((d) => {
      d.meetings.find((x) => x.id === m.id)!.generalNotes = 'TEXTE-A-PURGER';
    });
    const when = reg.meetingTextsDestroyDate(m.date, 3);
    expect(reg.planRetention(ctx, when).due.some((x) => x.targetId === m.id)).toBe(true);
    await reg.applyRetention(ctx, when);
    const after = store.data.meetings.find((x) => x.id === m.id)!;
    expect(after.generalNotes).toBe('');
    expect(after.decisions.length).toBe(m.decisions.length);
    expect(JSON.stringify(store.data)).not.toContain('TEXTE-A-PURGER');
    expect(store.data.purgeLog.some((e) => e.kind === 'meeting_texts')).toBe(true);
    // A second run finds nothing more to purge for that meeting.
    expect(reg.planRetention(ctx, when).due.some((x) => x.targetId === m.id)).toBe(false);
  });

  it('a purge of texts held in the coffre marks the meeting (textsPurgedAt): its page and its relevé say so', async () => {
    const m = store.data.meetings.find((x) => x.confidentiality === 'confidential' && x.status !== 'draft' && x.decisions.length)!;
    await store.update((d) => {
      const x = d.meetings.find((y) => y.id === m.id)!;
      x.generalNotes = '';
      for (const i of x.agenda) i.notes = '';
      for (const dec of x.decisions) dec.text = '';
    });
    await vault.update((d) => {
      d.meetingTexts.push({ meetingId: m.id, meetingDate: m.date, generalNotes: 'NOTE-DU-COFFRE', agendaNotes: {}, decisionTexts: Object.fromEntries(m.decisions.map((dec) => [dec.id, 'DECISION-DU-COFFRE'])), updatedAt: m.updatedAt });
    });
    const when = reg.meetingTextsDestroyDate(m.date, 3);
    await reg.applyRetention(ctx, when);
    const after = store.data.meetings.find((x) => x.id === m.id)!;
    expect(after.textsPurgedAt).toBe(when);
    expect(vault.read().meetingTexts.some((x) => x.meetingId === m.id)).toBe(false);
    const detail = meetingDetail(ctx, m.id);
    expect(detail.meeting.textsPurgedAt).toBe(when);
    expect(detail.meeting.decisions.every((dec) => dec.text === fr.register.purgedText)).toBe(true);
    const pdf = await generateDocument('minutes', store.data, { meetingId: m.id });
    const text = await pdfText(pdf.bytes);
    expect(text).toContain(fr.documents.minutes.textsPurged(formatLongDate(when)));
    expect(text).not.toContain('DU-COFFRE');
  });
});

describe('copies and reminders', () => {
  it('records a backup exported outside the folder with the date its earliest content expires', async () => {
    await reg.createSituation(ctx, input({ ageBracket: '22_24', birthYear: 2004, openedAt: '2026-01-05' }));
    await reg.recordBackupExport(ctx, '/media/usb/clspd-sauvegarde.json');
    const b = store.data.backupExports?.at(-1);
    expect(b?.fileName).toBe('clspd-sauvegarde.json');
    expect(b?.destroyBy && b.destroyBy <= '2029-01-01').toBe(true);
    expect(reg.dpoJournal(ctx).backups[0].fileName).toBe('clspd-sauvegarde.json');
  });
  it('lists purges due within 30 days in « À faire maintenant », linking to the register', async () => {
    const { collectReminders } = await import('../../src/main/services/reminders');
    const s = await reg.createSituation(ctx, input({ ageBracket: '25_plus', birthYear: undefined }));
    await reg.setSituationStatus(ctx, { id: s.id, status: 'closed', closureReason: 'resolved', closedAt: '2026-03-01' });
    const r = collectReminders(ctx, '2026-03-10').find((x) => x.id === `purge:situation:${s.id}`);
    expect(r).toMatchObject({ kind: 'purge_upcoming', link: { screen: 'register', id: s.id } });
    expect(r?.title).toContain(s.reference);
    vault.state = 'locked';
    expect(collectReminders(ctx, '2026-03-10').some((x) => x.id === `purge:situation:${s.id}`)).toBe(false);
  });
});

describe('statistics and lists', () => {
  it('counts by status, origin, reason, bracket and year', async () => {
    await reg.createSituation(ctx, input());
    await reg.createSituation(ctx, input({ origin: 'police' }));
    const st = reg.registerStats(store.data, vault.read());
    expect(st.total).toBe(2);
    expect(st.byOrigin.find((l) => l.code === 'school')?.count).toBe(1);
    expect(st.byStatus.find((l) => l.code === 'open')?.count).toBe(2);
    expect(st.byYear).toEqual([{ code: '2026', label: '2026', count: 2 }]);
  });
  it('a used code can be retired but not removed; retired codes are refused for new situations', async () => {
    await reg.createSituation(ctx, input());
    const origins = reg.registerSettingsOf(store.data).origins;
    await expect(reg.updateRegisterList(ctx, { list: 'origins', items: origins.filter((o) => o.code !== 'school') })).rejects.toMatchObject({ code: 'conflict' });
    await reg.updateRegisterList(ctx, { list: 'origins', items: origins.map((o) => (o.code === 'school' ? { ...o, retired: true } : o)) });
    await expect(reg.createSituation(ctx, input())).rejects.toMatchObject({ field: 'origin' });
  });
});
