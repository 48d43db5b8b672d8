// window.api for a browser served by the team server: every channel over HTTP; files the server produces are downloaded,
// files to import are chosen with the browser's picker and sent; what needs the desktop (local folder, windows) is explained.
import { buildApi, type Api, type ChannelName } from '../../../shared/contract';
import { team } from '../../../shared/i18n/team';
import type { Result } from '../../../shared/result';
import { EXPORT_CHANNELS, fetchFile, runExport, saveToDownloads } from './downloads';
import { invokeHttp } from './transport';
import { previewUpload } from './uploads';

/**
 * Channels that need the coordinator's own computer (file pickers, the local folder, windows): answered in the
 * browser with a French explanation, without asking the server.
 */
const DESKTOP_ONLY: ReadonlySet<string> = new Set<ChannelName>([
  'app:quit',
  'app:restoreFromFile',
  // The desktop's own connection to a server (the browser is already on it).
  'team:status',
  'team:connect',
  'team:setPassword',
  'team:disconnect',
  'settings:chooseLogo',
  'backups:list',
  'backups:create',
  'backups:restore',
  'documents:open',
  'documents:showInFolder',
  'actions:addAttachment',
  'actions:openAttachment',
]);

/** Names the server suggested for generated documents, to name the download. */
const suggestedNames = new Map<string, string>();

async function invoke(channel: ChannelName, input: unknown): Promise<Result<unknown>> {
  if (DESKTOP_ONLY.has(channel)) return { ok: false, error: { code: 'forbidden', message: team.web.desktopOnly } };
  // Exports: the server produces the file, the browser downloads it (same route as the desktop's).
  if (EXPORT_CHANNELS.has(channel)) return runExport(channel, input);
  // Imports: the browser's file picker, then the same preview and « Appliquer » as the desktop's.
  if (channel === 'sharing:previewImport') return previewUpload(input);
  if (channel === 'documents:bytes' || channel === 'documents:saveAs') {
    // The PDF the server keeps for this account: shown in the preview, or (« Enregistrer sous… ») downloaded.
    const token = (input as { token: string }).token;
    const file = await fetchFile(token, suggestedNames.get(token) ?? 'document.pdf');
    if (!file.ok) return file;
    if (channel === 'documents:bytes') return { ok: true, value: file.value.bytes };
    saveToDownloads(file.value.bytes, file.value.name, 'application/pdf');
    return { ok: true, value: { saved: true, path: file.value.name } };
  }
  const r = await invokeHttp(channel, input);
  if (r.ok && channel.startsWith('documents:') && r.value && typeof r.value === 'object' && 'token' in r.value && 'suggestedName' in r.value) {
    const v = r.value as { token: string; suggestedName: string };
    suggestedNames.set(v.token, v.suggestedName);
  }
  return r;
}

export function buildWebApi(): Api {
  return buildApi(invoke);
}
