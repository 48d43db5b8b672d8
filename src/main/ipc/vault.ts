// Handlers of the protected store's channels (coffre).
import type { vaultContract } from '../../shared/contract/vault';
import * as vault from '../services/vault';
import type { HandlerSlice } from './handlers';

export const vaultHandlers: HandlerSlice<keyof typeof vaultContract> = {
  'vault:status': (_i, ctx) => vault.vaultStatus(ctx),
  'vault:create': (i, ctx) => vault.createVault(ctx, i.passphrase),
  'vault:unlock': (i, ctx) => vault.unlockVault(ctx, i.passphrase),
  'vault:recover': (i, ctx) => vault.recoverVault(ctx, i.recoveryKey, i.newPassphrase),
  'vault:lock': (_i, ctx) => vault.lockVault(ctx),
  'vault:changePassphrase': (i, ctx) => vault.changeVaultPassphrase(ctx, i.current, i.newPassphrase),
  'vault:recoveryPdf': (i, ctx) => vault.saveRecoveryPdf(ctx, i.recoveryKey),
  'vault:setIdleMinutes': (i, ctx) => vault.setIdleMinutes(ctx, i.minutes),
};
