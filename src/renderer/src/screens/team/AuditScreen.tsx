// The team's audit log for the coordinator: who changed what and when, filtered by person, operation and days (AuditFiltersForm), page by page.
import { Alert, Anchor, Button, Group, Loader, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import type { AuditEntry, AuditFilters, AuditPage } from '../../../../shared/contract/audit';
import { fr } from '../../../../shared/i18n';
import { formatDate, formatTime } from '../../../../shared/format';
import { api, ApiError, call } from '../../api';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { WideTable } from '../../components/WideTable';
import { AuditFiltersForm } from './AuditFiltersForm';
import { itemOf, operationLabel } from './auditLabels';

const a = fr.team.audit;

function when(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  return `${formatDate(day)}, ${formatTime(`${pad(d.getHours())}:${pad(d.getMinutes())}`)}`;
}

function Items({ refs }: { refs: string[] }) {
  const shown = refs.slice(0, 4).map(itemOf);
  return (
    <Group gap={6} wrap="wrap">
      {shown.map((it, i) =>
        it.to ? (
          <Anchor key={i} component={Link} to={it.to} size="sm">
            {it.label}
          </Anchor>
        ) : (
          <Text key={i} size="sm" span>
            {it.label}
          </Text>
        ),
      )}
      {refs.length > 4 ? <Text size="sm" c="dimmed" span>{`+ ${refs.length - 4}`}</Text> : null}
    </Group>
  );
}

export function AuditScreen() {
  const [filters, setFilters] = useState<AuditFilters>({});
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [page, setPage] = useState<AuditPage>();
  const [error, setError] = useState<string>();
  const [loading, setLoading] = useState(true);
  useEffect(() => {
    let alive = true;
    setLoading(true);
    call(api().audit.list(filters), { notifyError: false }).then(
      (p) => {
        if (!alive) return;
        setPage(p);
        setEntries(p.entries);
        setError(undefined);
        setLoading(false);
      },
      (e: unknown) => {
        if (!alive) return;
        setError(e instanceof ApiError ? e.info.message : a.forbidden);
        setLoading(false);
      },
    );
    return () => {
      alive = false;
    };
  }, [filters]);
  const more = async () => {
    if (!page?.next) return;
    const p = await call(api().audit.list({ ...filters, before: page.next })).catch(() => undefined);
    if (!p) return;
    setPage(p);
    setEntries((old) => [...old, ...p.entries]);
  };
  return (
    <Stack>
      <PageHeader title={a.title} subtitle={a.subtitle} />
      {error ? (
        <Alert color="red" icon={<IconAlertTriangle size={18} aria-hidden />} role="alert">
          {error}
        </Alert>
      ) : (
        <>
          <AuditFiltersForm page={page} onApply={setFilters} />
          <Text size="sm" c="dimmed" role="status" aria-live="polite">
            {loading ? '' : a.count(entries.length)}
          </Text>
          {loading && !entries.length ? (
            <Loader aria-label={fr.a11y.loading} />
          ) : entries.length === 0 ? (
            <EmptyState title={a.empty} text={a.emptyHint} />
          ) : (
            <WideTable striped highlightOnHover aria-label={a.title}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{a.when}</Table.Th>
                  <Table.Th scope="col">{a.who}</Table.Th>
                  <Table.Th scope="col">{a.what}</Table.Th>
                  <Table.Th scope="col">{a.items}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {entries.map((e) => (
                  <Table.Tr key={e.id}>
                    <Table.Td>{when(e.at)}</Table.Td>
                    <Table.Td>{e.who}</Table.Td>
                    <Table.Td>{operationLabel(e.channel)}</Table.Td>
                    <Table.Td>
                      <Items refs={e.entities} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </WideTable>
          )}
          {page?.next ? (
            <Button variant="default" w="fit-content" onClick={() => void more()}>
              {a.more}
            </Button>
          ) : null}
        </>
      )}
    </Stack>
  );
}
