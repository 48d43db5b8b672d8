// Instance page, right column: the instance's meetings, the plan actions it follows, and this year's attendance by institution.
import { Group, Paper, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { AttendanceStatsRow, InstanceDetail } from '../../../../../shared/contract/meetings';
import { formatPercent, formatShortDate } from '../../../../../shared/format';
import { fr } from '../../../../../shared/i18n';
import { links } from '../../../app/registry';
import { WideTable } from '../../../components/WideTable';
import { MeetingStatusBadge } from '../../meetings/badges';

const L = fr.meetings.ui;
const U = fr.meetings.ux;
/** The most recent meetings listed here (the meetings screen has them all). */
const MEETINGS_SHOWN = 12;

/** A bordered panel with its title, and a line saying what it will hold while it is empty. */
function SidePanel({ title, empty, emptyText, children }: { title: string; empty: boolean; emptyText: string; children: ReactNode }) {
  return (
    <Paper withBorder p="sm">
      <Text fw={700} mb={4}>
        {title}
      </Text>
      {empty ? (
        <Text size="sm" c="dimmed">
          {emptyText}
        </Text>
      ) : (
        children
      )}
    </Paper>
  );
}

export function InstanceSidebar({ detail, stats, year }: { detail: InstanceDetail; stats: AttendanceStatsRow[]; year: number }) {
  return (
    <>
      <SidePanel title={L.meetingsOfInstance} empty={detail.meetings.length === 0} emptyText={U.instanceNoMeetings}>
        {detail.meetings.slice(0, MEETINGS_SHOWN).map((m) => (
          <Group key={m.id} justify="space-between" wrap="nowrap" mb={4}>
            <Text size="sm" component={Link} to={links.meeting(m.id)} truncate>
              {formatShortDate(m.date)} — {m.title}
            </Text>
            <MeetingStatusBadge status={m.status} />
          </Group>
        ))}
      </SidePanel>
      <SidePanel title={L.followedActions} empty={detail.followedActions.length === 0} emptyText={U.instanceNoActions}>
        {detail.followedActions.map((a) => (
          <Text key={a.id} size="sm" component={Link} to={links.action(a.id)} display="block">
            {a.code} — {a.title} ({fr.actionStatus[a.status]})
          </Text>
        ))}
      </SidePanel>
      <SidePanel title={L.attendanceStats(year)} empty={stats.length === 0} emptyText={U.instanceNoAttendance}>
        <WideTable verticalSpacing={2}>
          <Table.Tbody>
            {stats.map((s) => (
              <Table.Tr key={s.organisationId}>
                <Table.Td>
                  <Text size="xs">{s.organisationName}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="xs" fw={600}>
                    {formatPercent(s.rate)} ({s.present + s.represented}/{s.invited})
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </WideTable>
      </SidePanel>
    </>
  );
}
