// Team mode, coordinator's desktop: a meeting made public whose texts the server refused when given back says so (they are shown from the coffre).
import { Alert } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { teamCoffre } from '../../../../../shared/i18n/team-coffre';

export function GiveBackNotice({ count }: { count?: number }) {
  if (!count) return null;
  return (
    <Alert color="yellow" icon={<IconLock size={16} aria-hidden />} role="status" data-testid="give-back-notice" mb="sm">
      {teamCoffre.giveBackPending(count)}
    </Alert>
  );
}
