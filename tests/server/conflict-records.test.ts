// Conflicts checked per record on a real PostgreSQL, through the real clients: A shows meeting M, B edits M, A reads
// another page (newer state), A edits M → refused naming B and showing B's change, nothing overwritten. Both the
// desktop's team client and the browser's transport remember the state in which each record was shown.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { addUser } from '../../src/main/server/accounts';
import { buildServer } from '../../src/main/server/http';
import type { TeamStore } from '../../src/main/server/team-store';
import { TeamClient } from '../../src/main/team/client';
import { keepGenerated } from '../../src/main/documents/service';
import { link, invokeHttp } from '../../src/renderer/src/web/transport';
import { login } from '../../src/renderer/src/web/session';
import type { Meeting } from '../../src/shared/model';
import type { Result } from '../../src/shared/result';
import type { TestDatabase } from '../helpers/pg';
import { loginHttp, callHttp } from '../helpers/team-cluster';
import { createDemoDatabase, type DemoDatabase } from '../helpers/team-db';

process.env.CLSPD_TEST_FAST_KDF = '1';
const skip = Boolean(process.env.CLSPD_TEST_NO_DATABASE);
const PASSWORD = 'un mot de passe solide';
let demo: DemoDatabase;
let db: TestDatabase;
let store: TeamStore;
let app: FastifyInstance;
let port: number;
let work: string;
let meetings: Meeting[];

const row = async (id: string) =>
  (await demo.pool.query<{ payload: Meeting }>("SELECT payload FROM entities WHERE collection = 'meetings' AND id = $1", [id])).rows[0]!.payload;

beforeAll(async () => {
  if (skip) return;
  work = mkdtempSync(join(tmpdir(), 'clspd-records-'));
  demo = await createDemoDatabase(new Date(), { keepStore: true });
  ({ db, store } = demo);
  await addUser(demo.pool, { email: 'agnes@valmont.fr', displayName: 'Agnès Martin', role: 'staff', password: PASSWORD });
  await addUser(demo.pool, { email: 'bruno@valmont.fr', displayName: 'Bruno Leroy', role: 'staff', password: PASSWORD });
  app = await buildServer({ pool: demo.pool, store });
  await app.listen({ host: '127.0.0.1', port: 0 });
  port = (app.server.address() as { port: number }).port;
  meetings = demo.demo.meetings.filter((m) => m.confidentiality !== 'confidential' && m.status !== 'validated');
}, 120_000);

afterAll(async () => {
  if (skip) return;
  vi.unstubAllGlobals();
  await app?.close();
  await demo?.pool.end();
  await store?.close();
  await db?.drop();
  rmSync(work, { recursive: true, force: true });
});

/** Bruno, from elsewhere: changes the meeting's place. */
async function brunoMoves(meetingId: string, place: string): Promise<void> {
  const token = await loginHttp(port, 'bruno@valmont.fr', PASSWORD);
  const r = await callHttp(port, token, 'meetings:update', { id: meetingId, patch: { place } });
  expect(r.ok, JSON.stringify(r)).toBe(true);
}

function expectConflict(r: Result<unknown>, place: string): void {
  expect(r.ok).toBe(false);
  if (r.ok) return;
  expect(r.error.code).toBe('conflict');
  expect(r.error.message).toContain('Bruno Leroy a modifié cette réunion');
  expect(r.error.message).toContain(`lieu : « ${place} »`);
}

describe.skipIf(skip)('conflicts per record', () => {
  it('desktop: an edit of a meeting changed since it was shown is refused, even after reading another page', async () => {
    const m = meetings[0]!;
    const alice = new TeamClient({ dir: mkdtempSync(join(work, 'desk-')), local: async () => ({ ok: true, value: null }), keepDocument: keepGenerated, heartbeatMs: 60_000, timeoutMs: 5_000 });
    const connected = await alice.invoke('team:connect', { url: `http://127.0.0.1:${port}`, email: 'agnes@valmont.fr', password: PASSWORD });
    expect(connected.ok, JSON.stringify(connected)).toBe(true);
    expect((await alice.invoke('meetings:get', { id: m.id })).ok).toBe(true);
    await brunoMoves(m.id, 'Salle B, mairie annexe');
    // Another page: its state is newer than Bruno's change.
    expect((await alice.invoke('partners:list', undefined)).ok).toBe(true);
    const stale = await alice.invoke('meetings:update', { id: m.id, patch: { title: 'Titre d’Agnès sur une réunion ancienne' } });
    expectConflict(stale, 'Salle B, mairie annexe');
    expect((await row(m.id)).title).toBe(m.title);
    expect((await row(m.id)).place).toBe('Salle B, mairie annexe');
    // Shown again: her edit goes through, Bruno's place kept.
    expect((await alice.invoke('meetings:get', { id: m.id })).ok).toBe(true);
    expect((await alice.invoke('meetings:update', { id: m.id, patch: { title: 'Titre d’Agnès' } })).ok).toBe(true);
    expect(await row(m.id)).toMatchObject({ title: 'Titre d’Agnès', place: 'Salle B, mairie annexe' });
    // A record never shown is judged on the last state seen as a whole (unchanged behaviour): her own later edits pass.
    expect((await alice.invoke('meetings:update', { id: m.id, patch: { title: 'Titre d’Agnès, corrigé' } })).ok).toBe(true);
    alice.stop();
  });

  it('browser: the transport remembers the state in which each record was shown and sends it with an edit', async () => {
    const m = meetings[1]!;
    const real = globalThis.fetch;
    let cookie = '';
    vi.stubGlobal('fetch', async (input: string, init: RequestInit = {}) => {
      const r = await real(new URL(input, `http://127.0.0.1:${port}`), { ...init, headers: { ...(init.headers as Record<string, string>), ...(cookie ? { cookie } : {}) } });
      const set = r.headers.get('set-cookie');
      if (set) cookie = set.split(';')[0]!;
      return r;
    });
    const session = await login('agnes@valmont.fr', PASSWORD);
    expect(session.account?.displayName).toBe('Agnès Martin');
    expect((await invokeHttp('meetings:get', { id: m.id })).ok).toBe(true);
    await brunoMoves(m.id, 'Salle du conseil');
    expect((await invokeHttp('partners:list', undefined)).ok).toBe(true);
    // The screens were refreshed meanwhile (what the browser does once nobody is typing): the whole-state check
    // alone would now let the edit through; the meeting itself was shown before Bruno's change.
    link.seen = link.known;
    const stale = await invokeHttp('meetings:update', { id: m.id, patch: { title: 'Titre du navigateur' } });
    expectConflict(stale, 'Salle du conseil');
    expect((await row(m.id)).title).toBe(m.title);
    expect((await invokeHttp('meetings:get', { id: m.id })).ok).toBe(true);
    expect((await invokeHttp('meetings:update', { id: m.id, patch: { title: 'Titre du navigateur' } })).ok).toBe(true);
    expect(await row(m.id)).toMatchObject({ title: 'Titre du navigateur', place: 'Salle du conseil' });
    vi.unstubAllGlobals();
  });
});
