// On a real PostgreSQL: a closed period's archive is served to a staff account with the same confidential rule as the live document.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { addUser, setConfidentialMembers } from '../../src/main/server/accounts';
import { migrateDatabase } from '../../src/main/server/db/migrations';
import { buildServer } from '../../src/main/server/http';
import { TeamStore } from '../../src/main/server/team-store';
import { withoutConfidentialTexts } from '../../src/main/server/transfer';
import { buildDemoDatastore } from '../../src/main/services/demo';
import type { GeneratedInfo } from '../../src/shared/contract/documents';
import type { ArchivedMeetingRow } from '../../src/shared/contract/meetings';
import type { ArchiveFile, Datastore } from '../../src/shared/model';
import { createTestDatabase, type TestDatabase } from '../helpers/pg';
import { pdfText } from '../helpers/export-sweep';

process.env.CLSPD_TEST_FAST_KDF = '1';
const NOW = new Date('2026-11-20T10:00:00Z');
const PASSWORD = 'un mot de passe solide';
const ACTION_TITLE = 'Accompagnement Zéphyrine hors les murs';
const skip = Boolean(process.env.CLSPD_TEST_NO_DATABASE);
type Who = 'coord' | 'staff' | 'member';
let db: TestDatabase;
let pool: pg.Pool;
let store: TeamStore;
let app: FastifyInstance;
let demo: Datastore;
let periodId = '';
/** The confidential instance the member is named in (the staff account is not) and its meetings in the closed period. */
let cellId = '';
let cellMeetings: Datastore['meetings'] = [];
const scratch = mkdtempSync(join(tmpdir(), 'clspd-archive-view-'));
const tokens: Record<Who, string> = { coord: '', staff: '', member: '' };
const GONE_INSTANCE = 'inst_cellule_dissoute';
const GONE_MEETING = 'mtg_cellule_dissoute';
const GONE_TITLE = 'Séance Zéphyrine de la cellule dissoute';

/** The text of a PDF the server generated for `who` (fetched like a client, by its token). */
async function pdfOf(who: Who, channel: string, payload: unknown): Promise<string> {
  const info = await value<GeneratedInfo>(who, channel, payload);
  const r = await app.inject({ method: 'GET', url: `/api/downloads/${info.token}`, headers: { authorization: `Bearer ${tokens[who]}` } });
  expect(r.statusCode).toBe(200);
  return pdfText(r.rawPayload, scratch);
}

async function call(who: Who, channel: string, payload: unknown) {
  const [domain, verb] = channel.split(':');
  const r = await app.inject({
    method: 'POST',
    url: `/api/${domain}/${verb}`,
    headers: { authorization: `Bearer ${tokens[who]}`, 'content-type': 'application/json' },
    payload: JSON.stringify(payload),
  });
  return { status: r.statusCode, body: r.json<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }>() };
}

async function value<T>(who: Who, channel: string, payload: unknown): Promise<T> {
  const r = await call(who, channel, payload);
  expect(r.body.ok, `${who} ${channel}: ${JSON.stringify(r.body).slice(0, 300)}`).toBe(true);
  return r.body.value as T;
}

