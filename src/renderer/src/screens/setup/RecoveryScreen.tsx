// Recovery screen shown when the datastore cannot be read: restore a backup, choose another file, or quit.
import { Alert, Button, Card, Center, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { BackupSummary } from '../../../../shared/contract/core';
import { fr } from '../../../../shared/i18n';
import { api, call } from '../../api';
import { describeBackup } from '../settings/backups';
import { TeamRecovery } from '../settings/TeamRecovery';

const t = fr.directory.recovery;

export function RecoveryScreen({ message, dataDir, onRecovered }: { message: string; dataDir?: string; onRecovered: () => void }) {
  const [backups, setBackups] = useState<BackupSummary[]>([]);
  const [busy, setBusy] = useState<string>();
  useEffect(() => {
    void api()
      .backups.list()
      .then((r) => r.ok && setBackups(r.value));
  }, []);
  const restore = async (name: string) => {
    setBusy(name);
    try {
      await call(api().backups.restore({ name }), { mutation: true, success: t.restored });
      onRecovered();
    } finally {
      setBusy(undefined);
    }
  };
  return (
    <Center mih="100%" p="xl">
      <Card withBorder padding="xl" maw={820} w="100%">
        <Stack>
          <Group gap="sm">
            <IconAlertTriangle color="#b35c00" />
            <Title order={1} size="h3">
              {t.title}
            </Title>
          </Group>
          <Alert color="orange" title={t.whatHappened}>
            {message}
          </Alert>
          <TeamRecovery />
          <Text size="sm">
            {t.explanation}
            {dataDir ? t.dataFolder(dataDir) : ''}
          </Text>
          <Title order={2} size="h5">
            {t.backups}
          </Title>
          {backups.length === 0 ? (
            <Text c="dimmed" size="sm">
              {t.noBackups}
            </Text>
          ) : (
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t.colDate}</Table.Th>
                  <Table.Th>{t.colReason}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {backups.slice(0, 10).map((b) => (
                  <Table.Tr key={b.name}>
                    <Table.Td>{describeBackup(b).date}</Table.Td>
                    <Table.Td>{describeBackup(b).reason}</Table.Td>
                    <Table.Td ta="right">
                      <Button size="xs" loading={busy === b.name} onClick={() => restore(b.name)}>
                        {t.restore}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          <Group justify="flex-end">
            <Button
              variant="default"
              onClick={async () => {
                await call(api().app.restoreFromFile(), { mutation: true });
                onRecovered();
              }}
            >
              {t.openOther}
            </Button>
            <Button variant="light" color="red" onClick={() => void call(api().app.quit())}>
              {t.quit}
            </Button>
          </Group>
        </Stack>
      </Card>
    </Center>
  );
}
