// Writing the protected store's file: a change is one sealed record appended and fsynced; the whole file is rewritten (compacted) now and then.
import { closeSync, fstatSync, fsyncSync, ftruncateSync, openSync, readSync, writeSync } from 'node:fs';
import type { ProtectedData } from '../../shared/protected-model';
import { writeFileDurable } from '../store/durable';
import type { Delta } from './delta';
import type { FileState, Keys } from './envelope';
import { sealRecord, sealSnapshot, type SealedSection } from './format';

/** A rewrite folds the records into a new snapshot once there are this many… */
export const MAX_RECORDS = 200;
/** …or they weigh this much. */
export const MAX_RECORD_BYTES = 4 * 1024 * 1024;

/**
 * Appends `text` at byte `at` of `file`, durably. The file must still be the one we wrote: at least `at`
 * bytes, its header naming `snapshotId` (a restore may have replaced it); anything after `at` (a torn record of
 * a crash) is cut first. Returns false, writing nothing, when the file is not as expected; on a write error
 * the file is cut back to `at` and the error thrown.
 */
export function appendDurable(file: string, at: number, text: string, snapshotId: string): boolean {
  const fd = openSync(file, 'r+');
  try {
    if (fstatSync(fd).size < at) return false;
    const head = Buffer.alloc(Math.min(at, 4096));
    const read = readSync(fd, head, 0, head.length, 0);
    if (!head.subarray(0, read).toString('utf8').includes(`"snapshotId":"${snapshotId}"`)) return false;
    const bytes = Buffer.from(text, 'utf8');
    try {
      ftruncateSync(fd, at);
      let off = 0;
      while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off, at + off);
      fsyncSync(fd);
    } catch (e) {
      try {
        ftruncateSync(fd, at);
        fsyncSync(fd);
      } catch {
        // The torn tail stays: it is never read (the reader ignores a torn last record) and the next write cuts it.
      }
      throw e;
    }
    return true;
  } finally {
    closeSync(fd);
  }
}

/** The vault file of an open session: where the next record goes and the sealed sections a rewrite can reuse. */
export class VaultFileWriter {
  private sections = new Map<string, SealedSection>();

  constructor(
    readonly file: string,
    private state: FileState,
  ) {}

  /** Change records written since the last rewrite. */
  get records(): number {
    return this.state.records;
  }

  /** Rewrites the whole file (temp file, fsync, rename): create, passphrase change, purge, compaction. */
  rewrite(keys: Keys, data: ProtectedData, at: Date, io: { write?: typeof writeFileDurable } = {}): void {
    const snap = sealSnapshot(keys, data, at, this.sections);
    (io.write ?? writeFileDurable)(this.file, snap.text);
    const size = Buffer.byteLength(snap.text, 'utf8');
    this.state = { snapshotId: snap.snapshotId, records: 0, size, recordBytes: 0 };
    this.sections = snap.sections;
  }

  /**
   * Makes one committed change durable: a record appended to the file (a few hundred bytes, one fsync), or a
   * rewrite when the file is of format 1, holds many records, or changed under us.
   */
  write(keys: Keys, data: ProtectedData, delta: Delta, at: Date): void {
    const s = this.state;
    if (s.snapshotId && s.records < MAX_RECORDS && s.recordBytes < MAX_RECORD_BYTES) {
      const record = sealRecord(keys, s.snapshotId, s.records, delta);
      if (appendDurable(this.file, s.size, record, s.snapshotId)) {
        const bytes = Buffer.byteLength(record, 'utf8');
        this.state = { ...s, records: s.records + 1, size: s.size + bytes, recordBytes: s.recordBytes + bytes };
        return;
      }
    }
    this.rewrite(keys, data, at);
  }
}
