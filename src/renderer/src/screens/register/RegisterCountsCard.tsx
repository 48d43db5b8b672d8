// Tableau de bord card: the register's counts of the year (« < 5 » below five), shown only when the coordinator opted in (Paramètres).
import { Anchor, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { Link } from 'react-router';
import { fr } from '../../../../shared/i18n';
import { api, useQuery } from '../../api';
import { links } from '../../app/registry';

const L = fr.register.ui;

export function RegisterCountsCard() {
  const q = useQuery(() => api().register.dashboardCounts(), []);
  const c = q.data;
  if (!c || c.state === 'off') return null;
  if (c.state === 'locked') {
    return (
      <Paper withBorder p="md" mb="lg" component="section" aria-label={fr.register.title}>
        <Text size="sm" c="dimmed">
          <IconLock size={14} aria-hidden /> {L.countsLocked}{' '}
          <Anchor component={Link} to={links.register()}>
            {fr.register.title}
          </Anchor>
        </Text>
      </Paper>
    );
  }
  return (
    <Paper withBorder p="md" mb="lg" component="section" aria-labelledby="register-counts-title">
      <Title order={2} size="h3" mb={4} id="register-counts-title">
        {L.countsHeading(c.year)}
      </Title>
      <Text size="sm" mb="sm">
        {L.countsTotal} : <strong>{c.total}</strong> — <Text span size="xs" c="dimmed">{L.countsNote}</Text>
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2, xl: 4 }}>
        {c.groups.map((g) => (
          <Stack key={g.heading} gap={2}>
            <Table verticalSpacing={2} aria-label={g.heading}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{g.heading}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {fr.register.documents.columns.count}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {g.lines.map((l) => (
                  <Table.Tr key={l.label}>
                    <Table.Td>{l.label}</Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                      {l.value}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Stack>
        ))}
      </SimpleGrid>
    </Paper>
  );
}
