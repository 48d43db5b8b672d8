// The one way every CLI command gets the coffre's passphrase: --passphrase-file (first line) or CLSPD_PASSPHRASE, never an argument.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { cli as tc } from '../../shared/i18n/cli';
import { vault as tv } from '../../shared/i18n/vault';
import { Vault } from '../vault/vault';
import { type FlagSpec, type ParsedArgs, stringFlag, UsageError } from './framework';

export const PASSPHRASE_FLAG: FlagSpec = { value: 'FICHIER', description: tc.passphraseFlag };

/** First line of `file`, line ending removed; an unreadable file is a usage error (exit code 2, nothing done). */
function firstLine(file: string): string {
  let text: string;
  try {
    text = readFileSync(resolve(file), 'utf8');
  } catch {
    throw new UsageError(tv.cli.passphraseFileUnreadable(file));
  }
  return text.split(/\r?\n/, 1)[0] ?? '';
}

/** The passphrase from --passphrase-file (or `flag`) or CLSPD_PASSPHRASE; undefined when neither. */
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
 * The folder's coffre, unlocked, or undefined when the folder has none (nothing is asked then). A missing
 * passphrase exits with 2, a wrong one with 1; neither writes anything.
 */
export async function unlockedVault(dataDir: string, args: ParsedArgs): Promise<Vault | undefined> {
  const v = new Vault(dataDir);
  if (v.state === 'absent') return undefined;
  await v.unlock(requirePassphrase(args));
  return v;
}
