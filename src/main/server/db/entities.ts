// The council's document as rows: one per entity (collection, id), the settings as one row; and the diff between two states.
import type { Datastore } from '../../../shared/model';

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
 * What changed between two states of the document. Both come from immutable updates with structural
 * sharing (immer), so an untouched collection or entity is the same object and costs one comparison.
 */
export function diffDocuments(before: Datastore, after: Datastore): EntityChange[] {
  const changes: EntityChange[] = [];
  if (before.settings !== after.settings) {
    changes.push({ collection: SETTINGS_COLLECTION, id: SETTINGS_ID, op: 'updated', payload: after.settings });
  }
  for (const c of COLLECTIONS) {
    const a = before[c] as WithId[];
    const b = after[c] as WithId[];
    if (a === b) continue;
    const old = new Map(a.map((e) => [e.id, e]));
    const seen = new Set<string>();
    for (const e of b) {
      seen.add(e.id);
      const prev = old.get(e.id);
      if (!prev) changes.push({ collection: c, id: e.id, op: 'created', payload: e });
      else if (prev !== e) changes.push({ collection: c, id: e.id, op: 'updated', payload: e });
    }
    for (const e of a) if (!seen.has(e.id)) changes.push({ collection: c, id: e.id, op: 'deleted' });
  }
  return changes;
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
    const index = new Map(arr.map((e, i) => [e.id, i]));
    const removed = new Set<string>();
    for (const ch of list) {
      const i = index.get(ch.id);
      if (ch.op === 'deleted') {
        if (i !== undefined) removed.add(ch.id);
      } else if (i !== undefined) {
        arr[i] = ch.payload as WithId;
        removed.delete(ch.id);
      } else {
        index.set(ch.id, arr.length);
        arr.push(ch.payload as WithId);
        removed.delete(ch.id);
      }
    }
    next[c] = removed.size ? arr.filter((e) => !removed.has(e.id)) : arr;
  }
  return next as Datastore;
}
