// Partage: exports for partners (tables, update files, invitations, minutes), imports, and the full backup.
import { Alert, Badge, Button, Card, Group, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconCalendarEvent, IconDatabaseExport, IconFileImport, IconFileSpreadsheet, IconLock, IconMail, IconFileText, IconUsersGroup } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { notifications } from '@mantine/notifications';
import { useNavigate, useSearchParams } from 'react-router';
import type { ExportResult } from '../../../../shared/contract/sharing';
import type { Result } from '../../../../shared/result';
import { formatShortDate } from '../../../../shared/format';
import { fr } from '../../../../shared/i18n';
import { api, call, useQuery } from '../../api';
import { EditOnly, useAccess } from '../../app/access';
import { PageHeader } from '../../components/PageHeader';
import { confirmIncludeConfidential } from './confidential';
import { ExportDialog } from './ExportDialog';

const T = fr.sharing;

/** Runs an export (the main process asks where to save) and tells where the file went. */
async function save(p: Promise<Result<ExportResult>>): Promise<void> {
  try {
    const r = await call(p);
    if (!r.cancelled) notifications.show({ color: r.confidential ? 'red' : 'teal', message: r.message, autoClose: 10_000 });
  } catch {
    // Already shown as a notification.
  }
}

export function SharingScreen() {
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const overview = useQuery(() => api().sharing.overview(), []);
  const access = useAccess();
  const o = overview.data;
  const [exportOpen, setExportOpen] = useState(params.get('export') === '1');
  const [pilot, setPilot] = useState<string | null>(params.get('pilote'));
  const [meeting, setMeeting] = useState<string | null>(params.get('reunion'));
  const [instance, setInstance] = useState<string | null>(null);
  useEffect(() => {
    if (params.get('export') === '1') setExportOpen(true);
  }, [params]);

  const meetingInfo = o?.meetings.find((m) => m.id === meeting);
  const instanceInfo = o?.instances.find((i) => i.id === instance);
  const pilotInfo = o?.pilots.find((p) => p.id === pilot);
  /** A confidential target needs the explicit choice first. */
  const withChoice = async (confidential: boolean | undefined, fn: (includeConfidential: boolean) => Promise<void>) => {
    if (confidential && !(await confirmIncludeConfidential())) return;
    await fn(!!confidential);
  };

  return (
    <>
      <PageHeader
        title={T.ui.title}
        subtitle={T.ui.subtitle}
        actions={
          <Button leftSection={<IconFileSpreadsheet size={16} />} onClick={() => setExportOpen(true)}>
            {T.ui.exportButton}
          </Button>
        }
      />
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <Card withBorder>
          <Stack gap="sm">
            <Group gap="xs">
              <IconFileSpreadsheet size={20} aria-hidden />
              <Title order={2} size="h4">
                {T.ui.exportCardTitle}
              </Title>
            </Group>
            <Text size="sm" c="dimmed">
              {T.ui.exportCardText}
            </Text>
            <Group>
              <Button variant="light" onClick={() => setExportOpen(true)}>
                {T.ui.exportButton}
              </Button>
            </Group>
          </Stack>
        </Card>

        <Card withBorder>
          <Stack gap="sm">
            <Group gap="xs">
              <IconUsersGroup size={20} aria-hidden />
              <Title order={2} size="h4">
                {T.ui.packTitle}
              </Title>
            </Group>
            <Text size="sm" c="dimmed">
              {T.ui.packText}
            </Text>
            <Select
              label={T.ui.packPilot}
              placeholder={T.ui.packPilotPlaceholder}
              data={(o?.pilots ?? []).map((p) => ({ value: p.id, label: `${p.name} — ${T.ui.packActions(p.actions)}` }))}
              value={pilot}
              onChange={setPilot}
              searchable
            />
            <Group>
              <Button
                variant="light"
                disabled={!pilot}
                title={pilot ? undefined : T.ui.packNeedsPilot}
                onClick={() => pilot && void save(api().sharing.exportUpdatePack({ pilotId: pilot, includeConfidential: false }))}
              >
                {T.ui.packExport}
              </Button>
              <EditOnly>
                <Button variant="default" leftSection={<IconFileImport size={16} />} onClick={() => navigate(`/partage/importer?type=updatePack${pilotInfo ? `&pilote=${pilotInfo.id}` : ''}`)}>
                  {T.ui.packImport}
                </Button>
              </EditOnly>
            </Group>
          </Stack>
        </Card>

        <Card withBorder>
          <Stack gap="sm">
            <Group gap="xs">
              <IconCalendarEvent size={20} aria-hidden />
              <Title order={2} size="h4">
                {T.ui.calendarTitle}
              </Title>
            </Group>
            <Text size="sm" c="dimmed">
              {T.ui.calendarText}
            </Text>
            <Select
              label={T.ui.meeting}
              placeholder={T.ui.meetingPlaceholder}
              data={(o?.meetings ?? []).map((m) => ({ value: m.id, label: `${formatShortDate(m.date)} — ${m.title} (${m.instance})${m.confidential ? ` — ${T.ui.confidentialTag}` : ''}` }))}
              value={meeting}
              onChange={setMeeting}
              searchable
            />
            {meetingInfo?.confidential ? (
              <Badge color="red" leftSection={<IconLock size={12} />} variant="light">
                {T.ui.confidentialTag}
              </Badge>
            ) : null}
            <Group>
              <Button
                variant="light"
                leftSection={<IconCalendarEvent size={16} />}
                disabled={!meeting}
                title={meeting ? undefined : T.ui.needsMeeting}
                onClick={() => meeting && void withChoice(meetingInfo?.confidential, (inc) => save(api().sharing.exportIcs({ meetingId: meeting, includeConfidential: inc })))}
              >
                {T.ui.icsMeeting}
              </Button>
              <Button
                variant="light"
                leftSection={<IconMail size={16} />}
                disabled={!meeting}
                title={meeting ? undefined : T.ui.needsMeeting}
                onClick={() => meeting && void withChoice(meetingInfo?.confidential, (inc) => save(api().sharing.prepareEmail({ meetingId: meeting, includeConfidential: inc })))}
              >
                {T.ui.prepareEmail}
              </Button>
              <Button
                variant="light"
                leftSection={<IconFileText size={16} />}
                disabled={!meeting}
                title={meeting ? undefined : T.ui.needsMeeting}
                onClick={() => meeting && void save(api().sharing.exportMinutesDocx({ meetingId: meeting }))}
              >
                {T.ui.minutesDocx}
              </Button>
              <Button
                variant="light"
                leftSection={<IconFileText size={16} />}
                disabled={!meetingInfo?.plenary}
                title={meetingInfo?.plenary ? undefined : T.ui.needsPlenary}
                onClick={() => meeting && void withChoice(meetingInfo?.confidential, (inc) => save(api().sharing.exportDossier({ meetingId: meeting, includeConfidential: inc })))}
              >
                {T.ui.dossier}
              </Button>
            </Group>
            {/* Disabled buttons say why, in view and not only on hover. */}
            {!meeting ? (
              <Text size="xs" c="dimmed">
                {T.ui.needsMeeting}
              </Text>
            ) : !meetingInfo?.plenary ? (
              <Text size="xs" c="dimmed">
                {T.ui.needsPlenary}
              </Text>
            ) : null}
            <Select
              label={T.ui.instance}
              placeholder={T.ui.instancePlaceholder}
              data={(o?.instances ?? []).map((i) => ({ value: i.id, label: `${i.name}${i.confidential ? ` — ${T.ui.confidentialTag}` : ''}` }))}
              value={instance}
              onChange={setInstance}
            />
            <Group>
              <Button
                variant="light"
                leftSection={<IconCalendarEvent size={16} />}
                disabled={!instance}
                title={instance ? undefined : T.ui.needsInstance}
                onClick={() => instance && void withChoice(instanceInfo?.confidential, (inc) => save(api().sharing.exportIcs({ instanceId: instance, includeConfidential: inc })))}
              >
                {T.ui.icsInstance}
              </Button>
            </Group>
            {!instance ? (
              <Text size="xs" c="dimmed">
                {T.ui.needsInstance}
              </Text>
            ) : null}
          </Stack>
        </Card>

        <Card withBorder>
          <Stack gap="sm">
            <Group gap="xs">
              <IconFileImport size={20} aria-hidden />
              <Title order={2} size="h4">
                {T.ui.importTitle}
              </Title>
            </Group>
            <Text size="sm" c="dimmed">
              {T.ui.importText}
            </Text>
            {access.canEdit ? (
              <Group>
                <Button variant="light" onClick={() => navigate('/partage/importer')}>
                  {T.ui.importButton}
                </Button>
              </Group>
            ) : (
              <Text size="sm">{fr.access.importRefused}</Text>
            )}
            {/* The complete backup is the coordinator's (the server refuses it to other accounts). */}
            {access.canAdminister ? (
              <>
                <Group gap="xs" mt="md">
                  <IconDatabaseExport size={20} aria-hidden />
                  <Title order={2} size="h4">
                    {T.ui.backupTitle}
                  </Title>
                </Group>
                <Alert color="yellow" icon={<IconLock size={18} />}>
                  {T.backupIsNotAShare}
                </Alert>
                <Group>
                  <Button variant="default" onClick={() => void save(api().sharing.exportBackup())}>
                    {T.ui.backupButton}
                  </Button>
                </Group>
              </>
            ) : null}
          </Stack>
        </Card>
      </SimpleGrid>
      {/* Always mounted: closing it then returns the focus to the button that opened it. */}
      <ExportDialog
        opened={exportOpen}
        overview={o}
        onClose={() => {
          setExportOpen(false);
          if (params.get('export')) setParams({}, { replace: true });
        }}
      />
    </>
  );
}
