// Sharing imports: partners/contacts and actions from XLSX/CSV (Excel styles), all or nothing, bad files, and the partner update round trip.
import { SCHEMA_VERSION, type Datastore } from '../../src/shared/model';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createContext, type ServiceContext } from '../../src/main/services/context';
import * as share from '../../src/main/services/sharing';
import { matchCategory } from '../../src/main/services/sharing/importPartners';
import { DATA_FILE, Store } from '../../src/main/store/store';
import type { ImportPreview } from '../../src/shared/contract/sharing';
import { sharing } from '../../src/shared/i18n/sharing';
import { presetCategories } from '../../src/main/services/categories';
import { setupDemo } from '../../src/main/services/app';
import { buildSharingDataset, INJECTION, NOW } from '../fixtures/sharing/dataset';

let dir: string;
let store: Store;
let ctx: ServiceContext;

async function open(doc: Datastore): Promise<void> {
  dir = mkdtempSync(join(tmpdir(), 'clspd-imp-'));
  store = Store.open(dir, { owner: 'test', now: () => NOW });
  await store.initialise(doc);
  ctx = createContext(store, {}, () => NOW);
}

beforeEach(async () => {
  await open(buildSharingDataset());
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

function file(name: string, data: Buffer | string): string {
  const p = join(dir, name);
  writeFileSync(p, data);
  return p;
}

const bytes = () => readFileSync(join(dir, DATA_FILE));

/** An empty council with the same settings, categories and strategy skeleton, but no partners or actions. */
function emptyCouncil(): Datastore {
  const d = buildSharingDataset();
  d.organisations = [];
  d.people = [];
  d.memberships = [];
  d.actions = [];
  d.meetings = [];
  return d;
}

async function reopen(doc: Datastore): Promise<void> {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  await open(doc);
}

function errorsOf(p: ImportPreview): string[] {
  return p.lines.flatMap((l) => l.errors.map((e) => `${l.row}|${e.column ?? ''}|${e.message}`));
}

describe('the demo commune', () => {
  it('exports and re-imports its partners and actions (XLSX and CSV) without any change, and builds an update file per pilot', async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
    dir = mkdtempSync(join(tmpdir(), 'clspd-imp-'));
    store = Store.open(dir, { owner: 'test', now: () => NOW });
    ctx = createContext(store, {}, () => NOW);
    await setupDemo(ctx);
    for (const kind of ['partners', 'actions'] as const) {
      for (const format of ['xlsx', 'csv'] as const) {
        const f = await share.exportTable(ctx, kind, format, {});
        const p = await share.previewImport(ctx, kind, file(`demo-${kind}.${format}`, f.data));
        expect(errorsOf(p), `${kind}.${format}`).toEqual([]);
        expect(p.lines.filter((l) => l.action !== 'unchanged').map((l) => `${l.label}: ${JSON.stringify(l.changes)}`), `${kind}.${format}`).toEqual([]);
      }
    }
    const pilots = new Set(store.data.actions.map((a) => a.pilot.organisationId).filter(Boolean) as string[]);
    for (const pilot of pilots) {
      try {
        const f = await share.exportUpdatePack(ctx, pilot, {});
        const p = await share.previewImport(ctx, 'updatePack', file('pack.xlsx', f.data));
        expect(p.fileErrors).toEqual([]);
        expect(p.lines).toEqual([]);
      } catch (e) {
        // A pilot whose only actions are confidential has nothing to receive.
        expect((e as Error).message).toMatch(/rien à lui envoyer/);
      }
    }
  });
});

describe('category matching', () => {
  it('ignores case, accents and plural, and falls back to nothing', () => {
    const cats = presetCategories();
    expect(matchCategory(cats, 'Bailleur social')?.id).toBe('bailleur');
    expect(matchCategory(cats, 'BAILLEURS SOCIAUX')?.id).toBe('bailleur');
    expect(matchCategory(cats, 'education nationale')?.id).toBe('education');
    expect(matchCategory(cats, 'Association')?.id).toBe('association');
    expect(matchCategory(cats, 'Préfecture')?.id).toBe('prefecture');
    expect(matchCategory(cats, 'Police municipale')?.id).toBe('police_municipale');
    expect(matchCategory(cats, 'Club de pétanque')).toBeUndefined();
  });
});

describe('partners import', () => {
  it('round trip: exported partners (CSV and XLSX) imported into an empty council give the same data', async () => {
    const original = store.data;
    for (const format of ['csv', 'xlsx'] as const) {
      const f = await share.exportTable(ctx, 'partners', format, {});
      const snapshot = JSON.parse(JSON.stringify(original)) as Datastore;
      await reopen(emptyCouncil());
      const p = await share.previewImport(ctx, 'partners', file(`p.${format}`, f.data));
      expect(errorsOf(p)).toEqual([]);
      expect(p.canApply).toBe(true);
      await share.applyImport(ctx, p.token);
      const d = store.data;
      const key = (o: { name: string; categoryId: string; email?: string; phone?: string; address?: string }) => [o.name, o.categoryId, o.email, o.phone, o.address].join('|');
      expect(d.organisations.map(key).sort()).toEqual(snapshot.organisations.map(key).sort());
      const pk = (x: { firstName: string; lastName: string; email?: string; phone?: string; jobTitle?: string; civility: string }) => [x.civility, x.firstName, x.lastName, x.email, x.phone, x.jobTitle].join('|');
      expect(d.people.map(pk).sort()).toEqual(snapshot.people.map(pk).sort());
      expect(d.people.find((x) => x.lastName === 'Écoute')?.jobTitle).toBe(INJECTION);
      expect(d.people.find((x) => x.lastName === 'Commissaire')?.phone).toBe('+33 6 12 34 56 78');
      await reopen(buildSharingDataset());
    }
  });

  it('re-importing the app’s own export merges every line with the existing records', async () => {
    const f = await share.exportTable(ctx, 'partners', 'xlsx', {});
    const p = await share.previewImport(ctx, 'partners', file('p.xlsx', f.data));
    expect(p.lines.every((l) => l.action === 'unchanged')).toBe(true);
  });

  it('reads an Excel French CSV in Windows-1252 with usual headers, merges duplicates and classes unknown categories in « Autres »', async () => {
    const csv = [
      'Nom de la structure;Catégorie;Contact;Fonction;Courriel;Téléphone;Adresse',
      'HABITAT LOIRE;Bailleur social;Mme Sophie DURAND;Responsable de secteur;sophie.durand@habitat-loire.fr;02 41 22 33 44;5 rue de la Gare',
      'Club de prévention Les Ponts;Club de pétanque;Karim Benali;Éducateur spécialisé;k.benali@ponts.fr;06 11 22 33 44;',
      'Commissariat de Valmont;Police nationale;Bruno Commissaire;Commissaire divisionnaire;BRUNO.COMMISSAIRE@interieur.gouv.fr;;',
      'Club de prévention Les Ponts;;Léa Martin;Cheffe de service;lea.martin@ponts.fr;;',
    ].join('\r\n');
    const p = await share.previewImport(ctx, 'partners', file('excel.csv', iconv.encode(csv, 'win1252')));
    expect(p.encoding).toBe('windows-1252');
    expect(p.delimiter).toBe(';');
    expect(errorsOf(p)).toEqual([]);
    expect(p.lines.map((l) => l.action)).toEqual(['merge', 'create', 'merge', 'merge']);
    expect(p.lines[1].warnings.join(' ')).toMatch(/Club de pétanque.*Autres/);
    expect(p.lines[2].changes).toEqual([{ field: 'jobTitle', label: 'Fonction', from: 'Commissaire', to: 'Commissaire divisionnaire' }]);
    const before = store.data.organisations.length;
    await share.applyImport(ctx, p.token);
    const d = store.data;
    expect(d.organisations).toHaveLength(before + 1);
    const habitat = d.organisations.find((o) => o.name === 'Habitat Loire')!;
    expect(habitat.address).toBe('5 rue de la Gare');
    expect(d.people.find((x) => x.email === 'sophie.durand@habitat-loire.fr')).toMatchObject({ civility: 'Mme', firstName: 'Sophie', lastName: 'DURAND', organisationId: habitat.id });
    const club = d.organisations.find((o) => o.name === 'Club de prévention Les Ponts')!;
    expect(club.categoryId).toBe('other');
    expect(d.people.filter((x) => x.organisationId === club.id)).toHaveLength(2);
    expect(d.people.filter((x) => x.lastName === 'Commissaire')).toHaveLength(1);
  });

  it('reads a comma CSV in UTF-8 with English headers in another order', async () => {
    const csv = 'Email,Phone,Name,Category\r\ncontact@mairie.fr,01 02 03 04 05,"Mairie, service jeunesse",Commune\r\n';
    const p = await share.previewImport(ctx, 'partners', file('en.csv', csv));
    expect(p.delimiter).toBe(',');
    expect(errorsOf(p)).toEqual([]);
    await share.applyImport(ctx, p.token);
    expect(store.data.organisations.find((o) => o.name === 'Mairie, service jeunesse')).toMatchObject({ email: 'contact@mairie.fr', phone: '01 02 03 04 05' });
  });

  it('is all or nothing: one bad e-mail names its row and column and nothing is imported', async () => {
    const before = bytes();
    const csv = 'Structure;Contact;Courriel\r\nNouvelle structure;Jean Bon;jean.bon@ok.fr\r\nAutre structure;Ana Lyse;pas-une-adresse\r\n';
    const p = await share.previewImport(ctx, 'partners', file('bad.csv', `\uFEFF${csv}`));
    expect(p.canApply).toBe(false);
    expect(errorsOf(p)).toEqual(['3|Courriel|« pas-une-adresse » n’est pas une adresse électronique valide (exemple : prenom.nom@ville.fr).']);
    await expect(share.applyImport(ctx, p.token)).rejects.toThrow(/erreurs/);
    expect(bytes().equals(before)).toBe(true);
  });

  it('lets the user correct the column mapping', async () => {
    const csv = 'Raison;Genre\r\nCentre social Arc-en-ciel;Centres sociaux\r\n';
    const p = await share.previewImport(ctx, 'partners', file('m.csv', csv));
    expect(p.fileErrors[0]).toMatch(/Structure/);
    const q = share.remapImport(ctx, p.token, { Raison: 'orgName', Genre: 'category' });
    expect(q.canApply).toBe(true);
    await share.applyImport(ctx, q.token);
    expect(store.data.organisations.find((o) => o.name === 'Centre social Arc-en-ciel')?.categoryId).toBe('quartier');
  });

  it('refuses bad files with a clear French message and leaves the datastore byte-for-byte unchanged', async () => {
    const before = bytes();
    const cases: [string, Buffer | string, RegExp][] = [
      ['empty.csv', '', /vide/],
      ['blank.csv', '\uFEFF\r\n\r\n', /vide/],
      ['doc.pdf', Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(100, 0)]), /ni un classeur Excel/],
      ['broken.csv', 'Structure;Courriel\r\n"Mairie;a@b.fr\r\nAutre;c@d.fr\r\n', /guillemet/],
      ['fake.xlsx', 'ceci n’est pas un classeur', /endommagé ou incomplet/],
    ];
    const good = await share.exportTable(ctx, 'partners', 'xlsx', {});
    cases.push(['truncated.xlsx', good.data.subarray(0, Math.floor(good.data.length / 2)), /endommagé ou incomplet/]);
    for (const [name, data, re] of cases) {
      await expect(share.previewImport(ctx, 'partners', file(name, data)), name).rejects.toThrow(re);
    }
    const big = file('big.csv', Buffer.alloc(50 * 1024 * 1024, 0x41));
    await expect(share.previewImport(ctx, 'partners', big)).rejects.toThrow(/50 Mo, au-delà de la limite de 20 Mo/);
    const newer = file('newer.json', JSON.stringify({ ...buildSharingDataset(), schemaVersion: SCHEMA_VERSION + 1 }));
    await expect(share.previewImport(ctx, 'backup', newer)).rejects.toThrow(/version plus récente/);
    expect(bytes().equals(before)).toBe(true);
  });
});

