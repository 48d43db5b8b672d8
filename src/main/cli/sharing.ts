// CLI commands of the sharing domain: `clspd export …` and `clspd import …` over the same services as the app.
import { PDF_FLAGS, runPdf } from './documents';
import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ImportKind, ImportPreview, PreviewLine } from '../../shared/contract/sharing';
import { sharing } from '../../shared/i18n/sharing';
import { cli } from '../../shared/i18n/cli';
import { DomainError } from '../../shared/result';
import { createContext, type ServiceContext } from '../services/context';
import * as share from '../services/sharing';
import { writeFileDurable } from '../store/durable';
import { recordBackupExport } from '../services/register/lifecycle';
import { Store } from '../store/store';
import { type Command, DATA_FLAG, dataDirFrom, type Io, type ParsedArgs, stringFlag, UsageError } from './framework';
import { PASSPHRASE_FLAG, unlockedVault } from './passphrase';

function openStore(args: ParsedArgs, readOnly: boolean): Store {
  const dir = dataDirFrom(args);
  if (!existsSync(dir)) throw new DomainError('not_found', cli.sharing.folderNotFound(dir));
  const store = readOnly ? Store.open(dir, { readOnly: true }) : Store.open(dir, { owner: 'cli' });
  if (!store.isReady) {
    void store.close();
    throw new DomainError('io', store.state.status === 'broken' ? store.state.message : cli.sharing.noData(dir));
  }
  return store;
}

async function withContext<T>(args: ParsedArgs, readOnly: boolean, fn: (ctx: ServiceContext) => Promise<T>): Promise<T> {
  const store = openStore(args, readOnly);
  try {
    return await fn(createContext(store));
  } finally {
    await store.close();
  }
}

function requireFlag(args: ParsedArgs, name: string, what: string): string {
  const v = stringFlag(args, name);
  if (!v) throw new UsageError(cli.sharing.giveFlag(what, name));
  return v;
}

const TABLES = share.TABLE_KINDS as readonly string[];

/** What the export commands say once the file is written. */
function reportWritten(io: Io, out: string, file: share.ExportFile, format: string): void {
  io.out(cli.sharing.written(out, file.suggestedName));
  if (file.excluded) io.out(cli.sharing.excluded(file.excluded));
  if (file.confidential && format !== 'json' && format !== 'live-json') io.out(cli.sharing.markedConfidential(sharing.confidentialBanner));
  if (file.notice) io.out(file.notice);
}

/**
 * The decisions table with confidential content: its texts are in the coffre, so with one in the folder the
 * passphrase is required (missing → exit 2, wrong → 1, nothing written), and the file, a copy of protected
 * content outside the folder, is recorded for the DPO journal (date, file name, destroy-by date).
 */
async function exportConfidentialDecisions(args: ParsedArgs, format: 'xlsx' | 'csv', out: string, io: Io): Promise<number> {
  const vault = await unlockedVault(dataDirFrom(args), args);
  const store = openStore(args, vault === undefined);
  try {
    const ctx = createContext(store);
    if (vault) ctx.vault = vault;
    const file = await share.exportTable(ctx, 'decisions', format, { includeConfidential: true });
    writeFileSync(out, file.data);
    if (file.protectedTexts) {
      await recordBackupExport(ctx, out);
      io.out(sharing.protectedCopyRecorded);
    }
    reportWritten(io, out, file, format);
    return 0;
  } finally {
    await store.close();
  }
}

