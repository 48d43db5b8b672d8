// Page of one instance (/instances/:id): loads it and lays out members by institution, history, charter and règlement, meetings, followed actions, attendance.
import { Alert, Grid, Loader, Stack } from '@mantine/core';
import { useParams } from 'react-router';
import { charterApplies } from '../../../../../shared/instance-rules';
import { api, useQuery } from '../../../api';
import { NewMeetingDialog } from '../../meetings/MeetingsScreen';
import { GovernancePanel } from './GovernancePanel';
import { CloseInstanceDialog, EditInstanceDialog } from './InstanceDialogs';
import { InstanceHeader } from './InstanceHeader';
import { InstanceSidebar } from './InstanceSidebar';
import { AddMemberDialog, EndMembershipDialog } from './MemberDialogs';
import { MembersByOrganisation } from './MembersByOrganisation';
import { MembershipHistory } from './MembershipHistory';
import { useInstanceEditing } from './useInstanceEditing';

export function InstanceScreen() {
  const { id = '' } = useParams();
  const q = useQuery(() => api().instances.get({ id }), [id]);
  const year = new Date().getFullYear();
  const stats = useQuery(() => api().meetings.attendanceStats({ year, instanceId: id }), [id, year]);
  const people = useQuery(() => api().people.list(), []);
  const editing = useInstanceEditing(id);
  const d = q.data;
  if (!d) return q.error ? <Alert color="red">{q.error.message}</Alert> : <Loader />;
  const { instance } = d;
  const confidential = instance.confidentiality === 'confidential';

  return (
    <>
      <InstanceHeader instance={instance} editing={editing} />
      <Grid>
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="md">
            <MembersByOrganisation groups={d.byOrganisation} confidential={confidential} editing={editing} />
            <MembershipHistory history={d.history} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="md">
            {charterApplies(instance) ? <GovernancePanel detail={d} /> : null}
            <InstanceSidebar detail={d} stats={stats.data ?? []} year={year} />
          </Stack>
        </Grid.Col>
      </Grid>
      <AddMemberDialog editing={editing} people={people.data ?? []} history={d.history} confidential={confidential} />
      <EndMembershipDialog editing={editing} />
      <CloseInstanceDialog editing={editing} />
      <EditInstanceDialog editing={editing} />
      <NewMeetingDialog opened={editing.meeting.open} onClose={editing.meeting.hide} instanceId={id} />
    </>
  );
}
