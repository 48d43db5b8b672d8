// The purge primitive: removes items from the protected store and from every copy in the data folder, under a new data key.
import { Immer } from 'immer';
import { ProtectedData } from '../../shared/protected-model';
import { DomainError } from '../../shared/result';
import { vault as t } from '../../shared/i18n/vault';
import { rewriteEveryCopy, type CopiesReport } from './copies';
import { rotateDataKey } from './envelope';
import type { Vault } from './vault';

const immer = new Immer({ autoFreeze: false });

export interface PurgeReport extends CopiesReport {
  /** Identifier of the new data key (the old one exists in no file of the folder any more). */
  dataKeyId: string;
}

/**
 * Removes items for good. `remove` deletes them from a draft of the protected document; it is applied to
 * the live document AND to every copy of the vault held in backups/, and everything is re-encrypted under a
 * fresh data key (the master key, wrapped by the passphrase and the recovery key, is unchanged):
 *
 * - every file of the data folder that holds protected content is rewritten (temp file, fsync, rename),
 *   so no copy of the removed items remains in the folder, in clear or encrypted;
 * - the previous data key is wrapped in no file any more, so a ciphertext saved before the purge cannot be
 *   decrypted with the keys the folder holds now (its own header aside: a copy taken OUT of the folder
 *   before the purge stays readable with the passphrase — exports are recorded for that reason);
 * - a copy that this vault cannot open (another vault's, damaged) cannot be filtered: it is removed from its
 *   backup rather than left behind.
 *
 * Order: backups first, the live file last, so a crash in between leaves the items in the live file and the
 * retention engine purges them again at the next start (the primitive is idempotent). Requires the vault to
 * be unlocked; `remove` must be synchronous and deterministic (it runs once per copy).
 */
export async function purgeProtected(v: Vault, remove: (draft: ProtectedData) => void): Promise<PurgeReport> {
  const current = v.read();
  const oldKeys = v.keys;
  const keys = rotateDataKey(oldKeys);
  const next = ProtectedData.parse(immer.produce(current, (d) => void remove(d as ProtectedData)));
  const report = rewriteEveryCopy(v.dataDir, oldKeys, keys, remove, v.now());
  try {
    v.replaceAll(keys, next);
  } catch (e) {
    throw new DomainError('io', t.errors.writeFailed((e as NodeJS.ErrnoException).code ?? 'erreur d’écriture'));
  }
  oldKeys.dataKey.fill(0);
  return { ...report, dataKeyId: keys.dataKeyId };
}
