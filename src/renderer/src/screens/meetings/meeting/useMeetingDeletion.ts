// Deleting a meeting from its page: with undo while it has no minutes nor decisions, for good (and registered) after; then back to the list.
import { useNavigate } from 'react-router';
import { fr } from '../../../../../shared/i18n';
import type { Meeting } from '../../../../../shared/model';
import { api, call } from '../../../api';
import { links } from '../../../app/registry';
import { confirmDanger, deleteWithUndo } from '../../../components/confirm';
import { isFinalDeletion } from './steps';

export function useMeetingDeletion(meeting: Meeting): { final: boolean; remove: () => Promise<void> } {
  const navigate = useNavigate();
  const final = isFinalDeletion(meeting);
  const remove = async () => {
    const deleted = await deleteWithUndo(fr.meetings.ui.deleteMeeting, fr.meetings.ux.deleteMeetingText(meeting.title), () => api().meetings.delete({ id: meeting.id })).catch(() => false);
    if (deleted) navigate(links.meetings());
  };
  const removeFinal = async () => {
    if (!(await confirmDanger(fr.meetingLife.deleteFinalTitle, fr.meetingLife.deleteFinalBody(meeting.title), fr.meetingLife.deleteFinalConfirm))) return;
    const d = await call(api().meetings.deleteFinal({ id: meeting.id, confirm: true }), { mutation: true, success: fr.meetingLife.deletedFinal(meeting.title) }).catch(() => null);
    if (d) navigate(links.meetings());
  };
  return { final, remove: final ? removeFinal : remove };
}
