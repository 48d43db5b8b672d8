// Registre des situations: the list (filters, status, next retention step), creation, statistics and the way to the DPO journal.
import { Anchor, Button, Group, Modal, Select, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFileTypePdf, IconPlus, IconSearch, IconShieldLock } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { formatShortDate } from '../../../../shared/format';
import { fr } from '../../../../shared/i18n';
import { SituationStatus } from '../../../../shared/register-model';
import { api, useQuery } from '../../api';
import { links } from '../../app/registry';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { LockedNotice, StatusBadge, savePdf } from './common';
import { DataTable } from './DataTable';
import { SituationForm } from './SituationForm';

const L = fr.register.ui;

export function RegisterScreen() {
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query, 150);
  const instanceId = params.get('instance');
  const [status, setStatus] = useState<string | null>(null);
  const [creating, setCreating] = useState(params.get('nouvelle') === '1');
  useEffect(() => {
    document.title = `${fr.register.title} — ${fr.appName}`;
  }, []);
  const view = useQuery(
    () => api().register.view({ ...(instanceId ? { instanceId } : {}), ...(status ? { status: SituationStatus.parse(status) } : {}), ...(debounced ? { query: debounced } : {}) }),
    [instanceId, status, debounced],
  );
  const rows = view.data?.rows ?? [];
  const header = (
    <PageHeader
      title={fr.register.title}
      subtitle={L.subtitle}
      actions={
        view.data ? (
          <>
            <Button variant="default" component={Link} to="/registre/journal" leftSection={<IconShieldLock size={16} />}>
              {L.journal}
            </Button>
            <Button variant="default" leftSection={<IconFileTypePdf size={16} />} onClick={() => void savePdf(() => api().register.statsPdf())}>
              {L.printStats}
            </Button>
            <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
              {L.newSituation}
            </Button>
          </>
        ) : null
      }
    />
  );
  if (view.error) {
    return (
      <>
        {header}
        <LockedNotice error={view.error} />
      </>
    );
  }
  return (
    <>
      {header}
      <Group mb="md" align="flex-end" wrap="wrap">
        <TextInput leftSection={<IconSearch size={16} />} label={L.search} placeholder={L.searchPlaceholder} value={query} onChange={(e) => setQuery(e.currentTarget.value)} style={{ flex: 1, minWidth: 220 }} />
        <Select
          label={L.instance}
          placeholder={L.allInstances}
          clearable
          data={(view.data?.instances ?? []).map((i) => ({ value: i.id, label: i.name }))}
          value={instanceId}
          onChange={(v) => {
            const next = new URLSearchParams(params);
            if (v) next.set('instance', v);
            else next.delete('instance');
            setParams(next);
          }}
          w={260}
        />
        <Select label={L.status} placeholder={L.allStatuses} clearable data={SituationStatus.options.map((s) => ({ value: s, label: fr.register.status[s] }))} value={status} onChange={setStatus} w={180} />
      </Group>
      <Text size="sm" c="dimmed" mb="xs" aria-live="polite">
        {L.total(rows.length)}
      </Text>
      {rows.length === 0 && !view.loading ? (
        <EmptyState title={L.emptyTitle} text={L.emptyText} action={L.newSituation} onAction={() => setCreating(true)} />
      ) : (
        <DataTable
          label={fr.register.title}
          hover
          rows={rows}
          rowKey={(r) => r.id}
          columns={[
            {
              header: L.colReference,
              nowrap: true,
              cell: (r) => (
                <Anchor component={Link} to={links.situation(r.id)} fw={600}>
                  {fr.meetings.situationRef(r.reference)}
                </Anchor>
              ),
            },
            { header: L.colOpened, cell: (r) => formatShortDate(r.openedAt), nowrap: true },
            { header: L.colReason, cell: (r) => r.reasonLabel },
            { header: L.colOrigin, cell: (r) => r.originLabel },
            { header: L.colInstance, cell: (r) => r.instanceNames.join(', ') },
            { header: L.colStatus, cell: (r) => <StatusBadge status={r.status} />, nowrap: true },
            { header: L.colNext, cell: (r) => (r.next ? (r.next.step === 'archive' ? L.nextArchive(formatShortDate(r.next.date)) : L.nextDestroy(formatShortDate(r.next.date))) : L.none) },
          ]}
        />
      )}
      <Modal opened={creating} onClose={() => setCreating(false)} title={L.createTitle} size="lg">
        <SituationForm instanceId={instanceId ?? undefined} onCancel={() => setCreating(false)} onDone={(s) => navigate(links.situation(s.id))} />
      </Modal>
    </>
  );
}
