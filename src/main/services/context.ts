// What every service receives: the store, the clock, the session's undo list and the platform edges.
import type { AuditFilters, AuditPage } from '../../shared/contract/audit';
import type { UpdatesStatus } from '../../shared/contract/maintenance';
import type { ArchiveFile } from '../../shared/model';
import type { Store } from '../store/store';
import type { ProtectedAccess } from '../vault/types';
import { Trash } from './trash';

/** Things only the Electron shell can do (dialogs, opening files); absent in the CLI and in tests. */
export interface Platform {
  /** Asks where to save; returns the chosen path or undefined when cancelled. */
  chooseSavePath?(suggestedName: string, filters: { name: string; extensions: string[] }[]): Promise<string | undefined>;
  chooseOpenPath?(filters: { name: string; extensions: string[] }[]): Promise<string | undefined>;
  openPath?(path: string): Promise<void>;
  showItemInFolder?(path: string): void;
  /** Quits the application (recovery screen). */
  quit?(): void;
  /** Opt-in updates (installed app only). */
  updates?: UpdatesControl;
}

/** The installed app's updates, as Paramètres drives them; every method answers the new status. */
export interface UpdatesControl {
  status(): UpdatesStatus;
  setEnabled(enabled: boolean): UpdatesStatus;
  /** Searches now (and downloads in the background); resolves once the search itself is done. */
  checkNow(): Promise<UpdatesStatus>;
  /** Asks (main-process dialog) then installs the downloaded version, never during a séance. */
  install(): Promise<UpdatesStatus>;
}

/**
 * What services use of a datastore: the local file store, or the team server's PostgreSQL-backed store.
 * Services never depend on which one they get.
 */
export type DataStore = Pick<
  Store,
  'dataDir' | 'file' | 'state' | 'backupWarning' | 'isReady' | 'data' | 'update' | 'flush' | 'initialise' | 'restoreFrom' | 'backup' | 'listDataFiles' | 'onSavingChange' | 'close'
> & {
  /** A closed period's archive as the current request's account may see it (team server); absent: the whole archive. */
  viewArchive?(archive: ArchiveFile): ArchiveFile;
};

export interface ServiceContext {
  store: DataStore;
  now(): Date;
  trash: Trash;
  platform: Platform;
  /** The protected store (register, confidential meeting texts); absent where no vault is wired (team server). */
  vault?: ProtectedAccess;
  /** Team-server features outside the document (the audit log); absent in the local app. */
  team?: {
    audit(filters: AuditFilters): Promise<AuditPage>;
    /** The live document as the main file of a backup (the server has no such file). */
    mainFile?(): Uint8Array;
  };
  /** Replaces the store (restore, another data folder). */
  replaceStore?(store: Store): void;
}

export function createContext(store: DataStore, platform: Platform = {}, now: () => Date = () => new Date()): ServiceContext {
  return { store, now, trash: new Trash(), platform };
}

export function nowIso(ctx: ServiceContext): string {
  return ctx.now().toISOString();
}
