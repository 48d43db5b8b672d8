// Pure filtering and sorting of plan d'actions rows, shared by the table (per keystroke), the main process and the benchmarks.
import type { ActionFilter, ActionRow } from './contract/strategy';
import { foldText } from './text';

export { foldText };

/** Folded text searched by the free-text filter, one per row (compute once per data load, not per keystroke). */
export function searchTextOf(r: ActionRow): string {
  return foldText(
    [r.code, r.title, r.pilotName ?? '', r.partnerNames.join(' '), r.territory ?? '', r.targetPublic ?? '', r.objectiveTitle ?? '', r.axisTitle ?? ''].join(' '),
  );
}

export interface SearchIndex {
  rows: ActionRow[];
  texts: string[];
}

export function buildSearchIndex(rows: ActionRow[]): SearchIndex {
  return { rows, texts: rows.map(searchTextOf) };
}

/**
 * Keeps the rows matching every given criterion. Free text matches all its words (any order, accents and
 * case ignored) in code, title, pilot, partners, territory, public, objective and axis.
 */
export function filterActions(index: SearchIndex, f: ActionFilter): ActionRow[] {
  const words = f.text ? foldText(f.text).split(/\s+/).filter(Boolean) : [];
  const status = f.status?.length ? new Set(f.status) : undefined;
  const health = f.health?.length ? new Set(f.health) : undefined;
  const territory = f.territory ? foldText(f.territory) : '';
  const targetPublic = f.targetPublic ? foldText(f.targetPublic) : '';
  const out: ActionRow[] = [];
  const { rows, texts } = index;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (!f.includeArchived && r.archived) continue;
    if (f.periodId && r.periodId !== f.periodId) continue;
    if (f.axisId && r.axisId !== f.axisId) continue;
    if (f.objectiveId && (f.objectiveId === 'inbox' ? r.objectiveId !== undefined : r.objectiveId !== f.objectiveId)) continue;
    if (status && !status.has(r.status)) continue;
    if (health && !health.has(r.health)) continue;
    if (f.pilotId && r.pilotOrganisationId !== f.pilotId) continue;
    if (f.partnerId && r.pilotOrganisationId !== f.partnerId && !r.partnerIds.includes(f.partnerId)) continue;
    if (territory && !foldText(r.territory ?? '').includes(territory)) continue;
    if (targetPublic && !foldText(r.targetPublic ?? '').includes(targetPublic)) continue;
    if (words.length) {
      const t = texts[i];
      let all = true;
      for (const w of words) {
        if (!t.includes(w)) {
          all = false;
          break;
        }
      }
      if (!all) continue;
    }
    out.push(r);
  }
  return out;
}

export type ActionSortKey = 'code' | 'title' | 'pilot' | 'endDate' | 'status' | 'health' | 'progress' | 'axis';

const STATUS_ORDER = { planned: 0, in_progress: 1, postponed: 2, done: 3, abandoned: 4 } as const;
const HEALTH_ORDER = { late: 0, unknown: 1, watch: 2, on_track: 3 } as const;
const collator = new Intl.Collator('fr', { numeric: true, sensitivity: 'base' });

/** Sorts a copy of the rows; codes sort naturally (A1.2.10 after A1.2.9). */
export function sortActions(rows: ActionRow[], key: ActionSortKey, dir: 'asc' | 'desc' = 'asc'): ActionRow[] {
  const sign = dir === 'asc' ? 1 : -1;
  const cmp = (a: ActionRow, b: ActionRow): number => {
    switch (key) {
      case 'code':
        return collator.compare(a.code, b.code);
      case 'title':
        return collator.compare(a.title, b.title);
      case 'pilot':
        return collator.compare(a.pilotName ?? '~', b.pilotName ?? '~');
      case 'endDate':
        return (a.endDate ?? '9999').localeCompare(b.endDate ?? '9999');
      case 'status':
        return STATUS_ORDER[a.status] - STATUS_ORDER[b.status];
      case 'health':
        return HEALTH_ORDER[a.health] - HEALTH_ORDER[b.health];
      case 'progress':
        return a.progress - b.progress;
      case 'axis':
        return collator.compare(a.axisTitle ?? '~', b.axisTitle ?? '~');
    }
  };
  return [...rows].sort((a, b) => sign * cmp(a, b) || collator.compare(a.code, b.code));
}
