// Instance page: every membership, current and past, newest first.
import { Paper, Table, Text } from '@mantine/core';
import type { MemberRow } from '../../../../../shared/contract/meetings';
import { formatShortDate } from '../../../../../shared/format';
import { fr } from '../../../../../shared/i18n';
import { WideTable } from '../../../components/WideTable';

const L = fr.meetings.ui;

export function MembershipHistory({ history }: { history: MemberRow[] }) {
  return (
    <>
      <Text fw={700}>{L.history}</Text>
      <Paper withBorder>
        <WideTable verticalSpacing={4} aria-label={L.history}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{L.person}</Table.Th>
              <Table.Th>{L.guestOrganisation}</Table.Th>
              <Table.Th>{L.role}</Table.Th>
              <Table.Th>{L.startDate}</Table.Th>
              <Table.Th>{L.endDate}</Table.Th>
              <Table.Th>{L.colStatus}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {history.map((r) => (
              <Table.Tr key={r.membership.id}>
                <Table.Td>{r.personName}</Table.Td>
                <Table.Td>{r.organisationName}</Table.Td>
                <Table.Td>
                  {fr.memberRole[r.membership.role]}, {fr.seat[r.membership.seat].toLowerCase()}
                </Table.Td>
                <Table.Td>{formatShortDate(r.membership.startDate)}</Table.Td>
                <Table.Td>{r.membership.endDate ? formatShortDate(r.membership.endDate) : '—'}</Table.Td>
                <Table.Td>{r.current ? L.current : L.ended}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </WideTable>
      </Paper>
    </>
  );
}
