// Filters of the team's audit log (person, operation, days), checked with the audit:list channel's own schema: a refused
// filter keeps the list as it was and says why under its field; the fields stack on a narrow screen.
import { Button, Group, Select, SimpleGrid } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { AuditFilters, type AuditPage } from '../../../../shared/contract/audit';
import { fr } from '../../../../shared/i18n';
import { DateField, INVALID_DATE } from '../../components/DateField';
import { checkForm, useFormSubmit } from '../../components/useFormSubmit';
import { operationLabel } from './auditLabels';

const a = fr.team.audit;

/** What the fields hold: a chosen id or none, a date as DateField reports it ('' empty, ISO, or INVALID_DATE). */
interface Draft {
  userId: string | null;
  channel: string | null;
  from: string;
  to: string;
}

function asFilters(d: Draft): AuditFilters {
  return { ...(d.userId ? { userId: d.userId } : {}), ...(d.channel ? { channel: d.channel } : {}), ...(d.from ? { from: d.from } : {}), ...(d.to ? { to: d.to } : {}) };
}

export function AuditFiltersForm({ page, onApply }: { page?: AuditPage; onApply: (f: AuditFilters) => void }) {
  const [draft, setDraft] = useState<Draft>({ userId: null, channel: null, from: '', to: '' });
  const { errors, setErrors, submit, formRef } = useFormSubmit('from');
  /** A choice in a list, a day picked or a date typed in full applies at once; a date being typed waits. */
  const change = (patch: Partial<Draft>) => {
    const next = { ...draft, ...patch };
    setDraft(next);
    if (patch.from === INVALID_DATE || patch.to === INVALID_DATE) return;
    const checked = checkForm(AuditFilters, asFilters(next));
    setErrors(checked.ok ? {} : checked.errors);
    if (checked.ok) onApply(checked.data);
  };
  /** Entrée or « Filtrer »: every field checked, the focus on the first one refused. */
  const send = (e: FormEvent) => {
    e.preventDefault();
    void submit(AuditFilters, asFilters(draft), async (f) => onApply(f));
  };
  return (
    <form ref={formRef} onSubmit={send} noValidate role="search" aria-label={a.filtersLabel}>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" verticalSpacing="xs">
        <Select
          label={a.person}
          placeholder={a.allPeople}
          clearable
          searchable
          data={(page?.people ?? []).map((p) => ({ value: p.id, label: p.name }))}
          value={draft.userId}
          onChange={(v) => change({ userId: v })}
          error={errors.userId}
        />
        <Select
          label={a.operation}
          placeholder={a.allOperations}
          clearable
          searchable
          data={(page?.channels ?? []).map((c) => ({ value: c, label: operationLabel(c) }))}
          value={draft.channel}
          onChange={(v) => change({ channel: v })}
          error={errors.channel}
        />
        <DateField label={a.from} value={draft.from} onChange={(v) => change({ from: v })} error={errors.from} />
        <DateField label={a.to} value={draft.to} onChange={(v) => change({ to: v })} error={errors.to} />
      </SimpleGrid>
      <Group mt="xs">
        <Button type="submit" variant="default">
          {a.filter}
        </Button>
      </Group>
    </form>
  );
}
