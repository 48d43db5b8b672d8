// Imports from a browser: the file chosen with the browser's own picker is checked here (type, size, readable), then
// sent with the preview's input to the team server (POST /api/files/sharing/previewImport, the desktop's route too).
import { contract } from '../../../shared/contract';
import { sharing } from '../../../shared/i18n/sharing';
import { teamFiles } from '../../../shared/i18n/team-files';
import { hasImportExtension, importExtensions, MAX_UPLOAD_BYTES } from '../../../shared/import-files';
import type { Result } from '../../../shared/result';
import { runExport } from './downloads';

const refused = (message: string): Result<never> => ({ ok: false, error: { code: 'invalid_input', message } });

/** Opens the browser's file picker (the click that asked for it is the user's gesture); undefined when dismissed. */
export function pickFile(accept: string): Promise<File | undefined> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.hidden = true;
    const done = (file: File | undefined) => {
      input.remove();
      resolve(file);
    };
    input.addEventListener('change', () => done(input.files?.[0]), { once: true });
    input.addEventListener('cancel', () => done(undefined), { once: true });
    document.body.appendChild(input);
    input.click();
  });
}

/** The file's bytes as base64 (what the server's JSON body carries). */
function base64Of(file: File): Promise<string | undefined> {
  return new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result.slice(reader.result.indexOf(',') + 1) : undefined);
    reader.onerror = () => resolve(undefined);
    reader.readAsDataURL(file);
  });
}

/** What a file must be before it is sent: of the kind's types, not empty, within the size the server accepts. */
export function checkUpload(kind: Parameters<typeof importExtensions>[0], file: { name: string; size: number }): string | undefined {
  if (!hasImportExtension(kind, file.name)) return teamFiles.uploadWrongType(file.name, importExtensions(kind));
  if (file.size === 0) return sharing.import.emptyFile;
  if (file.size > MAX_UPLOAD_BYTES) return teamFiles.uploadTooLarge(Math.round((file.size / 1048576) * 10) / 10);
  return undefined;
}

/** `sharing:previewImport` in a browser: pick, check, send; `{ cancelled: true }` when the picker is dismissed. */
export async function previewUpload(input: unknown, pick: (accept: string) => Promise<File | undefined> = pickFile): Promise<Result<unknown>> {
  const parsed = contract['sharing:previewImport'].input.safeParse(input);
  if (!parsed.success) return refused(sharing.dialog.cancelled);
  const kind = parsed.data.kind;
  const file = await pick(importExtensions(kind).map((e) => `.${e}`).join(','));
  if (!file) return { ok: true, value: { cancelled: true } };
  const problem = checkUpload(kind, file);
  if (problem) return refused(problem);
  const base64 = await base64Of(file);
  if (base64 === undefined) return refused(teamFiles.uploadUnreadable);
  return runExport('sharing:previewImport', parsed.data, { name: file.name, base64 });
}
