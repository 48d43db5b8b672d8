// Page of one instance: current members by institution, history, charter flags, meetings, followed actions, attendance.
import { ActionIcon, Alert, Badge, Button, Grid, Group, Loader, Menu, Modal, Paper, Select, Stack, Table, Text, Textarea, TextInput, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconArrowLeft, IconCalendarPlus, IconCircleCheck, IconDoorExit, IconDots, IconPencil, IconShieldLock, IconSignature, IconTrash, IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { MemberRow } from '../../../../shared/contract/meetings';
import { formatDate, formatPercent, formatShortDate, todayIso } from '../../../../shared/format';
import { fr } from '../../../../shared/i18n';
import type { Confidentiality, MemberRole } from '../../../../shared/model';
import { api, ApiError, call, useQuery } from '../../api';
import { DateField, INVALID_DATE } from '../../components/DateField';
import { links } from '../../app/registry';
import { confirmDanger, notifyDeleted } from '../../components/confirm';
import { PageHeader } from '../../components/PageHeader';
import { charterApplies, registerAllowed } from '../../../../shared/instance-rules';
import { GovernancePanel } from './GovernancePanel';
import { ConfidentialityBadge, MeetingStatusBadge } from '../meetings/badges';
import { NewMeetingDialog } from '../meetings/MeetingsScreen';
import { WideTable } from '../../components/WideTable';

const L = fr.meetings.ui;

function CharterBadge({ row }: { row: MemberRow }) {
  if (row.charterMissing)
    return (
      <Badge size="sm" color="red" variant="light" leftSection={<IconAlertTriangle size={12} />} style={{ textTransform: 'none' }}>
        {L.charterMissing}
      </Badge>
    );
  if (row.membership.charterSignedAt)
    return (
      <Group gap={4} wrap="nowrap">
        <IconCircleCheck size={14} color="var(--mantine-color-teal-7)" aria-hidden />
        <Text size="xs" c="teal.8">
          {L.charterSignedAt} {formatShortDate(row.membership.charterSignedAt)}
        </Text>
      </Group>
    );
  return null;
}

export function InstanceScreen() {
  const { id = '' } = useParams();
  const q = useQuery(() => api().instances.get({ id }), [id]);
  const year = new Date().getFullYear();
  const stats = useQuery(() => api().meetings.attendanceStats({ year, instanceId: id }), [id, year]);
  const people = useQuery(() => api().people.list(), []);
  const [adding, setAdding] = useState(false);
  const [member, setMember] = useState({ personId: '', role: 'designated' as MemberRole, seat: 'titular' as 'titular' | 'substitute', titularMembershipId: '', startDate: todayIso(), charterSignedAt: '' });
  const [ending, setEnding] = useState<MemberRow | null>(null);
  const [endDate, setEndDate] = useState(todayIso());
  const [closing, setClosing] = useState(false);
  const [close, setClose] = useState({ closedAt: todayIso(), reason: '' });
  const [meetingOpen, setMeetingOpen] = useState(false);
  const [editing, setEditing] = useState<{ name: string; purpose: string; cadence: string; theme: string; territory: string; confidentiality: Confidentiality } | null>(null);
  const [error, setError] = useState<string>();
  const d = q.data;
  if (!d) return q.error ? <Alert color="red">{q.error.message}</Alert> : <Loader />;
  const { instance } = d;
  const confidential = instance.confidentiality === 'confidential';
  const titulars = d.history.filter((r) => r.current && r.membership.seat === 'titular');

  const addMember = async () => {
    setError(undefined);
    try {
      await call(
        api().memberships.add({
          instanceId: id,
          personId: member.personId,
          role: member.role,
          seat: member.seat,
          startDate: member.startDate,
          ...(member.seat === 'substitute' && member.titularMembershipId ? { titularMembershipId: member.titularMembershipId } : {}),
          ...(member.charterSignedAt ? { charterSignedAt: member.charterSignedAt } : {}),
        }),
        { mutation: true, success: 'Membre ajouté.' },
      );
      setAdding(false);
    } catch (e) {
      if (e instanceof ApiError) setError(e.info.message);
    }
  };
  const end = async () => {
    if (!ending) return;
    setError(undefined);
    try {
      await call(api().memberships.end({ id: ending.membership.id, endDate }), { mutation: true });
      setEnding(null);
    } catch (e) {
      if (e instanceof ApiError) setError(e.info.message);
    }
  };
  const remove = async (row: MemberRow) => {
    if (!(await confirmDanger(L.removeMembership, `${row.personName} — ${row.organisationName}`))) return;
    try {
      const del = await call(api().memberships.remove({ id: row.membership.id }), { mutation: true, notifyError: false });
      notifyDeleted(del);
    } catch (e) {
      // Refused because the person is still referenced: offer to end the membership instead.
      if (e instanceof ApiError) {
        setError(e.info.message);
        setEnding(row);
      }
    }
  };
  const sign = (row: MemberRow) => call(api().memberships.update({ id: row.membership.id, patch: { charterSignedAt: todayIso() } }), { mutation: true, success: L.signCharter }).catch(() => undefined);
  const saveEdit = async () => {
    if (!editing) return;
    setError(undefined);
    try {
      await call(api().instances.update({ id, patch: editing }), { mutation: true });
      setEditing(null);
    } catch (e) {
      if (e instanceof ApiError) setError(e.info.message);
    }
  };
  const doClose = async () => {
    setError(undefined);
    try {
      await call(api().instances.close({ id, ...close }), { mutation: true });
      setClosing(false);
    } catch (e) {
      if (e instanceof ApiError) setError(e.info.message);
    }
  };

  return (
    <>
      <Button component={Link} to={links.instances()} variant="subtle" size="xs" leftSection={<IconArrowLeft size={14} />} mb="xs">
        {L.instancesTitle}
      </Button>
      <PageHeader
        title={instance.name}
        subtitle={
          <Group gap="xs" component="span" wrap="nowrap">
            <ConfidentialityBadge level={instance.confidentiality} />
            <span>{[fr.instanceKind[instance.kind], instance.theme, instance.territory, instance.cadence].filter(Boolean).join(' · ')}</span>
          </Group>
        }
        actions={
          <Group gap="xs" wrap="nowrap">
            {registerAllowed(instance) ? (
              <Button variant="default" component={Link} to={`${links.register()}?instance=${instance.id}`} leftSection={<IconShieldLock size={16} />}>
                {fr.register.title}
              </Button>
            ) : null}
            {instance.status === 'active' ? (
              <>
                <Menu position="bottom-end" withinPortal>
                  <Menu.Target>
                    <Tooltip label={fr.meetings.ux.moreActions}>
                      <ActionIcon variant="default" size="lg" aria-label={fr.meetings.ux.moreActions}>
                        <IconDots size={18} />
                      </ActionIcon>
                    </Tooltip>
                  </Menu.Target>
                  <Menu.Dropdown>
                    <Menu.Item
                      leftSection={<IconPencil size={16} />}
                      onClick={() =>
                        setEditing({ name: instance.name, purpose: instance.purpose ?? '', cadence: instance.cadence ?? '', theme: instance.theme ?? '', territory: instance.territory ?? '', confidentiality: instance.confidentiality })
                      }
                    >
                      {fr.actions.edit}
                    </Menu.Item>
                    <Menu.Item leftSection={<IconDoorExit size={16} />} onClick={() => setClosing(true)}>
                      {L.closeInstance}
                    </Menu.Item>
                  </Menu.Dropdown>
                </Menu>
                <Button variant="default" leftSection={<IconUserPlus size={16} />} onClick={() => setAdding(true)}>
                  {L.addMember}
                </Button>
                <Button leftSection={<IconCalendarPlus size={16} />} onClick={() => setMeetingOpen(true)}>
                  {L.newMeeting}
                </Button>
              </>
            ) : (
              <Button variant="default" onClick={() => call(api().instances.reopen({ id }), { mutation: true }).catch(() => undefined)}>
                {L.reopenInstance}
              </Button>
            )}
          </Group>
        }
      />
      {instance.status === 'closed' ? (
        <Alert color="gray" mb="sm">
          {L.closedOn(formatDate(instance.closedAt ?? ''), instance.closedReason ?? '')}
        </Alert>
      ) : null}
      {instance.purpose ? (
        <Text size="sm" mb="sm">
          {instance.purpose}
        </Text>
      ) : null}
      {error ? (
        <Alert color="red" mb="sm" withCloseButton onClose={() => setError(undefined)}>
          {error}
        </Alert>
      ) : null}
      <Grid>
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="md">
            <Text fw={700}>{L.membersByOrg}</Text>
            {d.byOrganisation.length === 0 ? (
              <Text c="dimmed" size="sm">
                {L.noMembers}
              </Text>
            ) : (
              d.byOrganisation.map((g) => (
                <Paper withBorder p="sm" key={g.organisationId}>
                  <Text fw={600} component={Link} to={links.partner(g.organisationId)} c="inherit">
                    {g.organisationName}
                  </Text>
                  <WideTable verticalSpacing={4} mt={4}>
                    <Table.Tbody>
                      {g.members.map((r) => (
                        <Table.Tr key={r.membership.id}>
                          <Table.Td>
                            <Text size="sm" fw={500}>
                              {r.personName}
                            </Text>
                            <Text size="xs" c="dimmed">
                              {[r.jobTitle, fr.memberRole[r.membership.role], fr.seat[r.membership.seat], r.linkedNames.length ? `${r.membership.seat === 'substitute' ? L.titularOf : r.linkedNames.length > 1 ? fr.seat.substitute + 's' : fr.seat.substitute} : ${r.linkedNames.join(', ')}` : ''].filter(Boolean).join(' · ')}
                            </Text>
                          </Table.Td>
                          <Table.Td>
                            <Text size="xs">
                              {L.startDate} {formatShortDate(r.membership.startDate)}
                            </Text>
                          </Table.Td>
                          <Table.Td>
                            <CharterBadge row={r} />
                          </Table.Td>
                          <Table.Td w={120}>
                            <Group gap={2} justify="flex-end" wrap="nowrap">
                              {confidential && r.charterMissing ? (
                                <Tooltip label={L.signCharter}>
                                  <ActionIcon variant="subtle" aria-label={`${L.signCharter} : ${r.personName}`} onClick={() => sign(r)}>
                                    <IconSignature size={16} />
                                  </ActionIcon>
                                </Tooltip>
                              ) : null}
                              <Tooltip label={L.endMembership}>
                                <ActionIcon variant="subtle" aria-label={`${L.endMembership} : ${r.personName}`} onClick={() => setEnding(r)}>
                                  <IconDoorExit size={16} />
                                </ActionIcon>
                              </Tooltip>
                              <Tooltip label={L.removeMembership}>
                                <ActionIcon variant="subtle" color="red" aria-label={`${L.removeMembership} : ${r.personName}`} onClick={() => remove(r)}>
                                  <IconTrash size={16} />
                                </ActionIcon>
                              </Tooltip>
                            </Group>
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </WideTable>
                </Paper>
              ))
            )}
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
                  {d.history.map((r) => (
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
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="md">
            {charterApplies(instance) ? <GovernancePanel detail={d} /> : null}
            <Paper withBorder p="sm">
              <Text fw={700} mb={4}>
                {L.meetingsOfInstance}
              </Text>
              {d.meetings.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {fr.meetings.ux.instanceNoMeetings}
                </Text>
              ) : (
                d.meetings.slice(0, 12).map((m) => (
                  <Group key={m.id} justify="space-between" wrap="nowrap" mb={4}>
                    <Text size="sm" component={Link} to={links.meeting(m.id)} truncate>
                      {formatShortDate(m.date)} — {m.title}
                    </Text>
                    <MeetingStatusBadge status={m.status} />
                  </Group>
                ))
              )}
            </Paper>
            <Paper withBorder p="sm">
              <Text fw={700} mb={4}>
                {L.followedActions}
              </Text>
              {d.followedActions.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {fr.meetings.ux.instanceNoActions}
                </Text>
              ) : (
                d.followedActions.map((a) => (
                  <Text key={a.id} size="sm" component={Link} to={links.action(a.id)} display="block">
                    {a.code} — {a.title} ({fr.actionStatus[a.status]})
                  </Text>
                ))
              )}
            </Paper>
            <Paper withBorder p="sm">
              <Text fw={700} mb={4}>
                {L.attendanceStats(year)}
              </Text>
              {(stats.data ?? []).length === 0 ? (
                <Text size="sm" c="dimmed">
                  {fr.meetings.ux.instanceNoAttendance}
                </Text>
              ) : (
                <WideTable verticalSpacing={2}>
                  <Table.Tbody>
                    {(stats.data ?? []).map((s) => (
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
              )}
            </Paper>
          </Stack>
        </Grid.Col>
      </Grid>
      <Modal opened={adding} onClose={() => setAdding(false)} title={L.addMember}>
        <Stack gap="sm">
          <Select label={L.person} searchable data-autofocus data={(people.data ?? []).map((p) => ({ value: p.id, label: `${p.firstName} ${p.lastName}${p.jobTitle ? ` (${p.jobTitle})` : ''}`.trim() }))} value={member.personId || null} onChange={(v) => setMember({ ...member, personId: v ?? '' })} />
          <Group grow>
            <Select label={L.role} allowDeselect={false} data={Object.entries(fr.memberRole).map(([value, label]) => ({ value, label }))} value={member.role} onChange={(v) => setMember({ ...member, role: (v ?? 'designated') as MemberRole })} />
            <Select label={L.seat} allowDeselect={false} data={[{ value: 'titular', label: fr.seat.titular }, { value: 'substitute', label: fr.seat.substitute }]} value={member.seat} onChange={(v) => setMember({ ...member, seat: (v ?? 'titular') as 'titular' | 'substitute' })} />
          </Group>
          {member.seat === 'substitute' ? (
            <Select label={L.titularOf} data={titulars.map((t) => ({ value: t.membership.id, label: `${t.personName} — ${t.organisationName}` }))} value={member.titularMembershipId || null} onChange={(v) => setMember({ ...member, titularMembershipId: v ?? '' })} />
          ) : null}
          <Group grow>
            <DateField label={L.startDate} value={member.startDate} onChange={(v) => setMember((m) => ({ ...m, startDate: v }))} error={member.startDate === INVALID_DATE ? fr.meetings.ux.invalidDate : undefined} />
            {confidential ? <DateField label={L.charterSignedAt} value={member.charterSignedAt} onChange={(v) => setMember((m) => ({ ...m, charterSignedAt: v }))} error={member.charterSignedAt === INVALID_DATE ? fr.meetings.ux.invalidDate : undefined} /> : null}
          </Group>
          {error ? <Alert color="red">{error}</Alert> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setAdding(false)}>
              {fr.actions.cancel}
            </Button>
            <Button onClick={addMember}>{fr.actions.add}</Button>
          </Group>
        </Stack>
      </Modal>
      <Modal opened={ending !== null} onClose={() => setEnding(null)} title={L.endMembershipTitle}>
        <Stack gap="sm">
          <Text size="sm">
            {ending?.personName} — {ending?.organisationName}
          </Text>
          <DateField label={L.endDate} value={endDate} onChange={setEndDate} error={endDate === INVALID_DATE ? fr.meetings.ux.invalidDate : undefined} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setEnding(null)}>
              {fr.actions.cancel}
            </Button>
            <Button onClick={end}>{L.endMembership}</Button>
          </Group>
        </Stack>
      </Modal>
      <Modal opened={closing} onClose={() => setClosing(false)} title={L.closeInstance}>
        <Stack gap="sm">
          <DateField label={L.closedAt} value={close.closedAt} onChange={(v) => setClose((c) => ({ ...c, closedAt: v }))} error={close.closedAt === INVALID_DATE ? fr.meetings.ux.invalidDate : undefined} />
          <TextInput label={L.closeReason} value={close.reason} onChange={(e) => setClose({ ...close, reason: e.currentTarget.value })} />
          {error ? <Alert color="red">{error}</Alert> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setClosing(false)}>
              {fr.actions.cancel}
            </Button>
            <Button color="red" onClick={doClose}>
              {L.closeInstance}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={L.editInstance} size="lg">
        {editing ? (
          <Stack gap="sm">
            <TextInput label={L.colName} value={editing.name} onChange={(e) => setEditing({ ...editing, name: e.currentTarget.value })} />
            <Group grow>
              <TextInput label={L.theme} value={editing.theme} onChange={(e) => setEditing({ ...editing, theme: e.currentTarget.value })} />
              <TextInput label={L.territory} value={editing.territory} onChange={(e) => setEditing({ ...editing, territory: e.currentTarget.value })} />
              <TextInput label={L.cadence} value={editing.cadence} onChange={(e) => setEditing({ ...editing, cadence: e.currentTarget.value })} />
            </Group>
            <Select
              label={L.confidentiality}
              allowDeselect={false}
              data={(['public', 'restricted', 'confidential'] as const).map((c) => ({ value: c, label: fr.confidentiality[c] }))}
              value={editing.confidentiality}
              onChange={(v) => setEditing({ ...editing, confidentiality: (v ?? editing.confidentiality) as Confidentiality })}
            />
            <Textarea label={L.purpose} autosize minRows={2} value={editing.purpose} onChange={(e) => setEditing({ ...editing, purpose: e.currentTarget.value })} />
            {error ? <Alert color="red">{error}</Alert> : null}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setEditing(null)}>
                {fr.actions.cancel}
              </Button>
              <Button onClick={saveEdit}>{fr.actions.save}</Button>
            </Group>
          </Stack>
        ) : null}
      </Modal>
      <NewMeetingDialog opened={meetingOpen} onClose={() => setMeetingOpen(false)} instanceId={id} />
    </>
  );
}
