// CLI access to the protected store: the passphrase (file or environment, never an argument) and `clspd vault passphrase|migrate|status`.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { vault as tv } from '../../shared/i18n/vault';
import { DomainError } from '../../shared/result';
import { createContext, type ServiceContext } from '../services/context';
import { Store } from '../store/store';
import { completeProtectionMove } from '../vault/migration';
import { Vault, vaultPath } from '../vault/vault';
import { type Command, DATA_FLAG, dataDirFrom, type FlagSpec, type ParsedArgs, stringFlag, UsageError } from './framework';

export const PASSPHRASE_FLAG: FlagSpec = { value: 'FICHIER', description: 'Phrase de passe du coffre : première ligne de ce fichier (sinon la variable CLSPD_PASSPHRASE)' };

function firstLine(file: string): string {
  let text: string;
  try {
    text = readFileSync(resolve(file), 'utf8');
  } catch {
    throw new DomainError('io', tv.cli.passphraseFileUnreadable(file));
  }
  return text.split(/\r?\n/, 1)[0] ?? '';
}

/** The passphrase from --passphrase-file (first line, line ending removed) or CLSPD_PASSPHRASE; undefined when neither. */
export function passphraseFrom(args: ParsedArgs, flag = 'passphrase-file'): string | undefined {
  const file = stringFlag(args, flag);
  if (file !== undefined) return firstLine(file);
  const env = process.env.CLSPD_PASSPHRASE;
  return env ? env : undefined;
}

/** The passphrase, or a French usage error (exit code 2) when none was given. */
export function requirePassphrase(args: ParsedArgs): string {
  const p = passphraseFrom(args);
  if (p === undefined || p === '') throw new UsageError(tv.cli.passphraseMissing);
  return p;
}

/**
 * Attaches the folder's vault to `ctx`, unlocked when it exists: a missing passphrase exits with 2, a wrong
 * one with 1 (nothing written). Without a vault in the folder nothing is asked.
 */
export async function attachVault(ctx: ServiceContext, args: ParsedArgs): Promise<Vault | undefined> {
  const v = new Vault(ctx.store.dataDir);
  if (v.state === 'absent') return undefined;
  await v.unlock(requirePassphrase(args));
  ctx.vault = v;
  return v;
}

const vault: Command = {
  name: 'vault',
  positionals: 1,
  summary: 'Coffre des données confidentielles : changer la phrase de passe, terminer la mise à jour, état',
  usage: 'vault <passphrase|migrate|status> --data DOSSIER [--passphrase-file FICHIER] [--new-passphrase-file FICHIER]',
  flags: {
    data: DATA_FLAG,
    'passphrase-file': PASSPHRASE_FLAG,
    'new-passphrase-file': { value: 'FICHIER', description: 'Nouvelle phrase de passe : première ligne de ce fichier' },
  },
  async run(args, io) {
    const verb = args.positionals[0];
    if (verb !== 'passphrase' && verb !== 'migrate' && verb !== 'status') throw new UsageError('Précisez l’opération : passphrase, migrate ou status.');
    const dir = dataDirFrom(args, { allowPending: verb !== 'passphrase' });
    if (verb === 'status') {
      const v = new Vault(dir);
      io.out(v.state === 'absent' ? 'Coffre : pas encore créé.' : `Coffre : présent (${vaultPath(dir)}), chiffré.`);
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
      if (!store.isReady) throw new DomainError('io', store.state.status === 'broken' ? store.state.message : 'Aucune donnée dans ce dossier.');
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
