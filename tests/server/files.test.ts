// Files produced by the team server on a real PostgreSQL: exports and PDFs fetched by token from any server process (two
// real processes), only by their owner, exports once; French names in Content-Disposition; expiry; and no export or
// document gives a non-member anything of a confidential instance; `clspd server export` writes a restorable backup.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type pg from 'pg';
import { addUser, setConfidentialMembers } from '../../src/main/server/accounts';
import { contentDisposition, putDownload, takeDownload } from '../../src/main/server/downloads';
import { buildServer } from '../../src/main/server/http';
import { TeamStore } from '../../src/main/server/team-store';
import { decodeBackup } from '../../src/main/store/backupFormat';
import { inspectText } from '../../src/main/store/store';
import type { Datastore } from '../../src/shared/model';
import { emlText, pdfText, xlsxText, zipText } from '../helpers/export-sweep';
import { run } from '../helpers/coffre-cli';
import { looksFrench } from '../helpers/fixtures';
import type { TestDatabase } from '../helpers/pg';
import { createDemoDatabase } from '../helpers/team-db';
import { loginHttp, spawnServer, type ServerProcess } from '../helpers/team-cluster';

process.env.CLSPD_TEST_FAST_KDF = '1';
const skip = Boolean(process.env.CLSPD_TEST_NO_DATABASE);
const NOW = new Date('2026-11-20T10:00:00Z');
const PASSWORD = 'un mot de passe solide';
let db: TestDatabase;
let pool: pg.Pool;
let store: TeamStore;
let app: FastifyInstance;
let demo: Datastore;
let scratch: string;
const tokens: Record<string, string> = {};
const servers: ServerProcess[] = [];

type Answer = { ok: boolean; value?: unknown; error?: { code: string; message: string } };
type FileAnswer = { result: Answer; file?: { suggestedName: string; token: string; size: number; placeholder: string } };

const auth = (who: string) => ({ authorization: `Bearer ${tokens[who]}` });

async function exportFile(who: string, channel: string, input: unknown) {
  const [domain, verb] = channel.split(':');
  const r = await app.inject({ method: 'POST', url: `/api/files/${domain}/${verb}`, headers: { ...auth(who), 'content-type': 'application/json' }, payload: JSON.stringify({ input }) });
  return { status: r.statusCode, answer: r.json<FileAnswer & Answer>() };
}

async function download(who: string, token: string) {
  const r = await app.inject({ method: 'GET', url: `/api/downloads/${token}`, headers: auth(who) });
  return { status: r.statusCode, body: r.rawPayload, headers: r.headers };
}

async function call(who: string, channel: string, payload?: unknown): Promise<Answer> {
  const [domain, verb] = channel.split(':');
  const r = await app.inject({ method: 'POST', url: `/api/${domain}/${verb}`, headers: { ...auth(who), 'content-type': 'application/json' }, payload: payload === undefined ? '' : JSON.stringify(payload) });
  return r.json<Answer>();
}

/** Everything of the confidential instances a non-member must never receive: names, ids, their meetings' titles and ids. */
function secrets(): string[] {
  const hidden = demo.instances.filter((i) => i.confidentiality === 'confidential');
  const meetings = demo.meetings.filter((m) => m.confidentiality === 'confidential' || hidden.some((i) => i.id === m.instanceId));
  return [...hidden.flatMap((i) => [i.name, i.id]), ...meetings.flatMap((m) => [m.title, m.id])];
}

async function textOf(name: string, bytes: Buffer): Promise<string> {
  const ext = name.split('.').pop();
  if (ext === 'xlsx') return xlsxText(bytes);
  if (ext === 'docx' || ext === 'zip') return zipText(bytes);
  if (ext === 'pdf') return pdfText(bytes, scratch);
  if (ext === 'eml') return emlText(bytes.toString('utf8'), scratch);
  return bytes.toString('utf8');
}

