// The council's document as rows: one per entity (collection, id), the settings as one row; the rows a transaction's changes write.
import type { Datastore } from '../../../shared/model';
import type { Change } from '../../store/transaction';

/** The settings live in one row of this pseudo-collection. */
export const SETTINGS_COLLECTION = '_settings';
const SETTINGS_ID = 'settings';

/** Collections of the document stored one row per element (every array of objects with an `id`). */
export type CollectionName = Exclude<keyof Datastore, 'schemaVersion' | 'settings'>;
export const COLLECTIONS: readonly CollectionName[] = [
  'categories',
  'organisations',
  'people',
  'instances',
  'memberships',
  'periods',
  'axes',
  'objectives',
  'actions',
  'meetings',
  'purgeLog',
];

export interface EntityRow {
  collection: string;
  id: string;
  payload: unknown;
}

export interface EntityChange {
  collection: string;
  id: string;
  op: 'created' | 'updated' | 'deleted';
  /** The new value (absent for a deletion). */
  payload?: unknown;
}

type WithId = { id: string };

/** Every entity of a document as rows, in document order. */
export function documentToRows(doc: Datastore): EntityRow[] {
  const rows: EntityRow[] = [{ collection: SETTINGS_COLLECTION, id: SETTINGS_ID, payload: doc.settings }];
  for (const c of COLLECTIONS) for (const e of doc[c] as WithId[]) rows.push({ collection: c, id: e.id, payload: e });
  return rows;
}

/** Rebuilds the document from rows given in creation order. Throws on an unknown collection. */
export function rowsToDocument(rows: EntityRow[], schemaVersion: number): unknown {
  const doc: Record<string, unknown> = { schemaVersion };
  for (const c of COLLECTIONS) doc[c] = [];
  for (const r of rows) {
    if (r.collection === SETTINGS_COLLECTION) doc.settings = r.payload;
    else if ((COLLECTIONS as readonly string[]).includes(r.collection)) (doc[r.collection] as unknown[]).push(r.payload);
    else throw new Error(`collection inconnue dans la base : ${r.collection}`);
  }
  return doc;
}

/**
 * The rows to write for what a transaction changed (`Change`s from the local store's validated diff,
 * `store/transaction.ts`), with each entity's new value taken from `after`. The schema version is meta, not a row.
 */
export function toEntityChanges(changes: readonly Change[], after: Datastore): EntityChange[] {
  const out: EntityChange[] = [];
  const indexes = new Map<string, Map<string, unknown>>();
  const find = (collection: string, id: string): unknown => {
    const list = (after as unknown as Record<string, WithId[]>)[collection] ?? [];
    let index = indexes.get(collection);
    // A few changes: scan; many (an import): index the collection once.
    if (!index && changes.length > 8) indexes.set(collection, (index = new Map(list.map((e) => [e.id, e]))));
    return index ? index.get(id) : list.find((e) => e.id === id);
  };
  for (const c of changes) {
    if (c.collection === 'settings') out.push({ collection: SETTINGS_COLLECTION, id: SETTINGS_ID, op: 'updated', payload: after.settings });
    else if (c.id === undefined) continue;
    else if (c.op === 'deleted') out.push({ collection: c.collection, id: c.id, op: 'deleted' });
    else out.push({ collection: c.collection, id: c.id, op: c.op, payload: find(c.collection, c.id) });
  }
  return out;
}

/** Applies rows and deletions learnt from the database to a document, returning a new document. */
export function applyRemoteChanges(doc: Datastore, changes: EntityChange[]): Datastore {
  if (changes.length === 0) return doc;
  const next: Record<string, unknown> = { ...doc };
  const byCollection = new Map<string, EntityChange[]>();
  for (const ch of changes) {
    if (ch.collection === SETTINGS_COLLECTION) {
      if (ch.op !== 'deleted') next.settings = ch.payload;
      continue;
    }
    const list = byCollection.get(ch.collection) ?? [];
    list.push(ch);
    byCollection.set(ch.collection, list);
  }
  for (const [c, list] of byCollection) {
    if (!(COLLECTIONS as readonly string[]).includes(c)) continue;
    const arr = [...(next[c] as WithId[])];
    // A few changes (a request, a catch-up behind by a few writes): scanning beats indexing the whole collection.
    const index = list.length > 8 ? new Map(arr.map((e, i) => [e.id, i])) : undefined;
    const find = (id: string): number | undefined => {
      if (index) return index.get(id);
      const i = arr.findIndex((e) => e.id === id);
      return i < 0 ? undefined : i;
    };
    const removed = new Set<string>();
    for (const ch of list) {
      const i = find(ch.id);
      if (ch.op === 'deleted') {
        if (i !== undefined) removed.add(ch.id);
      } else if (i !== undefined) {
        arr[i] = ch.payload as WithId;
        removed.delete(ch.id);
      } else {
        index?.set(ch.id, arr.length);
        arr.push(ch.payload as WithId);
        removed.delete(ch.id);
      }
    }
    next[c] = removed.size ? arr.filter((e) => !removed.has(e.id)) : arr;
  }
  return next as Datastore;
}
