// The meeting's information (title, date, times, place, visio link, confidentiality): each field saved when it is left.
import { Alert, Group, Paper, Select, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { MeetingDetail } from '../../../../../shared/contract/meetings';
import { fr } from '../../../../../shared/i18n';
import type { Confidentiality } from '../../../../../shared/model';
import { api, ApiError, call } from '../../../api';
import { DateField, INVALID_DATE } from '../../../components/DateField';
import { TimeField } from '../../../components/TimeField';
import { useSyncedFields } from './useSyncedFields';

const L = fr.meetings.ui;
const FIELDS = ['title', 'date', 'startTime', 'plannedEndTime', 'place', 'visioUrl', 'confidentiality'];

export function InfoForm({ detail }: { detail: MeetingDetail }) {
  const { meeting, locked } = detail;
  const [f, setF] = useSyncedFields({ title: meeting.title, date: meeting.date, startTime: meeting.startTime, plannedEndTime: meeting.plannedEndTime ?? '', place: meeting.place ?? '', visioUrl: meeting.visioUrl ?? '' });
  const [error, setError] = useState<{ field?: string; message: string }>();
  const save = async (patch: Record<string, string>) => {
    setError(undefined);
    try {
      await call(api().meetings.update({ id: meeting.id, patch }), { mutation: true });
    } catch (e) {
      if (e instanceof ApiError) setError({ field: e.info.field, message: e.info.message });
    }
  };
  const field = (k: keyof typeof f, label: string, type = 'text') => (
    <TextInput
      label={label}
      type={type}
      value={f[k]}
      disabled={locked}
      error={error?.field === k ? error.message : undefined}
      onChange={(e) => setF({ ...f, [k]: e.currentTarget.value })}
      onBlur={() => f[k] !== ((meeting as unknown as Record<string, string | undefined>)[k] ?? '') && save({ [k]: f[k] })}
    />
  );
  return (
    <Paper withBorder p="sm">
      <Stack gap="xs">
        {field('title', L.title)}
        <Group grow>
          <DateField
            label={L.date}
            value={f.date}
            error={error?.field === 'date' ? error.message : f.date === INVALID_DATE ? fr.meetings.ux.invalidDate : undefined}
            onChange={(v) => {
              setF({ ...f, date: v });
              if (v && v !== INVALID_DATE && v !== meeting.date && !locked) void save({ date: v });
            }}
          />
          <TimeField label={L.startTime} value={f.startTime} disabled={locked} error={error?.field === 'startTime' ? error.message : undefined} onCommit={(v) => v && save({ startTime: v })} />
          <TimeField label={L.plannedEndTime} value={f.plannedEndTime} disabled={locked} error={error?.field === 'plannedEndTime' ? error.message : undefined} onCommit={(v) => save({ plannedEndTime: v })} />
        </Group>
        <Group grow>
          {field('place', L.place)}
          {field('visioUrl', L.visioUrl)}
        </Group>
        <Select
          label={L.confidentiality}
          disabled={locked}
          data={(['public', 'restricted', 'confidential'] as Confidentiality[]).map((c) => ({ value: c, label: fr.confidentiality[c] }))}
          value={meeting.confidentiality}
          allowDeselect={false}
          error={error?.field === 'confidentiality' ? error.message : undefined}
          onChange={(v) => v && v !== meeting.confidentiality && save({ confidentiality: v })}
        />
        {error && !FIELDS.includes(error.field ?? '') ? <Alert color="red">{error.message}</Alert> : null}
      </Stack>
    </Paper>
  );
}
