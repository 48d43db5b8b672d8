// Command-line tests: init, check, backup, restore, list and the framework's help and French usage errors.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commands } from '../../src/main/cli/index';
import { type Command, runCli } from '../../src/main/cli/framework';
import { BACKUP_DIR, listBackups } from '../../src/main/store/backups';
import { DATA_FILE, inspectFile, Store } from '../../src/main/store/store';
import { DomainError } from '../../src/shared/result';
import type { ArchiveFile } from '../../src/shared/model';
import { backupEntryHash, captureIo, cleanTempDirs, looksFrench, sampleDatastore, sha256, tempDir } from '../helpers/fixtures';

const savedEnv = process.env.CLSPD_DATA;
beforeEach(() => {
  delete process.env.CLSPD_DATA;
});
afterEach(() => {
  if (savedEnv === undefined) delete process.env.CLSPD_DATA;
  else process.env.CLSPD_DATA = savedEnv;
  cleanTempDirs();
});

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const c = captureIo();
  const code = await runCli(argv, commands, c.io);
  return { code, out: c.out.join('\n'), err: c.err.join('\n') };
}

/** A data folder holding the sample datastore (lock released). */
async function sampleFolder(): Promise<{ dir: string; file: string }> {
  const dir = tempDir();
  const store = Store.open(dir, { owner: 'test' });
  await store.initialise(sampleDatastore());
  await store.close();
  return { dir, file: join(dir, DATA_FILE) };
}

