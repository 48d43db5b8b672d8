// Partner institution page: its details, its contacts, the instances it sits in and the actions it pilots or joins.
import { ActionIcon, Anchor, Badge, Button, Card, Grid, Group, Modal, Progress, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconArrowLeft, IconEdit, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { OrganisationInput, PersonInput } from '../../../../shared/contract/directory';
import { formatPercent } from '../../../../shared/format';
import { fr } from '../../../../shared/i18n';
import type { InstanceKind, Person } from '../../../../shared/model';
import { api, call, useQuery } from '../../api';
import { links } from '../../app/registry';
import { EditOnly } from '../../app/access';
import { deleteWithUndo } from '../../components/confirm';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { PartnerForm } from './PartnerForm';
import { PersonForm } from './PersonForm';
import { rowFallback, rowKey, rowList } from '../../components/rowFocus';
import { WideTable } from '../../components/WideTable';

const t = fr.directory.partner;

/** Attendance of one institution at the meetings of the current year (present and represented over invited). */
function AttendanceCard({ organisationId }: { organisationId: string }) {
  const year = new Date().getFullYear();
  const stats = useQuery(() => api().meetings.attendanceStats({ year }), [year]);
  const row = stats.data?.find((r) => r.organisationId === organisationId);
  const counts = row
    ? (['present', 'represented', 'excused', 'absent', 'unknown'] as const).filter((k) => row[k] > 0).map((k) => `${fr.attendanceStatus[k]} : ${row[k]}`)
    : [];
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb={4}>
        {t.attendance}
      </Title>
      <Text size="xs" c="dimmed" mb="xs">
        {t.attendanceYear(year)}
      </Text>
      {stats.data === undefined ? null : !row || row.invited === 0 ? (
        <Text size="sm" c="dimmed">
          {t.attendanceNone(year)}
        </Text>
      ) : (
        <Stack gap={6}>
          <Group justify="space-between" align="baseline">
            <Text size="sm">{t.attendanceRate}</Text>
            <Text fw={700} size="lg">
              {formatPercent(row.rate)}
            </Text>
          </Group>
          <Progress value={row.rate} aria-label={t.attendanceRate} />
          <Text size="sm">{t.attendanceInvited(row.invited)}</Text>
          <Text size="xs" c="dimmed">
            {counts.join(' · ')}
          </Text>
          <Text size="xs" c="dimmed">
            {t.attendanceHelp}
          </Text>
        </Stack>
      )}
    </Card>
  );
}

