// The desktop's team client against real `serve` processes over HTTPS on a real PostgreSQL: certificate pinned on first
// use (a changed one refused), login and one-time password, forwarding, conflicts naming the other person, offline
// reads from the last state, refused edits, séance notes queued on disk and sent once on reconnection.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import type { GeneratedInfo } from '../../src/shared/contract/documents';
import type { ImportPreview } from '../../src/shared/contract/sharing';
import type { TeamConnectStep, TeamStatus } from '../../src/shared/contract/team';
import type { Datastore, Meeting } from '../../src/shared/model';
import type { Result } from '../../src/shared/result';
import { documentBytes, keepGenerated } from '../../src/main/documents/service';
import { addUser } from '../../src/main/server/accounts';
import { migrateDatabase } from '../../src/main/server/db/migrations';
import { TeamStore } from '../../src/main/server/team-store';
import { buildDemoDatastore } from '../../src/main/services/demo';
import { TeamClient } from '../../src/main/team/client';
import { QUEUE_FILE } from '../../src/main/team/notes-queue';
import { looksFrench } from '../helpers/fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/pg';
import { selfSignedCertificate } from '../helpers/self-signed';
import { freePort, spawnServer, testDialogs, type ServerProcess } from '../helpers/team-cluster';

process.env.CLSPD_TEST_FAST_KDF = '1';
const skip = Boolean(process.env.CLSPD_TEST_NO_DATABASE);
const PASSWORD = 'un mot de passe solide';
let db: TestDatabase;
let pool: pg.Pool;
let demo: Datastore;
let work: string;
let port: number;
let server: ServerProcess | undefined;
const certs: Record<'a' | 'b', { cert: string; key: string; fingerprint: string }> = {} as never;
const localCalls: string[] = [];
const clients: TeamClient[] = [];

function makeCert(name: 'a' | 'b') {
  certs[name] = selfSignedCertificate(work, name);
}

async function startServer(cert: 'a' | 'b') {
  server = await spawnServer(db.url, { port, tls: certs[cert] });
}

async function stopServer() {
  const s = server;
  server = undefined;
  if (!s || s.child.exitCode !== null) return;
  const exited = new Promise((resolve) => s.child.once('exit', resolve));
  s.kill('SIGKILL');
  await exited;
}

function newClient(dir: string, saved: string[] = [], openFrom?: string): TeamClient {
  const client = new TeamClient({
    dir,
    local: async (channel) => {
      localCalls.push(channel);
      return { ok: true, value: 'local' };
    },
    keepDocument: keepGenerated,
    platform: testDialogs(dir, saved, openFrom),
    heartbeatMs: 60_000,
    timeoutMs: 5_000,
  });
  clients.push(client);
  return client;
}

const url = () => `https://127.0.0.1:${port}`;
const value = <T>(r: Result<unknown>): T => {
  if (!r.ok) throw new Error(r.error.message);
  return r.value as T;
};

async function connectTrusting(client: TeamClient, email: string, password = PASSWORD): Promise<TeamConnectStep> {
  const first = value<TeamConnectStep>(await client.invoke('team:connect', { url: url(), email, password }));
  if (first.step !== 'trust') return first;
  return value<TeamConnectStep>(await client.invoke('team:connect', { url: url(), email, password, trust: first.fingerprint }));
}

let oneTimePassword = '';
let actionId = '';
let meeting: Meeting;

beforeAll(async () => {
  if (skip) return;
  work = mkdtempSync(join(tmpdir(), 'clspd-teamdesk-'));
  makeCert('a');
  makeCert('b');
  db = await createTestDatabase(process.env.CLSPD_TEST_DATABASE_URL!);
  pool = new pg.Pool({ connectionString: db.url, max: 3 });
  await migrateDatabase(pool);
  const store = new TeamStore(pool);
  await store.load();
  demo = buildDemoDatastore(new Date());
  await store.write(async () => store.initialise(demo), { userId: 'setup', displayName: 'Installation' }, 'app:demo');
  await store.close();
  await addUser(pool, { email: 'alice@valmont.fr', displayName: 'Alice Martin', role: 'coordinator', password: PASSWORD });
  await addUser(pool, { email: 'bruno@valmont.fr', displayName: 'Bruno Leroy', role: 'staff', password: PASSWORD });
  oneTimePassword = (await addUser(pool, { email: 'chloe@valmont.fr', displayName: 'Chloé Dubois', role: 'staff' })).oneTimePassword!;
  actionId = demo.actions.find((a) => a.confidentiality !== 'confidential' && !a.archived)!.id;
  meeting = demo.meetings.find((m) => m.status !== 'validated' && m.confidentiality !== 'confidential' && m.agenda.length >= 2)!;
  port = await freePort();
  await startServer('a');
});

