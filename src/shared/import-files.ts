// The files an import reads, by kind: the types the open dialogs and the browser's file picker offer, and the largest
// file sent to a team server (its 20 MB body limit, base64 adding a third).
import type { ImportKind } from './contract/sharing';
import { teamFiles } from './i18n/team-files';

export const OPEN_FILTERS = {
  partners: [{ name: teamFiles.types.table, extensions: ['xlsx', 'csv', 'txt'] }],
  actions: [{ name: teamFiles.types.table, extensions: ['xlsx', 'csv', 'txt'] }],
  updatePack: [{ name: teamFiles.types.updatePack, extensions: ['xlsx'] }],
  backup: [{ name: teamFiles.types.backup, extensions: ['zip', 'json'] }],
} as const satisfies Record<ImportKind, readonly { name: string; extensions: readonly string[] }[]>;

export const MAX_UPLOAD_BYTES = 14 * 1024 * 1024;

/** The extensions accepted for `kind`, without the dot. */
export function importExtensions(kind: ImportKind): string[] {
  return OPEN_FILTERS[kind].flatMap((f) => [...f.extensions]);
}

/** Whether a file's name has one of the extensions of `kind` (case ignored). */
export function hasImportExtension(kind: ImportKind, name: string): boolean {
  const ext = /\.([^./\\]+)$/.exec(name)?.[1]?.toLowerCase();
  return ext !== undefined && importExtensions(kind).includes(ext);
}
