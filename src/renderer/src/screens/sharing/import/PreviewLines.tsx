// Import preview: one row per line of the file — keep it or not, what will happen (icon + word), old → new values, errors and warnings.
import { Badge, Checkbox, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconCirclePlus, IconCircleX, IconEqual, IconGitMerge, IconPencil } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { PreviewLine } from '../../../../../shared/contract/sharing';
import { fr } from '../../../../../shared/i18n';
import { LINES_SHOWN } from './importState';
import type { ImportState } from './useImport';

const T = fr.sharing;

const ACTION_LOOK: Record<PreviewLine['action'], { label: string; color: string; icon: ReactNode }> = {
  create: { label: T.import.created, color: 'teal', icon: <IconCirclePlus size={14} /> },
  update: { label: T.import.updated, color: 'blue', icon: <IconPencil size={14} /> },
  merge: { label: T.import.merged, color: 'blue', icon: <IconGitMerge size={14} /> },
  unchanged: { label: T.import.unchanged, color: 'gray', icon: <IconEqual size={14} /> },
  invalid: { label: T.import.invalid, color: 'red', icon: <IconCircleX size={14} /> },
};

function LineRow({ line, kept, onKeep }: { line: PreviewLine; kept: boolean; onKeep: (v: boolean) => void }) {
  const look = ACTION_LOOK[line.action];
  return (
    <Table.Tr bg={line.action === 'invalid' ? 'var(--mantine-color-red-0)' : undefined}>
      <Table.Td>
        <Checkbox aria-label={`${T.ui.colKeep} — ${T.import.row(line.row)}`} checked={kept} disabled={!line.acceptable} onChange={(e) => onKeep(e.currentTarget.checked)} />
      </Table.Td>
      <Table.Td>{line.row}</Table.Td>
      <Table.Td>
        <Text size="sm" fw={500}>
          {line.label}
        </Text>
      </Table.Td>
      <Table.Td>
        <Badge color={look.color} variant="light" leftSection={look.icon} style={{ minWidth: 'max-content' }}>
          {look.label}
        </Badge>
      </Table.Td>
      <Table.Td>
        <Stack gap={2}>
          {line.changes.map((c) => (
            <Text size="xs" key={c.field}>
              <Text span fw={600} size="xs">
                {c.label}
              </Text>{' '}
              : {c.from ?? '—'} → {c.to ?? '—'}
            </Text>
          ))}
          {line.errors.map((e, i) => (
            <Text size="xs" c="red.8" key={`e${i}`} role="alert">
              <IconCircleX size={12} aria-hidden /> {e.column ? T.import.cellError(line.row, e.column, e.message) : e.message}
            </Text>
          ))}
          {line.warnings.map((w, i) => (
            <Text size="xs" c="orange.9" key={`w${i}`}>
              <IconAlertTriangle size={12} aria-hidden /> {w}
            </Text>
          ))}
        </Stack>
      </Table.Td>
    </Table.Tr>
  );
}

export function PreviewLines({ lines, state }: { lines: PreviewLine[]; state: ImportState }) {
  return (
    <ScrollArea.Autosize mah={520}>
      <Table striped highlightOnHover stickyHeader aria-label={T.ui.preview}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{T.ui.colKeep}</Table.Th>
            <Table.Th>{T.ui.colRow}</Table.Th>
            <Table.Th>{T.ui.colLine}</Table.Th>
            <Table.Th>{T.ui.colWhat}</Table.Th>
            <Table.Th>{T.ui.colChanges}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lines.slice(0, LINES_SHOWN).map((l) => (
            <LineRow key={l.id} line={l} kept={l.acceptable && state.isKept(l.id)} onKeep={(v) => state.keep(l.id, v)} />
          ))}
        </Table.Tbody>
      </Table>
      {lines.length > LINES_SHOWN ? (
        <Text size="xs" c="dimmed" ta="center" py="xs">
          {T.ui.moreLines(lines.length - LINES_SHOWN)}
        </Text>
      ) : null}
    </ScrollArea.Autosize>
  );
}
