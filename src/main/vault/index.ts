// The protected store's public surface: the Vault, the purge primitive and the copy formats of backups.
export { Vault, vaultPath, PROTECTED_DIR, VAULT_FILE, MIN_PASSPHRASE, emptyProtectedData, readEnvelope, failureDelayMs } from './vault';
export { purgeProtected, type PurgeReport } from './purge';
export { registerCopyFormat, findCopies, type CopyFormat } from './copies';
export { parseEnvelope, openPayloadWith, type Envelope } from './envelope';
export type { ProtectedAccess, VaultState } from './types';
