// Honest save indicator: « Enregistré », « Enregistrement… » or « Non enregistré — voir ».
import { Badge, Popover, Text } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconLoader2 } from '@tabler/icons-react';
import { fr } from '../../../shared/i18n';
import { useSaveState } from '../api';

export function SaveIndicator() {
  const s = useSaveState();
  if (s.status === 'saving')
    return (
      <Badge variant="light" color="gray" leftSection={<IconLoader2 size={14} />} aria-live="polite">
        {fr.saveState.saving}
      </Badge>
    );
  if (s.status === 'error')
    return (
      <Popover width={320} withArrow>
        <Popover.Target>
          <Badge component="button" variant="filled" color="red" leftSection={<IconAlertTriangle size={14} />} aria-live="assertive" style={{ cursor: 'pointer' }}>
            {fr.saveState.error}
          </Badge>
        </Popover.Target>
        <Popover.Dropdown>
          <Text size="sm">{s.message}</Text>
        </Popover.Dropdown>
      </Popover>
    );
  return (
    <Badge variant="light" color="teal" leftSection={<IconCheck size={14} />} aria-live="polite">
      {fr.saveState.saved}
    </Badge>
  );
}
