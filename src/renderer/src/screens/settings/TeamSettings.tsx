// Paramètres « Données de l'équipe »: connect this computer to a team server (certificate confirmed on first use, one-time password replaced), or go back to the local file.
import { Alert, Button, Card, Code, Group, List, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconCloud, IconCloudOff, IconShieldCheck } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { teamContract, type TeamConnectStep, type TeamStatus } from '../../../../shared/contract/team';
import { fr } from '../../../../shared/i18n';
import type { Result } from '../../../../shared/result';
import { api, ApiError } from '../../api';
import { useFormSubmit } from '../../components/useFormSubmit';
import { confirmDanger } from '../../components/confirm';
import { refreshTeamStatus, useTeamStatus } from '../../app/teamStatus';
import { PasswordField } from '../../components/PasswordField';

const t = fr.team.desktop;

/** Team mode replaces every screen's data: start again from a clean renderer. */
const reloadApp = () => window.location.reload();

function ConnectedPanel({ status, onReconnect, onSwitched }: { status: TeamStatus; onReconnect: () => void; onSwitched: () => void }) {
  const [busy, setBusy] = useState(false);
  const disconnect = async () => {
    setBusy(true);
    const r = await api().team.disconnect();
    setBusy(false);
    if (r.ok) onSwitched();
  };
  const online = status.connection === 'online';
  return (
    <Stack gap="xs">
      <Group gap="xs" wrap="nowrap">
        {online ? <IconCloud size={18} aria-hidden /> : <IconCloudOff size={18} aria-hidden />}
        <Text fw={600}>{t.connectedAs(status.displayName ?? status.email ?? '', fr.team.roles[status.role ?? 'reader'], status.server ?? '')}</Text>
      </Group>
      {status.fingerprint ? (
        <Text size="sm">
          <IconShieldCheck size={14} aria-hidden /> {t.fingerprintLabel} <Code>{status.fingerprint}</Code>
        </Text>
      ) : (
        <Text size="sm">{t.plainHttp}</Text>
      )}
      {status.connection === 'offline' && <Alert color="red">{t.headerOffline(status.server ?? '')}</Alert>}
      {status.connection === 'expired' && <Alert color="red">{fr.team.desktop.errors.expired}</Alert>}
      {status.connection === 'certificate' && <Alert color="red">{fr.team.desktop.errors.certificateChanged}</Alert>}
      {status.queuedNotes > 0 && <Alert color="yellow">{t.queuedNotes(status.queuedNotes)}</Alert>}
      {status.refusedNotes.length > 0 && (
        <Alert color="red">
          <List size="sm">
            {status.refusedNotes.map((n) => (
              <List.Item key={`${n.meetingId}-${n.agendaItemId ?? ''}`}>{t.refusedNote(n.message)}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      <Group>
        {!online && status.connection !== 'offline' && (
          <Button variant="default" onClick={onReconnect}>
            {t.connect}
          </Button>
        )}
        <Button variant="light" color="red" loading={busy} onClick={() => void disconnect()}>
          {t.disconnect}
        </Button>
      </Group>
    </Stack>
  );
}

/** `onSwitched`: after connecting or disconnecting (the whole renderer reloads, every screen's data changed). */
export function TeamSettings({ onSwitched = reloadApp }: { onSwitched?: () => void }) {
  const status = useTeamStatus();
  const [reconnect, setReconnect] = useState(false);
  const [url, setUrl] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [next, setNext] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [step, setStep] = useState<Exclude<TeamConnectStep, { step: 'connected' }>>();
  // Checked with team:connect's and team:setPassword's own schemas; a refusal naming no field (server unreachable, wrong
  // password, certificate) is about the whole connection and shows above the form.
  const connectForm = useFormSubmit('password');
  const passwordForm = useFormSubmit('password');
  const [refused, setRefused] = useState<string>();
  if (!status) return null;

  const answer = async (r: Result<TeamConnectStep>) => {
    if (!r.ok) {
      if (r.error.field) throw new ApiError(r.error);
      return setRefused(r.error.message);
    }
    if (r.value.step === 'connected') {
      await refreshTeamStatus();
      return onSwitched();
    }
    setStep(r.value);
  };
  const serverUrl = url || (reconnect ? (status.server ?? '') : '');
  const login = email || (reconnect ? (status.email ?? '') : '');
  const connect = (e?: FormEvent, trust?: string) => {
    e?.preventDefault();
    setRefused(undefined);
    return connectForm.submit(teamContract['team:connect'].input, { url: serverUrl, email: login, password, ...(trust ? { trust } : {}) }, async (v) => answer(await api().team.connect(v)));
  };
  const trust = async () => {
    if (step?.step !== 'trust') return;
    if (step.changed && !(await confirmDanger(t.trustTitle, t.trustConfirmChanged, t.trustAcceptChanged))) return;
    await connect(undefined, step.fingerprint);
  };
  const savePassword = (e: FormEvent) => {
    e.preventDefault();
    setRefused(undefined);
    void passwordForm.submit(teamContract['team:setPassword'].input, { password: next, confirmation }, async (v) => answer(await api().team.setPassword(v)));
  };

  const showForm = status.mode === 'local' || reconnect;
  return (
    <Card withBorder>
      <Stack>
        <Title order={2} size="h4">
          {t.sectionTitle}
        </Title>
        <Text size="sm">{t.intro}</Text>
        {status.mode === 'team' && <ConnectedPanel status={status} onReconnect={() => setReconnect(true)} onSwitched={onSwitched} />}
        {refused && (
          <Alert color="red" role="alert">
            {refused}
          </Alert>
        )}
        {step?.step === 'trust' && (
          <Alert color={step.changed ? 'red' : 'yellow'} title={t.trustTitle} role="alert">
            <Stack gap="xs">
              <Text size="sm">{step.changed && step.previous ? t.trustChanged(step.previous, step.fingerprint) : t.trustFirst(step.fingerprint)}</Text>
              <Group>
                <Button color={step.changed ? 'red' : undefined} loading={connectForm.busy} onClick={() => void trust()}>
                  {step.changed ? t.trustAcceptChanged : t.trustAccept}
                </Button>
              </Group>
            </Stack>
          </Alert>
        )}
        {step?.step === 'newPassword' ? (
          <form ref={passwordForm.formRef} onSubmit={savePassword} noValidate>
            <Stack gap="xs">
              <Title order={3} size="h5">
                {t.newPasswordTitle}
              </Title>
              <Text size="sm">{t.newPasswordIntro}</Text>
              <PasswordField label={t.newPassword} autoComplete="new-password" value={next} onChange={(e) => setNext(e.currentTarget.value)} error={passwordForm.errors.password} />
              <PasswordField label={t.confirmation} autoComplete="new-password" value={confirmation} onChange={(e) => setConfirmation(e.currentTarget.value)} error={passwordForm.errors.confirmation} />
              <Group>
                <Button type="submit" loading={passwordForm.busy}>
                  {t.savePassword}
                </Button>
              </Group>
            </Stack>
          </form>
        ) : (
          showForm && (
            <form ref={connectForm.formRef} onSubmit={(e) => void connect(e)} noValidate>
              <Stack gap="xs">
                <TextInput label={t.url} description={t.urlHint} type="url" autoComplete="url" value={serverUrl} onChange={(e) => setUrl(e.currentTarget.value)} error={connectForm.errors.url} />
                <TextInput label={t.email} type="email" autoComplete="username" value={login} onChange={(e) => setEmail(e.currentTarget.value)} error={connectForm.errors.email} />
                <PasswordField label={t.password} autoComplete="current-password" value={password} onChange={(e) => setPassword(e.currentTarget.value)} error={connectForm.errors.password} />
                <Group>
                  <Button type="submit" loading={connectForm.busy}>
                    {t.connect}
                  </Button>
                </Group>
              </Stack>
            </form>
          )
        )}
      </Stack>
    </Card>
  );
}
