// Imports across server processes: previewed on one, remapped, applied or abandoned on another (the pending import is in
// PostgreSQL), once only, per account, all or nothing; a refusal changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import type { ImportPreview } from '../../src/shared/contract/sharing';
import { sharing } from '../../src/shared/i18n/sharing';
import { teamFiles } from '../../src/shared/i18n/team-files';
import { MAX_UPLOAD_BYTES } from '../../src/shared/import-files';
import { addUser } from '../../src/main/server/accounts';
import type { TestDatabase } from '../helpers/pg';
import { callHttp, loginHttp, spawnServer, type ServerProcess } from '../helpers/team-cluster';
import { createDemoDatabase } from '../helpers/team-db';

process.env.CLSPD_TEST_FAST_KDF = '1';
const skip = Boolean(process.env.CLSPD_TEST_NO_DATABASE);
const PASSWORD = 'mot de passe de test solide';
let db: TestDatabase;
let pool: pg.Pool;
const servers: ServerProcess[] = [];
let one: number;
let two: number;

type Answer = { ok: boolean; value?: unknown; error?: { code: string; message: string } };

/** What the desktop client and the browser send: the chosen file with the preview's input. */
async function upload(port: number, token: string, name: string, text: string, kind = 'partners'): Promise<Answer> {
  const r = await fetch(`http://127.0.0.1:${port}/api/files/sharing/previewImport`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ input: { kind }, upload: { name, base64: Buffer.from(text, 'utf8').toString('base64') } }),
  });
  return ((await r.json()) as { result: Answer }).result;
}

function preview(a: Answer): ImportPreview {
  expect(a.ok, JSON.stringify(a.error)).toBe(true);
  return a.value as ImportPreview;
}

/** Everything an import could change: the entities (with their versions) and the commit counter. */
async function snapshot(): Promise<string> {
  const rows = await pool.query<{ k: string }>("SELECT collection || ':' || id || ':' || version AS k FROM entities ORDER BY 1");
  const seq = await pool.query<{ seq: string }>('SELECT seq FROM meta');
  return `${seq.rows[0]!.seq}|${rows.rows.map((r) => r.k).join(',')}`;
}

const organisations = async () => (await pool.query<{ name: string }>("SELECT payload->>'name' AS name FROM entities WHERE collection = 'organisations'")).rows.map((r) => r.name);
const pending = async (token: string) => (await pool.query<{ mapping: Record<string, string> }>('SELECT mapping FROM pending_imports WHERE token = $1', [token])).rows;

beforeAll(async () => {
  if (skip) return;
  ({ db, pool } = await createDemoDatabase(new Date('2026-11-20T10:00:00Z')));
  await addUser(pool, { email: 'a@valmont.fr', displayName: 'Agnès', role: 'staff', password: PASSWORD });
  await addUser(pool, { email: 'b@valmont.fr', displayName: 'Bruno', role: 'staff', password: PASSWORD });
  await addUser(pool, { email: 'l@valmont.fr', displayName: 'Lucie', role: 'reader', password: PASSWORD });
  servers.push(await spawnServer(db.url), await spawnServer(db.url));
  [one, two] = servers.map((s) => s.port) as [number, number];
}, 180_000);

afterAll(async () => {
  if (skip) return;
  for (const s of servers) s.kill('SIGKILL');
  await pool?.end();
  await db?.drop();
});

