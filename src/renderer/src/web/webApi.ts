// window.api for a browser served by the team server: every channel over HTTP; what needs the desktop is explained or downloaded.
import { buildApi, type Api, type ChannelName } from '../../../shared/contract';
import { team } from '../../../shared/i18n/team';
import type { Result } from '../../../shared/result';
import { toBytes } from '../screens/documents/bytes';
import { invokeHttp } from './transport';

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
  'sharing:exportTable',
  'sharing:exportIcs',
  'sharing:prepareEmail',
  'sharing:exportMinutesDocx',
  'sharing:exportDossier',
  'sharing:exportBackup',
  'sharing:exportUpdatePack',
  'sharing:previewImport',
  'actions:addAttachment',
  'actions:openAttachment',
]);

/** Names the server suggested for generated documents, to name the download. */
const suggestedNames = new Map<string, string>();

function download(bytes: Uint8Array, name: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'application/pdf' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

async function invoke(channel: ChannelName, input: unknown): Promise<Result<unknown>> {
  if (DESKTOP_ONLY.has(channel)) return { ok: false, error: { code: 'forbidden', message: team.web.desktopOnly } };
  if (channel === 'documents:saveAs') {
    // « Enregistrer sous… » in a browser: the server's PDF, downloaded where the browser saves files.
    const token = (input as { token: string }).token;
    const bytes = await invokeHttp('documents:bytes', { token });
    if (!bytes.ok) return bytes;
    const name = suggestedNames.get(token) ?? 'document.pdf';
    download(toBytes(bytes.value), name);
    return { ok: true, value: { saved: true, path: name } };
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
