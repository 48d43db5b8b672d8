// `clspd decisions` reads confidential decision texts from the coffre: passphrase from a file or CLSPD_PASSPHRASE, missing → 2, wrong → 1, nothing changed.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Store } from '../../../src/main/store/store';
import { folderWithConfidentialDecision, PASS, run, SECRET, snapshot } from '../../helpers/coffre-cli';
import { cleanTempDirs, sampleDatastore, tempDir } from '../../helpers/fixtures';

beforeEach(() => void delete process.env.CLSPD_PASSPHRASE);
afterEach(() => {
  delete process.env.CLSPD_PASSPHRASE;
  cleanTempDirs();
});

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
