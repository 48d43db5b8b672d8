// Page title with an optional subtitle and the page's main action on the right.
import { Box, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { rowFallback, rowKey, rowList } from './rowFocus';

/**
 * The main actions are one « row » for the focus keeper (rowFocus): a button that goes away once used (« Passer en
 * suivi », « Convoquer ») hands the focus to its neighbour, and to the page title when no action is left.
 */
export function PageHeader({ title, subtitle, actions }: { title: ReactNode; subtitle?: ReactNode; actions?: ReactNode }) {
  return (
    <Group justify="space-between" align="flex-start" mb="lg">
      <Stack gap={2}>
        <Title order={1} size="h2" {...rowFallback('page-header')}>
          {title}
        </Title>
        {subtitle ? (
          <Text c="dimmed" size="sm">
            {subtitle}
          </Text>
        ) : null}
      </Stack>
      {actions ? (
        <Box {...rowList('page-header')}>
          <Group gap="sm" {...rowKey('actions')}>
            {actions}
          </Group>
        </Box>
      ) : null}
    </Group>
  );
}
