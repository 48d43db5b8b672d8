// Shared pieces of the register screens: status badge (icon + word + colour), the locked notice with unlock, saving a generated PDF.
import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconArchive, IconCircleCheck, IconCircleDot, IconLock, IconProgress } from '@tabler/icons-react';
import type { GeneratedInfo } from '../../../../shared/contract/documents';
import { fr } from '../../../../shared/i18n';
import type { SituationStatus } from '../../../../shared/register-model';
import type { AppErrorInfo, Result } from '../../../../shared/result';
import { api, call, useQuery } from '../../api';
import { UnlockForm } from '../vault/UnlockForm';

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

/** Shown when the protected store is locked: the coffre's own unlock form (waiting delay, demo hint, recovery key) right here. */
export function LockedNotice({ error }: { error: AppErrorInfo }) {
  const status = useQuery(() => api().vault.status(), []);
  if (error.code !== 'locked') {
    return (
      <Paper withBorder p="lg">
        <Text role="alert">{error.message}</Text>
      </Paper>
    );
  }
  return (
    <Paper withBorder p="xl" maw={560} mx="auto" component="section" aria-labelledby="register-locked-title">
      <Stack gap="sm">
        <Group gap="xs">
          <IconLock size={22} aria-hidden />
          <Title order={2} size="h3" id="register-locked-title">
            {L.lockedTitle}
          </Title>
        </Group>
        <Text c="dimmed">{L.lockedText}</Text>
        {/* Unlocking is a change every screen must see: announced like a mutation so that the register reloads. */}
        <UnlockForm {...(status.data ? { status: status.data } : {})} onUnlocked={(s) => void call(Promise.resolve({ ok: true as const, value: s }), { mutation: true }).catch(() => undefined)} />
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