beforeAll(async () => {
  if (skip) return;
  scratch = mkdtempSync(join(tmpdir(), 'clspd-teamfiles-'));
  ({ db, pool, store, demo } = await createDemoDatabase(NOW, { keepStore: true }));
  for (const [email, role] of [
    ['coord@valmont.fr', 'coordinator'],
    ['assistante@valmont.fr', 'staff'],
    ['membre@valmont.fr', 'staff'],
  ] as const) {
    await addUser(pool, { email, displayName: email.split('@')[0]!, role, password: PASSWORD });
  }
  const member = (await pool.query<{ id: string }>("SELECT id FROM users WHERE email = 'membre@valmont.fr'")).rows[0]!.id;
  for (const i of demo.instances.filter((x) => x.confidentiality === 'confidential')) await setConfidentialMembers(pool, i.id, [member]);
  app = await buildServer({ pool, store, now: () => NOW });
  for (const email of ['coord@valmont.fr', 'assistante@valmont.fr', 'membre@valmont.fr']) {
    const r = await app.inject({ method: 'POST', url: '/api/session', payload: { email, password: PASSWORD } });
    tokens[email] = r.json<{ token: string }>().token;
  }
  servers.push(await spawnServer(db.url), await spawnServer(db.url));
}, 180_000);

afterAll(async () => {
  if (skip) return;
  for (const s of servers) s.kill('SIGKILL');
  await app?.close();
  await pool?.end();
  await store?.close();
  await db?.drop();
  rmSync(scratch, { recursive: true, force: true });
});

