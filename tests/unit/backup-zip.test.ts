// The backup zip writer (store/zipWrite.ts): explicit entries pushed in chunks, whatever kind of byte array each body is.
import { randomBytes } from 'node:crypto';
import { runInNewContext } from 'node:vm';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { encodeBackup } from '../../src/main/store/backupFormat';
import { checkZipDeclared } from '../../src/main/store/zipGuard';
import { zipEntries } from '../../src/main/store/zipWrite';

describe('zipEntries', () => {
  it('round-trips buffers, views over a larger buffer, byte arrays of another realm, empty and multi-megabyte files', () => {
    const big = randomBytes(3 * 1024 * 1024 + 17);
    const pool = Buffer.from('xxxxclspd-dans-un-pool-partagéyyyy');
    const view = pool.subarray(4, pool.length - 4);
    // A byte array made in another realm is not `instanceof Uint8Array` here: the one-call zipSync took it for a folder.
    const foreign = runInNewContext('new Uint8Array([1, 2, 3, 250])') as Uint8Array;
    expect(foreign instanceof Uint8Array).toBe(false);
    const mtime = new Date('2026-11-16T08:30:00Z');
    const zip = zipEntries(
      [
        { name: 'manifest.json', data: Buffer.from('{"a":1}'), level: 6 },
        { name: 'clspd.json', data: view, level: 6 },
        { name: 'archive-2021.json', data: new Uint8Array(0), level: 6 },
        { name: 'protected/vault.json', data: big, level: 0 },
        { name: 'protected/autre.bin', data: foreign, level: 6 },
      ],
      mtime,
    );
    const back = unzipSync(zip);
    expect(Object.keys(back)).toEqual(['manifest.json', 'clspd.json', 'archive-2021.json', 'protected/vault.json', 'protected/autre.bin']);
    expect(Buffer.from(back['clspd.json']!).toString()).toBe('clspd-dans-un-pool-partagé');
    expect(back['archive-2021.json']!.length).toBe(0);
    expect(Buffer.compare(Buffer.from(back['protected/vault.json']!), big)).toBe(0);
    expect([...back['protected/autre.bin']!]).toEqual([1, 2, 3, 250]);
    expect(checkZipDeclared(Buffer.from(zip), { maxEntries: 10, maxTotalBytes: 10 * 1024 * 1024 }).ok).toBe(true);
  });

  it('writes a backup holding a file of more than 20 MB (chunked), read back byte for byte', () => {
    // 40 MB of JSON-like text in one file: pushed to the compressor 1 MB at a time.
    const huge = Buffer.from(`[${Array.from({ length: 400_000 }, (_, i) => `{"id":"act_${i}","titre":"Action ${i} du plan de prévention"}`).join(',')}]`);
    expect(huge.length).toBeGreaterThan(20 * 1024 * 1024);
    const bytes = encodeBackup([{ path: 'archive-2019.json', data: huge }], { createdAt: new Date(), reason: 'manual' });
    const back = unzipSync(bytes);
    expect(Buffer.compare(Buffer.from(back['archive-2019.json']!), huge)).toBe(0);
    expect(bytes.length).toBeLessThan(huge.length / 5);
  });
});
