// Page of one meeting with its steps: Préparation, Invitations et présence, Séance, Compte rendu, Documents; status always visible.
import { ActionIcon, Alert, Badge, Button, Group, Loader, Paper, Select, Stack, Tabs, Text, TextInput, Tooltip } from '@mantine/core';
import { IconArrowLeft, IconLock, IconPlayerPlay, IconSend, IconTrash } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import type { MeetingDetail } from '../../../../shared/contract/meetings';
import { contract } from '../../../../shared/contract';
import { formatDate, formatLongDate, formatTime } from '../../../../shared/format';
import { fr } from '../../../../shared/i18n';
import type { Confidentiality } from '../../../../shared/model';
import { api, ApiError, call, useQuery } from '../../api';
import { links } from '../../app/registry';
import { confirmDanger, notifyDeleted } from '../../components/confirm';
import { PageHeader } from '../../components/PageHeader';
import { AgendaBuilder } from './AgendaBuilder';
import { AttendancePanel } from './AttendancePanel';
import { DateField, INVALID_DATE } from '../../components/DateField';
import { DocumentStatus } from '../../components/DocumentStatus';
import { TimeField } from '../../components/TimeField';
import { ConfidentialityBadge, formatDuration, LockedBadge, MeetingStatusBadge } from './badges';
import { FollowUpPanel } from './FollowUpPanel';
import { useNotesAutosaver, NotesSaveIndicator } from './LiveScreen';
import { NotesEditor } from './NotesEditor';
import { GENERAL } from './notesAutosave';
import { TextsLocked } from '../vault/TextsLocked';

const L = fr.meetings.ui;
type Step = 'prep' | 'invitations' | 'session' | 'minutes' | 'documents';

function MainAction({ detail }: { detail: MeetingDetail }) {
  const navigate = useNavigate();
  const { meeting } = detail;
  const go = (to: MeetingDetail['transitions'][number]) => call(api().meetings.transition({ id: meeting.id, to }), {
      mutation: true,
      // Starting the séance opens the live screen, which is feedback enough: no notice over the check-in.
      ...(to === 'in_progress' ? {} : { success: fr.meetings.ux.transitionDone[to] }),
    });
  switch (meeting.status) {
    case 'draft':
      return (
        <Group gap="xs">
          <Button variant="default" leftSection={<IconPlayerPlay size={16} />} onClick={async () => (await go('in_progress').catch(() => null)) && navigate(links.liveMeeting(meeting.id))}>
            {L.startSession}
          </Button>
          <Button leftSection={<IconSend size={16} />} onClick={() => go('convened').catch(() => undefined)}>
            {L.convene}
          </Button>
        </Group>
      );
    case 'convened':
      return (
        <Group gap="xs">
          <Button variant="subtle" onClick={() => go('draft').catch(() => undefined)}>
            {L.unconvene}
          </Button>
          <Button leftSection={<IconPlayerPlay size={16} />} onClick={async () => (await go('in_progress').catch(() => null)) && navigate(links.liveMeeting(meeting.id))}>
            {L.startSession}
          </Button>
        </Group>
      );
    case 'in_progress':
      return (
        <Button component={Link} to={links.liveMeeting(meeting.id)} leftSection={<IconPlayerPlay size={16} />}>
          {L.openLive}
        </Button>
      );
    case 'held':
      return (
        <Group gap="xs">
          <Button variant="subtle" onClick={async () => (await go('in_progress').catch(() => null)) && navigate(links.liveMeeting(meeting.id))}>
            {L.resumeSession}
          </Button>
          <Button
            leftSection={<IconLock size={16} />}
            onClick={async () => {
              if (await confirmDanger(L.validateMinutes, L.validateConfirm, L.validateMinutes)) await go('validated').catch(() => undefined);
            }}
          >
            {L.validateMinutes}
          </Button>
        </Group>
      );
    default:
      return <LockedBadge />;
  }
}

