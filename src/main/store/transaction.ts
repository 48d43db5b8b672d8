// Generic draft/commit for an in-memory document: immer draft, detached result, validated diff of what changed.
import { Immer, current, freeze, isDraft } from 'immer';
import { z } from 'zod';
import { DomainError } from '../../shared/result';
import { store as t } from '../../shared/i18n/store';

/** What a transaction did to one entity of a collection, or to a singleton part of the document. */
export type ChangeOp = 'created' | 'updated' | 'deleted';
export interface Change {
  /** Top-level key of the document: a collection ('actions') or a singleton ('settings'). */
  collection: string;
  /** The entity's id; absent for a singleton. */
  id?: string;
  op: ChangeOp;
}

/** How to validate a document's top-level keys: arrays of entities with an `id`, and single values. */
export interface DocumentShape {
  /** Entity schema of each collection (the document holds an array of such entities under that key). */
  collections: Record<string, z.ZodType>;
  /** Schema of each other top-level key (settings, schemaVersion…). */
  singletons: Record<string, z.ZodType>;
}

/**
 * Reads the shape from an object schema: a key holding an array of objects with an `id` is a collection,
 * every other key a singleton validated whole.
 */
export function shapeOf(schema: z.ZodObject): DocumentShape {
  const shape: DocumentShape = { collections: {}, singletons: {} };
  for (const [key, field] of Object.entries(schema.shape) as [string, z.ZodType][]) {
    let inner: z.ZodType = field;
    while (inner instanceof z.ZodDefault || inner instanceof z.ZodOptional) inner = inner.unwrap() as z.ZodType;
    const element = inner instanceof z.ZodArray ? (inner.element as z.ZodType) : undefined;
    if (element instanceof z.ZodObject && 'id' in element.shape) shape.collections[key] = element;
    else shape.singletons[key] = field;
  }
  return shape;
}

/** One reason a draft was refused; paths and zod messages only, never the entity's content. */
export interface ChangeIssue {
  collection: string;
  id?: string;
  problem: string;
}

/** A mutation produced a document that does not match the model: a programming error, never saved. */
export class InvalidChangeError extends Error {
  constructor(readonly issues: ChangeIssue[]) {
    super(
      `invalid change refused: ${issues
        .slice(0, 5)
        .map((i) => `${i.collection}${i.id ? `[${i.id}]` : ''}: ${i.problem}`)
        .join('; ')}${issues.length > 5 ? ` (+${issues.length - 5})` : ''}`,
    );
    this.name = 'InvalidChangeError';
  }
}

/** A mutation returned a promise: drafts cannot outlive the synchronous call, so this is refused. */
export class AsyncMutationError extends Error {
  constructor() {
    super('a transaction mutation must be synchronous');
    this.name = 'AsyncMutationError';
  }
}

export interface Committed<D, T> {
  /** The new document (the base itself when nothing changed). */
  next: D;
  /** What `mutate` returned, with every draft replaced by a plain snapshot (safe to keep and to send). */
  result: T;
  changes: Change[];
}

/**
 * Creates the immer instance a store uses. `autoFreeze` makes every committed object immutable, so code that
 * changes the document outside a transaction fails loudly instead of changing memory without saving it.
 */
export function createImmer(autoFreeze: boolean): Immer {
  return new Immer({ autoFreeze });
}

/** Freezes a whole document (a freshly loaded one), as immer freezes what a transaction commits. */
export function freezeDeep<T>(doc: T): T {
  return freeze(doc, true);
}

/**
 * Runs `mutate` on a draft of `base` and returns the next document with the list of changed entities, after
 * validating exactly those. A throw (from `mutate` or from the validation) leaves `base` untouched.
 */
export function runTransaction<D extends object, T>(
  immer: Immer,
  base: D,
  mutate: (draft: D) => T,
  shape: DocumentShape,
): Committed<D, T> {
  const draft = immer.createDraft(base) as D;
  const raw = mutate(draft);
  if (raw instanceof Promise) throw new AsyncMutationError();
  const result = detach(raw);
  const next = immer.finishDraft(draft) as D;
  if (next === base) return { next, result, changes: [] };
  const { changes, issues } = diffDocuments(base as Record<string, unknown>, next as Record<string, unknown>, shape);
  if (issues.length > 0) throw new InvalidChangeError(issues);
  return { next, result, changes };
}

