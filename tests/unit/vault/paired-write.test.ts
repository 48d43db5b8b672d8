// A confidential meeting's decision is written to clspd.json (its row) and to the coffre (its text) as one: a failure of either leaves both unchanged.
import { mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { capture, updateDecision } from '../../../src/main/services/meetings';
import { createContext, type ServiceContext } from '../../../src/main/services/context';
import { DATA_FILE, Store } from '../../../src/main/store/store';
import { Vault, vaultPath } from '../../../src/main/vault';
import { DomainError } from '../../../src/shared/result';
import { cleanTempDirs, sampleDatastore, tempDir } from '../../helpers/fixtures';

const stores: Store[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close().catch(() => undefined);
  cleanTempDirs();
});

const PASS = 'phrase de passe de test';

async function setup(): Promise<{ dir: string; ctx: ServiceContext; v: Vault; store: Store; failStoreWrites: (on: boolean) => void }> {
  const dir = tempDir();
  const doc = sampleDatastore();
  const m = doc.meetings.find((x) => x.id === 'mee_3')!;
  m.status = 'in_progress';
  m.agenda = [{ id: 'itm_1', kind: 'item', title: 'Situations', durationMin: 30, linkedActionIds: [], notes: '' }];
  let fail = false;
  const store = Store.open(dir, {
    owner: 'test',
    log: () => undefined,
    durableIo: {
      rename: (a, b) => {
        if (fail) throw Object.assign(new Error('EIO: i/o error'), { code: 'EIO' });
        renameSync(a, b);
      },
    },
  });
  stores.push(store);
  await store.initialise(doc);
  const ctx = createContext(store);
  const v = new Vault(dir);
  ctx.vault = v;
  await v.create(PASS);
  return { dir, ctx, v, store, failStoreWrites: (on) => void (fail = on) };
}

/** What both stores hold, in memory and on disk (a fresh process reading the coffre). */
async function snapshot(dir: string, ctx: ServiceContext, v: Vault) {
  const fresh = new Vault(dir);
  await fresh.unlock(PASS);
  return {
    memory: ctx.store.data,
    mainFile: readFileSync(join(dir, DATA_FILE), 'utf8'),
    texts: JSON.stringify(v.read().meetingTexts),
    textsOnDisk: JSON.stringify(fresh.read().meetingTexts),
  };
}

async function refused(p: Promise<unknown>): Promise<DomainError> {
  const e = await p.then(
    () => undefined,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(DomainError);
  return e as DomainError;
}

describe('decision capture in a confidential meeting: main store and coffre as one', () => {
  it('a failed write of clspd.json leaves both unchanged (the text is taken back from the coffre, the action and decision from memory)', async () => {
    const { dir, ctx, v, failStoreWrites } = await setup();
    await capture(ctx, { meetingId: 'mee_3', kind: 'decision', text: 'Première décision' });
    const before = await snapshot(dir, ctx, v);
    failStoreWrites(true);
    await refused(capture(ctx, { meetingId: 'mee_3', kind: 'action', text: 'Action secrète', agendaItemId: 'itm_1' }));
    failStoreWrites(false);
    const after = await snapshot(dir, ctx, v);
    expect(after.mainFile).toBe(before.mainFile);
    expect(after.texts).toBe(before.texts);
    expect(after.textsOnDisk).toBe(before.textsOnDisk);
    expect(after.memory.meetings.find((m) => m.id === 'mee_3')!.decisions).toEqual(before.memory.meetings.find((m) => m.id === 'mee_3')!.decisions);
    expect(after.memory.actions).toEqual(before.memory.actions);
    // The next write (disk back) does not resurrect the failed decision.
    await capture(ctx, { meetingId: 'mee_3', kind: 'decision', text: 'Seconde décision' });
    const texts = Object.values(v.read().meetingTexts.find((m) => m.meetingId === 'mee_3')!.decisionTexts);
    expect(texts.sort()).toEqual(['Première décision', 'Seconde décision']);
    expect(readFileSync(join(dir, DATA_FILE), 'utf8')).not.toContain('Action secrète');
    expect(ctx.store.data.meetings.find((m) => m.id === 'mee_3')!.decisions).toHaveLength(2);
  });

  it('a failed write of the coffre leaves both unchanged', async () => {
    const { dir, ctx, v } = await setup();
    await capture(ctx, { meetingId: 'mee_3', kind: 'decision', text: 'Première décision' });
    const before = await snapshot(dir, ctx, v);
    renameSync(vaultPath(dir), `${vaultPath(dir)}.moved`);
    mkdirSync(vaultPath(dir)); // the coffre's file cannot be written
    await refused(capture(ctx, { meetingId: 'mee_3', kind: 'action', text: 'Action secrète' }));
    rmSync(vaultPath(dir), { recursive: true });
    renameSync(`${vaultPath(dir)}.moved`, vaultPath(dir));
    const after = await snapshot(dir, ctx, v);
    expect(after.memory).toBe(before.memory);
    expect(after.mainFile).toBe(before.mainFile);
    expect(after.texts).toBe(before.texts);
    expect(after.textsOnDisk).toBe(before.textsOnDisk);
  });

  it('a refused capture writes nothing anywhere, not even to the coffre', async () => {
    const { dir, ctx, v } = await setup();
    const vaultBytes = readFileSync(vaultPath(dir));
    const before = await snapshot(dir, ctx, v);
    const e = await refused(capture(ctx, { meetingId: 'mee_3', kind: 'decision', text: 'Décision', situationRef: 'pas une référence' }));
    expect(e.code).toBe('invalid_input');
    expect(readFileSync(vaultPath(dir)).equals(vaultBytes)).toBe(true);
    expect((await snapshot(dir, ctx, v)).memory).toBe(before.memory);
  });

  it('changing a decision text: a failed write of clspd.json puts the previous text back in the coffre', async () => {
    const { dir, ctx, v, failStoreWrites } = await setup();
    const { decision } = await capture(ctx, { meetingId: 'mee_3', kind: 'decision', text: 'Texte initial' });
    const before = await snapshot(dir, ctx, v);
    failStoreWrites(true);
    await refused(updateDecision(ctx, { meetingId: 'mee_3', decisionId: decision.id, text: 'Texte modifié', status: 'done' }));
    failStoreWrites(false);
    const after = await snapshot(dir, ctx, v);
    expect(after.textsOnDisk).toBe(before.textsOnDisk);
    expect(after.texts).toBe(before.texts);
    expect(after.mainFile).toBe(before.mainFile);
    expect(after.memory.meetings.find((m) => m.id === 'mee_3')!.decisions[0].status).toBe('open');
    // And when both writes succeed, both change.
    const ok = await updateDecision(ctx, { meetingId: 'mee_3', decisionId: decision.id, text: 'Texte modifié', status: 'done' });
    expect(ok).toMatchObject({ text: 'Texte modifié', status: 'done' });
  });
});
