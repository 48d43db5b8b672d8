// Core CLI commands: init, demo, check, backup, restore, list.
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ArchiveFile, Datastore } from '../../shared/model';
import { DomainError } from '../../shared/result';
import { createContext } from '../services/context';
import { setupDemo } from '../services/app';
import { writeTenYearDataset } from '../services/demo/scale';
import { newEmptyDatastore, inspectFile, Store, DATA_FILE } from '../store/store';
import { createBackup, writeBackupFile } from '../store/backups';
import { ARCHIVE_FILE, listStateFiles, PROTECTED_DIR } from '../store/layout';
import { backup as backupText } from '../../shared/i18n/backup';
import { loadArchive, mergeArchives } from '../store/archives';
import { presetCategories } from '../services/categories';
import { join } from 'node:path';
import { vault as tv } from '../../shared/i18n/vault';
import { cli } from '../../shared/i18n/cli';
import { seedDemoRegister } from '../services/demo/situations';
import { protectDemo } from '../services/vault';
import { protectionPendingOnDisk } from '../vault/migration';
import { readEnvelope, Vault, vaultPath } from '../vault/vault';
import { type Command, DATA_FLAG, dataDirFrom, stringFlag, UsageError } from './framework';

function assertEmptyOrNew(dir: string): void {
  if (!existsSync(dir)) return;
  const entries = readdirSync(dir).filter((n) => !n.startsWith('.'));
  if (entries.some((n) => n.endsWith('.json') || n === 'backups')) {
    throw new DomainError('conflict', cli.init.alreadyData(dir));
  }
  if (entries.length) throw new DomainError('conflict', cli.init.notEmpty(dir));
}

const init: Command = {
  name: 'init',
  positionals: 0,
  summary: cli.init.summary,
  usage: 'init --data DOSSIER [--demo]',
  flags: { data: DATA_FLAG, demo: { description: cli.init.demoFlag } },
  async run(args, io) {
    const dir = dataDirFrom(args);
    assertEmptyOrNew(dir);
    mkdirSync(dir, { recursive: true });
    const store = Store.open(dir, { owner: 'cli' });
    try {
      if (args.flags.demo) {
        const ctx = createContext(store);
        ctx.vault = new Vault(dir);
        await setupDemo(ctx);
      } else {
        const doc: Datastore = newEmptyDatastore();
        doc.categories = presetCategories();
        await store.initialise(doc);
      }
    } finally {
      await store.close();
    }
    io.out(cli.init.created(dir, Boolean(args.flags.demo)));
    if (args.flags.demo) io.out(tv.cli.demoPassphrase);
    return 0;
  },
};

const demo: Command = {
  name: 'demo',
  positionals: 0,
  summary: cli.demo.summary,
  usage: 'demo --data DOSSIER --scale 10y',
  flags: { data: DATA_FLAG, scale: { value: '10y', description: cli.demo.scaleFlag, required: true } },
  async run(args, io) {
    const dir = dataDirFrom(args);
    if (stringFlag(args, 'scale') !== '10y') throw new UsageError(cli.demo.onlyTenYears);
    assertEmptyOrNew(dir);
    mkdirSync(dir, { recursive: true });
    const s = writeTenYearDataset(dir, new Date());
    // The confidential texts go into the demo's coffre (passphrase « valmont-demo »).
    const store = Store.open(dir, { owner: 'cli' });
    try {
      const ctx = createContext(store);
      ctx.vault = new Vault(dir);
      await protectDemo(ctx);
      await seedDemoRegister(ctx, { scale: true });
    } finally {
      await store.close();
    }
    io.out(cli.demo.created(dir, { ...s, files: s.files.length }));
    io.out(tv.cli.demoPassphrase);
    return 0;
  },
};

const check: Command = {
  name: 'check',
  positionals: 0,
  summary: cli.check.summary,
  usage: 'check --data DOSSIER',
  flags: { data: DATA_FLAG },
  async run(args, io) {
    const dir = dataDirFrom(args, { allowPending: true });
    const file = join(dir, DATA_FILE);
    if (!existsSync(file)) {
      io.err(cli.check.noData(dir, DATA_FILE));
      return 1;
    }
    const r = inspectFile(file);
    if (!r.ok) {
      io.err(r.message);
      return 1;
    }
    const d = r.data;
    io.out(cli.check.valid({ partners: d.organisations.length, instances: d.instances.length, meetings: d.meetings.length, actions: d.actions.length }, Boolean(r.migrated)));
    // The rest of the state (layout.ts): every archived period must be readable; the protected store is only counted.
    let bad = 0;
    let archived = 0;
    for (const p of d.periods) {
      if (!p.archiveFile) continue;
      const a = loadArchive(dir, p);
      if (a.ok) archived += a.archive.actions.length;
      else {
        bad++;
        io.err(backupText.archiveUnreadable(p.archiveFile));
      }
    }
    const files = listStateFiles(dir);
    const archives = files.filter((f) => ARCHIVE_FILE.test(f)).length;
    const protectedFiles = files.filter((f) => f.startsWith(`${PROTECTED_DIR}/`)).length;
    if (archives) io.out(cli.check.archives(archives, bad, archived));
    if (protectedFiles) io.out(cli.check.protectedFiles(protectedFiles));
    // The coffre is checked without its passphrase: structure, sizes and checksum (its content stays encrypted).
    const vaultFile = vaultPath(dir);
    if (existsSync(vaultFile)) {
      try {
        readEnvelope(vaultFile);
        io.out(tv.cli.checkVault(vaultFile));
      } catch (e) {
        io.err((e as Error).message);
        return 1;
      }
    }
    if (protectionPendingOnDisk(dir)) io.out(tv.cli.migrationPending);
    return bad ? 1 : 0;
  },
};