const exportCmd: Command = {
  name: 'export',
  summary: cli.export.summary,
  usage: cli.export.usage,
  flags: {
    ...PDF_FLAGS,
    data: DATA_FLAG,
    out: { value: 'FICHIER', description: cli.export.outFlag, required: true },
    meeting: { value: 'ID', description: cli.export.meetingFlag },
    instance: { value: 'ID', description: cli.export.instanceFlag },
    pilot: { value: 'ID', description: cli.export.pilotFlag },
    'include-confidential': { description: cli.export.includeConfidentialFlag },
    'passphrase-file': PASSPHRASE_FLAG,
  },
  async run(args, io) {
    const [format, what] = args.positionals;
    if (format === 'pdf') return runPdf(what, args, io);
    const opts = { includeConfidential: args.flags['include-confidential'] === true };
    const out = resolve(requireFlag(args, 'out', cli.export.theOut));
    if ((format === 'csv' || format === 'xlsx') && what === 'decisions' && opts.includeConfidential) return exportConfidentialDecisions(args, format, out, io);
    const file = await withContext(args, true, async (ctx) => {
      switch (format) {
        case 'xlsx':
        case 'csv':
          if (!TABLES.includes(what)) throw new UsageError(cli.export.whichTable(TABLES));
          return share.exportTable(ctx, what as share.TableKind, format, opts);
        case 'ics': {
          const meetingId = stringFlag(args, 'meeting');
          const instanceId = stringFlag(args, 'instance');
          if (!!meetingId === !!instanceId) throw new UsageError(cli.export.meetingOrInstance);
          return share.exportIcs(ctx, { meetingId, instanceId }, opts);
        }
        case 'eml':
          return share.exportEml(ctx, requireFlag(args, 'meeting', cli.export.theMeeting), opts);
        case 'docx':
          if (what !== 'minutes') throw new UsageError(cli.export.docxMinutesOnly);
          return share.exportMinutesDocx(ctx, requireFlag(args, 'meeting', cli.export.theMeeting));
        case 'dossier':
          return share.exportDossier(ctx, requireFlag(args, 'meeting', cli.export.thePlenary), opts);
        case 'json':
          return share.exportJsonBackup(ctx);
        case 'live-json':
          return share.exportLiveJson(ctx);
        case 'update-pack':
          return share.exportUpdatePack(ctx, requireFlag(args, 'pilot', cli.export.thePilot), opts);
        default:
          throw new UsageError(cli.export.whichFormat);
      }
    });
    // A backup is written atomically at exactly that path (temp file, fsync, rename).
    if (format === 'json') writeFileDurable(out, file.data);
    else writeFileSync(out, file.data);
    reportWritten(io, out, file, format);
    return 0;
  },
};

const ACTION_WORD: Record<PreviewLine['action'], string> = {
  create: sharing.import.created,
  update: sharing.import.updated,
  merge: sharing.import.merged,
  unchanged: sharing.import.unchanged,
  invalid: sharing.import.invalid,
};

export function printPreview(p: ImportPreview, io: Io): void {
  for (const n of p.notices) io.out(n);
  for (const l of p.lines) {
    const changes = l.changes.map((c) => cli.import.change(c.label, c.from, c.to)).join(' ; ');
    if (l.action !== 'invalid') io.out(`${sharing.import.row(l.row)} [${ACTION_WORD[l.action]}] ${l.label}${changes ? ` — ${changes}` : ''}`);
    for (const w of l.warnings) io.out(`  ${cli.warning(w)}`);
    for (const e of l.errors) io.err(e.column ? sharing.import.cellError(l.row, e.column, e.message) : cli.import.lineError(sharing.import.row(l.row), l.label, e.message));
  }
  const s = p.summary;
  io.out(cli.import.summaryLine(s));
}

const IMPORT_KINDS: Record<string, ImportKind> = { partners: 'partners', actions: 'actions', 'update-pack': 'updatePack', json: 'backup' };

const importCmd: Command = {
  name: 'import',
  summary: cli.import.summary,
  usage: 'import <partners|actions|update-pack|json> --data DOSSIER --file FICHIER [--dry-run] [--pilot ID_STRUCTURE]',
  flags: {
    data: DATA_FLAG,
    file: { value: 'FICHIER', description: cli.import.fileFlag, required: true },
    'dry-run': { description: cli.import.dryRunFlag },
    pilot: { value: 'ID', description: cli.import.pilotFlag },
  },
  async run(args, io) {
    const kind = IMPORT_KINDS[args.positionals[0] ?? ''];
    if (!kind) throw new UsageError(cli.import.whichKind(Object.keys(IMPORT_KINDS)));
    const file = resolve(requireFlag(args, 'file', cli.import.theFile));
    if (!existsSync(file)) throw new DomainError('not_found', cli.sharing.fileNotFound(file));
    const dryRun = args.flags['dry-run'] === true;
    return withContext(args, dryRun, async (ctx) => {
      const preview = await share.previewImport(ctx, kind, file, { expectedPilotId: stringFlag(args, 'pilot') });
      printPreview(preview, io);
      const invalid = preview.lines.filter((l) => !l.acceptable).length;
      if (preview.fileErrors.length || invalid) {
        for (const e of preview.fileErrors) io.err(cli.error(e));
        if (invalid) io.err(sharing.import.hasErrors(invalid));
        return 1;
      }
      if (!preview.canApply) {
        // A well-formed file that changes nothing (an update file returned untouched) is not an error.
        io.out(cli.import.nothingToImport);
        return preview.lines.length === 0 && kind === 'updatePack' ? 0 : 1;
      }
      if (dryRun) {
        io.out(cli.import.dryRun);
        return 0;
      }
      const r = await share.applyImport(ctx, preview.token);
      io.out(r.message);
      return 0;
    });
  },
};

export const sharingCommands: Command[] = [exportCmd, importCmd];