function InfoForm({ detail }: { detail: MeetingDetail }) {
  const { meeting, locked } = detail;
  const saved = { title: meeting.title, date: meeting.date, startTime: meeting.startTime, plannedEndTime: meeting.plannedEndTime ?? '', place: meeting.place ?? '', visioUrl: meeting.visioUrl ?? '' };
  const [f, setF] = useState(saved);
  // A change saved elsewhere (a colleague in team mode) replaces the fields not being edited here, instead of
  // being overwritten by their old value when the field loses the focus.
  const lastSaved = useRef(saved);
  const savedKey = Object.values(saved).join('\u0000');
  useEffect(() => {
    const before = lastSaved.current;
    lastSaved.current = saved;
    setF((cur) => {
      const next = { ...cur };
      for (const k of Object.keys(saved) as (keyof typeof saved)[]) if (cur[k] === before[k]) next[k] = saved[k];
      return next;
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `saved` is rebuilt each render; its values are the key
  }, [savedKey]);
  const [error, setError] = useState<{ field?: string; message: string }>();
  const save = async (patch: Record<string, string>) => {
    setError(undefined);
    try {
      await call(api().meetings.update({ id: meeting.id, patch }), { mutation: true });
    } catch (e) {
      if (e instanceof ApiError) setError({ field: e.info.field, message: e.info.message });
    }
  };
  const field = (k: keyof typeof f, label: string, type = 'text') => (
    <TextInput
      label={label}
      type={type}
      value={f[k]}
      disabled={locked}
      error={error?.field === k ? error.message : undefined}
      onChange={(e) => setF({ ...f, [k]: e.currentTarget.value })}
      onBlur={() => f[k] !== ((meeting as unknown as Record<string, string | undefined>)[k] ?? '') && save({ [k]: f[k] })}
    />
  );
  return (
    <Paper withBorder p="sm">
      <Stack gap="xs">
        {field('title', L.title)}
        <Group grow>
          <DateField
            label={L.date}
            value={f.date}
            error={error?.field === 'date' ? error.message : f.date === INVALID_DATE ? fr.meetings.ux.invalidDate : undefined}
            onChange={(v) => {
              setF({ ...f, date: v });
              if (v && v !== INVALID_DATE && v !== meeting.date && !locked) void save({ date: v });
            }}
          />
          <TimeField label={L.startTime} value={f.startTime} disabled={locked} error={error?.field === 'startTime' ? error.message : undefined} onCommit={(v) => v && save({ startTime: v })} />
          <TimeField label={L.plannedEndTime} value={f.plannedEndTime} disabled={locked} error={error?.field === 'plannedEndTime' ? error.message : undefined} onCommit={(v) => save({ plannedEndTime: v })} />
        </Group>
        <Group grow>
          {field('place', L.place)}
          {field('visioUrl', L.visioUrl)}
        </Group>
        <Select
          label={L.confidentiality}
          disabled={locked}
          data={(['public', 'restricted', 'confidential'] as Confidentiality[]).map((c) => ({ value: c, label: fr.confidentiality[c] }))}
          value={meeting.confidentiality}
          allowDeselect={false}
          error={error?.field === 'confidentiality' ? error.message : undefined}
          onChange={(v) => v && v !== meeting.confidentiality && save({ confidentiality: v })}
        />
        {error && !['title', 'date', 'startTime', 'plannedEndTime', 'place', 'visioUrl', 'confidentiality'].includes(error.field ?? '') ? <Alert color="red">{error.message}</Alert> : null}
      </Stack>
    </Paper>
  );
}

function Minutes({ detail }: { detail: MeetingDetail }) {
  const { meeting, locked } = detail;
  const saver = useNotesAutosaver(meeting.id);
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text fw={700}>{meeting.confidentiality === 'confidential' || meeting.confidentiality === 'restricted' ? 'Relevé de décisions' : L.steps.minutes}</Text>
        {locked ? (
          <Text size="sm" c="dimmed">
            {L.lockedNotice(formatDate((meeting.validatedAt ?? meeting.updatedAt).slice(0, 10)))}
          </Text>
        ) : (
          <NotesSaveIndicator saver={saver} />
        )}
      </Group>
      {meeting.textsPurgedAt ? (
        <Alert color="gray" variant="light" data-testid="texts-purged">
          {fr.meetingLife.textsPurged(formatDate(meeting.textsPurgedAt))}
        </Alert>
      ) : null}
      {meeting.agenda
        .filter((i) => i.kind === 'item')
        .map((item, n) => {
          const decisions = meeting.decisions.filter((d) => d.agendaItemId === item.id);
          return (
            <Paper key={item.id} withBorder p="sm">
              <Text fw={600}>
                {n + 1}. {item.title}
              </Text>
              {locked ? (
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} c={item.notes ? undefined : 'dimmed'}>
                  {item.notes || L.noNotes}
                </Text>
              ) : (
                <NotesEditor itemKey={item.id} initial={item.notes} saver={saver} label={L.notes} minRows={3} />
              )}
              {decisions.map((d) => (
                <Text size="sm" key={d.id} mt={4}>
                  <Badge size="xs" variant="light" color={d.kind === 'action' ? 'blue' : 'grape'} style={{ textTransform: 'none' }}>
                    {L.decisionKind[d.kind]}
                  </Badge>{' '}
                  {d.situationRef ? `${fr.meetings.situationRef(d.situationRef)} — ` : ''}
                  {d.text}
                  {d.dueDate ? ` (${L.dueDate} : ${formatDate(d.dueDate)})` : ''}
                </Text>
              ))}
            </Paper>
          );
        })}
      {locked ? (
        meeting.generalNotes ? (
          <Paper withBorder p="sm">
            <Text fw={600}>{L.generalNotes}</Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {meeting.generalNotes}
            </Text>
          </Paper>
        ) : null
      ) : (
        <NotesEditor itemKey={GENERAL} initial={meeting.generalNotes} saver={saver} label={L.generalNotes} minRows={3} />
      )}
      <Paper withBorder p="sm">
        <Text fw={700} mb={4}>
          {L.decisions}
        </Text>
        {meeting.decisions.length === 0 ? (
          <Text size="sm" c="dimmed">
            {L.noDecisions}
          </Text>
        ) : (
          meeting.decisions.map((d) => (
            <Group key={d.id} gap={4} wrap="nowrap" justify="space-between">
              <Text size="sm">
                • {L.decisionKind[d.kind]} : {d.situationRef ? `${fr.meetings.situationRef(d.situationRef)} — ` : ''}
                {d.text}
                {d.actionId ? (
                  <>
                    {' '}
                    — <Link to={links.action(d.actionId)}>{L.actionSheet}</Link>
                  </>
                ) : null}
              </Text>
              {!locked ? (
                <Tooltip label={L.deleteDecision}>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={`${L.deleteDecision} : ${d.text}`}
                    onClick={async () => {
                      if (!(await confirmDanger(L.deleteDecision, L.deleteDecisionText))) return;
                      const del = await call(api().meetings.deleteDecision({ meetingId: meeting.id, decisionId: d.id }), { mutation: true }).catch(() => null);
                      if (del) notifyDeleted(del);
                    }}
                  >
                    <IconTrash size={14} />
                  </ActionIcon>
                </Tooltip>
              ) : null}
            </Group>
          ))
        )}
      </Paper>
      {meeting.nextMeetingDate ? (
        <Text size="sm">
          {L.nextMeetingDate} : {formatLongDate(meeting.nextMeetingDate)}
        </Text>
      ) : null}
    </Stack>
  );
}

