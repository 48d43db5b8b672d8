// Paramètres section of the coffre: state, idle delay, lock now, change of passphrase (the current one asked again),
// each form checked with its channel's own schema (vault:setIdleMinutes, vault:changePassphrase).
import { Button, Card, Group, NumberInput, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { vaultContract, type VaultStatus } from '../../../../shared/contract/vault';
import { fr } from '../../../../shared/i18n';
import { api, call } from '../../api';
import { formNumber, useFormSubmit } from '../../components/useFormSubmit';
import { UnlockForm } from './UnlockForm';
import { PasswordField } from '../../components/PasswordField';

const t = fr.vault.screens;

function IdleDelayForm({ status, onChanged }: { status: VaultStatus; onChanged: (s: VaultStatus) => void }) {
  const [minutes, setMinutes] = useState<number | string>(status.idleMinutes);
  const { errors, busy, submit, formRef } = useFormSubmit('minutes');
  const save = (e: FormEvent) => {
    e.preventDefault();
    void submit(vaultContract['vault:setIdleMinutes'].input, { minutes: formNumber(minutes) ?? Number.NaN }, async (v) =>
      onChanged(await call(api().vault.setIdleMinutes(v), { success: t.idleSaved, notifyError: false })),
    );
  };
  const lock = async () => onChanged(await call(api().vault.lock(), { success: t.locked }));
  return (
    <form ref={formRef} onSubmit={save} noValidate>
      <Group align="start">
        <NumberInput label={t.idleMinutes} min={1} max={240} value={minutes} onChange={setMinutes} w={260} maw="100%" error={errors.minutes} />
        <Group mt={25}>
          <Button type="submit" variant="default" loading={busy}>
            {t.saveIdle}
          </Button>
          <Button variant="light" onClick={() => void lock()}>
            {t.lockNow}
          </Button>
        </Group>
      </Group>
    </form>
  );
}

function ChangePassphraseForm({ onChanged }: { onChanged: (s: VaultStatus) => void }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirmation, setConfirmation] = useState('');
  // A refusal without a field (the waiting delay after wrong passphrases) goes under the current passphrase.
  const { errors, busy, submit, formRef } = useFormSubmit('current');
  const change = (e: FormEvent) => {
    e.preventDefault();
    void submit(vaultContract['vault:changePassphrase'].input, { current, newPassphrase: next, confirmation }, async (v) => {
      const status = await call(api().vault.changePassphrase(v), { success: t.changed, notifyError: false });
      setCurrent('');
      setNext('');
      setConfirmation('');
      onChanged(status);
    });
  };
  return (
    <form ref={formRef} onSubmit={change} noValidate>
      <Stack gap="xs">
        <Title order={3} size="h5">
          {t.changeTitle}
        </Title>
        <PasswordField label={t.current} autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.currentTarget.value)} error={errors.current} />
        <PasswordField label={t.newPassphrase} description={t.passphraseHint} autoComplete="new-password" value={next} onChange={(e) => setNext(e.currentTarget.value)} error={errors.newPassphrase} />
        <PasswordField label={t.confirmation} autoComplete="new-password" value={confirmation} onChange={(e) => setConfirmation(e.currentTarget.value)} error={errors.confirmation} />
        <Group>
          <Button type="submit" variant="default" loading={busy}>
            {t.change}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function VaultSettings() {
  const [status, setStatus] = useState<VaultStatus>();
  useEffect(() => {
    void api()
      .vault.status()
      .then((r) => r.ok && setStatus(r.value));
  }, []);
  if (!status || status.state === 'absent') return null;
  return (
    <Card withBorder>
      <Stack>
        <Title order={2} size="h4">
          {t.settingsTitle}
        </Title>
        <Text>{status.state === 'unlocked' ? t.stateUnlocked : t.stateLocked}</Text>
        {status.state === 'locked' ? <UnlockForm status={status} onUnlocked={setStatus} /> : <IdleDelayForm status={status} onChanged={setStatus} />}
        <ChangePassphraseForm onChanged={setStatus} />
      </Stack>
    </Card>
  );
}
