// Test double of the protected store: the ProtectedAccess contract in memory, transactional (immer drafts), lockable.
import { produce } from 'immer';
import { DomainError } from '../../src/shared/result';
import { ProtectedData, PROTECTED_SCHEMA_VERSION } from '../../src/shared/protected-model';
import type { ProtectedAccess, VaultState } from '../../src/main/vault/types';

export class MemoryVault implements ProtectedAccess {
  state: VaultState = 'unlocked';
  private doc: ProtectedData;
  writes = 0;
  /** Passphrase accepted by verifyPassphrase (re-authentication of the correspondence table). */
  passphrase = 'phrase-de-test';
  constructor(initial?: Partial<ProtectedData>) {
    this.doc = ProtectedData.parse({ schemaVersion: PROTECTED_SCHEMA_VERSION, ...initial });
  }
  read(): ProtectedData {
    if (this.state !== 'unlocked') throw new DomainError('locked', 'Le registre protégé est verrouillé.');
    return this.doc;
  }
  async verifyPassphrase(passphrase: string): Promise<void> {
    this.read();
    if (passphrase !== this.passphrase) throw new DomainError('forbidden', 'La phrase de passe est incorrecte.', 'passphrase');
  }
  async update<T>(mutate: (draft: ProtectedData) => T): Promise<T> {
    const current = this.read();
    let result!: T;
    const next = produce(current, (draft) => {
      result = mutate(draft as ProtectedData);
    });
    // Same validation as the real store before a write: a schema violation changes nothing.
    this.doc = ProtectedData.parse(next);
    this.writes++;
    return result;
  }
}
