// Quick capture of a decision or an action during the séance: a few keystrokes, Ctrl+Entrée to record.
import { Alert, Button, Group, Kbd, Modal, NumberInput, SegmentedControl, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useMemo, useState } from 'react';
import { fr } from '../../../../../shared/i18n';
import { CaptureInput } from '../../../../../shared/contract/meetings';
import { api, call, useQuery } from '../../../api';
import { DateField } from '../../../components/DateField';
import { formNumber, useFormSubmit } from '../../../components/useFormSubmit';
import { SITUATION_FIELD, useQuickSituation } from '../../register/QuickSituation';

const L = fr.meetings.ui;
const INBOX = '__inbox__';
const SHOWN = ['text', 'pilotOrganisationId', 'dueDate', 'objectiveId', 'actionId', 'actionStatus', 'progress', 'situationRef'];

export function CaptureDialog({
  meetingId,
  agendaItemId,
  kind,
  confidential,
  instanceId,
  onClose,
  onKindChange,
}: {
  meetingId: string;
  agendaItemId?: string;
  kind: 'decision' | 'action' | null;
  confidential: boolean;
  /** The meeting's instance: a confidential one may create a situation of the register here. */
  instanceId?: string;
  onClose: () => void;
  onKindChange: (k: 'decision' | 'action') => void;
}) {
  const [text, setText] = useState('');
  const [pilot, setPilot] = useState<string | null>(null);
  const [due, setDue] = useState('');
  const [objective, setObjective] = useState<string | null>(INBOX);
  const [actionId, setActionId] = useState<string | null>(null);
  const [actionStatus, setActionStatus] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | string>('');
  const [ref, setRef] = useState('');
  const { errors, setErrors, busy, submit: check } = useFormSubmit('text');
  const orgs = useQuery(() => api().partners.list(), []);
  const tree = useQuery(() => api().strategy.tree(), []);
  const actions = useQuery(() => api().strategy.actions({}), []);
  const situation = useQuickSituation(instanceId, confidential);
  useEffect(() => {
    if (kind) {
      setErrors({});
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- cleared when the dialog opens or changes kind
  }, [kind]);
  const objectives = useMemo(
    () => [
      { value: INBOX, label: L.inbox },
      ...(tree.data?.axes ?? []).flatMap((a) => a.objectives.map((o) => ({ value: o.id, label: `${a.title} › ${o.title}` }))),
    ],
    [tree.data],
  );
  const reset = () => {
    setText('');
    setPilot(null);
    setDue('');
    setObjective(INBOX);
    setActionId(null);
    setActionStatus(null);
    setProgress('');
    setRef('');
    setErrors({});
    situation.reset();
  };
  // The capture is checked with the channel's own CaptureInput (text required, real due date, progress 0–100…), and a
  // new situation with register:create's, before anything is created; each message sits under its field.
  const submit = async () => {
    if (!kind || busy) return;
    const values = {
      meetingId,
      ...(agendaItemId ? { agendaItemId } : {}),
      kind,
      text,
      ...(ref.trim() ? { situationRef: ref } : {}),
      ...(kind === 'action'
        ? { ...(pilot ? { pilotOrganisationId: pilot } : {}), ...(due ? { dueDate: due } : {}), ...(objective && objective !== INBOX ? { objectiveId: objective } : {}) }
        : { ...(actionId ? { actionId } : {}), ...(actionStatus ? { actionStatus } : {}), ...(actionId && progress !== '' ? { progress: formNumber(progress) } : {}) }),
    };
    await check(CaptureInput, values as CaptureInput, async (data) => {
      // A new situation of the register first: the decision then cites its reference.
      let situationRef = data.situationRef ?? '';
      if (situation.enabled) {
        situationRef = await situation.create(ref);
        // Created: a retry of the capture cites it instead of creating it twice.
        setRef(situationRef);
        situation.reset();
      }
      const r = await call(api().meetings.capture({ ...data, ...(situationRef ? { situationRef } : {}) }), { mutation: true });
      // Top right, short: the bottom-right corner holds the check-in and dialogs open at the top centre.
      notifications.show({ color: 'teal', position: 'top-right', autoClose: 2500, message: r.action && kind === 'action' ? L.actionSaved(r.action.code) : L.decisionSaved });
      reset();
      onClose();
    }, situation.check(ref));
  };
  // A refused creation of the situation names a field of its own: its message is shown here when no field above holds it.
  const other = Object.keys(errors).some((k) => SHOWN.includes(k) || k.startsWith(SITUATION_FIELD)) ? undefined : Object.values(errors)[0];
  const newRef = async () => {
    const r = await call(api().meetings.nextSituationRef()).catch(() => undefined);
    if (r) setRef(r.ref);
  };
  return (
    <Modal opened={kind !== null} onClose={onClose} title={kind === 'action' ? L.captureTitleAction : L.captureTitleDecision} size="lg">
      <Stack
        gap="sm"
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void submit();
          }
        }}
      >
        <SegmentedControl
          value={kind ?? 'decision'}
          onChange={(v) => onKindChange(v as 'decision' | 'action')}
          data={[
            { value: 'decision', label: `${L.captureDecision} (Ctrl+D)` },
            { value: 'action', label: `${L.captureAction} (Ctrl+Maj+A)` },
          ]}
        />
        {confidential ? (
          <Alert color="red" variant="light">
            {L.namesReminder}
          </Alert>
        ) : null}
        <Textarea label={kind === 'action' ? L.captureTextAction : L.captureTextDecision} data-autofocus autosize minRows={2} value={text} error={errors.text} onChange={(e) => setText(e.currentTarget.value)} />
        {kind === 'action' ? (
          <>
            <Group grow>
              <Select label={L.pilot} searchable clearable data={(orgs.data ?? []).map((o) => ({ value: o.id, label: o.name }))} value={pilot} error={errors.pilotOrganisationId} onChange={setPilot} />
              <DateField label={L.dueDate} value={due} onChange={setDue} error={errors.dueDate} />
            </Group>
            <Select label={L.objective} searchable data={objectives} value={objective} error={errors.objectiveId} onChange={setObjective} allowDeselect={false} />
          </>
        ) : (
          <>
            <Select label={L.aboutAction} searchable clearable data={(actions.data ?? []).map((a) => ({ value: a.id, label: `${a.code} — ${a.title}` }))} value={actionId} error={errors.actionId} onChange={setActionId} />
            {actionId ? (
              <Group grow>
                <Select label={L.actionStatus} clearable data={Object.entries(fr.actionStatus).map(([value, label]) => ({ value, label }))} value={actionStatus} error={errors.actionStatus} onChange={setActionStatus} />
                <NumberInput label={L.progress} suffix=" %" min={0} max={100} value={progress} error={errors.progress} onChange={setProgress} />
              </Group>
            ) : null}
          </>
        )}
        <Group align="flex-end">
          <TextInput label={L.situationRef} placeholder="2026-014" value={ref} error={errors.situationRef} onChange={(e) => setRef(e.currentTarget.value)} style={{ flex: 1 }} />
          <Button variant="default" onClick={newRef}>
            {L.newRef}
          </Button>
        </Group>
        {situation.fields(errors)}
        {other ? <Alert color="red">{other}</Alert> : null}
        <Group justify="space-between">
          <Text size="xs" c="dimmed">
            <Kbd>Ctrl</Kbd> + <Kbd>Entrée</Kbd> — {L.recordHint}
          </Text>
          <Group>
            <Button variant="default" onClick={onClose}>
              {fr.actions.cancel}
            </Button>
            <Button onClick={submit} loading={busy}>
              {L.record}
            </Button>
          </Group>
        </Group>
      </Stack>
    </Modal>
  );
}
