// Top of a fiche action: where it sits in the plan, code and title, status, health and progress, and its main actions.
import { ActionIcon, Anchor, Button, Group, Menu, Stack, Text, Title } from '@mantine/core';
import { IconArchive, IconArrowRight, IconDots, IconPencil, IconPrinter, IconRefresh, IconTrash } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import type { ActionDetail } from '../../../../../shared/contract/strategy';
import { fr } from '../../../../../shared/i18n';
import { api, call } from '../../../api';
import { links } from '../../../app/registry';
import { deleteWithUndo } from '../../../components/confirm';
import { HealthBadge, ProgressCell, StatusBadge } from '../ui';
import { formatDateTime } from './text';

const s = fr.strategy.ui;

/** The dialogs a fiche action opens. */
export type ActionModal = 'update' | 'edit' | 'indicator' | 'move';

/** True when the documents feature can print a fiche action (its Documents screen previews, prints and saves it). */
function canPrintSheet(): boolean {
  const docs = (api() as unknown as Record<string, Record<string, unknown> | undefined>).documents;
  return typeof docs?.fiche === 'function';
}

export function ActionHeader({ detail: d, onOpen }: { detail: ActionDetail; onOpen: (modal: ActionModal) => void }) {
  const navigate = useNavigate();
  const a = d.action;
  const ro = d.readOnly;
  const printSheet = canPrintSheet();
  const remove = async () => {
    if (await deleteWithUndo(s.deleteActionTitle, s.deleteActionText(`${a.code} ${a.title}`), () => api().actions.delete({ id: a.id }))) navigate(links.plan());
  };
  return (
    <Group justify="space-between" align="flex-start" mb="md">
      <Stack gap={4}>
        <Text size="sm" c="dimmed">
          <Anchor href={`#${links.plan()}`}>{fr.nav.plan}</Anchor>
          {d.axis ? (
            <>
              {' › '}
              <Anchor href={`#${links.axis(d.axis.id)}`}>{d.axis.title}</Anchor>
            </>
          ) : null}
          {' › '}
          {d.objective?.title ?? fr.strategy.inbox}
        </Text>
        <Title order={1} size="h2">
          <Text span ff="monospace" inherit c="marianne.7">
            {a.code}
          </Text>{' '}
          {a.title}
        </Title>
        <Group gap="xs">
          <StatusBadge status={a.status} size="md" />
          <HealthBadge level={d.health.level} reasons={d.health.reasons} size="md" />
          <ProgressCell value={a.progress} width={120} />
          <Text size="xs" c="dimmed">
            {s.lastUpdate(formatDateTime(a.lastUpdateAt))}
          </Text>
        </Group>
      </Stack>
      <Group gap="xs">
        {!ro ? (
          <Button leftSection={<IconRefresh size={16} />} onClick={() => onOpen('update')}>
            {s.quickUpdate}
          </Button>
        ) : null}
        {printSheet ? (
          <Button
            variant="default"
            leftSection={<IconPrinter size={16} />}
            onClick={() => navigate(`${links.documents()}?kind=fiche&action=${encodeURIComponent(a.id)}`)}
          >
            {s.printSheet}
          </Button>
        ) : null}
        {!ro ? (
          <Menu position="bottom-end">
            <Menu.Target>
              <ActionIcon variant="default" size="lg" aria-label={s.moreActions}>
                <IconDots size={18} />
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item leftSection={<IconPencil size={14} />} onClick={() => onOpen('edit')}>
                {s.editSheet}
              </Menu.Item>
              <Menu.Item leftSection={<IconArrowRight size={14} />} onClick={() => onOpen('move')}>
                {s.moveAction}
              </Menu.Item>
              <Menu.Item
                leftSection={<IconArchive size={14} />}
                onClick={() => call(api().actions.archive({ id: a.id, archived: !a.archived }), { mutation: true, success: a.archived ? s.actionRestored : s.actionArchived })}
              >
                {a.archived ? s.restoreAction : s.archiveAction}
              </Menu.Item>
              <Menu.Item color="red" leftSection={<IconTrash size={14} />} onClick={remove}>
                {s.deleteAction}
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
        ) : null}
      </Group>
    </Group>
  );
}