const backup: Command = {
  name: 'backup',
  positionals: 0,
  summary: cli.backup.summary,
  usage: 'backup --data DOSSIER [--out FICHIER]',
  flags: { data: DATA_FLAG, out: { value: 'FICHIER', description: cli.backup.outFlag } },
  async run(args, io) {
    const dir = dataDirFrom(args, { allowPending: true });
    const file = join(dir, DATA_FILE);
    const r = inspectFile(file);
    if (!r.ok) {
      io.err(cli.backup.impossible(r.message));
      return 1;
    }
    // A referenced archive that cannot be read is not copied: say so, but still save everything else.
    for (const p of r.data.periods) if (p.archiveFile && !loadArchive(dir, p).ok) io.err(backupText.archiveUnreadable(p.archiveFile));
    const out = stringFlag(args, 'out');
    const target = out ? resolve(out) : createBackup(dir, file, 'manual');
    if (out) writeBackupFile(dir, target, 'manual');
    const files = listStateFiles(dir);
    io.out(backupText.written(target, files.length, statSync(target).size));
    io.out(backupText.contents(files.filter((f) => ARCHIVE_FILE.test(f)).length, files.filter((f) => f.startsWith(`${PROTECTED_DIR}/`)).length));
    return 0;
  },
};

const restore: Command = {
  name: 'restore',
  positionals: 0,
  summary: cli.restore.summary,
  usage: 'restore --data DOSSIER --from FICHIER',
  flags: { data: DATA_FLAG, from: { value: 'FICHIER', description: cli.restore.fromFlag, required: true } },
  async run(args, io) {
    const dir = dataDirFrom(args, { allowPending: true });
    const from = resolve(stringFlag(args, 'from')!);
    if (!existsSync(from)) throw new DomainError('not_found', backupText.notFound(from));
    mkdirSync(dir, { recursive: true });
    const store = Store.open(dir, { owner: 'cli' });
    try {
      const r = await store.restoreFrom(from);
      io.out([backupText.restored, ...(r.movedAside ? [backupText.movedAside(r.movedAside)] : [])].join(' '));
      for (const w of r.warnings) io.err(cli.warning(w));
      if (protectionPendingOnDisk(dir)) io.out(tv.cli.migrationPending);
    } finally {
      await store.close();
    }
    return 0;
  },
};

const LIST_KINDS = ['meetings', 'actions', 'instances', 'partners'] as const;

/**
 * The live datastore plus the actions and meetings of archived periods (read-only files beside it), so that
 * `list` covers the council's whole history. Records already in the live file are not repeated.
 */
export function withArchives(dir: string, d: Datastore, io: { err(line: string): void }): Datastore {
  const archives: ArchiveFile[] = [];
  for (const p of d.periods) {
    if (!p.archiveFile) continue;
    const r = loadArchive(dir, p);
    if (!r.ok) {
      io.err(cli.list.archiveSkipped(p.archiveFile, r.problem === 'missing' ? p.title : undefined, cli.list.archiveProblem[r.problem]));
      continue;
    }
    archives.push(r.archive);
  }
  return mergeArchives(d, archives);
}

export function listRecords(d: Datastore, kind: (typeof LIST_KINDS)[number]): Record<string, unknown>[] {
  const instances = new Map(d.instances.map((i) => [i.id, i]));
  switch (kind) {
    case 'meetings':
      return d.meetings.map((m) => ({
        id: m.id,
        title: m.title,
        status: m.status,
        date: m.date,
        startTime: m.startTime,
        instanceId: m.instanceId,
        instance: instances.get(m.instanceId)?.name,
        confidentiality: m.confidentiality,
      }));
    case 'actions':
      return d.actions.map((a) => ({
        id: a.id,
        code: a.code,
        title: a.title,
        status: a.status,
        progress: a.progress,
        endDate: a.endDate,
        pilotOrganisationId: a.pilot.organisationId,
        followingInstanceId: a.followingInstanceId,
        confidentiality: a.confidentiality === 'confidential' ? 'confidential' : (a.followingInstanceId && instances.get(a.followingInstanceId)?.confidentiality) || 'public',
      }));
    case 'instances':
      return d.instances.map((i) => ({ id: i.id, title: i.name, name: i.name, kind: i.kind, status: i.status, confidentiality: i.confidentiality }));
    case 'partners':
      return d.organisations.map((o) => ({ id: o.id, name: o.name, title: o.name, categoryId: o.categoryId, status: o.archived ? 'archived' : 'active' }));
  }
}

const list: Command = {
  name: 'list',
  positionals: 1,
  summary: cli.list.summary,
  usage: 'list <meetings|actions|instances|partners> --data DOSSIER [--json]',
  flags: { data: DATA_FLAG, json: { description: cli.list.jsonFlag } },
  async run(args, io) {
    const kind = args.positionals[0] as (typeof LIST_KINDS)[number];
    if (!LIST_KINDS.includes(kind)) throw new UsageError(cli.list.whichKind(LIST_KINDS));
    const dir = dataDirFrom(args);
    const r = inspectFile(join(dir, DATA_FILE));
    if (!r.ok) {
      io.err(r.message);
      return 1;
    }
    const rows = listRecords(withArchives(dir, r.data, io), kind);
    if (args.flags.json) io.out(JSON.stringify(rows, null, 2));
    else for (const row of rows) io.out(`${row.id}\t${String(row.title)}\t${String(row.status)}${row.date ? `\t${String(row.date)}` : ''}`);
    return 0;
  },
};

export const coreCommands: Command[] = [init, demo, check, backup, restore, list];
