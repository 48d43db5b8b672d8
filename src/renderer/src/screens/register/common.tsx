// Shared pieces of the register screens: status badge (icon + word + colour), the locked notice with unlock, saving a generated PDF.
import { Badge, Button, Group, Paper, PasswordInput, Stack, Text } from '@mantine/core';
import { IconArchive, IconCircleCheck, IconCircleDot, IconLock, IconProgress } from '@tabler/icons-react';
import { useState } from 'react';
import type { GeneratedInfo } from '../../../../shared/contract/documents';
import { fr } from '../../../../shared/i18n';
import type { SituationStatus } from '../../../../shared/register-model';
import type { AppErrorInfo, Result } from '../../../../shared/result';
import { ApiError, api, call } from '../../api';

const L = fr.register.ui;

const STATUS = {
  open: { color: 'blue', Icon: IconCircleDot },
  in_follow_up: { color: 'teal', Icon: IconProgress },
  closed: { color: 'gray', Icon: IconCircleCheck },
  archived: { color: 'dark', Icon: IconArchive },
} as const;

export function StatusBadge({ status }: { status: SituationStatus }) {
  const { color, Icon } = STATUS[status];
  return (
    <Badge variant="light" color={color} leftSection={<Icon size={12} aria-hidden />} style={{ textTransform: 'none', overflow: 'visible' }} styles={{ label: { overflow: 'visible' } }}>
      {fr.register.status[status]}
    </Badge>
  );
}

/** Shown when the protected store is locked: the passphrase unlocks it here, when the vault offers it. */
export function LockedNotice({ error }: { error: AppErrorInfo }) {
  const [passphrase, setPassphrase] = useState('');
  const [message, setMessage] = useState<string>();
  const vault = (api() as unknown as { vault?: { unlock?: (i: { passphrase: string }) => Promise<Result<unknown>> } }).vault;
  if (error.code !== 'locked') {
    return (
      <Paper withBorder p="lg">
        <Text role="alert">{error.message}</Text>
      </Paper>
    );
  }
  return (
    <Paper withBorder p="xl" maw={560} mx="auto">
      <Stack gap="sm">
        <Group gap="xs">
          <IconLock size={22} aria-hidden />
          <Text fw={600} size="lg">
            {L.lockedTitle}
          </Text>
        </Group>
        <Text c="dimmed">{L.lockedText}</Text>
        {vault?.unlock ? (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              setMessage(undefined);
              call(vault.unlock!({ passphrase }), { mutation: true, notifyError: false }).catch((err: unknown) => setMessage(err instanceof ApiError ? err.info.message : String(err)));
            }}
          >
            <Group align="flex-end">
              <PasswordInput label={L.passphrase} value={passphrase} onChange={(e) => setPassphrase(e.currentTarget.value)} error={message} style={{ flex: 1 }} data-autofocus />
              <Button type="submit">{L.unlock}</Button>
            </Group>
          </form>
        ) : null}
      </Stack>
    </Paper>
  );
}

/** Generates a PDF through `make`, then offers « Enregistrer sous… ». */
export async function savePdf(make: () => Promise<Result<GeneratedInfo>>): Promise<void> {
  const info = await call(make(), { mutation: true }).catch(() => undefined);
  if (!info) return;
  await call(api().documents.saveAs({ token: info.token }), { success: L.saved_file(info.suggestedName) }).catch(() => undefined);
}
