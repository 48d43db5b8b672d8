// Application-level operations: state of the data folder, first run (new council or demo), settings, backups.
import { defaultPresidentTitle } from '../../shared/council';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { SettingsPatch, type AppState, type BackupSummary, type SetupInput } from '../../shared/contract/core';
import { newId } from '../../shared/ids';
import type { Datastore, Settings } from '../../shared/model';
import { directory as directoryText } from '../../shared/i18n/directory';
import { backup as backupText } from '../../shared/i18n/backup';
import { shell as shellText } from '../../shared/i18n/shell';
import { DomainError } from '../../shared/result';
import { BACKUP_DIR, listBackups } from '../store/backups';
import { newEmptyDatastore, Store } from '../store/store';
import { Vault } from '../vault/vault';
import type { ProtectedData } from '../../shared/protected-model';
import { networkMounts } from '../network-mounts';
import { presetCategories } from './categories';
import { runRetention } from './register/lifecycle';
import { nowIso, type ServiceContext } from './context';
import { buildDemoDatastore } from './demo';
import { seedDemoRegister } from './demo/situations';
import { syncedFolderWarning } from './synced';
import { DEMO_PASSPHRASE, quiesceVaultForRestore, protectDemo, vaultStatus } from './vault';

export const AXIS_COLOURS = ['#1f5fa8', '#b35c00', '#2e7d5b', '#7a3e9d', '#a83250', '#4a6670'];

export function appState(ctx: ServiceContext): AppState {
  const { store } = ctx;
  const synced = syncedFolderWarning(store.dataDir);
  const base = { dataDir: store.dataDir, ...(synced ? { syncedFolder: synced } : {}) };
  if (store.state.status === 'broken') return { ...base, status: 'broken', message: store.state.message };
  if (store.state.status === 'empty') return { ...base, status: 'empty' };
  const data = store.data;
  const period = data.periods.find((p) => p.id === data.settings.activePeriodId);
  return {
    ...base,
    status: 'ok',
    ...(store.backupWarning ? { warning: store.backupWarning } : {}),
    settings: data.settings,
    activePeriod: period ? { id: period.id, title: period.title } : undefined,
    ...(ctx.vault ? { vault: vaultStatus(ctx) } : {}),
  };
}

const COUNCIL_NAMES: Record<Settings['councilAcronym'], string> = {
  CLSPD: 'Conseil local de sécurité et de prévention de la délinquance',
  CLSPDR: 'Conseil local de sécurité, de prévention de la délinquance et de la radicalisation',
  CISPD: 'Conseil intercommunal de sécurité et de prévention de la délinquance',
  CISPDR: 'Conseil intercommunal de sécurité, de prévention de la délinquance et de la radicalisation',
};

export function councilNameFor(acronym: Settings['councilAcronym']): string {
  return COUNCIL_NAMES[acronym];
}

/** Builds a new council's datastore from the first-run form. */
export function buildNewCouncil(input: SetupInput, at: string): Datastore {
  if (input.periodEndYear < input.periodStartYear) {
    throw new DomainError('invalid_input', directoryText.setup.periodEndBeforeStart, 'periodEndYear');
  }
  const doc = newEmptyDatastore();
  const periodId = newId('per');
  doc.settings = {
    ...doc.settings,
    communeName: input.communeName,
    councilAcronym: input.councilAcronym,
    councilName: councilNameFor(input.councilAcronym),
    presidentName: input.presidentName,
    // A CISPD is chaired by the president of the EPCI, not the maire (CSI L132-13).
    presidentTitle: defaultPresidentTitle(input.councilAcronym),
    coordinatorName: input.coordinatorName,
    activePeriodId: periodId,
    configured: true,
  };
  doc.categories = presetCategories();
  doc.periods = [
    {
      id: periodId,
      title: `Stratégie territoriale ${input.periodStartYear}–${input.periodEndYear}`,
      startYear: input.periodStartYear,
      endYear: input.periodEndYear,
      status: 'active',
    },
  ];
  doc.axes = input.axes.map((title, i) => ({
    id: newId('axe'),
    periodId,
    order: i + 1,
    title,
    colour: AXIS_COLOURS[i % AXIS_COLOURS.length],
    archived: false,
  }));
  doc.instances = [
    { id: newId('ins'), name: 'Formation plénière', kind: 'plenary', confidentiality: 'public', status: 'active', cadence: 'Au moins une fois par an', createdAt: at, updatedAt: at },
    { id: newId('ins'), name: 'Formation restreinte (comité de pilotage)', kind: 'restricted', confidentiality: 'restricted', status: 'active', cadence: 'Trimestrielle', createdAt: at, updatedAt: at },
  ];
  return doc;
}

export async function setupCouncil(ctx: ServiceContext, input: SetupInput): Promise<AppState> {
  await ctx.store.initialise(buildNewCouncil(input, nowIso(ctx)));
  return appState(ctx);
}

/**
 * The demonstration: the demo document, its coffre (passphrase « valmont-demo ») holding the confidential texts,
 * and the demo register. All or nothing: a refusal at any step leaves the folder, the coffre and memory as they were.
 */
