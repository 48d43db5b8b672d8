// « Table de correspondance » section of a situation: the name appears only after the passphrase is typed again (dialog), for a few minutes, never printed.
import { Alert, Button, Group, Modal, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconEye, IconEyeOff, IconLock } from '@tabler/icons-react';
import { useEffect, useId, useState } from 'react';
import { registerContract, type CorrespondenceView } from '../../../../shared/contract/register';
import { fr } from '../../../../shared/i18n';
import type { SituationStatus } from '../../../../shared/register-model';
import { api, call } from '../../api';
import { useFormSubmit } from '../../components/useFormSubmit';
import { PasswordField } from '../../components/PasswordField';

const C = fr.correspondence;

/** The re-authentication dialog: passphrase (and a reason for an archived situation). */
function ReauthDialog({ opened, archived, onClose, onShown, situationId }: { opened: boolean; archived: boolean; situationId: string; onClose: () => void; onShown: (v: CorrespondenceView) => void }) {
  const [passphrase, setPassphrase] = useState('');
  const [reason, setReason] = useState('');
  const { errors, setErrors, busy, submit } = useFormSubmit('passphrase');
  const close = () => {
    setPassphrase('');
    setErrors({});
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={C.dialogTitle}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit(registerContract['register:correspondenceReveal'].input, { id: situationId, passphrase, ...(archived ? { reason } : {}) }, async (input) => {
            const v = await call(api().register.correspondenceReveal(input), { notifyError: false });
            setPassphrase('');
            onShown(v);
          });
        }}
      >
        <Stack>
          <Text size="sm">{C.dialogText}</Text>
          {archived ? <TextInput label={C.reason} required maxLength={300} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={errors.reason} /> : null}
          <PasswordField
            label={C.passphrase}
            required
            autoComplete="current-password"
            value={passphrase}
            onChange={(e) => setPassphrase(e.currentTarget.value)}
            error={errors.passphrase}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {C.cancel}
            </Button>
            <Button type="submit" loading={busy} leftSection={<IconEye size={16} aria-hidden />}>
              {C.confirm}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** The name shown after re-authentication, editable until the grant expires; hidden then. */
function ShownName({ view, editable, situationId, onHide }: { view: CorrespondenceView; editable: boolean; situationId: string; onHide: () => void }) {
  const [name, setName] = useState(view.name ?? '');
  const { errors, submit } = useFormSubmit('name');
  const until = new Date(view.expiresAt).toLocaleTimeString('fr-FR', { hour: '2-digit', minute: '2-digit' }).replace(':', ' h ');
  return (
    <Stack gap="sm">
      {editable ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void submit(registerContract['register:correspondenceSet'].input, { id: situationId, token: view.token, name }, (input) =>
              call(api().register.correspondenceSet(input), { mutation: true, notifyError: false, success: input.name ? C.saved : C.removed }),
            );
          }}
        >
          <Group align="flex-end">
            <TextInput label={C.name} description={C.nameHint} maxLength={120} value={name} onChange={(e) => setName(e.currentTarget.value)} error={errors.name} style={{ flex: 1, minWidth: 240 }} autoComplete="off" />
            <Button type="submit">{C.save}</Button>
          </Group>
        </form>
      ) : (
        <div>
          <Text size="xs" c="dimmed">
            {C.name}
          </Text>
          <Text>{view.name ?? C.noName}</Text>
        </div>
      )}
      <Group justify="space-between">
        <Text size="xs" c="dimmed">
          {C.expires(until)}
        </Text>
        <Button variant="default" size="xs" leftSection={<IconEyeOff size={14} aria-hidden />} onClick={onHide}>
          {C.hide}
        </Button>
      </Group>
    </Stack>
  );
}

export function CorrespondencePanel({ situationId, status, enabled }: { situationId: string; status: SituationStatus; enabled: boolean }) {
  const [dialog, setDialog] = useState(false);
  const [view, setView] = useState<CorrespondenceView>();
  const [expired, setExpired] = useState(false);
  const headingId = useId();
  // The name disappears when the grant expires; it is never kept beyond this component.
  useEffect(() => {
    if (!view) return;
    const timer = window.setTimeout(() => {
      setView(undefined);
      setExpired(true);
    }, Math.max(0, Date.parse(view.expiresAt) - Date.now()));
    return () => window.clearTimeout(timer);
  }, [view]);
  useEffect(() => {
    setView(undefined);
  }, [situationId]);
  return (
    <Paper withBorder p="lg" mb="lg" component="section" aria-labelledby={headingId}>
      <Group gap="xs" mb="xs">
        <IconLock size={18} aria-hidden />
        <Title order={2} size="h4" id={headingId}>
          {C.heading}
        </Title>
      </Group>
      {!enabled ? (
        <Text size="sm" c="dimmed">
          {C.disabled}
        </Text>
      ) : view ? (
        <ShownName key={view.token} view={view} editable={status !== 'archived'} situationId={situationId} onHide={() => setView(undefined)} />
      ) : (
        <Stack gap="sm" align="flex-start">
          <Text size="sm">{C.intro}</Text>
          {expired ? (
            <Alert color="gray" p="xs">
              {C.expired}
            </Alert>
          ) : null}
          <Button variant="default" leftSection={<IconEye size={16} aria-hidden />} onClick={() => setDialog(true)}>
            {C.show}
          </Button>
        </Stack>
      )}
      <ReauthDialog
        opened={dialog}
        archived={status === 'archived'}
        situationId={situationId}
        onClose={() => setDialog(false)}
        onShown={(v) => {
          setDialog(false);
          setExpired(false);
          setView(v);
        }}
      />
    </Paper>
  );
}
