// Instance page: which dialog is open, the values being typed, and every change made from the page (members, charter, edit, close, reopen).
import { useState } from 'react';
import type { MemberRow } from '../../../../../shared/contract/meetings';
import { todayIso } from '../../../../../shared/format';
import { fr } from '../../../../../shared/i18n';
import type { Instance } from '../../../../../shared/model';
import { api, ApiError, call } from '../../../api';
import { deleteWithUndo } from '../../../components/confirm';
import { useRefusal } from './useRefusal';
import { emptyMemberForm, instanceForm, memberInput, type InstanceForm, type MemberForm } from './membership';

const L = fr.meetings.ui;

export function useInstanceEditing(id: string) {
  const [adding, setAdding] = useState(false);
  const [member, setMember] = useState<MemberForm>(() => emptyMemberForm());
  const [ending, setEnding] = useState<MemberRow | null>(null);
  const [endDate, setEndDate] = useState(todayIso());
  const [closing, setClosing] = useState(false);
  const [close, setClose] = useState({ closedAt: todayIso(), reason: '' });
  const [meetingOpen, setMeetingOpen] = useState(false);
  const [editing, setEditing] = useState<InstanceForm | null>(null);
  // A refusal's message is shown on the page and in the dialog.
  const { refusal, setRefusal, attempt } = useRefusal();

  const addMember = async () => {
    if (await attempt(() => call(api().memberships.add(memberInput(id, member)), { mutation: true, success: 'Membre ajouté.' }))) setAdding(false);
  };
  const endMembership = async () => {
    if (!ending) return;
    const target = ending.membership.id;
    if (await attempt(() => call(api().memberships.end({ id: target, endDate }), { mutation: true }))) setEnding(null);
  };
  const removeMembership = async (row: MemberRow) => {
    try {
      await deleteWithUndo(L.removeMembership, `${row.personName} — ${row.organisationName}`, () => api().memberships.remove({ id: row.membership.id }), undefined, { notifyError: false });
    } catch (e) {
      // Refused because the person is still referenced: offer to end the membership instead.
      if (e instanceof ApiError) {
        setRefusal({ message: e.info.message });
        setEnding(row);
      }
    }
  };
  const signCharter = (row: MemberRow) => call(api().memberships.update({ id: row.membership.id, patch: { charterSignedAt: todayIso() } }), { mutation: true, success: L.signCharter }).catch(() => undefined);
  const saveEdit = async () => {
    if (!editing) return;
    const patch = editing;
    if (await attempt(() => call(api().instances.update({ id, patch }), { mutation: true }))) setEditing(null);
  };
  const closeInstance = async () => {
    if (await attempt(() => call(api().instances.close({ id, ...close }), { mutation: true }))) setClosing(false);
  };
  const reopen = () => call(api().instances.reopen({ id }), { mutation: true }).catch(() => undefined);

  return {
    error: refusal?.message,
    clearError: () => setRefusal(undefined),
    member: { open: adding, show: () => setAdding(true), hide: () => setAdding(false), form: member, setForm: setMember, submit: addMember },
    end: { row: ending, show: setEnding, hide: () => setEnding(null), date: endDate, setDate: setEndDate, submit: endMembership },
    close: { open: closing, show: () => setClosing(true), hide: () => setClosing(false), form: close, setForm: setClose, submit: closeInstance },
    edit: { form: editing, show: (instance: Instance) => setEditing(instanceForm(instance)), hide: () => setEditing(null), setForm: setEditing, submit: saveEdit },
    meeting: { open: meetingOpen, show: () => setMeetingOpen(true), hide: () => setMeetingOpen(false) },
    removeMembership,
    signCharter,
    reopen,
  };
}

export type InstanceEditing = ReturnType<typeof useInstanceEditing>;
