// The plan's filters: search, axis, objective, status, health, pilot, partner, territory, public and period, with the count shown.
import { Button, Group, MultiSelect, Paper, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconFilterOff } from '@tabler/icons-react';
import type { HealthLevel } from '../../../../../shared/health';
import { fr } from '../../../../../shared/i18n';
import type { ActionStatus } from '../../../../../shared/model';
import { optionsOf } from '../action/text';
import { SearchInput } from './SearchInput';
import type { PlanData } from './usePlanData';

const s = fr.strategy.ui;
const STATUS_OPTIONS = optionsOf(fr.actionStatus);
const HEALTH_OPTIONS = optionsOf(fr.strategy.health);

export function PlanFiltersPanel({ data }: { data: PlanData }) {
  const { filters, setFilters, setFilter: set, options, periods, filtered, rowsQ, active } = data;
  return (
    <Paper withBorder p="sm" mb="md">
      <Stack gap="xs">
        <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} spacing="sm" verticalSpacing="xs">
          <SearchInput value={filters.text ?? ''} onChange={(text) => set({ text: text || undefined })} />
          <Select label={s.filters.axis} placeholder={s.filters.all} data={options.axes} value={filters.axisId ?? null} onChange={(v) => set({ axisId: v ?? undefined, objectiveId: undefined })} clearable style={{ flex: '1 1 180px' }} />
          <Select
            label={s.filters.objective}
            placeholder={s.filters.all}
            data={options.objectives}
            value={filters.objectiveId ?? null}
            onChange={(v) => set({ objectiveId: v ?? undefined })}
            clearable
            searchable
            style={{ flex: '1 1 180px' }}
          />
          <MultiSelect label={s.filters.status} placeholder={s.filters.all} data={STATUS_OPTIONS} value={filters.status ?? []} onChange={(v) => set({ status: v as ActionStatus[] })} clearable style={{ flex: '1 1 180px' }} />
          <MultiSelect label={s.filters.health} placeholder={s.filters.all} data={HEALTH_OPTIONS} value={filters.health ?? []} onChange={(v) => set({ health: v as HealthLevel[] })} clearable style={{ flex: '1 1 180px' }} />
          <Select label={s.filters.pilot} placeholder={s.filters.all} data={options.partners} value={filters.pilotId ?? null} onChange={(v) => set({ pilotId: v ?? undefined })} clearable searchable style={{ flex: '1 1 180px' }} />
          <Select label={s.filters.partner} placeholder={s.filters.all} data={options.partners} value={filters.partnerId ?? null} onChange={(v) => set({ partnerId: v ?? undefined })} clearable searchable style={{ flex: '1 1 180px' }} />
          <TextInput label={s.filters.territory} value={filters.territory ?? ''} onChange={(e) => set({ territory: e.currentTarget.value || undefined })} style={{ flex: '1 1 150px' }} />
          <TextInput label={s.filters.targetPublic} value={filters.targetPublic ?? ''} onChange={(e) => set({ targetPublic: e.currentTarget.value || undefined })} style={{ flex: '1 1 150px' }} />
          <Select label={s.filters.period} data={options.periods} value={filters.periodId ?? (periods.data ?? []).find((p) => p.active)?.id ?? null} onChange={(v) => set({ periodId: v && !(periods.data ?? []).find((p) => p.id === v)?.active ? v : undefined })} style={{ flex: '1 1 200px' }} allowDeselect={false} />
        </SimpleGrid>
        <Group justify="space-between">
          <Text size="xs" c="dimmed" aria-live="polite">
            {s.shown(filtered.length, rowsQ.data?.length ?? 0)}
          </Text>
          <Button variant="subtle" leftSection={<IconFilterOff size={16} />} disabled={!active} onClick={() => setFilters({ periodId: filters.periodId })} title={active ? undefined : s.noFilterActive}>
            {s.clearFilters}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