const hasDocuments = 'documents:convocation' in contract;

export function MeetingScreen() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const q = useQuery(() => api().meetings.get({ id }), [id]);
  const detail = q.data;
  if (!detail) return q.error ? <Alert color="red">{q.error.message}</Alert> : <Loader />;
  const { meeting, instance, summary, locked } = detail;
  if (detail.textsLocked) return <TextsLocked onUnlocked={q.reload} />;
  const step = (params.get('etape') as Step) || (meeting.status === 'held' || meeting.status === 'validated' ? 'minutes' : 'prep');
  const remove = async () => {
    if (!(await confirmDanger(L.deleteMeeting, `« ${meeting.title} » sera supprimée. Vous pourrez annuler pendant cette session.`))) return;
    const d = await call(api().meetings.delete({ id: meeting.id }), { mutation: true }).catch(() => null);
    if (d) {
      notifyDeleted(d);
      navigate(links.meetings());
    }
  };
  // A held meeting (or one with decisions) does not go to the undo list: it is deleted for good, after confirmation, and registered.
  const final = meeting.status === 'held' || meeting.status === 'validated' || meeting.decisions.length > 0;
  const removeFinal = async () => {
    if (!(await confirmDanger(fr.meetingLife.deleteFinalTitle, fr.meetingLife.deleteFinalBody(meeting.title), fr.meetingLife.deleteFinalConfirm))) return;
    const d = await call(api().meetings.deleteFinal({ id: meeting.id, confirm: true }), { mutation: true, success: fr.meetingLife.deletedFinal(meeting.title) }).catch(() => null);
    if (d) navigate(links.meetings());
  };
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
              {meeting.status === 'in_progress' ? L.openLive : meeting.status === 'draft' || meeting.status === 'convened' ? L.startSession : fr.meetingStatus[meeting.status]}
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
            {!hasDocuments ? <Alert color="gray">{L.documentsMissing}</Alert> : <DocumentButtons meetingId={meeting.id} hasMinutes={meeting.status === 'held' || meeting.status === 'validated'} />}
          </Stack>
        </Tabs.Panel>
      </Tabs>
      {/* Below every tab, whatever the meeting's state: a held meeting opens on « Compte rendu », not « Préparation ». */}
      <Group mt="xl" pt="sm" style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
        <Button color="red" variant="subtle" leftSection={<IconTrash size={14} />} onClick={final ? removeFinal : remove} data-testid={final ? 'meeting-delete-final' : 'meeting-delete'}>
          {final ? fr.meetingLife.deleteFinal : L.deleteMeeting}
        </Button>
      </Group>
    </>
  );
}