afterAll(async () => {
  if (skip) return;
  for (const c of clients) c.stop();
  await stopServer();
  await pool?.end();
  await db?.drop();
  rmSync(work, { recursive: true, force: true });
});

describe.skipIf(skip)('desktop team client', () => {
  let alice: TeamClient;
  let bruno: TeamClient;
  let aliceDir: string;

  it('shows the certificate on first use, remembers it once confirmed, logs in and forwards channels with the token', async () => {
    aliceDir = mkdtempSync(join(work, 'alice-'));
    alice = newClient(aliceDir);
    expect(value<TeamStatus>(await alice.invoke('team:status', undefined)).mode).toBe('local');
    const first = value<TeamConnectStep>(await alice.invoke('team:connect', { url: url(), email: 'alice@valmont.fr', password: PASSWORD }));
    expect(first).toEqual({ step: 'trust', fingerprint: certs.a.fingerprint, changed: false });
    // Nothing is trusted until confirmed: the same call without `trust` asks again.
    expect(value<TeamConnectStep>(await alice.invoke('team:connect', { url: url(), email: 'alice@valmont.fr', password: PASSWORD })).step).toBe('trust');
    const wrong = await alice.invoke('team:connect', { url: url(), email: 'alice@valmont.fr', password: 'pas le bon mot de passe', trust: certs.a.fingerprint });
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) expect(wrong.error.message).toMatch(/mot de passe incorrect/);
    // The certificate was confirmed: the next connection goes straight to the login.
    const done = value<TeamConnectStep>(await alice.invoke('team:connect', { url: url(), email: 'alice@valmont.fr', password: PASSWORD }));
    expect(done.step).toBe('connected');
    const status = value<TeamStatus>(await alice.invoke('team:status', undefined));
    expect(status).toMatchObject({ mode: 'team', connection: 'online', server: url(), displayName: 'Alice Martin', role: 'coordinator', fingerprint: certs.a.fingerprint, queuedNotes: 0 });
    // The password is never kept on disk, the session token is (readable by this account only).
    const saved = readFileSync(join(aliceDir, 'team.json'), 'utf8');
    expect(saved).not.toContain(PASSWORD);

    const action = value<{ action: { id: string; title: string } }>(await alice.invoke('actions:get', { id: actionId }));
    expect(action.action.id).toBe(actionId);
    const renamed = await alice.invoke('actions:update', { id: actionId, patch: { title: 'Titre modifié par Alice' } });
    expect(renamed.ok, JSON.stringify(renamed)).toBe(true);
    const row = await pool.query<{ payload: { title: string }; updated_by: string }>("SELECT payload, updated_by FROM entities WHERE collection = 'actions' AND id = $1", [actionId]);
    expect(row.rows[0]!.payload.title).toBe('Titre modifié par Alice');
    // Desktop-only channels (the protected store, this computer's documents) never go to the server.
    localCalls.length = 0;
    await alice.invoke('vault:status', undefined);
    await alice.invoke('register:stats', undefined);
    expect(localCalls).toEqual(['vault:status', 'register:stats']);
  });

  it('makes a first login with a one-time password choose a new one before anything else', async () => {
    const chloe = newClient(mkdtempSync(join(work, 'chloe-')));
    const step = await connectTrusting(chloe, 'chloe@valmont.fr', oneTimePassword);
    expect(step).toEqual({ step: 'newPassword', email: 'chloe@valmont.fr' });
    expect(value<TeamStatus>(await chloe.invoke('team:status', undefined)).mode).toBe('local');
    const mismatch = await chloe.invoke('team:setPassword', { password: 'un nouveau mot de passe', confirmation: 'autre chose encore' });
    expect(mismatch.ok).toBe(false);
    const done = value<TeamConnectStep>(await chloe.invoke('team:setPassword', { password: 'un nouveau mot de passe', confirmation: 'un nouveau mot de passe' }));
    expect(done.step).toBe('connected');
    expect(value<{ id: string }[]>(await chloe.invoke('instances:list', undefined)).length).toBeGreaterThan(0);
    chloe.stop();
  });

  it('refuses an edit of something changed by someone else since it was shown, naming that person', async () => {
    bruno = newClient(mkdtempSync(join(work, 'bruno-')));
    expect((await connectTrusting(bruno, 'bruno@valmont.fr')).step).toBe('connected');
    await alice.invoke('actions:get', { id: actionId });
    expect((await bruno.invoke('actions:update', { id: actionId, patch: { title: 'Titre de Bruno' } })).ok).toBe(true);
    const late = await alice.invoke('actions:update', { id: actionId, patch: { title: 'Titre d’Alice, trop tard' } });
    expect(late.ok).toBe(false);
    if (!late.ok) {
      expect(late.error.code).toBe('conflict');
      expect(late.error.message).toContain('Bruno Leroy');
      expect(looksFrench(late.error.message)).toBe(true);
    }
    const row = await pool.query<{ payload: { title: string } }>("SELECT payload FROM entities WHERE collection = 'actions' AND id = $1", [actionId]);
    expect(row.rows[0]!.payload.title).toBe('Titre de Bruno');
    // After reading again, the edit goes through.
    await alice.invoke('actions:get', { id: actionId });
    expect((await alice.invoke('actions:update', { id: actionId, patch: { title: 'Titre d’Alice' } })).ok).toBe(true);
  });

  it('never sends the notes of a confidential meeting to the server (refused there too), nor queues them', async () => {
    const secret = demo.meetings.find((m) => m.confidentiality === 'confidential')!;
    const before = await pool.query<{ payload: Meeting }>("SELECT payload FROM entities WHERE collection = 'meetings' AND id = $1", [secret.id]);
    // Shown on this desktop first: refused here, nothing queued.
    expect((await alice.invoke('meetings:get', { id: secret.id })).ok).toBe(true);
    const here = await alice.invoke('meetings:saveNotes', { meetingId: secret.id, notes: 'Situation de M. X évoquée' });
    expect(here.ok).toBe(false);
    if (!here.ok) expect(here.error.message).toMatch(/réunion confidentielle/);
    expect(value<TeamStatus>(await alice.invoke('team:status', undefined)).queuedNotes).toBe(0);
    // Decision texts too: the coordinator's desktop without a coffre is refused before sending (team-client-coffre.test.ts
    // covers the desktop with one); from a colleague's desktop that has not shown it, the server refuses.
    for (const desk of [alice, bruno]) {
      const typed = await desk.invoke('meetings:capture', { meetingId: secret.id, kind: 'decision', text: 'Orientation de M. X' });
      expect(typed.ok).toBe(false);
      // Bruno is not named in the cellule: the server judges on his own view, where the meeting does not exist.
      if (!typed.ok) expect(typed.error.message).toMatch(desk === alice ? /coffre de la coordination.*réunion confidentielle/ : /réunion est introuvable/);
    }
    // Not shown (another desktop): the server refuses it; the text stays on that computer, listed as refused.
    const other = await bruno.invoke('meetings:saveNotes', { meetingId: secret.id, notes: 'Situation de M. X évoquée' });
    expect(other.ok).toBe(false);
    const st = value<TeamStatus>(await bruno.invoke('team:status', undefined));
    expect(st.queuedNotes).toBe(0);
    expect(st.refusedNotes[0]?.message).toMatch(/réunion est introuvable/);
    const after = await pool.query<{ payload: Meeting }>("SELECT payload FROM entities WHERE collection = 'meetings' AND id = $1", [secret.id]);
    expect(after.rows[0]!.payload).toEqual(before.rows[0]!.payload);
    expect(JSON.stringify(after.rows[0]!.payload)).not.toContain('M. X');
  });

  it('downloads documents generated by the server and saves exports where the user chooses', async () => {
    const info = value<GeneratedInfo>(await alice.invoke('documents:fiche', { actionId }));
    expect(Buffer.from(documentBytes(info.token)).subarray(0, 5).toString()).toBe('%PDF-');
    const saved: string[] = [];
    const exporter = newClient(aliceDir, saved);
    const r = value<{ path: string; cancelled: boolean }>(await exporter.invoke('sharing:exportTable', { table: 'actions', format: 'csv' }));
    exporter.stop();
    expect(r.cancelled).toBe(false);
    expect(r.path).toBe(saved[0]);
    expect(readFileSync(saved[0]!, 'utf8')).toContain('Titre d’Alice');

    // An import: the file chosen on this computer is sent to the server, which previews and applies it.
    const csv = join(aliceDir, 'structures.csv');
    writeFileSync(csv, 'Structure;Catégorie\r\nCentre social Arc-en-ciel;Centres sociaux\r\nMaison de justice et du droit;Justice\r\n');
    const importer = newClient(aliceDir, [], csv);
    const preview = value<ImportPreview>(await importer.invoke('sharing:previewImport', { kind: 'partners' }));
    expect(preview.lines.map((l) => l.action)).toEqual(['create', 'create']);
    const applied = value<{ applied: number }>(await importer.invoke('sharing:applyImport', { token: preview.token, acceptedLineIds: ['r3'] }));
    importer.stop();
    expect(applied.applied).toBe(1);
    const names = await pool.query<{ name: string }>("SELECT payload->>'name' AS name FROM entities WHERE collection = 'organisations'");
    expect(names.rows.map((r) => r.name)).toContain('Maison de justice et du droit');
    expect(names.rows.map((r) => r.name)).not.toContain('Centre social Arc-en-ciel');

    // « Annuler » after a deletion: the undo list lives on the server across requests.
    const person = value<{ id: string }>(
      await alice.invoke('people:create', { organisationId: demo.organisations[0]!.id, civility: 'Mme', firstName: 'Inès', lastName: 'Garnier', email: '' }),
    );
    const deleted = value<{ undoToken: string }>(await alice.invoke('people:delete', { id: person.id }));
    expect((await pool.query("SELECT 1 FROM entities WHERE collection = 'people' AND id = $1", [person.id])).rowCount).toBe(0);
    expect((await alice.invoke('undo:restore', { undoToken: deleted.undoToken })).ok).toBe(true);
    expect((await pool.query("SELECT 1 FROM entities WHERE collection = 'people' AND id = $1", [person.id])).rowCount).toBe(1);
  });

  it('offline: reads from the last state, refuses edits, queues séance notes on disk; on return sends them once', async () => {
    const meetingBefore = value<{ meeting: Meeting }>(await alice.invoke('meetings:get', { id: meeting.id }));
    const [item1, item2] = meeting.agenda;
    await stopServer();

    const cached = value<{ meeting: Meeting }>(await alice.invoke('meetings:get', { id: meeting.id }));
    expect(cached.meeting.id).toBe(meeting.id);
    expect(value<TeamStatus>(await alice.invoke('team:status', undefined)).connection).toBe('offline');
    const edit = await alice.invoke('actions:update', { id: actionId, patch: { title: 'Hors connexion' } });
    expect(edit.ok).toBe(false);
    if (!edit.ok) expect(edit.error.message).toMatch(/connexion .* perdue/);
    const notCached = await alice.invoke('partners:list', { query: 'jamais affiché' });
    expect(notCached.ok).toBe(false);
    // Nothing shown yet of the app's state: the recovery screen explains (and offers to go back to the local file).
    const state = value<{ status: string; message: string }>(await alice.invoke('app:state', undefined));
    expect(state.status).toBe('broken');
    expect(state.message).toContain(url());

    for (const text of ['Premier jet', 'Premier jet, complété', 'Premier jet, complété et relu']) {
      const r = value<{ queued?: boolean }>(await alice.invoke('meetings:saveNotes', { meetingId: meeting.id, agendaItemId: item1!.id, notes: text }));
      expect(r.queued).toBe(true);
    }
    value(await alice.invoke('meetings:saveNotes', { meetingId: meeting.id, agendaItemId: item2!.id, notes: 'Point 2 : notes hors connexion' }));
    expect(existsSync(join(aliceDir, QUEUE_FILE))).toBe(true);
    expect(value<TeamStatus>(await alice.invoke('team:status', undefined)).queuedNotes).toBe(2);
    // The last state shows the notes typed since.
    const shown = value<{ meeting: Meeting }>(await alice.invoke('meetings:get', { id: meeting.id }));
    expect(shown.meeting.agenda.find((i) => i.id === item1!.id)!.notes).toBe('Premier jet, complété et relu');
    expect(meetingBefore.meeting.agenda.find((i) => i.id === item1!.id)!.notes).not.toBe('Premier jet, complété et relu');

    // The app is closed while offline and opened again: the queue is on disk.
    alice.stop();
    const again = newClient(aliceDir);
    expect(value<TeamStatus>(await again.invoke('team:status', undefined)).queuedNotes).toBe(2);
    await startServer('a');
    const status = await again.checkConnection();
    expect(status.connection).toBe('online');
    expect(status.queuedNotes).toBe(0);
    const after = value<{ meeting: Meeting }>(await again.invoke('meetings:get', { id: meeting.id }));
    expect(after.meeting.agenda.find((i) => i.id === item1!.id)!.notes).toBe('Premier jet, complété et relu');
    expect(after.meeting.agenda.find((i) => i.id === item2!.id)!.notes).toBe('Point 2 : notes hors connexion');
    // One request per item: nothing duplicated, only the latest text sent.
    const audit = await pool.query<{ n: string }>(
      "SELECT count(*) AS n FROM audit_log a JOIN users u ON u.id = a.user_id WHERE a.channel = 'meetings:saveNotes' AND u.email = 'alice@valmont.fr'",
    );
    expect(Number(audit.rows[0]!.n)).toBe(2);
    expect(await again.checkConnection()).toMatchObject({ queuedNotes: 0 });
    alice = again;
  });

  it('refuses a server whose certificate changed, says so in French, and accepts the new one only when confirmed', async () => {
    await stopServer();
    await startServer('b');
    const status = await alice.checkConnection();
    expect(status.connection).toBe('certificate');
    const read = await alice.invoke('actions:get', { id: actionId });
    expect(read.ok).toBe(false);
    if (!read.ok) {
      expect(read.error.message).toMatch(/certificat du serveur .* a changé/);
      expect(looksFrench(read.error.message)).toBe(true);
    }
    const seen = await pool.query<{ n: string }>('SELECT count(*) AS n FROM sessions');
    const step = value<TeamConnectStep>(await alice.invoke('team:connect', { url: url(), email: 'alice@valmont.fr', password: PASSWORD }));
    expect(step).toEqual({ step: 'trust', fingerprint: certs.b.fingerprint, changed: true, previous: certs.a.fingerprint });
    // Nothing was sent to the server presenting the unknown certificate: no new session.
    expect((await pool.query<{ n: string }>('SELECT count(*) AS n FROM sessions')).rows[0]!.n).toBe(seen.rows[0]!.n);
    const accepted = value<TeamConnectStep>(await alice.invoke('team:connect', { url: url(), email: 'alice@valmont.fr', password: PASSWORD, trust: certs.b.fingerprint }));
    expect(accepted.step).toBe('connected');
    expect(value<TeamStatus>(await alice.invoke('team:status', undefined))).toMatchObject({ connection: 'online', fingerprint: certs.b.fingerprint });
    expect((await alice.invoke('actions:get', { id: actionId })).ok).toBe(true);
  });

  it('disconnecting returns to the local file', async () => {
    const status = value<TeamStatus>(await alice.invoke('team:disconnect', undefined));
    expect(status.mode).toBe('local');
    localCalls.length = 0;
    expect(await alice.invoke('actions:get', { id: actionId })).toEqual({ ok: true, value: 'local' });
    expect(localCalls).toEqual(['actions:get']);
  });
});
