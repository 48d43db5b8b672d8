// What one update of the protected document changed, section by section (rows upserted or removed), and replaying it.
import type { z } from 'zod';
import { MeetingTexts, ProtectedData } from '../../shared/protected-model';
import { AccessEntry, Postponement, Situation } from '../../shared/register-model';

export type SectionName = Exclude<keyof ProtectedData, 'schemaVersion'>;
/** The document's sections, in file order (every top-level array of ProtectedData). */
export const SECTIONS: readonly SectionName[] = ['meetingTexts', 'situations', 'accessLog', 'postponements', 'correspondence'];

/** The field that identifies a row of each section. */
const KEY: Record<SectionName, string> = { meetingTexts: 'meetingId', situations: 'id', accessLog: 'id', postponements: 'id', correspondence: 'reference' };

const ROW: Record<SectionName, z.ZodType> = {
  meetingTexts: MeetingTexts,
  situations: Situation,
  accessLog: AccessEntry,
  postponements: Postponement,
  correspondence: ProtectedData.shape.correspondence.unwrap().element,
};

/** `rows`: the whole section; otherwise rows replaced or added (new ones at the end, in order) and keys removed. */
export type SectionChange = { rows: unknown[] } | { upsert: unknown[]; remove: string[] };
export type Delta = Partial<Record<SectionName, SectionChange>>;

type Row = Record<string, unknown>;
const keyOf = (name: SectionName, row: unknown): unknown => (row as Row)[KEY[name]];

/** Keys of `rows`, or undefined when one is missing or repeated (the section is then recorded whole). */
function keys(name: SectionName, rows: readonly unknown[]): string[] | undefined {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const r of rows) {
    const k = keyOf(name, r);
    if (typeof k !== 'string' || seen.has(k)) return undefined;
    seen.add(k);
    out.push(k);
  }
  return out;
}

/** The change of one section from `before` to `after` (rows compared by identity: documents are immutable). */
function sectionChange(name: SectionName, before: readonly unknown[], after: readonly unknown[]): SectionChange {
  const bk = keys(name, before);
  const ak = keys(name, after);
  if (!bk || !ak) return { rows: [...after] };
  const beforeRows = new Map(bk.map((k, i) => [k, before[i]]));
  const afterSet = new Set(ak);
  const remove = bk.filter((k) => !afterSet.has(k));
  const kept = bk.filter((k) => afterSet.has(k));
  // Rows still there keep their order, new rows come after them: otherwise the order changed, record it whole.
  for (let i = 0; i < kept.length; i++) if (ak[i] !== kept[i]) return { rows: [...after] };
  const upsert = after.filter((row, i) => beforeRows.get(ak[i]) !== row);
  if (upsert.length > after.length / 2 && after.length > 8) return { rows: [...after] };
  return { upsert, remove };
}

/** The delta from `before` to `after`, and the rows to validate (only what changed). */
export function diff(before: ProtectedData, after: ProtectedData): { delta: Delta; changedRows: Array<{ section: SectionName; rows: readonly unknown[] }> } {
  const delta: Delta = {};
  const changedRows: Array<{ section: SectionName; rows: readonly unknown[] }> = [];
  for (const name of SECTIONS) {
    if (before[name] === after[name]) continue;
    const change = sectionChange(name, before[name], after[name]);
    if ('upsert' in change && !change.upsert.length && !change.remove.length) continue;
    delta[name] = change;
    changedRows.push({ section: name, rows: 'rows' in change ? change.rows : change.upsert });
  }
  return { delta, changedRows };
}

/** The first invalid changed row, as `section.index.path`, or undefined when all are valid. */
export function invalidRow(changedRows: ReturnType<typeof diff>['changedRows']): string | undefined {
  for (const { section, rows } of changedRows) {
    if (!Array.isArray(rows)) return section;
    for (let i = 0; i < rows.length; i++) {
      const r = ROW[section].safeParse(rows[i]);
      if (!r.success) return `${section}.${i}.${r.error.issues[0]?.path.join('.') ?? ''}`;
    }
  }
  return undefined;
}

/** Replays a delta on a plain (not frozen) document, in place. */
export function applyDelta(doc: Record<SectionName, unknown[]>, delta: Delta): void {
  for (const name of SECTIONS) {
    const change = delta[name];
    if (!change) continue;
    if ('rows' in change) {
      doc[name] = change.rows;
      continue;
    }
    const removed = new Set(change.remove);
    const updates = new Map(change.upsert.map((r) => [keyOf(name, r), r]));
    const current = (doc[name] ?? []).filter((r) => !removed.has(keyOf(name, r) as string));
    const next = current.map((r) => {
      const k = keyOf(name, r);
      const u = updates.get(k);
      if (u === undefined) return r;
      updates.delete(k);
      return u;
    });
    doc[name] = [...next, ...updates.values()];
  }
}
