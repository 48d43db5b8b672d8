// « Ajouter un participant arrivé sans invitation »: a known person or a guest's name, marked present at the current time.
import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { fr } from '../../../../../shared/i18n';
import { GuestInput } from '../../../../../shared/contract/meetings';
import type { Meeting } from '../../../../../shared/model';
import { api, call, useQuery } from '../../../api';
import { useFormSubmit } from '../../../components/useFormSubmit';
import { nowClock } from '../badges';

const L = fr.meetings.ui;

export function LateArrivalDialog({ meeting, opened, onClose }: { meeting: Meeting; opened: boolean; onClose: () => void }) {
  const [personId, setPersonId] = useState<string | null>(null);
  const [guestName, setGuestName] = useState('');
  const people = useQuery(() => api().people.list(), []);
  const { errors, setErrors, run, submit } = useFormSubmit('guestName');
  const done = () => {
    onClose();
    setPersonId(null);
    setGuestName('');
  };
  // A known person, else a guest checked with the channel's own GuestInput (name required) before anything is saved.
  const add = () =>
    personId
      ? run({}, async () => {
          await call(api().meetings.addInvitee({ meetingId: meeting.id, personId, present: true, arrivedAt: nowClock() }), { mutation: true });
          done();
        })
      : submit(GuestInput, { guestName }, async (guest) => {
          await call(api().meetings.addInvitee({ meetingId: meeting.id, guest, present: true, arrivedAt: nowClock() }), { mutation: true });
          done();
        });
  return (
    <Modal
      opened={opened}
      onClose={() => {
        setErrors({});
        onClose();
      }}
      title={L.lateAddition}
    >
      <Stack gap="sm">
        <Select label={L.person} searchable clearable data={(people.data ?? []).filter((p) => !meeting.invitees.some((i) => i.personId === p.id)).map((p) => ({ value: p.id, label: `${p.firstName} ${p.lastName}`.trim() }))} value={personId} error={errors.personId} onChange={setPersonId} />
        <TextInput label={L.guestName} value={guestName} error={errors.guestName} onChange={(e) => setGuestName(e.currentTarget.value)} disabled={Boolean(personId)} />
        <Group justify="flex-end">
          <Button onClick={() => void add()}>
            {fr.actions.add}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
