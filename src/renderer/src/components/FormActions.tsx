// The row that ends every form: « Annuler » then the main button (« Enregistrer » unless told otherwise).
import { Button, Group } from '@mantine/core';
import { fr } from '../../../shared/i18n';

export function FormActions({ onCancel, onSubmit, busy, submitLabel = fr.actions.save }: { onCancel: () => void; onSubmit: () => void; busy?: boolean; submitLabel?: string }) {
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel}>
        {fr.actions.cancel}
      </Button>
      <Button onClick={onSubmit} loading={busy}>
        {submitLabel}
      </Button>
    </Group>
  );
}
