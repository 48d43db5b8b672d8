// Correspondence table (name ↔ reference): optional, only in the protected store, shown only after the passphrase is typed again, every display journalled.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { CorrespondenceView } from '../../../shared/contract/register';
import { newId } from '../../../shared/ids';
import { correspondence as c } from '../../../shared/i18n/correspondence';
import { register as t } from '../../../shared/i18n/register';
import type { ProtectedData } from '../../../shared/protected-model';
import { registerSettingsOf } from '../../../shared/register-defaults';
import { DomainError } from '../../../shared/result';
import { purgeProtected } from '../../vault/purge';
import type { ProtectedAccess } from '../../vault/types';
import { Vault } from '../../vault/vault';
import { nowIso, type ServiceContext } from '../context';
import { getSituation, logAccess, requireVault } from './common';

/** How long a re-authentication lets the coordinator edit the name just shown (no new display without the passphrase). */
export const CORRESPONDENCE_GRANT_MS = 5 * 60_000;

interface Grant {
  token: Buffer;
  situationId: string;
  expires: number;
}
/** One grant per protected store, in memory only: it dies with the process, on lock and after the delay. */
const grants = new WeakMap<ProtectedAccess, Grant>();

/** Forgets the re-authentication (called when the protected store locks). */
export function revokeCorrespondenceGrant(vault: ProtectedAccess): void {
  grants.delete(vault);
}

function requireEnabled(ctx: ServiceContext): void {
  if (!registerSettingsOf(ctx.store.data).correspondenceEnabled) throw new DomainError('forbidden', t.errors.correspondenceDisabled);
}

function validGrant(ctx: ServiceContext, vault: ProtectedAccess, situationId: string, token: string): boolean {
  const g = grants.get(vault);
  if (!g || vault.state !== 'unlocked' || g.expires <= ctx.now().getTime() || g.situationId !== situationId) return false;
  const given = Buffer.from(token, 'base64url');
  return given.length === g.token.length && timingSafeEqual(given, g.token);
}

/** Runs `remove` on the live document and on every copy of the store in backups/ (a removed name stays nowhere). */
async function purge(vault: ProtectedAccess, remove: (draft: ProtectedData) => void): Promise<void> {
  if (vault instanceof Vault) await purgeProtected(vault, remove);
  else await vault.update(remove);
}

/**
 * Shows the name linked to a situation's reference. Requires the table to be enabled, the passphrase typed
 * again (checked by the protected store, with its growing delay) and, for an archived situation, a reason.
 * Each display is written to the journal des accès; the answer carries a short-lived token to edit that name.
 */
export async function revealCorrespondence(ctx: ServiceContext, input: { id: string; passphrase: string; reason?: string }): Promise<CorrespondenceView> {
  requireEnabled(ctx);
  const vault = requireVault(ctx);
  const s = getSituation(vault.read(), input.id);
  const reason = input.reason?.trim();
  if (s.status === 'archived' && !reason) throw new DomainError('forbidden', t.errors.reasonRequired, 'reason');
  if (!input.passphrase) throw new DomainError('forbidden', t.errors.passphraseRequired, 'passphrase');
  if (!vault.verifyPassphrase) throw new DomainError('forbidden', t.errors.vaultUnavailable);
  await vault.verifyPassphrase(input.passphrase);
  await vault.update((draft) => logAccess(ctx, draft, 'correspondence_view', s.reference, reason));
  const token = randomBytes(32);
  const expires = ctx.now().getTime() + CORRESPONDENCE_GRANT_MS;
  grants.set(vault, { token, situationId: s.id, expires });
  const entry = vault.read().correspondence.find((c) => c.reference === s.reference);
  return { reference: s.reference, name: entry?.name ?? null, token: token.toString('base64url'), expiresAt: new Date(expires).toISOString() };
}

/**
 * Sets, changes or (empty name) removes the name linked to a situation, within the re-authentication just
 * made for that situation. A changed or removed name is purged from every copy of the store in the folder.
 */
export async function setCorrespondence(ctx: ServiceContext, input: { id: string; token: string; name: string }): Promise<{ reference: string; name: string | null }> {
  requireEnabled(ctx);
  const vault = requireVault(ctx);
  const s = getSituation(vault.read(), input.id);
  if (!validGrant(ctx, vault, s.id, input.token)) throw new DomainError('forbidden', t.errors.passphraseRequired, 'passphrase');
  if (s.status === 'archived') throw new DomainError('locked', t.errors.archivedReadOnly);
  const name = input.name.trim();
  const previous = vault.read().correspondence.find((c) => c.reference === s.reference);
  if ((previous?.name ?? '') === name) return { reference: s.reference, name: name || null };
  if (previous) await purge(vault, (draft) => void (draft.correspondence = draft.correspondence.filter((c) => c.reference !== s.reference)));
  await vault.update((draft) => {
    if (name) draft.correspondence.push({ reference: s.reference, name });
    logAccess(ctx, draft, 'correspondence_update', s.reference);
  });
  if (!name) await ctx.store.update((d) => void d.purgeLog.push({ id: newId('prg'), at: nowIso(ctx), kind: 'correspondence', count: 1, rule: 'manual_deletion' }));
  return { reference: s.reference, name: name || null };
}

/**
 * Turning the table off destroys it: every name is purged from the store and its copies, and the registre des
 * purges counts them. Refused while the store is locked (the names could not be destroyed).
 */
export async function destroyCorrespondenceTable(ctx: ServiceContext): Promise<number> {
  const vault = ctx.vault;
  if (!vault || vault.state === 'absent') return 0;
  if (vault.state !== 'unlocked') throw new DomainError('locked', c.errors.lockedDisable);
  revokeCorrespondenceGrant(vault);
  const count = vault.read().correspondence.length;
  if (!count) return 0;
  await purge(vault, (draft) => void (draft.correspondence = []));
  await vault.update((draft) => logAccess(ctx, draft, 'correspondence_update', undefined, c.destroyedReason));
  await ctx.store.update((d) => void d.purgeLog.push({ id: newId('prg'), at: nowIso(ctx), kind: 'correspondence', count, rule: 'manual_deletion' }));
  return count;
}
