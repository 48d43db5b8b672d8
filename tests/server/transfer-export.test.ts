// Moving out of the team server: `clspd server export` writes the local app's complete backup, which `clspd restore` takes back whole.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/main/cli/framework';
import { commands } from '../../src/main/cli/index';
import { withoutConfidentialTexts } from '../../src/main/server/transfer';
import { setupDemo } from '../../src/main/services/app';
import { createContext } from '../../src/main/services/context';
import { closePeriod } from '../../src/main/services/strategy/periods';
import { loadArchive } from '../../src/main/store/archives';
import { DATA_FILE, Store } from '../../src/main/store/store';
import { ArchiveFile, Datastore } from '../../src/shared/model';
import { captureIo, cleanTempDirs, looksFrench, tempDir } from '../helpers/fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/pg';

const skip = Boolean(process.env.CLSPD_TEST_NO_DATABASE);
const SECRET = 'Situation de Mme Yvonne Confidentielle';
let db: TestDatabase;
let source = '';

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const c = captureIo();
  const code = await runCli(argv, commands, c.io);
  return { code, out: c.out.join('\n'), err: c.err.join('\n') };
}

/** Puts SECRET into every confidential meeting of a document (as a folder written before the coffre existed would hold it). */
function withSecret<T extends { meetings: Datastore['meetings'] }>(doc: T): T {
  for (const m of doc.meetings.filter((x) => x.confidentiality === 'confidential')) {
    m.generalNotes = `${SECRET} notes`;
    for (const d of m.decisions) d.text = `${SECRET} décision`;
  }
  return doc;
}

/** A demo folder whose active period was closed (an archive file beside clspd.json), confidential texts in clear. */
async function folderWithArchive(): Promise<string> {
  const dir = tempDir('clspd-srvexport-');
  const store = Store.open(dir, { owner: 'test' });
  const ctx = createContext(store);
  await setupDemo(ctx);
  await closePeriod(ctx, store.data.settings.activePeriodId!);
  await store.close();
  const main = withSecret(Datastore.parse(JSON.parse(readFileSync(join(dir, DATA_FILE), 'utf8'))));
  writeFileSync(join(dir, DATA_FILE), JSON.stringify(main));
  for (const p of main.periods.filter((x) => x.archiveFile)) {
    const file = join(dir, p.archiveFile!);
    writeFileSync(file, JSON.stringify(withSecret(ArchiveFile.parse(JSON.parse(readFileSync(file, 'utf8'))))));
  }
  return dir;
}

function archivesOf(dir: string, doc: Datastore): ArchiveFile[] {
  return doc.periods
    .filter((p) => p.status === 'closed')
    .map((p) => {
      const r = loadArchive(dir, p);
      if (!r.ok) throw new Error(`archive ${p.id} illisible`);
      return r.archive;
    });
}

describe.skipIf(skip)('clspd server export', () => {
  beforeAll(async () => {
    db = await createTestDatabase(process.env.CLSPD_TEST_DATABASE_URL!);
    source = await folderWithArchive();
  }, 120_000);
  afterAll(async () => {
    await db?.drop();
    cleanTempDirs();
  });

  it('refuses an empty database in French and writes nothing; a missing --out is a usage error', async () => {
    const out = join(tempDir(), 'vide.zip');
    const empty = await cli('server', 'export', '--database', db.url, '--out', out);
    expect(empty.code).toBe(1);
    expect(looksFrench(empty.err)).toBe(true);
    expect(existsSync(out)).toBe(false);
    const usage = await cli('server', 'export', '--database', db.url);
    expect(usage.code).toBe(2);
    expect(usage.err).toContain('--out');
    expect((await cli('server', 'exporter', '--database', db.url)).code).toBe(2);
  });

  it('round trip: import a folder with archives, export it, restore the zip into an empty folder: the same data, confidential texts absent', async () => {
    const original = Datastore.parse(JSON.parse(readFileSync(join(source, DATA_FILE), 'utf8')));
    const originalArchives = archivesOf(source, original);
    expect(originalArchives.length).toBeGreaterThan(0);
    expect(originalArchives.some((a) => a.meetings.length > 0)).toBe(true);
    expect(JSON.stringify(original)).toContain(SECRET);
    expect(JSON.stringify(originalArchives)).toContain(SECRET);

    const imported = await cli('server', 'import', '--database', db.url, '--from', source);
    expect(imported.code, imported.err).toBe(0);

    const zip = join(tempDir(), 'equipe.zip');
    process.env.CLSPD_DATABASE_URL = db.url;
    let exported: Awaited<ReturnType<typeof cli>>;
    try {
      exported = await cli('server', 'export', '--out', zip);
    } finally {
      delete process.env.CLSPD_DATABASE_URL;
    }
    expect(exported.code, exported.err).toBe(0);
    expect(exported.out).toContain(zip);
    expect(exported.out).toContain('clspd restore');
    expect(looksFrench(exported.out)).toBe(true);
    expect(readFileSync(zip).includes(Buffer.from('Yvonne'))).toBe(false);

    const target = tempDir('clspd-srvexport-restored-');
    const restored = await cli('restore', '--data', target, '--from', zip);
    expect(restored.code, restored.err).toBe(0);
    const back = Datastore.parse(JSON.parse(readFileSync(join(target, DATA_FILE), 'utf8')));
    expect(back).toEqual(withoutConfidentialTexts(original));
    expect(archivesOf(target, back)).toEqual(originalArchives.map((a) => withoutConfidentialTexts(a)));
    const everything = readdirSync(target)
      .filter((n) => n.endsWith('.json'))
      .map((n) => readFileSync(join(target, n), 'utf8'))
      .join('\n');
    expect(everything).not.toContain('Yvonne');
  }, 120_000);

  it('replaces an existing --out file whole (atomically), as clspd backup --out does', async () => {
    const zip = join(tempDir(), 'ancien.zip');
    writeFileSync(zip, 'ancien contenu');
    const r = await cli('server', 'export', '--database', db.url, '--out', zip);
    expect(r.code, r.err).toBe(0);
    expect(readFileSync(zip).subarray(0, 2).toString('latin1')).toBe('PK');
  }, 60_000);
});
