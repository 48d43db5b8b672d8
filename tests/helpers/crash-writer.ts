// Child process of the crash test: opens a Store and writes in a loop, acknowledging each durable write on stdout.
//
// Usage: node crash-writer.cjs DIR (bundled by tests/unit/crash.test.ts) or node --import tsx crash-writer.ts DIR.
// Each write N sets settings.address to "N" and keeps a window of the last WINDOW organisations named "w-N", so
// the parent can check both that no acknowledged write is lost and that the document is never a mix of two.
// Protocol (one line each, written synchronously to a pipe): `ready C` after opening (C = counter on disk),
// `start N` before issuing write N, `ack N` once `await store.update` for N has resolved.
// Besides plain writes, the loop runs the durable steps of the other operations a kill may interrupt:
// - a complete backup into backups/ (every BACKUP_EVERY writes);
// - a period archive, as closing a strategy period does it: the archive file written first, then the live
//   file referencing it (every ARCHIVE_EVERY writes);
// - an import, as applyImport does it: a backup tagged "import", then one update adding a batch of partners.
import { join } from 'node:path';
import { archiveFileName } from '../../src/main/store/archives';
import { writeFileDurable } from '../../src/main/store/durable';
import { SCHEMA_VERSION } from '../../src/shared/model';
import { Store, newEmptyDatastore } from '../../src/main/store/store';
import { ARCHIVE_EVERY, BACKUP_EVERY, IMPORT_EVERY, WINDOW } from './crash-protocol';

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
      if (n % BACKUP_EVERY === 0) {
        line(`begin backup ${n}`);
        store.backup('manual');
        line(`end backup ${n}`);
      }
      if (n % IMPORT_EVERY === 0) line(`begin import ${n}`);
      if (n % IMPORT_EVERY === 0) store.backup('import');
      const periodId = `per_w${n}`;
      if (n % ARCHIVE_EVERY === 0) {
        const archive = {
          schemaVersion: SCHEMA_VERSION,
          archiveOf: periodId,
          period: { id: periodId, title: `Période ${n}`, startYear: 2020, endYear: 2022, status: 'closed', closedAt: '2026-01-01', archiveFile: archiveFileName(periodId) },
          axes: [],
          objectives: [],
          actions: [],
          meetings: [],
        };
        line(`begin archive ${n}`);
        writeFileDurable(join(dir, archiveFileName(periodId)), JSON.stringify(archive));
      }
      const p = store.update((d) => {
        d.settings.address = String(n);
        const extra = n % IMPORT_EVERY === 0 ? 5 : 0;
        d.organisations.push({ id: `w-${n}`, name: `w-${n}`, categoryId: 'cat', notes: NOTE, archived: false, createdAt: at, updatedAt: at });
        d.organisations = d.organisations.filter((o) => !o.id.startsWith('w-') || Number(o.id.slice(2)) > n - WINDOW);
        // The imported partners of this write: named after it, so the parent finds them whole or not at all.
        for (let i = 0; i < extra; i++) d.organisations.push({ id: `i-${n}-${i}`, name: `i-${n}-${i}`, categoryId: 'cat', notes: '', archived: false, createdAt: at, updatedAt: at });
        d.organisations = d.organisations.filter((o) => !o.id.startsWith('i-') || Number(o.id.split('-')[1]) > n - WINDOW);
        if (n % ARCHIVE_EVERY === 0) d.periods.push({ id: periodId, title: `Période ${n}`, startYear: 2020, endYear: 2022, status: 'closed', closedAt: '2026-01-01', archiveFile: archiveFileName(periodId) });
      });
      writes.push(
        p.then(() => {
          line(`ack ${n}`);
          if (n % ARCHIVE_EVERY === 0) line(`end archive ${n}`);
          if (n % IMPORT_EVERY === 0) line(`end import ${n}`);
        }),
      );
    }
    await Promise.all(writes);
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`crash-writer: ${(e as Error).stack ?? String(e)}\n`);
  process.exit(3);
});
