// `clspd export …` and `clspd import …` run in-process: files written, dry runs, invalid files naming row and column, datastore unchanged.
import { SCHEMA_VERSION } from '../../src/shared/model';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import ICAL from 'ical.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commands } from '../../src/main/cli/index';
import { runCli } from '../../src/main/cli/framework';
import { DATA_FILE, Store } from '../../src/main/store/store';
import { sharing } from '../../src/shared/i18n/sharing';
import { buildSharingDataset, SECRET_DECISION } from '../fixtures/sharing/dataset';
import { backupEntry } from '../helpers/fixtures';

let root: string;
let data: string;

beforeEach(async () => {
  root = mkdtempSync(join(tmpdir(), 'clspd-cli-share-'));
  data = join(root, 'data');
  const store = Store.open(data, { owner: 'test' });
  await store.initialise(buildSharingDataset());
  await store.close();
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, commands, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const bytes = () => readFileSync(join(data, DATA_FILE));
const out = (name: string) => join(root, name);

describe('clspd export', () => {
  it('writes every table in XLSX and CSV, leaving confidential content out unless asked', async () => {
    for (const t of ['actions', 'indicators', 'partners', 'memberships', 'decisions', 'attendance']) {
      for (const f of ['xlsx', 'csv']) {
        const r = await cli('export', f, t, '--data', data, '--out', out(`${t}.${f}`));
        expect(r.code, r.err).toBe(0);
        expect(existsSync(out(`${t}.${f}`))).toBe(true);
      }
    }
    const plain = await cli('export', 'csv', 'decisions', '--data', data, '--out', out('d.csv'));
    expect(plain.out).toMatch(/1 élément\(s\) confidentiel\(s\) laissé\(s\) de côté/);
    expect(readFileSync(out('d.csv'), 'utf8')).not.toContain(SECRET_DECISION);
    const conf = await cli('export', 'csv', 'decisions', '--data', data, '--out', out('dc.csv'), '--include-confidential');
    expect(conf.out).toContain('CONFIDENTIEL-decisions');
    const text = readFileSync(out('dc.csv'), 'utf8');
    expect(text.slice(1).split('\r\n')[0]).toBe(sharing.confidentialBanner);
    expect(text).toContain(SECRET_DECISION);
  });

  it('writes ics, eml, docx, json and update-pack files', async () => {
    expect((await cli('export', 'ics', '--data', data, '--meeting', 'mee_rest', '--out', out('m.ics'))).code).toBe(0);
    expect(new ICAL.Component(ICAL.parse(readFileSync(out('m.ics'), 'utf8'))).getAllSubcomponents('vevent')).toHaveLength(1);
    expect((await cli('export', 'ics', '--data', data, '--instance', 'ins_rest', '--out', out('i.ics'))).code).toBe(0);
    const conf = await cli('export', 'ics', '--data', data, '--meeting', 'mee_cell2', '--out', out('c.ics'));
    expect(conf.code).toBe(1);
    expect(conf.err).toMatch(/--include-confidential/);
    expect(existsSync(out('c.ics'))).toBe(false);
    const eml = await cli('export', 'eml', '--data', data, '--meeting', 'mee_rest', '--out', out('m.eml'));
    expect(eml.code).toBe(0);
    expect(eml.out).toMatch(/avec la convocation \(PDF\)/);
    expect(readFileSync(out('m.eml'), 'utf8')).toMatch(/^X-Unsent: 1/);
    expect((await cli('export', 'docx', 'minutes', '--data', data, '--meeting', 'mee_plen', '--out', out('m.docx'))).code).toBe(0);
    expect(readFileSync(out('m.docx')).subarray(0, 2).toString()).toBe('PK');
    const json = await cli('export', 'json', '--data', data, '--out', out('b.json'));
    expect(json.out).toContain('ce n’est pas un fichier à partager');
    // The complete backup, written at exactly the path given: a zip whose clspd.json is the live data.
    expect(readFileSync(out('b.json')).subarray(0, 2).toString()).toBe('PK');
    expect(JSON.parse(backupEntry(out('b.json'), 'clspd.json')!.toString('utf8')).schemaVersion).toBe(SCHEMA_VERSION);
    const live = await cli('export', 'live-json', '--data', data, '--out', out('live.json'));
    expect(live.out).toContain('pas une sauvegarde complète');
    expect(JSON.parse(readFileSync(out('live.json'), 'utf8')).schemaVersion).toBe(SCHEMA_VERSION);
    const pack = await cli('export', 'update-pack', '--data', data, '--pilot', 'org_pol', '--out', out('p.xlsx'));
    expect(pack.code, pack.err).toBe(0);
    const unknown = await cli('export', 'update-pack', '--data', data, '--pilot', 'org_nope', '--out', out('q.xlsx'));
    expect(unknown.code).toBe(1);
    expect(unknown.err).toMatch(/clspd list partners/);
  });

  it('explains usage mistakes in French', async () => {
    const r = await cli('export', 'xlsx', 'everything', '--data', data, '--out', out('x.xlsx'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/Précisez le tableau/);
    const s = await cli('export', 'ics', '--data', data, '--out', out('x.ics'));
    expect(s.err).toMatch(/--meeting ID, soit --instance ID/);
  });
});

describe('clspd import', () => {
  it('--dry-run prints the preview and changes nothing', async () => {
    const before = bytes();
    writeFileSync(out('p.csv'), '\uFEFFStructure;Catégorie;Contact;Courriel\r\nCentre social Arc-en-ciel;Centres sociaux;Léa Martin;lea@arc.fr\r\nHabitat Loire;Bailleurs;;\r\n');
    const r = await cli('import', 'partners', '--data', data, '--file', out('p.csv'), '--dry-run');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('Ligne 2 [Création] Centre social Arc-en-ciel — Léa Martin');
    expect(r.out).toContain('Ligne 3 [Inchangé] Habitat Loire');
    expect(r.out).toContain('Simulation (--dry-run) : rien n’a été modifié.');
    expect(bytes().equals(before)).toBe(true);
    const real = await cli('import', 'partners', '--data', data, '--file', out('p.csv'));
    expect(real.code, real.err).toBe(0);
    expect(bytes().equals(before)).toBe(false);
  });

  it('an invalid file exits non-zero, names the row and column, and leaves the datastore byte-for-byte unchanged', async () => {
    const before = bytes();
    writeFileSync(out('a.csv'), 'Code;Intitulé;Avancement (%)\r\nN1;Action nouvelle;50\r\nN2;Autre;130\r\n');
    const r = await cli('import', 'actions', '--data', data, '--file', out('a.csv'));
    expect(r.code).toBe(1);
    expect(r.err).toContain('Ligne 3, colonne « Avancement (%) » : 130 % dépasse le maximum (100 %).');
    expect(r.err).toContain('Rien n’a été importé');
    for (const [name, content] of [
      ['empty.csv', ''],
      ['broken.csv', 'Structure;Courriel\r\n"Mairie;a@b.fr\r\n'],
      ['trunc.xlsx', 'PK\u0003\u0004abc'],
    ] as const) {
      writeFileSync(out(name), content);
      const x = await cli('import', 'partners', '--data', data, '--file', out(name));
      expect(x.code, name).toBe(1);
      expect(x.err, name).toMatch(/^Erreur : /);
    }
    writeFileSync(out('newer.json'), JSON.stringify({ ...buildSharingDataset(), schemaVersion: 7 }));
    const j = await cli('import', 'json', '--data', data, '--file', out('newer.json'));
    expect(j.code).toBe(1);
    expect(j.err).toMatch(/version plus récente/);
    expect(bytes().equals(before)).toBe(true);
  });

  it('imports a filled update pack, and a JSON backup like clspd restore', async () => {
    await cli('export', 'update-pack', '--data', data, '--pilot', 'org_pol', '--out', out('p.xlsx'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(out('p.xlsx')) as unknown as ArrayBuffer);
    wb.getWorksheet(sharing.sheets.updatePack)!.eachRow((r) => {
      if (r.getCell(1).value === 'A:act_2') r.getCell(7).value = 25;
    });
    writeFileSync(out('p2.xlsx'), Buffer.from(await wb.xlsx.writeBuffer()));
    const dry = await cli('import', 'update-pack', '--data', data, '--file', out('p2.xlsx'), '--dry-run');
    expect(dry.out).toContain('Avancement : 0 % → 25 %');
    const r = await cli('import', 'update-pack', '--data', data, '--file', out('p2.xlsx'));
    expect(r.code, r.err).toBe(0);
    const doc = JSON.parse(bytes().toString('utf8'));
    expect(doc.actions.find((a: { id: string }) => a.id === 'act_2').progress).toBe(25);
    const again = await cli('import', 'update-pack', '--data', data, '--file', out('p2.xlsx'));
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/plus ancien/);

    await cli('export', 'json', '--data', data, '--out', out('b.json'));
    const restore = await cli('import', 'json', '--data', data, '--file', out('b.json'));
    expect(restore.code, restore.err).toBe(0);
    expect(restore.out).toMatch(/Sauvegarde restaurée.*backups/);
  });
});
