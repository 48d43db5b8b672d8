// Suivi par axe (/plan/axes/:id): loads the axis page and hands it to AxisView.
import { Alert } from '@mantine/core';
import { useParams } from 'react-router';
import { api, useQuery } from '../../../api';
import { AxisView } from './AxisView';

export function AxisScreen() {
  const { id = '' } = useParams();
  const q = useQuery(() => api().axes.page({ id }), [id]);
  if (q.error) return <Alert color="red">{q.error.message}</Alert>;
  if (!q.data) return null;
  return <AxisView page={q.data} />;
}
