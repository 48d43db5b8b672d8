// « Déplacer l’action » dialog: choose another objective of the same period.
import { Button, Group, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { strategyContract } from '../../../../../shared/contract/strategy';
import { fr } from '../../../../../shared/i18n';
import type { Action } from '../../../../../shared/model';
import { api, call, useQuery } from '../../../api';
import { useFormSubmit } from '../../../components/useFormSubmit';
import { objectiveOptions } from '../forms';

const s = fr.strategy.ui;

export function MoveForm({ action, onDone }: { action: Action; onDone: () => void }) {
  const tree = useQuery(() => api().strategy.tree({ periodId: action.periodId }), [action.periodId]);
  const [objectiveId, setObjectiveId] = useState(action.objectiveId ?? '');
  const { errors, busy, submit: check } = useFormSubmit('objectiveId');
  const submit = () =>
    check(strategyContract['actions:move'].input, { ids: [action.id], objectiveId }, async (input) => {
      await call(api().actions.move(input), { mutation: true, success: s.moved });
      onDone();
    });
  return (
    <Stack>
      <Select label={s.fields.objective} data={objectiveOptions(tree.data)} value={objectiveId} onChange={(x) => setObjectiveId(x ?? '')} searchable allowDeselect={false} error={errors.objectiveId} />
      <Text size="xs" c="dimmed">
        {s.moveHelp}
      </Text>
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          {fr.actions.cancel}
        </Button>
        <Button loading={busy} onClick={submit}>
          {s.moveAction}
        </Button>
      </Group>
    </Stack>
  );
}
