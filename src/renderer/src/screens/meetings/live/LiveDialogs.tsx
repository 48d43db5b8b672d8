// The séance's two dialogs: « Raccourcis clavier de la séance » (F1) and « Terminer la séance » (Ctrl+Maj+F) with the next meeting's date.
import { Button, Divider, Group, Kbd, Modal, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { fr } from '../../../../../shared/i18n';
import { DateField, INVALID_DATE } from '../../../components/DateField';

const L = fr.meetings.ui;

export function ShortcutsDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title={L.shortcutsTitle}>
      <Table>
        <Table.Tbody>
          {L.shortcutList.map(([k, label]) => (
            <Table.Tr key={k}>
              <Table.Td>
                <Kbd>{k}</Kbd>
              </Table.Td>
              <Table.Td>{label}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Modal>
  );
}

export function EndSessionDialog({ opened, onClose, onEnd }: { opened: boolean; onClose: () => void; onEnd: (nextDate: string) => Promise<void> }) {
  const [nextDate, setNextDate] = useState('');
  return (
    <Modal opened={opened} onClose={onClose} title={L.endSession}>
      <Stack gap="sm">
        <Text size="sm">{L.endSessionText}</Text>
        <DateField label={L.nextMeetingDate} value={nextDate} onChange={setNextDate} error={nextDate === INVALID_DATE ? fr.meetings.ux.invalidDate : undefined} />
        <Divider />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {fr.actions.cancel}
          </Button>
          <Button color="teal" onClick={() => onEnd(nextDate)} disabled={nextDate === INVALID_DATE}>
            {L.endSession}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
