// CLI commands of the sharing domain: `clspd export …` and `clspd import …` over the same services as the app.
import { PDF_FLAGS, runPdf } from './documents';
import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ImportKind, ImportPreview, PreviewLine } from '../../shared/contract/sharing';
import { sharing } from '../../shared/i18n/sharing';
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
  if (!existsSync(dir)) throw new DomainError('not_found', `Le dossier de données ${dir} est introuvable.`);
  const store = readOnly ? Store.open(dir, { readOnly: true }) : Store.open(dir, { owner: 'cli' });
  if (!store.isReady) {
    void store.close();
    throw new DomainError('io', store.state.status === 'broken' ? store.state.message : `Aucune donnée dans ${dir}.`);
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
  if (!v) throw new UsageError(`Indiquez ${what} avec --${name}.`);
  return v;
}

const TABLES = share.TABLE_KINDS as readonly string[];

/** What the export commands say once the file is written. */
function reportWritten(io: Io, out: string, file: share.ExportFile, format: string): void {
  io.out(`Fichier écrit : ${out} (nom suggéré : ${file.suggestedName}).`);
  if (file.excluded) io.out(`${file.excluded} élément(s) confidentiel(s) laissé(s) de côté (--include-confidential pour les inclure).`);
  if (file.confidential && format !== 'json' && format !== 'live-json') io.out(`Fichier marqué « ${sharing.confidentialBanner} ».`);
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
  summary: 'Exporte un tableau, une invitation, un brouillon de courriel, un compte rendu, une fiche de mise à jour ou une sauvegarde',
  usage:
    'export <xlsx|csv> <actions|indicators|partners|memberships|decisions|attendance> --data DOSSIER --out FICHIER [--include-confidential]\n' +
    '       clspd export <xlsx|csv> decisions --include-confidential --data DOSSIER --out FICHIER [--passphrase-file FICHIER]   (textes lus dans le coffre, copie inscrite au journal DPO)\n' +
    '       clspd export ics --data DOSSIER (--meeting ID | --instance ID) --out FICHIER [--include-confidential]\n' +
    '       clspd export eml --data DOSSIER --meeting ID --out FICHIER [--include-confidential]\n' +
    '       clspd export docx minutes --data DOSSIER --meeting ID --out FICHIER\n' +
    '       clspd export dossier --data DOSSIER --meeting ID --out FICHIER   (dossier de séance PDF d’une plénière)\n' +
    '       clspd export json --data DOSSIER --out FICHIER   (sauvegarde complète, comme « clspd backup --out »)\n' +
    '       clspd export live-json --data DOSSIER --out FICHIER   (données en cours seules, sans périodes archivées : pas une sauvegarde)\n' +
    '       clspd export pdf <convocation|emargement|minutes|plan|fiche|dashboard|members> --data DOSSIER --out FICHIER (comme « clspd pdf »)\n' +
    '       clspd export update-pack --data DOSSIER --pilot ID_STRUCTURE --out FICHIER [--include-confidential]',
  flags: {
    ...PDF_FLAGS,
    data: DATA_FLAG,
    out: { value: 'FICHIER', description: 'Fichier à écrire', required: true },
    meeting: { value: 'ID', description: 'Réunion (voir « clspd list meetings »)' },
    instance: { value: 'ID', description: 'Instance (voir « clspd list instances »)' },
    pilot: { value: 'ID', description: 'Structure pilote (voir « clspd list partners »)' },
    'include-confidential': { description: 'Inclut les contenus confidentiels (fichier marqué CONFIDENTIEL)' },
    'passphrase-file': PASSPHRASE_FLAG,
  },
  async run(args, io) {
    const [format, what] = args.positionals;
    if (format === 'pdf') return runPdf(what, args, io);
    const opts = { includeConfidential: args.flags['include-confidential'] === true };
    const out = resolve(requireFlag(args, 'out', 'le fichier à écrire'));
    if ((format === 'csv' || format === 'xlsx') && what === 'decisions' && opts.includeConfidential) return exportConfidentialDecisions(args, format, out, io);
    const file = await withContext(args, true, async (ctx) => {
      switch (format) {
        case 'xlsx':
        case 'csv':
          if (!TABLES.includes(what)) throw new UsageError(`Précisez le tableau à exporter : ${TABLES.join(', ')}.`);
          return share.exportTable(ctx, what as share.TableKind, format, opts);
        case 'ics': {
          const meetingId = stringFlag(args, 'meeting');
          const instanceId = stringFlag(args, 'instance');
          if (!!meetingId === !!instanceId) throw new UsageError('Indiquez soit --meeting ID, soit --instance ID.');
          return share.exportIcs(ctx, { meetingId, instanceId }, opts);
        }
        case 'eml':
          return share.exportEml(ctx, requireFlag(args, 'meeting', 'la réunion'), opts);
        case 'docx':
          if (what !== 'minutes') throw new UsageError('Seul le compte rendu est disponible en DOCX : clspd export docx minutes --meeting ID.');
          return share.exportMinutesDocx(ctx, requireFlag(args, 'meeting', 'la réunion'));
        case 'dossier':
          return share.exportDossier(ctx, requireFlag(args, 'meeting', 'la réunion plénière'), opts);
        case 'json':
          return share.exportJsonBackup(ctx);
        case 'live-json':
          return share.exportLiveJson(ctx);
        case 'update-pack':
          return share.exportUpdatePack(ctx, requireFlag(args, 'pilot', 'la structure pilote'), opts);
        default:
          throw new UsageError('Précisez le format : xlsx, csv, ics, eml, docx, dossier, json, live-json, update-pack ou pdf.');
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
    const changes = l.changes.map((c) => `${c.label} : ${c.from ?? '—'} → ${c.to ?? '—'}`).join(' ; ');
    if (l.action !== 'invalid') io.out(`${sharing.import.row(l.row)} [${ACTION_WORD[l.action]}] ${l.label}${changes ? ` — ${changes}` : ''}`);
    for (const w of l.warnings) io.out(`  Attention : ${w}`);
    for (const e of l.errors) io.err(e.column ? sharing.import.cellError(l.row, e.column, e.message) : `${sharing.import.row(l.row)} (${l.label}) : ${e.message}`);
  }
  const s = p.summary;
  io.out(`Résumé : ${s.total} ligne(s) — ${s.create} création(s), ${s.merge + s.update} mise(s) à jour ou fusion(s), ${s.unchanged} inchangée(s), ${s.invalid} en erreur.`);
}

const IMPORT_KINDS: Record<string, ImportKind> = { partners: 'partners', actions: 'actions', 'update-pack': 'updatePack', json: 'backup' };

const importCmd: Command = {
  name: 'import',
  summary: 'Importe des partenaires, des actions, une fiche de mise à jour remplie ou une sauvegarde complète',
  usage: 'import <partners|actions|update-pack|json> --data DOSSIER --file FICHIER [--dry-run] [--pilot ID_STRUCTURE]',
  flags: {
    data: DATA_FLAG,
    file: { value: 'FICHIER', description: 'Fichier à importer (.xlsx, .csv ou .json)', required: true },
    'dry-run': { description: 'Affiche l’aperçu sans rien modifier' },
    pilot: { value: 'ID', description: 'Fiche de mise à jour : structure attendue' },
  },
  async run(args, io) {
    const kind = IMPORT_KINDS[args.positionals[0] ?? ''];
    if (!kind) throw new UsageError(`Précisez quoi importer : ${Object.keys(IMPORT_KINDS).join(', ')}.`);
    const file = resolve(requireFlag(args, 'file', 'le fichier à importer'));
    if (!existsSync(file)) throw new DomainError('not_found', `Le fichier ${file} est introuvable.`);
    const dryRun = args.flags['dry-run'] === true;
    return withContext(args, dryRun, async (ctx) => {
      const preview = await share.previewImport(ctx, kind, file, { expectedPilotId: stringFlag(args, 'pilot') });
      printPreview(preview, io);
      const invalid = preview.lines.filter((l) => !l.acceptable).length;
      if (preview.fileErrors.length || invalid) {
        for (const e of preview.fileErrors) io.err(`Erreur : ${e}`);
        if (invalid) io.err(sharing.import.hasErrors(invalid));
        return 1;
      }
      if (!preview.canApply) {
        // A well-formed file that changes nothing (an update file returned untouched) is not an error.
        io.out('Aucune modification à importer : rien n’a été modifié.');
        return preview.lines.length === 0 && kind === 'updatePack' ? 0 : 1;
      }
      if (dryRun) {
        io.out('Simulation (--dry-run) : rien n’a été modifié.');
        return 0;
      }
      const r = await share.applyImport(ctx, preview.token);
      io.out(r.message);
      return 0;
    });
  },
};

export const sharingCommands: Command[] = [exportCmd, importCmd];
