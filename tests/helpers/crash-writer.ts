// Child process of the crash test: opens a Store and writes in a loop, acknowledging each durable write on stdout.
//
// Usage: node crash-writer.cjs DIR (bundled by tests/unit/crash.test.ts) or node --import tsx crash-writer.ts DIR.
// Each write N sets settings.address to "N" and keeps a window of the last WINDOW organisations named "w-N", so
// the parent can check both that no acknowledged write is lost and that the document is never a mix of two.
// Protocol (one line each, written synchronously to a pipe): `ready C` after opening (C = counter on disk),
// `start N` before issuing write N, `ack N` once `await store.update` for N has resolved.
import { Store, newEmptyDatastore } from '../../src/main/store/store';
import { WINDOW } from './crash-protocol';

const NOTE = 'x'.repeat(2_000);

function line(s: string): void {
  process.stdout.write(`${s}\n`);
}

async function main(): Promise<void> {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: crash-writer DIR');
  const store = Store.open(dir, { owner: 'test' });
  if (store.state.status === 'broken') throw new Error(`broken: ${store.state.message}`);
  if (store.state.status === 'empty') {
    const doc = newEmptyDatastore();
    doc.settings.address = '0';
    await store.initialise(doc);
  }
  let counter = Number(store.data.settings.address);
  line(`ready ${counter}`);
  const at = new Date().toISOString();
  for (;;) {
    // One to three updates issued in the same tick: they are coalesced into one file write.
    const batch = 1 + (counter % 3);
    const writes: Promise<void>[] = [];
    for (let k = 0; k < batch; k++) {
      const n = ++counter;
      line(`start ${n}`);
      const p = store.update((d) => {
        d.settings.address = String(n);
        d.organisations.push({ id: `w-${n}`, name: `w-${n}`, categoryId: 'cat', notes: NOTE, archived: false, createdAt: at, updatedAt: at });
        d.organisations = d.organisations.filter((o) => Number(o.id.slice(2)) > n - WINDOW);
      });
      writes.push(p.then(() => line(`ack ${n}`)));
    }
    await Promise.all(writes);
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`crash-writer: ${(e as Error).stack ?? String(e)}\n`);
  process.exit(3);
});
