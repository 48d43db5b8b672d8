// Shown on a confidential meeting whose texts are in the locked coffre: says so and offers to unlock on the spot.
import { Alert, Stack } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { fr } from '../../../../shared/i18n';
import { UnlockForm } from './UnlockForm';

export function TextsLocked({ onUnlocked }: { onUnlocked: () => void }) {
  return (
    <Alert color="red" icon={<IconLock size={18} />} title={fr.vault.screens.unlockTitle} mb="md">
      <Stack maw={460}>
        {fr.vault.screens.textsLocked}
        <UnlockForm onUnlocked={onUnlocked} />
      </Stack>
    </Alert>
  );
}
