// The explicit choice to include confidential content in a shared file (confirmation dialog, CSI L132-5).
import { Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { fr } from '../../../../shared/i18n';

const T = fr.sharing.dialog;

/** Asks the coordinator to confirm; resolves true only on an explicit « Inclure et marquer le fichier ». */
export function confirmIncludeConfidential(): Promise<boolean> {
  return new Promise((resolve) => {
    modals.openConfirmModal({
      title: T.confirmConfidentialTitle,
      children: <Text size="sm">{T.confirmConfidential}</Text>,
      labels: { confirm: T.confirmInclude, cancel: fr.actions.cancel },
      confirmProps: { color: 'red' },
      onConfirm: () => resolve(true),
      onCancel: () => resolve(false),
      onClose: () => resolve(false),
    });
  });
}
