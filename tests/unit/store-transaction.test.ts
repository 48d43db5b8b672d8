// Transactions of the datastore: drafts that roll back, validation of what changed, changed-entity lists, closed stores.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createInvoker } from '../../src/main/ipc/handlers';
import { createContext } from '../../src/main/services/context';
import { writeFileDurable } from '../../src/main/store/durable';
import { Store, type CommitInfo, type OpenOptions } from '../../src/main/store/store';
import { detach, diffDocuments, shapeOf, type Change } from '../../src/main/store/transaction';
import { store as t } from '../../src/shared/i18n/store';
import { Datastore } from '../../src/shared/model';
import { DomainError } from '../../src/shared/result';
import { cleanTempDirs, looksFrench, sampleDatastore, sha256, tempDir } from '../helpers/fixtures';

vi.mock('../../src/main/store/durable', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/main/store/durable')>();
  return { ...real, writeFileDurable: vi.fn(real.writeFileDurable) };
});
const writeSpy = vi.mocked(writeFileDurable);

const opened: Store[] = [];
afterEach(async () => {
  for (const s of opened.splice(0)) await s.close().catch(() => undefined);
  writeSpy.mockClear();
  cleanTempDirs();
});

async function initialised(options: OpenOptions = {}): Promise<Store> {
  const store = Store.open(tempDir(), { owner: 'test', log: () => undefined, ...options });
  opened.push(store);
  await store.initialise(sampleDatastore());
  writeSpy.mockClear();
  return store;
}

async function rejection(p: Promise<unknown>): Promise<DomainError> {
  try {
    await p;
  } catch (e) {
    return e as DomainError;
  }
  throw new Error('expected a rejection');
}

const sorted = (changes: Change[]) => [...changes].sort((a, b) => `${a.collection}/${a.id}`.localeCompare(`${b.collection}/${b.id}`));

