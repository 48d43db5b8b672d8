// Partenaires: searchable list of partner institutions with a category filter, creation and deletion.
import { ActionIcon, Button, Group, Modal, Paper, Select, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch, IconTrash } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import type { OrganisationInput } from '../../../../shared/contract/directory';
import { api, call, useQuery } from '../../api';
import { links } from '../../app/registry';
import { confirmDanger, notifyDeleted } from '../../components/confirm';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { PartnerForm } from './PartnerForm';

export function PartnersScreen() {
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query, 120);
  const [categoryId, setCategoryId] = useState<string | null>(null);
  const [creating, setCreating] = useState(params.get('nouveau') === '1');
  useEffect(() => {
    if (params.get('nouveau') === '1') setCreating(true);
  }, [params]);
  const categories = useQuery(() => api().categories.list(), []);
  const partners = useQuery(() => api().partners.list({ query: debounced || undefined, categoryId: categoryId ?? undefined }), [debounced, categoryId]);

  const create = async (v: OrganisationInput) => {
    const org = await call(api().partners.create(v), { mutation: true, success: `Structure « ${v.name.trim()} » ajoutée.` });
    setCreating(false);
    setParams({});
    navigate(links.partner(org.id));
  };

  const remove = async (id: string, name: string) => {
    if (!(await confirmDanger('Supprimer cette structure ?', `« ${name} » et ses contacts seront supprimés. Vous pourrez annuler pendant cette session.`))) return;
    const d = await call(api().partners.delete({ id }), { mutation: true });
    notifyDeleted(d);
  };

  const rows = partners.data ?? [];
  const filtering = Boolean(debounced || categoryId);
  return (
    <>
      <PageHeader
        title="Partenaires"
        subtitle="Les institutions partenaires du conseil et leurs contacts."
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
            Ajouter un partenaire
          </Button>
        }
      />
      <Group mb="md" align="flex-end">
        <TextInput
          leftSection={<IconSearch size={16} />}
          placeholder="Nom, sigle ou contact…"
          label="Rechercher"
          value={query}
          onChange={(e) => setQuery(e.currentTarget.value)}
          style={{ flex: 1 }}
        />
        <Select
          label="Catégorie"
          placeholder="Toutes les catégories"
          clearable
          data={(categories.data ?? []).map((c) => ({ value: c.id, label: c.label }))}
          value={categoryId}
          onChange={setCategoryId}
          w={360}
        />
      </Group>
      {partners.loading && !partners.data ? null : rows.length === 0 ? (
        filtering ? (
          <EmptyState title="Aucun partenaire ne correspond" text="Essayez un autre mot ou retirez le filtre de catégorie." />
        ) : (
          <EmptyState
            title="Aucun partenaire pour l’instant"
            text="Cette liste rassemblera les institutions du conseil : police, justice, écoles, bailleurs, associations… Commencez par la préfecture et le parquet."
            action="Ajouter un partenaire"
            onAction={() => setCreating(true)}
          />
        )
      ) : (
        <Paper withBorder>
          <Table highlightOnHover verticalSpacing="sm" aria-label="Liste des partenaires">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Structure</Table.Th>
                <Table.Th>Catégorie</Table.Th>
                <Table.Th>Contacts</Table.Th>
                <Table.Th>Courriel</Table.Th>
                <Table.Th w={60} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((o) => (
                <Table.Tr key={o.id} style={{ cursor: 'pointer' }} onClick={() => navigate(links.partner(o.id))}>
                  <Table.Td>
                    <Text fw={600} size="sm" component="a" href={`#${links.partner(o.id)}`} c="inherit" td="none" onClick={(e) => e.stopPropagation()}>
                      {o.name}
                    </Text>
                    {o.shortName ? (
                      <Text size="xs" c="dimmed">
                        {o.shortName}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c="dark.6" maw={260} lineClamp={2} title={o.categoryLabel}>
                      {o.categoryLabel}
                    </Text>
                  </Table.Td>
                  <Table.Td>{o.peopleCount}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{o.email ?? '—'}</Text>
                  </Table.Td>
                  <Table.Td onClick={(e) => e.stopPropagation()}>
                    <Tooltip label="Supprimer">
                      <ActionIcon variant="subtle" color="red" aria-label={`Supprimer ${o.name}`} onClick={() => remove(o.id, o.name)}>
                        <IconTrash size={16} />
                      </ActionIcon>
                    </Tooltip>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      <Text size="xs" c="dimmed" mt="xs">
        {rows.length} {rows.length > 1 ? 'structures' : 'structure'}
      </Text>
      <Modal
        opened={creating}
        onClose={() => {
          setCreating(false);
          setParams({});
        }}
        title="Ajouter un partenaire"
        size="lg"
      >
        <PartnerForm categories={categories.data ?? []} onSubmit={create} onCancel={() => setCreating(false)} />
      </Modal>
    </>
  );
}
