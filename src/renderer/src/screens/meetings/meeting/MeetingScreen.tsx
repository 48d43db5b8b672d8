// Page of one meeting (/reunions/:id): loads it, asks for the coffre when its texts are locked, then lays out the page.
import { Alert, Loader } from '@mantine/core';
import { useParams } from 'react-router';
import { api, useQuery } from '../../../api';
import { useAccess } from '../../../app/access';
import { TextsLocked } from '../../vault/TextsLocked';
import { GiveBackNotice } from './GiveBackNotice';
import { MeetingPage } from './MeetingPage';

export function MeetingScreen() {
  const { id = '' } = useParams();
  const q = useQuery(() => api().meetings.get({ id }), [id]);
  const { canEdit } = useAccess();
  const detail = q.data;
  if (!detail) return q.error ? <Alert color="red">{q.error.message}</Alert> : <Loader />;
  if (detail.textsLocked) return <TextsLocked onUnlocked={q.reload} />;
  // An account that may only read sees the meeting as validated minutes are shown: nothing to change.
  return (
    <>
      <GiveBackNotice count={detail.textsToGiveBack} />
      <MeetingPage detail={canEdit ? detail : { ...detail, locked: true }} />
    </>
  );
}
