// One fuzz world: the demo commune in a temporary data folder, the real invoker, a fake platform whose dialogs the payload steers.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { createInvoker, type Invoke } from '../../src/main/ipc/handlers';
import { setupDemo } from '../../src/main/services/app';
import { createContext, type Platform, type ServiceContext } from '../../src/main/services/context';
import { DEMO_PASSPHRASE } from '../../src/main/services/vault';
import { BACKUP_DIR, listBackups } from '../../src/main/store/backups';
import { Store } from '../../src/main/store/store';
import { PROTECTED_DIR, Vault } from '../../src/main/vault/vault';
import type { ProtectedAccess } from '../../src/main/vault/types';
import { MemoryVault } from '../helpers/memory-vault';
import { resolvePayload, Seen } from './refs';

/** Worlds live in memory where the system has a tmpfs (fsync is then free): the fuzzer tests logic, the crash tests durability. */
export function fuzzTmp(): string {
  return process.env.CLSPD_FUZZ_TMP ?? (existsSync('/dev/shm') ? '/dev/shm' : tmpdir());
}

/** The fuzz clock: a fixed morning, moving seven seconds per call, so that a run replays identically. */
export const FUZZ_EPOCH = Date.parse('2026-11-16T08:30:00.000Z');

/** The fuzz demo, built once: its main file's content and a folder holding the whole demo data folder. */
export interface DemoTemplate {
  /** clspd.json of the demo. */
  main: string;
  /** The demo's data folder: clspd.json, the encrypted coffre (protected/, passphrase « valmont-demo »), today's backup. */
  dir: string;
  /** The recovery key of the demo's coffre (drawn by `vault:recover` calls). */
  recoveryKey: string;
}

/**
 * Builds the demo once (it takes half a second), with its coffre created with the test key-derivation cost
 * (CLSPD_TEST_FAST_KDF) so that every world unlocks it in a few milliseconds.
 */
