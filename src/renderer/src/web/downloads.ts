// Files in the browser: exports produced by the team server (POST /api/files/…) and PDFs, fetched by token from
// GET /api/downloads/<token> (any server process, this account only) and handed to the browser's downloads.
import type { ChannelName } from '../../../shared/contract';
import { teamFiles } from '../../../shared/i18n/team-files';
import { team } from '../../../shared/i18n/team';
import { sharing } from '../../../shared/i18n/sharing';
import type { Result } from '../../../shared/result';
import { z } from '../../../shared/validation';
import { learnFromResponse, notifyExpired, request } from './transport';

/** Exports of the Partage screens: produced by the server, downloaded here. */
export const EXPORT_CHANNELS: ReadonlySet<string> = new Set<ChannelName>([
  'sharing:exportTable',
  'sharing:exportIcs',
  'sharing:prepareEmail',
  'sharing:exportMinutesDocx',
  'sharing:exportDossier',
  'sharing:exportBackup',
  'sharing:exportUpdatePack',
]);

const FileAnswer = z.object({
  result: z.object({ ok: z.boolean() }).passthrough(),
  file: z.object({ suggestedName: z.string().min(1).max(300), token: z.string().regex(/^[a-f0-9]{40}$/), placeholder: z.string().min(1).max(2000) }).passthrough().optional(),
});

const failure = (message: string, code: 'io' | 'not_found' = 'io'): Result<never> => ({ ok: false, error: { code, message } });

/** The French file name the server gave in Content-Disposition (RFC 6266 `filename*`), else `fallback`. */
export function dispositionName(header: string | null, fallback: string): string {
  const m = /filename\*=UTF-8''([^;]+)/i.exec(header ?? '');
  if (!m) return fallback;
  try {
    return decodeURIComponent(m[1]!);
  } catch {
    return fallback;
  }
}

/** Fetches a file the server keeps for this account. */
export async function fetchFile(token: string, fallbackName: string): Promise<Result<{ bytes: Uint8Array; name: string; type: string }>> {
  let r: Response;
  try {
    r = await request('GET', `/api/downloads/${encodeURIComponent(token)}`);
  } catch {
    return failure(teamFiles.downloadFailed);
  }
  if (r.status === 401) {
    notifyExpired();
    return failure(team.web.expired);
  }
  if (!r.ok) {
    const body = (await r.json().catch(() => undefined)) as Result<never> | undefined;
    return body && body.ok === false ? body : failure(teamFiles.downloadFailed);
  }
  const bytes = new Uint8Array(await r.arrayBuffer());
  return { ok: true, value: { bytes, name: dispositionName(r.headers.get('Content-Disposition'), fallbackName), type: r.headers.get('Content-Type') ?? 'application/octet-stream' } };
}

/** Hands bytes to the browser's downloads under `name`. */
export function saveToDownloads(bytes: Uint8Array, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Replaces the server's temporary path by the downloaded file's name in the result (and says where it went). */
function relocate(value: unknown, placeholder: string, name: string): unknown {
  const v = value as { path?: string; message?: string };
  const message = typeof v.message === 'string' ? v.message.replace(sharing.dialog.saved(placeholder), teamFiles.downloaded(name)) : v.message;
  return { ...v, path: name, message };
}

/** Runs an export on the server, then downloads the file it produced; or sends a file to import (`upload`). */
export async function runExport(channel: string, input: unknown, upload?: { name: string; base64: string }): Promise<Result<unknown>> {
  const [domain, verb] = channel.split(':');
  let r: Response;
  try {
    r = await request('POST', `/api/files/${domain}/${verb}`, { input: input ?? null, ...(upload ? { upload } : {}) });
  } catch {
    return failure(team.web.unreachable);
  }
  if (r.status === 401) {
    notifyExpired();
    return failure(team.web.expired);
  }
  const json: unknown = await r.json().catch(() => undefined);
  learnFromResponse(r);
  const answer = FileAnswer.safeParse(json);
  if (!answer.success) {
    const refusal = json as Result<never> | undefined;
    return refusal && typeof refusal === 'object' && refusal.ok === false ? refusal : failure(team.web.unreachable);
  }
  const result = answer.data.result as Result<unknown>;
  const file = answer.data.file;
  if (!result.ok || !file) return result;
  const got = await fetchFile(file.token, file.suggestedName);
  if (!got.ok) return got;
  saveToDownloads(got.value.bytes, got.value.name, got.value.type);
  return { ok: true, value: relocate(result.value, file.placeholder, got.value.name) };
}
