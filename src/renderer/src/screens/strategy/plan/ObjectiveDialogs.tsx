// Dialogs about an objective: one that still has actions (move them then delete, or archive it), and moving it to another axis.
import { Button, Group, Select, Stack, Text } from '@mantine/core';
import { IconArchive } from '@tabler/icons-react';
import { useState } from 'react';
import { fr } from '../../../../../shared/i18n';

const s = fr.strategy.ui;

/** Offered when deleting an objective that still has actions: move them elsewhere then delete, or archive the objective. */
export function ObjectiveFullDialog({
  objective,
  options,
  onArchive,
  onMovedAndDelete,
  onCancel,
}: {
  objective: { title: string; actionIds: string[] };
  options: { group: string; items: { value: string; label: string }[] }[];
  onArchive: () => Promise<void>;
  onMovedAndDelete: (objectiveId: string) => Promise<void>;
  onCancel: () => void;
}) {
  const [target, setTarget] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <Stack>
      <Text size="sm">{fr.strategy.errors.objectiveHasActions(objective.actionIds.length)}</Text>
      <Select label={s.moveActionsTo} data={options} value={target} onChange={setTarget} searchable placeholder={s.chooseObjective} />
      <Group justify="space-between">
        <Button variant="default" leftSection={<IconArchive size={16} />} onClick={onArchive}>
          {s.archiveObjectiveInstead}
        </Button>
        <Group gap="xs">
          <Button variant="default" onClick={onCancel}>
            {fr.actions.cancel}
          </Button>
          <Button
            color="red"
            disabled={target === null}
            title={target === null ? s.chooseObjectiveFirst : undefined}
            loading={busy}
            onClick={async () => {
              setBusy(true);
              try {
                await onMovedAndDelete(target ?? '');
              } finally {
                setBusy(false);
              }
            }}
          >
            {s.moveThenDelete}
          </Button>
        </Group>
      </Group>
    </Stack>
  );
}

export function MoveObjectiveDialog({ axes, onMove, onCancel }: { axes: { value: string; label: string }[]; onMove: (axisId: string) => Promise<void>; onCancel: () => void }) {
  const [axisId, setAxisId] = useState<string | null>(null);
  return (
    <Stack>
      <Select label={s.filters.axis} data={axes} value={axisId} onChange={setAxisId} placeholder={s.chooseAxis} />
      <Text size="xs" c="dimmed">
        {s.moveObjectiveHelp}
      </Text>
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          {fr.actions.cancel}
        </Button>
        <Button disabled={!axisId} onClick={() => axisId && onMove(axisId)}>
          {s.moveObjectiveToAxis}
        </Button>
      </Group>
    </Stack>
  );
}
