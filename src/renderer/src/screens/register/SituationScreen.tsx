// One situation: its fields (closed lists), status changes (en suivi, close with a reason, reopen), the decisions citing it; archived ones only with a reason.
import { Anchor, Button, Group, Modal, Paper, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconPencil } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { formatDate, formatShortDate } from '../../../../shared/format';
import { fr } from '../../../../shared/i18n';
import { listLabel } from '../../../../shared/register-defaults';
import { StatusChange } from '../../../../shared/contract/register';
import { api, call, useQuery } from '../../api';
import { useFormSubmit } from '../../components/useFormSubmit';
import { links } from '../../app/registry';
import { PageHeader } from '../../components/PageHeader';
import { ArchivedReasonForm } from './ArchivedReasonForm';
import { LockedNotice, StatusBadge } from './common';
import { CorrespondencePanel } from './CorrespondencePanel';
import { SituationForm } from './SituationForm';

const L = fr.register.ui;

function Field({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{value || L.none}</Text>
    </div>
  );
}

export function SituationScreen() {
  const { id = '' } = useParams();
  const [reason, setReason] = useState<string>();
  const [editing, setEditing] = useState(false);
  const [closing, setClosing] = useState(false);
  const [closure, setClosure] = useState<string | null>(null);
  const closeForm = useFormSubmit('closureReason');
  const detail = useQuery(() => api().register.get({ id, ...(reason ? { reason } : {}) }), [id, reason]);
  const settings = useQuery(() => api().register.settings(), []);
  useEffect(() => {
    document.title = `${detail.data ? fr.meetings.situationRef(detail.data.situation.reference) : fr.register.title} — ${fr.appName}`;
  }, [detail.data]);
  const back = (
    <Button variant="subtle" component={Link} to={links.register()} leftSection={<IconArrowLeft size={16} />} mb="sm">
      {L.back}
    </Button>
  );
  if (detail.error?.field === 'reason') {
    return (
      <>
        {back}
        <PageHeader title={L.archivedTitle} />
        <ArchivedReasonForm situationId={id} onReason={setReason} />
      </>
    );
  }
  if (detail.error) {
    return (
      <>
        {back}
        <LockedNotice error={detail.error} />
      </>
    );
  }
  const d = detail.data;
  const s = settings.data;
  if (!d || !s) return back;
  const sit = d.situation;
  const setStatus = (status: 'open' | 'in_follow_up' | 'closed', closureReason?: string) =>
    call(api().register.setStatus({ id: sit.id, status, ...(closureReason ? { closureReason } : {}) }), { mutation: true, success: status === 'closed' ? L.closed : L.saved });
  return (
    <>
      {back}
      <PageHeader
        title={fr.meetings.situationRef(sit.reference)}
        subtitle={<StatusBadge status={sit.status} />}
        actions={
          sit.status === 'archived' ? null : (
            <>
              {sit.status === 'open' ? <Button variant="default" onClick={() => void setStatus('in_follow_up').catch(() => undefined)}>{L.toFollowUp}</Button> : null}
              {sit.status === 'closed' ? <Button variant="default" onClick={() => void setStatus('in_follow_up').catch(() => undefined)}>{L.reopen}</Button> : null}
              {sit.status !== 'closed' ? <Button variant="default" onClick={() => setClosing(true)}>{L.close}</Button> : null}
              <Button leftSection={<IconPencil size={16} />} onClick={() => setEditing(true)}>
                {L.editSituation}
              </Button>
            </>
          )
        }
      />
      <Paper withBorder p="lg" mb="lg">
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="md">
          <Field label={L.openedAt} value={formatDate(sit.openedAt)} />
          <Field label={L.instances} value={d.row.instanceNames.join(', ')} />
          <Field label={L.referent} value={d.row.referentName ?? ''} />
          <Field label={L.origin} value={d.row.originLabel} />
          <Field label={L.reason} value={d.row.reasonLabel} />
          <Field label={L.ageBracket} value={fr.register.ageBracket[sit.ageBracket]} />
          <Field label={L.legalEndDate} value={sit.legalEndDate ? formatDate(sit.legalEndDate) : L.noLegalEnd} />
          <Field label={L.closedAt} value={sit.closedAt ? formatDate(sit.closedAt) : ''} />
          <Field label={L.closureReason} value={sit.closureReason ? listLabel(s.closureReasons, sit.closureReason) : ''} />
          <Field label={L.orientations} value={sit.orientations.map((o) => listLabel(s.orientations, o)).join(', ')} />
          <Field label={L.nextStep} value={d.row.next ? (d.row.next.step === 'archive' ? L.nextArchive(formatDate(d.row.next.date)) : L.nextDestroy(formatDate(d.row.next.date))) : ''} />
        </SimpleGrid>
        <Text size="xs" c="dimmed" mt="md">
          {L.note} — {fr.register.reminder}
        </Text>
        <Text size="sm">{sit.note || L.none}</Text>
      </Paper>
      <CorrespondencePanel situationId={sit.id} status={sit.status} enabled={s.correspondenceEnabled} />
      <Title order={2} size="h4" mb="xs">
        {L.decisions}
      </Title>
      {d.decisions.length ? (
        <Stack gap={4}>
          {d.decisions.map((x) => (
            <Text key={x.id} size="sm">
              {formatShortDate(x.meetingDate)} —{' '}
              <Anchor component={Link} to={links.meeting(x.meetingId)}>
                {x.meetingTitle}
              </Anchor>{' '}
              ({fr.meetings.ui.decisionKind[x.kind]}, {fr.meetings.ui.decisionStatus[x.status as 'open' | 'done' | 'cancelled'] ?? x.status})
            </Text>
          ))}
        </Stack>
      ) : (
        <Text size="sm" c="dimmed">
          {L.noDecisions}
        </Text>
      )}
      <Modal opened={editing} onClose={() => setEditing(false)} title={L.editSituation} size="lg">
        <SituationForm situation={sit} onCancel={() => setEditing(false)} onDone={() => setEditing(false)} />
      </Modal>
      <Modal opened={closing} onClose={() => setClosing(false)} title={L.close}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            // The reason is optional in the channel (reopening has none) but required to close.
            void closeForm.submit(StatusChange, { id: sit.id, status: 'closed', closureReason: closure ?? undefined }, async () => {
              await setStatus('closed', closure ?? undefined);
              setClosing(false);
            }, closure ? {} : { closureReason: fr.register.errors.closureReasonRequired });
          }}
        >
          <Stack>
            <Select label={L.closureReason} required data={s.closureReasons.filter((i) => !i.retired).map((i) => ({ value: i.code, label: i.label }))} value={closure} onChange={setClosure} error={closeForm.errors.closureReason} data-autofocus />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setClosing(false)}>
                {L.cancel}
              </Button>
              <Button type="submit">{L.close}</Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
