// On a real PostgreSQL: a closed period's archive is served to a staff account with the same confidential rule as the live document.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { addUser, setConfidentialMembers } from '../../src/main/server/accounts';
import { migrateDatabase } from '../../src/main/server/db/migrations';
import { buildServer } from '../../src/main/server/http';
import { TeamStore } from '../../src/main/server/team-store';
import { withoutConfidentialTexts } from '../../src/main/server/transfer';
import { buildDemoDatastore } from '../../src/main/services/demo';
import type { ArchivedMeetingRow } from '../../src/shared/contract/meetings';
import type { ArchiveFile, Datastore } from '../../src/shared/model';
import { createTestDatabase, type TestDatabase } from '../helpers/pg';

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
const tokens: Record<Who, string> = { coord: '', staff: '', member: '' };

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
});
