// Journal des décisions: every decision and action across meetings, searchable and filterable, each opening its meeting and action.
import { Badge, Group, Paper, Select, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { formatShortDate } from '../../../../shared/format';
import { fr } from '../../../../shared/i18n';
import type { ActionStatus } from '../../../../shared/model';
import { api, useQuery } from '../../api';
import { DateField, INVALID_DATE } from '../../components/DateField';
import { links } from '../../app/registry';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { ConfidentialityBadge } from './badges';
import { WideTable } from '../../components/WideTable';

const L = fr.meetings.ui;

export function DecisionsScreen() {
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query, 150);
  const [instanceId, setInstanceId] = useState<string | null>(null);
  const [axisId, setAxisId] = useState<string | null>(null);
  const [actionStatus, setActionStatus] = useState<string | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const instances = useQuery(() => api().instances.list(), []);
  const axes = useQuery(() => api().axes.list(), []);
  const log = useQuery(
    () =>
      api().meetings.decisions({
        ...(debounced ? { query: debounced } : {}),
        ...(instanceId ? { instanceId } : {}),
        ...(axisId ? { axisId } : {}),
        ...(actionStatus ? { actionStatus: actionStatus as ActionStatus } : {}),
        ...(from && from !== INVALID_DATE ? { from } : {}),
        ...(to && to !== INVALID_DATE ? { to } : {}),
        limit: 1000,
      }),
    [debounced, instanceId, axisId, actionStatus, from, to],
  );
  const rows = log.data ?? [];
  return (
    <>
      <PageHeader title={L.decisionsLog} subtitle={L.decisionsSubtitle} />
      <Group mb="md" align="flex-end" wrap="wrap">
        <TextInput leftSection={<IconSearch size={16} />} label={L.search} placeholder={L.searchDecisions} value={query} onChange={(e) => setQuery(e.currentTarget.value)} style={{ flex: 1, minWidth: 220 }} />
        <Select label={L.instance} placeholder={L.allInstances} clearable data={(instances.data ?? []).map((i) => ({ value: i.id, label: i.name }))} value={instanceId} onChange={setInstanceId} w={220} />
        <Select label={L.axis} placeholder={L.allAxes} clearable data={(axes.data ?? []).map((a) => ({ value: a.id, label: a.title }))} value={axisId} onChange={setAxisId} w={220} />
        <Select label={L.actionStatus} placeholder={L.anyActionStatus} clearable data={Object.entries(fr.actionStatus).map(([value, label]) => ({ value, label }))} value={actionStatus} onChange={setActionStatus} w={170} />
        <DateField label={L.from} value={from} onChange={setFrom} w={150} error={from === INVALID_DATE ? fr.meetings.ux.invalidDate : undefined} />
        <DateField label={L.to} value={to} onChange={setTo} w={150} error={to === INVALID_DATE ? fr.meetings.ux.invalidDate : undefined} />
      </Group>
      {rows.length === 0 && !log.loading ? (
        <EmptyState title={L.emptyDecisions} text={L.emptyDecisionsText} />
      ) : (
        <Paper withBorder>
          <WideTable verticalSpacing="xs" aria-label={L.decisionsLog}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{L.colDate}</Table.Th>
                <Table.Th>{L.colDecision}</Table.Th>
                <Table.Th>{L.colMeeting}</Table.Th>
                <Table.Th>{L.colAction}</Table.Th>
                <Table.Th>{L.colPilot}</Table.Th>
                <Table.Th>{L.colStatus}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.decision.id}>
                  <Table.Td>{formatShortDate(r.meetingDate)}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      <Badge size="xs" variant="light" color={r.decision.kind === 'action' ? 'blue' : 'grape'} style={{ textTransform: 'none' }}>
                        {L.decisionKind[r.decision.kind]}
                      </Badge>
                      {r.confidentiality === 'confidential' ? <ConfidentialityBadge level="confidential" /> : null}
                    </Group>
                    <Text size="sm">
                      {r.decision.situationRef ? `${fr.meetings.situationRef(r.decision.situationRef)} — ` : ''}
                      {r.decision.text}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" component={Link} to={links.meeting(r.meetingId)}>
                      {r.meetingTitle}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {r.instanceName}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {r.action ? (
                      <Text size="sm" component={Link} to={links.action(r.action.id)}>
                        {r.action.code} — {r.action.title}
                      </Text>
                    ) : (
                      '—'
                    )}
                    {r.action ? (
                      <Text size="xs" c="dimmed">
                        {fr.actionStatus[r.action.status]}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{r.pilotName ?? '—'}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="dot" color={r.decision.status === 'open' ? 'orange' : r.decision.status === 'done' ? 'green' : 'gray'} style={{ textTransform: 'none' }}>
                      {L.decisionStatus[r.decision.status]}
                    </Badge>
                    {r.closedIn ? (
                      r.closedIn.meetingId ? (
                        <Text size="xs" c="dimmed" component={Link} to={links.meeting(r.closedIn.meetingId)} display="block">
                          {r.closedIn.title}
                        </Text>
                      ) : (
                        <Text size="xs" c="dimmed" fs="italic">
                          {fr.meetingLife.closedInDeletedMeeting}
                        </Text>
                      )
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </WideTable>
        </Paper>
      )}
      <Text size="xs" c="dimmed" mt="xs">
        {fr.meetings.ux.plural(rows.length, 'décision', 'décisions')}
      </Text>
    </>
  );
}
