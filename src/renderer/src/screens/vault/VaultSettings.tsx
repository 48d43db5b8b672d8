// Paramètres section of the coffre: state, idle delay, lock now, change of passphrase (the current one asked again).
import { Alert, Button, Card, Group, NumberInput, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import type { VaultStatus } from '../../../../shared/contract/vault';
import { fr } from '../../../../shared/i18n';
import { api, call } from '../../api';
import { UnlockForm } from './UnlockForm';

const t = fr.vault.screens;

export function VaultSettings() {
  const [status, setStatus] = useState<VaultStatus>();
  const [minutes, setMinutes] = useState<number | string>(10);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [error, setError] = useState<{ message: string; field?: string }>();
  const load = () =>
    void api()
      .vault.status()
      .then((r) => {
        if (!r.ok) return;
        setStatus(r.value);
        setMinutes(r.value.idleMinutes);
      });
  useEffect(load, []);
  if (!status || status.state === 'absent') return null;

  const saveIdle = async () => setStatus(await call(api().vault.setIdleMinutes({ minutes: Number(minutes) }), { success: t.idleSaved }));
  const lock = async () => setStatus(await call(api().vault.lock(), { success: t.locked }));
  const change = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    const r = await api().vault.changePassphrase({ current, newPassphrase: next, confirmation });
    if (!r.ok) return setError(r.error);
    setCurrent('');
    setNext('');
    setConfirmation('');
    setStatus(r.value);
    await call(Promise.resolve(r), { success: t.changed });
  };

  return (
    <Card withBorder>
      <Stack>
        <Title order={2} size="h4">
          {t.settingsTitle}
        </Title>
        <Text>{status.state === 'unlocked' ? t.stateUnlocked : t.stateLocked}</Text>
        {status.state === 'locked' ? (
          <UnlockForm status={status} onUnlocked={setStatus} />
        ) : (
          <Group align="end">
            <NumberInput label={t.idleMinutes} min={1} max={240} value={minutes} onChange={setMinutes} w={260} />
            <Button variant="default" onClick={() => void saveIdle()}>
              {t.saveIdle}
            </Button>
            <Button variant="light" onClick={() => void lock()}>
              {t.lockNow}
            </Button>
          </Group>
        )}
        <form onSubmit={change} noValidate>
          <Stack gap="xs">
            <Title order={3} size="h5">
              {t.changeTitle}
            </Title>
            {error && !error.field && <Alert color="red">{error.message}</Alert>}
            <PasswordInput label={t.current} autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.currentTarget.value)} error={error?.field === 'passphrase' ? error.message : undefined} />
            <PasswordInput label={t.newPassphrase} description={t.passphraseHint} autoComplete="new-password" value={next} onChange={(e) => setNext(e.currentTarget.value)} error={error?.field === 'newPassphrase' ? error.message : undefined} />
            <PasswordInput label={t.confirmation} autoComplete="new-password" value={confirmation} onChange={(e) => setConfirmation(e.currentTarget.value)} error={error?.field === 'confirmation' ? error.message : undefined} />
            <Group>
              <Button type="submit" variant="default">
                {t.change}
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>
    </Card>
  );
}
