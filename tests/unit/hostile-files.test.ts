// Hostile and oversized imports: zip bombs and lying archives refused before parsing, tables bounded in rows, French messages, nothing changed.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { zipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { commands } from '../../src/main/cli/index';
import { runCli } from '../../src/main/cli/framework';
import { MAX_IMPORT_ROWS } from '../../src/main/services/sharing/hostile';
import { readZipDirectory } from '../../src/main/store/zipGuard';
import { Store } from '../../src/main/store/store';
import { captureIo, cleanTempDirs, looksFrench, sampleDatastore, sha256, tempDir } from '../helpers/fixtures';

afterEach(() => cleanTempDirs());

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string; ms: number }> {
  const c = captureIo();
  const t = performance.now();
  const code = await runCli(argv, commands, c.io);
  return { code, out: c.out.join('\n'), err: c.err.join('\n'), ms: performance.now() - t };
}

async function dataFolder(): Promise<string> {
  const dir = tempDir();
  const s = Store.open(dir, { owner: 'test' });
  await s.initialise(sampleDatastore());
  await s.close();
  return dir;
}

/** Sets the uncompressed size the central directory declares for `entry` (what a forged archive does). */
function forgeDeclaredSize(zip: Buffer, entry: string, size: number): Buffer {
  const out = Buffer.from(zip);
  let p = out.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
  while (p >= 0) {
    const nameLen = out.readUInt16LE(p + 28);
    if (out.toString('utf8', p + 46, p + 46 + nameLen) === entry) {
      out.writeUInt32LE(size, p + 24);
      return out;
    }
    p = out.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), p + 4);
  }
  throw new Error(`no entry ${entry}`);
}

async function partnersWorkbook(rows: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Partenaires');
  ws.addRow(['Structure', 'Catégorie', 'Courriel']);
  for (let i = 1; i <= rows; i++) ws.addRow([`Structure ${i}`, 'Associations', `contact${i}@exemple.fr`]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function refusedImport(dir: string, name: string, bytes: Buffer, kind = 'partners'): Promise<{ err: string; ms: number }> {
  const file = join(tempDir(), name);
  writeFileSync(file, bytes);
  const before = sha256(join(dir, 'clspd.json'));
  const r = await cli('import', kind, '--data', dir, '--file', file);
  expect(r.code, r.out).toBe(1);
  expect(looksFrench(r.err)).toBe(true);
  expect(r.err).toMatch(/Rien n’a été importé\.$/);
  expect(r.err).not.toMatch(/endommagé ou incomplet/);
  expect(sha256(join(dir, 'clspd.json'))).toBe(before);
  return r;
}

describe('zip bombs and forged archives', () => {
  it('refuses a workbook that inflates far beyond its size, from the sizes it declares, before exceljs sees it', async () => {
    const dir = await dataFolder();
    // A real bomb: 80 MB of the same byte deflates to about 80 KB.
    const bomb = Buffer.from(zipSync({ '[Content_Types].xml': Buffer.from('<Types/>'), 'xl/workbook.xml': Buffer.from('<workbook/>'), 'xl/worksheets/sheet1.xml': new Uint8Array(80 * 1024 * 1024).fill(0x20) }, { level: 9 }));
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const r = await refusedImport(dir, 'bombe.xlsx', bomb);
    expect(r.err).toMatch(/Ce classeur de 0,\d Mo annonce 80 Mo de contenu une fois décompressé, au-delà de la limite de 64 Mo/);
    // The case of the issue: a 5 MB workbook declaring 1.6 GB is refused from its directory alone, at once.
    const declared = forgeDeclaredSize(bomb, 'xl/worksheets/sheet1.xml', 1_600_000_000);
    const big = await refusedImport(dir, 'bombe-1-6-go.xlsx', declared);
    expect(big.err).toMatch(/annonce 1\s?525,9 Mo/);
    expect(big.ms).toBeLessThan(2_000);
  });

  it('refuses an archive whose entries inflate beyond what they declare (a forged directory), before parsing', async () => {
    const dir = await dataFolder();
    const good = await partnersWorkbook(20);
    const sheet = readZipDirectory(good)!.find((e) => e.name.startsWith('xl/worksheets/'))!;
    const r = await refusedImport(dir, 'menteur.xlsx', forgeDeclaredSize(good, sheet.name, 100));
    expect(r.err).toMatch(/Ce classeur est endommagé ou piégé : son contenu ne correspond pas aux tailles qu’il annonce/);
  });

  it('refuses a Word document bomb given as a table, naming it a document', async () => {
    const dir = await dataFolder();
    const docx = Buffer.from(zipSync({ '[Content_Types].xml': Buffer.from('<Types/>'), 'word/document.xml': new Uint8Array(70 * 1024 * 1024).fill(0x41) }, { level: 9 }));
    const r = await refusedImport(dir, 'compte-rendu.docx', docx);
    expect(r.err).toMatch(/^Erreur : Ce document de /);
  });

  it('reads an ordinary workbook as before', async () => {
    const dir = await dataFolder();
    const file = join(tempDir(), 'ok.xlsx');
    writeFileSync(file, await partnersWorkbook(12));
    const r = await cli('import', 'partners', '--data', dir, '--file', file, '--dry-run');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/Résumé : 12 ligne\(s\)/);
  });
});

describe('tables bounded in rows', () => {
  it(`refuses a CSV of 600,000 partners quickly with a message a coordinator understands (limit ${MAX_IMPORT_ROWS})`, async () => {
    const dir = await dataFolder();
    const lines = ['Structure;Catégorie;Courriel'];
    for (let i = 1; i <= 600_000; i++) lines.push(`A${i};Assoc;c${i}@x.fr`);
    const csv = Buffer.from(lines.join('\r\n'), 'utf8');
    expect(csv.length).toBeGreaterThan(15 * 1024 * 1024);
    expect(csv.length).toBeLessThan(20 * 1024 * 1024);
    const r = await refusedImport(dir, 'partenaires.csv', csv);
    expect(r.err).toMatch(/Ce fichier contient 600\s?000 lignes ; un import en accepte au plus 5\s?000 à la fois/);
    expect(r.ms).toBeLessThan(5_000);
  });

  it('refuses a workbook whose sheet declares too many rows, before loading it', async () => {
    const dir = await dataFolder();
    const r = await refusedImport(dir, 'trop.xlsx', await partnersWorkbook(MAX_IMPORT_ROWS + 500));
    expect(r.err).toMatch(/Ce fichier contient 5\s?500 lignes/);
  });
});