/** Generates the meeting's documents through the documents channels, then offers « Enregistrer sous… ». */
export function DocumentButtons({ meetingId, hasMinutes }: { meetingId: string; hasMinutes: boolean }) {
  const [busy, setBusy] = useState<string>();
  const [done, setDone] = useState<{ title: string; pages: number; token: string; warnings: string[] }>();
  const run = async (kind: 'convocation' | 'emargement' | 'minutes') => {
    setBusy(kind);
    try {
      const d = api().documents;
      const info = await call(kind === 'convocation' ? d.convocation({ meetingId }) : kind === 'emargement' ? d.emargement({ meetingId }) : d.minutes({ meetingId }));
      setDone(info);
    } catch {
      setDone(undefined);
    } finally {
      setBusy(undefined);
    }
  };
  return (
    <Stack gap="sm">
      <Group>
        <Button variant="default" loading={busy === 'convocation'} onClick={() => run('convocation')}>
          {L.docConvocation}
        </Button>
        <Button variant="default" loading={busy === 'emargement'} onClick={() => run('emargement')}>
          {L.docSignIn}
        </Button>
        <Button variant="default" loading={busy === 'minutes'} disabled={!hasMinutes} onClick={() => run('minutes')} title={hasMinutes ? undefined : L.docMinutesDisabled}>
          {L.docMinutes}
        </Button>
      </Group>
      <DocumentStatus done={done} busy={!!busy} />
      {done ? (
        <Paper withBorder p="sm">
          <Group justify="space-between">
            <Text size="sm">
              {done.title} — {fr.meetings.ux.plural(done.pages, 'page', 'pages')}
            </Text>
            <Button size="xs" onClick={() => call(api().documents.saveAs({ token: done.token })).catch(() => undefined)}>
              {L.docSaveAs}
            </Button>
          </Group>
          {done.warnings.map((w) => (
            <Text key={w} size="xs" c="orange.8">
              {w}
            </Text>
          ))}
        </Paper>
      ) : null}
    </Stack>
  );
}
