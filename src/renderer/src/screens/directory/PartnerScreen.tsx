// Partner institution page: its details, its contacts, the instances it sits in and the actions it pilots or joins.
import { ActionIcon, Anchor, Badge, Button, Card, Grid, Group, Modal, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconArrowLeft, IconEdit, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import type { OrganisationInput, PersonInput } from '../../../../shared/contract/directory';
import { fr } from '../../../../shared/i18n';
import type { InstanceKind, Person } from '../../../../shared/model';
import { api, call, useQuery } from '../../api';
import { links } from '../../app/registry';
import { confirmDanger, notifyDeleted } from '../../components/confirm';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { PartnerForm } from './PartnerForm';
import { PersonForm } from './PersonForm';

export function PartnerScreen() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const detail = useQuery(() => api().partners.get({ id }), [id]);
  const categories = useQuery(() => api().categories.list(), []);
  const [editing, setEditing] = useState(false);
  const [person, setPersonState] = useState<Person | 'new' | null>(null);
  // The dialog title is kept while the dialog closes, so it does not flicker.
  const [personTitle, setPersonTitle] = useState('Ajouter un contact');
  const setPerson = (p: Person | 'new' | null) => {
    if (p !== null) setPersonTitle(p === 'new' ? 'Ajouter un contact' : 'Modifier le contact');
    setPersonState(p);
  };

  if (detail.error)
    return <EmptyState title="Structure introuvable" text={detail.error.message} action="Retour aux partenaires" onAction={() => navigate(links.partners())} />;
  if (!detail.data) return null;
  const { organisation: o, category, people, instances, actions } = detail.data;

  const saveOrg = async (v: OrganisationInput) => {
    await call(api().partners.update({ id, patch: v }), { mutation: true, success: 'Modifications enregistrées.' });
    setEditing(false);
  };
  const savePerson = async (v: PersonInput) => {
    if (person === 'new') await call(api().people.create(v), { mutation: true, success: 'Contact ajouté.' });
    else if (person) await call(api().people.update({ id: person.id, patch: v }), { mutation: true, success: 'Contact modifié.' });
    setPerson(null);
  };
  const removePerson = async (p: Person) => {
    if (!(await confirmDanger('Supprimer ce contact ?', `${p.firstName} ${p.lastName} sera retiré(e) de l’annuaire. Vous pourrez annuler pendant cette session.`))) return;
    notifyDeleted(await call(api().people.delete({ id: p.id }), { mutation: true }));
  };
  const removeOrg = async () => {
    if (!(await confirmDanger('Supprimer cette structure ?', `« ${o.name} » et ses contacts seront supprimés. Vous pourrez annuler pendant cette session.`))) return;
    notifyDeleted(await call(api().partners.delete({ id }), { mutation: true }));
    navigate(links.partners());
  };

  return (
    <>
      <Anchor size="sm" onClick={() => navigate(links.partners())} mb="xs" display="inline-flex" style={{ alignItems: 'center', gap: 4 }}>
        <IconArrowLeft size={14} /> Partenaires
      </Anchor>
      <PageHeader
        title={o.name}
        subtitle={category.label}
        actions={
          <>
            <Button variant="default" leftSection={<IconEdit size={16} />} onClick={() => setEditing(true)}>
              Modifier
            </Button>
            <Button variant="light" color="red" leftSection={<IconTrash size={16} />} onClick={removeOrg}>
              Supprimer
            </Button>
          </>
        }
      />
      <Grid>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Card withBorder>
            <Group justify="space-between" mb="sm">
              <Title order={2} size="h4">
                Contacts
              </Title>
              <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setPerson('new')}>
                Ajouter un contact
              </Button>
            </Group>
            {people.length === 0 ? (
              <Text c="dimmed" size="sm">
                Aucun contact. Ajoutez le référent de la structure pour pouvoir l’inviter aux réunions.
              </Text>
            ) : (
              <Table verticalSpacing="xs" aria-label="Contacts">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Nom</Table.Th>
                    <Table.Th>Fonction</Table.Th>
                    <Table.Th>Coordonnées</Table.Th>
                    <Table.Th w={80} />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {people.map((p) => (
                    <Table.Tr key={p.id}>
                      <Table.Td>
                        <Text size="sm" fw={500}>
                          {[p.civility, p.firstName, p.lastName].filter(Boolean).join(' ')}
                        </Text>
                        {p.leftAt ? (
                          <Badge size="xs" color="gray">
                            A quitté son poste
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
                        <Group gap={4} wrap="nowrap">
                          <Tooltip label="Modifier">
                            <ActionIcon variant="subtle" aria-label={`Modifier ${p.lastName}`} onClick={() => setPerson(p)}>
                              <IconEdit size={16} />
                            </ActionIcon>
                          </Tooltip>
                          <Tooltip label="Supprimer">
                            <ActionIcon variant="subtle" color="red" aria-label={`Supprimer ${p.lastName}`} onClick={() => removePerson(p)}>
                              <IconTrash size={16} />
                            </ActionIcon>
                          </Tooltip>
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack>
            <Card withBorder>
              <Title order={2} size="h4" mb="xs">
                Coordonnées
              </Title>
              <Text size="sm">{o.address ?? 'Adresse non renseignée'}</Text>
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
                Instances
              </Title>
              {instances.length === 0 ? (
                <Text size="sm" c="dimmed">
                  Ne siège dans aucune instance actuellement.
                </Text>
              ) : (
                instances.map((i) => (
                  <Group key={i.id} gap="xs">
                    <Anchor size="sm" onClick={() => navigate(links.instance(i.id))}>
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
                Actions du plan
              </Title>
              {actions.length === 0 ? (
                <Text size="sm" c="dimmed">
                  Ne pilote ni ne participe à aucune action.
                </Text>
              ) : (
                actions.map((a) => (
                  <Group key={a.id} gap="xs" wrap="nowrap" align="flex-start">
                    <Badge variant="light" size="sm" style={{ flex: 'none' }} mt={2}>
                      {a.role === 'pilot' ? 'Pilote' : 'Partenaire'}
                    </Badge>
                    <Anchor size="sm" onClick={() => navigate(links.action(a.id))}>
                      {a.code} — {a.title}
                    </Anchor>
                  </Group>
                ))
              )}
            </Card>
          </Stack>
        </Grid.Col>
      </Grid>
      <Modal opened={editing} onClose={() => setEditing(false)} title="Modifier la structure" size="lg">
        <PartnerForm categories={categories.data ?? []} initial={o} onSubmit={saveOrg} onCancel={() => setEditing(false)} />
      </Modal>
      <Modal opened={person !== null} onClose={() => setPerson(null)} title={personTitle} size="lg">
        {person !== null ? <PersonForm organisationId={id} initial={person === 'new' ? undefined : person} onSubmit={savePerson} onCancel={() => setPerson(null)} /> : null}
      </Modal>
    </>
  );
}
