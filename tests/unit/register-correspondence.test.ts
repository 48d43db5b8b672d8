// Correspondence table (name ↔ reference) and the access journal's once-per-opening rule: refusals change nothing, every display is journalled, removed names are purged.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handlers } from '../../src/main/ipc/handlers';
import { setupDemo } from '../../src/main/services/app';
import { createContext, type ServiceContext } from '../../src/main/services/context';
import * as reg from '../../src/main/services/register';
import { Store } from '../../src/main/store/store';
import { findCopies, Vault, vaultPath } from '../../src/main/vault';
import { openDocument, parseEnvelope } from '../../src/main/vault/envelope';
import { MemoryVault } from '../helpers/memory-vault';

const NAME = 'Kevin TESTNOM-ZK9';
let dir = '';
let store: Store;
let ctx: ServiceContext;
let vault: MemoryVault;
let now = new Date('2026-03-10T10:00:00Z');
let cell = '';

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'clspd-corresp-'));
  store = Store.open(dir, { owner: 'test' });
  now = new Date('2026-03-10T10:00:00Z');
  ctx = createContext(store, {}, () => now);
  await setupDemo(ctx);
  vault = new MemoryVault();
  ctx.vault = vault;
  cell = store.data.instances.find((i) => reg.canFollowSituations(i))!.id;
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const situation = () =>
  reg.createSituation(ctx, { openedAt: '2026-02-01', instanceIds: [cell], origin: 'school', reason: 'harassment', ageBracket: '15_17', birthYear: 2010, orientations: [], note: '' });
const enable = () => reg.updateRegisterOptions(ctx, { correspondenceEnabled: true });
const snapshot = () => JSON.stringify({ p: vault.read(), d: store.data });

