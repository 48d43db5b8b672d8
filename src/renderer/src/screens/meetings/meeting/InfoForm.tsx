// The meeting's information (title, date, times, place, visio link, confidentiality): each field checked with the
// channel's own schema and saved when it is left; a refused value saves nothing and its message sits under the field.
import { Group, Paper, Select, Stack, TextInput } from '@mantine/core';
import { meetingsContract, type MeetingDetail, type MeetingPatch } from '../../../../../shared/contract/meetings';
import { fr } from '../../../../../shared/i18n';
import type { Confidentiality } from '../../../../../shared/model';
import { api, call } from '../../../api';
import { DateField } from '../../../components/DateField';
import { TimeField } from '../../../components/TimeField';
import { useFormSubmit } from '../../../components/useFormSubmit';
import { useSyncedFields } from './useSyncedFields';

const L = fr.meetings.ui;
const UpdateInput = meetingsContract['meetings:update'].input;

/** One field saved on its own: its value checked with `meetings:update`'s input, its message (or the server's) under it. */
function useSavedField(meetingId: string) {
  const { errors, setErrors, submit } = useFormSubmit('patch');
  return {
    error: Object.values(errors)[0],
    clear: () => setErrors({}),
    save: (patch: MeetingPatch) => submit(UpdateInput, { id: meetingId, patch }, (input) => call(api().meetings.update(input), { mutation: true })),
  };
}

export function InfoForm({ detail }: { detail: MeetingDetail }) {
  const { meeting, locked } = detail;
  const [f, setF] = useSyncedFields({ title: meeting.title, date: meeting.date, startTime: meeting.startTime, plannedEndTime: meeting.plannedEndTime ?? '', place: meeting.place ?? '', visioUrl: meeting.visioUrl ?? '' });
  const saved = {
    title: useSavedField(meeting.id),
    date: useSavedField(meeting.id),
    startTime: useSavedField(meeting.id),
    plannedEndTime: useSavedField(meeting.id),
    place: useSavedField(meeting.id),
    visioUrl: useSavedField(meeting.id),
    confidentiality: useSavedField(meeting.id),
  };
  const field = (k: 'title' | 'place' | 'visioUrl', label: string) => (
    <TextInput
      label={label}
      value={f[k]}
      disabled={locked}
      error={saved[k].error}
      onChange={(e) => setF({ ...f, [k]: e.currentTarget.value })}
      onBlur={() => (f[k] === (meeting[k] ?? '') ? saved[k].clear() : void saved[k].save({ [k]: f[k] }))}
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
            disabled={locked}
            error={saved.date.error}
            onChange={(v) => {
              setF({ ...f, date: v });
              // An unreadable or emptied date is refused by the schema (its message under the field), a real one saved.
              if (locked) return;
              if (v === meeting.date) saved.date.clear();
              else void saved.date.save({ date: v });
            }}
          />
          <TimeField label={L.startTime} value={f.startTime} disabled={locked} error={saved.startTime.error} onCommit={(v) => v && saved.startTime.save({ startTime: v })} />
          <TimeField label={L.plannedEndTime} value={f.plannedEndTime} disabled={locked} error={saved.plannedEndTime.error} onCommit={(v) => saved.plannedEndTime.save({ plannedEndTime: v })} />
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
          error={saved.confidentiality.error}
          onChange={(v) => v && v !== meeting.confidentiality && saved.confidentiality.save({ confidentiality: v as Confidentiality })}
        />
      </Stack>
    </Paper>
  );
}
