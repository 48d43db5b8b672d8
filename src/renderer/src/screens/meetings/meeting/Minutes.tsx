// Step « Compte rendu »: each point's notes (autosaved until validation, read-only after), its decisions, the general notes and the decision list.
import { Alert, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import type { MeetingDetail } from '../../../../../shared/contract/meetings';
import { formatDate, formatLongDate } from '../../../../../shared/format';
import { fr } from '../../../../../shared/i18n';
import { NotesEditor } from '../NotesEditor';
import { NotesSaveIndicator } from '../NotesSaveIndicator';
import { GENERAL } from '../notesAutosave';
import { useNotesAutosaver } from '../useNotesAutosaver';
import { DecisionList } from './DecisionList';

const L = fr.meetings.ui;

export function Minutes({ detail }: { detail: MeetingDetail }) {
  const { meeting, locked } = detail;
  const saver = useNotesAutosaver(meeting.id);
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text fw={700}>{meeting.confidentiality === 'confidential' || meeting.confidentiality === 'restricted' ? fr.meetings.ux.decisionsRecord : L.steps.minutes}</Text>
        {locked ? (
          meeting.status === 'validated' ? (
            <Text size="sm" c="dimmed">
              {L.lockedNotice(formatDate((meeting.validatedAt ?? meeting.updatedAt).slice(0, 10)))}
            </Text>
          ) : null
        ) : (
          <NotesSaveIndicator saver={saver} />
        )}
      </Group>
      {meeting.textsPurgedAt ? (
        <Alert color="gray" variant="light" data-testid="texts-purged">
          {fr.meetingLife.textsPurged(formatDate(meeting.textsPurgedAt))}
        </Alert>
      ) : null}
      {meeting.agenda
        .filter((i) => i.kind === 'item')
        .map((item, n) => {
          const decisions = meeting.decisions.filter((d) => d.agendaItemId === item.id);
          return (
            <Paper key={item.id} withBorder p="sm">
              <Text fw={600}>
                {n + 1}. {item.title}
              </Text>
              {locked ? (
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} c={item.notes ? undefined : 'dimmed'}>
                  {item.notes || L.noNotes}
                </Text>
              ) : (
                <NotesEditor itemKey={item.id} initial={item.notes} saver={saver} label={L.notes} minRows={3} />
              )}
              {decisions.map((d) => (
                <Text size="sm" key={d.id} mt={4}>
                  <Badge size="xs" variant="light" color={d.kind === 'action' ? 'blue' : 'grape'} style={{ textTransform: 'none' }}>
                    {L.decisionKind[d.kind]}
                  </Badge>{' '}
                  {d.situationRef ? `${fr.meetings.situationRef(d.situationRef)} — ` : ''}
                  {d.text}
                  {d.dueDate ? ` (${L.dueDate} : ${formatDate(d.dueDate)})` : ''}
                </Text>
              ))}
            </Paper>
          );
        })}
      {locked ? (
        meeting.generalNotes ? (
          <Paper withBorder p="sm">
            <Text fw={600}>{L.generalNotes}</Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {meeting.generalNotes}
            </Text>
          </Paper>
        ) : null
      ) : (
        <NotesEditor itemKey={GENERAL} initial={meeting.generalNotes} saver={saver} label={L.generalNotes} minRows={3} />
      )}
      <DecisionList meeting={meeting} locked={locked} />
      {meeting.nextMeetingDate ? (
        <Text size="sm">
          {L.nextMeetingDate} : {formatLongDate(meeting.nextMeetingDate)}
        </Text>
      ) : null}
    </Stack>
  );
}
