// Before the app opens: choose the coffre's passphrase (first use or update, recovery key shown once) or unlock it to finish the update.
import { Alert, Button, Card, Center, Code, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { vaultContract, type VaultStatus } from '../../../../shared/contract/vault';
import { fr } from '../../../../shared/i18n';
import { api, call } from '../../api';
import { useFormSubmit } from '../../components/useFormSubmit';
import { UnlockForm } from './UnlockForm';
import { PasswordField } from '../../components/PasswordField';

const t = fr.vault.screens;

/** Shown while the coffre does not exist yet, or while the update is waiting for it to be unlocked. */
export function VaultGateScreen({ status, onDone }: { status: VaultStatus; onDone: () => void }) {
  const [recoveryKey, setRecoveryKey] = useState<string>();
  const [passphrase, setPassphrase] = useState('');
  const [confirmation, setConfirmation] = useState('');
  // Checked with vault:create's own schema; a refusal without a field (the coffre exists already) goes under the passphrase.
  const { errors, busy, submit, formRef } = useFormSubmit('passphrase');
  const [printError, setPrintError] = useState<string>();
  const [printed, setPrinted] = useState<string>();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${recoveryKey ? t.recoveryTitle : status.state === 'absent' ? t.setupTitle : t.unlockTitle} — ${fr.appName}`;
    heading.current?.focus();
  }, [recoveryKey, status.state]);

  const create = (e: FormEvent) => {
    e.preventDefault();
    void submit(vaultContract['vault:create'].input, { passphrase, confirmation }, async (v) => {
      const created = await call(api().vault.create(v), { notifyError: false });
      setPassphrase('');
      setConfirmation('');
      setRecoveryKey(created.recoveryKey);
    });
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
            <form ref={formRef} onSubmit={create} noValidate>
              <Stack>
                <Text>{status.migrationPending ? t.migrationIntro : t.setupIntro}</Text>
                <PasswordField
                  label={t.passphrase}
                  description={t.passphraseHint}
                  autoComplete="new-password"
                  value={passphrase}
                  onChange={(e) => setPassphrase(e.currentTarget.value)}
                  error={errors.passphrase}
                />
                <PasswordField
                  label={t.confirmation}
                  autoComplete="new-password"
                  value={confirmation}
                  onChange={(e) => setConfirmation(e.currentTarget.value)}
                  error={errors.confirmation}
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
