// Remembers which files this installation's own dialogs chose, as HMACs keyed by a per-installation secret kept
// outside the data folder: a path planted in a restored or imported backup cannot pass for one the coordinator chose.
import { createHmac, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { z } from 'zod';

const MAX_KEPT = 5_000;
const Marks = z.array(z.string().regex(/^[0-9a-f]{64}$/)).max(MAX_KEPT);

export interface ChosenFiles {
  mark(path: string): void;
  isChosen(path: string): boolean;
}

function normalise(path: string, platform: NodeJS.Platform): string {
  const p = resolve(path);
  return platform === 'win32' || platform === 'darwin' ? p.toLowerCase() : p;
}

function writeAtomically(file: string, content: string | Buffer): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(tmp, content, { mode: 0o600 });
  renameSync(tmp, file);
}

/** `dir` is the app's own folder (userData), never the data folder. Files: `installation.key`, `chosen-files.json`. */
export function openChosenFiles(dir: string, platform: NodeJS.Platform = process.platform): ChosenFiles {
  const keyFile = join(dir, 'installation.key');
  const listFile = join(dir, 'chosen-files.json');
  let key: Buffer;
  try {
    key = readFileSync(keyFile);
    if (key.length < 32) throw new Error('short key');
  } catch {
    key = randomBytes(32);
    writeAtomically(keyFile, key);
  }
  let marks: string[] = [];
  try {
    const parsed = Marks.safeParse(JSON.parse(readFileSync(listFile, 'utf8')));
    if (parsed.success) marks = parsed.data;
  } catch {
    // No list yet, or unreadable: nothing counts as chosen (a confirmation is asked), which is the safe side.
  }
  const known = new Set(marks);
  const hmac = (path: string) => createHmac('sha256', key).update(normalise(path, platform)).digest('hex');
  return {
    mark(path) {
      const h = hmac(path);
      if (known.has(h)) return;
      known.add(h);
      marks.push(h);
      if (marks.length > MAX_KEPT) known.delete(marks.shift()!);
      try {
        writeAtomically(listFile, JSON.stringify(marks));
      } catch {
        // Kept in memory for this session; the file is retried at the next choice.
      }
    },
    isChosen(path) {
      return known.has(hmac(path));
    },
  };
}
