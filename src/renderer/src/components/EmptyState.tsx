// Empty state that says what the list will hold and offers the first step.
import { Button, Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconInbox } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useAccess } from '../app/access';

/** `edits`: the first step creates something, so it is not offered to an account that may only read. */
export function EmptyState(props: { title: string; text: string; action?: string; onAction?: () => void; icon?: ReactNode; edits?: boolean }) {
  const { title, text, onAction, icon } = props;
  const { canEdit } = useAccess();
  const action = props.edits && !canEdit ? undefined : props.action;
  return (
    <Paper withBorder p="xl" radius="md">
      <Stack align="center" gap="sm" maw={520} mx="auto" ta="center">
        <ThemeIcon size={48} radius="xl" variant="light">
          {icon ?? <IconInbox size={28} />}
        </ThemeIcon>
        <Text fw={600} size="lg">
          {title}
        </Text>
        <Text c="dimmed">{text}</Text>
        {action && onAction ? <Button onClick={onAction}>{action}</Button> : null}
      </Stack>
    </Paper>
  );
}
