// Building blocks of the fiche action's layout: a titled section, a grid of read-only fields, the « Modifier » button.
import { Button, Group, Paper, SimpleGrid, Text, Title } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { fr } from '../../../../../shared/i18n';
import { rowFallback } from '../../../components/rowFocus';

const s = fr.strategy.ui;

export function EditButton({ onClick }: { onClick: () => void }) {
  return (
    <Button size="xs" variant="subtle" leftSection={<IconPencil size={14} />} onClick={onClick}>
      {fr.actions.edit}
    </Button>
  );
}

/** `fallbackFor` names the list whose last row, when it goes, leaves the focus on this section's heading. */
export function Section({ title, action, children, fallbackFor }: { title: string; action?: ReactNode; children: ReactNode; fallbackFor?: string }) {
  return (
    <Paper withBorder p="md" component="section" aria-label={title}>
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" {...(fallbackFor ? rowFallback(fallbackFor) : {})}>
          {title}
        </Title>
        {action}
      </Group>
      {children}
    </Paper>
  );
}

export function Fields({ items }: { items: [string, string | undefined][] }) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="xs">
      {items.map(([label, value]) => (
        <div key={label}>
          <Text size="xs" c="dimmed" fw={600}>
            {label}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-line' }} c={value ? undefined : 'dimmed'}>
            {value || s.notFilled}
          </Text>
        </div>
      ))}
    </SimpleGrid>
  );
}
