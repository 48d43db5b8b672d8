// CLI command `clspd pdf <document>`: writes one printed document from a data folder (read-only, no lock taken).
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { cli as tc } from '../../shared/i18n/cli';
import { documents as t } from '../../shared/i18n/documents';
import { governance } from '../../shared/i18n/governance';
import { DomainError } from '../../shared/result';
import { withArchives } from '../documents/archives';
import { DOCUMENT_KINDS, type DocumentKind, type DocumentParams, generateDocument, KIND_ALIASES, MissingParamError } from '../documents';
import { DATA_FILE, inspectFile } from '../store/store';
import { revealTexts } from '../services/meetings/texts';
import { Vault } from '../vault/vault';
import { PASSPHRASE_FLAG, requirePassphrase } from './passphrase';
import { type Command, DATA_FLAG, dataDirFrom, type Io, type ParsedArgs, stringFlag, UsageError } from './framework';

const ALL_NAMES = [...DOCUMENT_KINDS, ...Object.keys(KIND_ALIASES)];

export function documentKindFrom(name: string | undefined): DocumentKind {
  const kind = (DOCUMENT_KINDS as readonly string[]).includes(name ?? '') ? (name as DocumentKind) : KIND_ALIASES[name ?? ''];
  if (!kind) throw new UsageError(t.errors.unknownKind(name ?? '', ALL_NAMES.join(', ')));
  return kind;
}

/** Runs `pdf <kind>` (also usable by `export pdf <kind>`): returns the exit code. */
export async function runPdf(kindName: string | undefined, args: ParsedArgs, io: Io): Promise<number> {
  const kind = documentKindFrom(kindName);
  const dir = dataDirFrom(args);
  const out = stringFlag(args, 'out');
  if (!out) throw new UsageError(tc.optionRequired('out'));
  const r = inspectFile(join(dir, DATA_FILE));
  if (!r.ok) {
    io.err(r.message);
    return 1;
  }
  if (!r.data.settings.configured) throw new DomainError('invalid_input', t.errors.notConfigured);
  const yearText = stringFlag(args, 'year');
  let year: number | undefined;
  if (yearText !== undefined) {
    if (!/^\d{4}$/.test(yearText)) throw new UsageError(t.errors.badYear(yearText));
    year = Number(yearText);
  }
  const blank = stringFlag(args, 'blank-lines');
  const params: DocumentParams = {
    meetingId: stringFlag(args, 'meeting'),
    actionId: stringFlag(args, 'action'),
    instanceId: stringFlag(args, 'instance'),
    periodId: stringFlag(args, 'period'),
    year,
    personalised: args.flags.personalised === true,
    blankLines: blank !== undefined && /^\d{1,3}$/.test(blank) ? Number(blank) : undefined,
    includeConfidential: args.flags['include-confidential'] === true,
    versionId: stringFlag(args, 'version'),
  };
  const data = withArchives(r.data, dir, kind, params);
  if (kind === 'minutes') {
    // A confidential meeting's relevé de décisions reads its texts from the coffre: the passphrase is required.
    const meeting = data.meetings.find((m) => m.id === params.meetingId);
    const v = new Vault(dir);
    if (meeting?.confidentiality === 'confidential' && v.state !== 'absent') {
      await v.unlock(requirePassphrase(args));
      data.meetings = revealTexts({ vault: v }, data.meetings);
    }
  }
  let doc;
  try {
    doc = await generateDocument(kind, data, params);
  } catch (e) {
    if (e instanceof MissingParamError) throw new UsageError(e.what === 'meeting' ? t.errors.needMeeting : e.what === 'instance' ? governance.errors.needInstance : t.errors.needAction);
    throw e;
  }
  const target = resolve(out);
  try {
    writeFileSync(target, doc.bytes);
  } catch (e) {
    throw new DomainError('io', t.errors.writeFailed(target, (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'dossier introuvable' : (e as Error).message));
  }
  for (const w of doc.warnings) io.err(t.cli.warning(w));
  io.out(t.cli.written(target, doc.pages));
  return 0;
}

export const PDF_FLAGS = {
  data: DATA_FLAG,
  out: { value: 'FICHIER', description: t.cli.flags.out, required: true },
  meeting: { value: 'ID', description: t.cli.flags.meeting },
  action: { value: 'ID', description: t.cli.flags.action },
  instance: { value: 'ID', description: t.cli.flags.instance },
  version: { value: 'ID', description: t.cli.flags.version },
  period: { value: 'ID', description: t.cli.flags.period },
  year: { value: 'AAAA', description: t.cli.flags.year },
  personalised: { description: t.cli.flags.personalised },
  'blank-lines': { value: 'N', description: t.cli.flags.blankLines },
  'include-confidential': { description: t.cli.includeConfidential },
  'passphrase-file': PASSPHRASE_FLAG,
};

const pdf: Command = {
  name: 'pdf',
  summary: t.cli.summary,
  usage:
    'pdf <convocation|emargement|minutes|plan|fiche|dashboard|members|rules|charter|charter_review> --data DOSSIER --out FICHIER [--meeting ID | --action ID | --instance ID | --year AAAA | --version ID] [--include-confidential]\n' +
    `       ${t.cli.aliases}`,
  flags: PDF_FLAGS,
  run: (args, io) => runPdf(args.positionals[0], args, io),
};

export const documentsCommands: Command[] = [pdf];
