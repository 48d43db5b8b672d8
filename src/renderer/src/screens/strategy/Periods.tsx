// Strategy periods: list, search the archives, close the active period and start a new one carrying over chosen actions.
import { Alert, Anchor, Badge, Button, Checkbox, Group, NumberInput, Paper, ScrollArea, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import { IconArchive, IconSearch } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { strategyContract, type ArchiveSearchHit } from '../../../../shared/contract/strategy';
import { formatDate } from '../../../../shared/format';
import { fr } from '../../../../shared/i18n';
import { api, call, useQuery } from '../../api';
import { useAccess } from '../../app/access';
import { links } from '../../app/registry';
import { confirmDanger } from '../../components/confirm';
import { StatusBadge } from './ui';
import { FormActions } from '../../components/FormActions';
import { checkForm, formNumber, useFormSubmit } from '../../components/useFormSubmit';
import { WideTable } from '../../components/WideTable';

const s = fr.strategy.ui.periods;

export function PeriodsPanel({ onDone, onShowPeriod }: { onDone: () => void; onShowPeriod: (periodId: string) => void }) {
  const { canEdit } = useAccess();
  const periods = useQuery(() => api().strategy.periods(), []);
  const active = periods.data?.find((p) => p.active);
  const rows = useQuery(() => api().strategy.actions(active ? { periodId: active.id } : undefined), [active?.id]);
  const unfinished = useMemo(() => (rows.data ?? []).filter((r) => r.status !== 'done' && r.status !== 'abandoned'), [rows.data]);
  const [creating, setCreating] = useState(false);
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<ArchiveSearchHit[] | undefined>();
  const nextStart = active ? active.endYear + 1 : new Date().getFullYear();
  const [form, setForm] = useState<{ title: string; startYear: number | string; endYear: number | string; copyStructure: boolean; carry: Set<string> }>({
    title: '',
    startYear: nextStart,
    endYear: nextStart + 3,
    copyStructure: true,
    carry: new Set(),
  });
  const { errors, setErrors, busy, run } = useFormSubmit('title');
  const activeEnd = active?.endYear;
  useEffect(() => {
    // Once the active period is known, the new one starts the year after it ends.
    if (activeEnd !== undefined) setForm((f) => ({ ...f, startYear: activeEnd + 1, endYear: activeEnd + 4 }));
  }, [activeEnd]);

  const search = async () => {
    if (!query.trim()) return;
    setHits(await call(api().strategy.searchArchives({ query })));
  };
  const start = async () => {
    const sy = formNumber(form.startYear) ?? Number.NaN;
    const ey = formNumber(form.endYear) ?? Number.NaN;
    const input = { title: form.title, startYear: sy, endYear: ey, carryOverActionIds: [...form.carry], copyStructure: form.copyStructure };
    const checked = checkForm(strategyContract['strategy:createPeriod'].input, input, ey < sy ? { endYear: fr.strategy.errors.periodYears } : {});
    if (!checked.ok) return setErrors(checked.errors);
    if (active && !(await confirmDanger(s.confirmTitle, s.confirmText(active.title, form.carry.size), s.confirmButton))) return;
    await run({}, async () => {
      await call(api().strategy.createPeriod(checked.data), { mutation: true, success: s.started(checked.data.title) });
      onDone();
    });
  };
  const toggle = (id: string) => {
    const carry = new Set(form.carry);
    if (carry.has(id)) carry.delete(id);
    else carry.add(id);
    setForm({ ...form, carry });
  };

  return (
    <Stack>
      <WideTable fz="sm" aria-label={s.list}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{s.period}</Table.Th>
            <Table.Th>{s.years}</Table.Th>
            <Table.Th>{s.state}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(periods.data ?? []).map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td>{p.title}</Table.Td>
              <Table.Td>
                {p.startYear}–{p.endYear}
              </Table.Td>
              <Table.Td>
                {p.active ? (
                  <Badge color="teal" variant="light" style={{ textTransform: 'none' }}>
                    {s.active}
                  </Badge>
                ) : (
                  <Badge color="gray" variant="light" leftSection={<IconArchive size={12} aria-hidden />} style={{ textTransform: 'none' }}>
                    {p.closedAt ? s.archivedOn(formatDate(p.closedAt)) : s.archived}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>
                <Button size="xs" variant="subtle" onClick={() => onShowPeriod(p.id)}>
                  {s.show}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </WideTable>

      {(periods.data ?? []).some((p) => p.status === 'closed') ? (
        <Paper withBorder p="sm">
          <Group align="flex-end" gap="xs">
            <TextInput label={s.searchArchives} placeholder={s.searchPlaceholder} value={query} onChange={(e) => setQuery(e.currentTarget.value)} onKeyDown={(e) => e.key === 'Enter' && void search()} style={{ flex: 1 }} />
            <Button variant="light" leftSection={<IconSearch size={16} />} onClick={search}>
              {fr.actions.search}
            </Button>
          </Group>
          {hits ? (
            hits.length === 0 ? (
              <Text size="sm" c="dimmed" mt="xs">
                {s.noHit}
              </Text>
            ) : (
              <Stack gap={4} mt="xs">
                {hits.slice(0, 50).map((h) => (
                  <Group key={`${h.periodId}-${h.action.id}`} gap="xs" wrap="nowrap">
                    <Anchor href={`#${links.action(h.action.id)}`} size="sm" onClick={onDone}>
                      {h.action.code} {h.action.title}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {h.periodTitle}
                    </Text>
                    <StatusBadge status={h.action.status} size="xs" />
                  </Group>
                ))}
              </Stack>
            )
          ) : null}
        </Paper>
      ) : null}

      {!canEdit ? null : !creating ? (
        <Group justify="space-between">
          <Text size="sm" c="dimmed" maw={520}>
            {active ? s.closeHelp : s.startHelp}
          </Text>
          <Button onClick={() => setCreating(true)}>{active ? s.closeAndStart : s.start}</Button>
        </Group>
      ) : (
        <Paper withBorder p="md">
          <Title order={3} size="h5" mb="sm">
            {active ? s.closeAndStart : s.start}
          </Title>
          <Stack gap="sm">
            <TextInput label={s.newTitle} placeholder={s.titlePlaceholder(Number(form.startYear) || nextStart, Number(form.endYear) || nextStart + 3)} required value={form.title} onChange={(e) => setForm({ ...form, title: e.currentTarget.value })} error={errors.title} />
            <Group grow>
              <NumberInput label={s.startYear} min={2000} max={2100} value={form.startYear} onChange={(v) => setForm({ ...form, startYear: v })} error={errors.startYear} />
              <NumberInput label={s.endYear} min={2000} max={2100} value={form.endYear} onChange={(v) => setForm({ ...form, endYear: v })} error={errors.endYear} />
            </Group>
            {active ? (
              <>
                <Switch label={s.copyStructure} checked={form.copyStructure} onChange={(e) => setForm({ ...form, copyStructure: e.currentTarget.checked })} />
                <Group justify="space-between">
                  <Text size="sm" fw={600}>
                    {s.carryTitle(unfinished.length)}
                  </Text>
                  <Group gap="xs">
                    <Button size="xs" variant="subtle" onClick={() => setForm({ ...form, carry: new Set(unfinished.map((r) => r.id)) })}>
                      {s.all}
                    </Button>
                    <Button size="xs" variant="subtle" onClick={() => setForm({ ...form, carry: new Set() })}>
                      {s.none}
                    </Button>
                  </Group>
                </Group>
                <ScrollArea h={220} type="auto">
                  <Stack gap={4}>
                    {unfinished.map((r) => (
                      <Checkbox key={r.id} label={`${r.code} ${r.title} — ${fr.actionStatus[r.status]}`} checked={form.carry.has(r.id)} onChange={() => toggle(r.id)} />
                    ))}
                  </Stack>
                </ScrollArea>
                <Alert color="gray" icon={<IconArchive size={18} />}>
                  {s.archiveNote}
                </Alert>
              </>
            ) : null}
            <FormActions onCancel={() => setCreating(false)} onSubmit={start} busy={busy} submitLabel={active ? s.closeAndStart : s.start} />
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