describe.skipIf(skip)('files produced by the team server', () => {
  it('a file generated by one process is downloaded from another, by its owner only; an export only once', async () => {
    const [one, two] = servers;
    const base = (s: ServerProcess) => `http://127.0.0.1:${s.port}`;
    const coord = await loginHttp(one!.port, 'coord@valmont.fr', PASSWORD);
    const other = await loginHttp(two!.port, 'assistante@valmont.fr', PASSWORD);
    const post = (s: ServerProcess, token: string, path: string, body: unknown) =>
      fetch(`${base(s)}${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const get = (s: ServerProcess, token: string, path: string) => fetch(`${base(s)}${path}`, { headers: { authorization: `Bearer ${token}` } });

    // A PDF: generated on one, previewed twice and saved from the other.
    const gen = (await (await post(one!, coord, '/api/documents/plan', {})).json()) as Answer;
    expect(gen.ok, JSON.stringify(gen)).toBe(true);
    const doc = gen.value as { token: string; suggestedName: string };
    const refused = await get(two!, other, `/api/downloads/${doc.token}`);
    expect(refused.status).toBe(404);
    expect(looksFrench(((await refused.json()) as Answer).error!.message)).toBe(true);
    const byBytes = (await (await post(two!, other, '/api/documents/bytes', { token: doc.token })).json()) as Answer;
    expect(byBytes.ok).toBe(false);
    for (let i = 0; i < 2; i++) {
      const r = await get(two!, coord, `/api/downloads/${doc.token}`);
      expect(r.status).toBe(200);
      expect(r.headers.get('content-type')).toBe('application/pdf');
      expect(r.headers.get('cache-control')).toBe('no-store');
      expect(r.headers.get('content-disposition')).toBe(contentDisposition(doc.suggestedName));
      expect(Buffer.from(await r.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    }
    expect(((await (await post(two!, coord, '/api/documents/bytes', { token: doc.token })).json()) as Answer).ok).toBe(true);

    // An export: produced on one; another account is refused; its owner gets it once from the other process.
    const exp = (await (await post(one!, coord, '/api/files/sharing/exportTable', { input: { table: 'partners', format: 'csv' } })).json()) as FileAnswer;
    expect(exp.result.ok, JSON.stringify(exp)).toBe(true);
    const file = exp.file!;
    expect(file.suggestedName).toMatch(/\.csv$/);
    expect((await get(two!, other, `/api/downloads/${file.token}`)).status).toBe(404);
    const first = await get(two!, coord, `/api/downloads/${file.token}`);
    expect(first.status).toBe(200);
    const disposition = first.headers.get('content-disposition')!;
    expect(disposition).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/);
    expect(decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(disposition)![1]!)).toBe(file.suggestedName);
    const csv = Buffer.from(await first.arrayBuffer());
    expect(csv.length).toBe(file.size);
    expect(csv.toString('utf8')).toContain(demo.organisations[0]!.name);
    const again = await get(one!, coord, `/api/downloads/${file.token}`);
    expect(again.status).toBe(404);
    expect(looksFrench(((await again.json()) as Answer).error!.message)).toBe(true);
    // Dropped without being fetched (a cancelled save dialog): gone at once.
    const dropped = (await (await post(two!, coord, '/api/files/sharing/exportTable', { input: { table: 'actions', format: 'xlsx' } })).json()) as FileAnswer;
    const del = await fetch(`${base(one!)}/api/downloads/${dropped.file!.token}`, { method: 'DELETE', headers: { authorization: `Bearer ${coord}` } });
    expect(del.status).toBe(204);
    expect((await get(two!, coord, `/api/downloads/${dropped.file!.token}`)).status).toBe(404);
  });

  it('expired files are refused and purged; a French name gets an ASCII fallback', async () => {
    const coord = (await pool.query<{ id: string }>("SELECT id FROM users WHERE email = 'coord@valmont.fr'")).rows[0]!.id;
    const old = await putDownload(pool, { userId: coord, fileName: 'vieux.csv', contentType: 'text/csv', bytes: Buffer.from('a'), once: false, ttlMs: -1000 });
    expect(await takeDownload(pool, old, coord)).toBeUndefined();
    const fresh = await putDownload(pool, { userId: coord, fileName: 'neuf.csv', contentType: 'text/csv', bytes: Buffer.from('b'), once: false, ttlMs: 60_000 });
    expect((await takeDownload(pool, fresh, coord))?.bytes.toString()).toBe('b');
    const left = await pool.query("SELECT file_name FROM downloads WHERE expires_at < now()");
    expect(left.rowCount).toBe(0);
    expect(contentDisposition('Relevé « décisions » été.pdf')).toBe(
      'attachment; filename="Releve _ decisions _ ete.pdf"; filename*=UTF-8\'\'Relev%C3%A9%20%C2%AB%20d%C3%A9cisions%20%C2%BB%20%C3%A9t%C3%A9.pdf',
    );
  });

  it('clspd server export writes the database as the local app’s complete backup (restorable), without lock-in', async () => {
    const file = join(scratch, 'equipe.zip');
    const r = await run('server', 'export', '--database', db.url, '--out', file);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('clspd restore');
    const decoded = decodeBackup(readFileSync(file), (text, label) => inspectText(text, label));
    expect(decoded.data.actions.map((a) => a.id)).toEqual(demo.actions.map((a) => a.id));
    expect(decoded.data.meetings.length).toBe(demo.meetings.length);
    expect((await run('server', 'export', '--database', db.url)).code).not.toBe(0);
  });

  it('no export or document gives a non-member anything of a confidential instance, even when asked to include it', async () => {
    const hidden = secrets();
    const seen: string[] = [];
    const check = async (who: string, channel: string, input: unknown): Promise<string | undefined> => {
      const { status, answer } = await exportFile(who, channel, input);
      if (status !== 200 || !answer.result?.ok) return undefined;
      const got = await download(who, answer.file!.token);
      expect(got.status).toBe(200);
      const text = await textOf(answer.file!.suggestedName, got.body);
      seen.push(channel);
      if (who === 'assistante@valmont.fr') for (const s of hidden) expect(text.includes(s), `${channel} ${JSON.stringify(input)} : ${s}`).toBe(false);
      return text;
    };
    const who = 'assistante@valmont.fr';
    for (const table of ['actions', 'indicators', 'partners', 'memberships', 'decisions', 'attendance']) {
      for (const format of ['csv', 'xlsx']) await check(who, 'sharing:exportTable', { table, format, includeConfidential: true });
    }
    const confidentialMeetings = demo.meetings.filter((m) => m.confidentiality === 'confidential').map((m) => m.id);
    const plain = demo.meetings.filter((m) => m.confidentiality !== 'confidential' && demo.instances.find((i) => i.id === m.instanceId)?.confidentiality !== 'confidential').slice(0, 2);
    for (const id of [...confidentialMeetings.slice(0, 3), ...plain.map((m) => m.id)]) {
      await check(who, 'sharing:exportIcs', { meetingId: id, includeConfidential: true });
      await check(who, 'sharing:prepareEmail', { meetingId: id, includeConfidential: true });
      await check(who, 'sharing:exportMinutesDocx', { meetingId: id });
      await check(who, 'sharing:exportDossier', { meetingId: id, includeConfidential: true });
    }
    for (const i of demo.instances) await check(who, 'sharing:exportIcs', { instanceId: i.id, includeConfidential: true });
    const pilots = ((await call('coord@valmont.fr', 'sharing:overview')).value as { pilots: { id: string }[] }).pilots;
    for (const p of pilots.slice(0, 4)) await check(who, 'sharing:exportUpdatePack', { pilotId: p.id, includeConfidential: true });
    // Every kind of export really produced a file for the non-member (a sweep of refusals would prove nothing).
    for (const c of ['sharing:exportTable', 'sharing:exportIcs', 'sharing:prepareEmail', 'sharing:exportMinutesDocx', 'sharing:exportDossier', 'sharing:exportUpdatePack']) expect(seen, c).toContain(c);
    // The confidential meetings themselves are refused to the non-member; a member gets them.
    const refusedIcs = await exportFile(who, 'sharing:exportIcs', { meetingId: confidentialMeetings[0], includeConfidential: true });
    expect(refusedIcs.answer.result?.ok ?? refusedIcs.answer.ok).toBe(false);
    const memberIcs = await check('membre@valmont.fr', 'sharing:exportIcs', { meetingId: confidentialMeetings[0], includeConfidential: true });
    expect(memberIcs).toContain(confidentialMeetings[0]);
    // The same table for the coordinator names the confidential instances: the sweep above can fail.
    const control = await check('coord@valmont.fr', 'sharing:exportTable', { table: 'memberships', format: 'csv', includeConfidential: true });
    expect(hidden.some((s) => control!.includes(s))).toBe(true);

    // The complete backup holds everything: the coordinator's only, restorable.
    const backup = await exportFile(who, 'sharing:exportBackup', undefined);
    expect(backup.status).toBe(403);
    const full = await exportFile('coord@valmont.fr', 'sharing:exportBackup', undefined);
    expect(full.answer.result.ok, JSON.stringify(full.answer)).toBe(true);
    const zip = await download('coord@valmont.fr', full.answer.file!.token);
    expect(zip.headers['content-type']).toBe('application/zip');
    const decoded = decodeBackup(zip.body, (text, label) => inspectText(text, label));
    expect(decoded.data.actions.length).toBe(demo.actions.length);
    expect(decoded.data.instances.map((i) => i.id)).toEqual(demo.instances.map((i) => i.id));

    // PDFs: the same rules.
    for (const [channel, input] of [
      ['documents:plan', { includeConfidential: true }],
      ['documents:members', { includeConfidential: true }],
      ['documents:dashboard', { year: 2026, includeConfidential: true }],
    ] as const) {
      const r = await call(who, channel, input);
      expect(r.ok, `${channel} ${JSON.stringify(r)}`).toBe(true);
      const pdf = await download(who, (r.value as { token: string }).token);
      const text = pdfText(pdf.body, scratch);
      for (const s of hidden) expect(text.includes(s), `${channel} : ${s}`).toBe(false);
    }
    for (const channel of ['documents:minutes', 'documents:convocation', 'documents:emargement']) {
      expect((await call(who, channel, { meetingId: confidentialMeetings[0] })).ok, channel).toBe(false);
    }
  }, 120_000);
});
