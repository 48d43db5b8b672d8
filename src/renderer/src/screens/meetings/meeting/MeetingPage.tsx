// Layout of a meeting's page: header with status always visible, the five steps (Préparation, Invitations et présence, Séance, Compte rendu, Documents), deletion.
import { Alert, Button, Group, Paper, Stack, Tabs, Text } from '@mantine/core';
import { IconArrowLeft, IconTrash } from '@tabler/icons-react';
import { Link, useSearchParams } from 'react-router';
import { contract } from '../../../../../shared/contract';
import type { MeetingDetail } from '../../../../../shared/contract/meetings';
import { formatLongDate, formatTime } from '../../../../../shared/format';
import { fr } from '../../../../../shared/i18n';
import { EditOnly, useAccess } from '../../../app/access';
import { links } from '../../../app/registry';
import { PageHeader } from '../../../components/PageHeader';
import { ConfidentialityBadge, formatDuration, MeetingStatusBadge } from '../badges';
import { FollowUpPanel } from '../FollowUpPanel';
import { AgendaBuilder } from './AgendaBuilder';
import { AttendancePanel } from './AttendancePanel';
import { DocumentButtons } from './DocumentButtons';
import { InfoForm } from './InfoForm';
import { MainAction } from './MainAction';
import { Minutes } from './Minutes';
import { hasMinutes, stepOf } from './steps';
import { useAddPointShortcut } from './useAddPointShortcut';
import { useMeetingDeletion } from './useMeetingDeletion';

const L = fr.meetings.ui;
const hasDocuments = 'documents:convocation' in contract;

export function MeetingPage({ detail }: { detail: MeetingDetail }) {
  const [params, setParams] = useSearchParams();
  const { meeting, instance, summary, locked } = detail;
  const { canEdit } = useAccess();
  const step = stepOf(params.get('etape'), meeting.status);
  const { final, remove } = useMeetingDeletion(meeting);
  useAddPointShortcut(locked, setParams);
  return (
    <>
      <Button component={Link} to={links.meetings()} variant="subtle" size="xs" leftSection={<IconArrowLeft size={14} />} mb="xs">
        {L.meetingsTitle}
      </Button>
      <PageHeader
        title={meeting.title}
        subtitle={
          <>
            {formatLongDate(meeting.date)}, {formatTime(meeting.startTime)}
            {meeting.plannedEndTime ? ` – ${formatTime(meeting.plannedEndTime)}` : ''} · <Link to={links.instance(instance.id)}>{instance.name}</Link>
            {meeting.place ? ` · ${meeting.place}` : ''} · {L.totalDuration(formatDuration(summary.totalMin))}
          </>
        }
        actions={
          <Group gap="xs">
            <MeetingStatusBadge status={meeting.status} />
            <ConfidentialityBadge level={meeting.confidentiality} />
            <MainAction detail={detail} />
          </Group>
        }
      />
      {meeting.confidentiality === 'confidential' ? (
        <Alert color="red" variant="light" mb="sm">
          {L.confidentialBanner}. {L.namesReminder}
        </Alert>
      ) : null}
      {!canEdit ? (
        <Text size="sm" c="dimmed" mb="sm">
          {fr.access.fieldsShown}
        </Text>
      ) : null}
      <Tabs value={step} onChange={(v) => setParams(v ? { etape: v } : {})} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="prep">1. {L.steps.prep}</Tabs.Tab>
          <Tabs.Tab value="invitations">2. {L.steps.invitations}</Tabs.Tab>
          <Tabs.Tab value="session">3. {L.steps.session}</Tabs.Tab>
          <Tabs.Tab value="minutes">4. {L.steps.minutes}</Tabs.Tab>
          <Tabs.Tab value="documents">5. {L.steps.documents}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="prep">
          <Stack gap="md">
            <InfoForm detail={detail} />
            <AgendaBuilder detail={detail} />
            <Paper withBorder p="sm">
              <FollowUpPanel meetingId={meeting.id} rows={detail.followUp} locked={locked} />
            </Paper>
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="invitations">
          <AttendancePanel detail={detail} />
        </Tabs.Panel>
        <Tabs.Panel value="session">
          <Stack gap="sm">
            <Text>
              {!canEdit ? fr.meetingStatus[meeting.status] : meeting.status === 'in_progress' ? L.openLive : meeting.status === 'draft' || meeting.status === 'convened' ? L.startSession : fr.meetingStatus[meeting.status]}
            </Text>
            <Group>
              <MainAction detail={detail} />
            </Group>
            <FollowUpPanel meetingId={meeting.id} rows={detail.followUp} locked={locked} />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="minutes">
          <Minutes detail={detail} />
        </Tabs.Panel>
        <Tabs.Panel value="documents">
          <Stack gap="sm">
            <Text>{L.documentsIntro}</Text>
            {!hasDocuments ? <Alert color="gray">{L.documentsMissing}</Alert> : <DocumentButtons meetingId={meeting.id} hasMinutes={hasMinutes(meeting.status)} />}
          </Stack>
        </Tabs.Panel>
      </Tabs>
      {/* Below every tab, whatever the meeting's state: a held meeting opens on « Compte rendu », not « Préparation ». */}
      <EditOnly>
        <Group mt="xl" pt="sm" style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
          <Button color="red" variant="subtle" leftSection={<IconTrash size={14} />} onClick={remove} data-testid={final ? 'meeting-delete-final' : 'meeting-delete'}>
            {final ? fr.meetingLife.deleteFinal : L.deleteMeeting}
          </Button>
        </Group>
      </EditOnly>
    </>
  );
}
