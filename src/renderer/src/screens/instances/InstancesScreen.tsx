// Instances: searchable list with members and charter flags; « Nouvelle cellule » in under a minute; « Nouvelle instance ».
import { Badge, Button, Checkbox, Group, Modal, MultiSelect, Paper, Select, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAlertTriangle, IconBolt, IconPlus, IconSearch } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { formatShortDate } from '../../../../shared/format';
import { InstanceInput, QuickCellInput } from '../../../../shared/contract/meetings';
import { fr } from '../../../../shared/i18n';
import type { Confidentiality, InstanceKind } from '../../../../shared/model';
import { api, call, useQuery } from '../../api';
import { DateField } from '../../components/DateField';
import { errorUnder, useFormSubmit } from '../../components/useFormSubmit';
import { EditOnly } from '../../app/access';
import { links } from '../../app/registry';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { ConfidentialityBadge } from '../meetings/badges';
import { WideTable } from '../../components/WideTable';
import { useAddressDialog } from '../../components/useAddressDialog';

const L = fr.meetings.ui;

export function QuickCellDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const navigate = useNavigate();
  const people = useQuery(() => api().people.list(), []);
  const orgs = useQuery(() => api().partners.list(), []);
  const [theme, setTheme] = useState('');
  const [name, setName] = useState('');
  const [personIds, setPersonIds] = useState<string[]>([]);
  const [charter, setCharter] = useState('');
  const { errors, busy, submit: check } = useFormSubmit('theme');
  const options = useMemo(() => {
    const orgName = new Map((orgs.data ?? []).map((o) => [o.id, o.name]));
    const groups = new Map<string, { value: string; label: string }[]>();
    for (const p of people.data ?? []) {
      if (p.leftAt) continue;
      const g = orgName.get(p.organisationId) ?? '—';
      if (!groups.has(g)) groups.set(g, []);
      groups.get(g)!.push({ value: p.id, label: `${p.firstName} ${p.lastName}${p.jobTitle ? ` (${p.jobTitle})` : ''} — ${g}`.trim() });
    }
    return [...groups.entries()].sort((a, b) => a[0].localeCompare(b[0], 'fr')).map(([group, items]) => ({ group, items }));
  }, [people.data, orgs.data]);
  const submit = () =>
    check(QuickCellInput, { theme, ...(name ? { name } : {}), personIds, ...(charter ? { charterSignedAt: charter } : {}) }, async (input) => {
      const d = await call(api().instances.quickCell(input), { mutation: true, success: 'Cellule créée.' });
      onClose();
      setTheme('');
      setName('');
      setPersonIds([]);
      navigate(links.instance(d.instance.id));
    });
  return (
    <Modal opened={opened} onClose={onClose} title={L.newCell} size="lg">
      <Stack
        gap="sm"
        component="form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <TextInput label={L.cellTheme} description={L.cellThemeHint} data-autofocus value={theme} onChange={(e) => setTheme(e.currentTarget.value)} error={errors.theme} />
        <TextInput label={L.cellName} placeholder={theme ? `Cellule de veille — ${theme}` : undefined} value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.name} />
        <MultiSelect label={L.cellPeople} description={L.cellPeopleHint} searchable data={options} value={personIds} onChange={setPersonIds} error={errorUnder(errors, 'personIds')} />
        <DateField label={L.cellCharter} value={charter} onChange={setCharter} error={errors.charterSignedAt} />
        <Group gap="xs">
          <Text size="sm">{L.confidentiality} :</Text>
          <ConfidentialityBadge level="confidential" />
        </Group>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {fr.actions.cancel}
          </Button>
          <Button type="submit" loading={busy} leftSection={<IconBolt size={16} />}>
            {L.createCell}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function NewInstanceDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const navigate = useNavigate();
  const [f, setF] = useState({ name: '', kind: 'working_group' as InstanceKind, confidentiality: 'confidential' as Confidentiality, purpose: '', cadence: '', theme: '', territory: '' });
  const { errors, busy, submit: check } = useFormSubmit('name');
  const submit = () =>
    check(InstanceInput, f, async (input) => {
      const i = await call(api().instances.create(input), { mutation: true, success: 'Instance créée.' });
      onClose();
      navigate(links.instance(i.id));
    });
  return (
    <Modal opened={opened} onClose={onClose} title={L.newInstance} size="lg">
      <Stack
        gap="sm"
        component="form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <TextInput label={L.colName} data-autofocus value={f.name} onChange={(e) => setF({ ...f, name: e.currentTarget.value })} error={errors.name} />
        <Group grow>
          <Select
            label={L.kind}
            allowDeselect={false}
            data={Object.entries(fr.instanceKind).map(([value, label]) => ({ value, label }))}
            value={f.kind}
            onChange={(v) => {
              const kind = (v ?? 'working_group') as InstanceKind;
              setF({ ...f, kind, confidentiality: kind === 'plenary' ? 'public' : kind === 'restricted' || kind === 'gpo' ? 'restricted' : 'confidential' });
            }}
          />
          <Select label={L.confidentiality} allowDeselect={false} data={(['public', 'restricted', 'confidential'] as const).map((c) => ({ value: c, label: fr.confidentiality[c] }))} value={f.confidentiality} onChange={(v) => setF({ ...f, confidentiality: (v ?? 'public') as Confidentiality })} />
        </Group>
        <Group grow>
          <TextInput label={L.theme} value={f.theme} onChange={(e) => setF({ ...f, theme: e.currentTarget.value })} error={errors.theme} />
          <TextInput label={L.territory} value={f.territory} onChange={(e) => setF({ ...f, territory: e.currentTarget.value })} error={errors.territory} />
          <TextInput label={L.cadence} value={f.cadence} onChange={(e) => setF({ ...f, cadence: e.currentTarget.value })} error={errors.cadence} />
        </Group>
        <Textarea label={L.purpose} autosize minRows={2} value={f.purpose} onChange={(e) => setF({ ...f, purpose: e.currentTarget.value })} error={errors.purpose} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {fr.actions.cancel}
          </Button>
          <Button type="submit" loading={busy}>
            {fr.actions.save}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function InstancesScreen() {
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query, 120);
  const [showClosed, setShowClosed] = useState(false);
  const quick = useAddressDialog('cellule');
  const [creating, setCreating] = useState(false);
  const list = useQuery(() => api().instances.list({ query: debounced || undefined, includeClosed: showClosed }), [debounced, showClosed]);
  const rows = list.data ?? [];
  return (
    <>
      <PageHeader
        title={L.instancesTitle}
        subtitle={L.instancesSubtitle}
        actions={
          <EditOnly>
            <Button variant="default" leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
              {L.newInstance}
            </Button>
            <Button leftSection={<IconBolt size={16} />} onClick={quick.open}>
              {L.newCell}
            </Button>
          </EditOnly>
        }
      />
      <Group mb="md" align="flex-end">
        <TextInput leftSection={<IconSearch size={16} />} label={fr.actions.search} value={query} onChange={(e) => setQuery(e.currentTarget.value)} style={{ flex: 1 }} />
        <Checkbox label={L.showClosed} checked={showClosed} onChange={(e) => setShowClosed(e.currentTarget.checked)} mb={8} />
      </Group>
      {rows.length === 0 && !list.loading ? (
        <EmptyState title={L.noInstances} text={L.noInstancesText} action={L.newCell} onAction={quick.open} edits />
      ) : (
        <Paper withBorder>
          <WideTable highlightOnHover verticalSpacing="sm" aria-label={L.instancesTitle}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{L.colName}</Table.Th>
                <Table.Th>{L.colKind}</Table.Th>
                <Table.Th>{L.confidentiality}</Table.Th>
                <Table.Th>{L.colMembers}</Table.Th>
                <Table.Th>{L.colNext}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((i) => (
                <Table.Tr key={i.id} style={{ cursor: 'pointer' }} onClick={() => navigate(links.instance(i.id))}>
                  <Table.Td>
                    <Text size="sm" fw={600} component={Link} to={links.instance(i.id)} c="inherit" td="none" onClick={(e) => e.stopPropagation()}>
                      {i.name}
                    </Text>
                    {i.status === 'closed' ? (
                      <Badge size="xs" color="gray" ml={6} style={{ textTransform: 'none' }}>
                        {L.closed}
                      </Badge>
                    ) : null}
                    {i.theme || i.territory ? (
                      <Text size="xs" c="dimmed">
                        {[i.theme, i.territory].filter(Boolean).join(' · ')}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{fr.instanceKind[i.kind]}</Text>
                  </Table.Td>
                  <Table.Td>
                    <ConfidentialityBadge level={i.confidentiality} />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{i.currentMembers}</Text>
                    {i.unsignedMembers ? (
                      <Badge size="xs" color="red" variant="light" leftSection={<IconAlertTriangle size={10} />} style={{ textTransform: 'none' }}>
                        {L.unsigned(i.unsignedMembers)}
                      </Badge>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{i.nextMeetingDate ? formatShortDate(i.nextMeetingDate) : '—'}</Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </WideTable>
        </Paper>
      )}
      <QuickCellDialog opened={quick.opened} onClose={quick.close} />
      <NewInstanceDialog opened={creating} onClose={() => setCreating(false)} />
    </>
  );
}
