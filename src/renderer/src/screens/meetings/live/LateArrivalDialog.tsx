// « Ajouter un participant arrivé sans invitation »: a known person or a guest's name, marked present at the current time.
import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { fr } from '../../../../../shared/i18n';
import type { Meeting } from '../../../../../shared/model';
import { api, call, useQuery } from '../../../api';
import { nowClock } from '../badges';

const L = fr.meetings.ui;

export function LateArrivalDialog({ meeting, opened, onClose }: { meeting: Meeting; opened: boolean; onClose: () => void }) {
  const [personId, setPersonId] = useState<string | null>(null);
  const [guestName, setGuestName] = useState('');
  const people = useQuery(() => api().people.list(), []);
  return (
    <Modal opened={opened} onClose={onClose} title={L.lateAddition}>
      <Stack gap="sm">
        <Select label={L.person} searchable clearable data={(people.data ?? []).filter((p) => !meeting.invitees.some((i) => i.personId === p.id)).map((p) => ({ value: p.id, label: `${p.firstName} ${p.lastName}`.trim() }))} value={personId} onChange={setPersonId} />
        <TextInput label={L.guestName} value={guestName} onChange={(e) => setGuestName(e.currentTarget.value)} disabled={Boolean(personId)} />
        <Group justify="flex-end">
          <Button
            onClick={async () => {
              await call(api().meetings.addInvitee({ meetingId: meeting.id, ...(personId ? { personId } : { guest: { guestName } }), present: true, arrivedAt: nowClock() }), { mutation: true }).catch(() => undefined);
              onClose();
              setPersonId(null);
              setGuestName('');
            }}
          >
            {fr.actions.add}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
