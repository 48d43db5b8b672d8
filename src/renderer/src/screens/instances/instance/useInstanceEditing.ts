// Instance page: which dialog is open, the values being typed, and every change made from the page (members, charter, edit, close, reopen).
import { useState } from 'react';
import { meetingsContract, MembershipInput, type MemberRow } from '../../../../../shared/contract/meetings';
import { todayIso } from '../../../../../shared/format';
import { fr } from '../../../../../shared/i18n';
import type { Instance } from '../../../../../shared/model';
import { api, ApiError, call } from '../../../api';
import { deleteWithUndo } from '../../../components/confirm';
import { useFormSubmit } from '../../../components/useFormSubmit';
import { emptyMemberForm, instanceForm, memberInput, type InstanceForm, type MemberForm } from './membership';

const L = fr.meetings.ui;
const C = meetingsContract;

/** A dialog's open state with its form hook: closing it forgets the messages shown in it. */
function useDialogForm<T>(fallbackField: string, closed: T) {
  const [value, setValue] = useState<T>(closed);
  const form = useFormSubmit(fallbackField);
  const hide = () => {
    form.setErrors({});
    setValue(closed);
  };
  return { value, setValue, form, hide };
}

export function useInstanceEditing(id: string) {
  const adding = useDialogForm('personId', false);
  const [member, setMember] = useState<MemberForm>(() => emptyMemberForm());
  const ending = useDialogForm<MemberRow | null>('endDate', null);
  const [endDate, setEndDate] = useState(todayIso());
  const closing = useDialogForm('reason', false);
  const [close, setClose] = useState({ closedAt: todayIso(), reason: '' });
  const [meetingOpen, setMeetingOpen] = useState(false);
  const editing = useDialogForm<InstanceForm | null>('patch.name', null);
  // A refused removal is explained on the page (the « Fin de mandat » dialog opens instead).
  const [refusal, setRefusal] = useState<string>();

  // Each dialog checks its values with its channel's own input schema; a refusal keeps it open with the message under the field.
  const addMember = () =>
    adding.form.submit(MembershipInput, memberInput(id, member), async (input) => {
      await call(api().memberships.add(input), { mutation: true, success: L.memberAdded });
      adding.hide();
    });
  const endMembership = async () => {
    if (!ending.value) return;
    await ending.form.submit(C['memberships:end'].input, { id: ending.value.membership.id, endDate }, async (input) => {
      await call(api().memberships.end(input), { mutation: true });
      ending.hide();
    });
  };
  const removeMembership = async (row: MemberRow) => {
    try {
      await deleteWithUndo(L.removeMembership, `${row.personName} — ${row.organisationName}`, () => api().memberships.remove({ id: row.membership.id }), undefined, { notifyError: false });
    } catch (e) {
      // Refused because the person is still referenced: offer to end the membership instead.
      if (e instanceof ApiError) {
        setRefusal(e.info.message);
        ending.setValue(row);
      }
    }
  };
  const signCharter = (row: MemberRow) => call(api().memberships.update({ id: row.membership.id, patch: { charterSignedAt: todayIso() } }), { mutation: true, success: L.signCharter }).catch(() => undefined);
  const saveEdit = async () => {
    if (!editing.value) return;
    await editing.form.submit(C['instances:update'].input, { id, patch: editing.value }, async (input) => {
      await call(api().instances.update(input), { mutation: true });
      editing.hide();
    });
  };
  const closeInstance = () =>
    closing.form.submit(C['instances:close'].input, { id, ...close }, async (input) => {
      await call(api().instances.close(input), { mutation: true });
      closing.hide();
    });
  const reopen = () => call(api().instances.reopen({ id }), { mutation: true }).catch(() => undefined);

  return {
    error: refusal,
    clearError: () => setRefusal(undefined),
    member: { open: adding.value, show: () => adding.setValue(true), hide: adding.hide, form: member, setForm: setMember, submit: addMember, errors: adding.form.errors },
    end: { row: ending.value, show: ending.setValue, hide: ending.hide, date: endDate, setDate: setEndDate, submit: endMembership, errors: ending.form.errors },
    close: { open: closing.value, show: () => closing.setValue(true), hide: closing.hide, form: close, setForm: setClose, submit: closeInstance, errors: closing.form.errors },
    edit: { form: editing.value, show: (instance: Instance) => editing.setValue(instanceForm(instance)), hide: editing.hide, setForm: editing.setValue, submit: saveEdit, errors: editing.form.errors },
    meeting: { open: meetingOpen, show: () => setMeetingOpen(true), hide: () => setMeetingOpen(false) },
    removeMembership,
    signCharter,
    reopen,
  };
}

export type InstanceEditing = ReturnType<typeof useInstanceEditing>;
