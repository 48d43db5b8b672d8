// What services see of the protected store: a transactional document that exists only while unlocked.
import type { ProtectedData } from '../../shared/protected-model';

export type VaultState = 'absent' | 'locked' | 'unlocked';

export interface ProtectedAccess {
  /** 'absent' before the coordinator has set a passphrase. */
  readonly state: VaultState;
  /** The decrypted document. Throws DomainError('locked', French message) unless unlocked. */
  read(): ProtectedData;
  /**
   * Runs `mutate` on a draft and resolves once the encrypted file is durably written; a throw leaves
   * memory and disk unchanged. Throws DomainError('locked') unless unlocked.
   */
  update<T>(mutate: (draft: ProtectedData) => T): Promise<T>;
  /** Checks the passphrase again while unlocked (fresh re-authentication); throws a French error otherwise. Writes nothing. */
  verifyPassphrase?(passphrase: string): Promise<void>;
}
