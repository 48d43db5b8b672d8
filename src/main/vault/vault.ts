// The protected store: one encrypted file under <data>/protected/, unlocked by passphrase or recovery key, transactional updates.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Immer, freeze } from 'immer';
import { vault as t } from '../../shared/i18n/vault';
import { MIN_PASSPHRASE } from '../../shared/contract/vault';
import { PROTECTED_SCHEMA_VERSION, ProtectedData } from '../../shared/protected-model';
import { DomainError } from '../../shared/result';
import { derivePassphraseKey, deriveRecoveryKey, formatRecoveryKey, newKdfParams, newRecoverySecret, parseRecoveryKey, testFastMode } from './crypto';
import { rewriteEveryCopy } from './copies';
import { diff, invalidRow } from './delta';
import { newKeys, openDocument, parseEnvelope, rewrapForPassphrase, unwrapWithPassphrase, unwrapWithRecovery, type Envelope, type Keys } from './envelope';
import { VaultFileWriter } from './writer';
import type { ProtectedAccess, VaultState } from './types';

export const PROTECTED_DIR = 'protected';
export const VAULT_FILE = 'vault.json';
export { MIN_PASSPHRASE };

export function vaultPath(dataDir: string): string {
  return join(dataDir, PROTECTED_DIR, VAULT_FILE);
}

export function emptyProtectedData(): ProtectedData {
  return ProtectedData.parse({ schemaVersion: PROTECTED_SCHEMA_VERSION });
}

export function assertPassphrase(passphrase: string, field = 'passphrase'): void {
  if (passphrase.trim().length < MIN_PASSPHRASE) throw new DomainError('invalid_input', t.errors.passphraseTooShort(MIN_PASSPHRASE), field);
}

/** Delay imposed after the n-th consecutive failure: 1 s, 2 s, 4 s… up to 5 minutes (milliseconds under the test setting). */
export function failureDelayMs(failures: number, base = testFastMode() ? 20 : 1_000): number {
  if (failures <= 0) return 0;
  return Math.min(base * 2 ** (failures - 1), base * 300);
}

/**
 * Reads and checks the vault file's envelope, with French errors naming the file. `deep` (check, default)
 * also hashes every sealed section; the unlock leaves that to the GCM tags.
 */
export function readEnvelope(file: string, deep = true): Envelope {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new DomainError('io', t.errors.unreadable(file, (e as NodeJS.ErrnoException).code ?? 'erreur de lecture'));
  }
  const r = parseEnvelope(text, deep);
  if (r.ok) return r.envelope;
  if (r.problem === 'newer') throw new DomainError('io', t.errors.newerVault(file));
  if (r.problem === 'not_vault') throw new DomainError('io', t.errors.notAVault(file));
  throw new DomainError('io', t.errors.tampered(file));
}

export interface VaultOptions {
  now?: () => Date;
  /** Called after every change of state (locked ↔ unlocked, created). */
  onStateChange?: (state: VaultState) => void;
  /** First delay after a failed attempt, doubled at each further failure (default 1 s; 20 ms under the test setting). */
  failureDelayBaseMs?: number;
}

type Session = { keys: Keys; data: ProtectedData; writer: VaultFileWriter };

export class Vault implements ProtectedAccess {
  readonly file: string;
  private session: Session | null = null;
  private failures = 0;
  private retryAt = 0;
  private lastActivity = 0;
  private readonly immer = new Immer({ autoFreeze: true });
  readonly now: () => Date;

  constructor(
    readonly dataDir: string,
    private readonly options: VaultOptions = {},
  ) {
    this.file = vaultPath(dataDir);
    this.now = options.now ?? (() => new Date());
  }

  get state(): VaultState {
    if (this.session) return 'unlocked';
    return existsSync(this.file) ? 'locked' : 'absent';
  }

  /** Milliseconds before another unlock attempt is accepted (0 when allowed now). */
  get retryInMs(): number {
    return Math.max(0, this.retryAt - Date.now());
  }

  private changed(): void {
    this.options.onStateChange?.(this.state);
  }

