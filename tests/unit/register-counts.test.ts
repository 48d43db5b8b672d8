// Register counts on the tableau de bord and in the bilan annuel: off by default, only on the coordinator's choice, « < 5 » below five, never a reference or content.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { documentBytes, generateForRenderer } from '../../src/main/documents/service';
import { setupDemo } from '../../src/main/services/app';
import { createContext, type ServiceContext } from '../../src/main/services/context';
import { seedDemoRegister } from '../../src/main/services/demo/situations';
import * as reg from '../../src/main/services/register';
import { Store } from '../../src/main/store/store';
import { pdfText } from '../helpers/export-sweep';
import { MemoryVault } from '../helpers/memory-vault';

const NOTE = 'NOTE-COMPTAGE-ZX1';
let dir = '';
let store: Store;
let ctx: ServiceContext;
let vault: MemoryVault;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'clspd-regcounts-'));
  store = Store.open(dir, { owner: 'test' });
  ctx = createContext(store, {}, () => new Date('2026-12-07T09:00:00Z'));
  await setupDemo(ctx);
  vault = new MemoryVault();
  ctx.vault = vault;
  await seedDemoRegister(ctx);
  const cell = store.data.instances.find((i) => reg.canFollowSituations(i))!.id;
  // Six situations for one reason: a count of 5 or more is printed as is, the others « < 5 ».
  for (let i = 0; i < 6; i++) {
    await reg.createSituation(ctx, { openedAt: '2026-10-01', instanceIds: [cell], origin: 'police', reason: 'public_tranquillity', ageBracket: '25_plus', orientations: [], note: NOTE });
  }
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const line = (c: ReturnType<typeof reg.dashboardCounts>, heading: string, label: string) => {
  if (c.state !== 'shown') throw new Error(`counts ${c.state}`);
  return c.groups.find((g) => g.heading === heading)?.lines.find((l) => l.label === label)?.value;
};

describe('register counts on the tableau de bord', () => {
  it('are off by default, then shown with « < 5 » below five once the coordinator opts in', async () => {
    expect(reg.dashboardCounts(ctx, 2026)).toEqual({ state: 'off' });
    expect(reg.registerCountsFor(ctx, 2026)).toBeUndefined();
    await reg.updateRegisterOptions(ctx, { countsOnDashboard: true });
    const c = reg.dashboardCounts(ctx, 2026);
    const stats = reg.registerStats(store.data, vault.read(), 2026);
    const reason = stats.byReason.find((l) => l.code === 'public_tranquillity')!;
    expect(reason.count).toBeGreaterThanOrEqual(6);
    expect(line(c, 'Par motif', reason.label)).toBe(String(reason.count));
    const small = stats.byReason.find((l) => l.count < 5)!;
    expect(line(c, 'Par motif', small.label)).toBe('< 5');
    expect(c.state === 'shown' && c.total).toBe(String(stats.total));
    const text = JSON.stringify(c);
    expect(text).not.toContain(NOTE);
    for (const s of vault.read().situations) expect(text).not.toContain(s.reference);
  });

  it('say « locked » while the protected store is locked, without reading it', async () => {
    await reg.updateRegisterOptions(ctx, { countsOnDashboard: true });
    vault.state = 'locked';
    expect(reg.dashboardCounts(ctx, 2026)).toEqual({ state: 'locked' });
    expect(reg.registerCountsFor(ctx, 2026)).toBeUndefined();
  });
});

describe('register counts in the bilan annuel (tableau de bord PDF)', () => {
  it('appear only on the opt-in, as counts with « < 5 », never a reference or a note', async () => {
    const heading = /Registre des situations des cellules de veille — effectifs\s+2026/;
    const before = pdfText(Buffer.from(documentBytes((await generateForRenderer(ctx, 'dashboard', { year: 2026 })).token)), dir);
    expect(before).not.toMatch(heading);
    await reg.updateRegisterOptions(ctx, { countsOnDashboard: true });
    const after = pdfText(Buffer.from(documentBytes((await generateForRenderer(ctx, 'dashboard', { year: 2026 })).token)), dir);
    expect(after).toMatch(heading);
    expect(after).toMatch(/<\s?5/);
    expect(after).toMatch(/Troubles à la tranquillité\s+publique\s+\d+/);
    expect(after).not.toContain(NOTE);
    for (const s of vault.read().situations) expect(after).not.toContain(s.reference);
    vault.state = 'locked';
    const locked = pdfText(Buffer.from(documentBytes((await generateForRenderer(ctx, 'dashboard', { year: 2026 })).token)), dir);
    expect(locked).not.toMatch(heading);
  }, 60_000);
});
