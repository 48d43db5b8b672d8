// On a real PostgreSQL, two server processes: confidentiality is judged on the caught-up state, and a meeting holding texts
// becomes confidential only from the coordinator's desktop, which has moved the texts into its coffre (none left on the server).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { addUser } from '../../src/main/server/accounts';
import { migrateDatabase } from '../../src/main/server/db/migrations';
import { buildServer } from '../../src/main/server/http';
import { TeamStore } from '../../src/main/server/team-store';
import { withoutConfidentialTexts } from '../../src/main/server/transfer';
import { buildDemoDatastore } from '../../src/main/services/demo';
import { HANDOVER_HEADER, handoverValue } from '../../src/main/team/handover';
import { meetingSecretTexts, meetingSideTexts } from '../../src/shared/confidential-texts';
import { team } from '../../src/shared/i18n/team';
import type { Datastore, Meeting } from '../../src/shared/model';
import { looksFrench } from '../helpers/fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/pg';
import { rowsMentioning } from '../helpers/pg-scan';

process.env.CLSPD_TEST_FAST_KDF = '1';
const NOW = new Date('2026-11-20T10:00:00Z');
const PASSWORD = 'un mot de passe solide';
const SECRET = 'Situation de Mme Yvonne Bascule';
const skip = Boolean(process.env.CLSPD_TEST_NO_DATABASE);
let db: TestDatabase;
let pool: pg.Pool;
/** Two server processes on one database (no NOTIFY listener: each catches up only when a request arrives). */
const procs: { store: TeamStore; app: FastifyInstance }[] = [];
let demo: Datastore;
const tokens: Record<'coord' | 'staff', string> = { coord: '', staff: '' };

async function call(p: 0 | 1, who: 'coord' | 'staff', channel: string, payload: unknown, headers: Record<string, string> = {}) {
  const [domain, verb] = channel.split(':');
  const r = await procs[p]!.app.inject({
    method: 'POST',
    url: `/api/${domain}/${verb}`,
    headers: { authorization: `Bearer ${tokens[who]}`, 'content-type': 'application/json', ...headers },
    payload: JSON.stringify(payload),
  });
  return { status: r.statusCode, body: r.json<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }>() };
}

async function accepted(p: 0 | 1, channel: string, payload: unknown, headers?: Record<string, string>): Promise<unknown> {
  const r = await call(p, 'coord', channel, payload, headers);
  expect(r.status, `${channel}: ${JSON.stringify(r.body)}`).toBe(200);
  expect(r.body.ok, `${channel}: ${JSON.stringify(r.body)}`).toBe(true);
  return r.body.value;
}

async function meetingRow(id: string): Promise<Meeting> {
  return (await pool.query<{ payload: Meeting }>("SELECT payload FROM entities WHERE collection = 'meetings' AND id = $1", [id])).rows[0]!.payload;
}

const auditCount = async () => Number((await pool.query<{ n: string }>('SELECT count(*) AS n FROM audit_log')).rows[0]!.n);

/** Public meetings of the demo that can still be written (not validated), with an agenda item. */
function writable(): Meeting[] {
  return demo.meetings.filter((m) => m.confidentiality !== 'confidential' && m.status !== 'validated' && m.agenda.some((i) => i.kind === 'item'));
}

beforeAll(async () => {
  if (skip) return;
  db = await createTestDatabase(process.env.CLSPD_TEST_DATABASE_URL!);
  pool = new pg.Pool({ connectionString: db.url, max: 6 });
  await migrateDatabase(pool);
  demo = withoutConfidentialTexts(buildDemoDatastore(NOW));
  const first = new TeamStore(pool);
  await first.load();
  await first.write(async () => first.initialise(demo), { userId: 'setup', displayName: 'Installation' }, 'app:demo');
  await first.close();
  await addUser(pool, { email: 'coord@valmont.fr', displayName: 'Coordination', role: 'coordinator', password: PASSWORD });
  await addUser(pool, { email: 'staff@valmont.fr', displayName: 'Bruno Leroy', role: 'staff', password: PASSWORD });
  for (let i = 0; i < 2; i++) {
    const store = new TeamStore(pool);
    await store.load();
    procs.push({ store, app: await buildServer({ pool, store, now: () => NOW }) });
  }
  for (const who of ['coord', 'staff'] as const) {
    const r = await procs[0]!.app.inject({ method: 'POST', url: '/api/session', payload: { email: `${who}@valmont.fr`, password: PASSWORD } });
    tokens[who] = r.json<{ token: string }>().token;
  }
  expect(writable().length).toBeGreaterThanOrEqual(4);
});

