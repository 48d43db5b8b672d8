// One notes autosaver per meeting for a screen's lifetime (meeting page and séance), flushed on leave and before the window closes.
import { useEffect, useMemo } from 'react';
import { api } from '../../api';
import { NotesAutosaver } from './notesAutosave';

export function useNotesAutosaver(meetingId: string): NotesAutosaver {
  const saver = useMemo(() => new NotesAutosaver(meetingId, (i) => api().meetings.saveNotes(i)), [meetingId]);
  useEffect(() => {
    const beforeUnload = (e: BeforeUnloadEvent) => {
      void saver.flush();
      if (saver.hasUnsaved) e.preventDefault();
    };
    const hidden = () => document.visibilityState === 'hidden' && void saver.flush();
    window.addEventListener('beforeunload', beforeUnload);
    document.addEventListener('visibilitychange', hidden);
    return () => {
      window.removeEventListener('beforeunload', beforeUnload);
      document.removeEventListener('visibilitychange', hidden);
      void saver.flush();
    };
  }, [saver]);
  return saver;
}