describe('Store.update is a transaction', () => {
  it('a mutation that throws half-way leaves memory deep-equal and the file byte-identical', async () => {
    const store = await initialised();
    const before = store.data;
    const snapshot = structuredClone(before);
    const hash = sha256(store.file);
    const e = await rejection(
      store.update((d) => {
        d.organisations[0].name = 'Changée';
        d.people.splice(0, 1);
        d.settings.communeName = 'Ailleurs';
        d.actions.push({ ...d.actions[0], id: 'act_new' });
        throw new DomainError('conflict', 'Refusé à mi-chemin.');
      }),
    );
    expect(e.code).toBe('conflict');
    expect(store.data).toBe(before);
    expect(store.data).toEqual(snapshot);
    await store.flush();
    expect(sha256(store.file)).toBe(hash);
    expect(writeSpy).not.toHaveBeenCalled();
  });

  it('refuses a change that breaks the model with a French internal error, logs it and writes nothing', async () => {
    const log = vi.fn();
    const store = await initialised({ log });
    const snapshot = structuredClone(store.data);
    const hash = sha256(store.file);
    const bad: ((d: Datastore) => void)[] = [
      (d) => {
        (d.actions[1] as { status: string }).status = 'perdue';
      },
      (d) => {
        d.organisations.push({ ...d.organisations[0] }); // same id twice
      },
      (d) => {
        (d.settings as { staleAfterMonths: unknown }).staleAfterMonths = 'trois';
      },
      (d) => {
        (d as unknown as Record<string, unknown>).extra = [];
      },
      (d) => {
        d.meetings.push({ id: 'mee_x' } as Datastore['meetings'][number]);
      },
    ];
    for (const mutate of bad) {
      const e = await rejection(store.update(mutate));
      expect(e).toBeInstanceOf(DomainError);
      expect(e.code).toBe('internal');
      expect(e.message).toBe(t.invalidChange);
      expect(looksFrench(e.message)).toBe(true);
    }
    expect(log).toHaveBeenCalledTimes(bad.length);
    expect(log.mock.calls[0][0]).toBe('store.transactionRefused');
    expect(String(log.mock.calls[0][1])).toMatch(/actions\[act_2\].*status/);
    expect(String(log.mock.calls[1][1])).toMatch(/organisations\[org_mairie\]: duplicate id/);
    expect(store.data).toEqual(snapshot);
    await store.flush();
    expect(sha256(store.file)).toBe(hash);
    expect(writeSpy).not.toHaveBeenCalled();
  });

  it('lists the created, updated and deleted entities of each commit and tells its listeners', async () => {
    const store = await initialised();
    const seen: CommitInfo[] = [];
    store.onCommit((c) => seen.push(c));
    const { changes, written } = store.commit((d) => {
      d.organisations.push({ ...d.organisations[0], id: 'org_new', name: 'Nouvelle structure' });
      d.people.find((p) => p.id === 'per_b')!.lastName = 'Modifié';
      d.meetings = d.meetings.filter((m) => m.id !== 'mee_2');
      d.actions[2].progress = 77;
      d.settings.address = '1 place de la Mairie';
    });
    await written;
    expect(sorted(changes)).toEqual(
      sorted([
        { collection: 'organisations', id: 'org_new', op: 'created' },
        { collection: 'people', id: 'per_b', op: 'updated' },
        { collection: 'meetings', id: 'mee_2', op: 'deleted' },
        { collection: 'actions', id: 'act_3', op: 'updated' },
        { collection: 'settings', op: 'updated' },
      ]),
    );
    expect(seen).toHaveLength(1);
    expect(seen[0].changes).toEqual(changes);
    expect(seen[0].data).toBe(store.data);
    // A change nested deep inside an entity is validated and reported on the entity; reading alone changes nothing.
    expect(() =>
      store.commit((d) => {
        d.meetings[0].decisions.push({ id: 'dec_z' } as Datastore['meetings'][number]['decisions'][number]);
      }),
    ).toThrow(DomainError);
    expect(seen).toHaveLength(1);
    const nested = store.commit((d) => {
      d.meetings[0].generalNotes = 'Notes';
      void d.actions.map((a) => a.title);
    });
    await nested.written;
    expect(nested.changes).toEqual([{ collection: 'meetings', id: 'mee_1', op: 'updated' }]);
    const none = store.commit((d) => d.actions.length);
    expect(none).toMatchObject({ result: 3, changes: [] });
    expect(seen).toHaveLength(2);
  });

  it('shares what it does not touch and freezes what it commits', async () => {
    const store = await initialised();
    const before = store.data;
    await store.update((d) => {
      d.actions[0].progress = 55;
    });
    const after = store.data;
    expect(after).not.toBe(before);
    expect(after.meetings).toBe(before.meetings);
    expect(after.actions).not.toBe(before.actions);
    expect(after.actions[1]).toBe(before.actions[1]);
    expect(before.actions[0].progress).not.toBe(55); // the previous version is left as it was
    expect(Object.isFrozen(after.actions[0])).toBe(true);
    expect(Object.isFrozen(after.meetings[0])).toBe(true);
    // Changing the document outside a transaction fails instead of silently skipping the save.
    expect(() => {
      (store.data.actions[0] as { progress: number }).progress = 1;
    }).toThrow(TypeError);
  });

  it('returns plain snapshots, not drafts, that stay readable after the commit', async () => {
    const store = await initialised();
    const result = await store.update((d) => {
      const org = d.organisations[1];
      org.name = 'Police municipale de Valbourg';
      return { org, list: [org, d.people[0]], count: d.people.length };
    });
    expect(result.org.name).toBe('Police municipale de Valbourg');
    expect(result.list[1]).toEqual(store.data.people[0]);
    expect(structuredClone(result)).toEqual(result);
    expect(result.org).toEqual(store.data.organisations[1]);
  });

  it('refuses a mutation that returns a promise', async () => {
    const store = await initialised({ log: () => undefined });
    const hash = sha256(store.file);
    const e = await rejection(
      store.update(async (d) => {
        d.settings.address = 'async';
      }),
    );
    expect(e.code).toBe('internal');
    expect(store.data.settings.address).toBe('');
    expect(sha256(store.file)).toBe(hash);
  });

  it('still coalesces the transactions of one tick into one write', async () => {
    const store = await initialised();
    const all = Array.from({ length: 10 }, (_, i) =>
      store.update((d) => {
        d.actions[i % 3].progress = i;
      }),
    );
    await Promise.all(all);
    expect(writeSpy.mock.calls.filter((c) => c[0] === store.file)).toHaveLength(1);
    const onDisk = JSON.parse(readFileSync(store.file, 'utf8')) as Datastore;
    expect(onDisk.actions.map((a) => a.progress)).toEqual([9, 7, 8]);
  });

  it('refuses a change after close() with a French error, without writing into the released folder', async () => {
    const store = await initialised();
    const hash = sha256(store.file);
    await store.close();
    const e = await rejection(
      store.update((d) => {
        d.settings.address = 'trop tard';
      }),
    );
    expect(e.code).toBe('io');
    expect(e.message).toBe(t.closed);
    expect(looksFrench(e.message)).toBe(true);
    expect(store.data.settings.address).toBe('');
    expect(sha256(store.file)).toBe(hash);
    expect(writeSpy).not.toHaveBeenCalled();
  });

  it('lets changes issued before close() reach the disk', async () => {
    const store = await initialised();
    const pending = store.update((d) => {
      d.settings.address = 'juste à temps';
    });
    await store.close();
    await pending;
    expect((JSON.parse(readFileSync(store.file, 'utf8')) as Datastore).settings.address).toBe('juste à temps');
  });
});

