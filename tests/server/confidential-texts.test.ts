// On a real PostgreSQL: the team server refuses every write that would store a confidential meeting's texts, and keeps its other writes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { addUser } from '../../src/main/server/accounts';
import { migrateDatabase } from '../../src/main/server/db/migrations';
import { buildServer } from '../../src/main/server/http';
import { TeamStore } from '../../src/main/server/team-store';
import { withoutConfidentialTexts } from '../../src/main/server/transfer';
import { buildDemoDatastore } from '../../src/main/services/demo';
import { confidentialTextRefusal } from '../../src/shared/confidential-texts';
import type { Datastore, Meeting } from '../../src/shared/model';
import { looksFrench } from '../helpers/fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/pg';

process.env.CLSPD_TEST_FAST_KDF = '1';
const NOW = new Date('2026-11-20T10:00:00Z');
const PASSWORD = 'un mot de passe solide';
const SECRET = 'Situation de M. Xavier Secret';
let db: TestDatabase;
let pool: pg.Pool;
let store: TeamStore;
let app: FastifyInstance;
let demo: Datastore;
let token = '';
let secret: Meeting;
let open: Meeting;
/** For the confidential and the ordinary meeting: a later meeting of the same kind and a decision it follows up. */
const follows = new Map<string, { meetingId: string; decisionId: string }>();

async function call(channel: string, payload: unknown) {
  const [domain, verb] = channel.split(':');
  return app.inject({
    method: 'POST',
    url: `/api/${domain}/${verb}`,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    payload: JSON.stringify(payload),
  });
}

/** A write the server accepted and carried out (a refused channel answers 200 with ok: false). */
async function accepted(channel: string, payload: unknown): Promise<void> {
  const r = await call(channel, payload);
  expect(r.statusCode, `${channel}: ${r.body}`).toBe(200);
  expect(r.json<{ ok: boolean }>().ok, `${channel}: ${r.body}`).toBe(true);
}

async function meetingRow(id: string): Promise<Meeting> {
  const r = await pool.query<{ payload: Meeting }>("SELECT payload FROM entities WHERE collection = 'meetings' AND id = $1", [id]);
  return r.rows[0]!.payload;
}

/** Rows of the whole database (entities, archives, audit) whose content mentions the text. */
async function rowsHolding(text: string): Promise<number> {
  const like = `%${text}%`;
  const r = await pool.query<{ n: string }>(
    `SELECT (SELECT count(*) FROM entities WHERE payload::text LIKE $1)
          + (SELECT count(*) FROM audit_log WHERE row_to_json(audit_log)::text LIKE $1) AS n`,
    [like],
  );
  return Number(r.rows[0]!.n);
}

/** Every write that carries a typed text of meeting `m` (its first agenda item and decision; a follow-up comment in a meeting of the same kind). */
function textWrites(m: Meeting, tag: string): [string, unknown][] {
  const item = m.agenda.find((i) => i.kind === 'item')!;
  const decision = m.decisions[0]!;
  const followed = follows.get(m.id)!;
  return [
    ['meetings:capture', { meetingId: m.id, agendaItemId: item.id, kind: 'decision', text: `${SECRET} ${tag} décision` }],
    ['meetings:capture', { meetingId: m.id, kind: 'action', text: `${SECRET} ${tag} action` }],
    ['meetings:updateDecision', { meetingId: m.id, decisionId: decision.id, text: `${SECRET} ${tag} texte` }],
    ['meetings:updateFollowUp', { ...followed, comment: `${SECRET} ${tag} suivi` }],
    ['meetings:update', { id: m.id, patch: { generalNotes: `${SECRET} ${tag} notes générales` } }],
    ['meetings:saveNotes', { meetingId: m.id, agendaItemId: item.id, notes: `${SECRET} ${tag} notes` }],
    ['meetings:addAgendaItem', { meetingId: m.id, item: { title: 'Point ajouté', chairNotes: `${SECRET} ${tag} présidence` } }],
    ['meetings:updateAgendaItem', { meetingId: m.id, agendaItemId: item.id, patch: { chairNotes: `${SECRET} ${tag} présidence 2` } }],
  ];
}

const skip = Boolean(process.env.CLSPD_TEST_NO_DATABASE);

beforeAll(async () => {
  if (skip) return;
  db = await createTestDatabase(process.env.CLSPD_TEST_DATABASE_URL!);
  pool = new pg.Pool({ connectionString: db.url, max: 5 });
  await migrateDatabase(pool);
  store = new TeamStore(pool);
  await store.load();
  // As `clspd server import` loads it: the confidential meetings' texts left out.
  demo = withoutConfidentialTexts(buildDemoDatastore(NOW));
  await store.write(async () => store.initialise(demo), { userId: 'setup', displayName: 'Installation' }, 'app:demo');
  await addUser(pool, { email: 'coord@valmont.fr', displayName: 'Coordination', role: 'coordinator', password: PASSWORD });
  app = await buildServer({ pool, store, now: () => NOW });
  const r = await app.inject({ method: 'POST', url: '/api/session', payload: { email: 'coord@valmont.fr', password: PASSWORD } });
  expect(r.statusCode, r.body).toBe(200);
  token = r.json<{ token: string }>().token;
  const held = (m: Meeting) => m.status === 'held' && m.decisions.length > 0 && m.agenda.some((i) => i.kind === 'item');
  secret = demo.meetings.find((m) => m.confidentiality === 'confidential' && held(m))!;
  open = demo.meetings.find((m) => m.confidentiality !== 'confidential' && held(m))!;
  // A follow-up is written from a later meeting on an earlier meeting's decision: a next meeting of each instance.
  for (const m of [secret, open]) {
    const next = await call('meetings:create', { instanceId: m.instanceId, title: 'Réunion suivante', date: '2026-12-10', startTime: '14:00', confidentiality: m.confidentiality });
    expect(next.json<{ ok: boolean }>().ok, next.body).toBe(true);
    const meetingId = next.json<{ ok: true; value: { meeting: { id: string } } }>().value.meeting.id;
    const rows = await call('meetings:followUp', { meetingId });
    const first = rows.json<{ ok: true; value: { decision: { id: string } }[] }>().value[0];
    if (first) follows.set(m.id, { meetingId, decisionId: first.decision.id });
  }
  expect(follows.size).toBe(2);
  expect(secret && open).toBeTruthy();
});

