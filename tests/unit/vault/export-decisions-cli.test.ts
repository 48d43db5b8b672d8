// `clspd export csv decisions --include-confidential` reads the texts from the coffre (passphrase: missing → 2, wrong → 1, nothing changed) and records the copy in the DPO journal.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createContext } from '../../../src/main/services/context';
import { exportTable } from '../../../src/main/services/sharing';
import { DATA_FILE, Store } from '../../../src/main/store/store';
import { Vault } from '../../../src/main/vault';
import type { Datastore } from '../../../src/shared/model';
import { DomainError } from '../../../src/shared/result';
import { folderWithConfidentialDecision, PASS, run, SECRET, snapshot } from '../../helpers/coffre-cli';
import { cleanTempDirs, sampleDatastore, tempDir } from '../../helpers/fixtures';

beforeEach(() => void delete process.env.CLSPD_PASSPHRASE);
afterEach(() => {
  delete process.env.CLSPD_PASSPHRASE;
  cleanTempDirs();
});

const mainFile = (dir: string) => JSON.parse(readFileSync(join(dir, DATA_FILE), 'utf8')) as Datastore;

describe('clspd export csv decisions --include-confidential and the coffre', () => {
  it('missing passphrase → 2, wrong → 1, nothing written; with it the texts are in the file and the copy is in the DPO journal', async () => {
    const dir = await folderWithConfidentialDecision();
    const out = join(tempDir(), 'decisions.csv');
    const before = snapshot(dir);
    const missing = await run('export', 'csv', 'decisions', '--include-confidential', '--data', dir, '--out', out);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/CLSPD_PASSPHRASE/);
    const wrongFile = join(tempDir(), 'faux.txt');
    writeFileSync(wrongFile, 'pas la bonne phrase\n');
    const wrong = await run('export', 'csv', 'decisions', '--include-confidential', '--data', dir, '--out', out, '--passphrase-file', wrongFile);
    expect(wrong.code).toBe(1);
    expect(wrong.err).toMatch(/phrase de passe/i);
    expect(snapshot(dir)).toBe(before);
    expect(() => statSync(out)).toThrow();

    // Without --include-confidential nothing is asked, nothing recorded, and the confidential decision is left out.
    const shared = await run('export', 'csv', 'decisions', '--data', dir, '--out', out);
    expect(shared.code).toBe(0);
    expect(readFileSync(out, 'utf8')).not.toContain('PRE');
    expect(mainFile(dir).backupExports ?? []).toEqual([]);

    const goodFile = join(tempDir(), 'phrase.txt');
    writeFileSync(goodFile, `${PASS}\n`);
    const ok = await run('export', 'csv', 'decisions', '--include-confidential', '--data', dir, '--out', out, '--passphrase-file', goodFile);
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('journal de protection des données');
    expect(readFileSync(out, 'utf8')).toContain(SECRET);
    const recorded = mainFile(dir).backupExports ?? [];
    expect(recorded.map((b) => b.fileName)).toEqual(['decisions.csv']);
    // The texts of that meeting expire: the copy has a destroy-by date.
    expect(recorded[0].destroyBy).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // The text never reaches clspd.json.
    expect(readFileSync(join(dir, DATA_FILE), 'utf8')).not.toContain(SECRET);
  });

  it('in the app: a locked coffre refuses the export in French, an unlocked one gives the texts and flags the file', async () => {
    const dir = await folderWithConfidentialDecision();
    const store = Store.open(dir, { owner: 'test' });
    try {
      const ctx = createContext(store);
      const v = new Vault(dir);
      ctx.vault = v;
      const e = await exportTable(ctx, 'decisions', 'csv', { includeConfidential: true }).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).code).toBe('locked');
      await v.unlock(PASS);
      const file = await exportTable(ctx, 'decisions', 'csv', { includeConfidential: true });
      expect(file.data.toString('utf8')).toContain(SECRET);
      expect(file.protectedTexts).toBe(true);
      const plain = await exportTable(ctx, 'decisions', 'csv', { includeConfidential: false });
      expect(plain.data.toString('utf8')).not.toContain(SECRET);
      expect(plain.protectedTexts).toBeUndefined();
    } finally {
      await store.close();
    }
  });

  it('asks nothing and records nothing in a folder without a coffre', async () => {
    const dir = tempDir();
    const store = Store.open(dir, { owner: 'test' });
    await store.initialise(sampleDatastore());
    await store.close();
    const out = join(tempDir(), 'd.csv');
    expect((await run('export', 'csv', 'decisions', '--include-confidential', '--data', dir, '--out', out)).code).toBe(0);
    expect(mainFile(dir).backupExports ?? []).toEqual([]);
  });
});
