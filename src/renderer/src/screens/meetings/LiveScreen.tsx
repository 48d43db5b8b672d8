// The live séance: agenda with the current item and its timer, large autosaved notes, quick capture and check-in; keyboard first.
import { ActionIcon, Alert, Badge, Box, Button, Divider, Grid, Group, Kbd, Loader, Modal, Paper, ScrollArea, Select, Stack, Table, Text, TextInput, Title, Tooltip, UnstyledButton } from '@mantine/core';
import { useHotkeys, useViewportSize } from '@mantine/hooks';
import {
  IconAlertTriangle,
  IconArrowLeft,
  IconBolt,
  IconClockPause,
  IconClockPlay,
  IconKeyboard,
  IconListCheck,
  IconShieldLock,
  IconUserCheck,
  IconUserPlus,
} from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { InviteeRow, MeetingDetail } from '../../../../shared/contract/meetings';
import { formatLongDate, formatTime } from '../../../../shared/format';
import { fr } from '../../../../shared/i18n';
import { api, call, useQuery } from '../../api';
import { DateField, INVALID_DATE } from '../../components/DateField';
import { links } from '../../app/registry';
import { ConfidentialityBadge, MeetingStatusBadge, nowClock } from './badges';
import { CaptureDialog } from './live/CaptureDialog';
import { FollowUpPanel } from './FollowUpPanel';
import { ItemTimer, LiveAgenda, TimerAnnouncer } from './live/LiveAgenda';
import { NotesEditor } from './NotesEditor';
import { GENERAL } from './notesAutosave';
import { NotesSaveIndicator } from './NotesSaveIndicator';
import { useNotesAutosaver } from './useNotesAutosaver';
import { TeamNotesNotice } from './live/TeamNotesNotice';
import { TextsLocked } from '../vault/TextsLocked';

const L = fr.meetings.ui;

