// The protected store as the app and the CLI use it: status, first passphrase (with the migration), unlock, lock, recovery, idle delay.
import type { VaultStatus } from '../../shared/contract/vault';
import { common } from '../../shared/i18n/common';
import { vault as t } from '../../shared/i18n/vault';
import { DomainError } from '../../shared/result';
import { withFontRecovery } from '../documents/kit/recovery';
import { recoveryKeyPdf } from '../documents/recovery-key';
import { writeFileDurable } from '../store/durable';
import { completeProtectionMove, isProtectionPending } from '../vault/migration';
import { Vault } from '../vault/vault';
import type { ServiceContext } from './context';

/** Passphrase of the demonstration data (said on screen and by the CLI). */
export const DEMO_PASSPHRASE = 'valmont-demo';
export const DEFAULT_IDLE_MINUTES = 10;

export function vaultOf(ctx: ServiceContext): Vault {
  if (!(ctx.vault instanceof Vault)) throw new DomainError('forbidden', t.errors.absent);
  return ctx.vault;
}

export function idleMinutes(ctx: ServiceContext): number {
  return ctx.store.isReady ? (ctx.store.data.settings.vaultIdleMinutes ?? DEFAULT_IDLE_MINUTES) : DEFAULT_IDLE_MINUTES;
}

export function vaultStatus(ctx: ServiceContext): VaultStatus {
  const v = vaultOf(ctx);
  const ready = ctx.store.isReady;
  return {
    state: v.state,
    retryInMs: v.retryInMs,
    migrationPending: ready && isProtectionPending(ctx.store.dataDir, ctx.store.data),
    idleMinutes: idleMinutes(ctx),
    demo: ready && ctx.store.data.settings.demo,
  };
}

/** After every unlock: finishes the migration (texts still in clear move into the coffre). */
async function finishMigration(ctx: ServiceContext, v: Vault): Promise<void> {
  if (!ctx.store.isReady) return;
  await completeProtectionMove(ctx.store, v, ctx.now());
}

/** First use: creates the coffre, moves every confidential text into it and returns the recovery key (shown once). */
export async function createVault(ctx: ServiceContext, passphrase: string): Promise<{ recoveryKey: string; status: VaultStatus }> {
  const v = vaultOf(ctx);
  const { recoveryKey } = await v.create(passphrase);
  await finishMigration(ctx, v);
  return { recoveryKey, status: vaultStatus(ctx) };
}

export async function unlockVault(ctx: ServiceContext, passphrase: string): Promise<VaultStatus> {
  const v = vaultOf(ctx);
  await v.unlock(passphrase);
  await finishMigration(ctx, v);
  return vaultStatus(ctx);
}

export async function recoverVault(ctx: ServiceContext, recoveryKey: string, newPassphrase: string): Promise<VaultStatus> {
  const v = vaultOf(ctx);
  await v.recover(recoveryKey, newPassphrase);
  await finishMigration(ctx, v);
  return vaultStatus(ctx);
}

export function lockVault(ctx: ServiceContext): VaultStatus {
  vaultOf(ctx).lock();
  return vaultStatus(ctx);
}

export async function changeVaultPassphrase(ctx: ServiceContext, current: string, next: string): Promise<VaultStatus> {
  await vaultOf(ctx).changePassphrase(current, next);
  return vaultStatus(ctx);
}

export async function setIdleMinutes(ctx: ServiceContext, minutes: number): Promise<VaultStatus> {
  await ctx.store.update((d) => {
    d.settings = { ...d.settings, vaultIdleMinutes: minutes };
  });
  return vaultStatus(ctx);
}

/** Saves the recovery key sheet where the coordinator chooses, and opens it for printing. */
export async function saveRecoveryPdf(ctx: ServiceContext, recoveryKey: string): Promise<{ saved: boolean; path?: string }> {
  if (!ctx.platform.chooseSavePath) throw new DomainError('forbidden', common.errors.desktopOnlySave);
  const doc = await withFontRecovery(() => recoveryKeyPdf(recoveryKey, ctx.store.data.settings, ctx.now()));
  const path = await ctx.platform.chooseSavePath(doc.suggestedName, [{ name: 'PDF', extensions: ['pdf'] }]);
  if (!path) return { saved: false };
  writeFileDurable(path, doc.bytes);
  await ctx.platform.openPath?.(path);
  return { saved: true, path };
}

/**
 * Passed to `Store.restoreFrom` as its `quiesce` step, run once the backup is validated and before any file is
 * written: the coffre is locked, which folds its change records into its file (so the state saved aside into
 * backups/ holds every acknowledged text) and forgets the keys. After the restore the same Vault object sees the
 * restored file (or none) and stays locked: the coordinator unlocks the restored coffre with its passphrase.
 * Re-unlocking it with the keys in memory is deliberately not done: the restored file may be another coffre or
 * an older key set (a purge rotates the data key), and a session must only ever hold what its passphrase opened.
 * If the restore fails, the coffre is simply locked on whatever file is there (the previous one, put back).
 */
export function quiesceVaultForRestore(ctx: ServiceContext): void {
  if (ctx.vault instanceof Vault) ctx.vault.lock();
}

/** The demo's coffre: created with the demo passphrase, holding the demo's confidential texts. */
export async function protectDemo(ctx: ServiceContext): Promise<void> {
  if (!(ctx.vault instanceof Vault)) return;
  const v = ctx.vault;
  if (v.state === 'absent') await v.create(DEMO_PASSPHRASE);
  else if (v.state === 'locked') await v.unlock(DEMO_PASSPHRASE);
  await finishMigration(ctx, v);
}

/** Locks the coffre when it was not used for the delay set in Paramètres; checks every 15 seconds. */
export function startIdleLock(ctx: ServiceContext, everyMs = 15_000): () => void {
  const timer = setInterval(() => {
    if (ctx.vault instanceof Vault) ctx.vault.lockIfIdle(idleMinutes(ctx));
  }, everyMs);
  timer.unref?.();
  return () => clearInterval(timer);
}
