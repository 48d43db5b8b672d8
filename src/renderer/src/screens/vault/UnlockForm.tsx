// Unlocking the coffre: passphrase field with its French error and the waiting delay, or the recovery key with a new passphrase.
import { Alert, Button, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { vaultContract, type VaultStatus } from '../../../../shared/contract/vault';
import type { Result } from '../../../../shared/result';
import { fr } from '../../../../shared/i18n';
import { api, call } from '../../api';
import { useFormSubmit } from '../../components/useFormSubmit';
import { PasswordField } from '../../components/PasswordField';

const t = fr.vault.screens;

export function UnlockForm({ status, onUnlocked }: { status?: VaultStatus; onUnlocked: (s: VaultStatus) => void }) {
  const [mode, setMode] = useState<'passphrase' | 'recovery'>('passphrase');
  const [passphrase, setPassphrase] = useState('');
  const [recoveryKey, setRecoveryKey] = useState('');
  const [next, setNext] = useState('');
  const [confirmation, setConfirmation] = useState('');
  // A refusal without a field (wrong passphrase or recovery key, waiting delay) goes under the field being typed.
  const { errors, setErrors, busy, submit: check, formRef } = useFormSubmit(mode === 'passphrase' ? 'passphrase' : 'confirmation');
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

  /** Sends the checked values; after a refusal, shows the growing delay the coffre now imposes and returns to the field. */
  const send = async (request: Promise<Result<VaultStatus>>) => {
    try {
      const unlocked = await call(request, { notifyError: false });
      setPassphrase('');
      onUnlocked(unlocked);
    } catch (err) {
      const s = await api().vault.status();
      if (s.ok && s.value.retryInMs) setWaitUntil(Date.now() + s.value.retryInMs);
      field.current?.focus();
      throw err;
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    return mode === 'passphrase'
      ? check(vaultContract['vault:unlock'].input, { passphrase }, (v) => send(api().vault.unlock(v)))
      : check(vaultContract['vault:recover'].input, { recoveryKey, newPassphrase: next, confirmation }, (v) => send(api().vault.recover(v)));
  };

  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <Stack>
        {status?.demo && <Alert color="blue">{t.demoHint}</Alert>}
        {mode === 'passphrase' ? (
          <PasswordField
            ref={field}
            label={t.passphrase}
            autoComplete="current-password"
            value={passphrase}
            onChange={(e) => setPassphrase(e.currentTarget.value)}
            error={errors.passphrase}
          />
        ) : (
          <>
            <TextInput ref={field} label={t.recoveryKey} autoComplete="off" value={recoveryKey} onChange={(e) => setRecoveryKey(e.currentTarget.value)} error={errors.recoveryKey} />
            <PasswordField label={t.newPassphrase} description={t.passphraseHint} autoComplete="new-password" value={next} onChange={(e) => setNext(e.currentTarget.value)} error={errors.newPassphrase} />
            <PasswordField label={t.confirmation} autoComplete="new-password" value={confirmation} onChange={(e) => setConfirmation(e.currentTarget.value)} error={errors.confirmation} />
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
        <Button variant="subtle" onClick={() => (setErrors({}), setMode(mode === 'passphrase' ? 'recovery' : 'passphrase'))}>
          {mode === 'passphrase' ? t.lostPassphrase : t.backToUnlock}
        </Button>
      </Stack>
    </form>
  );
}