afterAll(async () => {
  if (skip) return;
  for (const p of procs) {
    await p.app.close();
    await p.store.close();
  }
  await pool?.end();
  await db?.drop();
});

describe.skipIf(skip)('a meeting made confidential on the team server', () => {
  it('is judged confidential by a process that has not caught up yet: its texts are refused there', async () => {
    const m = writable()[0]!;
    const item = m.agenda.find((i) => i.kind === 'item')!;
    // Process 1 has served a request (its document is loaded), then process 0 makes the meeting confidential.
    await accepted(1, 'meetings:get', { id: m.id });
    const texts = meetingSecretTexts(await meetingRow(m.id));
    await accepted(0, 'meetings:update', { id: m.id, patch: { confidentiality: 'confidential' } }, { [HANDOVER_HEADER]: handoverValue(m.id, texts) });
    expect(procs[1]!.store.data.meetings.find((x) => x.id === m.id)?.confidentiality).toBe(m.confidentiality); // still stale
    const audited = await auditCount();
    for (const [channel, payload] of [
      ['meetings:saveNotes', { meetingId: m.id, agendaItemId: item.id, notes: `${SECRET} notes` }],
      ['meetings:capture', { meetingId: m.id, kind: 'decision', text: `${SECRET} décision` }],
      ['meetings:update', { id: m.id, patch: { generalNotes: `${SECRET} générales` } }],
    ] as const) {
      const r = await call(1, 'coord', channel, payload);
      expect(r.status, channel).toBe(403);
      expect(r.body.error?.message).toMatch(/coffre de la coordination/);
    }
    expect((await rowsMentioning(pool, SECRET)).total).toBe(0);
    expect(await auditCount()).toBe(audited);
    // What the server may know still goes through: the placeholder decision.
    await accepted(1, 'meetings:capture', { meetingId: m.id, kind: 'decision', text: team.confidentialPlaceholder });
    expect((await meetingRow(m.id)).decisions.at(-1)?.text).toBe(team.confidentialPlaceholder);
  });

  it('does not refuse a text on the strength of a stale state: a meeting made ordinary again by another process takes it', async () => {
    const base = writable()[3]!;
    const created = (await accepted(0, 'meetings:create', { instanceId: base.instanceId, title: 'Réunion à reclasser', date: '2026-12-16', startTime: '11:00', confidentiality: 'confidential' })) as { meeting: Meeting };
    const id = created.meeting.id;
    await accepted(1, 'meetings:get', { id }); // process 1 knows it confidential
    await accepted(0, 'meetings:update', { id, patch: { confidentiality: 'public' } });
    const r = await call(1, 'coord', 'meetings:update', { id, patch: { generalNotes: 'Ordre du jour commenté' } });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect((await meetingRow(id)).generalNotes).toBe('Ordre du jour commenté');
  });

  it('holding texts: refused to a browser, to a colleague and to stale texts; from the coordinator’s desktop the texts leave the server in the same transaction', async () => {
    const m = writable()[1]!;
    const item = m.agenda.find((i) => i.kind === 'item')!;
    await accepted(0, 'meetings:saveNotes', { meetingId: m.id, agendaItemId: item.id, notes: `${SECRET} notes du point` });
    await accepted(0, 'meetings:update', { id: m.id, patch: { generalNotes: `${SECRET} notes générales` } });
    await accepted(0, 'meetings:capture', { meetingId: m.id, agendaItemId: item.id, kind: 'decision', text: `${SECRET} décision prise` });
    const before = await meetingRow(m.id);
    const texts = meetingSecretTexts(before);
    expect(Object.keys(texts.agendaNotes)).toContain(item.id);
    const audited = await auditCount();
    const switchTo = { id: m.id, patch: { confidentiality: 'confidential' } };

    // A browser (no coffre): told to do it from the coordinator's desktop.
    const browser = await call(1, 'coord', 'meetings:update', switchTo);
    expect(browser.status).toBe(403);
    expect(looksFrench(browser.body.error!.message)).toBe(true);
    expect(browser.body.error!.message).toBe(team.errors.switchFromDesktop);
    // A colleague's desktop cannot claim to hold the coordinator's coffre.
    const staff = await call(1, 'staff', 'meetings:update', switchTo, { [HANDOVER_HEADER]: handoverValue(m.id, texts) });
    expect(staff.status).toBe(403);
    // The desktop moved texts that have changed since: refused, nothing cleared.
    const stale = { ...texts, generalNotes: 'autre version' };
    const changed = await call(1, 'coord', 'meetings:update', switchTo, { [HANDOVER_HEADER]: handoverValue(m.id, stale) });
    expect(changed.status).toBe(409);
    expect(changed.body.error!.message).toBe(team.errors.switchTextsChanged);
    expect(await meetingRow(m.id)).toEqual(before);
    expect(await auditCount()).toBe(audited);

    const r = await call(1, 'coord', 'meetings:update', switchTo, { [HANDOVER_HEADER]: handoverValue(m.id, texts) });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(JSON.stringify(r.body)).not.toContain(SECRET);
    const after = await meetingRow(m.id);
    expect(after.confidentiality).toBe('confidential');
    expect(after.generalNotes).toBe('');
    expect(after.agenda.every((i) => !i.notes)).toBe(true);
    expect(after.decisions.length).toBe(before.decisions.length);
    expect(after.decisions.every((d) => d.text === team.confidentialPlaceholder)).toBe(true);
    // No table holds any of the texts: entities, tombstones, audit log, archives, sessions…
    const found = await rowsMentioning(pool, SECRET);
    expect(found.tables).toEqual({});
    for (const t of [...Object.values(texts.decisionTexts), ...Object.values(texts.agendaNotes)]) expect((await rowsMentioning(pool, t.slice(0, 40))).total).toBe(0);
    // One audit row, naming the meeting only.
    const audit = await pool.query<{ channel: string; row: string }>('SELECT channel, row_to_json(a)::text AS row FROM audit_log a ORDER BY id DESC LIMIT 1');
    expect(audit.rows[0]!.channel).toBe('meetings:update');
    expect(audit.rows[0]!.row).toContain(m.id);
    // The other process, catching up, serves the meeting without the texts.
    const seen = (await accepted(0, 'meetings:get', { id: m.id })) as { meeting: Meeting };
    expect(JSON.stringify(seen)).not.toContain(SECRET);
  });

  it('moves chair notes with the switch only from the coordinator’s desktop, digest included; an empty meeting switches from a browser', async () => {
    const [, , withChair, other] = writable();
    const item = withChair!.agenda.find((i) => i.kind === 'item')!;
    await accepted(0, 'meetings:updateAgendaItem', { meetingId: withChair!.id, agendaItemId: item.id, patch: { chairNotes: 'Donner la parole au principal' } });
    const before = await meetingRow(withChair!.id);
    const switchTo = { id: withChair!.id, patch: { confidentiality: 'confidential' } };
    // From a browser (no coffre to take them): refused. A digest without the chair notes does not match: refused.
    const browser = await call(0, 'coord', 'meetings:update', switchTo);
    expect(browser.status).toBe(403);
    expect(browser.body.error!.message).toBe(team.errors.switchFromDesktop);
    const partial = await call(0, 'coord', 'meetings:update', switchTo, { [HANDOVER_HEADER]: handoverValue(withChair!.id, meetingSecretTexts(before)) });
    expect(partial.status).toBe(409);
    expect(await meetingRow(withChair!.id)).toEqual(before);
    // The desktop's digest names them too: switched, and they leave the server in the same transaction.
    const r = await call(0, 'coord', 'meetings:update', switchTo, { [HANDOVER_HEADER]: handoverValue(withChair!.id, meetingSecretTexts(before), meetingSideTexts(before)) });
    expect(r.status).toBe(200);
    expect(JSON.stringify(r.body)).not.toContain('Donner la parole au principal');
    const row = await meetingRow(withChair!.id);
    expect(row.confidentiality).toBe('confidential');
    expect(row.agenda.find((i) => i.id === item.id)?.chairNotes).toBeUndefined();
    expect((await rowsMentioning(pool, 'Donner la parole au principal')).tables).toEqual({});

    // Nothing to move: a new meeting becomes confidential from a browser, no coffre needed.
    const created = (await accepted(0, 'meetings:create', { instanceId: other!.instanceId, title: 'Cellule de veille ponctuelle', date: '2026-12-15', startTime: '09:30' })) as { meeting: Meeting };
    await accepted(1, 'meetings:update', { id: created.meeting.id, patch: { confidentiality: 'confidential' } });
    expect((await meetingRow(created.meeting.id)).confidentiality).toBe('confidential');
  });
});
