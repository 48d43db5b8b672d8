// Import screen: the kind asked for in the address, the mapping sent when a column is reassigned, the lines kept, and why « Appliquer » is blocked; pure so they can be tested.
import type { ImportKind, ImportPreview, MappingColumn, PreviewLine } from '../../../../../shared/contract/sharing';
import { fr } from '../../../../../shared/i18n';

const T = fr.sharing;
export const KINDS: ImportKind[] = ['partners', 'actions', 'updatePack', 'backup'];
/** Lines listed in the preview table (the summary counts them all). */
export const LINES_SHOWN = 2000;

/** ?type=… when it names a known kind, otherwise partners. */
export function initialKind(param: string | null): ImportKind {
  return param && (KINDS as string[]).includes(param) ? (param as ImportKind) : 'partners';
}

/** The whole header → field mapping with one column reassigned (« ignorée » is the empty field). */
export function mappingWith(columns: MappingColumn[], header: string, field: string | null): Record<string, string> {
  const mapping: Record<string, string> = {};
  for (const c of columns) mapping[c.header] = c.field ?? '';
  mapping[header] = field ?? '';
  return mapping;
}

/** The lines that will be applied: acceptable and not unticked. */
export function keptLines(preview: ImportPreview | undefined, rejected: ReadonlySet<string>): PreviewLine[] {
  return preview ? preview.lines.filter((l) => l.acceptable && !rejected.has(l.id)) : [];
}

/** The set of unticked lines after ticking (keep) or unticking one. */
export function withKept(rejected: ReadonlySet<string>, id: string, keep: boolean): Set<string> {
  const next = new Set(rejected);
  if (keep) next.delete(id);
  else next.add(id);
  return next;
}

/** Why the import cannot be applied (shown next to the disabled button), or undefined when it can. */
export function blockedReason(preview: ImportPreview | undefined, keptCount: number): string | undefined {
  if (!preview) return undefined;
  if (preview.fileErrors.length || (preview.summary.invalid > 0 && preview.allOrNothing)) return T.ui.cannotApplyErrors;
  if (preview.kind !== 'backup' && keptCount === 0) return T.ui.cannotApplyNothing;
  return undefined;
}
