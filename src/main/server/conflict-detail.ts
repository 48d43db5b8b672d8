// What a colleague changed in an entity since a given state: kept briefly per process, told in French in a conflict message.
import { formatDate, formatTime } from '../../shared/format';
import { team } from '../../shared/i18n/team';

/** Recent previous values, per entity, so a conflict can show the colleague's change. */
export class RecentChanges {
  private readonly byEntity = new Map<string, { seq: number; before: unknown }[]>();
  private size = 0;
  constructor(private readonly max = 5_000) {}

  /** `before`: the entity as it was before the commit `seq` (undefined when created by it). */
  record(key: string, seq: number, before: unknown): void {
    const list = this.byEntity.get(key) ?? [];
    list.push({ seq, before });
    this.byEntity.delete(key);
    this.byEntity.set(key, list);
    this.size++;
    while (this.size > this.max) {
      const oldest = this.byEntity.keys().next().value as string;
      this.size -= this.byEntity.get(oldest)!.length;
      this.byEntity.delete(oldest);
    }
  }

  /** The entity as of state `seq`, when this process knows it (undefined: unknown or did not exist). */
  asOf(key: string, seq: number): { known: boolean; value?: unknown } {
    const first = this.byEntity.get(key)?.find((c) => c.seq > seq);
    return first ? { known: true, value: first.before } : { known: false };
  }
}

const SKIPPED = new Set(['id', 'createdAt', 'updatedAt', 'lastUpdateAt', 'journal', 'currentAgendaItemId']);

function valueFr(v: unknown): string {
  if (typeof v === 'string') {
    if (v === '') return team.conflictDetail.empty;
    if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return formatDate(v);
    if (/^\d{2}:\d{2}$/.test(v)) return formatTime(v);
    return team.conflictDetail.quoted(v.length > 80 ? `${v.slice(0, 79)}…` : v);
  }
  if (typeof v === 'number') return String(v).replace('.', ',');
  if (typeof v === 'boolean') return v ? team.conflictDetail.yes : team.conflictDetail.no;
  if (v === undefined || v === null) return team.conflictDetail.empty;
  return team.conflictDetail.changed;
}

/** « intitulé : « Nouveau titre » ; lieu : « Salle B » » — the fields that differ, at most four. */
export function describeChange(before: unknown, after: unknown): string | undefined {
  if (!before || !after || typeof before !== 'object' || typeof after !== 'object') return undefined;
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  const parts: string[] = [];
  for (const k of new Set([...Object.keys(b), ...Object.keys(a)])) {
    if (SKIPPED.has(k) || JSON.stringify(b[k]) === JSON.stringify(a[k])) continue;
    parts.push(`${team.conflictDetail.fields[k] ?? k} : ${valueFr(a[k])}`);
  }
  if (!parts.length) return undefined;
  return parts.length > 4 ? `${parts.slice(0, 4).join(' ; ')} ; …` : parts.join(' ; ');
}
