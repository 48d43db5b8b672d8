// `clspd decisions` reads confidential decision texts from the coffre: passphrase from a file or CLSPD_PASSPHRASE, missing → 2, wrong → 1, nothing changed.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/main/cli/framework';
import { commands } from '../../../src/main/cli/index';
import { capture } from '../../../src/main/services/meetings';
import { createContext } from '../../../src/main/services/context';
import { Store } from '../../../src/main/store/store';
import { Vault } from '../../../src/main/vault';
import { cleanTempDirs, sampleDatastore, tempDir } from '../../helpers/fixtures';

const PASS = 'phrase de passe de test';
const SECRET = 'Orientation vers le PRE (situation 2026-014)';

beforeEach(() => void delete process.env.CLSPD_PASSPHRASE);
afterEach(() => {
  delete process.env.CLSPD_PASSPHRASE;
  cleanTempDirs();
});

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, commands, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** Every file of the folder with its bytes and modification time. */
function snapshot(dir: string): string {
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

async function folderWithConfidentialDecision(): Promise<string> {
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

describe('clspd decisions and the coffre', () => {
  it('shows and searches confidential texts with the passphrase; missing → 2, wrong → 1, unreadable file → 2; nothing changed', async () => {
    const dir = await folderWithConfidentialDecision();
    const before = snapshot(dir);
    const missing = await run('decisions', '--data', dir, '--json');
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/CLSPD_PASSPHRASE/);
    expect(missing.out).toBe('');
    const wrongFile = join(tempDir(), 'faux.txt');
    writeFileSync(wrongFile, 'pas la bonne phrase\n');
    const wrong = await run('decisions', '--data', dir, '--passphrase-file', wrongFile);
    expect(wrong.code).toBe(1);
    expect(wrong.err).toMatch(/phrase de passe/i);
    expect(wrong.out).toBe('');
    const unreadable = await run('decisions', '--data', dir, '--passphrase-file', join(dir, 'absent.txt'));
    expect(unreadable.code).toBe(2);
    expect(unreadable.err).toMatch(/ne peut pas être lu/);
    expect(snapshot(dir)).toBe(before);

    const goodFile = join(tempDir(), 'phrase.txt');
    writeFileSync(goodFile, `${PASS}\r\nligne ignorée\n`);
    const byFile = await run('decisions', '--data', dir, '--json', '--search', 'PRE', '--passphrase-file', goodFile);
    expect(byFile.code).toBe(0);
    expect((JSON.parse(byFile.out) as { decision: { text: string } }[]).map((r) => r.decision.text)).toEqual([SECRET]);
    process.env.CLSPD_PASSPHRASE = PASS;
    const byEnv = await run('decisions', '--data', dir);
    expect(byEnv.code).toBe(0);
    expect(byEnv.out).toContain(SECRET);
    expect(snapshot(dir)).toBe(before);
  });

  it('asks nothing in a folder without a coffre', async () => {
    const dir = tempDir();
    const store = Store.open(dir, { owner: 'test' });
    await store.initialise(sampleDatastore());
    await store.close();
    expect((await run('decisions', '--data', dir, '--json')).code).toBe(0);
  });
});