describe('actions import', () => {
  it('round trip: exported actions imported into an empty plan give the same fiches', async () => {
    const snapshot = JSON.parse(JSON.stringify(store.data)) as Datastore;
    const f = await share.exportTable(ctx, 'actions', 'xlsx', {});
    const doc = buildSharingDataset();
    doc.actions = [];
    await reopen(doc);
    const p = await share.previewImport(ctx, 'actions', file('a.xlsx', f.data));
    expect(errorsOf(p)).toEqual([]);
    expect(p.lines.every((l) => l.action === 'create')).toBe(true);
    await share.applyImport(ctx, p.token);
    const pick = (a: Datastore['actions'][number]) => ({
      code: a.code,
      title: a.title,
      objectiveId: a.objectiveId,
      pilot: a.pilot.organisationId,
      status: a.status,
      progress: a.progress,
      startDate: a.startDate,
      endDate: a.endDate,
      description: a.description,
      targetPublic: a.targetPublic,
      followingInstanceId: a.followingInstanceId,
    });
    const expected = snapshot.actions.filter((a) => a.followingInstanceId !== 'ins_cell').map(pick);
    expect(store.data.actions.map(pick)).toEqual(expected);
    expect(store.data.actions[0].description).toBe(INJECTION);
  });

  it('re-importing the own CSV export changes nothing; edited values show old → new', async () => {
    const f = await share.exportTable(ctx, 'actions', 'csv', {});
    const edited = f.data.toString('utf8').replace(';Opération tranquillité vacances;', ';Opération tranquillité vacances été;');
    const p = await share.previewImport(ctx, 'actions', file('a.csv', edited));
    expect(errorsOf(p)).toEqual([]);
    const changed = p.lines.filter((l) => l.action !== 'unchanged');
    expect(changed).toHaveLength(1);
    expect(changed[0].changes).toEqual([{ field: 'title', label: 'Intitulé', from: 'Opération tranquillité vacances', to: 'Opération tranquillité vacances été' }]);
  });

  it('matches rows by code (same title, other code = another action), by title only when there is no code', async () => {
    const csv = ['Code;Intitulé;Avancement', 'B1;Permanence juridique;10', 'B2;Permanence juridique;20', ';Opération tranquillité vacances;35', 'A1.1.1;Interventions en milieu scolaire;45'].join('\r\n');
    const p = await share.previewImport(ctx, 'actions', file('codes.csv', csv));
    expect(p.lines.map((l) => l.action)).toEqual(['create', 'create', 'merge', 'merge']);
    await share.applyImport(ctx, p.token);
    const d = store.data;
    expect(d.actions.filter((a) => a.title === 'Permanence juridique').map((a) => a.code).sort()).toEqual(['B1', 'B2']);
    expect(d.actions.find((a) => a.id === 'act_2')?.progress).toBe(35);
    const a1 = d.actions.find((a) => a.id === 'act_1')!;
    expect(a1.progress).toBe(45);
    expect(a1.journal.at(-1)).toMatchObject({ field: 'progress', from: '40', to: '45', comment: 'Import du fichier codes.csv' });
  });

  it('flags 130 %, text in a number column, an unknown status and a bad date with row and column', async () => {
    const before = bytes();
    const csv = [
      'Code;Intitulé;État;Avancement (%);Date de fin',
      'N1;Nouvelle action;En cours;130;31/12/2026',
      'N2;Autre action;En cours;beaucoup;',
      'N3;Troisième;Presque finie;50;',
      'N4;Quatrième;À lancer;0;31/02/2026',
      'N5;Cinquième;Réalisée;100;15/06/2026',
    ].join('\r\n');
    const p = await share.previewImport(ctx, 'actions', file('a.csv', csv));
    expect(errorsOf(p)).toEqual([
      '2|Avancement (%)|130 % dépasse le maximum (100 %).',
      '3|Avancement (%)|« beaucoup » n’est pas un nombre.',
      '4|État|« Presque finie » n’est pas un état reconnu (À lancer, En cours, Réalisée, Reportée, Abandonnée).',
      '5|Date de fin|« 31/02/2026 » n’est pas une date valide (JJ/MM/AAAA attendu).',
    ]);
    expect(p.lines[4].action).toBe('create');
    expect(p.canApply).toBe(false);
    await expect(share.applyImport(ctx, p.token)).rejects.toThrow(/Rien n’a été importé/);
    expect(bytes().equals(before)).toBe(true);
  });
});