export async function demoTemplate(): Promise<DemoTemplate> {
  const dir = mkdtempSync(join(fuzzTmp(), 'clspd-fuzz-template-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  const store = Store.open(dir, { owner: 'test', now: () => new Date(FUZZ_EPOCH) });
  const ctx = createContext(store, {}, () => new Date(FUZZ_EPOCH));
  const vault = new Vault(dir, { now: () => new Date(FUZZ_EPOCH) });
  ctx.vault = vault;
  const { recoveryKey } = await vault.create(DEMO_PASSPHRASE);
  await setupDemo(ctx);
  await store.close();
  vault.lock();
  return { main: readFileSync(join(dir, 'clspd.json'), 'utf8'), dir, recoveryKey };
}

/** Memory before a call: the (frozen) documents themselves, or their text when they are not frozen. */
export interface Captured {
  data: unknown;
  secret: unknown;
  text: string | undefined;
}

export function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `first difference at character ${i}: …${a.slice(Math.max(0, i - 80), i + 80)}… became …${b.slice(Math.max(0, i - 80), i + 80)}…`;
}

/** What the fake dialogs were asked, for the checks. */
export interface PlatformLog {
  suggestedNames: string[];
  opened: string[];
  quits: number;
}

/** How a world's data folder is made: files copied in before the store opens, and its protected store. */
export interface WorldOptions {
  /** Copies extra files (e.g. a real coffre) into the data folder before the store is opened. */
  prepare?(dataDir: string): void;
  /** The protected store of the world; the in-memory test double when absent. */
  vault?(dataDir: string): ProtectedAccess;
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
    vault: ProtectedAccess = new MemoryVault(),
  ) {
    this.ctx = createContext(store, this.platform(), () => new Date(FUZZ_EPOCH + this.calls * 7_000));
    // By default the protected store's test double (transactional, in memory): the register channels run against it.
    this.vault = vault;
    this.ctx.vault = this.vault;
    const invoke = createInvoker(this.ctx, undefined, (e) => this.logged.push(e));
    this.invoke = async (channel, payload) => {
      await this.ready;
      return invoke(channel, payload);
    };
  }

  readonly vault: ProtectedAccess;
  /** Calls wait for it (the fuzz worlds unlock the demo's coffre first). */
  ready: Promise<void> = Promise.resolve();

  /**
   * A fuzz world: the demo (or, `empty`, a folder not set up yet) with the real encrypted coffre as the app wires
   * it, unlocked with the demo passphrase before the first call (a coordinator opening the demo types it).
   */
  static fromTemplate(t: DemoTemplate, empty: boolean): World {
    const copyDemo = (dir: string) => {
      cpSync(join(t.dir, PROTECTED_DIR), join(dir, PROTECTED_DIR), { recursive: true });
      // Today's backup of the demo (made when the template was set up): opening the folder then makes none.
      cpSync(join(t.dir, BACKUP_DIR), join(dir, BACKUP_DIR), { recursive: true });
    };
    const world = World.create(t.main, empty, {
      prepare: empty ? undefined : copyDemo,
      vault: (dir) => new Vault(dir, { now: () => new Date(FUZZ_EPOCH + world.calls * 7_000), failureDelayBaseMs: 20 }),
    });
    const vault = world.vault as Vault;
    if (vault.state === 'locked') world.ready = vault.unlock(DEMO_PASSPHRASE);
    world.seen.add('passphrase', DEMO_PASSPHRASE);
    world.seen.add('recoveryKey', t.recoveryKey);
    for (const b of listBackups(world.dir)) world.seen.add('backupName', b.name);
    return world;
  }

  /**
   * The state of memory before a call. Committed documents are deep-frozen (Store transactions), so keeping the
   * reference is enough: the same reference afterwards means nothing changed. An unfrozen document is serialised.
   */
  capture(): Captured {
    const data = this.store.isReady ? this.store.data : undefined;
    const secret = this.vault.state === 'unlocked' ? this.vault.read() : undefined;
    const frozen = (v: unknown) => v === undefined || Object.isFrozen(v);
    return { data, secret, text: frozen(data) && frozen(secret) ? undefined : this.snapshot() };
  }

  /** Why memory differs from `before`, or undefined when it does not. */
  changedSince(before: Captured): string | undefined {
    const now = this.capture();
    if (before.text === undefined && now.data === before.data && now.secret === before.secret) return undefined;
    const was = before.text ?? `${before.data ? JSON.stringify(before.data) : `[${this.store.state.status}]`}\n${JSON.stringify(before.secret)}`;
    const is = now.text ?? `${now.data ? JSON.stringify(now.data) : `[${this.store.state.status}]`}\n${JSON.stringify(now.secret)}`;
    return was === is ? undefined : firstDifference(was, is);
  }

  /** A world on the demo, or (`empty`) on a data folder not set up yet, where only the first-run channels can succeed. */
  static create(template: string, empty = false, options: WorldOptions = {}): World {
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
    options.prepare?.(dir);
    const store = Store.open(dir, { owner: 'test', now: () => new Date(FUZZ_EPOCH) });
    const world = new World(dir, exportDir, store, options.vault?.(dir));
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

  /** Resolves a generated payload against the live documents (situations come from the protected store). */
  resolve(channel: string, payload: unknown): unknown {
    this.seen.pools.set('situation', this.vault.state === 'unlocked' ? this.vault.read().situations.map((x) => x.id) : []);
    return resolvePayload(channel, payload, this.store.isReady ? this.store.data : undefined, this.seen);
  }

  /** The document and the protected one as text (a marker when the folder is empty or broken). */
  snapshot(): string {
    const main = this.store.isReady ? JSON.stringify(this.store.data) : `[${this.store.state.status}]`;
    return `${main}\n${JSON.stringify(this.vault.state === 'unlocked' ? this.vault.read() : undefined)}`;
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
