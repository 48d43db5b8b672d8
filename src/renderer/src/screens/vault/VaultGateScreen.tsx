// Before the app opens: choose the coffre's passphrase (first use or update, recovery key shown once) or unlock it to finish the update.
import { Alert, Button, Card, Center, Code, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { VaultStatus } from '../../../../shared/contract/vault';
import { fr } from '../../../../shared/i18n';
import { api } from '../../api';
import { UnlockForm } from './UnlockForm';

const t = fr.vault.screens;

/** Shown while the coffre does not exist yet, or while the update is waiting for it to be unlocked. */
export function VaultGateScreen({ status, onDone }: { status: VaultStatus; onDone: () => void }) {
  const [recoveryKey, setRecoveryKey] = useState<string>();
  const [passphrase, setPassphrase] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [error, setError] = useState<{ message: string; field?: string }>();
  const [busy, setBusy] = useState(false);
  const [printError, setPrintError] = useState<string>();
  const [printed, setPrinted] = useState<string>();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${recoveryKey ? t.recoveryTitle : status.state === 'absent' ? t.setupTitle : t.unlockTitle} — ${fr.appName}`;
    heading.current?.focus();
  }, [recoveryKey, status.state]);

  const create = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    const r = await api().vault.create({ passphrase, confirmation });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setPassphrase('');
    setConfirmation('');
    setRecoveryKey(r.value.recoveryKey);
  };

  const print = async () => {
    setPrintError(undefined);
    setPrinted(undefined);
    const r = await api().vault.recoveryPdf({ recoveryKey: recoveryKey! });
    if (!r.ok) setPrintError(r.error.message);
    else if (r.value.saved && r.value.path) setPrinted(r.value.path);
  };

  return (
    <Center mih="100%" p="xl">
      <Card withBorder padding="xl" maw={620} w="100%">
        <Stack>
          <Title order={1} size="h3" ref={heading} tabIndex={-1}>
            {recoveryKey ? t.recoveryTitle : status.state === 'absent' ? t.setupTitle : t.unlockTitle}
          </Title>
          {recoveryKey ? (
            <>
              <Text>{t.recoveryIntro}</Text>
              <Code block fz="lg" aria-label={t.recoveryKey}>
                {recoveryKey}
              </Code>
              {printError && <Alert color="orange">{printError}</Alert>}
              {/* Stays mounted: says, politely, that the sheet was saved and opened. */}
              <Text size="sm" role="status" aria-live="polite">
                {printed ? fr.a11y.recoverySheetSaved(printed) : ''}
              </Text>
              <Button variant="light" onClick={() => void print()}>
                {t.printRecovery}
              </Button>
              <Button onClick={onDone}>{t.recoveryNoted}</Button>
            </>
          ) : status.state === 'absent' ? (
            <form onSubmit={create} noValidate>
              <Stack>
                <Text>{status.migrationPending ? t.migrationIntro : t.setupIntro}</Text>
                <PasswordInput
                  label={t.passphrase}
                  description={t.passphraseHint}
                  autoComplete="new-password"
                  value={passphrase}
                  onChange={(e) => setPassphrase(e.currentTarget.value)}
                  error={error && error.field !== 'confirmation' ? error.message : undefined}
                />
                <PasswordInput
                  label={t.confirmation}
                  autoComplete="new-password"
                  value={confirmation}
                  onChange={(e) => setConfirmation(e.currentTarget.value)}
                  error={error?.field === 'confirmation' ? error.message : undefined}
                />
                <Button type="submit" loading={busy}>
                  {t.create}
                </Button>
              </Stack>
            </form>
          ) : (
            <>
              <Text>{status.migrationPending ? t.migrationIntro : t.unlockIntro}</Text>
              <UnlockForm status={status} onUnlocked={onDone} />
            </>
          )}
        </Stack>
      </Card>
    </Center>
  );
}