describe('correspondence table', () => {
  it('is refused while disabled (the default), with nothing written', async () => {
    const s = await situation();
    expect(reg.registerSettingsOf(store.data).correspondenceEnabled).toBe(false);
    const before = snapshot();
    await expect(reg.revealCorrespondence(ctx, { id: s.id, passphrase: vault.passphrase })).rejects.toMatchObject({ code: 'forbidden', message: expect.stringMatching(/n’est pas activée/) });
    await expect(reg.setCorrespondence(ctx, { id: s.id, token: 'x', name: NAME })).rejects.toMatchObject({ code: 'forbidden' });
    expect(snapshot()).toBe(before);
  });

  it('is refused without a fresh re-authentication: wrong passphrase, no token, a token of another situation, an expired token', async () => {
    const s = await situation();
    const other = await situation();
    await enable();
    const before = snapshot();
    await expect(reg.revealCorrespondence(ctx, { id: s.id, passphrase: 'pas-la-bonne' })).rejects.toMatchObject({ code: 'forbidden', field: 'passphrase' });
    await expect(reg.setCorrespondence(ctx, { id: s.id, token: 'AAAA', name: NAME })).rejects.toMatchObject({ code: 'forbidden', field: 'passphrase' });
    expect(snapshot()).toBe(before);
    const view = await reg.revealCorrespondence(ctx, { id: other.id, passphrase: vault.passphrase });
    await expect(reg.setCorrespondence(ctx, { id: s.id, token: view.token, name: NAME })).rejects.toMatchObject({ code: 'forbidden' });
    const mine = await reg.revealCorrespondence(ctx, { id: s.id, passphrase: vault.passphrase });
    now = new Date(now.getTime() + reg.CORRESPONDENCE_GRANT_MS + 1);
    await expect(reg.setCorrespondence(ctx, { id: s.id, token: mine.token, name: NAME })).rejects.toMatchObject({ code: 'forbidden' });
    expect(vault.read().correspondence).toEqual([]);
    // Being unlocked is not enough: a lock ends the grant too.
    const again = await reg.revealCorrespondence(ctx, { id: s.id, passphrase: vault.passphrase });
    reg.revokeCorrespondenceGrant(vault);
    await expect(reg.setCorrespondence(ctx, { id: s.id, token: again.token, name: NAME })).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('writes one journal entry per display, stores the name only in the protected store, and removes it on request', async () => {
    const s = await situation();
    await enable();
    const view = await reg.revealCorrespondence(ctx, { id: s.id, passphrase: vault.passphrase });
    expect(view).toMatchObject({ reference: s.reference, name: null });
    expect(vault.read().accessLog.at(-1)).toMatchObject({ action: 'correspondence_view', reference: s.reference });
    await reg.setCorrespondence(ctx, { id: s.id, token: view.token, name: `  ${NAME} ` });
    expect(vault.read().correspondence).toEqual([{ reference: s.reference, name: NAME }]);
    expect(vault.read().accessLog.at(-1)).toMatchObject({ action: 'correspondence_update', reference: s.reference });
    expect(JSON.stringify(store.data)).not.toContain('TESTNOM');
    const views = () => vault.read().accessLog.filter((e) => e.action === 'correspondence_view').length;
    const second = await reg.revealCorrespondence(ctx, { id: s.id, passphrase: vault.passphrase });
    const third = await reg.revealCorrespondence(ctx, { id: s.id, passphrase: vault.passphrase });
    expect(second.name).toBe(NAME);
    expect(views()).toBe(3);
    // The journal never holds the name.
    expect(JSON.stringify(vault.read().accessLog)).not.toContain('TESTNOM');
    await reg.setCorrespondence(ctx, { id: s.id, token: third.token, name: '' });
    expect(vault.read().correspondence).toEqual([]);
    expect(store.data.purgeLog.at(-1)).toMatchObject({ kind: 'correspondence', count: 1, rule: 'manual_deletion' });
  });

  it('an archived situation needs a reason, and its name cannot be edited', async () => {
    const s = await situation();
    await enable();
    const view = await reg.revealCorrespondence(ctx, { id: s.id, passphrase: vault.passphrase });
    await reg.setCorrespondence(ctx, { id: s.id, token: view.token, name: NAME });
    await vault.update((d) => {
      const x = d.situations.find((y) => y.id === s.id)!;
      x.status = 'archived';
      x.closedAt = '2026-03-01';
      x.archivedAt = '2026-03-05';
    });
    await expect(reg.revealCorrespondence(ctx, { id: s.id, passphrase: vault.passphrase })).rejects.toMatchObject({ field: 'reason' });
    const archived = await reg.revealCorrespondence(ctx, { id: s.id, passphrase: vault.passphrase, reason: 'Demande du parquet' });
    expect(archived.name).toBe(NAME);
    expect(vault.read().accessLog.at(-1)).toMatchObject({ action: 'correspondence_view', reason: 'Demande du parquet' });
    await expect(reg.setCorrespondence(ctx, { id: s.id, token: archived.token, name: 'Autre' })).rejects.toMatchObject({ code: 'locked' });
  });

  it('turning the table off destroys every name (purge register counts them) and is refused while locked', async () => {
    const s = await situation();
    await enable();
    const view = await reg.revealCorrespondence(ctx, { id: s.id, passphrase: vault.passphrase });
    await reg.setCorrespondence(ctx, { id: s.id, token: view.token, name: NAME });
    vault.state = 'locked';
    const before = JSON.stringify(store.data);
    await expect(reg.updateRegisterOptions(ctx, { correspondenceEnabled: false })).rejects.toMatchObject({ code: 'locked' });
    expect(JSON.stringify(store.data)).toBe(before);
    vault.state = 'unlocked';
    await reg.updateRegisterOptions(ctx, { correspondenceEnabled: false });
    expect(vault.read().correspondence).toEqual([]);
    expect(store.data.purgeLog.at(-1)).toMatchObject({ kind: 'correspondence', count: 1 });
    expect(reg.registerSettingsOf(store.data).correspondenceEnabled).toBe(false);
  });

  it('the channel validates its input and the service, not the screen, refuses (invoker over the real handlers)', async () => {
    const s = await situation();
    const reveal = handlers['register:correspondenceReveal'];
    await expect(reveal({ id: s.id, passphrase: vault.passphrase }, ctx)).rejects.toMatchObject({ code: 'forbidden' });
    await enable();
    const view = await reveal({ id: s.id, passphrase: vault.passphrase }, ctx);
    expect(view.token.length).toBeGreaterThan(20);
  });
});

describe('with the real encrypted store', () => {
  it('checks the passphrase with the growing delay, and a changed name is in no file of the folder', async () => {
    const real = new Vault(dir, { failureDelayBaseMs: 1 });
    await real.create('phrase-de-passe-test');
    ctx.vault = real;
    const s = await situation();
    await enable();
    await expect(reg.revealCorrespondence(ctx, { id: s.id, passphrase: 'mauvaise-phrase' })).rejects.toMatchObject({ field: 'passphrase' });
    await new Promise((r) => setTimeout(r, 20));
    const view = await reg.revealCorrespondence(ctx, { id: s.id, passphrase: 'phrase-de-passe-test' });
    await reg.setCorrespondence(ctx, { id: s.id, token: view.token, name: NAME });
    await store.backup('manual');
    await reg.setCorrespondence(ctx, { id: s.id, token: view.token, name: 'Autre Personne' });
    expect(real.read().correspondence).toEqual([{ reference: s.reference, name: 'Autre Personne' }]);
    // Every copy of the store in backups/, opened with the current keys, no longer holds the old name.
    const copies = findCopies(dir).flatMap((c) => c.envelopes);
    expect(copies.length).toBeGreaterThan(0);
    for (const text of [...copies, readFileSync(vaultPath(dir), 'utf8')]) {
      const parsed = parseEnvelope(text);
      if (!parsed.ok) throw new Error('copy unreadable');
      const opened = openDocument(parsed.envelope, real.keys.masterKey);
      if (!opened.ok) throw new Error('copy does not open');
      expect(JSON.stringify(opened.data)).not.toContain('TESTNOM');
    }
    expect(real.read().accessLog.filter((e) => e.action === 'correspondence_view')).toHaveLength(1);
  });
});

describe('journal des accès: one consultation per opening', () => {
  it('reloads within the window are one consultation; a later opening, another user action or another reason is logged again', async () => {
    const s = await situation();
    const views = () => vault.read().accessLog.filter((e) => e.action === 'view').length;
    await reg.getSituationDetail(ctx, s.id);
    await reg.getSituationDetail(ctx, s.id);
    now = new Date(now.getTime() + 60_000);
    await reg.getSituationDetail(ctx, s.id);
    expect(views()).toBe(1);
    now = new Date(now.getTime() + reg.VIEW_LOG_WINDOW_MS + 1);
    await reg.getSituationDetail(ctx, s.id);
    expect(views()).toBe(2);
    const other = await situation();
    await reg.getSituationDetail(ctx, other.id);
    expect(views()).toBe(3);
    await vault.update((d) => {
      const x = d.situations.find((y) => y.id === s.id)!;
      x.status = 'archived';
      x.closedAt = '2026-03-01';
    });
    await reg.getSituationDetail(ctx, s.id, 'Contrôle');
    await reg.getSituationDetail(ctx, s.id, 'Contrôle');
    await reg.getSituationDetail(ctx, s.id, 'Demande du parquet');
    expect(vault.read().accessLog.filter((e) => e.action === 'consult_archived').map((e) => e.reason)).toEqual(['Contrôle', 'Demande du parquet']);
  });
});
