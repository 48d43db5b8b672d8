// Import preview: the columns of the file and the field each one fills, which the user can reassign (folded by default).
import { Select, Table, Text } from '@mantine/core';
import type { MappingColumn } from '../../../../../shared/contract/sharing';
import { fr } from '../../../../../shared/i18n';

const T = fr.sharing;

export function MappingTable({ columns, fields, onRemap }: { columns: MappingColumn[]; fields: { key: string; label: string }[]; onRemap: (header: string, field: string | null) => void }) {
  const choices = [{ value: '', label: T.dialog.ignored }, ...fields.map((f) => ({ value: f.key, label: f.label }))];
  return (
    <details>
      <summary>
        <Text span fw={600} size="sm">
          {T.dialog.mapping}
        </Text>
      </summary>
      <Text size="xs" c="dimmed" my={4}>
        {T.ui.mappingHelp}
      </Text>
      <Table withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{T.ui.column}</Table.Th>
            <Table.Th>{T.ui.field}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {columns.map((c) => (
            <Table.Tr key={c.index}>
              <Table.Td>{c.header || '—'}</Table.Td>
              <Table.Td>
                <Select aria-label={`${T.ui.field} : ${c.header}`} size="xs" data={choices} value={c.field ?? ''} onChange={(v) => onRemap(c.header, v)} allowDeselect={false} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </details>
  );
}
