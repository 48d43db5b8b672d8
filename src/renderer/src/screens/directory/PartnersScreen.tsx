// Partenaires: searchable list of partner institutions with a category filter, creation and deletion.
import { ActionIcon, Button, Group, Modal, Paper, Select, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { OrganisationInput } from '../../../../shared/contract/directory';
import { fr } from '../../../../shared/i18n';
import { api, call, useQuery } from '../../api';
import { links } from '../../app/registry';
import { EditOnly } from '../../app/access';
import { deleteWithUndo } from '../../components/confirm';
import { EmptyState } from '../../components/EmptyState';
import { rowFallback, rowKey, rowList } from '../../components/rowFocus';
import { PageHeader } from '../../components/PageHeader';
import { PartnerForm } from './PartnerForm';
import { WideTable } from '../../components/WideTable';
import { useAddressDialog } from '../../components/useAddressDialog';

const t = fr.directory.partners;
const tp = fr.directory.partner;

export function PartnersScreen() {
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query, 120);
  const [categoryId, setCategoryId] = useState<string | null>(null);
  const creating = useAddressDialog('nouveau');
  const categories = useQuery(() => api().categories.list(), []);
  const partners = useQuery(() => api().partners.list({ query: debounced || undefined, categoryId: categoryId ?? undefined }), [debounced, categoryId]);

  const create = async (v: OrganisationInput) => {
    const org = await call(api().partners.create(v), { mutation: true, success: t.created(v.name.trim()) });
    creating.close();
    navigate(links.partner(org.id));
  };

  const remove = async (id: string, name: string) => {
    await deleteWithUndo(tp.deleteTitle, tp.deleteBody(name), () => api().partners.delete({ id }));
  };

  const rows = partners.data ?? [];
  const filtering = Boolean(debounced || categoryId);
  return (
    <>
      <PageHeader
        title={t.title}
        subtitle={t.subtitle}
        actions={
          <EditOnly>
            <Button leftSection={<IconPlus size={16} />} onClick={creating.open} {...rowFallback('partners')}>
              {t.add}
            </Button>
          </EditOnly>
        }
      />
      <Group mb="md" align="flex-end">
        <TextInput
          leftSection={<IconSearch size={16} />}
          placeholder={t.searchPlaceholder}
          label={t.searchLabel}
          value={query}
          onChange={(e) => setQuery(e.currentTarget.value)}
          style={{ flex: 1 }}
        />
        <Select
          label={t.category}
          placeholder={t.allCategories}
          clearable
          data={(categories.data ?? []).map((c) => ({ value: c.id, label: c.label }))}
          value={categoryId}
          onChange={setCategoryId}
          w={360}
        />
      </Group>
      {partners.loading && !partners.data ? null : rows.length === 0 ? (
        filtering ? (
          <EmptyState title={t.noMatchTitle} text={t.noMatchText} />
        ) : (
          <EmptyState
            title={t.emptyTitle}
            text={t.emptyText}
            action={t.add}
            onAction={creating.open}
            edits
          />
        )
      ) : (
        <Paper withBorder>
          <WideTable highlightOnHover verticalSpacing="sm" aria-label={t.tableLabel}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t.colName}</Table.Th>
                <Table.Th>{t.colCategory}</Table.Th>
                <Table.Th>{t.colContacts}</Table.Th>
                <Table.Th>{t.colEmail}</Table.Th>
                <Table.Th w={60} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody {...rowList('partners')}>
              {rows.map((o) => (
                <Table.Tr key={o.id} {...rowKey(o.id)} style={{ cursor: 'pointer' }} onClick={() => navigate(links.partner(o.id))}>
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
                    <EditOnly>
                      <Tooltip label={fr.actions.delete}>
                        <ActionIcon variant="subtle" color="red" aria-label={t.deleteLabel(o.name)} onClick={() => remove(o.id, o.name)}>
                          <IconTrash size={16} />
                        </ActionIcon>
                      </Tooltip>
                    </EditOnly>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </WideTable>
        </Paper>
      )}
      <Text size="xs" c="dimmed" mt="xs">
        {t.count(rows.length)}
      </Text>
      <Modal opened={creating.opened} onClose={creating.close} title={t.add} size="lg">
        <PartnerForm categories={categories.data ?? []} onSubmit={create} onCancel={creating.close} />
      </Modal>
    </>
  );
}