function CheckIn({ detail, inputRef }: { detail: MeetingDetail; inputRef: React.RefObject<HTMLInputElement | null> }) {
  const { meeting, invitees } = detail;
  const [q, setQ] = useState('');
  const [adding, setAdding] = useState(false);
  const [personId, setPersonId] = useState<string | null>(null);
  const [guestName, setGuestName] = useState('');
  const people = useQuery(() => api().people.list(), []);
  const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  const shown = invitees.filter((r) => !q || fold(`${r.name} ${r.organisationName}`).includes(fold(q)));
  const mark = (r: InviteeRow) => {
    const present = r.attendance.status === 'present';
    return call(
      api().meetings.setAttendance({ meetingId: meeting.id, inviteeId: r.invitee.id, status: present ? 'unknown' : 'present', ...(present ? {} : r.attendance.arrivedAt ? {} : { arrivedAt: nowClock() }) }),
      { mutation: true },
    ).catch(() => undefined);
  };
  const presentCount = invitees.filter((r) => r.attendance.status === 'present' || r.attendance.status === 'represented').length;
  return (
    <Stack gap={6}>
      <Group justify="space-between">
        <Text fw={700}>
          {L.checkIn} — {presentCount}/{invitees.length}
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
      <Modal opened={adding} onClose={() => setAdding(false)} title={L.lateAddition}>
        <Stack gap="sm">
          <Select label={L.person} searchable clearable data={(people.data ?? []).filter((p) => !meeting.invitees.some((i) => i.personId === p.id)).map((p) => ({ value: p.id, label: `${p.firstName} ${p.lastName}`.trim() }))} value={personId} onChange={setPersonId} />
          <TextInput label={L.guestName} value={guestName} onChange={(e) => setGuestName(e.currentTarget.value)} disabled={Boolean(personId)} />
          <Group justify="flex-end">
            <Button
              onClick={async () => {
                await call(api().meetings.addInvitee({ meetingId: meeting.id, ...(personId ? { personId } : { guest: { guestName } }), present: true, arrivedAt: nowClock() }), { mutation: true }).catch(() => undefined);
                setAdding(false);
                setPersonId(null);
                setGuestName('');
              }}
            >
              {fr.actions.add}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

export function LiveScreen() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const q = useQuery(() => api().meetings.get({ id }), [id]);
  const saver = useNotesAutosaver(id);
  const [capture, setCapture] = useState<'decision' | 'action' | null>(null);
  const [help, setHelp] = useState(false);
  // The three zones fit the window (1366×768 included): the agenda list scrolls, the notes grow with the height.
  const { height: viewportHeight } = useViewportSize();
  const notesRows = Math.max(6, Math.floor(((viewportHeight || 768) - 540) / 26));
  const [ending, setEnding] = useState(false);
  const [nextDate, setNextDate] = useState('');
  const [localCurrent, setLocalCurrent] = useState<string>();
  const notesRef = useRef<HTMLTextAreaElement>(null);
  const checkInRef = useRef<HTMLInputElement>(null);
  const detail = q.data;
  const meeting = detail?.meeting;
  const items = meeting?.agenda ?? [];
  const currentId = localCurrent ?? meeting?.currentAgendaItemId ?? items.find((i) => i.kind === 'item')?.id;
  const current = items.find((i) => i.id === currentId);
  const index = items.findIndex((i) => i.id === currentId);
  const confidential = meeting?.confidentiality === 'confidential';
  const running = meeting?.status === 'in_progress';

  const go = async (itemId: string | undefined) => {
    if (!itemId || !meeting) return;
    setLocalCurrent(itemId);
    void saver.flush();
    await call(api().meetings.setCurrentItem({ meetingId: meeting.id, agendaItemId: itemId, startTimer: true }), { mutation: true }).catch(() => undefined);
    notesRef.current?.focus();
  };
  const step = (d: number) => {
    let i = index + d;
    while (items[i] && items[i].kind === 'section') i += d;
    if (items[i]) void go(items[i].id);
  };
  const insertRef = async () => {
    const r = await call(api().meetings.nextSituationRef()).catch(() => undefined);
    const el = notesRef.current;
    if (!r || !el || !current) return;
    const token = `${fr.meetings.situationRef(r.ref)} `;
    const start = el.selectionStart ?? el.value.length;
    const value = el.value.slice(0, start) + token + el.value.slice(el.selectionEnd ?? start);
    // Goes through the textarea's own input event so the editor's state and autosave follow.
    const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set;
    setter?.call(el, value);
    el.dispatchEvent(new Event('input', { bubbles: true }));
    el.focus();
    el.setSelectionRange(start + token.length, start + token.length);
  };
  const hotkeyOptions = { preventDefault: true };
  useHotkeys(
    [
      ['alt+ArrowDown', () => step(1), hotkeyOptions],
      ['alt+ArrowUp', () => step(-1), hotkeyOptions],
      ['mod+D', () => setCapture('decision'), hotkeyOptions],
      ['mod+shift+A', () => setCapture('action'), hotkeyOptions],
      ['mod+P', () => checkInRef.current?.focus(), hotkeyOptions],
      ['mod+shift+R', () => void insertRef(), hotkeyOptions],
      ['mod+shift+F', () => meeting?.status === 'in_progress' && setEnding(true), hotkeyOptions],
      ['F1', () => setHelp(true), hotkeyOptions],
    ],
    [],
  );

  if (!detail || !meeting) {
    return q.error ? <Alert color="red">{q.error.message}</Alert> : <Loader />;
  }
  // The séance of a confidential meeting starts only once the coffre is unlocked (its notes are saved there).
  if (detail.textsLocked) return <TextsLocked onUnlocked={q.reload} />;
  const itemDecisions = meeting.decisions.filter((d) => !current || d.agendaItemId === current.id);
  const end = async () => {
    await saver.flush();
    await call(api().meetings.transition({ id: meeting.id, to: 'held', ...(nextDate && nextDate !== INVALID_DATE ? { nextMeetingDate: nextDate } : {}) }), { mutation: true, success: fr.meetings.ux.transitionDone.held });
    setEnding(false);
    navigate(`${links.meeting(meeting.id)}?etape=minutes`);
  };

  return (
    <Stack gap="sm" h="100%">
      {confidential ? (
        <Alert color="red" variant="filled" icon={<IconShieldLock />} role="note" data-testid="confidential-banner" p="xs">
          {L.confidentialBanner}
        </Alert>
      ) : null}
      <Group justify="space-between" wrap="wrap" align="flex-end" gap="xs">
        <Stack gap={0} style={{ flex: '1 1 280px', minWidth: 0 }}>
          <Button component={Link} to={links.meeting(meeting.id)} variant="subtle" size="compact-xs" w="fit-content" leftSection={<IconArrowLeft size={14} />} onClick={() => void saver.flush()}>
            {L.backToMeeting}
          </Button>
          <Title order={1} size="h3" lh={1.3}>
            {L.liveTitle} — {meeting.title}
          </Title>
          <Group gap={6}>
            <MeetingStatusBadge status={meeting.status} />
            <ConfidentialityBadge level={meeting.confidentiality} />
            <Text size="xs" c="dimmed">
              {formatLongDate(meeting.date)}, {formatTime(meeting.startTime)} · {detail.instance.name}
            </Text>
          </Group>
        </Stack>
        <Group gap="xs" wrap="wrap">
          <NotesSaveIndicator saver={saver} />
          <Button variant="default" leftSection={<IconKeyboard size={16} />} onClick={() => setHelp(true)}>
            {L.shortcuts}
          </Button>
          {running ? (
            <Button color="teal" onClick={() => setEnding(true)} rightSection={<Kbd size="xs">{L.endShortcut}</Kbd>}>
              {L.endSession}
            </Button>
          ) : null}
        </Group>
      </Group>
      {!running ? <Alert color="yellow">{L.notRunning}</Alert> : null}
      {running ? <TimerAnnouncer item={current} /> : null}
      <Grid>
        <Grid.Col span={{ base: 12, md: 3 }}>
          <LiveAgenda items={items} currentId={currentId} onGo={(itemId) => void go(itemId)} onStep={step} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Stack gap="xs">
            {current ? (
              <Group justify="space-between">
                <Stack gap={0}>
                  <Text size="xs" c="dimmed">
                    {L.currentItem}
                    {current.presenter ? ` · ${L.presenter} : ${current.presenter}` : ''}
                  </Text>
                  <Text fw={700} size="xl">
                    {current.title}
                  </Text>
                </Stack>
                {running ? (
                  <Group gap={4}>
                    <ItemTimer item={current} />
                    {current.startedAt ? (
                      <Tooltip label={L.timerStop}>
                        <ActionIcon variant="light" aria-label={L.timerStop} onClick={() => call(api().meetings.timer({ meetingId: meeting.id, agendaItemId: current.id, action: 'stop' }), { mutation: true }).catch(() => undefined)}>
                          <IconClockPause size={16} />
                        </ActionIcon>
                      </Tooltip>
                    ) : (
                      <Tooltip label={L.timerStart}>
                        <ActionIcon variant="light" aria-label={L.timerStart} onClick={() => call(api().meetings.timer({ meetingId: meeting.id, agendaItemId: current.id, action: 'start' }), { mutation: true }).catch(() => undefined)}>
                          <IconClockPlay size={16} />
                        </ActionIcon>
                      </Tooltip>
                    )}
                  </Group>
                ) : null}
              </Group>
            ) : null}
            {current?.chairNotes ? (
              <Text size="sm" c="dimmed" fs="italic">
                {L.chairNotes} : {current.chairNotes}
              </Text>
            ) : null}
            {confidential ? (
              <Group justify="space-between" p={6} style={{ border: '1px solid var(--mantine-color-red-3)', borderRadius: 6 }}>
                <Text size="sm" c="red.8" fw={600}>
                  <IconAlertTriangle size={14} /> {L.namesReminder}
                </Text>
                <Button size="xs" color="red" variant="light" onClick={insertRef}>
                  {L.insertRef} (Ctrl+Maj+R)
                </Button>
              </Group>
            ) : null}
            <TeamNotesNotice />
            <NotesEditor
              ref={notesRef}
              itemKey={current?.id ?? GENERAL}
              initial={current ? current.notes : meeting.generalNotes}
              saver={saver}
              label={current ? L.notesFor(current.title) : L.generalNotes}
              placeholder={L.notesPlaceholder}
              readOnly={detail.locked}
              minRows={notesRows}
            />
            {detail.followUp.length ? (
              <Paper withBorder p="xs">
                <FollowUpPanel meetingId={meeting.id} rows={detail.followUp} locked={detail.locked} compact />
              </Paper>
            ) : null}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 3 }}>
          <Stack gap="sm">
            <Paper withBorder p="xs">
              <Stack gap={6}>
                <Button fullWidth justify="space-between" leftSection={<IconListCheck size={16} />} rightSection={<Kbd size="xs">Ctrl+D</Kbd>} onClick={() => setCapture('decision')} disabled={detail.locked}>
                  {L.captureDecision}
                </Button>
                <Button fullWidth justify="space-between" variant="light" leftSection={<IconBolt size={16} />} rightSection={<Kbd size="xs">Ctrl+Maj+A</Kbd>} onClick={() => setCapture('action')} disabled={detail.locked}>
                  {L.captureAction}
                </Button>
              </Stack>
              {itemDecisions.length ? (
                <Stack gap={4} mt="xs">
                  {itemDecisions.map((d) => (
                    <Text key={d.id} size="xs" data-testid="captured">
                      <Badge size="xs" variant="light" color={d.kind === 'action' ? 'blue' : 'grape'} style={{ textTransform: 'none' }}>
                        {L.decisionKind[d.kind]}
                      </Badge>{' '}
                      {d.situationRef ? `${fr.meetings.situationRef(d.situationRef)} — ` : ''}
                      {d.text}
                    </Text>
                  ))}
                </Stack>
              ) : null}
            </Paper>
            <Paper withBorder p="xs">
              <CheckIn detail={detail} inputRef={checkInRef} />
            </Paper>
          </Stack>
        </Grid.Col>
      </Grid>
      <CaptureDialog
        meetingId={meeting.id}
        agendaItemId={current?.id}
        kind={capture}
        confidential={confidential}
        instanceId={meeting.instanceId}
        onKindChange={setCapture}
        onClose={() => {
          setCapture(null);
          requestAnimationFrame(() => notesRef.current?.focus());
        }}
      />
      <Modal opened={help} onClose={() => setHelp(false)} title={L.shortcutsTitle}>
        <Table>
          <Table.Tbody>
            {L.shortcutList.map(([k, label]) => (
              <Table.Tr key={k}>
                <Table.Td>
                  <Kbd>{k}</Kbd>
                </Table.Td>
                <Table.Td>{label}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Modal>
      <Modal opened={ending} onClose={() => setEnding(false)} title={L.endSession}>
        <Stack gap="sm">
          <Text size="sm">{L.endSessionText}</Text>
          <DateField label={L.nextMeetingDate} value={nextDate} onChange={setNextDate} error={nextDate === INVALID_DATE ? fr.meetings.ux.invalidDate : undefined} />
          <Divider />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setEnding(false)}>
              {fr.actions.cancel}
            </Button>
            <Button color="teal" onClick={end} disabled={nextDate === INVALID_DATE}>
              {L.endSession}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