describe('partner update round trip', () => {
  async function pack(pilotId = 'org_pol'): Promise<Buffer> {
    return (await share.exportUpdatePack(ctx, pilotId, {})).data;
  }

  async function edit(buf: Buffer, fn: (ws: ExcelJS.Worksheet, rowOf: (key: string) => ExcelJS.Row) => void): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const ws = wb.getWorksheet(sharing.sheets.updatePack)!;
    const rowOf = (key: string) => {
      let found: ExcelJS.Row | undefined;
      ws.eachRow((r) => {
        if (r.getCell(1).value === key) found = r;
      });
      return found!;
    };
    fn(ws, rowOf);
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  it('exports a locked sheet with editable yellow cells, a status list and a very hidden identifier', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await pack()) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet(sharing.sheets.updatePack)!;
    const meta = wb.getWorksheet('_clspd')!;
    expect(meta.state).toBe('veryHidden');
    expect(meta.getCell('B2').value).toBe('org_pol');
    expect(String(meta.getCell('B4').value).split(',').sort()).toEqual(['act_1', 'act_2']);
    expect(ws.getColumn(1).hidden).toBe(true);
    expect(String(ws.getCell('B1').value)).toContain('Commissariat de Valmont');
    expect(String(ws.getCell('B2').value)).toContain('verrouillées');
    let actionRow: ExcelJS.Row | undefined;
    ws.eachRow((r) => {
      if (r.getCell(1).value === 'A:act_1') actionRow = r;
    });
    expect(actionRow!.getCell(6).protection?.locked).toBe(false);
    expect(actionRow!.getCell(4).protection?.locked).not.toBe(false);
    expect(actionRow!.getCell(6).dataValidation.formulae[0]).toBe('"À lancer,En cours,Réalisée,Reportée,Abandonnée"');
    expect((ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet).toBe(true);
  });

  it('imports a file edited as a partner would, mistakes included, then applies the accepted lines once with journal entries', async () => {
    const filled = await edit(await pack(), (_ws, rowOf) => {
      const a1 = rowOf('A:act_1');
      a1.getCell(6).value = 'Réalisée';
      a1.getCell(7).value = 100;
      a1.getCell(8).value = 'Toutes les séances ont eu lieu.';
      const i1 = rowOf('I:act_1:ind_1');
      i1.getCell(10).value = 38;
      i1.getCell(11).value = new Date(Date.UTC(2026, 10, 15));
      const i2 = rowOf('I:act_1:ind_2');
      i2.getCell(10).value = 'environ 700';
      i2.getCell(11).value = '15/11/2026';
      const a2 = rowOf('A:act_2');
      a2.getCell(7).value = 130;
    });
    const p = await share.previewImport(ctx, 'updatePack', file('retour.xlsx', filled));
    expect(p.fileErrors).toEqual([]);
    expect(p.notices[0]).toContain('Commissariat de Valmont');
    const byId = Object.fromEntries(p.lines.map((l) => [l.id, l]));
    expect(byId['A:act_1'].changes).toEqual([
      { field: 'status', label: 'État d’avancement', from: 'En cours', to: 'Réalisée' },
      { field: 'progress', label: 'Avancement', from: '40 %', to: '100 %' },
      { field: 'comment', label: 'Commentaire', to: 'Toutes les séances ont eu lieu.' },
    ]);
    expect(byId['I:act_1:ind_1'].changes[0]).toMatchObject({ field: 'measurement', to: '38 séances au 15/11/2026' });
    expect(byId['I:act_1:ind_2'].acceptable).toBe(false);
    expect(byId['I:act_1:ind_2'].errors[0]).toEqual({ column: 'Nouvelle valeur', message: '« environ 700 » n’est pas un nombre.' });
    expect(byId['A:act_2'].errors[0].message).toBe('130 % dépasse le maximum (100 %).');
    // The coordinator rejects the measurement line and applies the rest.
    const r = await share.applyImport(ctx, p.token, ['A:act_1']);
    expect(r.applied).toBe(1);
    const a = store.data.actions.find((x) => x.id === 'act_1')!;
    expect(a).toMatchObject({ status: 'done', progress: 100 });
    expect(a.indicators[0].measurements).toHaveLength(2);
    const note = 'mise à jour transmise par Commissariat de Valmont le 26/11/2026';
    expect(a.journal.find((j) => j.field === 'status')?.comment).toBe(`${note} : Toutes les séances ont eu lieu.`);
    expect(a.journal.find((j) => j.field === 'update_pack')).toMatchObject({ comment: note, to: NOW.toISOString() });
  });

  it('applies a measurement line, and refuses the same file (or an older one) a second time', async () => {
    const filled = await edit(await pack(), (_ws, rowOf) => {
      const i1 = rowOf('I:act_1:ind_1');
      i1.getCell(10).value = '38,5';
      i1.getCell(11).value = '15/11/2026';
    });
    const p = await share.previewImport(ctx, 'updatePack', file('retour.xlsx', filled));
    await share.applyImport(ctx, p.token, p.lines.filter((l) => l.acceptable).map((l) => l.id));
    const ind = store.data.actions.find((x) => x.id === 'act_1')!.indicators[0];
    expect(ind.measurements.at(-1)).toMatchObject({ date: '2026-11-15', value: 38.5 });
    const again = await share.previewImport(ctx, 'updatePack', file('retour2.xlsx', filled));
    expect(again.lines.every((l) => !l.acceptable)).toBe(true);
    expect(again.lines[0].errors[0].message).toMatch(/plus ancien que la dernière mise à jour appliquée/);
    expect(again.canApply).toBe(false);
  });

  it('flags a file for another pilot, an altered identifier, a foreign workbook and an unknown action', async () => {
    const p = await share.previewImport(ctx, 'updatePack', file('p.xlsx', await pack()), { expectedPilotId: 'org_col' });
    expect(p.fileErrors[0]).toBe('Cette fiche de mise à jour a été préparée pour Commissariat de Valmont, pas pour Collège Jean Moulin.');
    expect(p.canApply).toBe(false);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await pack()) as unknown as ArrayBuffer);
    wb.getWorksheet('_clspd')!.getCell('B2').value = 'org_col';
    const tampered = Buffer.from(await wb.xlsx.writeBuffer());
    await expect(share.previewImport(ctx, 'updatePack', file('t.xlsx', tampered))).rejects.toThrow(/identifiant caché/);

    const foreign = await share.exportTable(ctx, 'actions', 'xlsx', {});
    await expect(share.previewImport(ctx, 'updatePack', file('f.xlsx', foreign.data))).rejects.toThrow(/n’est pas une fiche de mise à jour/);

    const filled = await edit(await pack(), (_ws, rowOf) => {
      rowOf('A:act_2').getCell(7).value = 20;
    });
    await store.update((d) => {
      d.actions = d.actions.filter((a) => a.id !== 'act_2');
    });
    const q = await share.previewImport(ctx, 'updatePack', file('u.xlsx', filled));
    expect(q.lines[0]).toMatchObject({ id: 'A:act_2', acceptable: false });
    expect(q.lines[0].errors[0].message).toMatch(/Action inconnue/);
  });

  it('does not revert a change the coordinator made after the export', async () => {
    const exported = await pack();
    await store.update((d) => {
      d.actions.find((a) => a.id === 'act_2')!.status = 'in_progress';
    });
    const filled = await edit(exported, (_ws, rowOf) => {
      rowOf('A:act_1').getCell(8).value = 'RAS';
    });
    const p = await share.previewImport(ctx, 'updatePack', file('r.xlsx', filled));
    expect(p.lines.map((l) => l.id)).toEqual(['A:act_1']);
  });
});