beforeAll(async () => {
  if (skip) return;
  db = await createTestDatabase(process.env.CLSPD_TEST_DATABASE_URL!);
  pool = new pg.Pool({ connectionString: db.url, max: 4 });
  await migrateDatabase(pool);
  demo = withoutConfidentialTexts(buildDemoDatastore(NOW));
  periodId = demo.settings.activePeriodId!;
  const period = demo.periods.find((p) => p.id === periodId)!;
  const inPeriod = (m: Datastore['meetings'][number]) => Number(m.date.slice(0, 4)) >= period.startYear && Number(m.date.slice(0, 4)) <= period.endYear;
  const cell = demo.instances.find((i) => i.confidentiality === 'confidential' && demo.meetings.some((m) => m.instanceId === i.id && inPeriod(m)))!;
  cellId = cell.id;
  cellMeetings = demo.meetings.filter((m) => m.instanceId === cellId && inPeriod(m));
  // A confidential action of the period followed by the cell: only its members may find it in the archive.
  const action = demo.actions.find((a) => a.periodId === periodId)!;
  Object.assign(action, { title: ACTION_TITLE, confidentiality: 'confidential', followingInstanceId: cellId });
  // A meeting of the period whose instance is later removed from the live document: held « restreinte » before its
  // instance was made confidential, so nothing of its own says it is confidential any more.
  demo.instances.push({ ...cell, id: GONE_INSTANCE, name: 'Cellule dissoute', confidentiality: 'restricted', rulesVersions: undefined, charterReviews: undefined });
  demo.meetings.push({ ...cellMeetings[0]!, id: GONE_MEETING, instanceId: GONE_INSTANCE, title: GONE_TITLE, confidentiality: 'restricted', status: 'validated', agenda: [], invitees: [], attendance: [], decisions: [], generalNotes: '', currentAgendaItemId: undefined });
  store = new TeamStore(pool);
  await store.load();
  await store.write(async () => store.initialise(demo), { userId: 'setup', displayName: 'Installation' }, 'app:demo');
  const users: Record<Who, string> = { coord: '', staff: '', member: '' };
  for (const [who, role] of [['coord', 'coordinator'], ['staff', 'staff'], ['member', 'staff']] as const) {
    users[who] = (await addUser(pool, { email: `${who}@valmont.fr`, displayName: who, role, password: PASSWORD })).account.id;
  }
  await setConfidentialMembers(pool, cellId, [users.member]);
  app = await buildServer({ pool, store, now: () => NOW });
  for (const who of ['coord', 'staff', 'member'] as const) {
    const r = await app.inject({ method: 'POST', url: '/api/session', payload: { email: `${who}@valmont.fr`, password: PASSWORD } });
    tokens[who] = r.json<{ token: string }>().token;
  }
  await value('coord', 'strategy:closePeriod', { id: periodId });
  await store.write(async () => store.update((d) => void (d.instances = d.instances.filter((i) => i.id !== GONE_INSTANCE))), { userId: users.coord, displayName: 'coord' }, 'test:removeInstance');
  // Named for the removed instance: the member (the staff account is not).
  await setConfidentialMembers(pool, GONE_INSTANCE, [users.member]);
}, 120_000);

afterAll(async () => {
  if (skip) return;
  await app?.close();
  await store?.close();
  await pool?.end();
  await db?.drop();
});

