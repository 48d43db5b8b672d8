// Unlocking the coffre: passphrase field with its French error and the waiting delay, or the recovery key with a new passphrase.
import { Alert, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { VaultStatus } from '../../../../shared/contract/vault';
import { fr } from '../../../../shared/i18n';
import { api } from '../../api';

const t = fr.vault.screens;

export function UnlockForm({ status, onUnlocked }: { status?: VaultStatus; onUnlocked: (s: VaultStatus) => void }) {
  const [mode, setMode] = useState<'passphrase' | 'recovery'>('passphrase');
  const [passphrase, setPassphrase] = useState('');
  const [recoveryKey, setRecoveryKey] = useState('');
  const [next, setNext] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [error, setError] = useState<{ message: string; field?: string }>();
  const [busy, setBusy] = useState(false);
  const [waitUntil, setWaitUntil] = useState(status?.retryInMs ? Date.now() + status.retryInMs : 0);
  const [, tick] = useState(0);
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => field.current?.focus(), [mode]);
  useEffect(() => {
    if (waitUntil <= Date.now()) return;
    const id = setInterval(() => tick((n) => n + 1), 500);
    return () => clearInterval(id);
  }, [waitUntil]);
  const seconds = Math.max(0, Math.ceil((waitUntil - Date.now()) / 1000));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    const r = mode === 'passphrase' ? await api().vault.unlock({ passphrase }) : await api().vault.recover({ recoveryKey, newPassphrase: next, confirmation });
    setBusy(false);
    if (r.ok) {
      setPassphrase('');
      onUnlocked(r.value);
      return;
    }
    setError(r.error);
    const s = await api().vault.status();
    if (s.ok && s.value.retryInMs) setWaitUntil(Date.now() + s.value.retryInMs);
    field.current?.focus();
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        {status?.demo && <Alert color="blue">{t.demoHint}</Alert>}
        {mode === 'passphrase' ? (
          <PasswordInput
            ref={field}
            label={t.passphrase}
            autoComplete="current-password"
            value={passphrase}
            onChange={(e) => setPassphrase(e.currentTarget.value)}
            error={error?.message}
          />
        ) : (
          <>
            <TextInput ref={field} label={t.recoveryKey} autoComplete="off" value={recoveryKey} onChange={(e) => setRecoveryKey(e.currentTarget.value)} error={error?.field === 'recoveryKey' ? error.message : undefined} />
            <PasswordInput label={t.newPassphrase} description={t.passphraseHint} autoComplete="new-password" value={next} onChange={(e) => setNext(e.currentTarget.value)} error={error?.field === 'newPassphrase' ? error.message : undefined} />
            <PasswordInput label={t.confirmation} autoComplete="new-password" value={confirmation} onChange={(e) => setConfirmation(e.currentTarget.value)} error={error && error.field !== 'recoveryKey' && error.field !== 'newPassphrase' ? error.message : undefined} />
          </>
        )}
        {seconds > 0 && (
          <Text size="sm" role="status" aria-live="polite">
            {t.waiting(seconds)}
          </Text>
        )}
        <Button type="submit" loading={busy} disabled={seconds > 0}>
          {mode === 'passphrase' ? t.unlock : t.recover}
        </Button>
        <Button variant="subtle" onClick={() => (setError(undefined), setMode(mode === 'passphrase' ? 'recovery' : 'passphrase'))}>
          {mode === 'passphrase' ? t.lostPassphrase : t.backToUnlock}
        </Button>
      </Stack>
    </form>
  );
}
