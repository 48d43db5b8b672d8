// « Raccourcis clavier » help: a modal listing the global shortcuts, opened with « ? », F1 or from the sidebar.
import { Group, Kbd, Modal, Table, Text } from '@mantine/core';
import { Fragment, useEffect, useState } from 'react';
import { useLocation } from 'react-router';
import { fr } from '../../../shared/i18n';

const OPEN_EVENT = 'clspd:shortcuts';

/** Opens the shortcuts help from anywhere (sidebar button, command palette). */
export const openShortcuts = (): void => {
  window.dispatchEvent(new Event(OPEN_EVENT));
};

const S = fr.shortcuts;
const ROWS: { keys: string[][]; label: string }[] = [
  { keys: [['Ctrl', 'K']], label: S.palette },
  { keys: [['?'], ['F1']], label: S.help },
  { keys: [['Échap']], label: S.close },
  { keys: [['↑'], ['↓']], label: S.paletteMove },
  { keys: [['Entrée']], label: S.paletteOpen },
  { keys: [['Ctrl', 'Maj', 'P']], label: S.addAgendaItem },
];

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export function ShortcutsHelp() {
  const [opened, setOpened] = useState(false);
  const location = useLocation();
  // The live meeting screen has its own F1 help; the global one stays on « ? » there.
  const live = location.pathname.endsWith('/seance');

  useEffect(() => {
    const open = () => setOpened(true);
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === 'F1' && !live) {
        e.preventDefault();
        open();
      } else if (e.key === '?' && !isTyping(e.target)) {
        e.preventDefault();
        open();
      }
    };
    window.addEventListener(OPEN_EVENT, open);
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener(OPEN_EVENT, open);
      window.removeEventListener('keydown', onKey);
    };
  }, [live]);

  return (
    <Modal opened={opened} onClose={() => setOpened(false)} title={S.title} size="lg">
      <Text size="sm" c="dimmed" mb="sm">
        {S.intro}
      </Text>
      <Table aria-label={S.title} verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={170}>{S.keysColumn}</Table.Th>
            <Table.Th>{S.actionColumn}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {ROWS.map((r) => (
            <Table.Tr key={r.label}>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  {r.keys.map((combo, i) => (
                    <Fragment key={combo.join('+')}>
                      {i > 0 ? (
                        <Text size="xs" c="dimmed">
                          {fr.shortcuts.or}
                        </Text>
                      ) : null}
                      {combo.map((k, j) => (
                        <Fragment key={k}>
                          {j > 0 ? <Text size="xs">+</Text> : null}
                          <Kbd size="sm">{k}</Kbd>
                        </Fragment>
                      ))}
                    </Fragment>
                  ))}
                </Group>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{r.label}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="sm" c="dimmed" mt="md">
        {S.liveNote}
      </Text>
    </Modal>
  );
}
