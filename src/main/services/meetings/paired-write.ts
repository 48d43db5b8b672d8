// A main-store transaction and a confidential decision text written as one: a failure of either leaves both as they were.
import type { Datastore, Meeting } from '../../../shared/model';
import { logError } from '../../log';
import type { Store } from '../../store/store';
import type { Change } from '../../store/transaction';
import type { DataStore, ServiceContext } from '../context';
import { openVault, vaultTexts, writeTexts } from './texts';

type Rows = Array<{ id?: unknown }>;
type LocalStore = DataStore & Pick<Store, 'check' | 'commit'>;

/** The local file store (the only one wired with a protected store: the team server has none). */
function localStore(ctx: ServiceContext): LocalStore {
  const s = ctx.store as Partial<LocalStore>;
  if (typeof s.check !== 'function' || typeof s.commit !== 'function') throw new Error('paired write needs the local store');
  return ctx.store as LocalStore;
}

/** Puts back, in memory, every entity `changes` touched as it was in `before` (the write is attempted, its failure ignored). */
function revertStore(store: LocalStore, before: Datastore, changes: Change[]): void {
  const old = before as unknown as Record<string, unknown>;
  const { written } = store.commit((data) => {
    const doc = data as unknown as Record<string, unknown>;
    for (const c of changes) {
      const list = doc[c.collection];
      if (c.id === undefined || !Array.isArray(list)) {
        doc[c.collection] = old[c.collection];
        continue;
      }
      const rows = list as Rows;
      const at = rows.findIndex((r) => r.id === c.id);
      const previous = (old[c.collection] as Rows | undefined)?.find((r) => r.id === c.id);
      if (!previous) {
        if (at >= 0) rows.splice(at, 1);
      } else if (at >= 0) rows[at] = previous;
      else rows.push(previous);
    }
  });
  written.catch(() => undefined);
}

/**
 * Records `mutate` in the main store and `text` as the decision's text in the protected store, as one:
 * 1. `mutate` is checked on a throwaway draft — a refusal writes nothing anywhere;
 * 2. the text goes to the protected store (its update is atomic: a failure there changes nothing);
 * 3. `mutate` is committed and written. When that fails (refused after all, or the write failed), the text is
 *    put back as it was in the protected store and what the transaction changed in memory is undone, so the
 *    main file, memory and the protected store agree again; the error is then thrown.
 */
export async function commitWithDecisionText<T>(
  ctx: ServiceContext,
  meeting: Pick<Meeting, 'id' | 'date'>,
  text: { decisionId: string; value: string },
  mutate: (data: Datastore) => T,
): Promise<T> {
  const store = localStore(ctx);
  store.check(mutate);
  openVault(ctx);
  const entryBefore = vaultTexts(ctx, meeting.id);
  const textBefore = entryBefore?.decisionTexts[text.decisionId];
  await writeTexts(ctx, meeting, (t) => void (t.decisionTexts[text.decisionId] = text.value));
  const before = store.data;
  let changes: Change[] | undefined;
  try {
    const commit = store.commit(mutate);
    changes = commit.changes;
    await commit.written;
    return commit.result;
  } catch (e) {
    if (changes) revertStore(store, before, changes);
    try {
      await openVault(ctx).update((d) => {
        const at = d.meetingTexts.findIndex((m) => m.meetingId === meeting.id);
        if (at < 0) return;
        if (!entryBefore) return void d.meetingTexts.splice(at, 1);
        const entry = d.meetingTexts[at];
        if (textBefore === undefined) delete entry.decisionTexts[text.decisionId];
        else entry.decisionTexts[text.decisionId] = textBefore;
        entry.updatedAt = entryBefore.updatedAt;
        entry.meetingDate = entryBefore.meetingDate;
      });
    } catch (undo) {
      logError('meetings.decisionTextUndoFailed', { reason: (undo as Error).message });
    }
    throw e;
  }
}