export function PartnerScreen() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const detail = useQuery(() => api().partners.get({ id }), [id]);
  const categories = useQuery(() => api().categories.list(), []);
  const [editing, setEditing] = useState(false);
  const [person, setPersonState] = useState<Person | 'new' | null>(null);
  // The dialog title is kept while the dialog closes, so it does not flicker.
  const [personTitle, setPersonTitle] = useState(t.addContact);
  const setPerson = (p: Person | 'new' | null) => {
    if (p !== null) setPersonTitle(p === 'new' ? t.addContact : t.editContact);
    setPersonState(p);
  };

  if (detail.error)
    return <EmptyState title={t.notFound} text={detail.error.message} action={t.backToList} onAction={() => navigate(links.partners())} />;
  if (!detail.data) return null;
  const { organisation: o, category, people, instances, actions } = detail.data;

  const saveOrg = async (v: OrganisationInput) => {
    await call(api().partners.update({ id, patch: v }), { mutation: true, success: t.saved });
    setEditing(false);
  };
  const savePerson = async (v: PersonInput) => {
    if (person === 'new') await call(api().people.create(v), { mutation: true, success: t.contactAdded });
    else if (person) await call(api().people.update({ id: person.id, patch: v }), { mutation: true, success: t.contactUpdated });
    setPerson(null);
  };
  const removePerson = async (p: Person) => {
    await deleteWithUndo(t.deleteContactTitle, t.deleteContactBody([p.firstName, p.lastName].filter(Boolean).join(' ')), () => api().people.delete({ id: p.id }));
  };
  const removeOrg = async () => {
    if (await deleteWithUndo(t.deleteTitle, t.deleteBody(o.name), () => api().partners.delete({ id }))) navigate(links.partners());
  };

  return (
    <>
      <Anchor size="sm" component={Link} to={links.partners()} mb="xs" display="inline-flex" style={{ alignItems: 'center', gap: 4 }}>
        <IconArrowLeft size={14} /> {t.back}
      </Anchor>
      <PageHeader
        title={o.name}
        subtitle={category.label}
        actions={
          <EditOnly>
            <Button variant="default" leftSection={<IconEdit size={16} />} onClick={() => setEditing(true)}>
              {fr.actions.edit}
            </Button>
            <Button variant="light" color="red" leftSection={<IconTrash size={16} />} onClick={removeOrg}>
              {fr.actions.delete}
            </Button>
          </EditOnly>
        }
      />
      <Grid>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Card withBorder>
            <Group justify="space-between" mb="sm">
              <Title order={2} size="h4">
                {t.contacts}
              </Title>
              <EditOnly>
                <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setPerson('new')} {...rowFallback('contacts')}>
                  {t.addContact}
                </Button>
              </EditOnly>
            </Group>
            {people.length === 0 ? (
              <Text c="dimmed" size="sm">
                {t.noContacts}
              </Text>
            ) : (
              <WideTable verticalSpacing="xs" aria-label={t.contacts}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t.colName}</Table.Th>
                    <Table.Th>{t.colJob}</Table.Th>
                    <Table.Th>{t.colDetails}</Table.Th>
                    <Table.Th w={80} />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody {...rowList('contacts')}>
                  {people.map((p) => (
                    <Table.Tr key={p.id} {...rowKey(p.id)}>
                      <Table.Td>
                        <Text size="sm" fw={500}>
                          {[p.civility, p.firstName, p.lastName].filter(Boolean).join(' ')}
                        </Text>
                        {p.leftAt ? (
                          <Badge size="xs" color="gray">
                            {t.leftPost}
                          </Badge>
                        ) : null}
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{p.jobTitle ?? '—'}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="xs">{p.email ?? ''}</Text>
                        <Text size="xs">{p.phone ?? ''}</Text>
                      </Table.Td>
                      <Table.Td>
                        <EditOnly>
                          <Group gap={4} wrap="nowrap">
                            <Tooltip label={fr.actions.edit}>
                              <ActionIcon variant="subtle" aria-label={t.editPerson(p.lastName)} onClick={() => setPerson(p)}>
                                <IconEdit size={16} />
                              </ActionIcon>
                            </Tooltip>
                            <Tooltip label={fr.actions.delete}>
                              <ActionIcon variant="subtle" color="red" aria-label={t.deletePerson(p.lastName)} onClick={() => removePerson(p)}>
                                <IconTrash size={16} />
                              </ActionIcon>
                            </Tooltip>
                          </Group>
                        </EditOnly>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </WideTable>
            )}
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack>
            <Card withBorder>
              <Title order={2} size="h4" mb="xs">
                {t.details}
              </Title>
              <Text size="sm">{o.address ?? t.noAddress}</Text>
              <Text size="sm">{o.email ?? ''}</Text>
              <Text size="sm">{o.phone ?? ''}</Text>
              {o.notes ? (
                <Text size="sm" mt="xs" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
                  {o.notes}
                </Text>
              ) : null}
            </Card>
            <Card withBorder>
              <Title order={2} size="h4" mb="xs">
                {t.instances}
              </Title>
              {instances.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t.noInstances}
                </Text>
              ) : (
                instances.map((i) => (
                  <Group key={i.id} gap="xs">
                    <Anchor size="sm" component={Link} to={links.instance(i.id)}>
                      {i.name}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {fr.instanceKind[i.kind as InstanceKind]}
                    </Text>
                  </Group>
                ))
              )}
            </Card>
            <Card withBorder>
              <Title order={2} size="h4" mb="xs">
                {t.actions}
              </Title>
              {actions.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t.noActions}
                </Text>
              ) : (
                actions.map((a) => (
                  <Group key={a.id} gap="xs" wrap="nowrap" align="flex-start">
                    <Badge variant="light" size="sm" style={{ flex: 'none' }} mt={2}>
                      {a.role === 'pilot' ? t.pilot : t.partner}
                    </Badge>
                    <Anchor size="sm" component={Link} to={links.action(a.id)}>
                      {a.code} — {a.title}
                    </Anchor>
                  </Group>
                ))
              )}
            </Card>
            <AttendanceCard organisationId={id} />
          </Stack>
        </Grid.Col>
      </Grid>
      <Modal opened={editing} onClose={() => setEditing(false)} title={t.editTitle} size="lg">
        <PartnerForm categories={categories.data ?? []} initial={o} onSubmit={saveOrg} onCancel={() => setEditing(false)} />
      </Modal>
      <Modal opened={person !== null} onClose={() => setPerson(null)} title={personTitle} size="lg">
        {person !== null ? <PersonForm organisationId={id} initial={person === 'new' ? undefined : person} onSubmit={savePerson} onCancel={() => setPerson(null)} /> : null}
      </Modal>
    </>
  );
}
