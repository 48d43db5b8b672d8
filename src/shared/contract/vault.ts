// IPC channels of the protected store (coffre): status, first passphrase, unlock, lock, recovery key, passphrase change, idle delay.
import { z } from '../validation';
import { channel } from './define';
import { vault } from '../i18n/vault';

const m = vault.input;

export interface VaultStatus {
  /** 'absent' until the coordinator chooses a passphrase. */
  state: 'absent' | 'locked' | 'unlocked';
  /** Milliseconds before another unlock attempt is accepted after wrong passphrases. */
  retryInMs: number;
  /** Texts of confidential meetings still waiting to move into the coffre (migration not finished). */
  migrationPending: boolean;
  /** The coffre locks itself after this many minutes without use (Paramètres). */
  idleMinutes: number;
  /** Demonstration data: the passphrase is « valmont-demo ». */
  demo: boolean;
}

/** Shortest new passphrase (spaces around it not counted). */
export const MIN_PASSPHRASE = 8;

const passphrase = z.string().min(1, m.passphraseRequired).max(1000, m.passphraseTooLong);
/** A passphrase being chosen: the same field, long enough. */
const newPassphrase = passphrase.refine((v) => v.trim().length >= MIN_PASSPHRASE, vault.errors.passphraseTooShort(MIN_PASSPHRASE));
const confirmed = <T extends z.ZodRawShape>(shape: T, field: 'passphrase' | 'newPassphrase') =>
  z
    .object({ ...shape, confirmation: passphrase })
    .strict()
    .refine((v) => (v as Record<string, unknown>)[field] === (v as Record<string, unknown>).confirmation, {
      message: vault.errors.passphraseMismatch,
      path: ['confirmation'],
    });

export const vaultContract = {
  'vault:status': channel<VaultStatus>()(z.undefined()),
  'vault:create': channel<{ recoveryKey: string; status: VaultStatus }>()(confirmed({ passphrase: newPassphrase }, 'passphrase')),
  'vault:unlock': channel<VaultStatus>()(z.object({ passphrase }).strict()),
  'vault:recover': channel<VaultStatus>()(confirmed({ recoveryKey: z.string().min(1, m.recoveryKeyRequired).max(200), newPassphrase }, 'newPassphrase')),
  'vault:lock': channel<VaultStatus>()(z.undefined()),
  'vault:changePassphrase': channel<VaultStatus>()(confirmed({ current: passphrase, newPassphrase }, 'newPassphrase')),
  'vault:recoveryPdf': channel<{ saved: boolean; path?: string }>()(z.object({ recoveryKey: z.string().min(1).max(200) }).strict()),
  'vault:setIdleMinutes': channel<VaultStatus>()(z.object({ minutes: z.number({ error: m.idleRequired }).int(m.idleRequired).min(1, m.idleMin).max(240, m.idleMax) }).strict()),
};
