// CLI of the protected store: `clspd vault passphrase|migrate|status` (the passphrase comes from passphrase.ts).
import { existsSync } from 'node:fs';
import { cli as tc } from '../../shared/i18n/cli';
import { vault as tv } from '../../shared/i18n/vault';
import { DomainError } from '../../shared/result';
import { createContext } from '../services/context';
import { Store } from '../store/store';
import { completeProtectionMove } from '../vault/migration';
import { Vault, vaultPath } from '../vault/vault';
import { type Command, DATA_FLAG, dataDirFrom, UsageError } from './framework';
import { PASSPHRASE_FLAG, passphraseFrom, requirePassphrase } from './passphrase';

const vault: Command = {
  name: 'vault',
  positionals: 1,
  summary: tc.vault.summary,
  usage: 'vault <passphrase|migrate|status> --data DOSSIER [--passphrase-file FICHIER] [--new-passphrase-file FICHIER]',
  flags: {
    data: DATA_FLAG,
    'passphrase-file': PASSPHRASE_FLAG,
    'new-passphrase-file': { value: 'FICHIER', description: tc.vault.newPassphraseFlag },
  },
  async run(args, io) {
    const verb = args.positionals[0];
    if (verb !== 'passphrase' && verb !== 'migrate' && verb !== 'status') throw new UsageError(tc.vault.whichOperation);
    const dir = dataDirFrom(args, { allowPending: verb !== 'passphrase' });
    if (verb === 'status') {
      const v = new Vault(dir);
      io.out(v.state === 'absent' ? tc.vault.absent : tc.vault.present(vaultPath(dir)));
      return 0;
    }
    if (verb === 'passphrase') {
      const next = passphraseFrom(args, 'new-passphrase-file');
      if (next === undefined) throw new UsageError(tv.cli.newPassphraseMissing);
      const current = requirePassphrase(args);
      const v = new Vault(dir);
      if (v.state === 'absent') throw new DomainError('not_found', tv.errors.absent);
      const store = Store.open(dir, { owner: 'cli' });
      try {
        await v.changePassphrase(current, next);
      } finally {
        await store.close();
      }
      io.out(tv.cli.passphraseChanged);
      return 0;
    }
    // migrate: finishes the move of confidential texts (creates the coffre with this passphrase when there is none).
    const passphrase = requirePassphrase(args);
    const store = Store.open(dir, { owner: 'cli' });
    try {
      if (!store.isReady) throw new DomainError('io', store.state.status === 'broken' ? store.state.message : tc.vault.noData);
      const ctx = createContext(store);
      const v = new Vault(dir);
      if (v.state === 'absent' || !existsSync(vaultPath(dir))) io.out(tv.cli.recoveryKeyShown((await v.create(passphrase)).recoveryKey));
      else await v.unlock(passphrase);
      ctx.vault = v;
      const r = await completeProtectionMove(store, v, ctx.now());
      io.out(tv.cli.migrated(r.meetings, r.files));
    } finally {
      await store.close();
    }
    return 0;
  },
};

export const vaultCommands: Command[] = [vault];