export async function setupDemo(ctx: ServiceContext): Promise<AppState> {
  const store = ctx.store;
  // Refused before anything is touched: a folder that already holds data (initialise says so), a coffre left in
  // the folder that the demo passphrase does not open (unlocking writes nothing).
  if (store.state.status !== 'empty') await store.initialise(buildDemoDatastore(ctx.now()));
  const vault = ctx.vault instanceof Vault ? ctx.vault : undefined;
  const wasLocked = vault?.state === 'locked';
  if (vault && wasLocked) await vault.unlock(DEMO_PASSPHRASE);
  const vaultBefore = vault?.state === 'unlocked' ? vault.read() : undefined;
  const complete = async () => {
    try {
      await protectDemo(ctx);
      // The demo register goes into the protected store once it is unlocked (the vault's demo set-up runs first).
      await seedDemoRegister(ctx);
    } catch (e) {
      if (vault) await undoDemoVault(vault, vaultBefore, wasLocked);
      throw e;
    }
  };
  try {
    if (store instanceof Store) await store.initialiseThen(buildDemoDatastore(ctx.now()), complete);
    else {
      await store.initialise(buildDemoDatastore(ctx.now()));
      await complete();
    }
  } catch (e) {
    if (vault && wasLocked) vault.lock();
    throw e;
  }
  return appState(ctx);
}

/** Puts the coffre back as it was before a refused demo set-up: removed when the demo created it, its content restored otherwise. */
async function undoDemoVault(vault: Vault, before: ProtectedData | undefined, wasLocked: boolean): Promise<void> {
  if (!before) {
    vault.lock();
    rmSync(vault.file, { force: true });
    const dir = dirname(vault.file);
    if (existsSync(dir) && readdirSync(dir).length === 0) rmSync(dir, { recursive: true, force: true });
    return;
  }
  if (vault.state === 'unlocked' && vault.read() !== before) {
    await vault.update((draft) => {
      const target = draft as unknown as Record<string, unknown>;
      for (const key of Object.keys(target)) delete target[key];
      Object.assign(target, before);
    });
  }
  if (wasLocked) vault.lock();
}

export async function updateSettings(ctx: ServiceContext, patch: SettingsPatch): Promise<Settings> {
  // The schema refuses UNC logos; a mapped drive letter (Z:) or an NFS/SMB mount is only known by asking the system.
  if (patch.logoPath && (await networkMounts().isNetwork(patch.logoPath))) throw new DomainError('invalid_input', shellText.files.networkLogo, 'logoPath');
  return ctx.store.update((data) => {
    const next = { ...data.settings };
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined) continue;
      if (k === 'logoPath' && v === '') delete next.logoPath;
      else (next as Record<string, unknown>)[k] = v;
    }
    if (patch.councilAcronym && !patch.councilName) next.councilName = councilNameFor(patch.councilAcronym);
    data.settings = next;
    return next;
  });
}

/** Paramètres: the user picks the logo image in a file dialog; the path is checked like a typed one, then saved. */
export async function chooseLogo(ctx: ServiceContext): Promise<Settings> {
  if (!ctx.platform.chooseOpenPath) throw new DomainError('forbidden', shellText.files.chooseDesktopOnly);
  const file = await ctx.platform.chooseOpenPath([{ name: shellText.files.imagesFilter, extensions: ['png', 'jpg', 'jpeg'] }]);
  if (!file) return ctx.store.data.settings;
  const parsed = SettingsPatch.safeParse({ logoPath: file });
  if (!parsed.success) throw new DomainError('invalid_input', parsed.error.issues[0]?.message ?? shellText.files.logoRefused, 'logoPath');
  return updateSettings(ctx, parsed.data);
}

function summary(b: { name: string; reason: string; createdAt: string; size: number }): BackupSummary {
  return { name: b.name, reason: b.reason, createdAt: b.createdAt, size: b.size };
}

export function backupsList(ctx: ServiceContext): BackupSummary[] {
  return listBackups(ctx.store.dataDir).map(summary);
}

export async function backupNow(ctx: ServiceContext): Promise<BackupSummary> {
  await ctx.store.flush();
  const file = ctx.store.backup('manual');
  if (!file) throw new DomainError('io', backupText.nothingToSave);
  const found = listBackups(ctx.store.dataDir).find((b) => b.name === basename(file));
  if (!found) throw new DomainError('io', backupText.writtenUnreadable);
  return summary(found);
}

export async function restoreBackup(ctx: ServiceContext, name: string): Promise<AppState> {
  const found = listBackups(ctx.store.dataDir).find((b) => b.name === name);
  if (!found) throw new DomainError('not_found', backupText.unknown);
  await ctx.store.restoreFrom(join(ctx.store.dataDir, BACKUP_DIR, name), { quiesce: () => quiesceVaultForRestore(ctx) });
  // A restored copy may hold what the law says to destroy by now: retention runs before anything else.
  await runRetention(ctx);
  return appState(ctx);
}

/** Recovery: restores the datastore from a file the user picks (a backup or an exported copy). */
export async function restoreFromChosenFile(ctx: ServiceContext): Promise<AppState> {
  if (!ctx.platform.chooseOpenPath) throw new DomainError('forbidden', shellText.files.chooseDesktopOnly);
  const file = await ctx.platform.chooseOpenPath([{ name: backupText.openFilterName, extensions: ['zip', 'json'] }]);
  if (!file) return appState(ctx);
  await ctx.store.restoreFrom(file, { quiesce: () => quiesceVaultForRestore(ctx) });
  await runRetention(ctx);
  return appState(ctx);
}
