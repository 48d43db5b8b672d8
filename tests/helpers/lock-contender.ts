// Child process of the lock race test: once told « go » on stdin, tries to take the folder's lock, reports, holds it until « release ».
// Usage: node --import tsx lock-contender.ts DIR. Prints `ready`, then `acquired` or `refused CODE MESSAGE`.
import { acquireLock, type FolderLock } from '../../src/main/store/lock';

const dir = process.argv[2];
let lock: FolderLock | undefined;
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk: string) => {
  if (chunk.includes('go')) {
    try {
      lock = acquireLock(dir, 'test');
      process.stdout.write('acquired\n');
    } catch (e) {
      process.stdout.write(`refused ${(e as { code?: string }).code ?? 'error'} ${(e as Error).message}\n`);
    }
  }
  if (chunk.includes('release')) {
    lock?.release();
    process.exit(0);
  }
});
process.stdout.write('ready\n');