afterAll(async () => {
  if (skip) return;
  await app?.close();
  await pool?.end();
  await store?.close();
  await db?.drop();
});

describe.skipIf(skip)('confidential meeting texts on the team server', () => {
  it('refuses every write carrying a text of a confidential meeting, in French, and stores none of it', async () => {
    const before = await meetingRow(secret.id);
    const auditedBefore = await pool.query('SELECT count(*) AS n FROM audit_log');
    const actions = await pool.query("SELECT count(*) AS n FROM entities WHERE collection = 'actions'");
    for (const [channel, payload] of textWrites(secret, 'conf')) {
      const r = await call(channel, payload);
      expect(r.statusCode, `${channel}: ${r.body}`).toBe(403);
      const message = r.json<{ error: { message: string } }>().error.message;
      expect(looksFrench(message), message).toBe(true);
      expect(message).toMatch(/réunion confidentielle.*coffre de la coordination/);
    }
    // Making a meeting confidential and writing its general notes in the same request: refused as well.
    const r = await call('meetings:update', { id: open.id, patch: { confidentiality: 'confidential', generalNotes: `${SECRET} bascule` } });
    expect(r.statusCode).toBe(403);
    expect(await meetingRow(secret.id)).toEqual(before);
    expect((await meetingRow(open.id)).confidentiality).toBe(open.confidentiality);
    expect(await rowsHolding(SECRET)).toBe(0);
    expect((await pool.query("SELECT count(*) AS n FROM entities WHERE collection = 'actions'")).rows).toEqual(actions.rows);
    expect((await pool.query('SELECT count(*) AS n FROM audit_log')).rows).toEqual(auditedBefore.rows);
  });

  it('still records what the server may know of a confidential meeting: decision status, follow-up without comment, a plain agenda item', async () => {
    const decision = secret.decisions[0]!;
    const followed = follows.get(secret.id)!;
    await accepted('meetings:updateFollowUp', { ...followed, status: 'cancelled' });
    const source = (await pool.query<{ payload: Meeting }>("SELECT payload FROM entities WHERE collection = 'meetings' AND payload->'decisions' @> $1::jsonb", [JSON.stringify([{ id: followed.decisionId }])])).rows[0]!.payload;
    expect(source.decisions.find((d) => d.id === followed.decisionId)?.status).toBe('cancelled');
    await accepted('meetings:updateDecision', { meetingId: secret.id, decisionId: decision.id, status: 'done' });
    await accepted('meetings:addAgendaItem', { meetingId: secret.id, item: { title: 'Point divers', chairNotes: '' } });
    const row = await meetingRow(secret.id);
    expect(row.decisions.find((d) => d.id === decision.id)?.status).toBe('done');
    expect(row.agenda.some((i) => i.title === 'Point divers')).toBe(true);
    expect(await rowsHolding(SECRET)).toBe(0);
  });

  it('leaves meetings that are not confidential unaffected: the same writes are stored', async () => {
    for (const [channel, payload] of textWrites(open, 'public')) await accepted(channel, payload);
    const row = await meetingRow(open.id);
    expect(row.generalNotes).toBe(`${SECRET} public notes générales`);
    expect(row.decisions.map((d) => d.text)).toEqual(expect.arrayContaining([`${SECRET} public décision`, `${SECRET} public texte`]));
    expect(row.agenda.find((i) => i.kind === 'item')?.notes).toBe(`${SECRET} public notes`);
    expect(await rowsHolding(`${SECRET} public suivi`)).toBeGreaterThan(0);
    expect(await rowsHolding(`${SECRET} public action`)).toBeGreaterThan(0);
  });

  it('is one check shared with the desktop: a meeting not known there is judged by the server', () => {
    const known = new Map([secret, open].flatMap((m) => [[m.id, m.confidentiality], [follows.get(m.id)!.meetingId, m.confidentiality]] as const));
    const lookup = { meeting: (id: string) => known.get(id) };
    for (const [channel, payload] of textWrites(secret, 'x')) expect(confidentialTextRefusal(channel, payload, lookup)).toMatch(/coffre/);
    for (const [channel, payload] of textWrites(open, 'x')) expect(confidentialTextRefusal(channel, payload, lookup)).toBeUndefined();
    expect(confidentialTextRefusal('meetings:capture', { meetingId: 'mtg_unknown', kind: 'decision', text: 'x' }, lookup)).toBeUndefined();
    expect(confidentialTextRefusal('meetings:updateDecision', { meetingId: secret.id, decisionId: 'd', status: 'done' }, lookup)).toBeUndefined();
    // A follow-up comment written from an ordinary meeting on a decision taken in a confidential one.
    const comment = { meetingId: open.id, decisionId: 'dec_secret', comment: 'Suivi' };
    expect(confidentialTextRefusal('meetings:updateFollowUp', comment, lookup)).toBeUndefined();
    expect(confidentialTextRefusal('meetings:updateFollowUp', comment, { ...lookup, decision: (id) => (id === 'dec_secret' ? 'confidential' : 'public') })).toMatch(/coffre/);
  });
});