/** Every file under `dir` with its hash, to prove a command changed nothing. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string, prefix: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p, `${prefix}${e.name}/`);
      else out[`${prefix}${e.name}`] = sha256(p);
    }
  };
  if (existsSync(dir)) walk(dir, '');
  return out;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const CONFIDENTIALITY = ['public', 'restricted', 'confidential'];

describe('help and usage errors', () => {
  it('prints the general help with every command for --help, exit 0; nothing at all is a usage error', async () => {
    const r = await cli('--help');
    expect(r.code).toBe(0);
    for (const c of commands) expect(r.out).toContain(c.name);
    expect(r.out).toContain('Utilisation : clspd <commande>');
    expect((await cli()).code).toBe(2);
    expect((await cli('help')).code).toBe(0);
  });

  it('answers --help and -h on every command with exit 0 and its options', async () => {
    expect(commands.length).toBeGreaterThanOrEqual(6);
    for (const c of commands) {
      for (const flag of ['--help', '-h']) {
        const r = await cli(c.name, flag);
        expect(r.code, `${c.name} ${flag}`).toBe(0);
        expect(r.err).toBe('');
        expect(r.out).toContain(`Utilisation : clspd ${c.usage}`);
        for (const f of Object.keys(c.flags)) expect(r.out).toContain(`--${f}`);
      }
    }
  });

  it('refuses an unknown command with a French message, exit 2', async () => {
    const r = await cli('frobnicate', '--data', '/tmp/x');
    expect(r.code).toBe(2);
    expect(r.err).toContain('Commande inconnue : « frobnicate »');
    expect(looksFrench(r.err)).toBe(true);
  });

  const usageErrors: [string, string[], RegExp][] = [
    ['unknown option', ['check', '--data', 'DIR', '--force'], /Option inconnue : --force/],
    ['missing value', ['check', '--data'], /L’option --data attend une valeur/],
    ['empty value', ['check', '--data='], /L’option --data attend une valeur/],
    ['value given to a switch', ['list', 'meetings', '--data', 'DIR', '--json=yes'], /ne prend pas de valeur/],
    ['extra argument', ['check', '--data', 'DIR', 'surplus'], /Argument inattendu : « surplus »/],
    ['missing required option', ['restore', '--data', 'DIR'], /L’option --from est obligatoire/],
    ['no data folder', ['check'], /Indiquez le dossier de données/],
    ['nothing to list', ['list', '--data', 'DIR'], /Précisez quoi lister/],
    ['unknown list kind', ['list', 'people', '--data', 'DIR'], /Précisez quoi lister/],
    ['two list kinds', ['list', 'meetings', 'actions', '--data', 'DIR'], /Argument inattendu : « actions »/],
    ['bad demo scale', ['demo', '--data', 'DIR', '--scale', '99y'], /Seule l’échelle « 10y »/],
  ];
  for (const [name, argv, message] of usageErrors) {
    it(`${name}: French message, exit 2, nothing created`, async () => {
      const dir = join(tempDir(), 'never-created');
      const r = await cli(...argv.map((a) => (a === 'DIR' ? dir : a)));
      expect(r.code).toBe(2);
      expect(r.err).toMatch(message);
      expect(r.err).toMatch(/^Erreur : /);
      expect(r.err).toContain('Utilisation : clspd');
      expect(existsSync(dir)).toBe(false);
    });
  }

  it('turns a domain error into exit 1 and an unexpected one into exit 1 with a French prefix, never throwing', async () => {
    const boom: Command[] = [
      {
        name: 'domain',
        summary: 'x',
        usage: 'domain',
        flags: {},
        run: async () => {
          throw new DomainError('conflict', 'Refusé : déjà fait.');
        },
      },
      {
        name: 'crash',
        summary: 'x',
        usage: 'crash',
        flags: {},
        run: async () => {
          throw new TypeError('x is undefined');
        },
      },
    ];
    const c = captureIo();
    expect(await runCli(['domain'], boom, c.io)).toBe(1);
    expect(await runCli(['crash'], boom, c.io)).toBe(1);
    expect(c.err).toEqual(['Erreur : Refusé : déjà fait.', 'Erreur inattendue : x is undefined']);
  });
});

describe('init', () => {
  it('creates an empty council with default settings in a new folder', async () => {
    const dir = join(tempDir(), 'nouveau', 'dossier');
    const r = await cli('init', '--data', dir);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Dossier de données créé');
    const f = inspectFile(join(dir, DATA_FILE));
    expect(f.ok).toBe(true);
    if (!f.ok) return;
    expect(f.data.settings.configured).toBe(false);
    expect(f.data.settings.demo).toBe(false);
    expect(f.data.categories.length).toBeGreaterThan(5);
    expect(f.data.meetings).toEqual([]);
    expect(existsSync(join(dir, 'clspd.lock'))).toBe(false);
  });

  it('accepts an existing empty folder, and CLSPD_DATA instead of --data', async () => {
    const dir = tempDir();
    process.env.CLSPD_DATA = dir;
    const r = await cli('init');
    expect(r.code).toBe(0);
    expect(inspectFile(join(dir, DATA_FILE)).ok).toBe(true);
  });

  it('refuses a non-empty folder and leaves it as it was', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'notes.txt'), 'à garder');
    const before = snapshot(dir);
    const r = await cli('init', '--data', dir);
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(/n’est pas vide/);
    expect(looksFrench(r.err)).toBe(true);
    expect(snapshot(dir)).toEqual(before);
  });

  it('refuses a folder that already holds a datastore (valid or broken), untouched', async () => {
    const { dir } = await sampleFolder();
    const broken = tempDir();
    writeFileSync(join(broken, DATA_FILE), '{"schemaVersion":1,');
    for (const d of [dir, broken]) {
      const before = snapshot(d);
      for (const argv of [['init', '--data', d], ['init', '--data', d, '--demo']]) {
        const r = await cli(...argv);
        expect(r.code).not.toBe(0);
        expect(r.err).toMatch(/contient déjà des données Coordination CLSPD/);
        expect(snapshot(d)).toEqual(before);
      }
    }
  });

  it('--demo fills the folder with the demonstration commune', async () => {
    const dir = tempDir();
    const r = await cli('init', '--data', dir, '--demo');
    expect(r.code).toBe(0);
    expect(r.out).toContain('démonstration');
    const f = inspectFile(join(dir, DATA_FILE));
    expect(f.ok && f.data.settings.demo).toBe(true);
    expect(f.ok && f.data.settings.configured).toBe(true);
  });
});

describe('check', () => {
  it('exits 0 on a valid datastore with a French summary, without changing anything (even while locked)', async () => {
    const { dir } = await sampleFolder();
    const before = snapshot(dir);
    const held = Store.open(dir, { owner: 'test' });
    try {
      const r = await cli('check', '--data', dir);
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/Données valides : 3 partenaires, 3 instances, 3 réunions, 3 actions/);
    } finally {
      await held.close();
    }
    expect(snapshot(dir)).toEqual(before);
  });

  const bad: [string, string, RegExp][] = [
    ['corrupt', '{"schemaVersion":1,"settings":', /endommagé ou incomplet/],
    ['newer', JSON.stringify({ ...sampleDatastore(), schemaVersion: 3 }), /version plus récente/],
    ['schema-invalid', JSON.stringify({ ...sampleDatastore(), actions: [{ id: 'a' }] }), /non conformes/],
  ];
  for (const [name, content, message] of bad) {
    it(`exits non-zero on a ${name} file with a French explanation, the folder untouched`, async () => {
      const dir = tempDir();
      writeFileSync(join(dir, DATA_FILE), content);
      const before = snapshot(dir);
      const r = await cli('check', '--data', dir);
      expect(r.code).not.toBe(0);
      expect(r.err).toMatch(message);
      expect(looksFrench(r.err)).toBe(true);
      expect(snapshot(dir)).toEqual(before);
    });
  }

  it('exits non-zero when there is no datastore', async () => {
    const dir = tempDir();
    const r = await cli('check', '--data', dir);
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(/Aucune donnée/);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('backup and restore', () => {
  it('backup --out writes a complete backup at exactly that path, whatever its extension; without --out it goes into backups/', async () => {
    const { dir, file } = await sampleFolder();
    const out = join(tempDir(), 'sauvegarde.json');
    const r = await cli('backup', '--data', dir, '--out', out);
    expect(r.code).toBe(0);
    expect(r.out).toContain(resolve(out));
    expect(backupEntryHash(out, DATA_FILE)).toBe(sha256(file));
    expect(readdirSync(dirname(out))).toEqual(['sauvegarde.json']);
    const r2 = await cli('backup', '--data', dir);
    expect(r2.code).toBe(0);
    const manual = listBackups(dir).filter((b) => b.reason === 'manual');
    expect(manual).toHaveLength(1);
    expect(backupEntryHash(manual[0].file, DATA_FILE)).toBe(sha256(file));
  });

  it('backup refuses a corrupt datastore and writes nothing', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, DATA_FILE), '{oops');
    const out = join(tempDir(), 'sauvegarde.json');
    const r = await cli('backup', '--data', dir, '--out', out);
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(/^Sauvegarde impossible/);
    expect(existsSync(out)).toBe(false);
  });

  async function folderWithBackup(): Promise<{ dir: string; file: string; backup: string }> {
    const { dir, file } = await sampleFolder();
    const backup = join(tempDir(), 'sauvegarde.json');
    expect((await cli('backup', '--data', dir, '--out', backup)).code).toBe(0);
    return { dir, file, backup };
  }

  it('restore moves the current datastore aside into backups/ and puts the backup in place', async () => {
    const { dir, file, backup } = await folderWithBackup();
    const s = Store.open(dir, { owner: 'test' });
    await s.update((d) => {
      d.settings.communeName = 'Modifiée';
    });
    await s.close();
    const currentHash = sha256(file);
    const r = await cli('restore', '--data', dir, '--from', backup);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Sauvegarde restaurée\. Les données précédentes sont conservées dans .*backups/);
    const aside = listBackups(dir).filter((b) => b.reason === 'restore');
    expect(aside).toHaveLength(1);
    expect(backupEntryHash(aside[0].file, DATA_FILE)).toBe(currentHash);
    const f = inspectFile(file);
    expect(f.ok && f.data.settings.communeName).toBe('Valbourg');
    expect(existsSync(join(dir, 'clspd.lock'))).toBe(false);
  });

  const currents: [string, (file: string) => void][] = [
    ['corrupt', (f) => writeFileSync(f, '{"schemaVersion":1,"sett')],
    ['newer', (f) => writeFileSync(f, JSON.stringify({ ...sampleDatastore(), schemaVersion: 4 }))],
    ['unreadable', (f) => mkdirSync(join(f, 'not-a-file'), { recursive: true })],
  ];
  for (const [name, spoil] of currents) {
    it(`restore works over a ${name} current datastore, which is kept aside in backups/`, async () => {
      const { dir, file, backup } = await folderWithBackup();
      rmSync(file);
      spoil(file);
      const brokenHash = name === 'unreadable' ? undefined : sha256(file);
      expect((await cli('check', '--data', dir)).code).not.toBe(0);
      const r = await cli('restore', '--data', dir, '--from', backup);
      expect(r.code).toBe(0);
      const aside = readdirSync(join(dir, BACKUP_DIR)).filter((n) => /-broken(-\d+)?\.(json|zip)$/.test(n));
      expect(aside).toHaveLength(1);
      if (brokenHash) expect(backupEntryHash(join(dir, BACKUP_DIR, aside[0]), DATA_FILE)).toBe(brokenHash);
      else expect(existsSync(join(dir, BACKUP_DIR, aside[0], 'not-a-file'))).toBe(true);
      expect((await cli('check', '--data', dir)).code).toBe(0);
      expect(sha256(file)).toBe(backupEntryHash(backup, DATA_FILE));
    });
  }

  it('restore refuses an invalid backup with a French message; the current datastore is untouched', async () => {
    const { dir, file } = await sampleFolder();
    const hash = sha256(file);
    for (const content of ['{broken', JSON.stringify({ ...sampleDatastore(), schemaVersion: 5 }), JSON.stringify({ schemaVersion: 1 })]) {
      const bad = join(tempDir(), 'mauvaise.json');
      writeFileSync(bad, content);
      const r = await cli('restore', '--data', dir, '--from', bad);
      expect(r.code).not.toBe(0);
      expect(r.err).toMatch(/Restauration impossible/);
      expect(looksFrench(r.err)).toBe(true);
      expect(sha256(file)).toBe(hash);
      expect(listBackups(dir).filter((b) => b.reason === 'restore' || b.reason === 'broken')).toEqual([]);
    }
    const missing = await cli('restore', '--data', dir, '--from', join(dir, 'absente.json'));
    expect(missing.code).not.toBe(0);
    expect(missing.err).toMatch(/introuvable/);
    expect(sha256(file)).toBe(hash);
  });

  it('restore refuses while the app holds the folder, with a French locked message', async () => {
    const { dir, file, backup } = await folderWithBackup();
    const hash = sha256(file);
    const held = Store.open(dir, { owner: 'app' });
    try {
      const r = await cli('restore', '--data', dir, '--from', backup);
      expect(r.code).not.toBe(0);
      expect(r.err).toMatch(/déjà ouvertes par l’application/);
      expect(sha256(file)).toBe(hash);
    } finally {
      await held.close();
    }
  });
});

describe('list', () => {
  async function listJson(kind: string, dir: string): Promise<Record<string, unknown>[]> {
    const r = await cli('list', kind, '--data', dir, '--json');
    expect(r.code, r.err).toBe(0);
    const rows = JSON.parse(r.out) as unknown;
    expect(Array.isArray(rows)).toBe(true);
    for (const row of rows as unknown[]) expect(typeof row === 'object' && row !== null && !Array.isArray(row)).toBe(true);
    return rows as Record<string, unknown>[];
  }

  function checkRows(kind: string, rows: Record<string, unknown>[]): void {
    for (const row of rows) {
      expect(typeof row.id).toBe('string');
      expect(typeof (kind === 'partners' ? row.name : row.title)).toBe('string');
      expect(typeof row.status).toBe('string');
      if (kind === 'meetings') {
        expect(row.date).toMatch(ISO_DATE);
        expect(Number.isNaN(Date.parse(String(row.date)))).toBe(false);
        expect(typeof row.instanceId).toBe('string');
        expect(CONFIDENTIALITY).toContain(row.confidentiality);
        expect(['draft', 'convened', 'in_progress', 'held', 'validated']).toContain(row.status);
      }
      if (kind === 'actions') {
        expect(typeof row.code).toBe('string');
        expect(CONFIDENTIALITY).toContain(row.confidentiality);
        expect(['planned', 'in_progress', 'done', 'postponed', 'abandoned']).toContain(row.status);
      }
    }
  }

  it('lists meetings with ISO date, instance and confidentiality', async () => {
    const { dir } = await sampleFolder();
    const rows = await listJson('meetings', dir);
    checkRows('meetings', rows);
    expect(rows.map((r) => [r.id, r.date, r.instanceId, r.confidentiality, r.status])).toEqual([
      ['mee_1', '2025-12-02', 'ins_pleniere', 'public', 'validated'],
      ['mee_2', '2026-03-03', 'ins_restreinte', 'restricted', 'convened'],
      ['mee_3', '2026-02-10', 'ins_vif', 'confidential', 'held'],
    ]);
  });

  it('lists actions with code and the confidentiality of the instance that follows them (public if none)', async () => {
    const { dir } = await sampleFolder();
    const rows = await listJson('actions', dir);
    checkRows('actions', rows);
    expect(rows.map((r) => [r.id, r.code, r.title, r.status, r.confidentiality])).toEqual([
      ['act_1', '1.1.1', 'Action 1.1.1', 'in_progress', 'confidential'],
      ['act_2', '1.1.2', 'Action 1.1.2', 'in_progress', 'public'],
      ['act_3', '1.1.3', 'Action 1.1.3', 'in_progress', 'restricted'],
    ]);
  });

  it('lists instances and partners', async () => {
    const { dir } = await sampleFolder();
    const instances = await listJson('instances', dir);
    checkRows('instances', instances);
    expect(instances.map((r) => [r.id, r.title, r.status, r.confidentiality])).toEqual([
      ['ins_pleniere', 'Formation plénière', 'active', 'public'],
      ['ins_restreinte', 'Formation restreinte', 'active', 'restricted'],
      ['ins_vif', 'Cellule VIF', 'active', 'confidential'],
    ]);
    const partners = await listJson('partners', dir);
    checkRows('partners', partners);
    expect(partners.map((r) => [r.id, r.name, r.status])).toEqual([
      ['org_mairie', 'Mairie de Valbourg', 'active'],
      ['org_police', 'Police municipale', 'active'],
      ['org_libre', 'Association Libre Parcours', 'archived'],
    ]);
  });

  it('lists every kind on the demonstration data with the required fields', async () => {
    const dir = tempDir();
    expect((await cli('init', '--data', dir, '--demo')).code).toBe(0);
    for (const kind of ['meetings', 'actions', 'instances', 'partners']) checkRows(kind, await listJson(kind, dir));
  });

  it('demo --scale 10y builds a valid large folder whose lists hold every record with the required fields', async () => {
    const dir = join(tempDir(), 'dix-ans');
    const r = await cli('demo', '--data', dir, '--scale', '10y');
    expect(r.code, r.err).toBe(0);
    expect((await cli('check', '--data', dir)).code).toBe(0);
    const f = inspectFile(join(dir, DATA_FILE));
    expect(f.ok).toBe(true);
    if (!f.ok) return;
    for (const kind of ['meetings', 'actions', 'instances', 'partners'] as const) {
      const rows = await listJson(kind, dir);
      checkRows(kind, rows);
      // Actions and meetings of the archived periods (their own files) are listed after the live ones.
      const archives = f.data.periods.filter((p) => p.archiveFile).map((p) => JSON.parse(readFileSync(join(dir, p.archiveFile!), 'utf8')) as ArchiveFile);
      const source = {
        meetings: [...f.data.meetings, ...archives.flatMap((a) => a.meetings)],
        actions: [...f.data.actions, ...archives.flatMap((a) => a.actions)],
        instances: f.data.instances,
        partners: f.data.organisations,
      }[kind];
      expect(rows.map((x) => x.id)).toEqual(source.map((x) => x.id));
      if (kind === 'actions') expect(rows.length).toBe(3000);
    }
    // A folder that already holds data is refused, untouched.
    const before = snapshot(dir);
    const again = await cli('demo', '--data', dir, '--scale', '10y');
    expect(again.code).not.toBe(0);
    expect(again.err).toMatch(/contient déjà des données/);
    expect(snapshot(dir)).toEqual(before);
  });

  it('prints tab-separated lines without --json, and a French error on a broken file', async () => {
    const { dir } = await sampleFolder();
    const r = await cli('list', 'meetings', '--data', dir);
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toBe('mee_1\tRéunion mee_1\tvalidated\t2025-12-02');
    const broken = tempDir();
    writeFileSync(join(broken, DATA_FILE), '[');
    const b = await cli('list', 'meetings', '--data', broken, '--json');
    expect(b.code).not.toBe(0);
    expect(looksFrench(b.err)).toBe(true);
    expect(readFileSync(join(broken, DATA_FILE), 'utf8')).toBe('[');
  });
});

describe('the built command line', () => {
  const root = resolve(__dirname, '../..');
  const built = existsSync(join(root, 'out', 'main', 'cli.js'));
  it.skipIf(!built)('node bin/clspd.js --help exits 0 in French; an unknown command exits 2', () => {
    const help = spawnSync(process.execPath, ['bin/clspd.js', '--help'], { cwd: root, encoding: 'utf8', timeout: 30_000 });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Coordination CLSPD — ligne de commande');
    expect(help.stdout).toContain('init');
    const unknown = spawnSync(process.execPath, ['bin/clspd.js', 'nimportequoi'], { cwd: root, encoding: 'utf8', timeout: 30_000 });
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('Commande inconnue');
  });
});

describe('export pdf', () => {
  it('writes the same documents as `clspd pdf`, and names the documents on a wrong kind', async () => {
    const dir = join(tempDir(), 'demo');
    expect((await cli('init', '--data', dir, '--demo')).code).toBe(0);
    const out = join(tempDir(), 'plan.pdf');
    const r = await cli('export', 'pdf', 'plan', '--data', dir, '--out', out);
    expect(r.code, r.err).toBe(0);
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
    const bad = await cli('export', 'pdf', 'inconnu', '--data', dir, '--out', out);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/Document inconnu/);
  });
});
