// Paramètres section « Mises à jour »: the opt-in switch (off by default, kept on this computer), where updates come from,
// the state of the search and download, « Rechercher maintenant » and « Installer et redémarrer » (the main process asks again).
import { Alert, Button, Card, Group, Stack, Switch, Text, Title } from '@mantine/core';
import { IconDownload, IconRefresh } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { UpdatesStatus } from '../../../../shared/contract/maintenance';
import { fr } from '../../../../shared/i18n';
import type { Result } from '../../../../shared/result';
import { api, call } from '../../api';
import { describeMoment } from './backups';

const t = fr.maintenance.updates;

export function UpdatesSettings() {
  const [status, setStatus] = useState<UpdatesStatus>();
  const [busy, setBusy] = useState(false);
  const busyState = status?.state === 'checking' || status?.state === 'downloading';
  useEffect(() => {
    const load = () => void api().updates.status().then((r) => r.ok && setStatus(r.value));
    load();
    // While a search or a download runs, the state moves without any action here: look again every two seconds.
    if (!busyState) return;
    const id = setInterval(load, 2_000);
    return () => clearInterval(id);
  }, [busyState]);
  if (!status) return null;

  const run = async (p: () => Promise<Result<UpdatesStatus>>, success?: string) => {
    setBusy(true);
    try {
      setStatus(await call(p(), { success }));
    } catch {
      // call() has already shown the French message.
    } finally {
      setBusy(false);
    }
  };
  const locked = status.forbidden || status.state === 'unsupported';
  const lastChecked = status.lastCheckedAt ? describeMoment(status.lastCheckedAt) : undefined;

  return (
    <Card withBorder>
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t.title}
        </Title>
        <Text size="sm">{t.intro}</Text>
        <Switch
          label={t.switchLabel}
          description={t.switchHelp}
          checked={status.enabled}
          disabled={locked || busy}
          onChange={(e) => {
            const enabled = e.currentTarget.checked;
            void run(() => api().updates.setEnabled({ enabled }), enabled ? t.enabled : t.disabled);
          }}
        />
        <Alert color={status.state === 'error' ? 'orange' : status.state === 'ready' ? 'teal' : 'gray'} role="status" aria-live="polite">
          {status.message}
        </Alert>
        <Text size="sm" c="dimmed">
          {t.source(status.source)} {status.currentVersion ? t.currentVersion(status.currentVersion) : null} {lastChecked ? t.lastChecked(lastChecked) : null}
        </Text>
        {status.enabled ? (
          <Group>
            <Button variant="default" leftSection={<IconRefresh size={16} />} onClick={() => void run(() => api().updates.check())} loading={busy || busyState} disabled={status.state === 'ready'}>
              {t.checkNow}
            </Button>
            {status.state === 'ready' && !status.waitingForSeance ? (
              <Button leftSection={<IconDownload size={16} />} onClick={() => void run(() => api().updates.install())} loading={busy}>
                {t.install}
              </Button>
            ) : null}
          </Group>
        ) : null}
      </Stack>
    </Card>
  );
}
