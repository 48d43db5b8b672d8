// The live séance (/reunions/:id/seance): loads the meeting, keeps one notes autosaver for the screen's lifetime, asks for the coffre when its texts are locked.
import { Alert, Loader } from '@mantine/core';
import { Navigate, useParams } from 'react-router';
import { api, useQuery } from '../../../api';
import { useAccess } from '../../../app/access';
import { links } from '../../../app/registry';
import { TextsLocked } from '../../vault/TextsLocked';
import { useNotesAutosaver } from '../useNotesAutosaver';
import { LivePage } from './LivePage';

export function LiveScreen() {
  const { id = '' } = useParams();
  const q = useQuery(() => api().meetings.get({ id }), [id]);
  const saver = useNotesAutosaver(id);
  const detail = q.data;
  const { canEdit } = useAccess();
  // The séance is run by those who may edit: an account that may only read follows the meeting's page.
  if (!canEdit) return <Navigate to={links.meeting(id)} replace />;
  if (!detail) return q.error ? <Alert color="red">{q.error.message}</Alert> : <Loader />;
  // The séance of a confidential meeting starts only once the coffre is unlocked (its notes are saved there).
  if (detail.textsLocked) return <TextsLocked onUnlocked={q.reload} />;
  return <LivePage detail={detail} saver={saver} />;
}
