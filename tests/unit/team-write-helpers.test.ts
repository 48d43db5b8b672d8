// Pieces of the team server's write path that need no database: coalesced catch-ups, the undo list's abandoned runs, rows from a transaction's changes.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Coalesced } from '../../src/main/server/mutex';
import { SETTINGS_COLLECTION, toEntityChanges } from '../../src/main/server/db/entities';
import { MAX_UNDO, Trash } from '../../src/main/services/trash';
import { buildDemoDatastore } from '../../src/main/services/demo';

describe('Coalesced', () => {
  it('gives each caller a run that started after its call; callers during a run share the next one', async () => {
    const starts: number[] = [];
    let release: (() => void)[] = [];
    const c = new Coalesced(() => {
      starts.push(starts.length + 1);
      return new Promise<void>((r) => release.push(r));
    });
    const first = c.run();
    const second = c.run();
    const third = c.run();
    expect(second).toBe(third);
    expect(starts).toEqual([1]);
    release.shift()!();
    await first;
    await Promise.resolve();
    await new Promise((r) => setTimeout(r, 0));
    expect(starts).toEqual([1, 2]);
    release.shift()!();
    await second;
    expect(starts).toEqual([1, 2]);
    release = [];
  });

  it('a failed run does not block the next callers', async () => {
    let n = 0;
    const c = new Coalesced(() => (++n === 1 ? Promise.reject(new Error('base indisponible')) : Promise.resolve()));
    const failing = c.run();
    const next = c.run();
    await expect(failing).rejects.toThrow('base indisponible');
    await expect(next).resolves.toBeUndefined();
    expect(n).toBe(2);
  });
});

describe('Trash attempts', () => {
  it('an abandoned attempt withdraws its pushes and gives back its takes; a kept one stays', () => {
    const t = new Trash();
    const kept = t.push('gardée', () => undefined);
    t.beginAttempt();
    const pushed = t.push('abandonnée', () => undefined);
    const taken = t.take(kept);
    t.abandonAttempt();
    expect(() => t.take(pushed)).toThrow();
    expect(t.take(kept)).toBe(taken);
    t.beginAttempt();
    const second = t.push('seconde', () => undefined);
    expect(t.take(second).label).toBe('seconde');
  });

  it('an entry evicted by an abandoned push comes back', () => {
    const t = new Trash();
    const tokens = Array.from({ length: MAX_UNDO }, (_, i) => t.push(`n° ${i}`, () => undefined));
    t.beginAttempt();
    t.push('de trop', () => undefined);
    t.abandonAttempt();
    expect(t.take(tokens[0]!).label).toBe('n° 0');
  });

  it('attempts nest (several writes of one account in a batch): the latest ends first, alone', () => {
    const t = new Trash();
    const kept = t.push('gardée', () => undefined);
    t.beginAttempt();
    const first = t.push('première', () => undefined);
    t.beginAttempt();
    const refused = t.push('refusée', () => undefined);
    t.take(kept);
    t.abandonAttempt();
    // The inner run alone is undone: its push withdrawn, its take given back; the outer run's push stays.
    expect(() => t.take(refused)).toThrow();
    expect(t.take(kept).label).toBe('gardée');
    t.beginAttempt();
    const third = t.push('troisième', () => undefined);
    t.keepAttempt();
    // The batch is lost: the outer attempt undoes everything since it began, the kept inner run included.
    t.abandonAttempt();
    expect(() => t.take(first)).toThrow();
    expect(() => t.take(third)).toThrow();
    t.beginAttempt();
    const fourth = t.push('quatrième', () => undefined);
    t.keepAttempt();
    // Nothing is recorded once every attempt has ended.
    t.abandonAttempt();
    expect(t.take(fourth).label).toBe('quatrième');
  });

  it('without an attempt (the local app) nothing is recorded', () => {
    const t = new Trash();
    const token = t.push('locale', () => undefined);
    t.abandonAttempt();
    expect(t.take(token).label).toBe('locale');
  });
});

describe('toEntityChanges', () => {
  it('turns validated changes into rows carrying the new values (settings as one row, deletions without a value)', () => {
    const doc = buildDemoDatastore(new Date('2026-11-20T10:00:00Z'));
    const action = doc.actions[0]!;
    const rows = toEntityChanges(
      [
        { collection: 'settings', op: 'updated' },
        { collection: 'schemaVersion', op: 'updated' },
        { collection: 'actions', id: action.id, op: 'updated' },
        { collection: 'people', id: 'per_parti', op: 'deleted' },
      ],
      doc,
    );
    expect(rows).toEqual([
      { collection: SETTINGS_COLLECTION, id: 'settings', op: 'updated', payload: doc.settings },
      { collection: 'actions', id: action.id, op: 'updated', payload: action },
      { collection: 'people', id: 'per_parti', op: 'deleted' },
    ]);
  });
});

describe('write profile', () => {
  it('summarises the phases recorded when CLSPD_WRITE_PROFILE is set', async () => {
    process.env.CLSPD_WRITE_PROFILE = join(mkdtempSync(join(tmpdir(), 'clspd-profile-')), 'p');
    const { count, phase, profileSummary } = await import('../../src/main/server/write-profile');
    for (const ms of [1, 2, 3, 4, 100]) phase('write.commit', ms);
    count('write.retry');
    const s = profileSummary();
    expect(s.phases['write.commit']).toMatchObject({ n: 5, mean: 22, p50: 3, p95: 100, sum: 110 });
    expect(s.counters).toEqual({ 'write.retry': 1 });
    delete process.env.CLSPD_WRITE_PROFILE;
  });
});
