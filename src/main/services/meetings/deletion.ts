// The end of a held meeting's life: final deletion after confirmation, written to the registre des purges; what pointed to it keeps working.
import type { MeetingDeletedFinal } from '../../../shared/contract/meetings';
import { meetingLife as t } from '../../../shared/i18n/governance';
import { newId } from '../../../shared/ids';
import type { PurgeEntry } from '../../../shared/model';
import type { ProtectedData } from '../../../shared/protected-model';
import { DomainError } from '../../../shared/result';
import { Vault, purgeProtected } from '../../vault';
import { nowIso, type ServiceContext } from '../context';
import { getMeeting } from './common';


/**
 * Deletes a meeting for good, whatever its status (held and validated ones included): no undo, a line in the
 * registre des purges (kind 'meeting_deleted', count 1, rule 'manual_deletion'). Its texts kept in the protected
 * store are destroyed with it (crypto-shredding of every copy), so a confidential meeting needs the store
 * unlocked. Plan actions it created stay, and their journal entries, later follow-ups and charter reviews that
 * name it show « réunion supprimée ».
 */
export async function deleteMeetingFinal(ctx: ServiceContext, id: string, confirmed: boolean): Promise<MeetingDeletedFinal> {
  if (!confirmed) throw new DomainError('invalid_input', t.mustConfirm, 'confirm');
  const meeting = getMeeting(ctx.store.data, id);
  const vault = ctx.vault;
  const unlocked = vault?.state === 'unlocked';
  if (vault?.state === 'locked' && meeting.confidentiality === 'confidential') throw new DomainError('locked', t.deleteNeedsUnlock);
  const protectedTexts = unlocked && vault.read().meetingTexts.some((x) => x.meetingId === id);
  const purge = await ctx.store.update((data) => {
    const m = getMeeting(data, id);
    data.meetings.splice(data.meetings.indexOf(m), 1);
    // Journal entries of plan actions keep the meeting's id (shown as « réunion supprimée »); remember whether
    // what it said was confidential, since the meeting can no longer tell.
    const instance = data.instances.find((i) => i.id === m.instanceId);
    const confidential = m.confidentiality === 'confidential' || instance?.confidentiality === 'confidential';
    if (confidential) {
      for (const a of data.actions) for (const j of a.journal) if (j.meetingId === id) j.deletedMeetingConfidential = true;
    }
    const entry: PurgeEntry = { id: newId('prg'), at: nowIso(ctx), kind: 'meeting_deleted', count: 1, rule: 'manual_deletion' };
    data.purgeLog.push(entry);
    return entry;
  });
  if (protectedTexts && vault) {
    // After the main store: a failure here leaves texts of a meeting that no longer exists, which the
    // retention engine destroys at its date; never the reverse (a meeting whose texts vanished early).
    const remove = (d: ProtectedData) => {
      d.meetingTexts = d.meetingTexts.filter((x) => x.meetingId !== id);
    };
    if (vault instanceof Vault) await purgeProtected(vault, remove);
    else await vault.update(remove);
  }
  return { label: t.deletedFinal(meeting.title), purge };
}