describe.skipIf(skip)('archived periods on the team server', () => {
  it('the period is archived with the cell’s meetings and the confidential action (the fixture holds what is tested)', async () => {
    expect(cellMeetings.length).toBeGreaterThan(0);
    const archive = await value<ArchiveFile>('coord', 'strategy:archive', { id: periodId });
    expect(archive.meetings.filter((m) => m.instanceId === cellId).length).toBe(cellMeetings.length);
    expect(archive.actions.some((a) => a.title === ACTION_TITLE)).toBe(true);
  });

  it('a staff account not named in the cell gets none of its archived meetings, titles or confidential action', async () => {
    const ids = new Set(cellMeetings.map((m) => m.id));
    const rows = await value<ArchivedMeetingRow[]>('staff', 'meetings:archived', { periodId });
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.filter((r) => ids.has(r.id))).toEqual([]);
    expect(JSON.stringify(rows)).not.toContain(cellMeetings[0]!.title);
    const archive = await value<ArchiveFile>('staff', 'strategy:archive', { id: periodId });
    expect(archive.meetings.filter((m) => ids.has(m.id) || m.confidentiality === 'confidential')).toEqual([]);
    expect(archive.actions.some((a) => a.title === ACTION_TITLE)).toBe(false);
    expect(await value('staff', 'strategy:searchArchives', { query: 'Zéphyrine' })).toEqual([]);
    for (const m of cellMeetings) {
      const detail = await call('staff', 'meetings:archivedGet', { periodId, id: m.id });
      expect(detail.body.ok).toBe(false);
      expect(detail.body.error?.code).toBe('not_found');
      // A document that reads archives (the relevé of an archived meeting) finds nothing either.
      const doc = await call('staff', 'documents:minutes', { meetingId: m.id });
      expect(doc.body.ok).toBe(false);
      expect(JSON.stringify(doc.body)).not.toContain(m.title);
    }
  });

  it('a member of the cell and the coordinator still see them', async () => {
    const m = cellMeetings[0]!;
    for (const who of ['member', 'coord'] as const) {
      const rows = await value<ArchivedMeetingRow[]>(who, 'meetings:archived', { periodId });
      const archive = await value<ArchiveFile>(who, 'strategy:archive', { id: periodId });
      const live = new Set(store.data.meetings.map((x) => x.id));
      expect(archive.meetings.filter((x) => x.instanceId === cellId).length).toBe(cellMeetings.length);
      expect(rows.filter((r) => cellMeetings.some((c) => c.id === r.id)).length).toBe(cellMeetings.filter((c) => !live.has(c.id)).length);
      expect((await value<unknown[]>(who, 'strategy:searchArchives', { query: 'Zéphyrine' })).length).toBe(1);
      const detail = await value<{ meeting: { title: string } }>(who, 'meetings:archivedGet', { periodId, id: m.id });
      expect(detail.meeting.title).toBe(m.title);
    }
  });

  it('documents of the closed period leave out what the account may not see: plan, dashboard, fiche, convocation', async () => {
    const period = demo.periods.find((p) => p.id === periodId)!;
    const action = demo.actions.find((a) => a.title === ACTION_TITLE)!;
    // The coordinator's plan of the closed period names the confidential action (the fixture holds what is tested).
    expect(await pdfOf('coord', 'documents:plan', { periodId, includeConfidential: true })).toContain('Zéphyrine');
    for (const [channel, payload] of [
      ['documents:plan', { periodId, includeConfidential: true }],
      ['documents:plan', { periodId }],
      ['documents:dashboard', { year: period.startYear, includeConfidential: true }],
    ] as const) {
      const text = await pdfOf('staff', channel, payload);
      expect(text.length, channel).toBeGreaterThan(100);
      expect(text, channel).not.toContain('Zéphyrine');
      for (const m of cellMeetings) expect(text, channel).not.toContain(m.title);
    }
    for (const [channel, payload] of [
      ['documents:fiche', { actionId: action.id }],
      ['documents:convocation', { meetingId: cellMeetings.find((m) => !store.data.meetings.some((x) => x.id === m.id))!.id }],
    ] as const) {
      const r = await call('staff', channel, payload);
      expect(r.body.ok, channel).toBe(false);
      expect(JSON.stringify(r.body), channel).not.toContain('Zéphyrine');
    }
  });

  it('an archived meeting whose instance was removed is served only to an account named for it, and to the coordinator', async () => {
    expect(store.data.instances.some((i) => i.id === GONE_INSTANCE)).toBe(false);
    expect(store.data.meetings.some((m) => m.id === GONE_MEETING)).toBe(false);
    const rows = await value<ArchivedMeetingRow[]>('staff', 'meetings:archived', { periodId });
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toContain(GONE_TITLE);
    const archive = await value<ArchiveFile>('staff', 'strategy:archive', { id: periodId });
    expect(archive.meetings.some((m) => m.id === GONE_MEETING)).toBe(false);
    expect((await call('staff', 'meetings:archivedGet', { periodId, id: GONE_MEETING })).body.error?.code).toBe('not_found');
    for (const channel of ['documents:minutes', 'documents:convocation', 'documents:emargement']) {
      const r = await call('staff', channel, { meetingId: GONE_MEETING });
      expect(r.body.ok, channel).toBe(false);
      expect(JSON.stringify(r.body), channel).not.toContain(GONE_TITLE);
    }
    for (const who of ['member', 'coord'] as const) {
      expect((await value<ArchiveFile>(who, 'strategy:archive', { id: periodId })).meetings.some((m) => m.id === GONE_MEETING), who).toBe(true);
      expect((await value<{ meeting: { title: string } }>(who, 'meetings:archivedGet', { periodId, id: GONE_MEETING })).meeting.title).toBe(GONE_TITLE);
    }
  });
});
