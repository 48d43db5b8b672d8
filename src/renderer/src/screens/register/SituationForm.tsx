// Create / edit form of a situation: closed lists only, the birth year asked under 25 (never stored), a short note under a visible reminder.
import { Alert, Button, Group, MultiSelect, NumberInput, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { SituationInput } from '../../../../shared/contract/register';
import { fr } from '../../../../shared/i18n';
import type { ListItem } from '../../../../shared/model';
import { NOTE_MAX, AgeBracket, type Situation } from '../../../../shared/register-model';
import { api, call, useQuery } from '../../api';
import { DateField } from '../../components/DateField';
import { formNumber, useFormSubmit, type FieldErrors } from '../../components/useFormSubmit';

const L = fr.register.ui;

const options = (list: ListItem[], keep: string[] = []) => list.filter((i) => !i.retired || keep.includes(i.code)).map((i) => ({ value: i.code, label: i.label }));

export interface SituationFormProps {
  /** Editing an existing situation; otherwise a new one. */
  situation?: Situation;
  /** Pre-filled reference (séance) and instance. */
  reference?: string;
  instanceId?: string;
  onDone(saved: Situation): void;
  onCancel(): void;
}

/**
 * The birth year depends on the bracket (asked under 25, unless the situation already has its legal end date): a rule
 * across two fields, which the service checks too.
 */
export function birthYearRule(bracket: string | null, birthYear: number | string, known = false): FieldErrors {
  return bracket !== null && bracket !== '25_plus' && birthYear === '' && !known ? { birthYear: fr.register.errors.birthYearRequired } : {};
}

export function SituationForm({ situation, reference, instanceId, onDone, onCancel }: SituationFormProps) {
  const settings = useQuery(() => api().register.settings(), []);
  const view = useQuery(() => api().register.view(), []);
  const partners = useQuery(() => api().partners.list(), []);
  const today = new Date().toISOString().slice(0, 10);
  const [ref, setRef] = useState(reference ?? situation?.reference ?? '');
  const [openedAt, setOpenedAt] = useState(situation?.openedAt ?? today);
  const [instanceIds, setInstanceIds] = useState<string[]>(situation?.instanceIds ?? (instanceId ? [instanceId] : []));
  const [origin, setOrigin] = useState<string | null>(situation?.origin ?? null);
  const [reason, setReason] = useState<string | null>(situation?.reason ?? null);
  const [bracket, setBracket] = useState<string | null>(situation?.ageBracket ?? null);
  const [birthYear, setBirthYear] = useState<number | string>('');
  const [referent, setReferent] = useState<string | null>(situation?.referentOrganisationId ?? null);
  const [orientations, setOrientations] = useState<string[]>(situation?.orientations ?? []);
  const [note, setNote] = useState(situation?.note ?? '');
  const { errors, busy, submit: check } = useFormSubmit('note');
  const s = settings.data;
  const needsYear = bracket !== null && bracket !== '25_plus';
  const keepsYear = situation && situation.ageBracket === bracket && situation.legalEndDate;

  function submit() {
    const values = {
      openedAt,
      instanceIds,
      // An empty choice is sent as '' so that the contract names the field to fill in.
      origin: origin ?? '',
      reason: reason ?? '',
      ageBracket: (bracket ?? '') as AgeBracket,
      orientations,
      note,
      ...(needsYear && birthYear !== '' ? { birthYear: formNumber(birthYear) } : {}),
      ...(referent ? { referentOrganisationId: referent } : {}),
      ...(!situation && ref.trim() ? { reference: ref } : {}),
    };
    const extra = birthYearRule(bracket, birthYear, Boolean(keepsYear));
    return check(
      SituationInput,
      values,
      async ({ reference, ...body }) => {
        const saved = situation
          ? await call(api().register.update({ id: situation.id, patch: body }), { mutation: true, success: L.saved })
          : await call(api().register.create({ ...body, reference }), { mutation: true });
        if (!situation) notifications.show({ color: 'teal', message: L.created(saved.reference) });
        onDone(saved);
      },
      extra,
    );
  }

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Stack gap="sm">
        <Alert color="orange" icon={<IconAlertTriangle size={18} />} title={fr.register.reminder} role="note">
          {L.referenceHint}
        </Alert>
        {/* Editing, the reference cannot change: the dialog's focus goes to the first field that can. */}
        <Group grow align="flex-start">
          <TextInput label={L.reference} value={ref} onChange={(e) => setRef(e.currentTarget.value)} disabled={Boolean(situation)} placeholder="2026-014" error={errors.reference} data-autofocus={situation ? undefined : true} />
          <DateField label={L.openedAt} value={openedAt} onChange={setOpenedAt} error={errors.openedAt} />
        </Group>
        <MultiSelect label={L.instances} required data={(view.data?.instances ?? []).map((i) => ({ value: i.id, label: i.name }))} value={instanceIds} onChange={setInstanceIds} error={errors.instanceIds} />
        <Group grow align="flex-start">
          <Select label={L.origin} required searchable data={s ? options(s.origins, situation ? [situation.origin] : []) : []} value={origin} onChange={setOrigin} error={errors.origin} />
          <Select label={L.reason} required searchable data={s ? options(s.reasons, situation ? [situation.reason] : []) : []} value={reason} onChange={setReason} error={errors.reason} />
        </Group>
        <Group grow align="flex-start">
          <Select label={L.ageBracket} required data={AgeBracket.options.map((b) => ({ value: b, label: fr.register.ageBracket[b] }))} value={bracket} onChange={setBracket} error={errors.ageBracket} />
          {needsYear ? (
            <NumberInput
              label={L.birthYear}
              description={L.birthYearHint}
              required={!keepsYear}
              min={1950}
              max={2100}
              allowDecimal={false}
              thousandSeparator=""
              value={birthYear}
              onChange={setBirthYear}
              error={errors.birthYear}
            />
          ) : (
            <Text size="sm" c="dimmed" pt={28}>
              {bracket ? L.noLegalEnd : ''}
            </Text>
          )}
        </Group>
        <Select label={L.referent} description={L.referentHint} searchable clearable data={(partners.data ?? []).map((p) => ({ value: p.id, label: p.name }))} value={referent} onChange={setReferent} error={errors.referentOrganisationId} />
        <MultiSelect label={L.orientations} searchable data={s ? options(s.orientations, situation?.orientations ?? []) : []} value={orientations} onChange={setOrientations} error={errors.orientations} />
        <Textarea
          label={L.note}
          description={fr.register.reminder}
          autosize
          minRows={2}
          maxLength={NOTE_MAX}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={errors.note}
          rightSection={<Text size="xs" c="dimmed">{L.noteCount(note.length)}</Text>}
          rightSectionWidth={70}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {L.cancel}
          </Button>
          <Button type="submit" loading={busy}>
            {L.save}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
