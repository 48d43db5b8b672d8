// Invitations et présence: invitees in protocol order, guests, late additions, présent / excusé / absent / représenté, times.
import { ActionIcon, Alert, Badge, Button, Group, Modal, Paper, SegmentedControl, Select, Stack, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconRefresh, IconTrash, IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { GuestInput, type InviteeRow, type MeetingDetail } from '../../../../../shared/contract/meetings';
import { fr } from '../../../../../shared/i18n';
import type { AttendanceStatus } from '../../../../../shared/model';
import { api, ApiError, call, useQuery } from '../../../api';
import { rowFallback, rowKey, rowList } from '../../../components/rowFocus';
import { TimeField } from '../../../components/TimeField';
import { useFormSubmit } from '../../../components/useFormSubmit';
import { WideTable } from '../../../components/WideTable';

const L = fr.meetings.ui;
const STATUSES: AttendanceStatus[] = ['present', 'excused', 'absent', 'represented'];

function RepresentedFields({ meetingId, row, disabled }: { meetingId: string; row: InviteeRow; disabled: boolean }) {
  const people = useQuery(() => api().people.list(), []);
  const [name, setName] = useState(row.attendance.representedByName ?? '');
  return (
    <Group gap={4} wrap="nowrap">
      <Select
        size="xs"
        w={170}
        searchable
        clearable
        disabled={disabled}
        aria-label={`${L.representedByPerson} — ${row.name}`}
        placeholder={L.representedByPerson}
        data={(people.data ?? []).map((p) => ({ value: p.id, label: `${p.firstName} ${p.lastName}`.trim() }))}
        value={row.attendance.representedByPersonId ?? null}
        onChange={(v) => call(api().meetings.setAttendance({ meetingId, inviteeId: row.invitee.id, status: 'represented', representedByPersonId: v ?? '' }), { mutation: true }).catch(() => undefined)}
      />
      <TextInput
        size="xs"
        w={150}
        disabled={disabled}
        aria-label={`${L.representedByName} — ${row.name}`}
        placeholder={L.representedByName}
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        onBlur={() => name !== (row.attendance.representedByName ?? '') && call(api().meetings.setAttendance({ meetingId, inviteeId: row.invitee.id, status: 'represented', representedByName: name }), { mutation: true }).catch(() => undefined)}
      />
    </Group>
  );
}

export function AttendancePanel({ detail }: { detail: MeetingDetail }) {
  const { meeting, invitees, locked } = detail;
  const [adding, setAdding] = useState<'person' | 'guest' | null>(null);
  const [personId, setPersonId] = useState<string | null>(null);
  const [guest, setGuest] = useState({ guestName: '', guestOrganisation: '', guestJobTitle: '' });
  const [error, setError] = useState<string>();
  const [pendingRep, setPendingRep] = useState<string | null>(null);
  const { errors, setErrors, run, submit } = useFormSubmit('invitee');
  const people = useQuery(() => api().people.list(), []);
  const orgs = useQuery(() => api().partners.list(), []);
  const orgName = new Map((orgs.data ?? []).map((o) => [o.id, o.name]));

  const set = async (row: InviteeRow, status: AttendanceStatus) => {
    if (status === 'represented' && !row.attendance.representedByPersonId && !row.attendance.representedByName) {
      // The representative is asked first: a « représenté » without a representative is refused.
      setPendingRep(row.invitee.id);
      return;
    }
    setPendingRep(null);
    await call(api().meetings.setAttendance({ meetingId: meeting.id, inviteeId: row.invitee.id, status }), { mutation: true }).catch((e) => {
      if (e instanceof ApiError) setError(e.info.message);
    });
  };
  const setTime = (row: InviteeRow, k: 'arrivedAt' | 'leftAt', v: string) =>
    call(api().meetings.setAttendance({ meetingId: meeting.id, inviteeId: row.invitee.id, [k]: v }), { mutation: true }).catch((e) => {
      if (e instanceof ApiError) setError(e.info.message);
    });
  // A guest is checked with the channel's own GuestInput (name required, e-mail…), each message under its field.
  const done = () => {
    setAdding(null);
    setPersonId(null);
    setGuest({ guestName: '', guestOrganisation: '', guestJobTitle: '' });
  };
  const add = () =>
    adding === 'guest'
      ? submit(GuestInput, guest, async (g) => {
          await call(api().meetings.addInvitee({ meetingId: meeting.id, guest: g }), { mutation: true });
          done();
        })
      : run({}, async () => {
          if (personId) await call(api().meetings.addInvitee({ meetingId: meeting.id, personId }), { mutation: true });
          done();
        });

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text fw={700}>
          {L.invitees} ({invitees.length})
        </Text>
        {!locked ? (
          <Group gap="xs">
            <Button size="xs" leftSection={<IconUserPlus size={14} />} {...rowFallback('invitees')} onClick={() => {
                setErrors({});
                setAdding('person');
              }}>
              {L.addInvitee}
            </Button>
            <Button size="xs" variant="default" onClick={() => {
                setErrors({});
                setAdding('guest');
              }}>
              {L.addGuest}
            </Button>
            <Button size="xs" variant="subtle" leftSection={<IconRefresh size={14} />} onClick={() => call(api().meetings.resetInvitees({ meetingId: meeting.id }), { mutation: true }).catch(() => undefined)}>
              {L.resetInvitees}
            </Button>
          </Group>
        ) : null}
      </Group>
      {error ? (
        <Alert color="red" withCloseButton onClose={() => setError(undefined)}>
          {error}
        </Alert>
      ) : null}
      {invitees.length === 0 ? (
        <Text c="dimmed" size="sm">
          {L.noInvitees}
        </Text>
      ) : (
        <Paper withBorder>
          <WideTable verticalSpacing="xs" aria-label={L.invitees}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{L.person}</Table.Th>
                <Table.Th>{L.guestOrganisation}</Table.Th>
                <Table.Th>{L.attendance}</Table.Th>
                <Table.Th>{L.arrivedAt}</Table.Th>
                <Table.Th>{L.leftAt}</Table.Th>
                <Table.Th w={40} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody {...rowList('invitees')}>
              {invitees.map((row) => (
                <Table.Tr key={row.invitee.id} {...rowKey(row.invitee.id)}>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {row.name}
                    </Text>
                    <Group gap={4}>
                      {row.jobTitle ? (
                        <Text size="xs" c="dimmed">
                          {row.jobTitle}
                        </Text>
                      ) : null}
                      {row.guest ? (
                        <Badge size="xs" variant="outline" style={{ textTransform: 'none' }}>
                          {L.guest}
                        </Badge>
                      ) : null}
                      {row.charterMissing ? (
                        <Badge size="xs" color="red" variant="light" leftSection={<IconAlertTriangle size={10} />} style={{ textTransform: 'none' }}>
                          {L.charterMissing}
                        </Badge>
                      ) : null}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{row.organisationName}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={4}>
                      <SegmentedControl
                        size="xs"
                        disabled={locked}
                        aria-label={`${L.attendance} — ${row.name}`}
                        value={pendingRep === row.invitee.id ? 'represented' : row.attendance.status}
                        onChange={(v) => set(row, v as AttendanceStatus)}
                        data={[...(row.attendance.status === 'unknown' && pendingRep !== row.invitee.id ? [{ value: 'unknown', label: '—' }] : []), ...STATUSES.map((s) => ({ value: s, label: fr.attendanceStatus[s] }))]}
                      />
                      {row.attendance.status === 'represented' || pendingRep === row.invitee.id ? <RepresentedFields meetingId={meeting.id} row={row} disabled={locked} /> : null}
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    <TimeField size="xs" w={90} disabled={locked || (row.attendance.status !== 'present' && row.attendance.status !== 'represented')} ariaLabel={`${L.arrivedAt} — ${row.name}`} value={row.attendance.arrivedAt ?? ''} onCommit={(v) => void setTime(row, 'arrivedAt', v)} />
                  </Table.Td>
                  <Table.Td>
                    <TimeField size="xs" w={90} disabled={locked || (row.attendance.status !== 'present' && row.attendance.status !== 'represented')} ariaLabel={`${L.leftAt} — ${row.name}`} value={row.attendance.leftAt ?? ''} onCommit={(v) => void setTime(row, 'leftAt', v)} />
                  </Table.Td>
                  <Table.Td>
                    {!locked ? (
                      <Tooltip label={L.removeInvitee}>
                        <ActionIcon variant="subtle" color="red" aria-label={`${L.removeInvitee} : ${row.name}`} onClick={() => call(api().meetings.removeInvitee({ meetingId: meeting.id, inviteeId: row.invitee.id }), { mutation: true }).catch(() => undefined)}>
                          <IconTrash size={16} />
                        </ActionIcon>
                      </Tooltip>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </WideTable>
        </Paper>
      )}
      <Modal opened={adding !== null} onClose={() => setAdding(null)} title={adding === 'guest' ? L.addGuest : L.addInvitee}>
        <Stack
          gap="sm"
          component="form"
          onSubmit={(e) => {
            e.preventDefault();
            void add();
          }}
        >
          {adding === 'person' ? (
            <Select
              label={L.person}
              searchable
              data-autofocus
              data={(people.data ?? []).filter((p) => !meeting.invitees.some((i) => i.personId === p.id)).map((p) => ({ value: p.id, label: `${p.firstName} ${p.lastName} — ${orgName.get(p.organisationId) ?? ''}`.trim() }))}
              value={personId}
              error={errors.personId ?? errors.invitee}
              onChange={setPersonId}
            />
          ) : (
            <>
              <TextInput label={L.guestName} data-autofocus value={guest.guestName} error={errors.guestName ?? errors.invitee} onChange={(e) => setGuest({ ...guest, guestName: e.currentTarget.value })} />
              <TextInput label={L.guestOrganisation} value={guest.guestOrganisation} error={errors.guestOrganisation} onChange={(e) => setGuest({ ...guest, guestOrganisation: e.currentTarget.value })} />
              <TextInput label={L.guestJobTitle} value={guest.guestJobTitle} error={errors.guestJobTitle} onChange={(e) => setGuest({ ...guest, guestJobTitle: e.currentTarget.value })} />
            </>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setAdding(null)}>
              {fr.actions.cancel}
            </Button>
            <Button type="submit">{fr.actions.add}</Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
