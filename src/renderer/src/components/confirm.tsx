// Confirmation before destroying anything, and the undo notification that follows a deletion.
import { Button, Group, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { fr } from '../../../shared/i18n';
import type { Result } from '../../../shared/result';
import { api, call, type CallOptions } from '../api';
import { focusRestoredRow, forgetFocusedRow, focusedPlace, type RowPlace } from './rowFocus';

/** Asks for confirmation; resolves true when the user confirmed. */
export function confirmDanger(title: string, message: string, confirmLabel: string = fr.actions.delete): Promise<boolean> {
  return new Promise((resolve) => {
    modals.openConfirmModal({
      title,
      children: <Text size="sm">{message}</Text>,
      labels: { confirm: confirmLabel, cancel: fr.actions.cancel },
      confirmProps: { color: 'red' },
      onConfirm: () => resolve(true),
      onCancel: () => resolve(false),
      onClose: () => resolve(false),
    });
  });
}

/**
 * Shows « … supprimé » with an « Annuler la suppression » button calling undo:restore; given the row the deletion
 * started from (`placeOf` the focused control), the undo puts the focus back on that row once it is shown again.
 */
export function notifyDeleted(deleted: { undoToken: string; label: string }, place: RowPlace | null = null): void {
  const id = `undo-${deleted.undoToken}`;
  notifications.show({
    id,
    autoClose: 10_000,
    message: (
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm">{deleted.label}</Text>
        <Button
          size="xs"
          variant="light"
          onClick={async () => {
            forgetFocusedRow();
            notifications.hide(id);
            // A refusal is shown by call(); the focus then goes near the row at once instead of waiting for it.
            const restored = await call(api().undo.restore({ undoToken: deleted.undoToken }), { mutation: true, success: fr.actions.undone }).then(
              () => true,
              () => false,
            );
            if (place) await focusRestoredRow(place, restored ? undefined : 0);
          }}
        >
          {fr.actions.undo}
        </Button>
      </Group>
    ),
  });
}

/**
 * The one way to delete with undo: asks for confirmation, runs the deletion as a mutation, then shows the undo
 * notification. Resolves true when the record was deleted, false when the user cancelled (a refusal throws ApiError,
 * also shown as a notification unless `notifyError: false`, for callers that show it themselves).
 */
export async function deleteWithUndo(
  title: string,
  message: string,
  remove: () => Promise<Result<{ undoToken: string; label: string }>>,
  confirmLabel?: string,
  options: Pick<CallOptions, 'notifyError'> = {},
): Promise<boolean> {
  // The control that asked for the deletion: its row, for the undo (the focus itself is kept by rowFocus's watcher).
  const place = focusedPlace();
  if (!(await confirmDanger(title, message, confirmLabel))) return false;
  notifyDeleted(await call(remove(), { mutation: true, ...options }), place);
  return true;
}