  /** First use: creates the vault with `passphrase` and returns the recovery key (shown once, never stored). */
  async create(passphrase: string, initial: ProtectedData = emptyProtectedData()): Promise<{ recoveryKey: string }> {
    assertPassphrase(passphrase);
    if (existsSync(this.file)) throw new DomainError('conflict', t.errors.exists);
    const kdf = newKdfParams();
    const passphraseKey = await derivePassphraseKey(passphrase, kdf);
    const secret = newRecoverySecret();
    const keys = newKeys(kdf, passphraseKey, (keysetId) => deriveRecoveryKey(secret, keysetId));
    const data = ProtectedData.parse(initial);
    if (existsSync(this.file)) throw new DomainError('conflict', t.errors.exists);
    mkdirSync(join(this.dataDir, PROTECTED_DIR), { recursive: true });
    const writer = new VaultFileWriter(this.file, { records: 0, size: 0, recordBytes: 0 });
    writer.rewrite(keys, data, this.now());
    this.session = { keys, data: freeze(data, true), writer };
    this.lastActivity = Date.now();
    this.changed();
    return { recoveryKey: formatRecoveryKey(secret) };
  }

  private assertMayTry(): void {
    const wait = this.retryInMs;
    if (wait > 0) throw new DomainError('forbidden', t.errors.waitBeforeRetry(Math.ceil(wait / 1000)));
  }

  private fail(message: string, field: string): never {
    this.failures++;
    this.retryAt = Date.now() + failureDelayMs(this.failures, this.options.failureDelayBaseMs);
    throw new DomainError('forbidden', message, field);
  }

  /** Checks a passphrase and returns the master key, or throws naming `field` (wrong → growing delay). Writes nothing. */
  private async masterFromPassphrase(envelope: Envelope, passphrase: string, field = 'passphrase'): Promise<Buffer> {
    this.assertMayTry();
    const key = await derivePassphraseKey(passphrase, envelope.kdf);
    const master = unwrapWithPassphrase(envelope, key);
    if (!master) this.fail(t.errors.wrongPassphrase, field);
    return master;
  }

  private openWith(envelope: Envelope, master: Buffer): Session {
    const r = openDocument(envelope, master);
    if (!r.ok) throw new DomainError('io', r.problem === 'tampered' ? t.errors.tampered(this.file) : t.errors.invalidContent(r.detail ?? ''));
    return { keys: r.keys, data: freeze(r.data, true), writer: new VaultFileWriter(this.file, r.file) };
  }

  /** Unlocks with the passphrase. A failure writes nothing anywhere and delays the next attempt. */
  async unlock(passphrase: string): Promise<void> {
    if (this.state === 'absent') throw new DomainError('not_found', t.errors.absent);
    const envelope = readEnvelope(this.file, false);
    const master = await this.masterFromPassphrase(envelope, passphrase);
    this.session = this.openWith(envelope, master);
    this.failures = 0;
    this.retryAt = 0;
    this.lastActivity = Date.now();
    this.changed();
  }

  /** Lost passphrase: the recovery key opens the vault and a new passphrase replaces the old one. */
  async recover(recoveryKeyText: string, newPassphrase: string): Promise<void> {
    assertPassphrase(newPassphrase, 'newPassphrase');
    if (this.state === 'absent') throw new DomainError('not_found', t.errors.absent);
    this.assertMayTry();
    const envelope = readEnvelope(this.file);
    const secret = parseRecoveryKey(recoveryKeyText);
    const master = secret ? unwrapWithRecovery(envelope, deriveRecoveryKey(secret, envelope.keysetId)) : undefined;
    if (!master) this.fail(t.errors.wrongRecoveryKey, 'recoveryKey');
    const session = this.openWith(envelope, master);
    const kdf = newKdfParams();
    const keys = rewrapForPassphrase(session.keys, kdf, await derivePassphraseKey(newPassphrase, kdf));
    session.writer.rewrite(keys, session.data, this.now());
    rewriteEveryCopy(this.dataDir, session.keys, keys, undefined, this.now());
    this.session = { ...session, keys };
    this.failures = 0;
    this.retryAt = 0;
    this.lastActivity = Date.now();
    this.changed();
  }

