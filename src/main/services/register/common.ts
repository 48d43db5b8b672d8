// Shared helpers of the register services: the unlocked protected store, the OS user, the access journal, qualifying instances.
import { userInfo } from 'node:os';
import { newId } from '../../../shared/ids';
import { register as t } from '../../../shared/i18n/register';
import { registerAllowed } from '../../../shared/instance-rules';
import type { Datastore, Instance } from '../../../shared/model';
import type { ProtectedData } from '../../../shared/protected-model';
import type { AccessAction, Situation } from '../../../shared/register-model';
import { DomainError } from '../../../shared/result';
import type { ProtectedAccess } from '../../vault/types';
import { nowIso, type ServiceContext } from '../context';

/** The protected store; throws a French error where none is wired (the vault itself refuses while locked). */
export function requireVault(ctx: ServiceContext): ProtectedAccess {
  if (!ctx.vault) throw new DomainError('forbidden', t.errors.vaultUnavailable);
  return ctx.vault;
}

/** The register when the protected store is unlocked, undefined otherwise (reminders, dashboard counts). */
export function readIfUnlocked(ctx: ServiceContext): ProtectedData | undefined {
  return ctx.vault?.state === 'unlocked' ? ctx.vault.read() : undefined;
}

/** Who acts: the operating system's user name (single-user desktop app). */
export function currentUser(): string {
  try {
    return userInfo().username || 'inconnu';
  } catch {
    return 'inconnu';
  }
}

/** Appends one line to the journal des accès inside the draft being written. */
export function logAccess(ctx: ServiceContext, draft: ProtectedData, action: AccessAction, reference?: string, reason?: string): void {
  draft.accessLog.push({
    id: newId('acc'),
    at: nowIso(ctx),
    user: currentUser().slice(0, 300),
    action,
    ...(reference ? { reference } : {}),
    ...(reason ? { reason: reason.slice(0, 300) } : {}),
  });
}

/** Only confidential L132-5 working groups and the confidential CDDF may follow situations (CNIL AU-038). */
export function canFollowSituations(i: Pick<Instance, 'kind' | 'confidentiality'>): boolean {
  return registerAllowed(i);
}

export function qualifyingInstances(data: Datastore): Instance[] {
  return data.instances.filter(canFollowSituations);
}

export function getSituation(p: ProtectedData, id: string): Situation {
  const s = p.situations.find((x) => x.id === id);
  if (!s) throw new DomainError('not_found', t.errors.notFound);
  return s;
}

export function todayOf(ctx: ServiceContext): string {
  return ctx.now().toISOString().slice(0, 10);
}
