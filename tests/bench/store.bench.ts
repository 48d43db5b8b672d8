// Datastore benchmarks on the ten-year dataset: open + validation, and one small edit to durable write.
import { rmSync } from 'node:fs';
import { Store } from '../../src/main/store/store';
import { tenYearCopy } from './fixtures';
import { bench } from './harness';

void bench('store.load.10y', {
  setup: () => ({ dir: tenYearCopy(), store: undefined as Store | undefined }),
  // Store.open takes the folder lock, reads clspd.json, migrates if needed and validates it with zod.
  run: (s) => {
    s.store = Store.open(s.dir, { owner: 'test' });
    if (!s.store.isReady) throw new Error(`store not ready: ${JSON.stringify(s.store.state)}`);
  },
  afterEach: async (s) => {
    await s.store?.close();
    s.store = undefined;
  },
  teardown: (s) => rmSync(s.dir, { recursive: true, force: true }),
  runs: 15,
  warmup: 2,
  target_ms: 250,
});

void bench('store.save.10y', {
  setup: () => {
    const dir = tenYearCopy();
    return { dir, store: Store.open(dir, { owner: 'test' }) };
  },
  // One action's progress changes: the whole active file is serialised, written, fsynced and renamed.
  run: async (s, i) => {
    await s.store.update((data) => {
      const action = data.actions[i % data.actions.length];
      action.progress = (action.progress + 1) % 100;
    });
  },
  teardown: async (s) => {
    await s.store.close();
    rmSync(s.dir, { recursive: true, force: true });
  },
  runs: 30,
  warmup: 3,
  target_ms: 50,
});
