// Retention's purge of a confidential meeting's texts and its mark in clspd.json (textsPurgedAt): checked first, and re-applied next run when the write failed.
import { mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { setupDemo } from '../../src/main/services/app';
import { createContext, type ServiceContext } from '../../src/main/services/context';
import * as reg from '../../src/main/services/register';
import { DATA_FILE, Store } from '../../src/main/store/store';
import type { Datastore, Meeting } from '../../src/shared/model';
import { MemoryVault } from '../helpers/memory-vault';

let dir = '';
let fail = false;
const stores: Store[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close().catch(() => undefined);
  rmSync(dir, { recursive: true, force: true });
  fail = false;
});

function open(): Store {
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
  return store;
}

const now = () => new Date('2026-03-10T10:00:00Z');

/** A demo folder whose first held confidential meeting with decisions has its texts in the (in-memory) coffre only. */
async function setup(): Promise<{ store: Store; ctx: ServiceContext; vault: MemoryVault; m: Meeting; when: string }> {
  dir = mkdtempSync(join(tmpdir(), 'clspd-retention-mark-'));
  const store = open();
  const ctx = createContext(store, {}, now);
  await setupDemo(ctx);
  const vault = new MemoryVault();
  ctx.vault = vault;
  const m = store.data.meetings.find((x) => x.confidentiality === 'confidential' && x.status !== 'draft' && x.decisions.length)!;
  await store.update((d) => {
    const x = d.meetings.find((y) => y.id === m.id)!;
    x.generalNotes = '';
    for (const i of x.agenda) i.notes = '';
    for (const dec of x.decisions) dec.text = '';
  });
  await vault.update((d) => {
    d.meetingTexts.push({ meetingId: m.id, meetingDate: m.date, generalNotes: 'NOTE-DU-COFFRE', agendaNotes: {}, decisionTexts: Object.fromEntries(m.decisions.map((dec) => [dec.id, 'DECISION-DU-COFFRE'])), updatedAt: m.updatedAt });
  });
  return { store, ctx, vault, m, when: reg.meetingTextsDestroyDate(m.date, 3) };
}

const onDisk = (): Datastore => JSON.parse(readFileSync(join(dir, DATA_FILE), 'utf8')) as Datastore;
const meetingOnDisk = (id: string) => onDisk().meetings.find((x) => x.id === id)!;

describe('retention marks the meetings whose texts it purged', () => {
  it('a failed write of clspd.json after the coffre purge: the next run (a new process) marks the meeting and logs the purge', async () => {
    const { ctx, vault, m, when } = await setup();
    fail = true;
    await expect(reg.applyRetention(ctx, when)).rejects.toThrow();
    fail = false;
    // The coffre was purged, the mark never reached the disk.
    expect(vault.read().meetingTexts.some((x) => x.meetingId === m.id)).toBe(false);
    expect(meetingOnDisk(m.id).textsPurgedAt).toBeUndefined();
    expect(onDisk().purgeLog.some((e) => e.kind === 'meeting_texts')).toBe(false);
    // A new process reads the folder as it is on disk, with the same (purged) coffre.
    await stores.pop()!.close();
    const store = open();
    const ctx2 = createContext(store, {}, now);
    ctx2.vault = vault;
    expect(reg.planRetention(ctx2, when).due.some((x) => x.targetId === m.id)).toBe(true);
    await reg.applyRetention(ctx2, when);
    expect(meetingOnDisk(m.id).textsPurgedAt).toBe(when);
    expect(meetingOnDisk(m.id).decisions.length).toBe(m.decisions.length);
    expect(onDisk().purgeLog.filter((e) => e.kind === 'meeting_texts').map((e) => e.count)).toEqual([1]);
    // Idempotent: nothing more is due for that meeting, a further run writes no second purge line.
    expect(reg.planRetention(ctx2, when).due.some((x) => x.targetId === m.id)).toBe(false);
    await reg.applyRetention(ctx2, when);
    expect(onDisk().purgeLog.filter((e) => e.kind === 'meeting_texts')).toHaveLength(1);
  });

  it('the same for a meeting whose only texts were notes (nothing left in clspd.json to hint at them)', async () => {
    const { store, ctx, vault, m, when } = await setup();
    await store.update((d) => {
      const x = d.meetings.find((y) => y.id === m.id)!;
      for (const dec of x.decisions) if (dec.actionId) d.actions = d.actions.filter((a) => a.id !== dec.actionId);
      x.decisions = [];
    });
    fail = true;
    await expect(reg.applyRetention(ctx, when)).rejects.toThrow();
    fail = false;
    await stores.pop()!.close();
    const ctx2 = createContext(open(), {}, now);
    ctx2.vault = vault;
    expect(vault.read().meetingTexts.some((x) => x.meetingId === m.id)).toBe(false);
    await reg.applyRetention(ctx2, when);
    expect(meetingOnDisk(m.id).textsPurgedAt).toBe(when);
    // Before its date, such a meeting is not touched (nothing is listed as upcoming for it either).
    expect(reg.planRetention(ctx2, '2020-01-01').upcoming.some((x) => x.targetId === m.id)).toBe(false);
  });

  it('the clspd.json change is checked before the coffre is touched: a store that refuses writes purges nothing', async () => {
    const { store, ctx, vault, m, when } = await setup();
    const before = JSON.stringify(vault.read());
    const writes = vault.writes;
    // A store that lost its lock refuses every transaction (its check throws like its commit would).
    (store as unknown as { closed: boolean }).closed = true;
    await expect(reg.applyRetention(ctx, when)).rejects.toThrow();
    (store as unknown as { closed: boolean }).closed = false;
    expect(JSON.stringify(vault.read())).toBe(before);
    expect(vault.writes).toBe(writes);
    expect(meetingOnDisk(m.id).textsPurgedAt).toBeUndefined();
  });

  it('a locked coffre: a meeting whose texts may be in the coffre is neither purged nor marked', async () => {
    const { ctx, vault, m, when } = await setup();
    vault.state = 'locked';
    expect(reg.planRetention(ctx, when).due.some((x) => x.targetId === m.id)).toBe(false);
    await reg.applyRetention(ctx, when);
    expect(meetingOnDisk(m.id).textsPurgedAt).toBeUndefined();
    vault.state = 'unlocked';
    await reg.applyRetention(ctx, when);
    expect(meetingOnDisk(m.id).textsPurgedAt).toBe(when);
    expect(vault.read().meetingTexts.some((x) => x.meetingId === m.id)).toBe(false);
  });
});
