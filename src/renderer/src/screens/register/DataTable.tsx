// One table layout for the register screens (situations list, DPO journal): bordered paper, labelled table, column headers with scope, an empty line.
import { Paper, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useOverflowsSideways } from '../../components/WideTable';

export interface Column<T> {
  header: string;
  cell: (row: T) => ReactNode;
  /** Keeps the cell on one line (references, badges, dates). */
  nowrap?: boolean;
}

export function DataTable<T>({
  label,
  columns,
  rows,
  rowKey,
  empty,
  maxHeight,
  hover = false,
}: {
  /** Accessible name of the table (usually the section's heading). */
  label: string;
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  /** Shown under the headers when there is no row. */
  empty?: string;
  /** Scrolls inside the paper (headers stay visible) beyond this height. */
  maxHeight?: number;
  hover?: boolean;
}) {
  // A table wider than the window scrolls sideways in its own region, a Tab stop named after it (WCAG 1.4.10).
  const [ref, overflows] = useOverflowsSideways<HTMLDivElement>();
  return (
    <Paper
      ref={ref}
      withBorder
      style={{ overflowX: 'auto', ...(maxHeight ? { maxHeight, overflowY: 'auto' } : {}) }}
      {...(overflows ? { tabIndex: 0, role: 'region', 'aria-label': label } : {})}
    >
      <Table verticalSpacing="xs" aria-label={label} stickyHeader={maxHeight !== undefined} highlightOnHover={hover}>
        <Table.Thead>
          <Table.Tr>
            {columns.map((c) => (
              <Table.Th key={c.header} scope="col">
                {c.header}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={rowKey(r)}>
              {columns.map((c) => (
                <Table.Td key={c.header} style={c.nowrap ? { whiteSpace: 'nowrap' } : undefined}>
                  {c.cell(r)}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {!rows.length && empty ? (
        <Text size="sm" c="dimmed" p="sm">
          {empty}
        </Text>
      ) : null}
    </Paper>
  );
}
