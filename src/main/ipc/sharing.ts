// Handlers of the sharing domain's channels: files are chosen in the main process, never sent by the renderer.
import { writeFileSync } from 'node:fs';
import { OPEN_FILTERS } from '../../shared/import-files';
import { DomainError } from '../../shared/result';
import type { ServiceContext } from '../services/context';
import { recordBackupExport } from '../services/register/lifecycle';
import { writeFileDurable } from '../store/durable';
import * as share from '../services/sharing';
import type { HandlerSlice } from './handlers';

const write = (path: string, data: Buffer) => writeFileSync(path, data);
/** A backup is written atomically at the chosen path: a crash leaves the previous file or the whole new one. */
const writeAtomically = (path: string, data: Buffer) => writeFileDurable(path, data);

async function chooseFile(ctx: ServiceContext, kind: keyof typeof OPEN_FILTERS): Promise<string | undefined> {
  if (!ctx.platform.chooseOpenPath) throw new DomainError('internal', 'L’ouverture de fichiers n’est pas disponible ici.');
  return ctx.platform.chooseOpenPath(OPEN_FILTERS[kind].map((f) => ({ name: f.name, extensions: [...f.extensions] })));
}

export const sharingHandlers: HandlerSlice<
  | 'sharing:overview'
  | 'sharing:exportTable'
  | 'sharing:exportIcs'
  | 'sharing:prepareEmail'
  | 'sharing:exportMinutesDocx'
  | 'sharing:exportDossier'
  | 'sharing:exportBackup'
  | 'sharing:exportUpdatePack'
  | 'sharing:previewImport'
  | 'sharing:importProgress'
  | 'sharing:remapImport'
  | 'sharing:applyImport'
  | 'sharing:cancelImport'
> = {
  'sharing:overview': (_i, ctx) => share.overview(ctx),
  'sharing:exportTable': async (i, ctx) => {
    const file = await share.exportTable(ctx, i.table, i.format, { includeConfidential: i.includeConfidential });
    const r = await share.saveExport(ctx, file, write);
    // Decision texts taken from the coffre: a copy outside the folder, recorded for the DPO journal like a backup.
    if (file.protectedTexts && !r.cancelled && r.path) await recordBackupExport(ctx, r.path);
    return r;
  },
  'sharing:exportIcs': async (i, ctx) => share.saveExport(ctx, share.exportIcs(ctx, i, { includeConfidential: i.includeConfidential }), write),
  // « Préparer l'envoi »: the draft is written, then opened with the system's mail program.
  'sharing:prepareEmail': async (i, ctx) => share.saveExport(ctx, await share.exportEml(ctx, i.meetingId, { includeConfidential: i.includeConfidential }), write, true),
  'sharing:exportMinutesDocx': async (i, ctx) => share.saveExport(ctx, await share.exportMinutesDocx(ctx, i.meetingId), write),
  'sharing:exportDossier': async (i, ctx) => share.saveExport(ctx, await share.exportDossier(ctx, i.meetingId, { includeConfidential: i.includeConfidential }), write),
  'sharing:exportBackup': async (_i, ctx) => {
    const r = await share.saveExport(ctx, await share.exportJsonBackup(ctx), writeAtomically);
    // A copy outside the folder escapes retention: record it for the DPO journal (date, file name, destroy-by date).
    if (!r.cancelled && r.path) await recordBackupExport(ctx, r.path);
    return r;
  },
  'sharing:exportUpdatePack': async (i, ctx) =>
    share.saveExport(ctx, await share.exportUpdatePack(ctx, i.pilotId, { includeConfidential: i.includeConfidential }), write),
  'sharing:previewImport': async (i, ctx) => {
    const file = await chooseFile(ctx, i.kind);
    if (!file) return { cancelled: true as const };
    return share.previewImport(ctx, i.kind, file, { expectedPilotId: i.expectedPilotId });
  },
  'sharing:importProgress': (_i, ctx) => share.importProgress(ctx),
  'sharing:remapImport': (i, ctx) => share.remapImport(ctx, i.token, i.mapping ?? {}),
  // A backup has no lines: the list is empty and ignored.
  'sharing:applyImport': (i, ctx) => share.applyImport(ctx, i.token, i.acceptedLineIds),
  'sharing:cancelImport': (i, ctx) => share.cancelImport(ctx, i.token),
};
