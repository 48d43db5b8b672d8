// The séance's state and moves: current item (shown at once, then saved), previous/next, situation reference in the notes, timer, end.
import { useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import type { MeetingDetail } from '../../../../../shared/contract/meetings';
import { fr } from '../../../../../shared/i18n';
import { api, call } from '../../../api';
import { links } from '../../../app/registry';
import { INVALID_DATE } from '../../../components/DateField';
import type { NotesAutosaver } from '../notesAutosave';
import { currentItemId, decisionsOf, insertToken, stepTarget } from './live';

export type LiveSession = ReturnType<typeof useLiveSession>;

export function useLiveSession(detail: MeetingDetail, saver: NotesAutosaver) {
  const navigate = useNavigate();
  const { meeting } = detail;
  const [localCurrent, setLocalCurrent] = useState<string>();
  const notesRef = useRef<HTMLTextAreaElement>(null);
  const items = meeting.agenda;
  const currentId = currentItemId(items, localCurrent, meeting.currentAgendaItemId);
  const current = items.find((i) => i.id === currentId);
  const index = items.findIndex((i) => i.id === currentId);

  const go = async (itemId: string | undefined) => {
    if (!itemId) return;
    setLocalCurrent(itemId);
    void saver.flush();
    await call(api().meetings.setCurrentItem({ meetingId: meeting.id, agendaItemId: itemId, startTimer: true }), { mutation: true }).catch(() => undefined);
    notesRef.current?.focus();
  };
  const step = (delta: number) => {
    const target = stepTarget(items, index, delta);
    if (target) void go(target);
  };
  /** Puts « situation n° … » (the next free reference) at the caret, through the textarea's own input event so the editor and autosave follow. */
  const insertRef = async () => {
    const r = await call(api().meetings.nextSituationRef()).catch(() => undefined);
    const el = notesRef.current;
    if (!r || !el || !current) return;
    const next = insertToken(el.value, el.selectionStart, el.selectionEnd, `${fr.meetings.situationRef(r.ref)} `);
    Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set?.call(el, next.value);
    el.dispatchEvent(new Event('input', { bubbles: true }));
    el.focus();
    el.setSelectionRange(next.caret, next.caret);
  };
  const timer = (action: 'start' | 'stop') => current && call(api().meetings.timer({ meetingId: meeting.id, agendaItemId: current.id, action }), { mutation: true }).catch(() => undefined);
  /** Saves the notes, ends the séance (with the next meeting's date when given), then opens the minutes; throws on a refusal. */
  const end = async (nextDate: string, beforeLeave: () => void) => {
    await saver.flush();
    await call(api().meetings.transition({ id: meeting.id, to: 'held', ...(nextDate && nextDate !== INVALID_DATE ? { nextMeetingDate: nextDate } : {}) }), { mutation: true, success: fr.meetings.ux.transitionDone.held });
    beforeLeave();
    navigate(`${links.meeting(meeting.id)}?etape=minutes`);
  };

  return {
    items,
    currentId,
    current,
    notesRef,
    running: meeting.status === 'in_progress',
    confidential: meeting.confidentiality === 'confidential',
    itemDecisions: decisionsOf(meeting.decisions, current?.id),
    go,
    step,
    insertRef,
    timer,
    end,
  };
}
