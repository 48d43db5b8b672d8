// Honest save indicator: « Enregistré », « Enregistrement… » or « Non enregistré — voir », in one polite live region that stays mounted (so screen readers hear each change).
import { Badge, Box, Popover, Text } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconLoader2 } from '@tabler/icons-react';
import { fr } from '../../../shared/i18n';
import { useSaveState } from '../api';

function Current() {
  const s = useSaveState();
  if (s.status === 'saving')
    return (
      <Badge variant="light" color="gray" leftSection={<IconLoader2 size={14} aria-hidden />}>
        {fr.saveState.saving}
      </Badge>
    );
  if (s.status === 'error')
    return (
      <Popover width={320} withArrow>
        <Popover.Target>
          <Badge component="button" variant="filled" color="red" leftSection={<IconAlertTriangle size={14} aria-hidden />} style={{ cursor: 'pointer' }}>
            {fr.saveState.error}
          </Badge>
        </Popover.Target>
        <Popover.Dropdown>
          <Text size="sm">{s.message}</Text>
        </Popover.Dropdown>
      </Popover>
    );
  return (
    <Badge variant="light" color="teal" leftSection={<IconCheck size={14} aria-hidden />}>
      {fr.saveState.saved}
    </Badge>
  );
}

export function SaveIndicator() {
  return (
    <Box role="status" aria-live="polite" style={{ flexShrink: 0 }}>
      <Current />
    </Box>
  );
}
