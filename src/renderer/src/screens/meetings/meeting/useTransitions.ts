// Moves a meeting to another state (convene, start, validate…); starting the séance opens the live screen.
import { useNavigate } from 'react-router';
import type { MeetingDetail } from '../../../../../shared/contract/meetings';
import { fr } from '../../../../../shared/i18n';
import { api, call } from '../../../api';
import { links } from '../../../app/registry';

type Target = MeetingDetail['transitions'][number];

export function useTransitions(meetingId: string): { go: (to: Target) => Promise<void>; start: () => Promise<void> } {
  const navigate = useNavigate();
  const run = (to: Target) =>
    call(api().meetings.transition({ id: meetingId, to }), {
      mutation: true,
      // Starting the séance opens the live screen, which is feedback enough: no notice over the check-in.
      ...(to === 'in_progress' ? {} : { success: fr.meetings.ux.transitionDone[to] }),
    });
  return {
    go: async (to) => {
      await run(to).catch(() => undefined);
    },
    start: async () => {
      if (await run('in_progress').catch(() => null)) navigate(links.liveMeeting(meetingId));
    },
  };
}
