// Séance check-in: search (Ctrl+P) and Entrée marks the first person found present at the current time; a click toggles; late arrivals added.
import { ActionIcon, Box, Group, ScrollArea, Stack, Text, TextInput, Tooltip, UnstyledButton } from '@mantine/core';
import { IconUserCheck, IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { InviteeRow, MeetingDetail } from '../../../../../shared/contract/meetings';
import { formatTime } from '../../../../../shared/format';
import { fr } from '../../../../../shared/i18n';
import { api, call } from '../../../api';
import { nowClock } from '../badges';
import { LateArrivalDialog } from './LateArrivalDialog';
import { attendanceToggle, filterInvitees, presentCount } from './live';

const L = fr.meetings.ui;

export function CheckIn({ detail, inputRef }: { detail: MeetingDetail; inputRef: React.RefObject<HTMLInputElement | null> }) {
  const { meeting, invitees } = detail;
  const [q, setQ] = useState('');
  const [adding, setAdding] = useState(false);
  const shown = filterInvitees(invitees, q);
  const mark = (r: InviteeRow) => call(api().meetings.setAttendance({ meetingId: meeting.id, inviteeId: r.invitee.id, ...attendanceToggle(r, nowClock()) }), { mutation: true }).catch(() => undefined);
  return (
    <Stack gap={6}>
      <Group justify="space-between">
        <Text fw={700}>
          {L.checkIn} — {presentCount(invitees)}/{invitees.length}
        </Text>
        <Tooltip label={L.lateAddition}>
          <ActionIcon variant="light" aria-label={L.lateAddition} onClick={() => setAdding(true)}>
            <IconUserPlus size={16} />
          </ActionIcon>
        </Tooltip>
      </Group>
      <TextInput
        ref={inputRef}
        size="xs"
        label={L.checkInSearch}
        description={L.checkInHint}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && shown[0]) {
            e.preventDefault();
            if (shown[0].attendance.status !== 'present') void mark(shown[0]);
            setQ('');
          }
        }}
      />
      <ScrollArea.Autosize mah={320}>
        <Stack gap={2}>
          {shown.map((r) => {
            const present = r.attendance.status === 'present';
            return (
              <UnstyledButton key={r.invitee.id} onClick={() => mark(r)} aria-pressed={present} p={4} style={{ borderRadius: 4, background: present ? 'var(--mantine-color-teal-0)' : undefined }}>
                <Group gap={6} wrap="nowrap">
                  {present ? <IconUserCheck size={16} color="var(--mantine-color-teal-7)" /> : <Box w={16} />}
                  <Stack gap={0} style={{ minWidth: 0 }}>
                    <Text size="sm" truncate>
                      {r.name}
                    </Text>
                    <Text size="xs" c="dimmed" truncate>
                      {r.organisationName}
                      {r.attendance.status !== 'unknown' ? ` · ${fr.attendanceStatus[r.attendance.status]}${r.attendance.arrivedAt ? ` ${formatTime(r.attendance.arrivedAt)}` : ''}` : ''}
                    </Text>
                  </Stack>
                </Group>
              </UnstyledButton>
            );
          })}
        </Stack>
      </ScrollArea.Autosize>
      <LateArrivalDialog meeting={meeting} opened={adding} onClose={() => setAdding(false)} />
    </Stack>
  );
}
