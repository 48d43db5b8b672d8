// The notes' own save state (« Notes enregistrées », « Enregistrement… », « Non enregistré — voir »), a polite status; a click retries after an error.
import { Badge, Loader, Tooltip } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconLoader } from '@tabler/icons-react';
import { useSyncExternalStore } from 'react';
import { fr } from '../../../../shared/i18n';
import type { NotesAutosaver, NotesSaveState } from './notesAutosave';

const L = fr.meetings.ui;

export function NotesSaveIndicator({ saver }: { saver: NotesAutosaver }) {
  const state = useSyncExternalStore<NotesSaveState>(
    (l) => saver.subscribe(l),
    () => saver.current,
  );
  const map = {
    saved: { color: 'teal', icon: <IconCircleCheck size={14} />, label: L.save.saved },
    pending: { color: 'gray', icon: <IconLoader size={14} />, label: L.save.pending },
    saving: { color: 'blue', icon: <Loader size={10} />, label: L.save.saving },
    error: { color: 'red', icon: <IconAlertTriangle size={14} />, label: L.save.error },
  }[state.status];
  return (
    <Tooltip label={state.message ?? map.label} disabled={state.status !== 'error'}>
      <Badge color={map.color} variant="light" leftSection={map.icon} style={{ textTransform: 'none' }} role="status" aria-live="polite" data-testid="notes-save-state" onClick={() => state.status === 'error' && void saver.flush()}>
        {map.label}
      </Badge>
    </Tooltip>
  );
}
