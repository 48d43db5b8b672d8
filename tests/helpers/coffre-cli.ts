// Shared by the coffre CLI tests: run `clspd` in-process, snapshot a folder's bytes, and a folder holding one confidential decision in its coffre.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../../src/main/cli/framework';
import { commands } from '../../src/main/cli/index';
import { createContext } from '../../src/main/services/context';
import { capture } from '../../src/main/services/meetings';
import { Store } from '../../src/main/store/store';
import { Vault } from '../../src/main/vault';
import { sampleDatastore, tempDir } from './fixtures';

export const PASS = 'phrase de passe de test';
export const SECRET = 'Orientation vers le PRE (situation 2026-014)';

/** Runs the CLI with `argv`, collecting its output and errors. */
export async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, commands, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** Every file of the folder with its bytes and modification time. */
export function snapshot(dir: string): string {
  const rows: string[] = [];
  const walk = (d: string) => {
    for (const n of readdirSync(d).sort()) {
      const p = join(d, n);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else rows.push(`${p} ${st.mtimeMs} ${readFileSync(p).toString('base64')}`);
    }
  };
  walk(dir);
  return rows.join('\n');
}

/** A sample folder whose meeting mee_3 is in progress with one decision captured in its coffre (passphrase PASS). */
export async function folderWithConfidentialDecision(): Promise<string> {
  const dir = tempDir();
  const doc = sampleDatastore();
  doc.meetings.find((x) => x.id === 'mee_3')!.status = 'in_progress';
  const store = Store.open(dir, { owner: 'test' });
  await store.initialise(doc);
  const ctx = createContext(store);
  const v = new Vault(dir);
  ctx.vault = v;
  await v.create(PASS);
  await capture(ctx, { meetingId: 'mee_3', kind: 'decision', text: SECRET });
  v.lock();
  await store.close();
  return dir;
}
