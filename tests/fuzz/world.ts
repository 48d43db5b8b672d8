// One fuzz world: the demo commune in a temporary data folder, the real invoker, a fake platform whose dialogs the payload steers.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { createInvoker, type Invoke } from '../../src/main/ipc/handlers';
import { setupDemo } from '../../src/main/services/app';
import { createContext, type Platform, type ServiceContext } from '../../src/main/services/context';
import { BACKUP_DIR, listBackups } from '../../src/main/store/backups';
import { Store } from '../../src/main/store/store';
import { MemoryVault } from '../helpers/memory-vault';
import { Seen } from './refs';

/** Worlds live in memory where the system has a tmpfs (fsync is then free): the fuzzer tests logic, the crash tests durability. */
export function fuzzTmp(): string {
  return process.env.CLSPD_FUZZ_TMP ?? (existsSync('/dev/shm') ? '/dev/shm' : tmpdir());
}

/** The fuzz clock: a fixed morning, moving seven seconds per call, so that a run replays identically. */
export const FUZZ_EPOCH = Date.parse('2026-11-16T08:30:00.000Z');

/** Builds the demo document once (it takes half a second) and returns its file content. */
export async function demoTemplate(): Promise<string> {
  const dir = mkdtempSync(join(fuzzTmp(), 'clspd-fuzz-template-'));
  try {
    const store = Store.open(dir, { owner: 'test', now: () => new Date(FUZZ_EPOCH) });
    await setupDemo(createContext(store, {}, () => new Date(FUZZ_EPOCH)));
    await store.close();
    const { readFileSync } = await import('node:fs');
    return readFileSync(store.file, 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** What the fake dialogs were asked, for the checks. */
export interface PlatformLog {
  suggestedNames: string[];
  opened: string[];
  quits: number;
}

export class World {
  readonly seen = new Seen();
  readonly logged: unknown[] = [];
  readonly log: PlatformLog = { suggestedNames: [], opened: [], quits: 0 };
  readonly ctx: ServiceContext;
  readonly invoke: Invoke;
  /** Steers the next dialog: picks a file among the candidates, or cancels. Set by the runner before each call. */
  dialogPick = 0;
  calls = 0;
  private saved = 0;

  private constructor(
    readonly dir: string,
    readonly exportDir: string,
    public store: Store,
  ) {
    this.ctx = createContext(store, this.platform(), () => new Date(FUZZ_EPOCH + this.calls * 7_000));
    this.countWrites(store);
    // The protected store's test double (transactional, in memory): the register channels run against it.
    this.vault = new MemoryVault();
    this.ctx.vault = this.vault;
    this.invoke = createInvoker(this.ctx, undefined, (e) => this.logged.push(e));
  }

  /** A world on the demo, or (`empty`) on a data folder not set up yet, where only the first-run channels can succeed. */
  /** Counts the store's writing entry points, so that a document known unchanged need not be serialised again. */
  private countWrites(store: Store): void {
    for (const name of ['update', 'initialise', 'restoreFrom'] as const) {
      const original = store[name].bind(store) as (...args: unknown[]) => Promise<unknown>;
      Object.defineProperty(store, name, {
        value: (...args: unknown[]) => {
          this.storeWrites++;
          return original(...args);
        },
        configurable: true,
      });
    }
  }

  readonly vault: MemoryVault;
  private storeWrites = 0;

  /** Calls to the store's and the protected store's writing entry points so far. */
  get writes(): number {
    return this.storeWrites + this.vault.writes;
  }
  /** The document as text when known to be current (no write since it was taken). */
  private known: string | undefined;

  /** The document as text, taken again only after a write. */
  current(): string {
    this.known ??= this.snapshot();
    return this.known;
  }

  /** To call after anything that may have written. */
  forget(): void {
    this.known = undefined;
  }

  static create(template: string, empty = false): World {
    const root = mkdtempSync(join(fuzzTmp(), 'clspd-fuzz-'));
    const dir = join(root, 'data');
    const exportDir = join(root, 'exports');
    mkdirSync(dir);
    mkdirSync(exportDir);
    if (!empty) writeFileSync(join(dir, 'clspd.json'), template);
    // Files a coordinator might pick by mistake: garbage under a spreadsheet name, an empty CSV, text that is not JSON.
    writeFileSync(join(exportDir, 'abime.xlsx'), Buffer.from('PK\u0003\u0004 pas vraiment un classeur'));
    writeFileSync(join(exportDir, 'vide.csv'), '');
    writeFileSync(join(exportDir, 'pas-du-json.json'), '{"schemaVersion": 1, "settings": ');
    writeFileSync(join(exportDir, 'image.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const store = Store.open(dir, { owner: 'test', now: () => new Date(FUZZ_EPOCH) });
    const world = new World(dir, exportDir, store);
    for (const b of listBackups(dir)) world.seen.add('backupName', b.name);
    return world;
  }

  private platform(): Platform {
    return {
      chooseSavePath: async (suggestedName) => {
        this.log.suggestedNames.push(suggestedName);
        if (this.dialogPick % 7 === 0) return undefined;
        return join(this.exportDir, `${++this.saved}-${safeName(suggestedName)}`);
      },
      chooseOpenPath: async (filters) => {
        const exts = filters.flatMap((f) => f.extensions.map((e) => e.toLowerCase()));
        const candidates = this.openCandidates().filter((f) => exts.includes('*') || exts.includes(extname(f).slice(1).toLowerCase()));
        const n = this.dialogPick % (candidates.length + 2);
        // One pick in a few: cancelled, or a file that vanished since it was listed.
        if (n === candidates.length) return undefined;
        if (n === candidates.length + 1) return join(this.exportDir, `disparu.${exts[0] === '*' ? 'txt' : exts[0]}`);
        return candidates[n];
      },
      openPath: async (path) => {
        this.log.opened.push(path);
      },
      showItemInFolder: (path) => {
        this.log.opened.push(path);
      },
      quit: () => {
        this.log.quits++;
      },
    };
  }

  /** Exports of this run, the fixtures above and the folder's backups: what an open dialog can return. */
  private openCandidates(): string[] {
    const files = readdirSync(this.exportDir).sort().map((n) => join(this.exportDir, n));
    const backups = join(this.dir, BACKUP_DIR);
    if (existsSync(backups)) files.push(...readdirSync(backups).sort().map((n) => join(backups, n)));
    return files;
  }

  /** The document as text, or a marker when the folder is empty or broken. */
  snapshot(): string {
    const main = this.store.isReady ? JSON.stringify(this.store.data) : `[${this.store.state.status}]`;
    return this.vault.state === 'unlocked' ? `${main}\n${JSON.stringify(this.vault.read())}` : main;
  }

  /** Names, sizes and inodes of the data folder's own files (backups/ excluded: a safety copy is not a change). */
  diskState(): string {
    return readdirSync(this.dir)
      .filter((n) => n !== BACKUP_DIR)
      .sort()
      .map((n) => {
        const st = statSync(join(this.dir, n));
        return `${n}:${st.size}:${st.ino}:${st.mtimeMs}`;
      })
      .join('|');
  }

  async close(): Promise<void> {
    try {
      await this.store.close();
    } finally {
      rmSync(join(this.dir, '..'), { recursive: true, force: true });
    }
  }
}

/** What a real save dialog would do with an odd suggested name: the fake keeps files inside the export folder. */
function safeName(name: string): string {
  const printable = [...name].map((c) => (c.charCodeAt(0) < 32 || '/\\:*?"<>|'.includes(c) ? '_' : c)).join('');
  return printable.slice(0, 120) || 'sans-nom';
}