describe('undo:restore', () => {
  it('keeps the undo token when the restore is refused, so it works once the obstacle is gone', async () => {
    const store = await initialised();
    const invoke = createInvoker(createContext(store), undefined, () => undefined);
    const del = await invoke('partners:delete', { id: 'org_libre' });
    if (!del.ok) throw new Error(del.error.message);
    const { undoToken } = del.value as { undoToken: string };
    // Another structure takes the name meanwhile: the restore is refused and changes nothing.
    const other = await invoke('partners:create', { name: 'Association Libre Parcours', categoryId: store.data.categories[0].id });
    if (!other.ok) throw new Error(other.error.message);
    const otherId = (other.value as { id: string }).id;
    await store.flush();
    const hash = sha256(store.file);
    const before = store.data;
    const refused = await invoke('undo:restore', { undoToken });
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error.code).toBe('conflict');
    expect(store.data).toBe(before);
    expect(sha256(store.file)).toBe(hash);
    // The same token works once the name is free again, and only once.
    const renamed = await invoke('partners:update', { id: otherId, patch: { name: 'Autre association' } });
    expect(renamed.ok).toBe(true);
    const restored = await invoke('undo:restore', { undoToken });
    expect(restored.ok).toBe(true);
    expect(store.data.organisations.some((o) => o.id === 'org_libre')).toBe(true);
    expect(store.data.people.some((p) => p.id === 'per_a')).toBe(true);
    const again = await invoke('undo:restore', { undoToken });
    expect(!again.ok && again.error.code).toBe('not_found');
  });
});

describe('transaction helpers', () => {
  it('diffDocuments reports entity changes per collection and singleton changes', () => {
    const shape = shapeOf(Datastore);
    expect(Object.keys(shape.collections)).toEqual(
      expect.arrayContaining(['actions', 'axes', 'categories', 'instances', 'meetings', 'memberships', 'objectives', 'organisations', 'people', 'periods', 'purgeLog']),
    );
    expect(Object.keys(shape.singletons)).toEqual(expect.arrayContaining(['schemaVersion', 'settings']));
    expect([...Object.keys(shape.collections), ...Object.keys(shape.singletons)].sort()).toEqual(Object.keys(Datastore.shape).sort());
    const a = sampleDatastore();
    const b = { ...a, axes: [...a.axes, { ...a.axes[0], id: 'axe_2', title: 'Tranquillité' }], categories: a.categories.slice(1) };
    const { changes, issues } = diffDocuments(a, b, shape);
    expect(issues).toEqual([]);
    expect(sorted(changes)).toEqual(sorted([{ collection: 'axes', id: 'axe_2', op: 'created' }, { collection: 'categories', id: a.categories[0].id, op: 'deleted' }]));
  });

  it('detach leaves plain values alone and copies only containers that hold a draft', () => {
    const plain = { a: [1, 2], b: { c: 'x' } };
    expect(detach(plain)).toBe(plain);
    const cyclic: Record<string, unknown> = { n: 1 };
    cyclic.self = cyclic;
    expect(detach(cyclic)).toBe(cyclic);
  });
});
