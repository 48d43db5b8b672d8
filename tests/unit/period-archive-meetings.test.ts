// Closing a strategy period moves its settled meetings (validated, no open decision) into the archive file.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { setupDemo } from '../../src/main/services/app';
import { createContext } from '../../src/main/services/context';
import { closePeriod } from '../../src/main/services/strategy/periods';
import { Store } from '../../src/main/store/store';
import type { ArchiveFile } from '../../src/shared/model';

let dir = '';
let store: Store | undefined;
afterEach(async () => {
  await store?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('closing a period', () => {
  it('archives every meeting of its years and keeps live only those still to follow', async () => {
    dir = mkdtempSync(join(tmpdir(), 'clspd-close-'));
    store = Store.open(dir, { owner: 'test' });
    const ctx = createContext(store);
    await setupDemo(ctx);
    const period = store.data.periods.find((p) => p.id === store!.data.settings.activePeriodId)!;
    const inPeriod = store.data.meetings.filter((m) => +m.date.slice(0, 4) >= period.startYear && +m.date.slice(0, 4) <= period.endYear);
    const settled = inPeriod.filter((m) => m.status === 'validated' && !m.decisions.some((d) => d.status === 'open'));
    const toFollow = inPeriod.filter((m) => !settled.includes(m));
    expect(settled.length).toBeGreaterThan(0);
    expect(toFollow.length).toBeGreaterThan(0);

    const closed = await closePeriod(ctx, period.id);
    const archive = JSON.parse(readFileSync(join(dir, closed.archiveFile!), 'utf8')) as ArchiveFile;
    expect(archive.meetings.map((m) => m.id).sort()).toEqual(inPeriod.map((m) => m.id).sort());
    const live = new Set(store.data.meetings.map((m) => m.id));
    for (const m of settled) expect(live.has(m.id)).toBe(false);
    for (const m of toFollow) expect(live.has(m.id)).toBe(true);
    // What left the live file is on disk too (reopen).
    await store.close();
    store = Store.open(dir, { owner: 'test' });
    expect(store.data.meetings.some((m) => settled.some((s) => s.id === m.id))).toBe(false);
  });
});