describe.skipIf(skip)('imports across server processes', () => {
  it('previewed on one process, applied on the other; the pending import is gone and cannot be applied twice', async () => {
    const ta = await loginHttp(one, 'a@valmont.fr', PASSWORD);
    const p = preview(await upload(one, ta, 'structures.csv', 'Structure;Catégorie\r\nPoint écoute jeunes;Santé\r\nClub de prévention Nord;Prévention spécialisée\r\n'));
    expect(p.canApply).toBe(true);
    expect(await pending(p.token)).toHaveLength(1);
    const applied = await callHttp(two, ta, 'sharing:applyImport', { token: p.token, acceptedLineIds: p.lines.map((l) => l.id) });
    expect(applied.ok, JSON.stringify(applied.error)).toBe(true);
    expect((applied.value as { applied: number }).applied).toBe(2);
    expect(await organisations()).toEqual(expect.arrayContaining(['Point écoute jeunes', 'Club de prévention Nord']));
    expect(await pending(p.token)).toHaveLength(0);

    // The process that made the preview still has it in memory: the database says it was applied.
    const before = await snapshot();
    const again = await callHttp(one, ta, 'sharing:applyImport', { token: p.token, acceptedLineIds: p.lines.map((l) => l.id) });
    expect(again.ok).toBe(false);
    expect(again.error?.message).toBe(sharing.import.expired);
    expect(await snapshot()).toBe(before);
    expect((await organisations()).filter((n) => n === 'Point écoute jeunes')).toHaveLength(1);
  });

  it('a column mapping chosen on one process is the one applied on the other', async () => {
    const ta = await loginHttp(one, 'a@valmont.fr', PASSWORD);
    const p = preview(await upload(one, ta, 'liste.csv', 'Nom du lieu;Catégorie\r\nMaison des familles;Santé\r\n'));
    expect(p.canApply).toBe(false);
    const remapped = await callHttp(two, ta, 'sharing:remapImport', { token: p.token, mapping: { 'Nom du lieu': 'orgName' } });
    expect(remapped.ok, JSON.stringify(remapped.error)).toBe(true);
    expect((remapped.value as ImportPreview).canApply).toBe(true);
    expect((await pending(p.token))[0]?.mapping).toEqual({ 'Nom du lieu': 'orgName' });
    // Process one made the preview with no mapping: it takes the one chosen on process two.
    const applied = await callHttp(one, ta, 'sharing:applyImport', { token: p.token, acceptedLineIds: ['r2'] });
    expect(applied.ok, JSON.stringify(applied.error)).toBe(true);
    expect(await organisations()).toContain('Maison des familles');
  });

  it('a refusal changes nothing and keeps the pending import: invalid lines, a reader, another account', async () => {
    const ta = await loginHttp(one, 'a@valmont.fr', PASSWORD);
    const tb = await loginHttp(two, 'b@valmont.fr', PASSWORD);
    const tl = await loginHttp(two, 'l@valmont.fr', PASSWORD);
    // All or nothing: one line in error refuses the whole file, the valid line included.
    const p = preview(await upload(one, ta, 'erreurs.csv', 'Structure;Nom du contact;Courriel du contact\r\nAtelier valide;;\r\nAtelier invalide;Durand;pas-un-courriel\r\n'));
    expect(p.canApply).toBe(false);
    const before = await snapshot();
    const refused = await callHttp(two, ta, 'sharing:applyImport', { token: p.token, acceptedLineIds: ['r2'] });
    expect(refused.ok).toBe(false);
    expect(refused.error?.message).toBe(sharing.import.hasErrors(1));
    expect(await snapshot()).toBe(before);
    expect(await pending(p.token)).toHaveLength(1);

    const valid = preview(await upload(one, ta, 'valide.csv', 'Structure;Catégorie\r\nLocal jeunes Sud;Santé\r\n'));
    // A reader cannot apply, and nobody applies another account's import, on any process.
    const reader = await callHttp(two, tl, 'sharing:applyImport', { token: valid.token, acceptedLineIds: ['r2'] });
    expect(reader.ok).toBe(false);
    for (const port of [one, two]) {
      const other = await callHttp(port, tb, 'sharing:applyImport', { token: valid.token, acceptedLineIds: ['r2'] });
      expect(other.ok).toBe(false);
      expect(other.error?.message).toBe(sharing.import.expired);
      expect((await callHttp(port, tb, 'sharing:cancelImport', { token: valid.token })).ok).toBe(true);
    }
    expect(await snapshot()).toBe(before);
    expect(await pending(valid.token)).toHaveLength(1);
    expect(await organisations()).not.toContain('Local jeunes Sud');

    // Abandoned on process two: gone for process one too.
    expect((await callHttp(two, ta, 'sharing:cancelImport', { token: valid.token })).ok).toBe(true);
    expect(await pending(valid.token)).toHaveLength(0);
    const late = await callHttp(one, ta, 'sharing:applyImport', { token: valid.token, acceptedLineIds: ['r2'] });
    expect(late.error?.message).toBe(sharing.import.expired);
    expect(await snapshot()).toBe(before);
  });

  it('the server refuses a file of another type or too large, whatever the client checked, and keeps nothing', async () => {
    const ta = await loginHttp(one, 'a@valmont.fr', PASSWORD);
    const before = await pool.query('SELECT count(*) AS n FROM pending_imports');
    const pdf = await upload(one, ta, 'compte-rendu.pdf', '%PDF-1.7');
    expect(pdf.error?.message).toBe(teamFiles.uploadWrongType('compte-rendu.pdf', ['xlsx', 'csv', 'txt']));
    const big = await upload(two, ta, 'enorme.csv', 'A'.repeat(MAX_UPLOAD_BYTES + 1));
    expect(big.error?.message).toBe(teamFiles.uploadTooLarge(14));
    expect((await pool.query('SELECT count(*) AS n FROM pending_imports')).rows).toEqual(before.rows);
  });

  it('two « Appliquer » of the same import sent to both processes at once apply it once', async () => {
    const ta = await loginHttp(one, 'a@valmont.fr', PASSWORD);
    const p = preview(await upload(two, ta, 'double.csv', 'Structure;Catégorie\r\nRelais parents;Santé\r\n'));
    const both = await Promise.all([one, two].map((port) => callHttp(port, ta, 'sharing:applyImport', { token: p.token, acceptedLineIds: ['r2'] })));
    expect(both.filter((r) => r.ok)).toHaveLength(1);
    expect(both.find((r) => !r.ok)?.error?.message).toBe(sharing.import.expired);
    expect((await organisations()).filter((n) => n === 'Relais parents')).toHaveLength(1);
  });

  it('an expired pending import is refused on every process and removed with the next preview', async () => {
    const ta = await loginHttp(one, 'a@valmont.fr', PASSWORD);
    const p = preview(await upload(one, ta, 'vieux.csv', 'Structure;Catégorie\r\nAncien local;Santé\r\n'));
    await pool.query("UPDATE pending_imports SET expires_at = now() - interval '1 minute' WHERE token = $1", [p.token]);
    const before = await snapshot();
    for (const port of [one, two]) {
      const r = await callHttp(port, ta, 'sharing:applyImport', { token: p.token, acceptedLineIds: ['r2'] });
      expect(r.error?.message).toBe(sharing.import.expired);
    }
    expect(await snapshot()).toBe(before);
    preview(await upload(two, ta, 'neuf.csv', 'Structure;Catégorie\r\nNouveau local;Santé\r\n'));
    expect(await pending(p.token)).toHaveLength(0);
  });
});