/**
 * `runTransaction` for a store (the local file and the team server alike): a change that does not match the model,
 * or a mutation that returned a promise, is refused with the French « internal » error once `report` has the
 * technical reason; any other throw (a service's own refusal) passes through unchanged.
 */
export function runChecked<D extends object, T>(
  immer: Immer,
  base: D,
  mutate: (draft: D) => T,
  shape: DocumentShape,
  report: (reason: string) => void,
): Committed<D, T> {
  try {
    return runTransaction(immer, base, mutate, shape);
  } catch (e) {
    if (e instanceof InvalidChangeError || e instanceof AsyncMutationError) {
      report(e.message);
      throw new DomainError('internal', t.invalidChange);
    }
    throw e;
  }
}

/** Replaces every draft reachable from `value` by a snapshot of its current state (copying only what holds one). */
export function detach<T>(value: T): T {
  return detachValue(value, new Map()) as T;
}

function detachValue(value: unknown, seen: Map<object, unknown>): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (isDraft(value)) return current(value);
  if (Object.isFrozen(value)) return value; // committed data: holds no draft
  if (seen.has(value)) return seen.get(value);
  if (Array.isArray(value)) {
    seen.set(value, value);
    let copy: unknown[] | undefined;
    value.forEach((item, i) => {
      const d = detachValue(item, seen);
      if (d !== item) (copy ??= value.slice())[i] = d;
    });
    if (copy) seen.set(value, copy);
    return copy ?? value;
  }
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return value;
  seen.set(value, value);
  let copy: Record<string, unknown> | undefined;
  for (const [k, item] of Object.entries(value)) {
    const d = detachValue(item, seen);
    if (d !== item) (copy ??= { ...value })[k] = d;
  }
  if (copy) seen.set(value, copy);
  return copy ?? value;
}

/** Lists what differs between two versions of a document and checks each changed part against the shape. */
export function diffDocuments(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  shape: DocumentShape,
): { changes: Change[]; issues: ChangeIssue[] } {
  const changes: Change[] = [];
  const issues: ChangeIssue[] = [];
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  for (const key of keys) {
    if (before[key] === after[key]) continue;
    const entity = shape.collections[key];
    if (entity) {
      diffCollection(key, before[key], after[key], entity, changes, issues);
      continue;
    }
    const single = shape.singletons[key];
    if (!single) {
      issues.push({ collection: key, problem: 'unknown part of the document' });
      continue;
    }
    const r = single.safeParse(after[key]);
    if (!r.success) issues.push({ collection: key, problem: describe(r.error) });
    changes.push({ collection: key, op: 'updated' });
  }
  return { changes, issues };
}

function diffCollection(
  key: string,
  before: unknown,
  after: unknown,
  schema: z.ZodType,
  changes: Change[],
  issues: ChangeIssue[],
): void {
  if (!Array.isArray(after)) {
    issues.push({ collection: key, problem: 'not a list' });
    return;
  }
  const previous = new Map<string, unknown>();
  if (Array.isArray(before)) for (const e of before) previous.set(idOf(e) ?? '', e);
  const present = new Set<string>();
  for (const entity of after) {
    const id = idOf(entity);
    if (id === undefined) {
      issues.push({ collection: key, problem: 'entity without an id' });
      continue;
    }
    if (present.has(id)) {
      issues.push({ collection: key, id, problem: 'duplicate id' });
      continue;
    }
    present.add(id);
    const old = previous.get(id);
    if (old === entity) continue;
    const r = schema.safeParse(entity);
    if (!r.success) issues.push({ collection: key, id, problem: describe(r.error) });
    changes.push({ collection: key, id, op: old === undefined ? 'created' : 'updated' });
  }
  for (const id of previous.keys()) if (!present.has(id)) changes.push({ collection: key, id, op: 'deleted' });
}

function idOf(entity: unknown): string | undefined {
  if (typeof entity !== 'object' || entity === null) return undefined;
  const id = (entity as { id?: unknown }).id;
  return typeof id === 'string' ? id : undefined;
}

function describe(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
    .join('; ');
}
