// An archived situation is opened only with a reason (written in the journal des accès): the reason asked before it is shown.
import { Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { IconArchive } from '@tabler/icons-react';
import { useState } from 'react';
import { registerContract } from '../../../../shared/contract/register';
import { fr } from '../../../../shared/i18n';
import { useFormSubmit } from '../../components/useFormSubmit';

const L = fr.register.ui;

/** The reason is checked with `register:get`'s own schema (required, at most 300 characters) before the situation is asked for. */
export function ArchivedReasonForm({ situationId, onReason }: { situationId: string; onReason(reason: string): void }) {
  const [typed, setTyped] = useState('');
  const { errors, submit } = useFormSubmit('reason');
  return (
    <Paper withBorder p="lg" maw={620}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit(registerContract['register:get'].input, { id: situationId, reason: typed }, async (input) => {
            if (input.reason) onReason(input.reason);
          });
        }}
      >
        <Stack>
          <Group gap="xs">
            <IconArchive size={20} aria-hidden />
            <Text>{L.archivedText}</Text>
          </Group>
          <TextInput label={L.consultReason} required value={typed} onChange={(e) => setTyped(e.currentTarget.value)} error={errors.reason} data-autofocus />
          <Group justify="flex-end">
            <Button type="submit">{L.consult}</Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