  /** Changes the passphrase (the current one is asked again, with the same delays as an unlock). */
  async changePassphrase(current: string, next: string): Promise<void> {
    assertPassphrase(next, 'newPassphrase');
    if (this.state === 'absent') throw new DomainError('not_found', t.errors.absent);
    const envelope = readEnvelope(this.file);
    const master = await this.masterFromPassphrase(envelope, current, 'current');
    const session = this.session && this.session.keys.keysetId === envelope.keysetId ? this.session : this.openWith(envelope, master);
    const kdf = newKdfParams();
    const keys = rewrapForPassphrase(session.keys, kdf, await derivePassphraseKey(next, kdf));
    session.writer.rewrite(keys, session.data, this.now());
    rewriteEveryCopy(this.dataDir, session.keys, keys, undefined, this.now());
    this.session = { ...session, keys };
    this.failures = 0;
    this.retryAt = 0;
    this.changed();
  }

  /**
   * Re-authentication while unlocked (the correspondence table asks for the passphrase again): checks it
   * against the file with the same growing delay as an unlock; writes nothing and changes no key.
   */
  async verifyPassphrase(passphrase: string): Promise<void> {
    void this.open;
    const master = await this.masterFromPassphrase(readEnvelope(this.file, false), passphrase);
    master.fill(0);
    this.failures = 0;
    this.retryAt = 0;
    this.lastActivity = Date.now();
  }

  /**
   * Forgets the keys and the decrypted document. The change records written since the last rewrite are first
   * folded into one (best effort: they are durable as they are, the next session reads them).
   */
  lock(): void {
    if (!this.session) return;
    if (this.session.writer.records > 0) {
      try {
        this.session.writer.rewrite(this.session.keys, this.session.data, this.now());
      } catch {
        // Kept as records; folded at a later write.
      }
    }
    this.session.keys.masterKey.fill(0);
    this.session.keys.dataKey.fill(0);
    this.session = null;
    this.changed();
  }

  /** Locks when nothing used the vault for `minutes`; returns true when it did. */
  lockIfIdle(minutes: number, nowMs = Date.now()): boolean {
    if (!this.session || minutes <= 0) return false;
    if (nowMs - this.lastActivity < minutes * 60_000) return false;
    this.lock();
    return true;
  }

  /** Marks activity (the idle delay restarts). */
  touch(): void {
    this.lastActivity = Date.now();
  }

  private get open(): Session {
    if (!this.session) throw new DomainError('locked', this.state === 'absent' ? t.errors.absent : t.errors.locked);
    return this.session;
  }

  read(): ProtectedData {
    const s = this.open;
    this.lastActivity = Date.now();
    return s.data;
  }

  /**
   * Runs `mutate` on a draft; validates the rows that changed; seals them as one change record appended to
   * the file (fsynced before this resolves); a throw changes nothing.
   */
  async update<T>(mutate: (draft: ProtectedData) => T): Promise<T> {
    const s = this.open;
    let result!: T;
    const next = this.immer.produce(s.data, (draft) => {
      result = mutate(draft as ProtectedData);
    });
    this.lastActivity = Date.now();
    if (next === s.data) return result;
    const { delta, changedRows } = diff(s.data, next);
    const bad = invalidRow(changedRows);
    if (bad !== undefined) throw new DomainError('internal', t.errors.invalidContent(bad));
    try {
      s.writer.write(s.keys, next, delta, this.now());
    } catch (e) {
      throw new DomainError('io', t.errors.writeFailed((e as NodeJS.ErrnoException).code ?? 'erreur d’écriture'));
    }
    s.data = next;
    return result;
  }

  /** Replaces keys and a validated document at once, rewriting the whole file (purge: the copies are rewritten first). */
  replaceAll(keys: Keys, data: ProtectedData): void {
    const s = this.open;
    s.writer.rewrite(keys, data, this.now());
    this.session = { keys, data: freeze(data, true), writer: s.writer };
  }

  /** Key material of the open session (purge and copies rewriting only). */
  get keys(): Keys {
    return this.open.keys;
  }
}
