// Layout of the séance: header, then three zones — agenda on the left, current item's notes in the centre, capture and check-in on the right — and its dialogs.
import { Alert, Grid, Paper, Stack } from '@mantine/core';
import { useRef, useState } from 'react';
import type { MeetingDetail } from '../../../../../shared/contract/meetings';
import { fr } from '../../../../../shared/i18n';
import type { NotesAutosaver } from '../notesAutosave';
import { CaptureDialog } from './CaptureDialog';
import { CapturePanel } from './CapturePanel';
import { CheckIn } from './CheckIn';
import { CurrentItem } from './CurrentItem';
import { LiveAgenda, TimerAnnouncer } from './LiveAgenda';
import { EndSessionDialog, ShortcutsDialog } from './LiveDialogs';
import { LiveHeader } from './LiveHeader';
import { useLiveSession } from './useLiveSession';
import { useLiveShortcuts } from './useLiveShortcuts';

const L = fr.meetings.ui;

export function LivePage({ detail, saver }: { detail: MeetingDetail; saver: NotesAutosaver }) {
  const { meeting } = detail;
  const s = useLiveSession(detail, saver);
  const [capture, setCapture] = useState<'decision' | 'action' | null>(null);
  const [help, setHelp] = useState(false);
  const [ending, setEnding] = useState(false);
  const checkInRef = useRef<HTMLInputElement>(null);
  useLiveShortcuts({
    step: s.step,
    capture: setCapture,
    checkIn: () => checkInRef.current?.focus(),
    insertRef: () => void s.insertRef(),
    end: () => s.running && setEnding(true),
    help: () => setHelp(true),
  });

  return (
    <Stack gap="sm" h="100%">
      <LiveHeader detail={detail} saver={saver} running={s.running} onHelp={() => setHelp(true)} onEnd={() => setEnding(true)} />
      {!s.running ? <Alert color="yellow">{L.notRunning}</Alert> : null}
      {s.running ? <TimerAnnouncer item={s.current} /> : null}
      <Grid>
        <Grid.Col span={{ base: 12, md: 3 }}>
          <LiveAgenda items={s.items} currentId={s.currentId} onGo={(itemId) => void s.go(itemId)} onStep={s.step} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <CurrentItem detail={detail} saver={saver} session={s} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 3 }}>
          <Stack gap="sm">
            <CapturePanel decisions={s.itemDecisions} locked={detail.locked} onCapture={setCapture} />
            <Paper withBorder p="xs">
              <CheckIn detail={detail} inputRef={checkInRef} />
            </Paper>
          </Stack>
        </Grid.Col>
      </Grid>
      <CaptureDialog
        meetingId={meeting.id}
        agendaItemId={s.current?.id}
        kind={capture}
        confidential={s.confidential}
        instanceId={meeting.instanceId}
        onKindChange={setCapture}
        onClose={() => {
          setCapture(null);
          requestAnimationFrame(() => s.notesRef.current?.focus());
        }}
      />
      <ShortcutsDialog opened={help} onClose={() => setHelp(false)} />
      <EndSessionDialog opened={ending} onClose={() => setEnding(false)} onEnd={(nextDate) => s.end(nextDate, () => setEnding(false))} />
    </Stack>
  );
}
