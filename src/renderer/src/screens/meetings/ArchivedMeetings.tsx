// « Réunions archivées »: meetings of closed strategy periods, listed from their archives and opened read-only.
import { Alert, Badge, Button, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconArchive, IconArrowLeft, IconShieldLock } from '@tabler/icons-react';
import { Link, useNavigate, useParams } from 'react-router';
import type { ArchivedMeetingRow } from '../../../../shared/contract/meetings';
import { formatLongDate, formatShortDate, formatTime } from '../../../../shared/format';
import { fr } from '../../../../shared/i18n';
import { api, useQuery } from '../../api';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { ConfidentialityBadge, MeetingStatusBadge } from './badges';
import { DocumentButtons } from './meeting/DocumentButtons';
import { WideTable } from '../../components/WideTable';

const L = fr.meetings.ui;
const U = fr.meetings.ux;

export const archivedMeetingLink = (periodId: string, id: string) => `/reunions/archives/${encodeURIComponent(periodId)}/${encodeURIComponent(id)}`;

/** The table of archived meetings, filtered by the list's search words. */
export function ArchivedMeetingsList({ query }: { query: string }) {
  const navigate = useNavigate();
  const list = useQuery(() => api().meetings.archived(query ? { query } : undefined), [query]);
  const rows: ArchivedMeetingRow[] = list.data ?? [];
  if (list.error) return <Alert color="red">{list.error.message}</Alert>;
  if (list.loading && !list.data) return <Loader />;
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        {U.archivedHint}
      </Text>
      {rows.length === 0 ? (
        query ? <EmptyState title={L.noMatch} text={L.noMatchText} /> : <EmptyState title={U.archivedTitle} text={U.archivedEmpty} icon={<IconArchive size={28} />} />
      ) : (
        <Paper withBorder>
          <WideTable highlightOnHover verticalSpacing="sm" aria-label={U.archivedTitle}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{L.colDate}</Table.Th>
                <Table.Th>{L.colMeeting}</Table.Th>
                <Table.Th>{L.colInstance}</Table.Th>
                <Table.Th>{U.archivedPeriod}</Table.Th>
                <Table.Th w={190}>{L.colStatus}</Table.Th>
                <Table.Th w={140}>{L.colConfidentiality}</Table.Th>
                <Table.Th w={90}>{L.colDecisions}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((m) => (
                <Table.Tr key={`${m.periodId}/${m.id}`} style={{ cursor: 'pointer' }} onClick={() => navigate(archivedMeetingLink(m.periodId, m.id))}>
                  <Table.Td>
                    {formatShortDate(m.date)}
                    <Text size="xs" c="dimmed">
                      {formatTime(m.startTime)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={600} component={Link} to={archivedMeetingLink(m.periodId, m.id)} c="inherit" td="none" onClick={(e) => e.stopPropagation()}>
                      {m.title}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{m.instanceName}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{m.periodTitle}</Text>
                  </Table.Td>
                  <Table.Td>
                    <MeetingStatusBadge status={m.status} />
                  </Table.Td>
                  <Table.Td>
                    <ConfidentialityBadge level={m.confidentiality} />
                  </Table.Td>
                  <Table.Td>{m.decisions}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </WideTable>
        </Paper>
      )}
      <Text size="xs" c="dimmed">
        {U.plural(rows.length, 'réunion archivée', 'réunions archivées')}
      </Text>
    </Stack>
  );
}

/** One archived meeting: agenda with notes, decisions, attendance and documents; nothing can be changed. */
export function ArchivedMeetingScreen() {
  const { periodId = '', id = '' } = useParams();
  const q = useQuery(() => api().meetings.archivedGet({ periodId, id }), [periodId, id]);
  const back = (
    <Button component={Link} to="/reunions?archives=1" variant="subtle" size="compact-sm" leftSection={<IconArrowLeft size={14} />} w="fit-content">
      {U.backToArchives}
    </Button>
  );
  if (q.error) {
    return (
      <Stack>
        {back}
        <Alert color="red">{q.error.message}</Alert>
      </Stack>
    );
  }
  if (!q.data) return <Loader />;
  const { meeting, instanceName, periodTitle, invitees, pilots, representatives } = q.data;
  const representedBy = (a: (typeof invitees)[number]['attendance']) => (a.representedByPersonId ? representatives[a.representedByPersonId] : undefined) ?? a.representedByName;
  const confidential = meeting.confidentiality === 'confidential';
  const decisionLine = (d: (typeof meeting.decisions)[number]) =>
    [
      d.situationRef ? `${fr.meetings.situationRef(d.situationRef)} — ${d.text}` : d.text,
      d.pilotOrganisationId && pilots[d.pilotOrganisationId] ? U.pilot(pilots[d.pilotOrganisationId]!) : '',
      d.dueDate ? U.due(formatLongDate(d.dueDate)) : '',
    ]
      .filter(Boolean)
      .join(' · ');
  const items = meeting.agenda.filter((a) => a.kind !== 'section');
  const loose = meeting.decisions.filter((d) => !d.agendaItemId || !items.some((i) => i.id === d.agendaItemId));
  return (
    <Stack gap="md">
      {back}
      {confidential ? (
        <Alert color="red" variant="filled" icon={<IconShieldLock />} role="note" p="xs">
          {L.confidentialBanner}
        </Alert>
      ) : null}
      <PageHeader
        title={meeting.title}
        subtitle={`${formatLongDate(meeting.date)}, ${formatTime(meeting.startTime)} · ${instanceName}${meeting.place ? ` · ${meeting.place}` : ''}`}
        actions={
          <>
            <MeetingStatusBadge status={meeting.status} />
            <ConfidentialityBadge level={meeting.confidentiality} />
            <Badge variant="outline" color="gray" leftSection={<IconArchive size={12} />}>
              {U.archivedBadge}
            </Badge>
          </>
        }
      />
      <Alert color="gray" icon={<IconArchive />}>
        {U.archivedNotice(periodTitle)}
      </Alert>
      <section aria-labelledby="arch-docs">
        <Title order={2} size="h4" mb="xs" id="arch-docs">
          {U.archivedDocuments}
        </Title>
        <DocumentButtons meetingId={meeting.id} hasMinutes={meeting.status === 'held' || meeting.status === 'validated'} />
      </section>
      <section aria-labelledby="arch-agenda">
        <Title order={2} size="h4" mb="xs" id="arch-agenda">
          {U.agenda}
        </Title>
        <Stack gap="xs">
          {items.map((item, i) => {
            const ds = meeting.decisions.filter((d) => d.agendaItemId === item.id);
            return (
              <Paper withBorder p="sm" key={item.id}>
                <Text fw={700}>
                  {i + 1}. {item.title}
                </Text>
                <Text size="sm" c={item.notes.trim() ? undefined : 'dimmed'} style={{ whiteSpace: 'pre-wrap' }}>
                  {item.notes.trim() || U.noNotes}
                </Text>
                {ds.map((d) => (
                  <Text size="sm" key={d.id} mt={4}>
                    <Badge size="xs" variant="light" color={d.kind === 'action' ? 'blue' : 'grape'} style={{ textTransform: 'none' }}>
                      {L.decisionKind[d.kind]}
                    </Badge>{' '}
                    {decisionLine(d)}
                  </Text>
                ))}
              </Paper>
            );
          })}
          {meeting.generalNotes.trim() || loose.length ? (
            <Paper withBorder p="sm">
              <Text fw={700}>{L.generalNotes}</Text>
              {meeting.generalNotes.trim() ? (
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {meeting.generalNotes}
                </Text>
              ) : null}
              {loose.map((d) => (
                <Text size="sm" key={d.id} mt={4}>
                  <Badge size="xs" variant="light" color={d.kind === 'action' ? 'blue' : 'grape'} style={{ textTransform: 'none' }}>
                    {L.decisionKind[d.kind]}
                  </Badge>{' '}
                  {decisionLine(d)}
                </Text>
              ))}
            </Paper>
          ) : null}
          {meeting.decisions.length === 0 ? (
            <Text size="sm" c="dimmed">
              {U.noDecisions}
            </Text>
          ) : null}
          {meeting.nextMeetingDate ? <Text size="sm">{U.nextMeeting(formatLongDate(meeting.nextMeetingDate))}</Text> : null}
        </Stack>
      </section>
      <section aria-labelledby="arch-attendance">
        <Title order={2} size="h4" mb="xs" id="arch-attendance">
          {U.attendance}
        </Title>
        {invitees.length === 0 ? (
          <Text size="sm" c="dimmed">
            {U.noInvitees}
          </Text>
        ) : (
          <Paper withBorder>
            <WideTable verticalSpacing="xs" aria-label={U.attendance}>
              <Table.Tbody>
                {invitees.map((r) => (
                  <Table.Tr key={r.invitee.id}>
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        {r.name}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{r.organisationName}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">
                        {fr.attendanceStatus[r.attendance.status]}
                        {r.attendance.status === 'represented' && representedBy(r.attendance) ? ` — ${U.representedBy(representedBy(r.attendance)!)}` : ''}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </WideTable>
          </Paper>
        )}
      </section>
    </Stack>
  );
}
