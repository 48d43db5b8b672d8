// Réunions: the list of meetings with filters, and the « Nouvelle réunion » dialog (instance, date, times, template).
import { Button, Group, Modal, Paper, SegmentedControl, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconChartBar, IconListCheck, IconPlus, IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { MeetingInput } from '../../../../shared/contract/meetings';
import { formatPercent, formatShortDate, formatTime, todayIso } from '../../../../shared/format';
import { fr } from '../../../../shared/i18n';
import type { InstanceKind, MeetingStatus } from '../../../../shared/model';
import { api, call, useQuery } from '../../api';
import { DateField } from '../../components/DateField';
import { useFormSubmit } from '../../components/useFormSubmit';
import { TimeField } from '../../components/TimeField';
import { EditOnly } from '../../app/access';
import { links } from '../../app/registry';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { ArchivedMeetingsList } from './ArchivedMeetings';
import { ConfidentialityBadge, MeetingStatusBadge } from './badges';
import { WideTable } from '../../components/WideTable';
import { useAddressDialog } from '../../components/useAddressDialog';

const L = fr.meetings.ui;
type Template = NonNullable<MeetingInput['template']>;
/** A CDDF or a GPO meets like a working group (situations, decisions): it takes that agenda template. */
const templateFor = (kind: InstanceKind): Template => (kind === 'cddf' || kind === 'gpo' ? 'working_group' : kind);

export function NewMeetingDialog({ opened, onClose, instanceId }: { opened: boolean; onClose: () => void; instanceId?: string }) {
  const navigate = useNavigate();
  const instances = useQuery(() => api().instances.list({ includeClosed: false }), []);
  const [f, setF] = useState({ instanceId: instanceId ?? '', title: '', date: todayIso(), startTime: '14:00', plannedEndTime: '16:00', place: '', template: 'none' as Template });
  const { errors, busy, submit: check } = useFormSubmit('instanceId');
  const instance = instances.data?.find((i) => i.id === f.instanceId);
  useEffect(() => {
    // Opened from an instance page: preselect it with the template that suits it.
    const ins = instances.data?.find((i) => i.id === instanceId);
    if (instanceId && ins) {
      const template: Template = ins.meetingsCount > 0 && ins.kind !== 'plenary' ? 'copy_previous' : templateFor(ins.kind);
      setF((x) => ({ ...x, instanceId, template, title: x.title || fr.meetings.defaultTitle(ins.name) }));
    }
  }, [instanceId, instances.data]);
  const pickInstance = (id: string | null) => {
    const ins = instances.data?.find((i) => i.id === id);
    const template: Template = !ins ? 'none' : ins.meetingsCount > 0 && ins.kind !== 'plenary' ? 'copy_previous' : templateFor(ins.kind);
    setF({ ...f, instanceId: id ?? '', template, title: f.title || (ins ? fr.meetings.defaultTitle(ins.name) : '') });
  };
  const submit = () =>
    check(
      MeetingInput,
      {
        instanceId: f.instanceId,
        title: f.title || (instance ? fr.meetings.defaultTitle(instance.name) : ''),
        date: f.date,
        startTime: f.startTime,
        ...(f.plannedEndTime ? { plannedEndTime: f.plannedEndTime } : {}),
        ...(f.place ? { place: f.place } : {}),
        template: f.template,
      },
      async (input) => {
        const d = await call(api().meetings.create(input), { mutation: true, success: 'Réunion créée.' });
        onClose();
        navigate(links.meeting(d.meeting.id));
      },
    );
  const err = (k: string) => errors[k];
  return (
    <Modal opened={opened} onClose={onClose} title={L.newMeeting} size="lg">
      <Stack
        gap="sm"
        component="form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Select label={L.instance} data-autofocus searchable data={(instances.data ?? []).map((i) => ({ value: i.id, label: i.name }))} value={f.instanceId || null} onChange={pickInstance} error={err('instanceId')} />
        <TextInput label={L.title} value={f.title} onChange={(e) => setF({ ...f, title: e.currentTarget.value })} error={err('title')} />
        <Group grow>
          <DateField label={L.date} value={f.date} onChange={(v) => setF((p) => ({ ...p, date: v }))} error={err('date')} />
          <TimeField label={L.startTime} value={f.startTime} onCommit={(v) => setF((p) => ({ ...p, startTime: v }))} error={err('startTime')} />
          <TimeField label={L.plannedEndTime} value={f.plannedEndTime} onCommit={(v) => setF((p) => ({ ...p, plannedEndTime: v }))} error={err('plannedEndTime')} />
        </Group>
        <TextInput label={L.place} value={f.place} onChange={(e) => setF({ ...f, place: e.currentTarget.value })} error={err('place')} />
        <Select
          label={L.template}
          allowDeselect={false}
          data={(['none', 'plenary', 'restricted', 'working_group', 'copy_previous'] as Template[]).map((t) => ({ value: t, label: L.templates[t] }))}
          value={f.template}
          onChange={(v) => setF({ ...f, template: (v as Template) ?? 'none' })}
        />
        {instance ? (
          <Group gap="xs">
            <Text size="sm">{L.confidentiality} :</Text>
            <ConfidentialityBadge level={instance.confidentiality} />
          </Group>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {fr.actions.cancel}
          </Button>
          <Button type="submit" loading={busy}>{L.create}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Attendance rate per institution over a year (held meetings), for the bilan and the plenary. */
function AttendanceStatsDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(String(thisYear));
  const stats = useQuery(() => (opened ? api().meetings.attendanceStats({ year: Number(year) }) : Promise.resolve({ ok: true as const, value: [] })), [opened, year]);
  return (
    <Modal opened={opened} onClose={onClose} title={L.attendanceStats(Number(year))} size="xl">
      <Stack gap="sm">
        <Select label={L.year} allowDeselect={false} w={140} data={Array.from({ length: 6 }, (_, i) => String(thisYear - i))} value={year} onChange={(v) => setYear(v ?? String(thisYear))} />
        {(stats.data ?? []).length === 0 ? (
          <Text size="sm" c="dimmed">
            {L.noAttendance}
          </Text>
        ) : (
          <WideTable verticalSpacing={4} aria-label={L.attendanceStats(Number(year))}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{L.guestOrganisation}</Table.Th>
                <Table.Th>{L.rate}</Table.Th>
                <Table.Th>{fr.attendanceStatus.present}</Table.Th>
                <Table.Th>{fr.attendanceStatus.represented}</Table.Th>
                <Table.Th>{fr.attendanceStatus.excused}</Table.Th>
                <Table.Th>{fr.attendanceStatus.absent}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(stats.data ?? []).map((r) => (
                <Table.Tr key={r.organisationId}>
                  <Table.Td>{r.organisationName}</Table.Td>
                  <Table.Td fw={600}>
                    {formatPercent(r.rate)} ({r.present + r.represented}/{r.invited})
                  </Table.Td>
                  <Table.Td>{r.present}</Table.Td>
                  <Table.Td>{r.represented}</Table.Td>
                  <Table.Td>{r.excused}</Table.Td>
                  <Table.Td>{r.absent}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </WideTable>
        )}
      </Stack>
    </Modal>
  );
}

export function MeetingsScreen() {
  const [statsOpen, setStatsOpen] = useState(false);
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query, 120);
  const [instanceId, setInstanceId] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const creating = useAddressDialog('nouvelle');
  const archived = params.get('archives') === '1';
  const instances = useQuery(() => api().instances.list(), []);
  const list = useQuery(() => api().meetings.list({ query: debounced || undefined, instanceId: instanceId ?? undefined, status: (status as MeetingStatus) ?? undefined }), [debounced, instanceId, status]);
  const rows = list.data ?? [];
  const filtering = Boolean(debounced || instanceId || status);
  const today = todayIso();
  return (
    <>
      <PageHeader
        title={L.meetingsTitle}
        subtitle={L.meetingsSubtitle}
        actions={
          <>
            <Button variant="default" leftSection={<IconChartBar size={16} />} onClick={() => setStatsOpen(true)}>
              {L.attendanceButton}
            </Button>
            <Button variant="default" component={Link} to={links.decisions()} leftSection={<IconListCheck size={16} />}>
              {L.decisionsLog}
            </Button>
            <EditOnly>
              <Button leftSection={<IconPlus size={16} />} onClick={creating.open}>
                {L.newMeeting}
              </Button>
            </EditOnly>
          </>
        }
      />
      <SegmentedControl
        mb="sm"
        aria-label={fr.meetings.ux.viewLabel}
        value={archived ? 'archived' : 'current'}
        onChange={(v) => setParams(v === 'archived' ? { archives: '1' } : {})}
        data={[
          { value: 'current', label: fr.meetings.ux.viewCurrent },
          { value: 'archived', label: fr.meetings.ux.viewArchived },
        ]}
      />
      <Group mb="md" align="flex-end">
        <TextInput leftSection={<IconSearch size={16} />} label={fr.actions.search} placeholder={L.searchMeetings} value={query} onChange={(e) => setQuery(e.currentTarget.value)} style={{ flex: 1 }} />
        {archived ? null : (
          <>
        <Select label={L.instance} placeholder={L.allInstances} clearable data={(instances.data ?? []).map((i) => ({ value: i.id, label: i.name }))} value={instanceId} onChange={setInstanceId} w={280} />
        <Select label={L.colStatus} placeholder={L.allStatuses} clearable data={Object.entries(fr.meetingStatus).map(([value, label]) => ({ value, label }))} value={status} onChange={setStatus} w={200} />
          </>
        )}
      </Group>
      {archived ? <ArchivedMeetingsList query={debounced} /> : null}
      {archived ? null : list.loading && !list.data ? null : rows.length === 0 ? (
        filtering ? (
          <EmptyState title={L.noMatch} text={L.noMatchText} />
        ) : (
          <EmptyState title={L.emptyMeetingsTitle} text={L.emptyMeetingsText} action={L.newMeeting} onAction={creating.open} edits />
        )
      ) : (
        <Paper withBorder>
          <WideTable highlightOnHover verticalSpacing="sm" aria-label={L.meetingsTitle}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{L.colDate}</Table.Th>
                <Table.Th>{L.colMeeting}</Table.Th>
                <Table.Th>{L.colInstance}</Table.Th>
                <Table.Th w={190}>{L.colStatus}</Table.Th>
                <Table.Th w={140}>{L.colConfidentiality}</Table.Th>
                <Table.Th w={70}>{L.colAgenda}</Table.Th>
                <Table.Th w={90}>{L.colDecisions}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((m) => (
                <Table.Tr key={m.id} style={{ cursor: 'pointer' }} onClick={() => navigate(links.meeting(m.id))} fw={m.date >= today && m.status !== 'held' && m.status !== 'validated' ? 600 : undefined}>
                  <Table.Td>
                    {formatShortDate(m.date)}
                    <Text size="xs" c="dimmed">
                      {formatTime(m.startTime)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={600} component={Link} to={links.meeting(m.id)} c="inherit" td="none" onClick={(e) => e.stopPropagation()}>
                      {m.title}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{m.instanceName}</Text>
                  </Table.Td>
                  <Table.Td>
                    <MeetingStatusBadge status={m.status} />
                  </Table.Td>
                  <Table.Td>
                    <ConfidentialityBadge level={m.confidentiality} />
                  </Table.Td>
                  <Table.Td>{m.agendaItems}</Table.Td>
                  <Table.Td>{m.decisions}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </WideTable>
        </Paper>
      )}
      {archived ? null : (
        <Text size="xs" c="dimmed" mt="xs">
          {fr.meetings.ux.plural(rows.length, 'réunion', 'réunions')}
        </Text>
      )}
      <AttendanceStatsDialog opened={statsOpen} onClose={() => setStatsOpen(false)} />
      <NewMeetingDialog
        opened={creating.opened}
        onClose={creating.close}
        instanceId={params.get('instance') ?? undefined}
      />
    </>
  );
}
